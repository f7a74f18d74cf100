#include "iooi/check/check.h"

#include <fmt/format.h>

#include <unordered_map>

#include "iooi/util/suggest.h"
#include "rules.h"

namespace iooi {
namespace check {

std::string_view id_kind_name(IdKind kind) {
  switch (kind) {
    case IdKind::element:
      return "element";
    case IdKind::indicator:
      return "indicator";
    case IdKind::objective:
      return "objective";
    case IdKind::key_result:
      return "key result";
  }
  return "element";
}

const Element* PlanIndex::element(std::string_view id) const {
  const auto found = ids.find(id);
  return found == ids.end() ? nullptr : found->second.element;
}

PlanIndex build_index(const Plan& plan) {
  PlanIndex index;
  index.element_ids.reserve(plan.elements.size());
  auto add = [&](const std::string& id, IdKind kind, const Loc& at, const Element* element) {
    if (id.empty()) return;  // missing ids are the decoder's finding
    index.ids.try_emplace(id, IdEntry{kind, at, element});
  };
  for (const Element& element : plan.elements) {
    add(element.id, IdKind::element, element.at, &element);
    if (!element.id.empty()) index.element_ids.push_back(element.id);
    for (const Measure& indicator : element.indicators)
      add(indicator.id, IdKind::indicator, indicator.at, nullptr);
  }
  for (const Objective& objective : plan.objectives) {
    add(objective.id, IdKind::objective, objective.at, nullptr);
    for (const Measure& key_result : objective.key_results)
      add(key_result.id, IdKind::key_result, key_result.at, nullptr);
    for (const Link& link : objective.aligns_to) index.aligned_elements.insert(link.id);
  }
  for (const Team& team : plan.teams) {
    if (team.id.empty()) continue;
    if (index.teams.insert(team.id).second) index.team_ids.push_back(team.id);
  }
  for (const Element& element : plan.elements) {
    for (const Link& link : element.contributes_to) {
      const Element* target = index.element(link.id);
      if (target != nullptr && target->level > element.level)
        index.supported_elements.insert(target->id);
    }
  }
  return index;
}

std::string RuleRun::path(const Loc& at) const {
  return at.file < plan.files.size() ? plan.files[at.file] : std::string();
}

void RuleRun::report(Rule rule, const Loc& at, std::string message) const {
  findings.push_back(make_finding(rule, path(at), at.line, at.column, std::move(message)));
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  const auto match = closest_match(word, candidates);
  return match ? fmt::format(" (did you mean '{}'?)", *match) : std::string();
}

std::string place(const Plan& plan, const Loc& at) {
  const std::string file = at.file < plan.files.size() ? plan.files[at.file] : std::string("?");
  return at.line > 0 ? fmt::format("{}:{}", file, at.line) : file;
}

}  // namespace check

Findings run_checks(const Plan& plan, const CheckContext& context) {
  const check::PlanIndex index = check::build_index(plan);
  Findings findings;
  const check::RuleRun run{plan, context, index, findings};
  // The order here does not matter for the output (sorted below); it follows docs/rules.md.
  check::duplicate_id(run);
  check::id_case_clash(run);
  check::unknown_reference(run);
  check::unknown_period(run);
  check::chain_direction(run);
  check::chain_skip_level(run);
  check::chain_orphan(run);
  check::chain_unsupported(run);
  check::stage_mismatch(run);
  check::unmeasured(run);
  check::okr_no_key_results(run);
  check::okr_too_many_key_results(run);
  check::okr_too_many_objectives(run);
  check::okr_unaligned(run);
  check::okr_aligns_to_input(run);
  check::measure_target_equals_baseline(run);
  check::measure_current_and_checkins(run);
  check::measure_zero_weight(run);
  check::percent_range(run);
  check::indicator_dates(run);
  check::checkin_order(run);
  check::checkin_duplicate_date(run);
  check::checkin_future(run);
  check::checkin_outside_period(run);
  check::checkin_stale(run);
  check::unknown_rule(run);
  sort_findings(findings);
  return findings;
}

void apply_severities(Findings& findings, const Config& config) {
  if (config.rules.empty()) return;
  // A later entry for the same rule wins, as a later line in a file would.
  std::unordered_map<Rule, Severity> overrides;
  for (const RuleOverride& entry : config.rules)
    if (const auto rule = rule_from_id(entry.rule)) overrides[*rule] = entry.severity;
  if (overrides.empty()) return;
  Findings kept;
  kept.reserve(findings.size());
  for (Finding& finding : findings) {
    const auto found = overrides.find(finding.rule);
    if (found != overrides.end()) finding.severity = found->second;
    if (finding.severity != Severity::off) kept.push_back(std::move(finding));
  }
  findings = std::move(kept);
}

bool is_failing(const Finding& finding, bool strict) {
  switch (finding.severity) {
    case Severity::error:
      return true;
    case Severity::warning:
      return strict;
    case Severity::info:
    case Severity::off:
      return false;
  }
  return false;
}

}  // namespace iooi
