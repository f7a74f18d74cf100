// Rules about measures (key results and indicators): measure-target-equals-baseline,
// measure-current-and-checkins, measure-zero-weight, percent-range, indicator-dates.
#include <fmt/format.h>

#include <optional>
#include <utility>

#include "rules.h"

namespace iooi::check {
namespace {

std::string describe(const Measure& measure, const Objective* objective) {
  return fmt::format("{} '{}'", objective != nullptr ? "key result" : "indicator", measure.id);
}

bool outside_percent(double value) { return value < 0.0 || value > 100.0; }

struct PercentValue {
  std::string what;
  double value;
  Loc at;
};

Loc field_loc(const Measure& measure, const LineColumn& field) {
  return Loc{measure.at.file, field.line, field.column};
}

}  // namespace

void measure_target_equals_baseline(const RuleRun& run) {
  for_each_measure(run.plan, [&](const Measure& measure, const Objective* objective) {
    if (measure.type != MeasureType::numeric || !measure.baseline || !measure.target) return;
    if (*measure.target != *measure.baseline) return;
    run.report(Rule::measure_target_equals_baseline, best_loc(measure.target_at, measure.at),
               fmt::format("{} has target equal to baseline ({}), so progress cannot be measured; "
                           "set the target to the value you want to reach, or to hold the level "
                           "write a threshold: `target: {{at_least: {}}}`",
                           describe(measure, objective), *measure.target, *measure.target));
  });
}

void measure_current_and_checkins(const RuleRun& run) {
  for_each_measure(run.plan, [&](const Measure& measure, const Objective* objective) {
    if (measure.current.kind == Value::Kind::none || !measure.has_checkins) return;
    run.report(Rule::measure_current_and_checkins, best_loc(measure.current_at, measure.at),
               fmt::format("{} has both current and checkins; keep either the single current "
                           "value or the list of check-ins (and turn current into a check-in)",
                           describe(measure, objective)));
  });
}

void measure_zero_weight(const RuleRun& run) {
  for (const Objective& objective : run.plan.objectives) {
    if (objective.key_results.empty()) continue;  // okr-no-key-results covers it
    double total = 0.0;
    for (const Measure& key_result : objective.key_results) total += key_result.weight;
    if (total > 0.0) continue;
    run.report(Rule::measure_zero_weight, best_loc(objective.key_results_at, objective.at),
               fmt::format("the key-result weights of objective '{}' sum to 0, so its progress is "
                           "undefined; give at least one key result a weight above 0",
                           objective.id));
  }
}

namespace {

// The first value outside 0-100 in file order, of those offered.
struct FirstOutside {
  const Measure& measure;
  std::optional<PercentValue> first;

  void offer(std::string what, double value, const Loc& at) {
    if (!outside_percent(value)) return;
    const Loc& place_at = best_loc(at, measure.at);
    if (first &&
        std::pair(first->at.line, first->at.column) <= std::pair(place_at.line, place_at.column)) {
      return;
    }
    first = PercentValue{std::move(what), value, place_at};
  }
};

// Target, threshold bounds and interim values: what a monitor has not (monitor-target's).
void offer_targets(FirstOutside& values, const Measure& measure) {
  if (measure.target) values.offer("target", *measure.target, measure.target_at);
  const Threshold& threshold = measure.threshold;
  const bool low =
      threshold.kind == ThresholdKind::at_least || threshold.kind == ThresholdKind::between;
  const bool high =
      threshold.kind == ThresholdKind::at_most || threshold.kind == ThresholdKind::between;
  if (low) values.offer("the bound", threshold.low, field_loc(measure, threshold.low_at));
  if (high) values.offer("the bound", threshold.high, field_loc(measure, threshold.high_at));
  for (const InterimTarget& interim : measure.targets) {
    values.offer(fmt::format("the interim target on {}", interim.date.to_string()), interim.value,
                 field_loc(measure, interim.value_at));
  }
}

void offer_values(FirstOutside& values, const Measure& measure) {
  if (measure.current.kind == Value::Kind::number)
    values.offer("current value", measure.current.number, measure.current_at);
  for (const Checkin& checkin : measure.checkins) {
    if (checkin.value.kind != Value::Kind::number) continue;
    values.offer(fmt::format("the value of the check-in on {}", checkin.date.to_string()),
                 checkin.value.number, checkin.loc(checkin.value_at, measure.at.file));
  }
}

}  // namespace

// One finding per measure: its first value outside 0-100 in file order (baseline,
// target or bounds, interim values, current, check-in values as written). A monitor's
// target is monitor-target's alone.
void percent_range(const RuleRun& run) {
  for_each_measure(run.plan, [&](const Measure& measure, const Objective* objective) {
    if (measure.unit != "%") return;
    FirstOutside values{measure, std::nullopt};
    if (measure.baseline) values.offer("baseline", *measure.baseline, measure.baseline_at);
    if (measure.type != MeasureType::monitor) offer_targets(values, measure);
    offer_values(values, measure);
    if (!values.first) return;
    const PercentValue& first = *values.first;
    run.report(Rule::percent_range, first.at,
               fmt::format("{} has unit % but {} {} lies outside 0-100; correct the value or "
                           "change the unit",
                           describe(measure, objective), first.what, first.value));
  });
}

void indicator_dates(const RuleRun& run) {
  for (const Element& element : run.plan.elements) {
    for (const Measure& indicator : element.indicators) {
      const bool has_baseline = indicator.baseline_date.has_value();
      const bool has_target = indicator.target_date.has_value();
      if (has_baseline != has_target) {
        const Loc& at = has_baseline ? indicator.baseline_date_at : indicator.target_date_at;
        run.report(Rule::indicator_dates, best_loc(at, indicator.at),
                   fmt::format("indicator '{}' has {} but no {}; give both dates or neither",
                               indicator.id, has_baseline ? "baseline_date" : "target_date",
                               has_baseline ? "target_date" : "baseline_date"));
      } else if (has_baseline && *indicator.target_date < *indicator.baseline_date) {
        run.report(Rule::indicator_dates, best_loc(indicator.target_date_at, indicator.at),
                   fmt::format("indicator '{}' has target_date {} before baseline_date {}; put "
                               "the target date after the baseline date",
                               indicator.id, indicator.target_date->to_string(),
                               indicator.baseline_date->to_string()));
      }
    }
  }
}

}  // namespace iooi::check
