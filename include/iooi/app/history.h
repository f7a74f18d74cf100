#pragma once
// The plan's git history (docs/history.md): `iooi diff` and the history that
// `check --history` and `report --history` compare with (target-changed).
#include <optional>
#include <string>

#include "iooi/app/commands.h"
#include "iooi/app/formats.h"
#include "iooi/check/check.h"
#include "iooi/load/load_plan.h"
#include "iooi/util/atomic_file.h"
#include "iooi/util/run_error.h"

namespace iooi {

struct DiffRequest {
  RollupRequest rollup;               // rollup.period none: every objective (all)
  std::optional<std::string> before;  // REV_A; none: HEAD
  std::optional<std::string> after;   // REV_B; none: the working tree
};

// `iooi diff`: an input error outside a git repository, a usage error for an
// unknown revision or period. Error findings of either side are listed in the
// output, and the diff goes on with what could be read.
Result<StreamWriter> diff_plan(const DiffRequest& request, DiffFormat format, Notes& notes);

// The plans as committed on HEAD's first-parent line of the repository that holds
// `plan_root`, loaded when a rule first asks for a day. Outside a repository, in a
// shallow clone or before the first commit: one note saying so and how to fetch
// the history, and an empty PlanHistory (no finding).
PlanHistory plan_history(const std::string& plan_root, const LoadOptions& options, Notes& notes);

}  // namespace iooi
