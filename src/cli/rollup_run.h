#pragma once
// What `report` and `graph` share: --period, the roll-up request, and printing
// what report_plan() or graph_plan() gave back.
#include <string>
#include <string_view>

#include "common.h"

namespace iooi::cli {

// Adds --period ID|all to `command`.
void add_period_option(CLI::App& command, std::string& period);

// The request for report_plan() or graph_plan(); reads the clock (for `today`).
RollupRequest rollup_request(const CommonOptions& options, const std::string& period);

// Writes the text, or prints why there is none: an error (exit 2) or the plan's
// error findings (exit 1). `what` names the output in messages ("report", "graph").
int finish_rollup(const Result<RollupOutput>& output, const CommonOptions& options,
                  std::string_view what);

}  // namespace iooi::cli
