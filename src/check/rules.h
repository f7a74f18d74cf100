#pragma once
// Private to src/check: the per-rule functions that run_checks() calls, and the
// id index they share. Each function is named after its rule id and appends
// only findings of that rule.
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "iooi/check/check.h"
#include "iooi/diag/finding.h"
#include "iooi/model/plan.h"

namespace iooi::check {

enum class IdKind : uint8_t { element, indicator, objective, key_result };
std::string_view id_kind_name(IdKind kind);  // "element", "indicator", ...

// The first definition of an id; later ones are reported by duplicate-id and
// never shadow the first, so every rule resolves references the same way.
struct IdEntry {
  IdKind kind = IdKind::element;
  Loc at;
  const Element* element = nullptr;  // set for elements
};

// Hash maps built once per run so that every rule stays linear in the plan size.
struct PlanIndex {
  std::unordered_map<std::string_view, IdEntry> ids;
  std::unordered_set<std::string_view> teams;
  std::vector<std::string_view> element_ids;  // did-you-mean candidates, plan order
  std::vector<std::string_view> team_ids;
  // Elements named in some objective's aligns_to.
  std::unordered_set<std::string_view> aligned_elements;
  // Elements that some element of a lower level lists in contributes_to.
  std::unordered_set<std::string_view> supported_elements;

  const Element* element(std::string_view id) const;  // nullptr unless an element
};

PlanIndex build_index(const Plan& plan);

// What every rule function gets: the plan, the run's context, the shared index,
// and the vector its findings go to.
struct RuleRun {
  const Plan& plan;
  const CheckContext& context;
  const PlanIndex& index;
  Findings& findings;

  std::string path(const Loc& at) const;
  void report(Rule rule, const Loc& at, std::string message) const;
};

// " (did you mean 'x'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);
// "path:line" of a location, for messages that name a second place.
std::string place(const Plan& plan, const Loc& at);
// Prefer the more precise location when the decoder recorded it.
inline const Loc& best_loc(const Loc& precise, const Loc& fallback) {
  return precise.line > 0 ? precise : fallback;
}

// id_rules.cpp
void duplicate_id(const RuleRun& run);
void id_case_clash(const RuleRun& run);
void unknown_reference(const RuleRun& run);

// chain_rules.cpp
void chain_direction(const RuleRun& run);
void chain_skip_level(const RuleRun& run);
void chain_orphan(const RuleRun& run);
void chain_unsupported(const RuleRun& run);
void stage_mismatch(const RuleRun& run);
void unmeasured(const RuleRun& run);

// okr_rules.cpp
void unknown_period(const RuleRun& run);
void okr_no_key_results(const RuleRun& run);
void okr_too_many_key_results(const RuleRun& run);
void okr_too_many_objectives(const RuleRun& run);
void okr_unaligned(const RuleRun& run);
void okr_aligns_to_input(const RuleRun& run);

// measure_rules.cpp
void measure_target_equals_baseline(const RuleRun& run);
void measure_current_and_checkins(const RuleRun& run);
void measure_zero_weight(const RuleRun& run);
void percent_range(const RuleRun& run);
void indicator_dates(const RuleRun& run);

// checkin_rules.cpp
void checkin_order(const RuleRun& run);
void checkin_duplicate_date(const RuleRun& run);
void checkin_future(const RuleRun& run);
void checkin_outside_period(const RuleRun& run);
void checkin_stale(const RuleRun& run);

// config_rules.cpp
void unknown_rule(const RuleRun& run);

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
