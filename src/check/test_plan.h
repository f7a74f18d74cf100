#pragma once
// Test helpers for src/check/*_test.cpp: plans built in code, without the YAML
// reader, so that each rule can be tested on exactly the shape it looks at.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "iooi/check/check.h"
#include "iooi/model/plan.h"

namespace iooi::check_test {

inline Loc at(int line, int column = 3, uint32_t file = 0) { return Loc{file, line, column}; }

inline Date day(const char* text) {
  const auto date = Date::parse(text);
  REQUIRE(date.has_value());
  return *date;
}

inline const Date reference_day = Date::from_ymd(2026, 2, 15);

inline Link link(std::string id, int line, double weight = 1.0) {
  return Link{std::move(id), weight, at(line, 20)};
}

inline Element element(std::string id, Level level, int line,
                       std::vector<Link> contributes_to = {}) {
  Element e;
  e.id = std::move(id);
  e.title = "Title of " + e.id;
  e.level = level;
  e.at = at(line);
  e.contributes_to = std::move(contributes_to);
  return e;
}

inline Checkin checkin(const char* date, double value, int line) {
  Checkin c;
  c.date = day(date);
  c.value = Value{Value::Kind::number, value, false};
  c.at = at(line, 5);
  c.date_at = at(line, 10);
  c.value_at = at(line, 30);
  return c;
}

inline Checkin milestone_checkin(const char* date, bool flag, int line) {
  Checkin c = checkin(date, 0, line);
  c.value = Value{Value::Kind::boolean, 0.0, flag};
  return c;
}

// A numeric measure whose fields sit on the lines after its id.
inline Measure numeric(std::string id, int line, double baseline = 0, double target = 100,
                       std::vector<Checkin> checkins = {}) {
  Measure m;
  m.id = std::move(id);
  m.title = "Title of " + m.id;
  m.baseline = baseline;
  m.target = target;
  m.at = at(line);
  m.baseline_at = at(line + 1);
  m.target_at = at(line + 2);
  m.weight_at = at(line + 3);
  m.current_at = at(line + 4);
  m.checkins_at = at(line + 5);
  m.has_checkins = !checkins.empty();
  m.checkins = std::move(checkins);
  return m;
}

inline Objective objective(std::string id, int line, std::vector<Link> aligns_to,
                           std::vector<Measure> key_results, std::string period = "2026-Q1",
                           std::string owner = "team-a") {
  Objective o;
  o.id = std::move(id);
  o.title = "Title of " + o.id;
  o.period = std::move(period);
  o.owner = std::move(owner);
  o.aligns_to = std::move(aligns_to);
  o.key_results = std::move(key_results);
  o.at = at(line);
  o.period_at = at(line + 1);
  o.owner_at = at(line + 2);
  o.key_results_at = at(line + 3);
  return o;
}

// A plan without any finding at reference_day: impact <- outcome <- output <- input,
// indicators on the impact and the outcome, one objective aligned to the output.
inline Plan clean_plan() {
  Plan plan;
  plan.files = {"plan.yaml"};
  Element impact = element("I-goal", Level::impact, 1);
  impact.indicators.push_back(numeric("IND-goal", 3));
  Element outcome = element("OC-use", Level::outcome, 10, {link("I-goal", 11)});
  outcome.indicators.push_back(numeric("IND-use", 12));
  plan.elements = {impact, outcome, element("OP-tool", Level::output, 20, {link("OC-use", 21)}),
                   element("IN-money", Level::input, 30, {link("OP-tool", 31)})};
  plan.objectives = {
      objective("O-26Q1", 40, {link("OP-tool", 41)},
                {numeric("KR-26Q1-users", 45, 0, 10, {checkin("2026-02-10", 3, 51)})})};
  plan.teams = {Team{"team-a", "Team A", at(1)}};
  return plan;
}

// In the order users see (run_checks leaves sorting to its caller).
inline Findings run_rules(const Plan& plan, Date reference = reference_day) {
  Findings findings = run_checks(plan, CheckContext{reference, {}});
  sort_findings(findings);
  return findings;
}

inline Findings only(const Findings& findings, Rule rule) {
  Findings selected;
  std::copy_if(findings.begin(), findings.end(), std::back_inserter(selected),
               [&](const Finding& f) { return f.rule == rule; });
  return selected;
}

// The lines of the findings of one rule, in output order.
inline std::vector<int> lines_of(const Plan& plan, Rule rule, Date reference = reference_day) {
  std::vector<int> lines;
  for (const Finding& f : only(run_rules(plan, reference), rule)) lines.push_back(f.line);
  return lines;
}

}  // namespace iooi::check_test
