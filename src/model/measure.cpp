#include "iooi/model/measure.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace iooi {

namespace {

bool counts(const Checkin& checkin, Date as_of) {
  return checkin.value.kind != Value::Kind::none && checkin.date <= as_of;
}

// Summed in date order (equal dates: list order) so that the total does not depend
// on how the check-ins are listed. Plans list them in date order almost always, so
// the sort (and its copy) happens only when they are not.
double sum_of_increments(const std::vector<Checkin>& checkins, Date as_of) {
  const auto by_date = [](const Checkin* a, const Checkin* b) { return a->date < b->date; };
  std::vector<const Checkin*> ordered;
  ordered.reserve(checkins.size());
  for (const Checkin& checkin : checkins) ordered.push_back(&checkin);
  if (!std::is_sorted(ordered.begin(), ordered.end(), by_date)) {
    std::stable_sort(ordered.begin(), ordered.end(), by_date);
  }
  double sum = 0.0;
  for (const Checkin* checkin : ordered) {
    if (counts(*checkin, as_of) && checkin->value.kind == Value::Kind::number) {
      sum += checkin->value.number;
    }
  }
  return sum;
}

}  // namespace

MeasureValue value_at(const Measure& measure, Date as_of) {
  const Checkin* latest = nullptr;
  for (const Checkin& checkin : measure.checkins) {
    if (!counts(checkin, as_of)) continue;
    // `>=` so that of several check-ins on one day the one listed last wins.
    if (latest == nullptr || checkin.date >= latest->date) latest = &checkin;
  }
  MeasureValue result;
  if (latest != nullptr) {
    result.value = latest->value;
    if (latest->confidence != 0) result.confidence = latest->confidence;
    result.last_checkin = latest->date;
    if (measure.accumulate) {
      const double total =
          measure.baseline.value_or(0.0) + sum_of_increments(measure.checkins, as_of);
      result.value = Value(Value::Kind::number, total, false);
    }
  } else if (!measure.accumulate) {
    result.value = measure.current;
  }
  return result;
}

std::vector<ValuePoint> value_history(const Measure& measure, Date as_of) {
  const auto by_date = [](const Checkin* a, const Checkin* b) { return a->date < b->date; };
  std::vector<const Checkin*> ordered;
  for (const Checkin& checkin : measure.checkins) {
    if (counts(checkin, as_of)) ordered.push_back(&checkin);
  }
  std::stable_sort(ordered.begin(), ordered.end(), by_date);
  std::vector<ValuePoint> points;
  double sum = 0.0;  // summed as value_at sums, so the last point is the value at as_of
  for (const Checkin* checkin : ordered) {
    Value value = checkin->value;
    if (measure.accumulate) {
      if (value.kind == Value::Kind::number) sum += value.number;
      value = Value(Value::Kind::number, measure.baseline.value_or(0.0) + sum, false);
    }
    if (!points.empty() && points.back().date == checkin->date) {
      points.back().value = value;  // of equal dates the one listed last
    } else {
      points.push_back({checkin->date, value});
    }
  }
  return points;
}

bool has_threshold(const Measure& measure) { return measure.threshold.kind != ThresholdKind::none; }

bool threshold_met(const Threshold& threshold, double value) {
  switch (threshold.kind) {
    case ThresholdKind::at_least:
      return value >= threshold.low - measure_tolerance;
    case ThresholdKind::at_most:
      return value <= threshold.high + measure_tolerance;
    case ThresholdKind::between:
      return value >= threshold.low - measure_tolerance &&
             value <= threshold.high + measure_tolerance;
    case ThresholdKind::none:
      return false;
  }
  return false;
}

Direction implied_direction(const Measure& measure) {
  switch (measure.threshold.kind) {
    case ThresholdKind::at_least:
      return Direction::increase;
    case ThresholdKind::at_most:
      return Direction::decrease;
    case ThresholdKind::between:
      return Direction::unset;
    case ThresholdKind::none:
      break;
  }
  if (measure.type != MeasureType::numeric || !measure.baseline || !measure.target ||
      *measure.target == *measure.baseline) {
    return Direction::unset;
  }
  return *measure.target > *measure.baseline ? Direction::increase : Direction::decrease;
}

Direction effective_direction(const Measure& measure) {
  if (measure.type == MeasureType::milestone) return Direction::unset;
  if (measure.direction != Direction::unset) return measure.direction;
  return implied_direction(measure);
}

