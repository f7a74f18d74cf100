#include <doctest/doctest.h>

#include "test_plan.h"

using namespace iooi;
using namespace iooi::check_test;

namespace {

Measure& key_result_of(Plan& plan) { return plan.objectives[0].key_results[0]; }  // line 45
Measure& indicator_of(Plan& plan) { return plan.elements[1].indicators[0]; }      // line 12

void set_threshold(Measure& measure, ThresholdKind kind, double low, double high) {
  measure.target.reset();
  measure.threshold = Threshold{low, high, kind, {47, 20}, {47, 25}};
}

InterimTarget interim(const char* date, double value, int line) {
  return InterimTarget{day(date), value, {line, 10}, {line, 30}};
}

std::string message_of(const Plan& plan, Rule rule) {
  const Findings found = only(run_rules(plan), rule);
  REQUIRE(found.size() == 1);
  return found[0].message;
}

}  // namespace

TEST_CASE("check: direction-mismatch against number targets and thresholds") {
  Plan plan = clean_plan();
  Measure& key_result = key_result_of(plan);  // 0 -> 10: increase
  key_result.direction_at = at(48);
  key_result.direction = Direction::increase;
  CHECK(lines_of(plan, Rule::direction_mismatch).empty());
  key_result.direction = Direction::decrease;
  CHECK(lines_of(plan, Rule::direction_mismatch) == std::vector<int>{48});
  CHECK(message_of(plan, Rule::direction_mismatch).find("10 from baseline 0 means increase") !=
        std::string::npos);
  key_result.baseline = 20;  // 20 -> 10 falls
  CHECK(lines_of(plan, Rule::direction_mismatch).empty());
  key_result.baseline = 10;  // equal: measure-target-equals-baseline says so, alone
  CHECK(lines_of(plan, Rule::direction_mismatch).empty());

  set_threshold(key_result, ThresholdKind::at_most, 0, 3);
  CHECK(lines_of(plan, Rule::direction_mismatch).empty());
  key_result.direction = Direction::increase;
  CHECK(message_of(plan, Rule::direction_mismatch).find("{at_most: 3} means decrease") !=
        std::string::npos);
  set_threshold(key_result, ThresholdKind::at_least, 85, 0);
  CHECK(lines_of(plan, Rule::direction_mismatch).empty());
  set_threshold(key_result, ThresholdKind::between, 0, 2);  // a range has no direction
  CHECK(lines_of(plan, Rule::direction_mismatch) == std::vector<int>{48});
}

TEST_CASE("check: direction-mismatch on milestones, never on monitors") {
  Plan plan = clean_plan();
  Measure& key_result = key_result_of(plan);
  key_result.type = MeasureType::milestone;
  key_result.baseline.reset();
  key_result.target.reset();
  key_result.checkins = {milestone_checkin("2026-02-10", false, 51)};
  key_result.direction = Direction::increase;
  key_result.direction_at = at(48);
  CHECK(lines_of(plan, Rule::direction_mismatch) == std::vector<int>{48});

  Measure& indicator = indicator_of(plan);
  indicator.type = MeasureType::monitor;  // which way is good, for trend marks
  indicator.baseline.reset();
  indicator.target.reset();
  indicator.direction = Direction::decrease;
  CHECK(lines_of(plan, Rule::direction_mismatch) == std::vector<int>{48});
}

