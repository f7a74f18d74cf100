#include "iooi/check/check.h"

#include <fmt/format.h>

#include <array>
#include <unordered_map>

#include "iooi/util/suggest.h"
#include "iooi/util/utf8.h"
#include "rules.h"

namespace iooi {
namespace check {

PlanIndex build_index(const Plan& plan) {
  PlanIndex index;
  index.ids = first_definitions(plan);
  index.element_ids.reserve(plan.elements.size());
  for (const Element& element : plan.elements)
    if (!element.id.empty()) index.element_ids.push_back(element.id);
  for (const Objective& objective : plan.objectives)
    for (const Link& link : objective.aligns_to) index.aligned_elements.insert(link.id);
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

// Messages quote ids, owners and values: every rule's message passes the output
// boundary once here (docs/security.md), whatever format shows it, and a message
// that quotes a long value keeps its start and its advice at the end.
void RuleRun::report(Rule rule, const Loc& at, std::string_view message) const {
  constexpr size_t longest_message = 1000;
  const auto found = overflow.overrides.find(rule);
  const Severity severity =
      found != overflow.overrides.end() ? found->second : rule_info(rule).default_severity;
  if (severity == Severity::off) return;
  if (findings.size() >= overflow.cap) {
    overflow.omitted.add(severity);
    return;
  }
  findings.push_back(make_finding(rule, path(at), at.line, at.column,
                                  shorten_middle(terminal_text(message), longest_message)));
}

std::string RuleRun::did_you_mean(std::string_view word,
                                  const std::vector<std::string_view>& candidates) const {
  const auto match = closest_match(word, candidates, suggestions);
  return match ? fmt::format(" (did you mean '{}'?)", *match) : std::string();
}

std::string place(const Plan& plan, const Loc& at) {
  const std::string file = at.file < plan.files.size() ? plan.files[at.file] : std::string("?");
  return at.line > 0 ? fmt::format("{}:{}", file, at.line) : file;
}

namespace {

// Expanded from rules.def: a CHECK rule whose function is missing fails to link.
constexpr std::array dispatch = {
#define IOOI_READ_RULE(name, id, severity, summary, help)
#define IOOI_CHECK_RULE(name, id, severity, summary, help) RuleCheck{Rule::name, &check::name},
#include "iooi/diag/rules.def"
};

}  // namespace

std::span<const RuleCheck> rule_checks() { return dispatch; }

}  // namespace check

namespace {

Findings run_checks_capped(const Plan& plan, const CheckContext& context, size_t cap,
                           FindingCounts& omitted) {
  const check::PlanIndex index = check::build_index(plan);
  Findings findings;
  SuggestBudget suggestions;
  check::FindingOverflow overflow;
  overflow.cap = cap;
  // A later entry for the same rule wins, as in apply_severities.
  for (const RuleOverride& entry : plan.config.rules)
    if (const auto rule = rule_from_id(entry.rule)) overflow.overrides[*rule] = entry.severity;
  const check::RuleRun run{plan, context, index, findings, suggestions, overflow};
  // The caller sorts all findings once (check_loaded in src/app).
  for (const check::RuleCheck& rule_check : check::rule_checks()) rule_check.run(run);
  omitted = overflow.omitted;
  return findings;
}

}  // namespace

Findings run_checks(const Plan& plan, const CheckContext& context) {
  FindingCounts omitted;
  return run_checks_capped(plan, context, static_cast<size_t>(-1), omitted);
}

Findings run_checks(const Plan& plan, const CheckContext& context, FindingCounts& omitted) {
  return run_checks_capped(plan, context, max_findings_shown, omitted);
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
