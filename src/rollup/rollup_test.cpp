#include "iooi/rollup/rollup.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace iooi {
namespace {

Date day(int y, unsigned m, unsigned d) { return Date::from_ymd(y, m, d); }

Value number(double v) { return Value{Value::Kind::number, v, false}; }
Value flag(bool b) { return Value{Value::Kind::boolean, 0.0, b}; }

Checkin checkin(Date date, Value value, int confidence = 0) {
  Checkin c;
  c.date = date;
  c.value = value;
  c.confidence = confidence;
  return c;
}

Measure numeric(std::string id, double baseline, double target, std::vector<Checkin> checkins = {},
                double weight = 1.0) {
  Measure m;
  m.id = std::move(id);
  m.title = m.id;
  m.baseline = baseline;
  m.target = target;
  m.weight = weight;
  m.has_checkins = !checkins.empty();
  m.checkins = std::move(checkins);
  return m;
}

Measure milestone(std::string id, std::vector<Checkin> checkins = {}) {
  Measure m;
  m.id = std::move(id);
  m.title = m.id;
  m.type = MeasureType::milestone;
  m.checkins = std::move(checkins);
  return m;
}

Element element(std::string id, Level level, std::vector<Link> contributes_to = {},
                std::vector<Measure> indicators = {}) {
  Element e;
  e.id = std::move(id);
  e.title = e.id;
  e.level = level;
  e.contributes_to = std::move(contributes_to);
  e.indicators = std::move(indicators);
  return e;
}

Link link(std::string id, double weight = 1.0) { return Link{std::move(id), weight, {}}; }

Objective objective(std::string id, std::string period, std::vector<Measure> key_results,
                    std::vector<Link> aligns_to = {},
                    ObjectiveType type = ObjectiveType::committed) {
  Objective o;
  o.id = std::move(id);
  o.title = o.id;
  o.period = std::move(period);
  o.owner = "team";
  o.type = type;
  o.aligns_to = std::move(aligns_to);
  o.key_results = std::move(key_results);
  return o;
}

const ElementResult& find_element(const Report& report, std::string_view id) {
  for (const ElementResult& e : report.elements) {
    if (e.id == id) return e;
  }
  FAIL("no element " << id);
  return report.elements.front();
}

const Window q1{day(2026, 1, 1), day(2026, 3, 31)};
const Thresholds thresholds{};

// The worked example of docs/progress.md, to 1e-9.
Plan worked_example_plan() {
  Plan plan;
  plan.objectives.push_back(objective(
      "O", "2026-Q1",
      {numeric("KR-a", 0, 800,
               {checkin(day(2026, 1, 31), number(210)), checkin(day(2026, 2, 28), number(430))}),
       milestone("KR-b", {checkin(day(2026, 2, 20), flag(true))})},
      {link("OC-network")}));
  Measure indicator = numeric("IND", 0, 10, {}, 1.0);
  indicator.current = number(4);  // progress 0.4, no dates
  plan.elements.push_back(element("OC-network", Level::outcome, {}, {indicator}));
  return plan;
}

}  // namespace

