#include "iooi/rollup/rollup.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace iooi {

std::string_view status_id(Status status) {
  switch (status) {
    case Status::none:
      return "none";
    case Status::no_data:
      return "no-data";
    case Status::off_track:
      return "off-track";
    case Status::at_risk:
      return "at-risk";
    case Status::on_track:
      return "on-track";
    case Status::done:
      return "done";
  }
  return "none";
}

std::string_view contributor_kind_id(ContributorKind kind) {
  switch (kind) {
    case ContributorKind::indicator:
      return "indicator";
    case ContributorKind::objective:
      return "objective";
    case ContributorKind::element:
      return "element";
  }
  return "element";
}

double goal_of(ObjectiveType type) { return type == ObjectiveType::aspirational ? 0.7 : 1.0; }

std::optional<double> expected_progress(const std::optional<Window>& window, double goal,
                                        Date as_of) {
  if (!window) return std::nullopt;
  return goal * elapsed(*window, as_of);
}

Status status_of(double progress, const std::optional<double>& expected,
                 const std::optional<Window>& window, Date as_of, const Thresholds& thresholds) {
  if (!expected || !window || as_of < window->start) return Status::none;
  if (progress >= 1.0 - status_tolerance) return Status::done;
  const double gap = *expected - progress;
  if (gap <= thresholds.on_track_gap + status_tolerance) return Status::on_track;
  if (gap <= thresholds.off_track_gap + status_tolerance) return Status::at_risk;
  return Status::off_track;
}

namespace {

bool is_verdict(Status status) { return status != Status::none && status != Status::no_data; }

// The value now minus the value the day before the counting check-in.
std::optional<double> change_of(const Measure& monitor, const MeasureValue& now) {
  if (now.value.kind != Value::Kind::number || !now.last_checkin) return std::nullopt;
  const MeasureValue before = value_at(monitor, now.last_checkin->plus_days(-1));
  if (before.value.kind != Value::Kind::number) return std::nullopt;
  return now.value.number - before.value.number;
}

}  // namespace

Status worse_status(Status a, Status b) {
  if (!is_verdict(a)) return is_verdict(b) ? b : Status::none;
  if (!is_verdict(b)) return a;
  return std::min(a, b);
}

Status measure_status(const Measure& measure, const MeasureResult& result, Date as_of,
                      const Thresholds& thresholds) {
  if (measure.type == MeasureType::monitor || !result.window || as_of < result.window->start) {
    return Status::none;
  }
  if (result.value.kind == Value::Kind::none) return Status::no_data;
  if (has_threshold(measure)) {
    if (!result.met.value_or(false)) return Status::off_track;
    return as_of >= result.window->end ? Status::done : Status::on_track;
  }
  return status_of(result.progress.value_or(0.0), result.expected, result.window, as_of,
                   thresholds);
}

namespace {

SinceResult since_of(const std::optional<double>& now, const std::optional<double>& then,
                     const Value& value_then) {
  SinceResult since{value_then, then, std::nullopt};
  if (now && then) since.delta = *now - *then;
  return since;
}

void attach_measures(std::vector<MeasureResult>& now, const std::vector<MeasureResult>& then) {
  for (size_t i = 0; i < now.size() && i < then.size(); ++i) {
    if (now[i].id != then[i].id) continue;
    now[i].since = since_of(now[i].progress, then[i].progress, then[i].value);
  }
}

}  // namespace

Result<Date> resolve_since(std::string_view since, const Config& config, Date as_of) {
  std::optional<Date> day = Date::parse(since);
  if (!day) {
    const std::optional<Period> period = find_period(since, config);
    if (!period) {
      return usage_error(fmt::format(
          "--since '{}' is neither a day (YYYY-MM-DD) nor a period of the plan; give e.g. "
          "2026-02-15 or 2025-Q4",
          since));
    }
    day = period->end;
  }
  if (*day > as_of) {
    return usage_error(fmt::format("--since {} is after the report's as_of {}; give an earlier day",
                                   day->to_string(), as_of.to_string()));
  }
  return *day;
}

void attach_since(Report& report, const Report& then) {
  report.since = then.as_of;
  // Same plan, same scope: the same elements and objectives in the same order.
  for (size_t i = 0; i < report.elements.size() && i < then.elements.size(); ++i) {
    ElementResult& element = report.elements[i];
    const ElementResult& before = then.elements[i];
    if (element.id != before.id) continue;
    element.since = since_of(element.progress, before.progress, Value());
    attach_measures(element.indicators, before.indicators);
  }
  for (size_t i = 0; i < report.objectives.size() && i < then.objectives.size(); ++i) {
    ObjectiveResult& objective = report.objectives[i];
    const ObjectiveResult& before = then.objectives[i];
    if (objective.id != before.id) continue;
    objective.since = since_of(objective.progress, before.progress, Value());
    attach_measures(objective.key_results, before.key_results);
  }
}

