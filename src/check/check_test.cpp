#include <doctest/doctest.h>

#include <set>

#include "rules.h"
#include "test_plan.h"

using namespace iooi;
using namespace iooi::check_test;

namespace {

// One plan that breaks every rule src/check implements, at least once.
Plan plan_with_every_semantic_problem() {
  Plan plan = clean_plan();
  plan.config.rules.push_back(RuleOverride{"chain-orphn", Severity::off, at(3)});
  Element& impact = plan.elements[0];
  impact.contributes_to.push_back(link("OC-use", 2));  // chain-direction
  impact.stage = 5;                                    // stage-mismatch
  impact.stage_at = at(4);
  Measure& indicator = impact.indicators[0];
  indicator.target = 0;  // measure-target-equals-baseline
  indicator.unit = "%";
  indicator.current = Value{Value::Kind::number, 150, false};  // percent-range
  indicator.baseline_date = day("2026-01-01");                 // indicator-dates
  plan.elements.push_back(element("oc-USE", Level::outcome, 60, {link("I-gaol", 61)}));
  plan.elements.push_back(element("OP-lonely", Level::output, 62));  // orphan, unmeasured
  plan.elements.push_back(element("IN-skip", Level::input, 63, {link("OC-use", 64)}));
  plan.elements.push_back(element("I-alone", Level::impact, 65));  // unsupported
  plan.elements.push_back(element("I-goal", Level::impact, 66));   // duplicate-id
  Measure& outcome_indicator = plan.elements[1].indicators[0];
  outcome_indicator.direction = Direction::decrease;  // direction-mismatch: 0 -> 100 rises
  outcome_indicator.direction_at = at(17);
  outcome_indicator.targets = {InterimTarget{day("2026-06-30"), 50, {18, 10}, {18, 30}}};
  outcome_indicator.targets_at = at(18);  // interim-targets: no baseline_date/target_date
  Measure monitor = numeric("IND-watch", 67);
  monitor.type = MeasureType::monitor;  // monitor-target: it has a target
  plan.elements.back().indicators.push_back(monitor);

  Measure& key_result = plan.objectives[0].key_results[0];
  key_result.current = Value{Value::Kind::number, 1, false};  // current and checkins
  key_result.checkins = {checkin("2026-02-01", 1, 51), checkin("2026-01-01", 2, 52),
                         checkin("2026-01-01", 3, 53), checkin("2026-05-01", 4, 54)};
  key_result.weight = 0;  // measure-zero-weight
  plan.objectives.push_back(objective("O-empty", 200, {link("OP-tool", 201)}, {}));
  std::vector<Measure> six;
  for (int i = 0; i < 6; ++i) six.push_back(numeric("KR-many-" + std::to_string(i), 220 + 10 * i));
  six[0].accumulate = true;  // measure-accumulate: with a current value
  six[0].accumulate_at = at(223);
  six[0].current = Value{Value::Kind::number, 5, false};
  plan.objectives.push_back(objective("O-many", 210, {link("IN-money", 211)}, six));
  for (int i = 0; i < 3; ++i) {
    const std::string id = "O-more-" + std::to_string(i);
    plan.objectives.push_back(objective(id, 300 + 10 * i, {link("OP-tool", 301 + 10 * i)},
                                        {numeric("KR-" + id, 305 + 10 * i)}));
  }
  plan.objectives.push_back(
      objective("O-free", 400, {}, {numeric("KR-free", 405)}, "2026-Q9", "team-z"));
  return plan;
}

const std::vector<Rule> semantic_rules = {
    Rule::duplicate_id,
    Rule::id_case_clash,
    Rule::unknown_reference,
    Rule::unknown_period,
    Rule::chain_direction,
    Rule::chain_skip_level,
    Rule::chain_orphan,
    Rule::chain_unsupported,
    Rule::stage_mismatch,
    Rule::unmeasured,
    Rule::okr_no_key_results,
    Rule::okr_too_many_key_results,
    Rule::okr_too_many_objectives,
    Rule::okr_unaligned,
    Rule::okr_aligns_to_input,
    Rule::measure_target_equals_baseline,
    Rule::measure_current_and_checkins,
    Rule::measure_zero_weight,
    Rule::percent_range,
    Rule::indicator_dates,
    Rule::direction_mismatch,
    Rule::interim_targets,
    Rule::measure_accumulate,
    Rule::monitor_target,
    Rule::checkin_order,
    Rule::checkin_duplicate_date,
    Rule::checkin_future,
    Rule::checkin_outside_period,
    Rule::checkin_stale,
    Rule::unknown_rule,
};

}  // namespace

TEST_CASE("check: the clean plan has no finding") {
  const Findings found = run_rules(clean_plan());
  for (const Finding& f : found) INFO(rule_info(f.rule).id, ": ", f.message);
  CHECK(found.empty());
}