TEST_CASE("rollup: worked example of docs/progress.md") {
  const Plan plan = worked_example_plan();
  const auto scope =
      resolve_scope({std::string("2026-Q1"), day(2026, 2, 15), day(2030, 1, 1)}, plan.config);
  REQUIRE(scope);
  const Report report = compute_report(plan, *scope);
  REQUIRE(report.objectives.size() == 1);
  const ObjectiveResult& o = report.objectives[0];
  const MeasureResult& a = o.key_results[0];
  const MeasureResult& b = o.key_results[1];
  const double elapsed_q1 = 45.0 / 89.0;
  CHECK(elapsed_q1 == doctest::Approx(0.50562).epsilon(1e-5));
  CHECK(a.value.number == 210);
  CHECK(*a.progress == doctest::Approx(0.2625).epsilon(1e-12));
  CHECK(*a.expected == doctest::Approx(elapsed_q1).epsilon(1e-12));
  CHECK(*a.expected - *a.progress == doctest::Approx(0.24312).epsilon(1e-5));
  CHECK(a.status == Status::at_risk);
  CHECK(a.last_checkin == day(2026, 1, 31));
  CHECK(b.value.kind == Value::Kind::none);
  CHECK(*b.progress == 0.0);
  // A data gap, not a verdict (before no-data: off-track); still 0 in the mean.
  CHECK(b.status == Status::no_data);
  CHECK(std::abs(*o.progress - 0.13125) < 1e-9);
  CHECK(o.status == Status::off_track);
  const ElementResult& oc = find_element(report, "OC-network");
  CHECK(std::abs(*oc.progress - 0.265625) < 1e-9);
  CHECK(oc.status == Status::off_track);
  REQUIRE(oc.contributors.size() == 2);
  CHECK(oc.contributors[0].kind == ContributorKind::indicator);
  CHECK(oc.contributors[0].status == Status::none);  // no dates, no window
  CHECK(oc.contributors[1].kind == ContributorKind::objective);
  CHECK(oc.contributors[1].id == "O");
}

TEST_CASE("rollup: value at as_of") {
  Measure m =
      numeric("m", 0, 100,
              {checkin(day(2026, 3, 1), number(30), 5), checkin(day(2026, 1, 10), number(10)),
               checkin(day(2026, 2, 1), number(20), 7), checkin(day(2026, 2, 1), number(25))});
  SUBCASE("unsorted: latest date wins, equal dates: the one listed last") {
    const MeasureValue v = value_at(m, day(2026, 2, 15));
    CHECK(v.value.number == 25);
    CHECK(!v.confidence);  // of that check-in, which has none
    CHECK(v.last_checkin == day(2026, 2, 1));
  }
  SUBCASE("check-in on as_of counts; after it does not") {
    CHECK(value_at(m, day(2026, 3, 1)).value.number == 30);
    CHECK(value_at(m, day(2026, 3, 1)).confidence == 5);
    CHECK(value_at(m, day(2026, 2, 28)).value.number == 25);
  }
  SUBCASE("before every check-in: no value, or current") {
    CHECK(value_at(m, day(2026, 1, 9)).value.kind == Value::Kind::none);
    m.current = number(3);
    const MeasureValue v = value_at(m, day(2026, 1, 9));
    CHECK(v.value.number == 3);
    CHECK(!v.last_checkin);
    CHECK(!v.confidence);
  }
  SUBCASE("current alone") {
    Measure c = numeric("c", 0, 10);
    c.current = number(7);
    CHECK(value_at(c, day(2020, 1, 1)).value.number == 7);
    CHECK(attainment_of(c, value_at(c, day(2020, 1, 1)).value).progress == doctest::Approx(0.7));
  }
}

TEST_CASE("rollup: progress and attainment") {
  const Measure up = numeric("up", 20, 60);
  CHECK(attainment_of(up, number(31)).progress == doctest::Approx(11.0 / 40.0));
  SUBCASE("below baseline and above target are clamped, attainment is not") {
    CHECK(attainment_of(up, number(10)).progress == 0.0);
    CHECK(attainment_of(up, number(10)).attainment == doctest::Approx(-0.25));
    CHECK(attainment_of(up, number(80)).progress == 1.0);
    CHECK(attainment_of(up, number(80)).attainment == doctest::Approx(1.5));
  }
  SUBCASE("decreasing target") {
    const Measure down = numeric("down", 100, 40);  // e.g. waiting days
    CHECK(attainment_of(down, number(70)).progress == doctest::Approx(0.5));
    CHECK(attainment_of(down, number(120)).progress == 0.0);
    CHECK(attainment_of(down, number(120)).attainment == doctest::Approx(-1.0 / 3.0));
    CHECK(attainment_of(down, number(30)).progress == 1.0);
  }
  SUBCASE("no value") {
    CHECK(attainment_of(up, Value{}).progress == 0.0);
    CHECK(attainment_of(up, Value{}).attainment == 0.0);
  }
  SUBCASE("milestones: true, false, none") {
    const Measure ms = milestone("ms");
    CHECK(attainment_of(ms, flag(true)).progress == 1.0);
    CHECK(attainment_of(ms, flag(true)).attainment == 1.0);
    CHECK(attainment_of(ms, flag(false)).progress == 0.0);
    CHECK(attainment_of(ms, Value{}).progress == 0.0);
  }
}

