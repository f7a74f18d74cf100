#include <doctest/doctest.h>

#include "test_plan.h"

using namespace iooi;
using namespace iooi::check_test;

TEST_CASE("check: unknown-period accepts built-in and declared periods") {
  Plan plan = clean_plan();
  plan.config.periods.push_back(PeriodDef{"FY26-T1", day("2026-01-01"), day("2026-04-30"), at(5)});
  for (const char* period : {"2026", "2026-H2", "2026-Q4", "2026-02", "FY26-T1"}) {
    plan.objectives[0].period = period;
    CHECK_MESSAGE(lines_of(plan, Rule::unknown_period).empty(), period);
  }
  plan.objectives[0].period = "FY26-T2";
  const Findings found = only(run_rules(plan), Rule::unknown_period);
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 41);
  CHECK(found[0].message.find("did you mean 'FY26-T1'?") != std::string::npos);
  plan.objectives[0].period = "2026-Q5";
  CHECK(lines_of(plan, Rule::unknown_period) == std::vector<int>{41});
}

TEST_CASE("check: unknown-period suggests a declared id with the year written out or cut") {
  Plan plan = clean_plan();
  plan.config.periods.push_back(PeriodDef{"FY2018", day("2017-10-01"), day("2018-09-30"), at(5)});
  plan.config.periods.push_back(PeriodDef{"FY19", day("2018-10-01"), day("2019-09-30"), at(6)});
  auto suggestion = [&](const char* period) {
    plan.objectives[0].period = period;
    const Findings found = only(run_rules(plan), Rule::unknown_period);
    REQUIRE(found.size() == 1);
    return found[0].message;
  };
  CHECK(suggestion("FY18").find("did you mean 'FY2018'?") != std::string::npos);
  CHECK(suggestion("fy2019").find("did you mean 'FY19'?") != std::string::npos);
  CHECK(suggestion("Winter").find("did you mean") == std::string::npos);
}

TEST_CASE("check: okr-no-key-results and okr-too-many-key-results") {
  Plan plan = clean_plan();
  plan.objectives[0].key_results.clear();
  CHECK(lines_of(plan, Rule::okr_no_key_results) == std::vector<int>{43});
  for (int i = 0; i < 5; ++i)
    plan.objectives[0].key_results.push_back(numeric("KR-" + std::to_string(i), 50 + 10 * i));
  CHECK(lines_of(plan, Rule::okr_no_key_results).empty());
  CHECK(lines_of(plan, Rule::okr_too_many_key_results).empty());
  plan.objectives[0].key_results.push_back(numeric("KR-6", 110));
  CHECK(lines_of(plan, Rule::okr_too_many_key_results) == std::vector<int>{43});
}

TEST_CASE("check: okr-too-many-objectives per owner and period") {
  Plan plan = clean_plan();
  auto add = [&](int n, const char* period, const char* owner) {
    const std::string id = "O-extra-" + std::to_string(n);
    plan.objectives.push_back(objective(id, 100 + 10 * n, {link("OP-tool", 101 + 10 * n)},
                                        {numeric("KR-" + id, 105 + 10 * n)}, period, owner));
  };
  for (int n = 0; n < 4; ++n) add(n, "2026-Q1", "team-a");  // five with the clean plan's
  add(4, "2026-Q2", "team-a");
  plan.teams.push_back(Team{"team-b", "B", at(2)});
  add(5, "2026-Q1", "team-b");
  CHECK(lines_of(plan, Rule::okr_too_many_objectives).empty());
  add(6, "2026-Q1", "team-a");
  add(7, "2026-Q1", "team-a");
  // One finding per owner and period, at the owner of the sixth objective.
  CHECK(lines_of(plan, Rule::okr_too_many_objectives) == std::vector<int>{162});
}

TEST_CASE("check: okr-unaligned and okr-aligns-to-input") {
  Plan plan = clean_plan();
  plan.objectives[0].aligns_to.clear();
  CHECK(lines_of(plan, Rule::okr_unaligned) == std::vector<int>{40});
  CHECK(lines_of(plan, Rule::okr_aligns_to_input).empty());
  plan.objectives[0].aligns_to = {link("IN-money", 41)};
  CHECK(lines_of(plan, Rule::okr_unaligned).empty());
  CHECK(lines_of(plan, Rule::okr_aligns_to_input) == std::vector<int>{41});
  plan.objectives[0].aligns_to.push_back(link("OP-tool", 42));
  CHECK(lines_of(plan, Rule::okr_aligns_to_input).empty());
  plan.objectives[0].aligns_to = {link("IN-money", 41), link("IN-unknown", 42)};
  CHECK(lines_of(plan, Rule::okr_aligns_to_input).empty());
}