MeasureResult evaluate_measure(const Measure& measure, const std::optional<Window>& window,
                               double goal, Date as_of, const Thresholds& thresholds) {
  MeasureResult result;
  result.measure = &measure;
  result.id = measure.id;
  result.title = measure.title;
  result.unit = measure.unit;
  result.type = measure.type;
  result.weight = measure.weight;
  if (measure.type != MeasureType::milestone) {
    result.baseline = measure.baseline;
    if (!has_threshold(measure)) result.target = measure.target;
    result.threshold = measure.threshold;
    result.accumulate = measure.accumulate;
    result.interim_targets = measure.targets;
  }
  result.direction = effective_direction(measure);
  result.description = measure.description.view();
  result.source = measure.source.view();
  result.method = measure.method.view();
  const MeasureValue at = value_at(measure, as_of);
  result.value = at.value;
  result.confidence = at.confidence;
  result.last_checkin = at.last_checkin;
  result.window = window;
  if (measure.type == MeasureType::monitor) {
    result.change = change_of(measure, at);
  } else {
    const Attainment attainment = attainment_of(measure, at.value);
    result.progress = attainment.progress;
    result.attainment = attainment.attainment;
  }
  if (has_threshold(measure) && at.value.kind == Value::Kind::number) {
    result.met = threshold_met(measure.threshold, at.value.number);
  }
  result.expected = expected_of(measure, window, goal, as_of);
  result.planned = planned_at(measure, window, as_of);
  result.status = measure_status(measure, result, as_of, thresholds);
  return result;
}

std::vector<ValuePoint> history_of(const MeasureResult& result, Date as_of) {
  if (result.measure == nullptr) return {};
  return value_history(*result.measure, as_of);
}

Status objective_status(const std::optional<double>& progress,
                        const std::optional<double>& expected, const std::optional<Window>& window,
                        const std::vector<MeasureResult>& key_results, Date as_of,
                        const Thresholds& thresholds) {
  if (!progress) return Status::none;
  const Status by_gap = status_of(*progress, expected, window, as_of, thresholds);
  if (by_gap == Status::none) return by_gap;
  bool all_no_data = true;
  bool all_done = true;
  for (const MeasureResult& key_result : key_results) {
    if (key_result.weight <= 0.0 || key_result.type == MeasureType::monitor) continue;
    all_no_data = all_no_data && key_result.status == Status::no_data;
    all_done = all_done && key_result.status == Status::done;
  }
  if (all_no_data) return Status::no_data;
  if (by_gap == Status::done && !all_done) return Status::on_track;
  return by_gap;
}

namespace {

Thresholds thresholds_of(const Config& config) {
  return Thresholds{config.on_track_gap, config.off_track_gap};
}

std::optional<Window> window_of(std::string_view period_id, const Config& config) {
  const std::optional<Period> period = find_period(period_id, config);
  if (!period) return std::nullopt;
  return Window{period->start, period->end};
}

// Weighted mean over the contributors with a defined progress; undefined when
// there are none or their weights sum to 0.
template <typename Item, typename Weight, typename Progress>
std::optional<double> weighted_mean(const std::vector<Item>& items, Weight weight_of,
                                    Progress progress_of) {
  double weighted_sum = 0.0;
  double weight_sum = 0.0;
  for (const Item& item : items) {
    const std::optional<double> progress = progress_of(item);
    if (!progress) continue;
    weighted_sum += weight_of(item) * *progress;
    weight_sum += weight_of(item);
  }
  if (weight_sum <= 0.0) return std::nullopt;
  return weighted_sum / weight_sum;
}

}  // namespace

ObjectiveResult evaluate_objective(const Objective& objective, const Config& config, Date as_of) {
  ObjectiveResult result;
  result.id = objective.id;
  result.title = objective.title;
  result.period = objective.period;
  result.owner = objective.owner;
  result.owner_name = objective.owner;
  result.description = objective.description;
  result.source = objective.source;
  result.method = objective.method;
  result.type = objective.type;
  result.aligns_to = objective.aligns_to;
  result.window = window_of(objective.period, config);
  const double goal = goal_of(objective.type);
  const Thresholds thresholds = thresholds_of(config);
  for (const Measure& key_result : objective.key_results) {
    MeasureResult measure = evaluate_measure(key_result, result.window, goal, as_of, thresholds);
    if (result.window) {
      const Period period{objective.period, result.window->start, result.window->end};
      measure.stale_days = stale_age(key_result, period, as_of,
                                     stale_days_of(key_result, objective, config.stale_days));
    }
    result.key_results.push_back(measure);
  }
  result.progress = weighted_mean(
      result.key_results, [](const MeasureResult& m) { return m.weight; },
      [](const MeasureResult& m) { return m.progress; });
  // Linear in the period even when key results have interim targets.
  result.expected = expected_progress(result.window, goal, as_of);
  result.status = objective_status(result.progress, result.expected, result.window,
                                   result.key_results, as_of, thresholds);
  return result;
}