TEST_CASE("rollup: expected progress and windows") {
  SUBCASE("as_of before, inside and after the window") {
    CHECK(elapsed(q1, day(2025, 12, 31)) == 0.0);
    CHECK(elapsed(q1, day(2026, 1, 1)) == 0.0);
    CHECK(elapsed(q1, day(2026, 2, 15)) == doctest::Approx(45.0 / 89.0));
    CHECK(elapsed(q1, day(2026, 3, 31)) == 1.0);
    CHECK(elapsed(q1, day(2026, 7, 1)) == 1.0);
  }
  SUBCASE("one-day window") {
    const Window one{day(2026, 5, 1), day(2026, 5, 1)};
    CHECK(elapsed(one, day(2026, 4, 30)) == 0.0);
    CHECK(elapsed(one, day(2026, 5, 1)) == 1.0);
    CHECK(elapsed(one, day(2026, 5, 2)) == 1.0);
  }
  SUBCASE("aspirational goal 0.7") {
    CHECK(goal_of(ObjectiveType::aspirational) == 0.7);
    CHECK(goal_of(ObjectiveType::committed) == 1.0);
    CHECK(*expected_progress(q1, 0.7, day(2026, 3, 31)) == doctest::Approx(0.7));
    CHECK(!expected_progress(std::nullopt, 1.0, day(2026, 3, 31)));
  }
}

TEST_CASE("rollup: status") {
  const Date mid = day(2026, 2, 15);
  SUBCASE("none without a window or before its start") {
    CHECK(status_of(0.5, std::nullopt, std::nullopt, mid, thresholds) == Status::none);
    CHECK(status_of(1.0, 0.0, q1, day(2025, 12, 1), thresholds) == Status::none);
  }
  SUBCASE("done beats everything") {
    CHECK(status_of(1.0, 1.0, q1, mid, thresholds) == Status::done);
  }
  SUBCASE("thresholds, exact values get the better status") {
    // 0.8 - 0.7 is 0.10000000000000009 and 0.55 - 0.3 is 0.25000000000000006 in
    // binary: without the tolerance these would fall to the worse status.
    CHECK(status_of(0.7, 0.8, q1, mid, thresholds) == Status::on_track);
    CHECK(status_of(0.3, 0.55, q1, mid, thresholds) == Status::at_risk);
    CHECK(status_of(0.69, 0.8, q1, mid, thresholds) == Status::at_risk);     // gap 0.11
    CHECK(status_of(0.29, 0.55, q1, mid, thresholds) == Status::off_track);  // gap 0.26
    CHECK(status_of(0.9, 0.6, q1, mid, thresholds) == Status::on_track);     // ahead of plan
    CHECK(status_of(0.999, 0.6, q1, mid, thresholds) == Status::on_track);   // not yet done
  }
  SUBCASE("plan thresholds") {
    const Thresholds strict{0.0, 0.05};
    CHECK(status_of(0.5, 0.5, q1, mid, strict) == Status::on_track);
    CHECK(status_of(0.48, 0.5, q1, mid, strict) == Status::at_risk);
    CHECK(status_of(0.4, 0.5, q1, mid, strict) == Status::off_track);
  }
  SUBCASE("worst status ignores none") {
    CHECK(worse_status(Status::none, Status::done) == Status::done);
    CHECK(worse_status(Status::at_risk, Status::none) == Status::at_risk);
    CHECK(worse_status(Status::on_track, Status::off_track) == Status::off_track);
    CHECK(worse_status(Status::none, Status::none) == Status::none);
  }
}

