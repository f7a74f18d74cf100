#pragma once
// files -> YAML reader -> typed model: finds the plan root and the plan files,
// reads and decodes them (in parallel), and merges them in path order.
#include <optional>
#include <string>
#include <vector>

#include "iooi/diag/finding.h"
#include "iooi/model/plan.h"
#include "iooi/util/run_error.h"
#include "iooi/yaml/tree.h"

namespace iooi {

struct LoadOptions {
  std::vector<std::string> paths;          // files or folders; empty = the plan root
  std::optional<std::string> config_file;  // --config
  std::string working_dir;                 // display paths are relative to this
  unsigned jobs = 0;                       // 0 = all cores
  // The limits of docs/limits.md: built-in, or as set by --limit; plan.limits lowers them.
  yaml::ReadLimits limits;
  size_t max_files = 100'000;
  size_t max_total_nodes = 10'000'000;  // expanded YAML nodes of all files together
  // Follow symlinks met in a walk whose target lies outside the folder walked.
  bool follow_outside_root = false;
};

struct LoadedPlan {
  Plan plan;
  Findings findings;  // reader and decoder findings, plan.rules applied
  // Past max_findings_shown, counted by severity and not kept (docs/limits.md).
  FindingCounts omitted;
  std::string root;  // the plan root folder
};

// Messages about the run (skipped dangling symlinks, FIFOs, symlink loops): the CLI
// prints them on stderr unless --quiet. They never change the exit code, and they
// are kept when the run stops with an error.
using Notes = std::vector<std::string>;

// The nearest folder from `start` upwards that holds iooi.yaml, else `start`.
std::string find_plan_root(const std::string& start);

// An input error (a missing PATH, an unreadable file, too many files) or an
// internal one stops the run; everything wrong inside the files is a finding.
Result<LoadedPlan> load_plan(const LoadOptions& options, Notes& notes);

}  // namespace iooi
