#pragma once
// The history of a rule fixture (tests/fixtures/rules/target-changed/README.md): the
// plan in the sibling folder `<fixture>.then/`, as if committed on 2025-12-20 before
// every day a rule asks about. No `.then` folder: no history.
#include <filesystem>
#include <memory>
#include <utility>

#include "iooi/check/check.h"
#include "iooi/load/load_plan.h"

namespace iooi {

inline PlanHistory fixture_history(const std::filesystem::path& folder) {
  std::filesystem::path then = folder;
  then += ".then";
  if (!std::filesystem::is_directory(then)) return {};
  LoadOptions options;
  options.working_dir = then.string();
  options.jobs = 1;
  Notes notes;
  Result<LoadedPlan> loaded = load_plan(options, notes);
  if (!loaded) return {};
  auto committed = std::make_shared<const CommittedPlan>(
      CommittedPlan{"fixture", Date::from_ymd(2025, 12, 20), std::move(loaded->plan)});
  return [committed](Date) { return committed.get(); };
}

}  // namespace iooi