TEST_CASE("rollup: objectives") {
  Config config;
  SUBCASE("weights including 0") {
    const Objective o =
        objective("O", "2026-Q1",
                  {numeric("a", 0, 10, {checkin(day(2026, 1, 5), number(10))}, 3.0),
                   numeric("b", 0, 10, {checkin(day(2026, 1, 5), number(0))}, 1.0),
                   numeric("c", 0, 10, {checkin(day(2026, 1, 5), number(0))}, 0.0)});
    const ObjectiveResult r = evaluate_objective(o, config, day(2026, 3, 31));
    CHECK(*r.progress == doctest::Approx(0.75));
    CHECK(*r.expected == 1.0);
    CHECK(r.status == Status::at_risk);  // gap 0.25
  }
  SUBCASE("weights summing to 0: progress undefined, status none") {
    const Objective o = objective("O", "2026-Q1", {numeric("a", 0, 10, {}, 0.0)});
    const ObjectiveResult r = evaluate_objective(o, config, day(2026, 3, 31));
    CHECK(!r.progress);
    CHECK(r.status == Status::none);
  }
  SUBCASE("aspirational: 0.7 counts as done-by-plan") {
    const Objective o =
        objective("O", "2026-Q1", {numeric("a", 0, 10, {checkin(day(2026, 3, 1), number(7))})}, {},
                  ObjectiveType::aspirational);
    const ObjectiveResult r = evaluate_objective(o, config, day(2026, 3, 31));
    CHECK(*r.expected == doctest::Approx(0.7));
    CHECK(r.status == Status::on_track);
    CHECK(r.key_results[0].expected == doctest::Approx(0.7));
    CHECK(r.key_results[0].status == Status::on_track);
  }
  SUBCASE("custom period window") {
    config.periods.push_back(PeriodDef{"FY26-T1", day(2026, 1, 1), day(2026, 4, 30), {}});
    const Objective o = objective("O", "FY26-T1", {numeric("a", 0, 10)});
    const ObjectiveResult r = evaluate_objective(o, config, day(2026, 3, 1));
    REQUIRE(r.window);
    CHECK(r.window->end == day(2026, 4, 30));
    CHECK(*r.expected == doctest::Approx(59.0 / 119.0));
  }
  SUBCASE("stale key results") {
    config.stale_days = 14;
    const Objective o = objective(
        "O", "2026-Q1",
        {numeric("fresh", 0, 10, {checkin(day(2026, 2, 10), number(1))}),
         numeric("old", 0, 10, {checkin(day(2026, 1, 20), number(1))}), numeric("never", 0, 10),
         numeric("edge", 0, 10, {checkin(day(2026, 2, 1), number(1))})});
    const ObjectiveResult r = evaluate_objective(o, config, day(2026, 2, 15));
    CHECK(!r.key_results[0].stale_days);
    CHECK(r.key_results[1].stale_days == 26);
    CHECK(r.key_results[2].stale_days == 45);
    CHECK(!r.key_results[3].stale_days);  // exactly 14 days is not more than 14
    // After the period the objective no longer runs: nothing is stale.
    const ObjectiveResult later = evaluate_objective(o, config, day(2026, 5, 1));
    CHECK(!later.key_results[1].stale_days);
  }
  SUBCASE("staleness agrees with checkin-stale: current is no check-in, done is never stale") {
    config.stale_days = 14;
    Measure current_only = numeric("current-only", 0, 10);
    current_only.current = number(4);
    const Objective o = objective(
        "O", "2026-Q1",
        {current_only, numeric("done-long-ago", 0, 10, {checkin(day(2026, 1, 5), number(10))}),
         numeric("before-period", 0, 10, {checkin(day(2025, 12, 20), number(1))})});
    const ObjectiveResult r = evaluate_objective(o, config, day(2026, 2, 15));
    CHECK(r.key_results[0].stale_days == 45);
    CHECK(!r.key_results[1].stale_days);
    CHECK(r.key_results[2].stale_days == 45);  // counted from the period's start
  }
}

