// Rules about objectives and their key results: unknown-period, okr-no-key-results,
// okr-too-many-key-results, okr-too-many-objectives, okr-unaligned, okr-aligns-to-input.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "iooi/model/period.h"
#include "rules.h"

namespace iooi::check {
namespace {

// docs/rules.md: more than this many is a warning (OKR practice: 3-5).
constexpr size_t max_key_results = 5;
constexpr size_t max_objectives_per_owner_and_period = 5;

// A period id as people abbreviate it: lower case, and every four-digit year 19xx or
// 20xx cut to its last two digits, so that FY18, fy2018 and FY2018 compare equal.
std::string abbreviated_period(std::string_view id) {
  std::string out;
  for (size_t i = 0; i < id.size();) {
    size_t end = i;
    while (end < id.size() && id[end] >= '0' && id[end] <= '9') ++end;
    if (end == i) {
      const char c = id[i++];
      out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      continue;
    }
    const std::string_view digits = id.substr(i, end - i);
    const bool year = digits.size() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    out += year ? digits.substr(2) : digits;
    i = end;
  }
  return out;
}

// " (did you mean 'FY2018'?)": the declared id that differs only in how the year is
// written (FY18 is FY2018, not FY19), else a near miss.
std::string period_suggestion(const RuleRun& run, std::string_view period,
                              const std::vector<std::string_view>& declared) {
  const std::string abbreviated = abbreviated_period(period);
  for (std::string_view id : declared) {
    if (abbreviated_period(id) == abbreviated) return fmt::format(" (did you mean '{}'?)", id);
  }
  return run.did_you_mean(period, declared);
}

}  // namespace

void unknown_period(const RuleRun& run) {
  std::vector<std::string_view> custom_ids;
  for (const PeriodDef& period : run.plan.config.periods) custom_ids.push_back(period.id);
  for (const Objective& objective : run.plan.objectives) {
    if (objective.period.empty()) continue;  // missing-field is the decoder's
    if (find_period(objective.period, run.plan.config)) continue;
    run.report(
        Rule::unknown_period, best_loc(objective.period_at, objective.at),
        fmt::format("objective '{}' has period '{}', which is neither built-in nor "
                    "declared{}; use YYYY, YYYY-H1/H2, YYYY-Q1..Q4 or YYYY-MM, or declare it "
                    "in plan.periods in iooi.yaml",
                    objective.id, objective.period,
                    period_suggestion(run, objective.period, custom_ids)));
  }
}

void okr_no_key_results(const RuleRun& run) {
  for (const Objective& objective : run.plan.objectives) {
    if (!objective.key_results.empty()) continue;
    run.report(Rule::okr_no_key_results, best_loc(objective.key_results_at, objective.at),
               fmt::format("objective '{}' has no key results; add at least one key result that "
                           "measures it",
                           objective.id));
  }
}

void okr_too_many_key_results(const RuleRun& run) {
  for (const Objective& objective : run.plan.objectives) {
    if (objective.key_results.size() <= max_key_results) continue;
    run.report(Rule::okr_too_many_key_results, best_loc(objective.key_results_at, objective.at),
               fmt::format("objective '{}' has {} key results (more than {}); focus on the ones "
                           "that matter most or split the objective",
                           objective.id, objective.key_results.size(), max_key_results));
  }
}

void okr_too_many_objectives(const RuleRun& run) {
  // Keyed by owner and period id; the NUL cannot occur in either (ids are restricted).
  std::unordered_map<std::string, std::vector<const Objective*>> groups;
  for (const Objective& objective : run.plan.objectives) {
    if (objective.owner.empty() || objective.period.empty()) continue;
    groups[objective.owner + '\0' + objective.period].push_back(&objective);
  }
  for (const auto& [key, objectives] : groups) {
    if (objectives.size() <= max_objectives_per_owner_and_period) continue;
    // Point at the first objective past the limit, in plan order.
    const Objective& extra = *objectives[max_objectives_per_owner_and_period];
    run.report(Rule::okr_too_many_objectives, best_loc(extra.owner_at, extra.at),
               fmt::format("owner '{}' has {} objectives in period {} (more than {}); keep at most "
                           "{} per owner and period, e.g. by merging or deferring '{}'",
                           extra.owner, objectives.size(), extra.period,
                           max_objectives_per_owner_and_period, max_objectives_per_owner_and_period,
                           extra.id));
  }
}

void okr_unaligned(const RuleRun& run) {
  for (const Objective& objective : run.plan.objectives) {
    if (!objective.aligns_to.empty()) continue;
    run.report(Rule::okr_unaligned, objective.at,
               fmt::format("objective '{}' is aligned to nothing in the chain; add aligns_to with "
                           "the output or outcome it serves",
                           objective.id));
  }
}

void okr_aligns_to_input(const RuleRun& run) {
  for (const Objective& objective : run.plan.objectives) {
    if (objective.aligns_to.empty()) continue;
    bool only_inputs = true;
    for (const Link& link : objective.aligns_to) {
      const Element* target = run.index.element(link.id);
      // Unknown targets are unknown-reference's; they make "only inputs" unknowable.
      if (target == nullptr || target->level != Level::input) only_inputs = false;
    }
    if (!only_inputs) continue;
    run.report(Rule::okr_aligns_to_input, objective.aligns_to.front().at,
               fmt::format("objective '{}' is aligned only to inputs, which carry no progress; "
                           "align it to the output or outcome its key results move",
                           objective.id));
  }
}

}  // namespace iooi::check
