#include <doctest/doctest.h>

#include "test_plan.h"

using namespace iooi;
using namespace iooi::check_test;

namespace {

Measure& key_result_of(Plan& plan) { return plan.objectives[0].key_results[0]; }

void set_checkins(Measure& measure, std::vector<Checkin> checkins) {
  measure.checkins = std::move(checkins);
  measure.has_checkins = true;
}

}  // namespace

TEST_CASE("check: checkin-order reports the first check-in listed out of order") {
  Plan plan = clean_plan();
  set_checkins(key_result_of(plan), {checkin("2026-01-10", 1, 51), checkin("2026-01-10", 2, 52),
                                     checkin("2026-01-05", 3, 53), checkin("2026-01-01", 4, 54)});
  CHECK(lines_of(plan, Rule::checkin_order) == std::vector<int>{53});
}

TEST_CASE("check: checkin-duplicate-date points at the later one and names the first") {
  Plan plan = clean_plan();
  set_checkins(key_result_of(plan), {checkin("2026-01-10", 1, 51), checkin("2026-02-01", 2, 52),
                                     checkin("2026-01-10", 3, 53)});
  const Findings found = only(run_rules(plan), Rule::checkin_duplicate_date);
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 53);
  CHECK(found[0].message.find("plan.yaml:51") != std::string::npos);
}

TEST_CASE("check: checkin-duplicate-date does not apply to accumulating measures") {
  Plan plan = clean_plan();
  set_checkins(key_result_of(plan), {checkin("2026-01-10", 1, 51), checkin("2026-01-10", 3, 52)});
  CHECK(lines_of(plan, Rule::checkin_duplicate_date) == std::vector<int>{52});
  key_result_of(plan).accumulate = true;  // two increments on one day simply add up
  CHECK(lines_of(plan, Rule::checkin_duplicate_date).empty());
}

TEST_CASE("check: checkin-future for key results and indicators, relative to the reference date") {
  Plan plan = clean_plan();
  set_checkins(key_result_of(plan), {checkin("2026-02-15", 1, 51), checkin("2026-02-16", 2, 52)});
  set_checkins(plan.elements[0].indicators[0], {checkin("2027-01-01", 5, 8)});
  CHECK(lines_of(plan, Rule::checkin_future) == std::vector<int>{8, 52});
  CHECK(lines_of(plan, Rule::checkin_future, day("2027-01-01")).empty());
}

TEST_CASE("check: checkin-outside-period applies to key results only") {
  Plan plan = clean_plan();
  set_checkins(key_result_of(plan), {checkin("2025-12-31", 1, 51), checkin("2026-01-01", 2, 52),
                                     checkin("2026-03-31", 3, 53), checkin("2026-04-01", 4, 54)});
  set_checkins(plan.elements[0].indicators[0], {checkin("2020-01-01", 5, 8)});
  CHECK(lines_of(plan, Rule::checkin_outside_period, day("2026-06-01")) ==
        std::vector<int>{51, 54});
}

TEST_CASE("check: checkin-stale measures from the last check-in, else from the period start") {
  Plan plan = clean_plan();
  plan.config.stale_days = 14;
  Measure& key_result = key_result_of(plan);  // line 45
  set_checkins(key_result, {checkin("2026-02-01", 3, 51)});
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-02-15")).empty());  // 14 days: not more
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-02-16")) == std::vector<int>{45});
  // A check-in after the reference date does not count yet.
  set_checkins(key_result, {checkin("2026-02-01", 3, 51), checkin("2026-02-20", 4, 52)});
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-02-16")) == std::vector<int>{45});
  // Without check-ins the period start is the baseline: a fresh quarter has grace.
  key_result.checkins.clear();
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-01-15")).empty());
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-01-16")) == std::vector<int>{45});
  // Only objectives running at the reference date.
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-04-20")).empty());
  CHECK(lines_of(plan, Rule::checkin_stale, day("2025-12-20")).empty());
  // stale_days comes from the plan.
  plan.config.stale_days = 30;
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-01-31")).empty());
}

TEST_CASE("check: checkin-stale skips key results already done") {
  Plan plan = clean_plan();
  Measure& key_result = key_result_of(plan);  // baseline 0, target 10
  set_checkins(key_result, {checkin("2026-01-20", 10, 51)});
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-03-01")).empty());
  set_checkins(key_result, {checkin("2026-01-20", 9, 51)});
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-03-01")) == std::vector<int>{45});
  key_result.type = MeasureType::milestone;
  key_result.baseline.reset();
  key_result.target.reset();
  set_checkins(key_result, {milestone_checkin("2026-01-20", true, 51)});
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-03-01")).empty());
  set_checkins(key_result, {milestone_checkin("2026-01-20", false, 51)});
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-03-01")) == std::vector<int>{45});
}

// docs/progress.md section 8: a threshold is done only once its window has ended, so a
// met threshold still needs its check-ins while the period runs.
TEST_CASE("check: checkin-stale: a met threshold is done only once its period has ended") {
  Plan plan = clean_plan();
  plan.config.stale_days = 14;
  Measure& key_result = key_result_of(plan);  // line 45, objective period 2026-Q1
  key_result.target.reset();
  key_result.threshold.kind = ThresholdKind::at_least;
  key_result.threshold.low = 5.0;
  set_checkins(key_result, {checkin("2026-01-20", 8, 51)});  // met since 20 January
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-03-01")) == std::vector<int>{45});
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-03-30")) == std::vector<int>{45});
  // On the period's last day the window has ended: met and done, no longer stale.
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-03-31")).empty());
  // Not met on the last day: still stale.
  set_checkins(key_result, {checkin("2026-01-20", 4, 51)});
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-03-31")) == std::vector<int>{45});
}

TEST_CASE("check: checkin-stale uses the key result's stale_days, else the objective's") {
  Plan plan = clean_plan();
  plan.config.stale_days = 14;
  Measure& key_result = key_result_of(plan);
  set_checkins(key_result, {checkin("2026-01-02", 3, 51)});
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-02-15")) == std::vector<int>{45});
  plan.objectives[0].stale_days = 60;
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-02-15")).empty());
  key_result.stale_days = 30;
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-02-15")) == std::vector<int>{45});
  key_result.stale_days = 400;  // an annual figure
  plan.objectives[0].stale_days.reset();
  CHECK(lines_of(plan, Rule::checkin_stale, day("2026-03-31")).empty());
}