TEST_CASE("rollup: scope") {
  Config config;
  config.periods.push_back(PeriodDef{"FY26-T1", day(2026, 1, 1), day(2026, 4, 30), {}});
  SUBCASE("--period P: as_of defaults to min(today, end of P)") {
    auto s = resolve_scope({std::string("2026-Q1"), std::nullopt, day(2026, 6, 1)}, config);
    REQUIRE(s);
    CHECK(s->as_of == day(2026, 3, 31));
    s = resolve_scope({std::string("2026-Q1"), std::nullopt, day(2026, 2, 1)}, config);
    CHECK(s->as_of == day(2026, 2, 1));
    s = resolve_scope({std::string("FY26-T1"), day(2026, 9, 9), day(2026, 2, 1)}, config);
    CHECK(s->as_of == day(2026, 9, 9));
    CHECK(s->period->end == day(2026, 4, 30));
  }
  SUBCASE("all: no period, as_of today") {
    auto s = resolve_scope({std::string("all"), std::nullopt, day(2026, 6, 1)}, config);
    REQUIRE(s);
    CHECK(!s->period);
    CHECK(s->as_of == day(2026, 6, 1));
  }
  SUBCASE("no --period: the quarter containing as_of") {
    auto s = resolve_scope({std::nullopt, day(2026, 5, 20), day(2027, 1, 1)}, config);
    REQUIRE(s);
    CHECK(s->period->start == day(2026, 4, 1));
    CHECK(s->period->end == day(2026, 6, 30));
    CHECK(s->as_of == day(2026, 5, 20));
  }
  SUBCASE("unknown period") {
    const auto s = resolve_scope({std::string("2026-Q5"), std::nullopt, day(2026, 1, 1)}, config);
    REQUIRE(!s);
    CHECK(s.error().kind == ErrorKind::usage);
    CHECK(s.error().message.find("2026-Q5") != std::string::npos);
  }
  SUBCASE("overlapping periods are in scope") {
    const Scope q2{Period{"2026-Q2", day(2026, 4, 1), day(2026, 6, 30)}, day(2026, 5, 1)};
    CHECK(in_scope(objective("a", "FY26-T1", {}), q2, config));   // overlaps April
    CHECK(in_scope(objective("b", "2026", {}), q2, config));      // the year contains it
    CHECK(in_scope(objective("c", "2026-05", {}), q2, config));   // a month inside it
    CHECK(!in_scope(objective("d", "2026-Q1", {}), q2, config));  // adjacent, no overlap
    CHECK(!in_scope(objective("e", "2026-07", {}), q2, config));
    CHECK(in_scope(objective("f", "2020-Q1", {}), Scope{std::nullopt, day(2026, 5, 1)}, config));
  }
}

