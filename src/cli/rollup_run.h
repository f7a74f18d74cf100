#pragma once
// What `report` and `graph` share: load and check the plan, refuse on errors,
// resolve the scope (--period, --as-of) and compute the roll-up.
#include <optional>
#include <string>

#include "common.h"
#include "iooi/rollup/rollup.h"

namespace iooi::cli {

struct RollupRun {
  Report report;
  std::string language;
  FindingCounts findings;  // what `check` would report, checkin-future aside
};

// Adds --period ID|all to `command`.
void add_period_option(CLI::App& command, std::string& period);

// std::nullopt with `exit_code` set when there is nothing to print: a load error
// or unknown period (exit 2), or error findings, which go to stderr (exit 1).
// `what` names the output in messages ("report", "graph").
std::optional<RollupRun> run_rollup(const CommonOptions& options, const std::string& period,
                                    std::string_view what, int& exit_code);

}  // namespace iooi::cli
