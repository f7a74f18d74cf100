#include <doctest/doctest.h>

#include "test_plan.h"

using namespace iooi;
using namespace iooi::check_test;

TEST_CASE("check: chain-direction for same or lower levels and for any link of an impact") {
  Plan plan = clean_plan();
  plan.elements[0].contributes_to.push_back(link("OC-use", 2));    // impact -> anything
  plan.elements[1].contributes_to.push_back(link("OP-tool", 13));  // outcome -> output
  plan.elements[2].contributes_to.push_back(link("OP-tool", 22));  // output -> itself
  plan.elements[3].contributes_to.push_back(link("OC-use", 32));   // input -> outcome: skip, fine
  CHECK(lines_of(plan, Rule::chain_direction) == std::vector<int>{2, 13, 22});
}

TEST_CASE("check: chain-skip-level for output->impact and input->outcome/impact only") {
  Plan plan = clean_plan();
  plan.elements[2].contributes_to.push_back(link("I-goal", 22));
  plan.elements[3].contributes_to.push_back(link("OC-use", 32));
  plan.elements[3].contributes_to.push_back(link("I-goal", 33));
  CHECK(lines_of(plan, Rule::chain_skip_level) == std::vector<int>{22, 32, 33});
  CHECK(lines_of(plan, Rule::chain_direction).empty());
}

TEST_CASE("check: chain-orphan for non-impact elements without contributes_to") {
  Plan plan = clean_plan();
  plan.elements[3].contributes_to.clear();
  plan.elements.push_back(element("I-second", Level::impact, 90));
  plan.elements.back().indicators.push_back(numeric("IND-second", 91));
  CHECK(lines_of(plan, Rule::chain_orphan) == std::vector<int>{30});
  // An unresolvable target is unknown-reference's problem, not an orphan.
  plan.elements[3].contributes_to.push_back(link("OP-nothing", 31));
  CHECK(lines_of(plan, Rule::chain_orphan).empty());
}

TEST_CASE("check: chain-unsupported counts only contributors from a lower level") {
  Plan plan = clean_plan();
  plan.elements[1].contributes_to.clear();  // the impact loses its only contributor
  plan.elements[1].contributes_to.push_back(link("OC-use", 11));  // and self-links do not count
  CHECK(lines_of(plan, Rule::chain_unsupported) == std::vector<int>{1});
  plan.elements[2].contributes_to.clear();  // now the outcome too
  CHECK(lines_of(plan, Rule::chain_unsupported) == std::vector<int>{1, 10});
}

TEST_CASE("check: stage-mismatch by level") {
  Plan plan = clean_plan();
  auto set_stage = [&](size_t index, int stage) {
    plan.elements[index].stage = stage;
    plan.elements[index].stage_at = at(plan.elements[index].at.line + 5);
  };
  set_stage(0, 7);
  set_stage(1, 4);
  set_stage(2, 3);
  CHECK(lines_of(plan, Rule::stage_mismatch).empty());
  set_stage(0, 6);
  set_stage(1, 7);
  set_stage(2, 4);
  set_stage(3, 1);  // inputs have none
  CHECK(lines_of(plan, Rule::stage_mismatch) == std::vector<int>{6, 15, 25, 35});
}

TEST_CASE("check: unmeasured ignores inputs and counts aligned objectives of any period") {
  Plan plan = clean_plan();
  plan.elements[1].indicators.clear();   // the outcome keeps the output's progress
  plan.objectives[0].aligns_to.clear();  // until the output loses its objective
  plan.objectives[0].aligns_to.push_back(link("I-goal", 41));
  CHECK(lines_of(plan, Rule::unmeasured) == std::vector<int>{10, 20});
  plan.objectives.push_back(
      objective("O-25Q4", 100, {link("OP-tool", 101)}, {numeric("KR-25Q4", 105)}, "2025-Q4"));
  CHECK(lines_of(plan, Rule::unmeasured).empty());
}

TEST_CASE("check: unmeasured fires exactly where the element's progress is undefined") {
  Plan plan = clean_plan();
  plan.elements[1].indicators.clear();
  CHECK(lines_of(plan, Rule::unmeasured).empty());  // OC-use <- OP-tool <- O-26Q1
  // An objective whose key-result weights sum to 0 has no progress to give.
  plan.objectives[0].key_results[0].weight = 0;
  CHECK(lines_of(plan, Rule::unmeasured) == std::vector<int>{10, 20});
  plan.objectives[0].key_results[0].weight = 1;
  plan.objectives[0].aligns_to[0].weight = 0;  // nor does a link of weight 0
  CHECK(lines_of(plan, Rule::unmeasured) == std::vector<int>{10, 20});
  plan.objectives[0].aligns_to[0].weight = 1;
  plan.elements[2].contributes_to[0].weight = 0;
  CHECK(lines_of(plan, Rule::unmeasured) == std::vector<int>{10});
  plan.elements[2].contributes_to[0].weight = 1;
  // An input's progress never reaches the level above.
  plan.objectives[0].aligns_to[0].id = "IN-money";
  CHECK(lines_of(plan, Rule::unmeasured) == std::vector<int>{10, 20});
  // A monitor is never a contributor.
  Measure monitor = numeric("IND-energy", 14);
  monitor.type = MeasureType::monitor;
  monitor.target.reset();
  plan.elements[2].indicators.push_back(monitor);
  CHECK(lines_of(plan, Rule::unmeasured) == std::vector<int>{10, 20});
  plan.elements[2].indicators.back().type = MeasureType::numeric;
  plan.elements[2].indicators.back().target = 100;
  CHECK(lines_of(plan, Rule::unmeasured).empty());
}

TEST_CASE("check: unmeasured leaves a duplicate of a measured element to duplicate-id") {
  Plan plan = clean_plan();
  plan.elements.push_back(element("OC-use", Level::outcome, 90, {link("I-goal", 91)}));
  CHECK(lines_of(plan, Rule::unmeasured).empty());
  CHECK(lines_of(plan, Rule::duplicate_id) == std::vector<int>{90});
}

TEST_CASE("check: unmeasured: progress climbs only upwards, from outputs and higher") {
  Plan plan = clean_plan();
  plan.elements[0].indicators.clear();  // I-goal <- OC-use
  CHECK(lines_of(plan, Rule::unmeasured).empty());
  plan.elements[1].contributes_to.clear();                       // I-goal alone
  plan.elements[0].contributes_to.push_back(link("OC-use", 2));  // a backward link gives nothing
  CHECK(lines_of(plan, Rule::unmeasured) == std::vector<int>{1});
}
