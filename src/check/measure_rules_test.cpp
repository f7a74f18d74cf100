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

TEST_CASE("check: percent-range checks baseline, target, current and check-in values") {
  Plan plan = clean_plan();
  Measure& indicator = plan.elements[1].indicators[0];  // line 12
  indicator.unit = "%";
  indicator.baseline = 0;
  indicator.target = 100;
  indicator.checkins = {checkin("2026-01-10", 100, 20), checkin("2026-01-20", 101, 21)};
  indicator.has_checkins = true;
  CHECK(lines_of(plan, Rule::percent_range) == std::vector<int>{21});
  indicator.baseline = -1;
  indicator.target = 120;
  CHECK(lines_of(plan, Rule::percent_range) == std::vector<int>{13, 14, 21});
  indicator.unit = "people";
  CHECK(lines_of(plan, Rule::percent_range).empty());
  Measure& key_result = plan.objectives[0].key_results[0];
  key_result.unit = "%";
  key_result.checkins.clear();
  key_result.has_checkins = false;
  key_result.current = Value{Value::Kind::number, 250, false};
  CHECK(lines_of(plan, Rule::percent_range) == std::vector<int>{49});
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