TEST_CASE("rollup: chain elements bottom-up") {
  Plan plan;
  Measure dated = numeric("IND-dated", 0, 100, {checkin(day(2026, 2, 1), number(10))});
  dated.baseline_date = day(2026, 1, 1);
  dated.target_date = day(2026, 12, 31);
  plan.elements.push_back(element("IMP", Level::impact));
  plan.elements.push_back(element("OC", Level::outcome, {link("IMP", 2)}, {dated}));
  plan.elements.push_back(element("OP", Level::output, {link("OC"), link("IMP")}));
  plan.elements.push_back(element("OP-empty", Level::output, {link("OC", 5)}));
  Measure input_indicator = numeric("IND-in", 0, 10);
  input_indicator.current = number(10);
  plan.elements.push_back(element("IN", Level::input, {link("OP", 100)}, {input_indicator}));
  plan.objectives.push_back(
      objective("O1", "2026-Q1", {numeric("KR1", 0, 10, {checkin(day(2026, 3, 1), number(8))})},
                {link("OP", 3)}));
  plan.objectives.push_back(
      objective("O2", "2026-Q2", {numeric("KR2", 0, 10, {checkin(day(2026, 3, 1), number(0))})},
                {link("OP")}));  // out of scope
  const Scope scope{Period{"2026-Q1", q1.start, q1.end}, day(2026, 3, 31)};
  const Report report = compute_report(plan, scope);

  SUBCASE("order: impacts first, inputs last") {
    REQUIRE(report.elements.size() == 5);
    CHECK(report.elements[0].id == "IMP");
    CHECK(report.elements[1].id == "OC");
    CHECK(report.elements[2].id == "OP");
    CHECK(report.elements[3].id == "OP-empty");
    CHECK(report.elements[4].id == "IN");
    REQUIRE(report.objectives.size() == 1);
  }
  SUBCASE("inputs have progress but never contribute") {
    const ElementResult& in = find_element(report, "IN");
    CHECK(*in.progress == 1.0);
    const ElementResult& op = find_element(report, "OP");
    REQUIRE(op.contributors.size() == 1);  // only O1
    CHECK(op.contributors[0].kind == ContributorKind::objective);
    CHECK(op.contributors[0].weight == 3.0);
    CHECK(*op.progress == doctest::Approx(0.8));
    CHECK(op.status == Status::at_risk);  // expected 1.0 at the end of Q1, gap 0.2
  }
  SUBCASE("elements without contributors: undefined, none, and not a contributor") {
    const ElementResult& empty = find_element(report, "OP-empty");
    CHECK(!empty.progress);
    CHECK(empty.status == Status::none);
    const ElementResult& oc = find_element(report, "OC");
    for (const ContributorResult& c : oc.contributors) CHECK(c.id != "OP-empty");
  }
  SUBCASE("weighted mean over indicator and lower element") {
    const ElementResult& oc = find_element(report, "OC");
    REQUIRE(oc.contributors.size() == 2);
    CHECK(oc.contributors[0].id == "IND-dated");
    CHECK(oc.contributors[0].progress == doctest::Approx(0.1));
    CHECK(oc.contributors[1].id == "OP");
    CHECK(*oc.progress == doctest::Approx((0.1 + 0.8) / 2));
    // Indicator: window [Jan 1, Dec 31], as_of Mar 31 -> expected 89/364.
    REQUIRE(oc.indicators[0].expected);
    CHECK(*oc.indicators[0].expected == doctest::Approx(89.0 / 364.0));
    CHECK(oc.indicators[0].status == Status::at_risk);  // gap 0.1445
    const ElementResult& imp = find_element(report, "IMP");
    REQUIRE(imp.contributors.size() == 2);  // OC (weight 2) and OP (skip-level)
    CHECK(*imp.progress == doctest::Approx((2 * 0.45 + 0.8) / 3));
  }
}

TEST_CASE("rollup: element status is the worst contributor status whatever the weight") {
  Plan plan;
  plan.elements.push_back(element("OC", Level::outcome));
  plan.objectives.push_back(objective("good", "2026-Q1",
                                      {numeric("g", 0, 10, {checkin(day(2026, 3, 1), number(10))})},
                                      {link("OC", 1)}));
  plan.objectives.push_back(objective("bad", "2026-Q1",
                                      {numeric("b", 0, 10, {checkin(day(2026, 1, 5), number(0))})},
                                      {link("OC", 0)}));
  const Scope scope{Period{"2026-Q1", q1.start, q1.end}, day(2026, 3, 31)};
  const Report report = compute_report(plan, scope);
  const ElementResult& oc = find_element(report, "OC");
  CHECK(*oc.progress == 1.0);
  CHECK(oc.status == Status::off_track);
}

