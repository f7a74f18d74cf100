#include <doctest/doctest.h>

#include "test_plan.h"

using namespace iooi;
using namespace iooi::check_test;

TEST_CASE("check: duplicate-id names both places, across sections and files") {
  Plan plan = clean_plan();
  plan.files.push_back("more.yaml");
  Element twin = element("OC-use", Level::outcome, 7, {link("I-goal", 8)});
  twin.at.file = 1;
  twin.indicators.push_back(numeric("IND-other", 9));
  plan.elements.push_back(twin);
  // A key result reusing an element id is a duplicate too: one namespace.
  plan.objectives[0].key_results.push_back(numeric("IN-money", 60));
  const Findings found = only(run_rules(plan), Rule::duplicate_id);
  REQUIRE(found.size() == 2);
  CHECK(found[0].path == "more.yaml");
  CHECK(found[0].line == 7);
  CHECK(found[0].message.find("also defined at plan.yaml:10") != std::string::npos);
  CHECK(found[1].path == "plan.yaml");
  CHECK(found[1].line == 60);
  CHECK(found[1].message.find("also defined at plan.yaml:30 (input)") != std::string::npos);
}

TEST_CASE("check: references resolve to the definition duplicate-id names as the first") {
  Plan plan = clean_plan();
  plan.files = {"a.yaml", "b.yaml"};
  for (Element& element : plan.elements) element.at.file = 1;
  // a.yaml's objective X is the first definition; b.yaml's outcome X the duplicate.
  plan.objectives[0].id = "X";
  plan.elements.push_back(element("X", Level::outcome, 50, {link("I-goal", 51)}));
  plan.elements.back().at.file = 1;
  plan.objectives.push_back(
      objective("O-other", 70, {link("X", 71)}, {numeric("KR-other", 75)}, "2026-Q1"));
  const Findings duplicates = only(run_rules(plan), Rule::duplicate_id);
  REQUIRE(duplicates.size() == 1);
  CHECK(duplicates[0].path == "b.yaml");
  CHECK(duplicates[0].message.find("a.yaml:40 (objective)") != std::string::npos);
  const Findings references = only(run_rules(plan), Rule::unknown_reference);
  REQUIRE(references.size() == 1);
  CHECK(references[0].line == 71);
  CHECK(references[0].message.find("'X', which is an objective") != std::string::npos);
}

TEST_CASE(
    "check: duplicate-id points at the later place even when sections come in another order") {
  Plan plan = clean_plan();
  plan.files = {"a.yaml", "b.yaml"};
  // The objective's file sorts first, so its id is the first definition.
  plan.elements[0].at.file = 1;
  plan.objectives[0].id = "I-goal";
  const Findings found = only(run_rules(plan), Rule::duplicate_id);
  REQUIRE(found.size() == 1);
  CHECK(found[0].path == "b.yaml");
  CHECK(found[0].line == 1);
  CHECK(found[0].message.find("a.yaml:40 (objective)") != std::string::npos);
}

TEST_CASE("check: team ids have their own namespace") {
  Plan plan = clean_plan();
  plan.teams.push_back(Team{"I-goal", "same as an element id", at(2)});
  CHECK(lines_of(plan, Rule::duplicate_id).empty());
  plan.teams.push_back(Team{"team-a", "again", at(3)});
  CHECK(lines_of(plan, Rule::duplicate_id) == std::vector<int>{3});
}

TEST_CASE("check: id-case-clash reports each other spelling once, not exact duplicates") {
  Plan plan = clean_plan();
  plan.elements.push_back(element("oc-USE", Level::outcome, 70, {link("I-goal", 71)}));
  plan.elements.push_back(element("oc-USE", Level::outcome, 80, {link("I-goal", 81)}));
  CHECK(lines_of(plan, Rule::id_case_clash) == std::vector<int>{70});
  CHECK(lines_of(plan, Rule::duplicate_id) == std::vector<int>{80});
  const Findings found = only(run_rules(plan), Rule::id_case_clash);
  CHECK(found[0].message.find("'OC-use' at plan.yaml:10") != std::string::npos);
}

TEST_CASE("check: unknown-reference for contributes_to, aligns_to and owner, with did-you-mean") {
  Plan plan = clean_plan();
  plan.elements[1].contributes_to[0].id = "I-gaol";
  plan.objectives[0].aligns_to.push_back(link("IND-use", 42));  // an indicator, not an element
  plan.objectives[0].owner = "team-b";
  const Findings found = only(run_rules(plan), Rule::unknown_reference);
  REQUIRE(found.size() == 3);
  CHECK(found[0].line == 11);
  CHECK(found[0].column == 20);
  CHECK(found[0].message.find("did you mean 'I-goal'?") != std::string::npos);
  // Same line (owner_at = objective line + 2): the owner's column comes first.
  CHECK(found[1].line == 42);
  CHECK(found[1].message.find("did you mean 'team-a'?") != std::string::npos);
  CHECK(found[2].line == 42);
  CHECK(found[2].message.find("an indicator, not a chain element") != std::string::npos);
}

TEST_CASE("check: owners are free text while no team is declared") {
  Plan plan = clean_plan();
  plan.teams.clear();
  plan.objectives[0].owner = "anybody";
  CHECK(lines_of(plan, Rule::unknown_reference).empty());
}

TEST_CASE("check: duplicate-id for custom periods, in their own namespace") {
  Plan plan = clean_plan();
  plan.config.periods = {PeriodDef{"FY26", day("2026-01-01"), day("2026-12-31"), at(4)},
                         PeriodDef{"I-goal", day("2026-01-01"), day("2026-06-30"), at(5)}};
  CHECK(lines_of(plan, Rule::duplicate_id).empty());
  plan.config.periods.push_back(PeriodDef{"FY26", day("2026-02-01"), day("2027-01-31"), at(6)});
  CHECK(lines_of(plan, Rule::duplicate_id) == std::vector<int>{6});
}
