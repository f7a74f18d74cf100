#pragma once
// Private to src/load: the steps every file source shares (docs/history.md). A
// source finds its plan files (the disk walk in load_plan.cpp, the tree walk in
// git_repository.cpp); reading, decoding and merging are the same for all.
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "iooi/diag/finding.h"
#include "iooi/load/file_source.h"
#include "iooi/load/load_plan.h"
#include "iooi/util/run_error.h"

namespace iooi {

struct PlanFile {
  std::string location;  // what FileSource::read() takes
  std::string display;   // the path users see
  // One identity per file, however many paths reach it: (device, inode) on disk,
  // (0, a number per resolved path) in a git tree.
  dev_t device = 0;
  ino_t inode = 0;
  bool is_config = false;
};

// What iooi.yaml decides before discovery.
struct LoadSettings {
  std::vector<std::string> exclude;
  LoadOptions in_force;             // its limits: those of `options`, lowered by plan.limits
  Findings findings;                // plan.limits values that would raise a limit
  std::vector<RuleOverride> rules;  // plan.rules: the severities past the findings cap count by
};

// iooi.yaml first (with the default limits): its exclude globs decide what
// discovery skips and its plan.limits apply from here on. It is read again
// with the other files so that its locations carry its final index.
Result<LoadSettings> settings_from_config(const FileSource& source, const LoadOptions& options,
                                          const std::optional<PlanFile>& config);

// Every plan file, sorted by the path users see, one entry per file even when
// reached twice.
std::vector<PlanFile> plan_files_in_order(std::vector<PlanFile> files);

// Reads and decodes `files` (from plan_files_in_order) on `jobs` threads and
// merges them in path order.
Result<LoadedPlan> load_plan_files(const FileSource& source, std::vector<PlanFile> files,
                                   LoadSettings settings, const std::string& root, unsigned jobs);

}  // namespace iooi
