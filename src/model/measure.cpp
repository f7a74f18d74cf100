#include "iooi/model/measure.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace iooi {

MeasureValue value_at(const Measure& measure, Date as_of) {
  const Checkin* latest = nullptr;
  for (const Checkin& checkin : measure.checkins) {
    if (checkin.value.kind == Value::Kind::none || checkin.date > as_of) continue;
    // `>=` so that of several check-ins on one day the one listed last wins.
    if (latest == nullptr || checkin.date >= latest->date) latest = &checkin;
  }
  MeasureValue result;
  if (latest != nullptr) {
    result.value = latest->value;
    if (latest->confidence != 0) result.confidence = latest->confidence;
    result.last_checkin = latest->date;
  } else {
    result.value = measure.current;
  }
  return result;
}

Attainment attainment_of(const Measure& measure, const Value& value) {
  Attainment result;
  if (measure.type == MeasureType::milestone) {
    const bool reached = value.kind == Value::Kind::boolean && value.flag;
    result.progress = result.attainment = reached ? 1.0 : 0.0;
    return result;
  }
  // A numeric measure without a usable baseline/target is an error finding that
  // blocks reports; here it simply makes no progress instead of dividing by zero.
  if (value.kind != Value::Kind::number || !measure.baseline || !measure.target ||
      *measure.target == *measure.baseline) {
    return result;
  }
  result.attainment = (value.number - *measure.baseline) / (*measure.target - *measure.baseline);
  // A target a hair's breadth from the baseline can overflow the quotient; keep it finite.
  if (std::isinf(result.attainment))
    result.attainment = std::copysign(std::numeric_limits<double>::max(), result.attainment);
  result.progress = std::clamp(result.attainment, 0.0, 1.0);
  return result;
}

std::optional<int> stale_age(const Measure& key_result, const Period& period, Date as_of,
                             int stale_days) {
  if (as_of < period.start || as_of > period.end) return std::nullopt;
  const MeasureValue now = value_at(key_result, as_of);
  if (attainment_of(key_result, now.value).progress >= 1.0) return std::nullopt;
  const Date since = now.last_checkin ? std::max(*now.last_checkin, period.start) : period.start;
  const int age = as_of - since;
  if (age > stale_days) return age;
  return std::nullopt;
}

}  // namespace iooi
