#pragma once
// What a measure says at a given day: its value (docs/progress.md, section 2), its attainment
// (4.2) and whether its check-ins have gone stale. Shared by the checks and the
// roll-up, so that `check` and `report` can never disagree about them.
#include <optional>

#include "iooi/model/period.h"
#include "iooi/model/plan.h"
#include "iooi/util/date.h"

namespace iooi {

struct MeasureValue {
  Value value;                       // kind none: no value
  std::optional<int> confidence;     // of the counting check-in
  std::optional<Date> last_checkin;  // of the counting check-in
};
// The latest check-in dated on or before `as_of` (of equal dates the one listed
// last); else `current`; else no value.
MeasureValue value_at(const Measure& measure, Date as_of);

struct Attainment {
  double progress = 0.0;    // clamped to [0, 1]
  double attainment = 0.0;  // unclamped
};
Attainment attainment_of(const Measure& measure, const Value& value);

// Days since the key result was last checked in, when that is more than
// `stale_days` while its objective's period runs at `as_of`; else std::nullopt.
// Without a check-in in the period the age counts from the period's start (a new
// period gets stale_days of grace). A `current` value has no date, so it does not
// count as a check-in. A key result that is done at `as_of` is never stale.
std::optional<int> stale_age(const Measure& key_result, const Period& period, Date as_of,
                             int stale_days);

}  // namespace iooi
