#pragma once
// The roll-up of docs/progress.md: pure functions of (plan, scope, as_of), no I/O.
// The result types carry everything a renderer needs (ids, titles, owners,
// windows), so renderers only format values and never look back into the plan.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "iooi/model/measure.h"
#include "iooi/model/period.h"
#include "iooi/model/plan.h"
#include "iooi/rollup/iati.h"
#include "iooi/util/date.h"
#include "iooi/util/run_error.h"

namespace iooi {

// Ordered worst to best so that "worst status" is a minimum; none and no_data sort
// apart: no_data is a data gap (a measure with a window that has begun but no value),
// not a verdict, and like none it never decides an element's worst status.
enum class Status : uint8_t { none, no_data, off_track, at_risk, on_track, done };
// "none", "no-data", "off-track", "at-risk", "on-track", "done"
std::string_view status_id(Status status);

// Ties on a threshold go to the better status: gaps are compared with this slack.
inline constexpr double status_tolerance = measure_tolerance;

struct Thresholds {
  double on_track_gap = 0.10;
  double off_track_gap = 0.25;
};

// Window, value_at, attainment_of, elapsed, planned_at and expected_of (what one
// measure says on a day) are in iooi/model/measure.h.

// 4.3
double goal_of(ObjectiveType type);  // 0.7 aspirational, else 1.0
std::optional<double> expected_progress(const std::optional<Window>& window, double goal,
                                        Date as_of);

// 4.4 by progress and gap alone: none without expected or before the window's start,
// done at progress 1, else by the gap. (No data and thresholds: measure_status.)
Status status_of(double progress, const std::optional<double>& expected,
                 const std::optional<Window>& window, Date as_of, const Thresholds& thresholds);
// The worse of two statuses, where none and no_data never win over a verdict.
Status worse_status(Status a, Status b);

// `report --since` (docs/history.md): the same measure, objective or element in the
// report at the since-day, same files and same objectives.
struct SinceResult {
  Value value_then;                     // measures only; kind none: no value then
  std::optional<double> progress_then;  // null when undefined then (monitors)
  std::optional<double> delta;          // progress - progress_then; null when either is null
};

// A measure's roll-up. It views the texts, interim targets and check-ins of the plan's
// measure instead of copying them (a big plan has tens of thousands of measures, and
// a report of it would otherwise hold their texts twice): the plan must outlive it.
struct MeasureResult {
  const Measure* measure = nullptr;  // the plan's measure it was computed from
  std::string_view id, title, unit;
  MeasureType type = MeasureType::numeric;
  double weight = 1.0;
  std::optional<double> baseline;          // numeric and monitor, as written
  std::optional<double> target;            // a number target only (null with a threshold)
  Threshold threshold;                     // kind none: no threshold
  Direction direction = Direction::unset;  // effective (effective_direction)
  bool accumulate = false;
  std::span<const InterimTarget> interim_targets;  // none for milestones
  std::string_view description, source, method;
  Value value;  // at as_of; kind none = no value
  // Undefined (null) for monitors only; 0 without a value (a data gap never raises a
  // roll-up).
  std::optional<double> progress, attainment;
  std::optional<double> expected;  // null without a window, for thresholds and monitors
  // The planned value at as_of (unscaled by goal): a number target with a window only.
  std::optional<double> planned;
  std::optional<bool> met;  // a threshold with a value only
  // A monitor's change since its previous check-in (value now minus the value the
  // day before the counting check-in); null without an earlier value.
  std::optional<double> change;
  Status status = Status::none;
  std::optional<int> confidence;
  std::optional<Date> last_checkin;
  std::optional<Window> window;
  // Key results of an objective running at as_of only: days without a check-in
  // counted from the last one (or the period start) when more than stale_days.
  std::optional<int> stale_days;
  std::optional<SinceResult> since;  // report --since only
};

// 4.4 with docs/progress.md's additions for one measure: none for monitors, without a
// window or before its start; no_data without a value; a threshold is done when met
// and the window has ended, on-track when met, else off-track; else status_of.
Status measure_status(const Measure& measure, const MeasureResult& result, Date as_of,
                      const Thresholds& thresholds);

MeasureResult evaluate_measure(const Measure& measure, const std::optional<Window>& window,
                               double goal, Date as_of, const Thresholds& thresholds);
// The result would view a measure that is gone at the end of the statement.
MeasureResult evaluate_measure(Measure&& measure, const std::optional<Window>& window, double goal,
                               Date as_of, const Thresholds& thresholds) = delete;

// The value on each check-in day up to as_of (value_history) of the measure behind a
// result, for charts and trends; none for a result without one.
std::vector<ValuePoint> history_of(const MeasureResult& result, Date as_of);

// An objective's status from its progress and its key results' statuses: no_data
// when every key result of weight > 0 is no_data; done only when every one of them
// is done (else at most on-track); otherwise status_of.
Status objective_status(const std::optional<double>& progress,
                        const std::optional<double>& expected, const std::optional<Window>& window,
                        const std::vector<MeasureResult>& key_results, Date as_of,
                        const Thresholds& thresholds);

struct ObjectiveResult {
  std::string id, title, period, owner;
  std::string owner_name;  // the team's name, else the owner id
  std::string description, source, method;
  ObjectiveType type = ObjectiveType::committed;
  std::vector<Link> aligns_to;
  std::optional<Window> window;    // of its period
  std::optional<double> progress;  // undefined without key results or with weights summing to 0
  std::optional<double> expected;
  Status status = Status::none;
  std::vector<MeasureResult> key_results;
  std::optional<SinceResult> since;  // report --since only (value_then unused)
};

ObjectiveResult evaluate_objective(const Objective& objective, const Config& config, Date as_of);
ObjectiveResult evaluate_objective(Objective&& objective, const Config& config,
                                   Date as_of) = delete;  // views its key results

enum class ContributorKind : uint8_t { indicator, objective, element };
std::string_view contributor_kind_id(ContributorKind kind);  // "indicator", "objective", "element"

struct ContributorResult {
  ContributorKind kind = ContributorKind::indicator;
  std::string id;
  double weight = 1.0;
  std::optional<double> progress;
  Status status = Status::none;
};

struct ElementResult {
  std::string id, title;
  Level level = Level::input;
  std::optional<double> progress;
  Status status = Status::none;
  std::vector<ContributorResult> contributors;  // never a monitor
  std::vector<MeasureResult> indicators;        // monitors included
  std::vector<Link> contributes_to;             // the edges of the chain, for graphs
  // False for a later definition of a duplicate id: links never resolve to it (plan.h).
  bool defines_id = true;
  std::optional<SinceResult> since;  // report --since only (value_then unused)
};

// 4.7 for one element, given the results of everything below it.
ElementResult evaluate_element(const Element& element,
                               const std::vector<ContributorResult>& other_contributors, Date as_of,
                               const Thresholds& thresholds);

// 4.6 Which objectives a report covers and at which day.
struct ScopeRequest {
  std::optional<std::string> period;  // --period: an id or "all"; empty = quarter of as_of
  std::optional<Date> as_of;          // --as-of
  Date today;                         // the CLI's clock reading
};
struct Scope {
  std::optional<Period> period;  // none for "all"
  Date as_of;
};
// A usage error when the period id is unknown.
Result<Scope> resolve_scope(const ScopeRequest& request, const Config& config);
bool in_scope(const Objective& objective, const Scope& scope, const Config& config);

// The objectives of one owner, for the renderers' sections by owner.
struct OwnerGroup {
  std::string owner;               // empty for objectives without an owner
  std::string owner_name;          // the team's name, else the owner id
  std::vector<size_t> objectives;  // indices into Report::objectives, in plan order
};

struct Report {
  std::string plan_name;
  std::optional<Period> period;
  Date as_of;
  Thresholds thresholds;
  int stale_days = 14;
  // Top-down for readers: impacts, outcomes, outputs, inputs; plan order within a level.
  std::vector<ElementResult> elements;
  // Objectives in scope, in plan order.
  std::vector<ObjectiveResult> objectives;
  // Every owner of an objective in scope once, in the order of its first objective.
  std::vector<OwnerGroup> owners;
  // `report --format iati` only: the plan's IATI activity (iati_export); none otherwise.
  std::optional<IatiExport> iati;
  // Check-ins dated after as_of of the measures the report shows (key results of
  // the objectives in scope, every indicator): they do not count yet, and a report
  // says how many it leaves out (docs/progress.md).
  size_t late_checkins = 0;
  std::optional<Date> since;  // report --since: the day the *_then values are of
};

// Calls visit(measure, parent_id) for every measure of a report: the key results of
// its objectives, then the indicators of its elements, each in report order.
template <typename Visit>
void for_each_measure(const Report& report, Visit&& visit) {
  for (const ObjectiveResult& objective : report.objectives)
    for (const MeasureResult& measure : objective.key_results) visit(measure, objective.id);
  for (const ElementResult& element : report.elements)
    for (const MeasureResult& measure : element.indicators) visit(measure, element.id);
}

// The report views the plan's texts (MeasureResult): `plan` must outlive it.
Report compute_report(const Plan& plan, const Scope& scope);
Report compute_report(Plan&& plan, const Scope& scope) = delete;  // views the plan

// report --since DATE|PERIOD (docs/history.md): the day, or the last day of the period;
// a usage error when it is neither, or after as_of.
Result<Date> resolve_since(std::string_view since, const Config& config, Date as_of);

// report --since: `then` is compute_report() of the same plan and scope at the
// since-day; every measure, objective and element of `report` gets its since values.
void attach_since(Report& report, const Report& then);

// `objectives` grouped by owner, in one pass (a plan may have tens of
// thousands of owners, so no owner is searched for in a list).
std::vector<OwnerGroup> group_by_owner(const std::vector<ObjectiveResult>& objectives);

}  // namespace iooi