Attainment attainment_of(const Measure& measure, const Value& value) {
  Attainment result;
  if (measure.type == MeasureType::milestone) {
    const bool reached = value.kind == Value::Kind::boolean && value.flag;
    result.progress = result.attainment = reached ? 1.0 : 0.0;
    return result;
  }
  if (measure.type == MeasureType::monitor || value.kind != Value::Kind::number) return result;
  if (has_threshold(measure)) {
    result.progress = result.attainment =
        threshold_met(measure.threshold, value.number) ? 1.0 : 0.0;
    return result;
  }
  // A numeric measure without a usable baseline/target is an error finding that
  // blocks reports; here it simply makes no progress instead of dividing by zero.
  if (!measure.baseline || !measure.target || *measure.target == *measure.baseline) return result;
  result.attainment = (value.number - *measure.baseline) / (*measure.target - *measure.baseline);
  // A target a hair's breadth from the baseline can overflow the quotient; keep it finite.
  if (std::isinf(result.attainment))
    result.attainment = std::copysign(std::numeric_limits<double>::max(), result.attainment);
  result.progress = std::clamp(result.attainment, 0.0, 1.0);
  return result;
}

double elapsed(const Window& window, Date as_of) {
  const int32_t length = window.end - window.start;
  if (length <= 0) return as_of >= window.start ? 1.0 : 0.0;
  const double fraction = static_cast<double>(as_of - window.start) / length;
  return std::clamp(fraction, 0.0, 1.0);
}

namespace {

bool has_number_target(const Measure& measure) {
  return measure.type == MeasureType::numeric && !has_threshold(measure) && measure.baseline &&
         measure.target;
}

}  // namespace

std::optional<double> planned_at(const Measure& measure, const std::optional<Window>& window,
                                 Date as_of) {
  if (!window || !has_number_target(measure)) return std::nullopt;
  const double baseline = *measure.baseline;
  const double target = *measure.target;
  if (window->end <= window->start) return as_of < window->start ? baseline : target;
  const Date day = std::clamp(as_of, window->start, window->end);
  // The path's corner before `day`; interim targets out of order or outside the
  // window are findings of interim-targets and are passed over here.
  Date from = window->start;
  double from_value = baseline;
  for (const InterimTarget& interim : measure.targets) {
    if (interim.date <= from || interim.date >= window->end) continue;
    if (interim.date >= day) {
      const double share = static_cast<double>(day - from) / (interim.date - from);
      return from_value + (interim.value - from_value) * share;
    }
    from = interim.date;
    from_value = interim.value;
  }
  const double share = static_cast<double>(day - from) / (window->end - from);
  return from_value + (target - from_value) * share;
}

std::optional<double> expected_of(const Measure& measure, const std::optional<Window>& window,
                                  double goal, Date as_of) {
  if (!window || measure.type == MeasureType::monitor || has_threshold(measure)) {
    return std::nullopt;
  }
  // Without interim targets the straight path gives elapsed exactly, without the
  // rounding of going through the planned value.
  if (measure.targets.empty() || !has_number_target(measure) ||
      *measure.target == *measure.baseline) {
    return goal * elapsed(*window, as_of);
  }
  const double planned = *planned_at(measure, window, as_of);
  const double share = (planned - *measure.baseline) / (*measure.target - *measure.baseline);
  return goal * std::clamp(share, 0.0, 1.0);
}

bool done_at(const Measure& measure, const Window& window, Date as_of) {
  const MeasureValue now = value_at(measure, as_of);
  if (measure.type == MeasureType::monitor || now.value.kind == Value::Kind::none) return false;
  const double progress = attainment_of(measure, now.value).progress;
  if (has_threshold(measure)) return progress >= 1.0 && as_of >= window.end;
  return progress >= 1.0 - measure_tolerance;
}

int stale_days_of(const Measure& key_result, const Objective& objective, int plan_stale_days) {
  if (key_result.stale_days) return *key_result.stale_days;
  return objective.stale_days.value_or(plan_stale_days);
}

std::optional<int> stale_age(const Measure& key_result, const Period& period, Date as_of,
                             int stale_days) {
  if (as_of < period.start || as_of > period.end) return std::nullopt;
  if (done_at(key_result, Window{period.start, period.end}, as_of)) return std::nullopt;
  const MeasureValue now = value_at(key_result, as_of);
  const Date since = now.last_checkin ? std::max(*now.last_checkin, period.start) : period.start;
  const int age = as_of - since;
  if (age > stale_days) return age;
  return std::nullopt;
}

}  // namespace iooi