ElementResult evaluate_element(const Element& element,
                               const std::vector<ContributorResult>& other_contributors, Date as_of,
                               const Thresholds& thresholds) {
  ElementResult result;
  result.id = element.id;
  result.title = element.title;
  result.level = element.level;
  result.contributes_to = element.contributes_to;
  for (const Measure& indicator : element.indicators) {
    std::optional<Window> window;
    if (indicator.baseline_date && indicator.target_date) {
      window = Window{*indicator.baseline_date, *indicator.target_date};
    }
    MeasureResult measure = evaluate_measure(indicator, window, 1.0, as_of, thresholds);
    // A monitor is shown under its element, never rolled up.
    if (measure.type != MeasureType::monitor) {
      result.contributors.push_back(ContributorResult{ContributorKind::indicator,
                                                      std::string(measure.id), measure.weight,
                                                      measure.progress, measure.status});
    }
    result.indicators.push_back(measure);
  }
  result.contributors.insert(result.contributors.end(), other_contributors.begin(),
                             other_contributors.end());
  result.progress = weighted_mean(
      result.contributors, [](const ContributorResult& c) { return c.weight; },
      [](const ContributorResult& c) { return c.progress; });
  for (const ContributorResult& contributor : result.contributors) {
    result.status = worse_status(result.status, contributor.status);
  }
  return result;
}

Result<Scope> resolve_scope(const ScopeRequest& request, const Config& config) {
  Scope scope;
  if (request.period && *request.period == "all") {
    scope.as_of = request.as_of.value_or(request.today);
    return scope;
  }
  if (request.period && !request.period->empty()) {
    std::optional<Period> period = find_period(*request.period, config);
    if (!period) {
      return usage_error("unknown period '" + *request.period +
                         "': use a built-in id (2026, 2026-H1, 2026-Q1, 2026-01), a period of "
                         "plan.periods, or 'all'");
    }
    scope.as_of = request.as_of.value_or(std::min(request.today, period->end));
    scope.period = std::move(period);
    return scope;
  }
  scope.as_of = request.as_of.value_or(request.today);
  scope.period = quarter_containing(scope.as_of);
  return scope;
}

bool in_scope(const Objective& objective, const Scope& scope, const Config& config) {
  if (!scope.period) return true;
  const std::optional<Period> period = find_period(objective.period, config);
  return period && overlaps(*period, *scope.period);
}

namespace {

size_t checkins_after(const std::vector<Measure>& measures, Date as_of) {
  size_t count = 0;
  for (const Measure& measure : measures) {
    for (const Checkin& checkin : measure.checkins) count += checkin.date > as_of ? 1 : 0;
  }
  return count;
}

// The objectives in scope, in plan order, each with its owner's team name; adds
// their key results' check-ins dated after as_of to `late_checkins`.
std::vector<ObjectiveResult> objectives_in_scope(const Plan& plan, const Scope& scope,
                                                 size_t& late_checkins) {
  // Looked up by id once each instead of scanning teams per objective and
  // objectives per element: a big plan has tens of thousands of objectives.
  std::unordered_map<std::string_view, std::string_view> team_names;
  team_names.reserve(plan.teams.size());
  for (const Team& team : plan.teams) {
    if (!team.name.empty()) team_names.try_emplace(team.id, team.name);  // the first team wins
  }
  std::vector<ObjectiveResult> objectives;
  objectives.reserve(plan.objectives.size());
  for (const Objective& objective : plan.objectives) {
    if (!in_scope(objective, scope, plan.config)) continue;
    late_checkins += checkins_after(objective.key_results, scope.as_of);
    ObjectiveResult result = evaluate_objective(objective, plan.config, scope.as_of);
    if (auto team = team_names.find(objective.owner); team != team_names.end()) {
      result.owner_name = team->second;
    }
    objectives.push_back(std::move(result));
  }
  return objectives;
}

using ObjectiveContributions = std::unordered_map<const Element*, std::vector<ContributorResult>>;

// What each element receives from objectives, in report order. A link reaches
// the element that is the first definition of its id (plan.h), as checks
// resolve it; a link to an id first defined as something else reaches none.
ObjectiveContributions contributions_of_objectives(const std::vector<ObjectiveResult>& objectives,
                                                   const PlanIds& ids) {
  ObjectiveContributions from_objectives;
  for (const ObjectiveResult& objective : objectives) {
    for (const Link& link : objective.aligns_to) {
      const Element* target = ids.element(link.id);
      if (target == nullptr) continue;
      from_objectives[target].push_back(ContributorResult{ContributorKind::objective, objective.id,
                                                          link.weight, objective.progress,
                                                          objective.status});
    }
  }
  return from_objectives;
}

// Evaluates the elements bottom-up (inputs first), so that every element's
// lower-level contributors are done before it; returns them in that order.
class BottomUp {
 public:
  BottomUp(const Plan& plan, const PlanIds& ids, const Report& report)
      : plan_(plan), ids_(ids), report_(report) {}

