// `iooi __complete periods|ids [PATH...]`: a hidden helper for the shell
// completions (completions/): prints the plan's period ids or measure ids, one per
// line. Ids that are not well-formed are left out, so a hostile plan cannot put
// control characters into a terminal through Tab.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>

#include "common.h"

namespace iooi::cli {
namespace {

struct CompleteOptions {
  std::string what;
  std::vector<std::string> paths;
};

bool well_formed_id(const std::string& id) {
  const auto allowed = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
  };
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), allowed);
}

std::set<std::string> plan_ids(const Plan& plan, const std::string& what) {
  std::set<std::string> ids;
  if (what == "periods") {
    ids.insert("all");
    for (const PeriodDef& period : plan.config.periods) ids.insert(period.id);
    for (const Objective& objective : plan.objectives) ids.insert(objective.period);
    return ids;
  }
  for (const Objective& objective : plan.objectives)
    for (const Measure& key_result : objective.key_results) ids.insert(key_result.id);
  for (const Element& element : plan.elements)
    for (const Measure& indicator : element.indicators) ids.insert(indicator.id);
  return ids;
}

int run_complete(const CompleteOptions& options) {
  LoadOptions load_options;
  load_options.paths = options.paths;
  load_options.working_dir = std::filesystem::current_path().string();
  // Tab in a folder that is not inside a plan (a home folder, a source tree with a build
  // folder full of YAML) must not read everything below it: there only the built-in
  // period `all` is offered (README, Tab completion).
  std::error_code error;
  if (options.paths.empty() &&
      !std::filesystem::is_regular_file(
          std::filesystem::path(find_plan_root(load_options.working_dir)) / "iooi.yaml", error)) {
    if (options.what == "periods") fmt::print("all\n");
    return exit_ok;
  }
  Notes notes;  // about the run, not for a completion list
  const Result<LoadedPlan> loaded = load_plan(load_options, notes);
  if (!loaded) return exit_usage;  // nothing to offer; the shell stays quiet
  for (const std::string& id : plan_ids(loaded->plan, options.what))
    if (well_formed_id(id)) fmt::print("{}\n", id);
  return exit_ok;
}

}  // namespace

void add_complete_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CompleteOptions>();
  // The empty group hides the helper from --help; it is for completion scripts only.
  CLI::App* command = app.add_subcommand("__complete", "Ids for shell completion")->group("");
  command->add_option("what", options->what)->required()->check(CLI::IsMember({"periods", "ids"}));
  command->add_option("paths", options->paths);
  command->callback([options, &exit_code] { exit_code = run_complete(*options); });
}

}  // namespace iooi::cli
