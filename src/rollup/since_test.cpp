// report --since (docs/history.md): every measure, objective and element of the report
// carries its value and progress at the since-day, checked against the roll-up evaluated
// a second time at that day (evaluate_objective / evaluate_measure) and against numbers
// worked out by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "iooi/rollup/rollup.h"
#include "report_test_support.h"

namespace iooi {
namespace {

using namespace test_support;

Value flag(bool b) { return Value{Value::Kind::boolean, 0.0, b}; }

bool near(const std::optional<double>& a, double b) { return a && std::fabs(*a - b) < 1e-9; }

Measure number_target(std::string id, double target, std::vector<Checkin> checkins) {
  Measure m = measure(std::move(id), std::move(checkins));
  m.baseline = 0.0;
  m.target = target;
  return m;
}

// 2026-Q1, as_of 15 February, since the period 2026-01 (its last day, 31 January).
struct SincePlan {
  Plan plan;
  SincePlan() {
    Measure accumulating = number_target(
        "acc", 300, {checkin(day(2026, 1, 10), 100.0), checkin(day(2026, 2, 1), 50.0)});
    accumulating.accumulate = true;
    Measure reached = measure("ms", {checkin(day(2026, 2, 5), flag(true))});
    reached.type = MeasureType::milestone;
    Objective o;
    o.id = "O";
    o.title = "O";
    o.period = "2026-Q1";
    o.aligns_to = {Link{"OC", 1.0, {}}};
    o.key_results = {
        number_target("plain", 100,
                      {checkin(day(2026, 1, 10), 20.0), checkin(day(2026, 2, 10), 50.0)}),
        number_target("late", 10, {checkin(day(2026, 2, 10), 5.0)}),  // no value on 31 January
        accumulating, reached};
    plan.objectives.push_back(o);
    Measure monitor =
        measure("mon", {checkin(day(2026, 1, 5), 7.0), checkin(day(2026, 2, 1), 4.0)});
    monitor.type = MeasureType::monitor;
    Measure undated = number_target("undated", 10, {checkin(day(2026, 1, 20), 6.0)});
    Element e;
    e.id = "OC";
    e.title = e.id;
    e.level = Level::outcome;
    e.indicators = {monitor, undated};
    plan.elements.push_back(e);
  }
};

const Date as_of = day(2026, 2, 15);
const Period q1{"2026-Q1", day(2026, 1, 1), day(2026, 3, 31)};

Report report_since(const Plan& plan, Date since) {
  Report report = compute_report(plan, Scope{q1, as_of});
  attach_since(report, compute_report(plan, Scope{q1, since}));
  return report;
}

// value_then, progress_then and delta of `now` against `then`, the same measure evaluated
// at the since-day on its own.
void check_against(const MeasureResult& now, const MeasureResult& then) {
  INFO(now.id);
  REQUIRE(now.since);
  CHECK(now.since->value_then.kind == then.value.kind);
  CHECK(now.since->value_then.number == then.value.number);
  CHECK(now.since->value_then.flag == then.value.flag);
  CHECK(now.since->progress_then == then.progress);
  if (now.progress && then.progress) {
    CHECK(near(now.since->delta, *now.progress - *then.progress));
  } else {
    CHECK(!now.since->delta);
  }
}

Date since_day(std::string_view since, const Config& config) {
  const Result<Date> day = resolve_since(since, config, as_of);
  REQUIRE(day);
  return *day;
}

TEST_CASE("report --since: the since-day of a day or a period, never after as_of") {
  const Config config;
  CHECK(since_day("2026-01", config) == day(2026, 1, 31));
  CHECK(since_day("2025-Q4", config) == day(2025, 12, 31));
  CHECK(since_day("2026-02-15", config) == as_of);
  const Result<Date> after = resolve_since("2026-02-16", config, as_of);
  REQUIRE(!after);
  CHECK(after.error().kind == ErrorKind::usage);
  CHECK(after.error().message.find("after the report's as_of 2026-02-15") != std::string::npos);
  CHECK(!resolve_since("2026-Q1", config, as_of));  // ends on 31 March
  const Result<Date> unknown = resolve_since("someday", config, as_of);
  REQUIRE(!unknown);
  CHECK(unknown.error().kind == ErrorKind::usage);
}

TEST_CASE("report --since: values at the since-day, the roll-up evaluated twice") {
  const SincePlan sample;
  const Date since = since_day("2026-01", sample.plan.config);
  const Report report = report_since(sample.plan, since);
  REQUIRE(report.since == since);

  // The objective and its key results against evaluate_objective at the since-day.
  const ObjectiveResult then =
      evaluate_objective(sample.plan.objectives[0], sample.plan.config, since);
  const ObjectiveResult& now = report.objectives.at(0);
  REQUIRE(now.key_results.size() == then.key_results.size());
  for (size_t i = 0; i < now.key_results.size(); ++i)
    check_against(now.key_results[i], then.key_results[i]);
  REQUIRE(now.since);
  CHECK(now.since->value_then.kind == Value::Kind::none);
  CHECK(now.since->progress_then == then.progress);
  CHECK(near(now.since->delta, *now.progress - *then.progress));

  // The indicators against evaluate_measure at the since-day (no window: no dates).
  const ElementResult& element = report.elements.at(0);
  for (size_t i = 0; i < element.indicators.size(); ++i) {
    check_against(element.indicators[i],
                  evaluate_measure(sample.plan.elements[0].indicators[i], std::nullopt, 1.0, since,
                                   report.thresholds));
  }

  // The same numbers worked out by hand.
  const auto& krs = now.key_results;
  CHECK(krs[0].since->value_then.number == 20.0);  // plain: 20 then, 50 now
  CHECK(near(krs[0].since->progress_then, 0.2));
  CHECK(near(krs[0].since->delta, 0.3));
  CHECK(krs[1].since->value_then.kind == Value::Kind::none);  // late: no value then
  CHECK(krs[1].since->progress_then == 0.0);
  CHECK(near(krs[1].since->delta, 0.5));
  CHECK(krs[2].since->value_then.number == 100.0);  // accumulating: 100 then, 150 now
  CHECK(near(krs[2].since->progress_then, 1.0 / 3.0));
  CHECK(near(krs[2].since->delta, 0.5 - 1.0 / 3.0));
  CHECK(krs[3].since->value_then.kind == Value::Kind::none);  // milestone reached on 5 February
  CHECK(near(krs[3].since->delta, 1.0));
  CHECK(near(now.since->progress_then, (0.2 + 0.0 + 1.0 / 3.0 + 0.0) / 4));
  const MeasureResult& monitor = element.indicators[0];
  CHECK(monitor.since->value_then.number == 7.0);  // 7 then, 4 now: no progress, no delta
  CHECK(!monitor.since->progress_then);
  CHECK(!monitor.since->delta);

  // The element: its objective and its undated indicator (6 of 10 both times).
  REQUIRE(element.since);
  CHECK(element.since->value_then.kind == Value::Kind::none);
  CHECK(near(element.since->progress_then, (*then.progress + 0.6) / 2));
  CHECK(near(element.since->delta, (*now.progress - *then.progress) / 2));
}

TEST_CASE("report --since: the report at the since-day keeps the report's objectives") {
  // Since 31 December 2025, before the period: the same objective, nothing counted yet.
  const SincePlan sample;
  const Report report = report_since(sample.plan, day(2025, 12, 31));
  REQUIRE(report.objectives.size() == 1);
  CHECK(report.objectives[0].since->progress_then == 0.0);
  CHECK(near(report.objectives[0].since->delta, *report.objectives[0].progress));
  CHECK(!compute_report(sample.plan, Scope{q1, as_of}).objectives[0].since);  // only with --since
}

}  // namespace
}  // namespace iooi
