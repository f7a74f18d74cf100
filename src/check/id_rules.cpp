// Rules about ids and the references between them: duplicate-id, id-case-clash,
// unknown-reference.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <tuple>

#include "rules.h"

namespace iooi::check {
namespace {

struct Occurrence {
  std::string_view id;
  std::string_view kind;  // "element", "indicator", ..., "team"
  Loc at;
};

// Ids of the shared namespace: elements, indicators, objectives, key results.
std::vector<Occurrence> plan_ids(const Plan& plan) {
  std::vector<Occurrence> ids;
  for (const Element& element : plan.elements) {
    ids.push_back({element.id, level_name(element.level), element.at});
    for (const Measure& indicator : element.indicators)
      ids.push_back({indicator.id, "indicator", indicator.at});
  }
  for (const Objective& objective : plan.objectives) {
    ids.push_back({objective.id, "objective", objective.at});
    for (const Measure& key_result : objective.key_results)
      ids.push_back({key_result.id, "key result", key_result.at});
  }
  std::erase_if(ids, [](const Occurrence& o) { return o.id.empty(); });
  return ids;
}

std::vector<Occurrence> team_ids(const Plan& plan) {
  std::vector<Occurrence> ids;
  for (const Team& team : plan.teams)
    if (!team.id.empty()) ids.push_back({team.id, "team", team.at});
  return ids;
}

// Custom periods: a repeated id would silently resolve to the first definition.
std::vector<Occurrence> period_ids(const Plan& plan) {
  std::vector<Occurrence> ids;
  for (const PeriodDef& period : plan.config.periods)
    if (!period.id.empty()) ids.push_back({period.id, "period", period.at});
  return ids;
}

// The first definition of each distinct id, as defined_before() orders them
// (plan.h): the same one PlanIds resolves references to.
std::unordered_map<std::string_view, const Occurrence*> earliest_of(
    const std::vector<Occurrence>& ids) {
  std::unordered_map<std::string_view, const Occurrence*> earliest;
  earliest.reserve(ids.size());
  for (const Occurrence& occurrence : ids) {
    auto [it, inserted] = earliest.try_emplace(occurrence.id, &occurrence);
    if (!inserted && defined_before(occurrence.at, it->second->at)) it->second = &occurrence;
  }
  return earliest;
}

void report_duplicates(const RuleRun& run, const std::vector<Occurrence>& ids,
                       std::string_view namespace_note) {
  const auto earliest = earliest_of(ids);
  for (const Occurrence& occurrence : ids) {
    const Occurrence* first = earliest.at(occurrence.id);
    if (first == &occurrence) continue;
    run.report(Rule::duplicate_id, occurrence.at,
               fmt::format("{} id '{}' is also defined at {} ({}); rename one of them ({})",
                           occurrence.kind, occurrence.id, place(run.plan, first->at), first->kind,
                           namespace_note));
  }
}

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

void report_case_clashes(const RuleRun& run, const std::vector<Occurrence>& ids) {
  // One finding per spelling that is not the earliest spelling of its lower-case form.
  const auto earliest = earliest_of(ids);
  std::unordered_map<std::string, const Occurrence*> canonical;  // lower-case -> earliest spelling
  for (const auto& [id, occurrence] : earliest) {
    auto [it, inserted] = canonical.try_emplace(lower_ascii(id), occurrence);
    if (!inserted && defined_before(occurrence->at, it->second->at)) it->second = occurrence;
  }
  for (const auto& [id, occurrence] : earliest) {
    const Occurrence* first = canonical.at(lower_ascii(id));
    if (first == occurrence) continue;
    run.report(Rule::id_case_clash, occurrence->at,
               fmt::format("{} id '{}' differs only in letter case from '{}' at {}; rename one "
                           "so they cannot be confused (ids are case-sensitive)",
                           occurrence->kind, id, first->id, place(run.plan, first->at)));
  }
}

void check_link(const RuleRun& run, const Link& link, std::string_view key) {
  if (link.id.empty()) return;  // the decoder reports missing ids
  const IdDefinition* found = run.index.ids.find(link.id);
  if (found == nullptr) {
    run.report(Rule::unknown_reference, link.at,
               fmt::format("{} names '{}', which is not defined{}; correct the id or define an "
                           "element with it",
                           key, link.id, run.did_you_mean(link.id, run.index.element_ids)));
  } else if (found->kind != IdKind::element) {
    run.report(Rule::unknown_reference, link.at,
               fmt::format("{} names '{}', which is {} {}, not a chain element; name an input, "
                           "output, outcome or impact instead",
                           key, link.id, found->kind == IdKind::key_result ? "a" : "an",
                           id_kind_name(found->kind)));
  }
}

}  // namespace

void duplicate_id(const RuleRun& run) {
  report_duplicates(run, plan_ids(run.plan),
                    "ids are unique across elements, indicators, objectives and key results");
  report_duplicates(run, team_ids(run.plan), "team ids are unique");
  report_duplicates(run, period_ids(run.plan), "period ids in plan.periods are unique");
}

void id_case_clash(const RuleRun& run) {
  report_case_clashes(run, plan_ids(run.plan));
  report_case_clashes(run, team_ids(run.plan));
}

void unknown_reference(const RuleRun& run) {
  for (const Element& element : run.plan.elements)
    for (const Link& link : element.contributes_to) check_link(run, link, "contributes_to");
  for (const Objective& objective : run.plan.objectives) {
    for (const Link& link : objective.aligns_to) check_link(run, link, "aligns_to");
    // Owners are free text until the plan declares teams (docs/format.md, Teams).
    if (run.index.teams.empty() || objective.owner.empty()) continue;
    if (run.index.teams.contains(objective.owner)) continue;
    run.report(Rule::unknown_reference, best_loc(objective.owner_at, objective.at),
               fmt::format("owner '{}' is not a declared team{}; use the id of a team from the "
                           "teams section or declare the team there",
                           objective.owner, run.did_you_mean(objective.owner, run.index.team_ids)));
  }
}

}  // namespace iooi::check
