#include "iooi/app/history.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <utility>

#include "iooi/load/git_repository.h"
#include "iooi/rollup/plan_diff.h"

namespace iooi {
namespace {

constexpr std::string_view fetch_hint =
    "fetch the whole history (`git fetch --unshallow`; GitHub Actions: actions/checkout with "
    "`fetch-depth: 0`; GitLab CI: `GIT_DEPTH: 0`)";

// Loads the plan at a commit once and keeps it for every later question.
class CommittedPlans {
 public:
  CommittedPlans(GitRepository repository, std::vector<CommitInfo> commits, std::string root,
                 LoadOptions options)
      : repository_(std::move(repository)),
        commits_(std::move(commits)),
        root_(std::move(root)),
        options_(std::move(options)) {}

  // The newest first-parent commit whose committer day is on or before `day`.
  const CommittedPlan* at(Date day) {
    const auto commit = std::find_if(commits_.begin(), commits_.end(),
                                     [day](const CommitInfo& info) { return info.date <= day; });
    if (commit == commits_.end()) return nullptr;
    auto [entry, fresh] = loaded_.try_emplace(commit->id);
    if (fresh) {
      Notes ignored;  // skipped files at an old commit are no news for today's plan
      // Files as they are in the work tree define nothing that could have changed.
      Result<LoadedPlan> loaded =
          repository_.load_plan_at(*commit, root_, options_, ignored, /*only_changed=*/true);
      if (loaded) {
        entry->second = std::make_unique<CommittedPlan>(
            CommittedPlan{commit->short_id, commit->date, std::move(loaded->plan)});
      }
    }
    return entry->second.get();
  }

 private:
  GitRepository repository_;
  std::vector<CommitInfo> commits_;  // newest first
  std::string root_;
  LoadOptions options_;
  std::map<std::string, std::unique_ptr<CommittedPlan>> loaded_;
};

// One side of a diff: the plan at a revision, or in the working tree.
struct DiffPlan {
  LoadedPlan load;
  DiffSideInfo info;
};

Result<DiffPlan> load_side(const GitRepository& repository,
                           const std::optional<std::string>& revision, const std::string& root,
                           const PlanRequest& plan_request, Notes& notes) {
  Result<LoadOptions> options = load_options_of(plan_request);
  if (!options) return options.error();
  DiffPlan side;
  if (revision) {
    Result<CommitInfo> commit = repository.resolve(*revision);
    if (!commit) return commit.error();
    Result<LoadedPlan> loaded = repository.load_plan_at(*commit, root, *options, notes);
    if (!loaded) return loaded.error();
    side.load = std::move(*loaded);
    side.info.revision = *revision;
    side.info.commit = commit->short_id;
    side.info.date = commit->date;
  } else {
    options->paths.clear();
    options->config_file.reset();
    Result<LoadedPlan> loaded = load_plan(*options, notes);
    if (!loaded) return loaded.error();
    side.load = std::move(*loaded);
  }
  CheckedPlan checked = check_loaded(std::move(side.load), plan_request.reference_date);
  std::copy_if(checked.findings.begin(), checked.findings.end(),
               std::back_inserter(side.info.errors), [](const Finding& finding) {
                 return finding.severity == Severity::error && finding.rule != Rule::checkin_future;
               });
  side.load = std::move(checked.load);
  return side;
}

// The plan root the working tree has: where iooi.yaml is, from the working folder up.
std::string plan_root_of(const PlanRequest& request) {
  return find_plan_root(request.working_dir.empty() ? std::string(".") : request.working_dir);
}

}  // namespace

PlanHistory plan_history(const std::string& plan_root, const LoadOptions& options, Notes& notes) {
  Result<GitRepository> repository = GitRepository::open(plan_root);
  if (!repository) {
    notes.push_back(fmt::format(
        "--history: the plan is not in a git repository, so target-changed is not checked; run "
        "it in a clone of the plan's repository and {}",
        fetch_hint));
    return {};
  }
  if (repository->is_shallow()) {
    notes.push_back(fmt::format(
        "--history: this is a shallow clone, so target-changed is not checked; {}", fetch_hint));
    return {};
  }
  Result<std::vector<CommitInfo>> commits = repository->first_parent_history();
  if (!commits || commits->empty()) {
    notes.push_back(
        "--history: the repository has no commit yet, so target-changed is not checked");
    return {};
  }
  auto plans = std::make_shared<CommittedPlans>(std::move(*repository), std::move(*commits),
                                                plan_root, options);
  return [plans](Date day) { return plans->at(day); };
}

Result<StreamWriter> diff_plan(const DiffRequest& request, DiffFormat format, Notes& notes) {
  const PlanRequest& plan_request = request.rollup.plan;
  const std::string root = plan_root_of(plan_request);
  Result<GitRepository> repository = GitRepository::open(root);
  if (!repository) return repository.error();
  Result<DiffPlan> before =
      load_side(*repository, request.before.value_or("HEAD"), root, plan_request, notes);
  if (!before) return before.error();
  Result<DiffPlan> after = load_side(*repository, request.after, root, plan_request, notes);
  if (!after) return after.error();

  const ScopeRequest scope_request{request.rollup.period.value_or("all"), request.rollup.as_of,
                                   request.rollup.today};
  Result<Scope> scope = resolve_scope(scope_request, after->load.plan.config);
  if (!scope) scope = resolve_scope(scope_request, before->load.plan.config);
  if (!scope) return scope.error();
  const Report before_report = compute_report(before->load.plan, *scope);
  const Report after_report = compute_report(after->load.plan, *scope);
  auto document = std::make_shared<DiffDocument>();
  document->before = std::move(before->info);
  document->after = std::move(after->info);
  document->as_of = scope->as_of;
  document->period = scope->period;
  document->language =
      std::string(language_name(effective_language(request.rollup.language, after->load.plan)));
  document->diff = diff_plans(DiffSide{before->load.plan, before_report},
                              DiffSide{after->load.plan, after_report});
  return StreamWriter(
      [document, format](std::ostream& out) { render_diff(format, *document, out); });
}

}  // namespace iooi
