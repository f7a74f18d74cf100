#pragma once
// Private to src/check: the per-rule functions that run_checks() calls, and the
// id index they share. Each function is named after its rule (rules.def) and
// appends only findings of that rule.
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "iooi/check/check.h"
#include "iooi/diag/finding.h"
#include "iooi/model/plan.h"
#include "iooi/util/suggest.h"

namespace iooi::check {

// Hash maps built once per run so that every rule stays linear in the plan size.
struct PlanIndex {
  PlanIds ids;  // the first definition of each id, as roll-up and graphs resolve it
  std::unordered_set<std::string_view> teams;
  std::vector<std::string_view> element_ids;  // did-you-mean candidates, plan order
  std::vector<std::string_view> team_ids;
  // Ids named in some objective's aligns_to. By id, so that a later duplicate of an
  // element counts as aligned as well: it is a duplicate-id error already, and an
  // unmeasured or chain-unsupported finding beside it would only repeat that.
  std::unordered_set<std::string_view> aligned_elements;
  // Elements that some element of a lower level lists in contributes_to.
  std::unordered_set<std::string_view> supported_elements;

  const Element* element(std::string_view id) const { return ids.element(id); }
};

PlanIndex build_index(const Plan& plan);

// What every rule function gets: the plan, the run's context, the shared index,
// and the vector its findings go to.
// Findings past the run's cap are counted by the severity plan.rules gives them.
struct FindingOverflow {
  size_t cap = max_findings_shown;
  std::unordered_map<Rule, Severity> overrides;
  FindingCounts omitted;
};

struct RuleRun {
  const Plan& plan;
  const CheckContext& context;
  const PlanIndex& index;
  Findings& findings;

  SuggestBudget& suggestions;  // shared by every did_you_mean of the run
  FindingOverflow& overflow;   // findings past max_findings_shown: counted only

  std::string path(const Loc& at) const;
  void report(Rule rule, const Loc& at, std::string_view message) const;
  // " (did you mean 'x'?)" or "" when nothing is close (or the budget is spent).
  std::string did_you_mean(std::string_view word,
                           const std::vector<std::string_view>& candidates) const;
};

// "path:line" of a location, for messages that name a second place.
std::string place(const Plan& plan, const Loc& at);
// Prefer the more precise location when the decoder recorded it.
inline const Loc& best_loc(const Loc& precise, const Loc& fallback) {
  return precise.line > 0 ? precise : fallback;
}

// One function per CHECK rule of rules.def, named like its enumerator and
// defined in one of src/check/*_rules.cpp.
#define IOOI_READ_RULE(name, id, severity, summary, help)
#define IOOI_CHECK_RULE(name, id, severity, summary, help) void name(const RuleRun& run);
#include "iooi/diag/rules.def"

// What run_checks() walks: one entry per CHECK rule, in the order of rules.def.
struct RuleCheck {
  Rule rule;
  void (*run)(const RuleRun&);
};
std::span<const RuleCheck> rule_checks();

// Calls `visit(measure, objective)` for every key result (objective set) and
// every indicator (objective nullptr), in plan order.
template <typename Visit>
void for_each_measure(const Plan& plan, Visit&& visit) {
  for (const Element& element : plan.elements)
    for (const Measure& indicator : element.indicators)
      visit(indicator, static_cast<const Objective*>(nullptr));
  for (const Objective& objective : plan.objectives)
    for (const Measure& key_result : objective.key_results) visit(key_result, &objective);
}

}  // namespace iooi::check
