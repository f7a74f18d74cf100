#pragma once
// A plan as committed to git (docs/history.md): read straight from the repository's
// objects through libgit2, with no `git` process and no checkout, and loaded by the
// same reader, decoder and merge as files on disk (iooi/load/file_source.h).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "iooi/load/load_plan.h"
#include "iooi/util/date.h"
#include "iooi/util/run_error.h"

namespace iooi {

struct CommitInfo {
  std::string id;        // 40 hex digits
  std::string short_id;  // its first 7
  Date date;             // the committer date's day in UTC
};

class GitRepository {
 public:
  // The repository whose work tree holds `folder`. An input error outside one (or
  // in a bare repository, which has no work tree to compare with).
  static Result<GitRepository> open(const std::string& folder);

  GitRepository(GitRepository&& other) noexcept;
  GitRepository& operator=(GitRepository&& other) noexcept;
  GitRepository(const GitRepository&) = delete;
  GitRepository& operator=(const GitRepository&) = delete;
  ~GitRepository();

  const std::string& work_tree() const;  // its top folder, a real path without trailing '/'
  bool is_shallow() const;               // a clone made with --depth: history is cut off

  // A revision as git spells it (HEAD, a branch, a tag, a commit id, HEAD~2, ...),
  // peeled to its commit. A usage error when the repository has no such commit.
  Result<CommitInfo> resolve(const std::string& revision) const;

  // The commits on HEAD's first-parent line, newest first (empty before the first commit).
  Result<std::vector<CommitInfo>> first_parent_history() const;

  // The plan under `plan_root` (a folder of the work tree) as `commit` holds it:
  // iooi.yaml and every *.yaml/*.yml below, minus hidden entries and plan.exclude,
  // shown by their work-tree paths relative to options.working_dir. A symlink is
  // followed only to a file inside the plan root. An empty plan when the commit has
  // no such folder. options.paths and options.config_file are not used.
  // With `only_changed`, a file whose blob holds exactly the bytes of the regular file
  // at the same path in the work tree is left out (docs/history.md: what --history
  // reads): what it defines is the same now as then.
  Result<LoadedPlan> load_plan_at(const CommitInfo& commit, const std::string& plan_root,
                                  const LoadOptions& options, Notes& notes,
                                  bool only_changed = false) const;

 private:
  struct State;
  explicit GitRepository(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace iooi
