// Rules that compare the plan with its own git history (docs/history.md). They run
// only when the caller passes a PlanHistory (check and report --history).
#include <fmt/format.h>

#include <map>
#include <unordered_map>

#include "iooi/model/period.h"
#include "rules.h"

namespace iooi::check {
namespace {

std::string number_text(double value) { return value == 0.0 ? "0" : fmt::format("{}", value); }

std::string baseline_text(const std::optional<double>& baseline) {
  return baseline ? number_text(*baseline) : std::string("none");
}

std::string goal_text(const Measure& measure) {
  const Threshold& threshold = measure.threshold;
  switch (threshold.kind) {
    case ThresholdKind::at_least:
      return ">=" + number_text(threshold.low);
    case ThresholdKind::at_most:
      return "<=" + number_text(threshold.high);
    case ThresholdKind::between:
      return number_text(threshold.low) + ".." + number_text(threshold.high);
    case ThresholdKind::none:
      break;
  }
  return measure.target ? number_text(*measure.target) : std::string("none");
}

std::string interim_text(const std::vector<InterimTarget>& targets) {
  if (targets.empty()) return "none";
  std::string text;
  for (const InterimTarget& target : targets) {
    text += fmt::format("{}{}: {}", text.empty() ? "" : ", ", target.date.to_string(),
                        number_text(target.value));
  }
  return text;
}

// "target was 800 (now 600)" for each goal post that moved, compared as numbers.
std::vector<std::string> moved_goal_posts(const Measure& then, const Measure& now) {
  std::vector<std::string> moved;
  if (goal_text(then) != goal_text(now)) {
    moved.push_back(fmt::format(
        "{} was {} (now {})",
        then.threshold.kind != ThresholdKind::none || now.threshold.kind != ThresholdKind::none
            ? "threshold"
            : "target",
        goal_text(then), goal_text(now)));
  }
  if (baseline_text(then.baseline) != baseline_text(now.baseline)) {
    moved.push_back(fmt::format("baseline was {} (now {})", baseline_text(then.baseline),
                                baseline_text(now.baseline)));
  }
  if (interim_text(then.targets) != interim_text(now.targets)) {
    moved.push_back(fmt::format("interim targets were {} (now {})", interim_text(then.targets),
                                interim_text(now.targets)));
  }
  return moved;
}

using MeasuresById = std::unordered_map<std::string_view, const Measure*>;

MeasuresById key_results_of(const Plan& plan) {
  MeasuresById found;
  for (const Objective& objective : plan.objectives)
    for (const Measure& measure : objective.key_results) found.emplace(measure.id, &measure);
  return found;
}

MeasuresById indicators_of(const Plan& plan) {
  MeasuresById found;
  for (const Element& element : plan.elements)
    for (const Measure& measure : element.indicators) found.emplace(measure.id, &measure);
  return found;
}

// Compares `now` with its namesake in the plan as committed on `day`; a measure
// that did not exist then (added after the period began) is no finding.
class GoalPostCheck {
 public:
  explicit GoalPostCheck(const RuleRun& run) : run_(run) {}

  void compare(const Measure& now, Date day, std::string_view kind, bool indicator) {
    const CommittedPlan* then = run_.context.history(day);
    if (then == nullptr) return;
    auto [entry, fresh] = cache_.try_emplace(then);
    if (fresh) {
      entry->second.key_results = key_results_of(then->plan);
      entry->second.indicators = indicators_of(then->plan);
    }
    const MeasuresById& old = indicator ? entry->second.indicators : entry->second.key_results;
    const auto found = old.find(now.id);
    if (found == old.end()) return;
    const std::vector<std::string> moved = moved_goal_posts(*found->second, now);
    if (moved.empty()) return;
    std::string list;
    for (const std::string& part : moved) list += (list.empty() ? "" : "; ") + part;
    run_.report(
        Rule::target_changed, best_loc(now.target_at, now.at),
        fmt::format("{} '{}' changed since {}: {} at commit {} of {}; keep the goal post "
                    "the period started with, or say in the description why it moved",
                    kind, now.id, day.to_string(), list, then->commit, then->date.to_string()));
  }

 private:
  struct Index {
    MeasuresById key_results, indicators;
  };
  const RuleRun& run_;
  std::map<const CommittedPlan*, Index> cache_;
};

}  // namespace

void target_changed(const RuleRun& run) {
  if (!run.context.history) return;
  GoalPostCheck check(run);
  for (const Objective& objective : run.plan.objectives) {
    const std::optional<Period> period = find_period(objective.period, run.plan.config);
    if (!period) continue;
    for (const Measure& measure : objective.key_results)
      check.compare(measure, period->start, "key result", false);
  }
  for (const Element& element : run.plan.elements) {
    for (const Measure& measure : element.indicators) {
      if (measure.baseline_date && measure.target_date)
        check.compare(measure, *measure.baseline_date, "indicator", true);
    }
  }
}

}  // namespace iooi::check
