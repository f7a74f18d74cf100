// Rules about measures as results frameworks write them (docs/format.md, "Thresholds,
// interim targets, increments and monitors"): direction-mismatch, interim-targets,
// measure-accumulate, monitor-target. threshold-range is the decoder's: it sees the
// mapping's keys.
#include <fmt/format.h>

#include <optional>

#include "iooi/model/measure.h"
#include "iooi/model/period.h"
#include "rules.h"

namespace iooi::check {
namespace {

std::string describe(const Measure& measure, const Objective* objective) {
  return fmt::format("{} '{}'", objective != nullptr ? "key result" : "indicator", measure.id);
}

Loc field_loc(const Measure& measure, const LineColumn& field) {
  return Loc{measure.at.file, field.line, field.column};
}

std::string_view direction_name(Direction direction) {
  return direction == Direction::increase ? "increase" : "decrease";
}

std::string target_text(const Measure& measure) {
  switch (measure.threshold.kind) {
    case ThresholdKind::at_least:
      return fmt::format("{{at_least: {}}}", measure.threshold.low);
    case ThresholdKind::at_most:
      return fmt::format("{{at_most: {}}}", measure.threshold.high);
    default:
      return fmt::format("{} from baseline {}", *measure.target, *measure.baseline);
  }
}

// The window interim targets must lie strictly inside, or nullopt when it is unknown
// (an unknown period, missing indicator dates: other rules say so).
std::optional<Period> window_of(const Measure& measure, const Objective* objective,
                                const Config& config) {
  if (objective != nullptr) return find_period(objective->period, config);
  if (!measure.baseline_date || !measure.target_date) return std::nullopt;
  return Period{"", *measure.baseline_date, *measure.target_date};
}

}  // namespace

void direction_mismatch(const RuleRun& run) {
  for_each_measure(run.plan, [&](const Measure& measure, const Objective* objective) {
    if (measure.direction == Direction::unset || measure.type == MeasureType::monitor) return;
    const Loc& at = best_loc(measure.direction_at, measure.at);
    if (measure.type == MeasureType::milestone) {
      run.report(Rule::direction_mismatch, at,
                 fmt::format("{} is a milestone (done or not done), which has no direction; "
                             "remove `direction`",
                             describe(measure, objective)));
      return;
    }
    if (measure.threshold.kind == ThresholdKind::between) {
      run.report(
          Rule::direction_mismatch, at,
          fmt::format("{} has a range target {{between: [{}, {}]}}, which has no "
                      "direction; remove `direction`",
                      describe(measure, objective), measure.threshold.low, measure.threshold.high));
      return;
    }
    const Direction implied = implied_direction(measure);
    if (implied == Direction::unset || implied == measure.direction) return;
    run.report(Rule::direction_mismatch, at,
               fmt::format("{} has direction {} but its target {} means {}; correct the "
                           "direction or the target",
                           describe(measure, objective), direction_name(measure.direction),
                           target_text(measure), direction_name(implied)));
  });
}

namespace {

// Interim targets that cannot be placed: on a threshold or milestone, or on an
// indicator without its dates. Monitors are monitor-target's.
bool interim_targets_misplaced(const RuleRun& run, const Measure& measure,
                               const Objective* objective) {
  const Loc& at = best_loc(measure.targets_at, measure.at);
  std::string why;
  if (measure.type == MeasureType::milestone) {
    why = "is a milestone, which has no path to a target";
  } else if (measure.threshold.kind != ThresholdKind::none) {
    why = "has a threshold target, which is met or not and has no path";
  } else if (objective == nullptr && !measure.baseline_date && !measure.target_date) {
    run.report(Rule::interim_targets, at,
               fmt::format("{} has interim targets but no baseline_date and target_date, so "
                           "they cannot be placed on a path; add both dates",
                           describe(measure, objective)));
    return true;
  } else {
    return false;
  }
  run.report(Rule::interim_targets, at,
             fmt::format("{} {}; remove `targets` (interim targets need a number target)",
                         describe(measure, objective), why));
  return true;
}

}  // namespace

void interim_targets(const RuleRun& run) {
  for_each_measure(run.plan, [&](const Measure& measure, const Objective* objective) {
    if (measure.targets.empty() || measure.type == MeasureType::monitor) return;
    if (interim_targets_misplaced(run, measure, objective)) return;
    const std::optional<Period> window = window_of(measure, objective, run.plan.config);
    if (!window) return;  // unknown-period or indicator-dates reports it
    const InterimTarget* previous = nullptr;
    for (const InterimTarget& interim : measure.targets) {
      const Loc at = field_loc(measure, interim.date_at);
      if (previous != nullptr && interim.date <= previous->date) {
        run.report(Rule::interim_targets, at,
                   fmt::format("the interim target of {} on {} does not come after the one on "
                               "{}; list interim targets by date, one per day",
                               describe(measure, objective), interim.date.to_string(),
                               previous->date.to_string()));
      } else if (interim.date <= window->start || interim.date >= window->end) {
        run.report(Rule::interim_targets, at,
                   fmt::format("the interim target of {} on {} lies outside its window ({} to "
                               "{}, both ends excluded: they are the baseline and the target); "
                               "correct the date",
                               describe(measure, objective), interim.date.to_string(),
                               window->start.to_string(), window->end.to_string()));
      }
      previous = &interim;
    }
  });
}

void measure_accumulate(const RuleRun& run) {
  for_each_measure(run.plan, [&](const Measure& measure, const Objective* objective) {
    if (!measure.accumulate) return;
    const Loc& at = best_loc(measure.accumulate_at, measure.at);
    if (measure.type == MeasureType::milestone) {
      run.report(Rule::measure_accumulate, at,
                 fmt::format("{} is a milestone (true or false), whose values cannot add up; "
                             "remove `accumulate`",
                             describe(measure, objective)));
    } else if (measure.current.kind != Value::Kind::none) {
      run.report(Rule::measure_accumulate, at,
                 fmt::format("{} accumulates check-in values but has a single `current` value; "
                             "list the increments as check-ins, or remove `accumulate`",
                             describe(measure, objective)));
    }
  });
}

void monitor_target(const RuleRun& run) {
  for_each_measure(run.plan, [&](const Measure& measure, const Objective* objective) {
    if (measure.type != MeasureType::monitor) return;
    if (objective != nullptr) {
      run.report(Rule::monitor_target, best_loc(measure.type_at, measure.at),
                 fmt::format("key result '{}' is a monitor, but a key result always has a "
                             "target; set `type: numeric` with a target, or move it to a chain "
                             "element's indicators",
                             measure.id));
      return;
    }
    const bool has_target = measure.target_at.line > 0;
    const bool has_targets = measure.targets_at.line > 0;
    if (!has_target && !has_targets) return;
    const char* what = has_target && has_targets ? "`target` and `targets`"
                       : has_target              ? "`target`"
                                                 : "`targets`";
    run.report(Rule::monitor_target,
               best_loc(has_target ? measure.target_at : measure.targets_at, measure.at),
               fmt::format("indicator '{}' is a monitor (tracked without a target) but has {}; "
                           "remove {}, or remove `type: monitor` to track it against the target",
                           measure.id, what, what));
  });
}

}  // namespace iooi::check
