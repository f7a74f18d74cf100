#include "iooi/rollup/plan_diff.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace iooi {
namespace {

Checkin checkin(Date date, double value) {
  Checkin c;
  c.date = date;
  c.value = Value{Value::Kind::number, value, false};
  return c;
}

Plan plan_with(std::vector<Measure> key_results, std::string file = "okrs.yaml") {
  Plan plan;
  plan.files = {std::move(file)};
  Element element;
  element.id = "OC-a";
  element.title = "Outcome";
  element.level = Level::outcome;
  plan.elements.push_back(element);
  Objective objective;
  objective.id = "O-a";
  objective.title = "Objective";
  objective.period = "2026-Q1";
  objective.aligns_to = {Link{"OC-a", 1.0, {}}};
  objective.key_results = std::move(key_results);
  plan.objectives.push_back(std::move(objective));
  return plan;
}

Measure numeric(std::string id, double target, std::vector<Checkin> checkins = {}) {
  Measure m;
  m.id = std::move(id);
  m.title = "Title";
  m.baseline = 0;
  m.target = target;
  m.checkins = std::move(checkins);
  return m;
}

PlanDiff diff_of(const Plan& before, const Plan& after) {
  const Scope scope{std::nullopt, Date::from_ymd(2026, 2, 15)};
  const Report before_report = compute_report(before, scope);
  const Report after_report = compute_report(after, scope);
  return diff_plans(DiffSide{before, before_report}, DiffSide{after, after_report});
}

const ItemChange* item(const PlanDiff& diff, std::string_view id) {
  for (const ItemChange& change : diff.items)
    if (change.id == id) return &change;
  return nullptr;
}

}  // namespace

TEST_CASE("plan diff: the same plan has no change") {
  const Plan plan = plan_with({numeric("KR-a", 100)});
  const PlanDiff diff = diff_of(plan, plan);
  CHECK(diff.items.empty());
  CHECK(diff.progress.empty());
  CHECK(diff.unchanged_progress == 2);  // OC-a and O-a
}

TEST_CASE("plan diff: a changed field with its old and new value, compared as plan text") {
  const PlanDiff diff =
      diff_of(plan_with({numeric("KR-a", 100)}), plan_with({numeric("KR-a", 80.5)}));
  const ItemChange* kr = item(diff, "KR-a");
  REQUIRE(kr != nullptr);
  CHECK(kr->change == ItemChangeKind::changed);
  REQUIRE(kr->fields.size() == 1);
  CHECK(kr->fields[0].field == "target");
  CHECK(kr->fields[0].before == "100");
  CHECK(kr->fields[0].after == "80.5");
}

TEST_CASE("plan diff: thresholds read >=, <= and L..U") {
  Measure before = numeric("KR-a", 0);
  before.target.reset();
  before.threshold.kind = ThresholdKind::between;
  before.threshold.low = 0;
  before.threshold.high = 2;
  Measure after = before;
  after.threshold.kind = ThresholdKind::at_least;
  after.threshold.low = 85;
  const PlanDiff diff = diff_of(plan_with({before}), plan_with({after}));
  const ItemChange* kr = item(diff, "KR-a");
  REQUIRE(kr != nullptr);
  REQUIRE(kr->fields.size() == 1);
  CHECK(kr->fields[0].before == "0..2");
  CHECK(kr->fields[0].after == ">=85");
}

TEST_CASE("plan diff: check-ins matched by date and n-th that day") {
  const Date jan = Date::from_ymd(2026, 1, 20);
  const Date feb = Date::from_ymd(2026, 2, 1);
  const Plan before = plan_with({numeric("KR-a", 100, {checkin(jan, 10), checkin(jan, 12)})});
  const Plan after =
      plan_with({numeric("KR-a", 100, {checkin(jan, 10), checkin(jan, 15), checkin(feb, 30)})});
  const PlanDiff diff = diff_of(before, after);
  const ItemChange* kr = item(diff, "KR-a");
  REQUIRE(kr != nullptr);
  REQUIRE(kr->checkins.size() == 2);
  CHECK(kr->checkins[0].change == ItemChangeKind::changed);
  CHECK(kr->checkins[0].date == jan);
  CHECK(kr->checkins[0].nth == 2);
  CHECK(kr->checkins[0].before == "12");
  CHECK(kr->checkins[0].after == "15");
  CHECK(kr->checkins[1].change == ItemChangeKind::added);
  CHECK(kr->checkins[1].date == feb);
  CHECK(kr->checkins[1].after == "30");
  // The value rose, so the objective's progress did too.
  REQUIRE(!diff.progress.empty());
  CHECK(diff.progress.back().id == "O-a");
}

TEST_CASE("plan diff: added, removed, and moved to another file") {
  const Plan before = plan_with({numeric("KR-a", 100), numeric("KR-gone", 5)}, "a.yaml");
  const Plan after = plan_with({numeric("KR-a", 100), numeric("KR-new", 5)}, "b.yaml");
  const PlanDiff diff = diff_of(before, after);
  REQUIRE(item(diff, "KR-new") != nullptr);
  CHECK(item(diff, "KR-new")->change == ItemChangeKind::added);
  REQUIRE(item(diff, "KR-gone") != nullptr);
  CHECK(item(diff, "KR-gone")->change == ItemChangeKind::removed);
  REQUIRE(item(diff, "KR-a") != nullptr);
  CHECK(item(diff, "KR-a")->change == ItemChangeKind::moved);
  CHECK(item(diff, "KR-a")->file_before == "a.yaml");
  CHECK(item(diff, "KR-a")->file_after == "b.yaml");
  CHECK(item(diff, "KR-a")->fields.empty());
  // Removed items come after the items of the later plan.
  CHECK(diff.items.back().id == "KR-gone");
}
}  // namespace iooi