TEST_CASE("check: every semantic rule fires, with default severity, place and a fix hint") {
  const Plan plan = plan_with_every_semantic_problem();
  const Findings found = run_rules(plan);
  std::set<Rule> fired;
  // A message says what is wrong, then after "; " how to fix it, starting with a verb.
  const std::vector<std::string_view> fix_verbs = {
      "add ",  "remove ", "use ", "correct ", "give ",   "keep ",  "list ", "move ",
      "name ", "set ",    "put ", "align ",   "rename ", "focus ", "point "};
  for (const Finding& f : found) {
    INFO(rule_info(f.rule).id, ": ", f.message);
    fired.insert(f.rule);
    CHECK(f.severity == rule_info(f.rule).default_severity);
    CHECK(f.path == "plan.yaml");
    CHECK(f.line > 0);
    CHECK(f.column > 0);
    const size_t split = f.message.find("; ");
    REQUIRE(split != std::string::npos);
    const std::string_view hint = std::string_view(f.message).substr(split + 2);
    CHECK(std::any_of(fix_verbs.begin(), fix_verbs.end(),
                      [&](std::string_view verb) { return hint.starts_with(verb); }));
  }
  for (Rule rule : semantic_rules) CHECK_MESSAGE(fired.contains(rule), rule_info(rule).id);
  // Only these rules come from src/check; the reader and decoder own the others.
  for (Rule rule : fired)
    CHECK(std::find(semantic_rules.begin(), semantic_rules.end(), rule) != semantic_rules.end());
}

TEST_CASE("check: findings come out sorted and identical from run to run") {
  const Plan plan = plan_with_every_semantic_problem();
  const Findings first = run_rules(plan);
  Findings sorted = first;
  sort_findings(sorted);
  auto key = [](const Finding& f) {
    return std::tuple(f.path, f.line, f.column, rule_info(f.rule).id, f.message);
  };
  REQUIRE(first.size() == sorted.size());
  for (size_t i = 0; i < first.size(); ++i) CHECK(key(first[i]) == key(sorted[i]));
  const Findings second = run_rules(plan);
  REQUIRE(second.size() == first.size());
  for (size_t i = 0; i < first.size(); ++i) CHECK(key(first[i]) == key(second[i]));
}

TEST_CASE("check: unknown-rule with did-you-mean") {
  Plan plan = clean_plan();
  plan.config.rules = {RuleOverride{"okr-unaligned", Severity::error, at(4)},
                       RuleOverride{"chain-orphn", Severity::off, at(5)}};
  const Findings found = only(run_rules(plan), Rule::unknown_rule);
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 5);
  CHECK(found[0].message.find("did you mean 'chain-orphan'?") != std::string::npos);
}

TEST_CASE("check: apply_severities overrides, drops `off`, and the last entry wins") {
  Findings findings = {make_finding(Rule::chain_orphan, "a.yaml", 1, 1, "x"),
                       make_finding(Rule::okr_unaligned, "a.yaml", 2, 1, "y"),
                       make_finding(Rule::unmeasured, "a.yaml", 3, 1, "z"),
                       make_finding(Rule::duplicate_id, "a.yaml", 4, 1, "w")};
  Config config;
  config.rules = {RuleOverride{"chain-orphan", Severity::error, at(1)},
                  RuleOverride{"okr-unaligned", Severity::info, at(2)},
                  RuleOverride{"okr-unaligned", Severity::off, at(3)},
                  RuleOverride{"no-such-rule", Severity::off, at(4)},
                  RuleOverride{"unmeasured", Severity::warning, at(5)}};
  apply_severities(findings, config);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].rule == Rule::chain_orphan);
  CHECK(findings[0].severity == Severity::error);
  CHECK(findings[1].rule == Rule::unmeasured);
  CHECK(findings[1].severity == Severity::warning);
  CHECK(findings[2].rule == Rule::duplicate_id);
  CHECK(findings[2].severity == Severity::error);
}

TEST_CASE("check: is_failing: errors always, warnings only when strict") {
  Finding finding = make_finding(Rule::chain_orphan, "a.yaml", 1, 1, "x");
  CHECK_FALSE(is_failing(finding, false));
  CHECK(is_failing(finding, true));
  finding.severity = Severity::error;
  CHECK(is_failing(finding, false));
  finding.severity = Severity::info;
  CHECK_FALSE(is_failing(finding, true));
  finding.severity = Severity::off;
  CHECK_FALSE(is_failing(finding, true));
}

TEST_CASE("check: large plans stay linear (100k check-ins, 20k elements)") {
  Plan plan = clean_plan();
  Measure& key_result = plan.objectives[0].key_results[0];
  key_result.checkins.clear();
  const Date start = day("2026-01-01");
  const Checkin model = checkin("2026-01-01", 0, 1000);
  for (int i = 0; i < 100'000; ++i) {
    Checkin c = model;
    c.value.number = i % 10;
    c.at.line = c.date_at.line = c.value_at.line = 1000 + i;
    c.date = start.plus_days(-(i / 2));  // newest first: out of order, pairs on one day
    key_result.checkins.push_back(c);
  }
  std::reverse(key_result.checkins.begin(), key_result.checkins.end());  // oldest first
  for (int i = 0; i < 20'000; ++i)
    plan.elements.push_back(element("OP-" + std::to_string(i), Level::output, 200'000 + i,
                                    {link("OC-use", 200'000 + i)}));
  plan.elements.push_back(element("OP-7", Level::output, 300'000, {link("OC-use", 300'000)}));
  const Findings found = run_rules(plan);
  CHECK(only(found, Rule::checkin_order).empty());
  CHECK(only(found, Rule::checkin_duplicate_date).size() == 50'000);
  CHECK(only(found, Rule::duplicate_id).size() == 1);
  CHECK(only(found, Rule::unmeasured).size() == 20'001);
}