TEST_CASE("check: interim-targets strictly increasing and strictly inside the window") {
  Plan plan = clean_plan();
  Measure& key_result = key_result_of(plan);  // period 2026-Q1
  key_result.targets = {interim("2026-01-31", 3, 60), interim("2026-02-28", 7, 61)};
  CHECK(lines_of(plan, Rule::interim_targets).empty());
  key_result.targets = {interim("2026-01-01", 3, 60), interim("2026-03-31", 7, 61)};
  CHECK(lines_of(plan, Rule::interim_targets) == std::vector<int>{60, 61});  // the two ends
  key_result.targets = {interim("2026-02-28", 3, 60), interim("2026-02-28", 7, 61),
                        interim("2026-01-31", 8, 62)};
  CHECK(lines_of(plan, Rule::interim_targets) == std::vector<int>{61, 62});

  Measure& indicator = indicator_of(plan);
  indicator.targets = {interim("2026-06-30", 50, 16)};
  indicator.targets_at = at(15);
  CHECK(lines_of(plan, Rule::interim_targets) == std::vector<int>{15, 61, 62});  // no dates
  indicator.baseline_date = day("2026-01-01");
  indicator.target_date = day("2026-12-31");
  CHECK(lines_of(plan, Rule::interim_targets) == std::vector<int>{61, 62});
  indicator.target_date.reset();  // one date alone: indicator-dates' finding
  CHECK(lines_of(plan, Rule::interim_targets) == std::vector<int>{61, 62});
}

TEST_CASE("check: interim-targets need a number target: not on thresholds or milestones") {
  Plan plan = clean_plan();
  Measure& key_result = key_result_of(plan);
  key_result.targets = {interim("2026-01-31", 3, 60)};
  key_result.targets_at = at(59);
  set_threshold(key_result, ThresholdKind::at_least, 5, 0);
  CHECK(lines_of(plan, Rule::interim_targets) == std::vector<int>{59});
  CHECK(message_of(plan, Rule::interim_targets).find("threshold") != std::string::npos);
  key_result.threshold = Threshold{};
  key_result.type = MeasureType::milestone;
  key_result.baseline.reset();
  CHECK(lines_of(plan, Rule::interim_targets) == std::vector<int>{59});
  CHECK(message_of(plan, Rule::interim_targets).find("milestone") != std::string::npos);

  Measure& indicator = indicator_of(plan);  // a monitor's targets are monitor-target's alone
  indicator.type = MeasureType::monitor;
  indicator.target.reset();
  indicator.target_at = {};
  indicator.targets = {interim("2026-01-31", 3, 16)};
  indicator.targets_at = at(15);
  CHECK(lines_of(plan, Rule::interim_targets) == std::vector<int>{59});
  CHECK(lines_of(plan, Rule::monitor_target) == std::vector<int>{15});
}

TEST_CASE("check: measure-accumulate with current or on a milestone") {
  Plan plan = clean_plan();
  Measure& key_result = key_result_of(plan);
  key_result.accumulate = true;
  key_result.accumulate_at = at(49);
  CHECK(lines_of(plan, Rule::measure_accumulate).empty());  // numeric with check-ins
  key_result.checkins.clear();
  key_result.has_checkins = false;
  key_result.current = Value{Value::Kind::number, 4, false};
  CHECK(lines_of(plan, Rule::measure_accumulate) == std::vector<int>{49});
  key_result.current = Value{};
  key_result.type = MeasureType::milestone;
  CHECK(lines_of(plan, Rule::measure_accumulate) == std::vector<int>{49});

  Measure& indicator = indicator_of(plan);  // monitors may accumulate
  indicator.type = MeasureType::monitor;
  indicator.target.reset();
  indicator.accumulate = true;
  CHECK(lines_of(plan, Rule::measure_accumulate) == std::vector<int>{49});
}

TEST_CASE("check: monitor-target for targets on monitors and for monitor key results") {
  Plan plan = clean_plan();
  Measure& indicator = indicator_of(plan);  // target on line 14
  indicator.type = MeasureType::monitor;
  CHECK(lines_of(plan, Rule::monitor_target) == std::vector<int>{14});
  indicator.target.reset();
  indicator.target_at = {};
  CHECK(lines_of(plan, Rule::monitor_target).empty());
  indicator.baseline.reset();  // a monitor needs no baseline either
  CHECK(run_rules(plan).empty());

  Measure& key_result = key_result_of(plan);
  key_result.type = MeasureType::monitor;
  key_result.type_at = at(46);
  CHECK(lines_of(plan, Rule::monitor_target) == std::vector<int>{46});
  CHECK(message_of(plan, Rule::monitor_target).find("key result") != std::string::npos);
}