  std::vector<ElementResult> evaluate(const ObjectiveContributions& from_objectives) {
    std::vector<ElementResult> computed;
    computed.reserve(plan_.elements.size());
    std::vector<ContributorResult> others;
    for (Level level : {Level::input, Level::output, Level::outcome, Level::impact}) {
      for (const Element& element : plan_.elements) {
        if (element.level != level) continue;
        others.clear();
        if (auto found = from_objectives.find(&element); found != from_objectives.end()) {
          others = found->second;
        }
        add_lower_elements(element, others);
        ElementResult& result = computed.emplace_back(
            evaluate_element(element, others, report_.as_of, report_.thresholds));
        result.defines_id = ids_.element(element.id) == &element;
        pass_up(result);
      }
    }
    return computed;
  }

 private:
  struct ElementContribution {
    Level level;
    ContributorResult contributor;
  };
  const Plan& plan_;
  const PlanIds& ids_;
  const Report& report_;
  std::unordered_map<const Element*, std::vector<ElementContribution>> from_elements_;

  // Only strictly lower levels (already computed): the level check also keeps a
  // cyclic or backwards plan from recursing.
  void add_lower_elements(const Element& element, std::vector<ContributorResult>& others) const {
    const auto found = from_elements_.find(&element);
    if (found == from_elements_.end()) return;
    for (const ElementContribution& contribution : found->second) {
      if (contribution.level < element.level) others.push_back(contribution.contributor);
    }
  }

  // Inputs never contribute, nor does an element without a progress.
  void pass_up(const ElementResult& result) {
    if (result.level == Level::input || !result.progress) return;
    for (const Link& link : result.contributes_to) {
      const Element* target = ids_.element(link.id);
      if (target == nullptr) continue;
      from_elements_[target].push_back(ElementContribution{
          result.level, ContributorResult{ContributorKind::element, result.id, link.weight,
                                          result.progress, result.status}});
    }
  }
};

// Report order: impacts first, each level in computation order.
std::vector<ElementResult> top_down(std::vector<ElementResult> computed) {
  std::vector<ElementResult> ordered;
  ordered.reserve(computed.size());
  for (Level level : {Level::impact, Level::outcome, Level::output, Level::input}) {
    for (ElementResult& element : computed) {
      if (element.level == level) ordered.push_back(std::move(element));
    }
  }
  return ordered;
}

}  // namespace

Report compute_report(const Plan& plan, const Scope& scope) {
  Report report;
  report.plan_name = plan.config.name;
  report.period = scope.period;
  report.as_of = scope.as_of;
  report.thresholds = thresholds_of(plan.config);
  report.stale_days = plan.config.stale_days;
  report.objectives = objectives_in_scope(plan, scope, report.late_checkins);
  for (const Element& element : plan.elements) {
    report.late_checkins += checkins_after(element.indicators, scope.as_of);
  }
  const PlanIds ids = first_definitions(plan);
  const ObjectiveContributions from_objectives =
      contributions_of_objectives(report.objectives, ids);
  report.elements = top_down(BottomUp(plan, ids, report).evaluate(from_objectives));
  report.owners = group_by_owner(report.objectives);
  return report;
}

std::vector<OwnerGroup> group_by_owner(const std::vector<ObjectiveResult>& objectives) {
  std::vector<OwnerGroup> groups;
  std::unordered_map<std::string_view, size_t> group_of_owner;  // index into groups
  for (size_t i = 0; i < objectives.size(); ++i) {
    const ObjectiveResult& objective = objectives[i];
    const auto [found, added] = group_of_owner.try_emplace(objective.owner, groups.size());
    if (added) groups.push_back(OwnerGroup{objective.owner, objective.owner_name, {}});
    groups[found->second].objectives.push_back(i);
  }
  return groups;
}

}  // namespace iooi
