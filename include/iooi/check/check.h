#pragma once
// Semantic checks over the whole merged plan: one function per rule, each
// appending findings with that rule's id (src/check/*.cpp).
#include <functional>
#include <string>
#include <utility>

#include "iooi/diag/finding.h"
#include "iooi/model/plan.h"
#include "iooi/util/date.h"

namespace iooi {

// The plan as committed at one commit (docs/history.md), for target-changed.
struct CommittedPlan {
  std::string commit;  // short id
  Date date;           // the committer date's day (UTC)
  Plan plan;
};

// The plan as committed at the newest first-parent commit on or before a day, or
// nullptr (no such commit, or it could not be read).
using PlanHistory = std::function<const CommittedPlan*(Date day)>;

struct CheckContext {
  explicit CheckContext(Date reference, PlanHistory plan_history = {})
      : reference_date(reference), history(std::move(plan_history)) {}

  Date reference_date;  // --as-of (default today): checkin-future, checkin-stale
  PlanHistory history;  // --history: target-changed; empty: the rule finds nothing
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
