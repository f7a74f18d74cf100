#include <doctest/doctest.h>

#include "test_plan.h"

using namespace iooi;
using namespace iooi::check_test;

TEST_CASE("check: measure-target-equals-baseline on numeric measures only") {
  Plan plan = clean_plan();
  plan.elements[0].indicators[0].target = 0.0;  // indicator at line 3, target at 5
  CHECK(lines_of(plan, Rule::measure_target_equals_baseline) == std::vector<int>{5});
  Measure milestone = numeric("KR-live", 60, 0, 0);
  milestone.type = MeasureType::milestone;
  milestone.baseline.reset();
  milestone.target.reset();
  plan.objectives[0].key_results.push_back(milestone);
  CHECK(lines_of(plan, Rule::measure_target_equals_baseline) == std::vector<int>{5});
}

TEST_CASE("check: measure-current-and-checkins even with an empty checkins list") {
  Plan plan = clean_plan();
  Measure& key_result = plan.objectives[0].key_results[0];
  key_result.current = Value{Value::Kind::number, 4, false};
  CHECK(lines_of(plan, Rule::measure_current_and_checkins) == std::vector<int>{49});
  key_result.checkins.clear();
  CHECK(lines_of(plan, Rule::measure_current_and_checkins) == std::vector<int>{49});
  key_result.has_checkins = false;
  CHECK(lines_of(plan, Rule::measure_current_and_checkins).empty());
}

TEST_CASE("check: measure-zero-weight when an objective's key-result weights sum to 0") {
  Plan plan = clean_plan();
  plan.objectives[0].key_results.push_back(numeric("KR-second", 60));
  plan.objectives[0].key_results[0].weight = 0;
  CHECK(lines_of(plan, Rule::measure_zero_weight).empty());
  plan.objectives[0].key_results[1].weight = 0;
  CHECK(lines_of(plan, Rule::measure_zero_weight) == std::vector<int>{43});
  plan.elements[0].indicators[0].weight = 0;  // indicators are not part of this rule
  CHECK(lines_of(plan, Rule::measure_zero_weight) == std::vector<int>{43});
}

TEST_CASE("check: percent-range reports a measure once, at its first value outside 0-100") {
  Plan plan = clean_plan();
  Measure& indicator = plan.elements[1].indicators[0];  // line 12
  indicator.unit = "%";
  indicator.baseline = 0;
  indicator.target = 100;
  indicator.checkins = {checkin("2026-01-10", 100, 20), checkin("2026-01-20", 101, 21),
                        checkin("2026-01-30", 102, 22)};
  indicator.has_checkins = true;
  CHECK(lines_of(plan, Rule::percent_range) == std::vector<int>{21});
  indicator.target = 120;
  CHECK(lines_of(plan, Rule::percent_range) == std::vector<int>{14});
  indicator.baseline = -1;
  CHECK(lines_of(plan, Rule::percent_range) == std::vector<int>{13});
  // File order, not the order of the fields: a baseline written last comes last.
  indicator.baseline_at = at(30);
  CHECK(lines_of(plan, Rule::percent_range) == std::vector<int>{14});
  indicator.unit = "people";
  CHECK(lines_of(plan, Rule::percent_range).empty());
  Measure& key_result = plan.objectives[0].key_results[0];
  key_result.unit = "%";
  key_result.checkins.clear();
  key_result.has_checkins = false;
  key_result.current = Value{Value::Kind::number, 250, false};
  CHECK(lines_of(plan, Rule::percent_range) == std::vector<int>{49});
}

TEST_CASE("check: percent-range looks at threshold bounds and interim values as written") {
  Plan plan = clean_plan();
  Measure& key_result = plan.objectives[0].key_results[0];  // line 45, check-in on 51
  key_result.unit = "%";
  key_result.target.reset();
  key_result.threshold = Threshold{-5, 3, ThresholdKind::between, {46, 20}, {46, 25}};
  CHECK(lines_of(plan, Rule::percent_range) == std::vector<int>{46});
  key_result.threshold = Threshold{0, 130, ThresholdKind::at_most, {46, 20}, {47, 20}};
  CHECK(lines_of(plan, Rule::percent_range) == std::vector<int>{47});
  key_result.threshold = Threshold{85, 0, ThresholdKind::at_least, {46, 20}, {}};
  CHECK(lines_of(plan, Rule::percent_range).empty());

  Measure& indicator = plan.elements[1].indicators[0];  // line 12
  indicator.unit = "%";
  indicator.targets = {InterimTarget{day("2026-06-30"), 50, {18, 10}, {18, 30}},
                       InterimTarget{day("2026-09-30"), 150, {19, 10}, {19, 30}}};
  CHECK(lines_of(plan, Rule::percent_range) == std::vector<int>{19});
  // Increments are looked at one by one: three of 40 make no finding.
  indicator.accumulate = true;
  indicator.targets.clear();
  indicator.checkins = {checkin("2026-01-10", 40, 20), checkin("2026-01-20", 40, 21),
                        checkin("2026-01-30", 40, 22)};
  indicator.has_checkins = true;
  CHECK(lines_of(plan, Rule::percent_range).empty());
}

TEST_CASE("check: percent-range leaves a monitor's target to monitor-target") {
  Plan plan = clean_plan();
  Measure& indicator = plan.elements[1].indicators[0];  // line 12, target on 14
  indicator.type = MeasureType::monitor;
  indicator.unit = "%";
  indicator.target = 300;
  CHECK(lines_of(plan, Rule::percent_range).empty());
  CHECK(lines_of(plan, Rule::monitor_target) == std::vector<int>{14});
  indicator.baseline = 130;
  CHECK(lines_of(plan, Rule::percent_range) == std::vector<int>{13});
}

TEST_CASE("check: measure-target-equals-baseline names the threshold that holds a level") {
  Plan plan = clean_plan();
  Measure& indicator = plan.elements[0].indicators[0];
  indicator.baseline = 98;
  indicator.target = 98;
  const Findings found = only(run_rules(plan), Rule::measure_target_equals_baseline);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("`target: {at_least: 98}`") != std::string::npos);
  // A threshold at the baseline is how a level is held: no finding.
  indicator.target.reset();
  indicator.threshold = Threshold{98, 0, ThresholdKind::at_least, {5, 20}, {}};
  CHECK(lines_of(plan, Rule::measure_target_equals_baseline).empty());
}

TEST_CASE("check: indicator-dates needs both dates in order") {
  Plan plan = clean_plan();
  Measure& indicator = plan.elements[0].indicators[0];
  indicator.baseline_date_at = at(8);
  indicator.target_date_at = at(9);
  indicator.baseline_date = day("2026-01-01");
  CHECK(lines_of(plan, Rule::indicator_dates) == std::vector<int>{8});
  indicator.target_date = day("2026-01-01");  // a one-day window is allowed
  CHECK(lines_of(plan, Rule::indicator_dates).empty());
  indicator.target_date = day("2025-12-31");
  CHECK(lines_of(plan, Rule::indicator_dates) == std::vector<int>{9});
  indicator.baseline_date.reset();
  CHECK(lines_of(plan, Rule::indicator_dates) == std::vector<int>{9});
}
