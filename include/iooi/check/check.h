#pragma once
// Semantic checks over the whole merged plan: one function per rule, each
// appending findings with that rule's id (src/check/*.cpp).
#include "iooi/diag/finding.h"
#include "iooi/model/plan.h"
#include "iooi/util/date.h"

namespace iooi {

struct CheckContext {
  Date reference_date;  // --as-of (default today): checkin-future, checkin-stale
};

// Runs every rule over the plan; returned findings carry default severities and
// are not sorted (the caller sorts them once, with the reader's findings).
Findings run_checks(const Plan& plan, const CheckContext& context);  // all of them
// The same, storing at most max_findings_shown findings; the others are counted in
// `omitted` by their final severity (plan.rules applied).
Findings run_checks(const Plan& plan, const CheckContext& context, FindingCounts& omitted);

// Applies plan.rules overrides: changes severities and drops findings set to `off`.
void apply_severities(Findings& findings, const Config& config);

// True when a finding fails the run: errors, and with `strict` warnings too.
bool is_failing(const Finding& finding, bool strict);

}  // namespace iooi
