// Thresholds, interim targets, accumulate, monitors and no-data (docs/progress.md,
// "Thresholds, interim targets, increments and monitors"): the worked example to
// 1e-9 and the edge cases one by one. Generated plans checked against a second
// computation of the rules are in measure_property_test.cpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "iooi/rollup/rollup.h"
#include "report_test_support.h"

namespace iooi {
namespace {

using namespace test_support;

Measure number_target(std::string id, double baseline, double target,
                      std::vector<Checkin> checkins = {}) {
  Measure m = measure(std::move(id), std::move(checkins));
  m.baseline = baseline;
  m.target = target;
  return m;
}

Threshold threshold(ThresholdKind kind, double low, double high = 0.0) {
  Threshold t;
  t.kind = kind;
  t.low = low;
  t.high = kind == ThresholdKind::at_most ? low : high;
  if (kind == ThresholdKind::at_most) t.low = 0.0;
  return t;
}

Measure threshold_measure(std::string id, Threshold t, std::vector<Checkin> checkins = {}) {
  Measure m = measure(std::move(id), std::move(checkins));
  m.threshold = t;
  return m;
}

InterimTarget interim(Date date, double value) {
  InterimTarget t;
  t.date = date;
  t.value = value;
  return t;
}

const Window q1{day(2026, 1, 1), day(2026, 3, 31)};
const Thresholds gaps{};
const Date mid_february = day(2026, 2, 15);

// The worked example of docs/progress.md ("Thresholds ... worked example").
Plan thresholds_example() {
  Plan plan;
  Objective o;
  o.id = "O";
  o.title = "O";
  o.period = "2026-Q1";
  o.owner = "team";
  o.aligns_to.push_back(Link{"OC", 1.0, {}});
  o.key_results.push_back(threshold_measure(
      "KR-vacancy", threshold(ThresholdKind::at_most, 3.0),
      {checkin(day(2026, 1, 31), number(2.5)), checkin(day(2026, 2, 10), number(3.3))}));
  Measure floor = threshold_measure("KR-schedule", threshold(ThresholdKind::at_least, 85),
                                    {checkin(day(2026, 2, 1), number(90))});
  floor.baseline = 99;
  o.key_results.push_back(floor);
  Measure steps = number_target("KR-steps", 0, 100, {checkin(day(2026, 2, 14), number(40))});
  steps.targets = {interim(day(2026, 1, 31), 10), interim(day(2026, 2, 28), 80)};
  o.key_results.push_back(steps);
  Measure count =
      number_target("KR-count", 0, 300,
                    {checkin(day(2026, 1, 10), number(100)), checkin(day(2026, 2, 1), number(50)),
                     checkin(day(2026, 3, 1), number(70))});
  count.accumulate = true;
  o.key_results.push_back(count);
  plan.objectives.push_back(o);
  Element oc{};
  oc.id = std::string("OC");
  oc.title = oc.id;
  oc.level = Level::outcome;
  Measure monitor = measure("IND-energy", {checkin(day(2026, 1, 31), number(112))});
  monitor.type = MeasureType::monitor;
  monitor.baseline_date = day(2026, 1, 1);
  monitor.target_date = day(2026, 12, 31);
  oc.indicators.push_back(monitor);
  plan.elements.push_back(oc);
  return plan;
}

bool near(const std::optional<double>& actual, double expected) {
  return actual && std::abs(*actual - expected) <= 1e-9;
}

}  // namespace

TEST_CASE("measures: worked example of thresholds, interim targets and increments") {
  const Plan plan = thresholds_example();
  const Scope scope{Period{"2026-Q1", q1.start, q1.end}, mid_february};
  const Report report = compute_report(plan, scope);
  REQUIRE(report.objectives.size() == 1);
  const ObjectiveResult& o = report.objectives[0];
  REQUIRE(o.key_results.size() == 4);
  const double elapsed_q1 = 45.0 / 89.0;
  CHECK(std::abs(elapsed(q1, mid_february) - 0.505618) < 1e-6);

  const MeasureResult& vacancy = o.key_results[0];
  CHECK(vacancy.value.number == 3.3);
  CHECK(vacancy.met == false);
  CHECK(near(vacancy.progress, 0.0));
  CHECK(!vacancy.expected);
  CHECK(!vacancy.planned);
  CHECK(!vacancy.target);
  CHECK(vacancy.direction == Direction::decrease);
  CHECK(vacancy.status == Status::off_track);

  const MeasureResult& schedule = o.key_results[1];
  CHECK(schedule.met == true);
  CHECK(near(schedule.progress, 1.0));
  CHECK(near(schedule.attainment, 1.0));
  CHECK(!schedule.expected);
  CHECK(schedule.direction == Direction::increase);
  CHECK(schedule.status == Status::on_track);  // not yet done: the window is still open

  const MeasureResult& steps = o.key_results[2];
  CHECK(near(steps.planned, 10.0 + 70.0 * 15.0 / 28.0));
  CHECK(near(steps.planned, 47.5));
  CHECK(near(steps.expected, 0.475));
  CHECK(near(steps.progress, 0.4));
  CHECK(std::abs(*steps.expected - *steps.progress - 0.075) <= 1e-9);
  CHECK(steps.status == Status::on_track);

  const MeasureResult& count = o.key_results[3];
  CHECK(count.value.number == 150);
  CHECK(count.last_checkin == day(2026, 2, 1));
  CHECK(near(count.progress, 0.5));
  CHECK(near(count.planned, 300.0 * elapsed_q1));
  CHECK(std::abs(*count.planned - 151.685) < 1e-3);
  CHECK(near(count.expected, elapsed_q1));
  CHECK(count.status == Status::on_track);

  CHECK(near(o.progress, (0 + 1 + 0.4 + 0.5) / 4));
  CHECK(near(o.progress, 0.475));
  CHECK(near(o.expected, elapsed_q1));
  CHECK(o.status == Status::on_track);

  REQUIRE(report.elements.size() == 1);
  const ElementResult& oc = report.elements[0];
  CHECK(near(oc.progress, 0.475));  // the monitor does not count
  CHECK(oc.status == Status::on_track);
  REQUIRE(oc.contributors.size() == 1);
  CHECK(oc.contributors[0].kind == ContributorKind::objective);
  REQUIRE(oc.indicators.size() == 1);
  CHECK(oc.indicators[0].status == Status::none);
  CHECK(!oc.indicators[0].progress);
  CHECK(!oc.indicators[0].attainment);
  CHECK(!oc.indicators[0].expected);
}

TEST_CASE("measures: value history of a measure that replaces its value") {
  Measure share =
      number_target("s", 0, 100,
                    {checkin(day(2026, 2, 1), number(40)), checkin(day(2026, 1, 10), number(10)),
                     checkin(day(2026, 2, 1), number(45)),  // listed last: wins
                     checkin(day(2026, 3, 5), number(60))});
  share.current = number(99);  // no date: never a point
  const std::vector<ValuePoint> history = value_history(share, day(2026, 3, 1));
  REQUIRE(history.size() == 2);
  CHECK(history[0].date == day(2026, 1, 10));
  CHECK(history[0].value.number == 10);
  CHECK(history[1].date == day(2026, 2, 1));
  CHECK(history[1].value.number == 45);
  CHECK(history[1].value.number == value_at(share, day(2026, 3, 1)).value.number);
  CHECK(value_history(share, day(2026, 1, 9)).empty());
}

TEST_CASE("measures: accumulate") {
  Measure count = number_target("c", 10, 100,
                                {checkin(day(2026, 3, 1), number(5)),
                                 checkin(day(2025, 12, 1), number(20)),  // before the window
                                 checkin(day(2026, 2, 1), number(-3)),   // a correction
                                 checkin(day(2026, 2, 1), number(7))});  // same day
  count.accumulate = true;
  SUBCASE("every check-in dated on or before as_of adds, on top of the baseline") {
    const MeasureValue at = value_at(count, day(2026, 2, 15));
    CHECK(at.value.number == 10 + 20 - 3 + 7);
    CHECK(at.last_checkin == day(2026, 2, 1));
    CHECK(value_at(count, day(2026, 3, 1)).value.number == 39);
  }
  SUBCASE("no check-in yet: no value, even with a baseline") {
    CHECK(value_at(count, day(2025, 11, 30)).value.kind == Value::Kind::none);
  }
  SUBCASE("the history has one point per check-in day up to as_of, each the value then") {
    const std::vector<ValuePoint> history = value_history(count, day(2026, 2, 15));
    REQUIRE(history.size() == 2);
    CHECK(history[0].date == day(2025, 12, 1));
    CHECK(history[0].value.number == 30);
    CHECK(history[1].date == day(2026, 2, 1));
    for (const ValuePoint& point : history) {
      CHECK(point.value.number == value_at(count, point.date).value.number);
    }
    CHECK(value_history(count, day(2026, 3, 1)).back().value.number == 39);
  }
  SUBCASE("without a baseline the sum starts at 0") {
    Measure monitor = count;
    monitor.type = MeasureType::monitor;
    monitor.baseline.reset();
    CHECK(value_at(monitor, day(2026, 2, 15)).value.number == 24);
  }
}

TEST_CASE("measures: thresholds") {
  SUBCASE("met with a tolerance of 1e-9 in the measure's favour") {
    CHECK(threshold_met(threshold(ThresholdKind::at_least, 85), 85));
    CHECK(threshold_met(threshold(ThresholdKind::at_least, 0.3), 0.1 + 0.2 - 2e-17));
    CHECK(threshold_met(threshold(ThresholdKind::at_least, 85), 85 - 0.5e-9));
    CHECK(!threshold_met(threshold(ThresholdKind::at_least, 85), 85 - 2e-9));
    CHECK(threshold_met(threshold(ThresholdKind::at_most, 3), 3 + 0.5e-9));
    CHECK(!threshold_met(threshold(ThresholdKind::at_most, 3), 3.01));
    CHECK(threshold_met(threshold(ThresholdKind::between, 0, 2), 0));
    CHECK(threshold_met(threshold(ThresholdKind::between, 0, 2), 2));
    CHECK(!threshold_met(threshold(ThresholdKind::between, 0, 2), 2.1));
    CHECK(!threshold_met(threshold(ThresholdKind::between, 0, 2), -0.1));
  }
  SUBCASE("hold the level: done only when met and the window has ended") {
    Measure hold = threshold_measure("hold", threshold(ThresholdKind::at_least, 98),
                                     {checkin(day(2026, 1, 10), number(98))});
    hold.baseline = 98;
    CHECK(evaluate_measure(hold, q1, 1.0, day(2026, 3, 30), gaps).status == Status::on_track);
    CHECK(evaluate_measure(hold, q1, 1.0, day(2026, 3, 31), gaps).status == Status::done);
    CHECK(evaluate_measure(hold, q1, 1.0, day(2025, 12, 31), gaps).status == Status::none);
    CHECK(evaluate_measure(hold, std::nullopt, 1.0, day(2026, 3, 1), gaps).status == Status::none);
    const MeasureResult before = evaluate_measure(hold, q1, 1.0, day(2026, 1, 5), gaps);
    CHECK(before.status == Status::no_data);
    CHECK(!before.met);
    CHECK(before.progress == 0.0);
  }
  SUBCASE("a missed ceiling is off-track, never done") {
    const Measure ceiling = threshold_measure("c", threshold(ThresholdKind::at_most, 3.0),
                                              {checkin(day(2026, 3, 31), number(3.3))});
    const MeasureResult r = evaluate_measure(ceiling, q1, 1.0, day(2026, 3, 31), gaps);
    CHECK(r.status == Status::off_track);
    CHECK(r.progress == 0.0);
    CHECK(r.attainment == 0.0);
  }
  SUBCASE("between has no direction; a written direction wins") {
    Measure range = threshold_measure("r", threshold(ThresholdKind::between, 0, 2));
    CHECK(effective_direction(range) == Direction::unset);
    CHECK(effective_direction(number_target("d", 10, 5)) == Direction::decrease);
    CHECK(effective_direction(number_target("u", 5, 10)) == Direction::increase);
    Measure monitor = measure("m");
    monitor.type = MeasureType::monitor;
    CHECK(effective_direction(monitor) == Direction::unset);
    monitor.direction = Direction::decrease;
    CHECK(effective_direction(monitor) == Direction::decrease);
  }
}

TEST_CASE("measures: planned path") {
  Measure steps = number_target("s", 0, 165);
  const Window window{day(2017, 9, 30), day(2020, 9, 30)};
  steps.targets = {interim(day(2018, 9, 30), 110), interim(day(2019, 9, 30), 145)};
  SUBCASE("through each interim target, clamped to the window") {
    CHECK(planned_at(steps, window, day(2016, 1, 1)) == 0.0);
    CHECK(planned_at(steps, window, day(2018, 9, 30)) == 110.0);
    CHECK(planned_at(steps, window, day(2019, 9, 30)) == 145.0);
    CHECK(planned_at(steps, window, day(2020, 9, 30)) == 165.0);
    CHECK(planned_at(steps, window, day(2024, 1, 1)) == 165.0);
    CHECK(near(planned_at(steps, window, day(2019, 3, 31)), 110.0 + 35.0 * 182.0 / 365.0));
  }
  SUBCASE("interim values are free; only expected is clamped") {
    Measure overshoot = number_target("o", 0, 100);
    overshoot.targets = {interim(day(2026, 2, 1), 120)};
    CHECK(planned_at(overshoot, q1, day(2026, 2, 1)) == 120.0);
    CHECK(expected_of(overshoot, q1, 1.0, day(2026, 2, 1)) == 1.0);
    CHECK(expected_of(overshoot, q1, 0.7, day(2026, 2, 1)) == 0.7);
    Measure dip = number_target("d", 0, 100);
    dip.targets = {interim(day(2026, 2, 1), -10)};
    CHECK(expected_of(dip, q1, 1.0, day(2026, 2, 1)) == 0.0);
  }
  SUBCASE("one-day window: baseline before the day, target from it on") {
    const Window one{day(2026, 5, 1), day(2026, 5, 1)};
    const Measure m = number_target("m", 4, 9);
    CHECK(planned_at(m, one, day(2026, 4, 30)) == 4.0);
    CHECK(planned_at(m, one, day(2026, 5, 1)) == 9.0);
  }
  SUBCASE("null without a number target or a window") {
    CHECK(!planned_at(steps, std::nullopt, day(2019, 1, 1)));
    CHECK(!planned_at(threshold_measure("t", threshold(ThresholdKind::at_least, 1)), q1,
                      mid_february));
    Measure ms = measure("ms");
    ms.type = MeasureType::milestone;
    CHECK(!planned_at(ms, q1, mid_february));
    CHECK(expected_of(ms, q1, 1.0, mid_february) == elapsed(q1, mid_february));
  }
}

TEST_CASE("measures: no data, monitors, objectives and elements") {
  Config config;
  SUBCASE("no value in a window that has begun is no-data, before it none") {
    const Measure empty = number_target("e", 0, 10);
    CHECK(evaluate_measure(empty, q1, 1.0, mid_february, gaps).status == Status::no_data);
    CHECK(evaluate_measure(empty, q1, 1.0, day(2025, 12, 31), gaps).status == Status::none);
    CHECK(evaluate_measure(empty, std::nullopt, 1.0, mid_february, gaps).status == Status::none);
  }
  SUBCASE("an objective is no-data when every key result of weight > 0 is") {
    Objective o;
    o.period = "2026-Q1";
    o.key_results = {number_target("a", 0, 10), number_target("b", 0, 10)};
    Measure unweighted = number_target("z", 0, 10, {checkin(day(2026, 1, 2), number(1))});
    unweighted.weight = 0;
    o.key_results.push_back(unweighted);
    const ObjectiveResult r = evaluate_objective(o, config, mid_february);
    CHECK(r.status == Status::no_data);
    CHECK(r.progress == 0.0);
    o.key_results[1].checkins = {checkin(day(2026, 1, 2), number(10))};
    CHECK(evaluate_objective(o, config, mid_february).status == Status::on_track);  // 0.5 vs 0.5
  }
  SUBCASE("an objective is done only when every key result of weight > 0 is done") {
    Objective o;
    o.period = "2026-Q1";
    o.key_results = {number_target("a", 0, 10, {checkin(day(2026, 1, 2), number(10))}),
                     threshold_measure("t", threshold(ThresholdKind::at_least, 5),
                                       {checkin(day(2026, 1, 2), number(6))})};
    const ObjectiveResult open = evaluate_objective(o, config, mid_february);
    CHECK(open.progress == 1.0);
    CHECK(open.status == Status::on_track);
    CHECK(evaluate_objective(o, config, day(2026, 3, 31)).status == Status::done);
  }
  SUBCASE("elements: monitors never contribute; none and no-data never decide") {
    Plan plan;
    Element e;
    e.id = "OP";
    e.level = Level::output;
    Measure monitor =
        measure("m", {checkin(day(2026, 1, 5), number(7)), checkin(day(2026, 2, 1), number(4))});
    monitor.type = MeasureType::monitor;
    monitor.weight = 5;
    Measure gap = number_target("gap", 0, 10);
    gap.baseline_date = day(2026, 1, 1);
    gap.target_date = day(2026, 12, 31);
    Measure undated = number_target("undated", 0, 10);
    undated.current = number(6);
    e.indicators = {monitor, gap, undated};
    plan.elements.push_back(e);
    const Report report = compute_report(plan, Scope{std::nullopt, mid_february});
    const ElementResult& op = report.elements[0];
    CHECK(op.contributors.size() == 2);
    CHECK(near(op.progress, 0.3));  // (0 + 0.6) / 2: the gap counts as 0
    CHECK(op.status == Status::none);
    CHECK(op.indicators[0].change == -3.0);
    CHECK(op.indicators[1].status == Status::no_data);
  }
  SUBCASE("worse_status ignores none and no-data") {
    CHECK(worse_status(Status::no_data, Status::on_track) == Status::on_track);
    CHECK(worse_status(Status::off_track, Status::no_data) == Status::off_track);
    CHECK(worse_status(Status::no_data, Status::none) == Status::none);
    CHECK(worse_status(Status::none, Status::no_data) == Status::none);
    CHECK(status_id(Status::no_data) == "no-data");
  }
  SUBCASE("stale_days per key result, else per objective, else the plan's") {
    Objective o;
    Measure kr = number_target("kr", 0, 10);
    CHECK(stale_days_of(kr, o, 14) == 14);
    o.stale_days = 30;
    CHECK(stale_days_of(kr, o, 14) == 30);
    kr.stale_days = 400;
    CHECK(stale_days_of(kr, o, 14) == 400);
    o.period = "2026-Q1";
    o.key_results = {number_target("k", 0, 10, {checkin(day(2026, 1, 2), number(1))})};
    CHECK(evaluate_objective(o, config, mid_february).key_results[0].stale_days == 44);
    o.key_results[0].stale_days = 60;
    CHECK(!evaluate_objective(o, config, mid_february).key_results[0].stale_days);
  }
}

}  // namespace iooi
