#include "iooi/rollup/iati.h"

#include <fmt/format.h>

#include <algorithm>

#include "iooi/model/measure.h"

namespace iooi {
namespace {

// Which way is good (docs/format.md, "Measures"): the direction as written, else the
// threshold's side, else baseline -> target; none for a between threshold.
std::optional<bool> ascending_of(const Measure& measure) {
  if (measure.threshold.kind == ThresholdKind::between) return std::nullopt;
  if (measure.direction != Direction::unset) return measure.direction == Direction::increase;
  if (measure.threshold.kind == ThresholdKind::at_most) return false;
  if (measure.threshold.kind == ThresholdKind::at_least) return true;
  if (measure.baseline && measure.target) return *measure.target >= *measure.baseline;
  return true;
}

// The final target's value(s): a number target, a threshold's bound(s), 1 for a milestone.
std::vector<double> final_targets(const Measure& measure) {
  switch (measure.threshold.kind) {
    case ThresholdKind::at_least:
      return {measure.threshold.low};
    case ThresholdKind::at_most:
      return {measure.threshold.high};
    case ThresholdKind::between:
      return {measure.threshold.low, measure.threshold.high};
    case ThresholdKind::none:
      break;
  }
  if (measure.type == MeasureType::milestone) return {1.0};
  if (measure.target) return {*measure.target};
  return {};
}

// IATI values are numbers: a milestone's true/false counts 1/0.
std::optional<double> numeric(const Value& value) {
  switch (value.kind) {
    case Value::Kind::number:
      return value.number;
    case Value::Kind::boolean:
      return value.flag ? 1.0 : 0.0;
    case Value::Kind::none:
      break;
  }
  return std::nullopt;
}

// The actual value and check-in notes of [start, end], counting check-ins up to as_of.
void fill_actuals(const Measure& measure, Date as_of, IatiPeriod& period) {
  std::optional<Date> last;
  for (const Checkin& checkin : measure.checkins) {
    if (checkin.date < period.start || checkin.date > period.end || checkin.date > as_of) continue;
    if (!last || checkin.date >= *last) last = checkin.date;
    if (!checkin.note.empty()) {
      period.comments.push_back(
          fmt::format("{}: {}", checkin.date.to_string(), checkin.note.view()));
    }
  }
  if (last) period.actual = numeric(value_at(measure, *last).value);
}

// A period per interim target and one for the final target, each starting the day after
// the previous one ends. A period that would not start before it ends is left out.
std::vector<IatiPeriod> periods_of(const Measure& measure, const IatiActivity& activity,
                                   Date as_of) {
  std::vector<IatiPeriod> periods;
  std::optional<Date> start = measure.baseline_date ? measure.baseline_date : activity.start_date;
  auto add = [&](Date end, std::vector<double> targets) {
    if (!start || targets.empty()) return;
    if (*start < end) {
      IatiPeriod period{*start, end, std::move(targets), std::nullopt, {}};
      fill_actuals(measure, as_of, period);
      periods.push_back(std::move(period));
    }
    start = std::max(*start, end.plus_days(1));
  };
  std::vector<InterimTarget> interim = measure.targets;
  std::stable_sort(interim.begin(), interim.end(),
                   [](const InterimTarget& a, const InterimTarget& b) { return a.date < b.date; });
  if (measure.threshold.kind == ThresholdKind::none && measure.target) {
    for (const InterimTarget& target : interim) add(target.date, {target.value});
  }
  std::optional<Date> end = measure.target_date ? measure.target_date : activity.end_date;
  if (end) add(*end, final_targets(measure));
  return periods;
}

}  // namespace

std::optional<int> iati_result_type(Level level) {
  switch (level) {
    case Level::output:
      return 1;
    case Level::outcome:
      return 2;
    case Level::impact:
      return 3;
    case Level::input:
      break;
  }
  return std::nullopt;
}

IatiIndicator iati_indicator(const Measure& indicator, const IatiActivity& activity, Date as_of) {
  IatiIndicator out;
  out.id = indicator.id;
  out.title = indicator.title;
  out.description = std::string(indicator.description.view());
  out.percentage = indicator.unit == "%";
  out.ascending = ascending_of(indicator);
  out.baseline_date = indicator.baseline_date;
  const std::optional<Date> baseline_day =
      indicator.baseline_date ? indicator.baseline_date : activity.start_date;
  if (indicator.baseline && baseline_day) {
    out.baseline = indicator.baseline;
    out.baseline_year = baseline_day->year();
  }
  out.periods = periods_of(indicator, activity, as_of);
  return out;
}

IatiExport iati_export(const Plan& plan, const IatiActivity& activity, Date as_of) {
  IatiExport out{activity, {}};
  for (Level level : {Level::impact, Level::outcome, Level::output}) {
    for (const Element& element : plan.elements) {
      if (element.level != level) continue;
      IatiResult result{
          *iati_result_type(level), element.id, element.title, element.description, {}};
      for (const Measure& indicator : element.indicators) {
        if (indicator.type == MeasureType::monitor) continue;
        result.indicators.push_back(iati_indicator(indicator, activity, as_of));
      }
      if (!result.indicators.empty()) out.results.push_back(std::move(result));
    }
  }
  return out;
}

}  // namespace iooi