TEST_CASE("rollup: objectives grouped by owner, in the order of each owner's first objective") {
  // Many distinct owners: a search of the owner list per objective would take
  // minutes here (ctest's timeout catches that); grouping is one pass.
  constexpr size_t owners = 40000;
  constexpr size_t repeated = 10000;  // owners 0..9999 have a second objective at the end
  Plan plan;
  plan.teams.push_back(Team{"owner-1", "Team One", {}});
  for (size_t i = 0; i < owners + repeated; ++i) {
    Objective o = objective("O-" + std::to_string(i), "2026-Q1", {numeric("a", 0, 10)});
    o.owner = "owner-" + std::to_string(i % owners);
    plan.objectives.push_back(std::move(o));
  }
  plan.objectives.back().owner.clear();  // one objective without an owner: a group of its own
  const Report report = compute_report(plan, Scope{std::nullopt, day(2026, 2, 15)});
  REQUIRE(report.objectives.size() == owners + repeated);
  REQUIRE(report.owners.size() == owners + 1);
  for (size_t k = 0; k < owners; ++k) {
    const OwnerGroup& group = report.owners[k];
    REQUIRE(group.owner == "owner-" + std::to_string(k));
    if (k < repeated - 1) {
      REQUIRE(group.objectives == std::vector<size_t>{k, k + owners});
    } else {
      REQUIRE(group.objectives == std::vector<size_t>{k});
    }
  }
  CHECK(report.owners[1].owner_name == "Team One");
  CHECK(report.owners[2].owner_name == "owner-2");
  const OwnerGroup& unowned = report.owners.back();
  CHECK(unowned.owner.empty());
  CHECK(unowned.owner_name.empty());
  CHECK(unowned.objectives == std::vector<size_t>{owners + repeated - 1});
}

TEST_CASE("rollup: grouping by owner keeps plan order within an owner") {
  std::vector<ObjectiveResult> objectives(5);
  const char* owners[] = {"b", "a", "b", "", "a"};
  for (size_t i = 0; i < objectives.size(); ++i) {
    objectives[i].id = "O-" + std::to_string(i);
    objectives[i].owner = objectives[i].owner_name = owners[i];
  }
  const std::vector<OwnerGroup> groups = group_by_owner(objectives);
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].owner == "b");
  CHECK(groups[0].objectives == std::vector<size_t>{0, 2});
  CHECK(groups[1].owner == "a");
  CHECK(groups[1].objectives == std::vector<size_t>{1, 4});
  CHECK(groups[2].owner.empty());
  CHECK(groups[2].objectives == std::vector<size_t>{3});
  CHECK(group_by_owner({}).empty());
}

TEST_CASE("rollup: links reach an element only when it is the first definition of the id") {
  Plan plan;
  plan.files = {"a.yaml", "b.yaml"};
  plan.elements.push_back(element("IMP", Level::impact));
  plan.elements.push_back(element("X", Level::outcome, {link("IMP")}));  // b.yaml: a duplicate
  plan.elements.push_back(element("OP", Level::output, {link("X")}));
  plan.elements.push_back(element("OC", Level::outcome, {link("IMP")}));
  plan.elements.push_back(element("OC", Level::outcome));  // a later duplicate of OC
  for (size_t i = 0; i < plan.elements.size(); ++i)
    plan.elements[i].at = Loc{1, static_cast<int>(10 * (i + 1)), 3};
  Objective x = objective("X", "2026-Q1", {numeric("KR-X", 0, 10)}, {link("OC")});
  x.at = Loc{0, 5, 3};  // a.yaml sorts first: the objective is the first definition of X
  plan.objectives.push_back(x);
  plan.objectives.push_back(objective(
      "O-done", "2026-Q1", {numeric("KR-done", 0, 10, {checkin(day(2026, 3, 1), number(10))})},
      {link("X"), link("OP")}));
  plan.objectives.back().at = Loc{0, 20, 3};
  const Scope scope{Period{"2026-Q1", q1.start, q1.end}, day(2026, 3, 31)};
  const Report report = compute_report(plan, scope);

  const ElementResult& outcome_x = find_element(report, "X");
  CHECK(outcome_x.contributors.empty());  // neither O-done nor OP reaches it
  CHECK_FALSE(outcome_x.defines_id);
  const ElementResult& op = find_element(report, "OP");
  REQUIRE(op.contributors.size() == 1);
  CHECK(op.contributors[0].id == "O-done");
  int oc_results = 0;
  for (const ElementResult& element : report.elements) {
    if (element.id != "OC") continue;
    ++oc_results;
    // Only the first OC receives objective X's progress.
    CHECK(element.defines_id == !element.contributors.empty());
  }
  CHECK(oc_results == 2);
}

}  // namespace iooi
