#include "iooi/model/plan.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "iooi/model/measure.h"

namespace iooi {
namespace {

using namespace std::string_view_literals;

TEST_CASE("direction: what the target implies, and what the measure wants") {
  Measure measure;
  measure.baseline = 10;
  measure.target = 5;
  CHECK(implied_direction(measure) == Direction::decrease);
  measure.direction = Direction::increase;  // written against its target: the rule's case
  CHECK(implied_direction(measure) == Direction::decrease);
  CHECK(effective_direction(measure) == Direction::increase);
  measure.direction = Direction::unset;
  measure.target = 10;
  CHECK(implied_direction(measure) == Direction::unset);
  measure.threshold.kind = ThresholdKind::at_most;
  CHECK(implied_direction(measure) == Direction::decrease);
  measure.threshold.kind = ThresholdKind::between;
  CHECK(effective_direction(measure) == Direction::unset);
  measure.threshold.kind = ThresholdKind::none;
  measure.target = 20;
  measure.type = MeasureType::monitor;
  CHECK(implied_direction(measure) == Direction::unset);
  measure.type = MeasureType::milestone;
  measure.direction = Direction::increase;
  CHECK(effective_direction(measure) == Direction::unset);
}

TEST_CASE("CompactText: empty until set, holds any bytes, copies deeply") {
  CompactText text;
  CHECK(text.empty());
  CHECK(text.view().empty());

  std::string written = "Befragung Q1";
  text = written;
  CHECK_FALSE(text.empty());
  CHECK(text == "Befragung Q1");

  const std::string_view with_nul = "a\0b"sv;
  CompactText copy = text;
  text = with_nul;
  CHECK(text.view() == with_nul);
  CHECK(copy == "Befragung Q1");  // the copy kept its own bytes

  CompactText moved = std::move(copy);
  CHECK(moved == "Befragung Q1");

  text = std::string();
  CHECK(text.empty());
}

TEST_CASE("Checkin::loc: the field's position in the measure's file, else the entry's") {
  Checkin checkin;
  checkin.at = LineColumn{7, 5};
  checkin.date_at = LineColumn{7, 14};
  const Loc date = checkin.loc(checkin.date_at, 3);
  CHECK(date.file == 3);
  CHECK(date.line == 7);
  CHECK(date.column == 14);
  const Loc value = checkin.loc(checkin.value_at, 3);  // unknown: the entry
  CHECK(value.file == 3);
  CHECK(value.line == 7);
  CHECK(value.column == 5);
}

TEST_CASE("first definition: the earliest by file, line and column, whatever the section") {
  Plan plan;
  plan.files = {"a.yaml", "b.yaml"};
  // Elements come before objectives in the plan's vectors, but the objective's
  // file sorts first: the objective is the first definition of X.
  Element outcome;
  outcome.id = "X";
  outcome.level = Level::outcome;
  outcome.at = Loc{1, 3, 7};
  Element earlier_in_b;
  earlier_in_b.id = "Y";
  earlier_in_b.at = Loc{1, 9, 7};
  Element later_in_b = earlier_in_b;
  later_in_b.at = Loc{1, 2, 7};  // listed later, written higher up
  plan.elements = {outcome, earlier_in_b, later_in_b};
  Objective objective;
  objective.id = "X";
  objective.at = Loc{0, 40, 7};
  plan.objectives = {objective};

  const PlanIds ids = first_definitions(plan);
  const IdDefinition* x = ids.find("X");
  REQUIRE(x != nullptr);
  CHECK(x->kind == IdKind::objective);
  CHECK(x->at.file == 0);
  CHECK(ids.element("X") == nullptr);  // a link to X does not reach b.yaml's outcome
  CHECK(ids.element("Y") == &plan.elements[2]);
  CHECK(ids.find("Z") == nullptr);
  CHECK(defined_before(Loc{0, 40, 7}, Loc{1, 3, 7}));
  CHECK(defined_before(Loc{1, 3, 2}, Loc{1, 3, 7}));
  CHECK_FALSE(defined_before(Loc{1, 3, 7}, Loc{1, 3, 7}));
}

}  // namespace
}  // namespace iooi
