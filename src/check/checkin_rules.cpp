// Rules about check-ins: checkin-order, checkin-duplicate-date, checkin-future,
// checkin-outside-period, checkin-stale.
#include <fmt/format.h>

#include "iooi/model/measure.h"
#include "iooi/model/period.h"
#include "rules.h"

namespace iooi::check {
namespace {

std::string describe(const Measure& measure, const Objective* objective) {
  return fmt::format("{} '{}'", objective != nullptr ? "key result" : "indicator", measure.id);
}

Loc date_loc(const Measure& measure, const Checkin& checkin) {
  return checkin.loc(checkin.date_at, measure.at.file);
}

}  // namespace

void checkin_order(const RuleRun& run) {
  for_each_measure(run.plan, [&](const Measure& measure, const Objective* objective) {
    // One finding per measure: a shuffled list of thousands would otherwise flood the output.
    for (size_t i = 1; i < measure.checkins.size(); ++i) {
      const Checkin& previous = measure.checkins[i - 1];
      const Checkin& checkin = measure.checkins[i];
      if (checkin.date >= previous.date) continue;
      run.report(Rule::checkin_order, date_loc(measure, checkin),
                 fmt::format("the check-in of {} on {} is listed after the one on {}; list "
                             "check-ins from oldest to newest",
                             describe(measure, objective), checkin.date.to_string(),
                             previous.date.to_string()));
      return;
    }
  });
}

void checkin_duplicate_date(const RuleRun& run) {
  for_each_measure(run.plan, [&](const Measure& measure, const Objective* objective) {
    // Increments on one day simply add up.
    if (measure.checkins.size() < 2 || measure.accumulate) return;
    std::unordered_map<int32_t, const Checkin*> first_on_day;
    first_on_day.reserve(measure.checkins.size());
    for (const Checkin& checkin : measure.checkins) {
      auto [it, inserted] = first_on_day.try_emplace(checkin.date.days, &checkin);
      if (inserted) continue;
      run.report(Rule::checkin_duplicate_date, date_loc(measure, checkin),
                 fmt::format("{} has a second check-in on {} (the first is at {}); keep one "
                             "check-in per day (the one listed last counts)",
                             describe(measure, objective), checkin.date.to_string(),
                             place(run.plan, it->second->loc(it->second->at, measure.at.file))));
    }
  });
}

void checkin_future(const RuleRun& run) {
  const Date reference = run.context.reference_date;
  for_each_measure(run.plan, [&](const Measure& measure, const Objective* objective) {
    for (const Checkin& checkin : measure.checkins) {
      if (checkin.date <= reference) continue;
      run.report(
          Rule::checkin_future, date_loc(measure, checkin),
          fmt::format("the check-in of {} is dated {}, after the reference date {}; "
                      "correct the date, or pass --as-of to check the plan as of a later day",
                      describe(measure, objective), checkin.date.to_string(),
                      reference.to_string()));
    }
  });
}

void checkin_outside_period(const RuleRun& run) {
  for (const Objective& objective : run.plan.objectives) {
    const auto period = find_period(objective.period, run.plan.config);
    if (!period) continue;  // unknown-period reports it
    for (const Measure& key_result : objective.key_results) {
      for (const Checkin& checkin : key_result.checkins) {
        if (checkin.date >= period->start && checkin.date <= period->end) continue;
        run.report(Rule::checkin_outside_period, date_loc(key_result, checkin),
                   fmt::format("the check-in of key result '{}' on {} lies outside its "
                               "objective's period {} ({} to {}); move it to the key result of "
                               "the period it belongs to, or correct the date",
                               key_result.id, checkin.date.to_string(), period->id,
                               period->start.to_string(), period->end.to_string()));
      }
    }
  }
}

// A key result counts as stale when the objective's period contains the reference
// date and the latest check-in on or before that date (or, without one, the
// period's start: a fresh quarter gets stale_days of grace) lies more than
// stale_days before it. Check-ins after the reference date do not count yet, and
// key results already done at the reference date need no further check-ins.
void checkin_stale(const RuleRun& run) {
  const Date reference = run.context.reference_date;
  for (const Objective& objective : run.plan.objectives) {
    const auto period = find_period(objective.period, run.plan.config);
    if (!period || reference < period->start || reference > period->end) continue;
    for (const Measure& key_result : objective.key_results) {
      const int stale_days = stale_days_of(key_result, objective, run.plan.config.stale_days);
      const std::optional<int> age = stale_age(key_result, *period, reference, stale_days);
      if (!age) continue;
      const std::optional<Date> last = value_at(key_result, reference).last_checkin;
      const std::string what =
          last ? fmt::format("was last checked in on {}, {} days before {}", last->to_string(),
                             reference - *last, reference.to_string())
               : fmt::format("has had no check-in in the {} days since period {} began", *age,
                             period->id);
      run.report(Rule::checkin_stale, key_result.at,
                 fmt::format("key result '{}' {} (more than stale_days = {}); add a check-in "
                             "with the current value",
                             key_result.id, what, stale_days));
    }
  }
}

}  // namespace iooi::check
