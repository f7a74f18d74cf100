#pragma once
// The limits of docs/limits.md by name: `--limit NAME=VALUE` sets a ceiling, and
// plan.limits in iooi.yaml may only lower it (a pull request may edit iooi.yaml).
#include <string>
#include <string_view>

#include "iooi/diag/finding.h"
#include "iooi/load/load_plan.h"
#include "iooi/model/plan.h"

namespace iooi {

// Applies one `--limit NAME=VALUE` to `options` (raising or lowering the limit).
// Returns "" or a message saying what is wrong, for a usage error.
std::string set_limit_option(LoadOptions& options, std::string_view assignment);

// Lowers the limits in `options` to the ones in plan.limits. A value above the
// current limit is a `type` finding at the value in `config_path`, and the
// current limit stays.
void apply_plan_limits(const LimitOverrides& overrides, const std::string& config_path,
                       LoadOptions& options, Findings& findings);

// "file_size_mib, value_size_kib, ..." for help texts and messages.
std::string limit_names();

}  // namespace iooi
