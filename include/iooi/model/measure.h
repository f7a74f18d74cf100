#pragma once
// What a measure says at a given day (docs/progress.md): its value (section 2, with
// `accumulate`), whether a threshold is met, its attainment, its planned path through
// interim targets, its expected progress and whether its check-ins have gone stale.
// Shared by the checks and the roll-up, so that `check` and `report` can never
// disagree about them. Pure functions of the measure and the day.
#include <optional>
#include <vector>

#include "iooi/model/period.h"
#include "iooi/model/plan.h"
#include "iooi/util/date.h"

namespace iooi {

// A threshold counts as met this far on the wrong side of its bound (in the measure's
// favour), and progress this close to 1 counts as done: float noise never flips a verdict.
inline constexpr double measure_tolerance = 1e-9;

struct Window {  // closed range of days [start, end]
  Date start, end;
};

struct MeasureValue {
  Value value;                       // kind none: no value
  std::optional<int> confidence;     // of the counting check-in
  std::optional<Date> last_checkin;  // of the counting check-in
};
// The latest check-in dated on or before `as_of` (of equal dates the one listed
// last); else `current`; else no value. An accumulating measure's value is
// (baseline or 0) plus every check-in value dated on or before `as_of`, summed in
// date order (equal dates: list order); no value without such a check-in. Its
// confidence and last check-in are those of the latest check-in as above.
MeasureValue value_at(const Measure& measure, Date as_of);

// The measure's value (as value_at gives it) on each day it has a check-in dated on
// or before `as_of`, in date order: the points of its trend and burn-up chart. Running
// totals for an accumulating measure; a `current` value has no date and no point.
struct ValuePoint {
  Date date;
  Value value;
};
std::vector<ValuePoint> value_history(const Measure& measure, Date as_of);

bool has_threshold(const Measure& measure);
// value >= low (at_least), <= high (at_most), low..high (between), each with
// measure_tolerance in the value's favour; false without a threshold.
bool threshold_met(const Threshold& threshold, double value);

// The direction its target implies, whatever is written: at_least = increase,
// at_most = decrease, else read from baseline -> target of a numeric measure; unset for
// `between`, equal baseline and target, milestones and monitors.
Direction implied_direction(const Measure& measure);

// The direction the measure wants: as written, else implied_direction; unset for
// milestones.
Direction effective_direction(const Measure& measure);

struct Attainment {
  double progress = 0.0;    // clamped to [0, 1]
  double attainment = 0.0;  // unclamped
};
// Number target: (value - baseline) / (target - baseline); threshold: 1 when met,
// else 0; milestone: 1 when true. No value: 0. A monitor has none (0 here; the
// roll-up leaves it undefined).
Attainment attainment_of(const Measure& measure, const Value& value);

// 4.3: clamp(days(start, as_of) / days(start, end), 0, 1); a one-day window is 0
// before its day and 1 from it on.
double elapsed(const Window& window, Date as_of);

// The planned value at `as_of`: the path that runs straight, in days, from
// (start, baseline) through each interim target to (end, target), read at as_of
// clamped to the window. Unscaled by the objective's goal. std::nullopt without a
// number target (and baseline) or without a window.
std::optional<double> planned_at(const Measure& measure, const std::optional<Window>& window,
                                 Date as_of);

// goal x the share of the way from baseline to target that the plan expects at
// as_of, clamped to [0, 1]: goal x elapsed without interim targets. std::nullopt
// without a window, for thresholds and for monitors.
std::optional<double> expected_of(const Measure& measure, const std::optional<Window>& window,
                                  double goal, Date as_of);

// Whether the measure is done at `as_of` in its window: a threshold when met and
// the window has ended, any other measure when its progress reaches 1.
bool done_at(const Measure& measure, const Window& window, Date as_of);

// The stale_days that apply to a key result: its own, else its objective's, else
// the plan's.
int stale_days_of(const Measure& key_result, const Objective& objective, int plan_stale_days);

// Days since the key result was last checked in, when that is more than
// `stale_days` while its objective's period runs at `as_of`; else std::nullopt.
// Without a check-in in the period the age counts from the period's start (a new
// period gets stale_days of grace). A `current` value has no date, so it does not
// count as a check-in. A key result that is done at `as_of` is never stale.
std::optional<int> stale_age(const Measure& key_result, const Period& period, Date as_of,
                             int stale_days);

}  // namespace iooi
