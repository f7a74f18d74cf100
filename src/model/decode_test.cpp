#include "iooi/model/decode.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "iooi/yaml/tree.h"

namespace iooi {
namespace {

struct Decoded {
  PlanFragment fragment;
  Findings findings;
};

// Every decoder message says how to fix the problem (hints as the rule fixtures expect).
bool has_fix_hint(std::string_view message) {
  for (std::string_view hint : {"; add ", "; remove ", "; write ", "; use ", "; set ", "; move ",
                                "; correct ", "; split ", "did you mean", "e.g. "}) {
    if (message.find(hint) != std::string_view::npos) return true;
  }
  return false;
}

Decoded decode(std::string_view text, bool is_config = false, uint32_t file_index = 3) {
  Decoded decoded;
  yaml::Document document =
      yaml::read_yaml(text, "plan.yaml", yaml::ReadLimits{}, decoded.findings);
  decoded.fragment =
      decode_document(document.root, file_index, "plan.yaml", is_config, decoded.findings);
  for (const Finding& finding : decoded.findings) {
    INFO(finding.message);
    CHECK(has_fix_hint(finding.message));
  }
  return decoded;
}

std::string describe(const Findings& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += std::string(rule_info(f.rule).id) + " " + std::to_string(f.line) + ":" +
           std::to_string(f.column) + " " + f.message + "\n";
  }
  return out;
}

struct Pos {
  int line = 0, column = 0;
};

// Where `token` first occurs in `text`, 1-based: the place a finding should name.
Pos pos(std::string_view text, std::string_view token) {
  size_t offset = text.find(token);
  REQUIRE(offset != std::string_view::npos);
  Pos p{1, 1};
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

// Exactly one finding, with this rule, place and a message containing `text`.
void expect_only(const Findings& findings, Rule rule, int line, int column, std::string_view text) {
  INFO(describe(findings));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == rule);
  CHECK(findings[0].line == line);
  CHECK(findings[0].column == column);
  CHECK(findings[0].path == "plan.yaml");
  CHECK(findings[0].message.find(text) != std::string::npos);
}

// Decodes `yaml` and expects exactly one finding, placed at the first `token`.
void expect_at(const std::string& yaml, bool is_config, Rule rule, std::string_view token,
               std::string_view text) {
  CAPTURE(yaml);
  Pos p = pos(yaml, token);
  expect_only(decode(yaml, is_config).findings, rule, p.line, p.column, text);
}

std::string kr_with(std::string_view field_lines) {
  return "objectives:\n  - id: o\n    title: t\n    period: 2026-Q1\n    key_results:\n"
         "      - id: k\n        title: t\n" +
         std::string(field_lines);
}

const char* const full_plan = R"(teams:
  - {id: community, name: "Community team"}
impacts:
  - id: I-good
    title: Gemeinwohl
    stage: 7
outcomes:
  - id: OC-competence
    title: Teams wenden Kompetenz an
    description: Mehr als vorher
    stage: 5
    contributes_to: [I-good, {id: I-env, weight: 0.5}]
    indicators:
      - id: IND-apply
        title: Anteil
        unit: "%"
        baseline: 20
        target: 60
        weight: 2
        baseline_date: 2026-01-01
        target_date: 2026-12-31
        checkins:
          - {date: 2026-03-31, value: 31, confidence: 6, note: "Befragung Q1"}
objectives:
  - id: O-26Q1
    title: Die Community wächst
    period: 2026-Q1
    owner: community
    type: aspirational
    aligns_to: [OC-competence, {id: OP-events, weight: 2}]
    key_results:
      - id: KR-participants
        title: Teilnehmende
        unit: people
        baseline: 0
        target: 800
        weight: 1.5
        current: 100
      - id: KR-portal
        title: Portal ist live
        type: milestone
        checkins:
          - {date: 2026-02-20, value: true}
inputs:
  - id: IN-money
    title: Budget
)";

TEST_CASE("decode: a complete plan file decodes every field without findings") {
  Decoded d = decode(full_plan);
  INFO(describe(d.findings));
  CHECK(d.findings.empty());
  const PlanFragment& f = d.fragment;
  CHECK_FALSE(f.config.has_value());

  REQUIRE(f.teams.size() == 1);
  CHECK(f.teams[0].id == "community");
  CHECK(f.teams[0].name == "Community team");
  CHECK(f.teams[0].at.line == 2);
  CHECK(f.teams[0].at.column == pos(full_plan, "community").column);

  // Elements keep document order across sections.
  REQUIRE(f.elements.size() == 3);
  CHECK(f.elements[0].id == "I-good");
  CHECK(f.elements[0].level == Level::impact);
  CHECK(f.elements[0].stage == 7);
  CHECK(f.elements[2].id == "IN-money");
  CHECK(f.elements[2].level == Level::input);

  const Element& oc = f.elements[1];
  CHECK(oc.level == Level::outcome);
  CHECK(oc.title == "Teams wenden Kompetenz an");
  CHECK(oc.description == "Mehr als vorher");
  CHECK(oc.stage == 5);
  CHECK(oc.at.file == 3);
  CHECK(oc.at.line == 8);
  CHECK(oc.at.column == 9);
  CHECK(oc.stage_at.line == 11);
  CHECK(oc.stage_at.column == 12);
  REQUIRE(oc.contributes_to.size() == 2);
  CHECK(oc.contributes_to[0].id == "I-good");
  CHECK(oc.contributes_to[0].weight == 1.0);
  CHECK(oc.contributes_to[0].at.line == 12);
  CHECK(oc.contributes_to[0].at.column == 22);
  CHECK(oc.contributes_to[1].id == "I-env");
  CHECK(oc.contributes_to[1].weight == 0.5);
  CHECK(oc.contributes_to[1].at.column == 35);

  REQUIRE(oc.indicators.size() == 1);
  const Measure& ind = oc.indicators[0];
  CHECK(ind.id == "IND-apply");
  CHECK(ind.title == "Anteil");
  CHECK(ind.unit == "%");
  CHECK(ind.type == MeasureType::numeric);
  CHECK(ind.baseline == 20.0);
  CHECK(ind.target == 60.0);
  CHECK(ind.weight == 2.0);
  CHECK(ind.at.line == 14);
  CHECK(ind.at.column == 13);
  CHECK(ind.baseline_at.line == 17);
  CHECK(ind.baseline_at.column == 19);
  CHECK(ind.target_at.line == 18);
  CHECK(ind.weight_at.line == 19);
  CHECK(ind.baseline_date == Date::from_ymd(2026, 1, 1));
  CHECK(ind.target_date == Date::from_ymd(2026, 12, 31));
  CHECK(ind.baseline_date_at.line == 20);
  CHECK(ind.target_date_at.line == 21);
  CHECK(ind.has_checkins);
  CHECK(ind.checkins_at.line == 22);
  CHECK(ind.current.kind == Value::Kind::none);
  REQUIRE(ind.checkins.size() == 1);
  const Checkin& c = ind.checkins[0];
  CHECK(c.date == Date::from_ymd(2026, 3, 31));
  CHECK(c.value.kind == Value::Kind::number);
  CHECK(c.value.number == 31.0);
  CHECK(c.confidence == 6);
  CHECK(c.note == "Befragung Q1");
  CHECK(c.at.line == 23);
  CHECK(c.date_at.line == 23);
  CHECK(c.date_at.column == pos(full_plan, "2026-03-31").column);
  CHECK(c.value_at.column == pos(full_plan, "31, conf").column);
  CHECK(c.confidence_at.column == pos(full_plan, "6, note").column);

  REQUIRE(f.objectives.size() == 1);
  const Objective& o = f.objectives[0];
  CHECK(o.id == "O-26Q1");
  CHECK(o.title == "Die Community wächst");
  CHECK(o.period == "2026-Q1");
  CHECK(o.owner == "community");
  CHECK(o.type == ObjectiveType::aspirational);
  CHECK(o.at.line == 25);
  CHECK(o.period_at.line == 27);
  CHECK(o.period_at.column == 13);
  CHECK(o.owner_at.line == 28);
  CHECK(o.key_results_at.line == 31);
  REQUIRE(o.aligns_to.size() == 2);
  CHECK(o.aligns_to[1].id == "OP-events");
  CHECK(o.aligns_to[1].weight == 2.0);
  REQUIRE(o.key_results.size() == 2);
  const Measure& kr = o.key_results[0];
  CHECK(kr.baseline == 0.0);
  CHECK(kr.target == 800.0);
  CHECK(kr.weight == 1.5);
  CHECK(kr.current.kind == Value::Kind::number);
  CHECK(kr.current.number == 100.0);
  CHECK(kr.current_at.line == 38);
  CHECK_FALSE(kr.has_checkins);
  const Measure& portal = o.key_results[1];
  CHECK(portal.type == MeasureType::milestone);
  CHECK_FALSE(portal.baseline.has_value());
  REQUIRE(portal.checkins.size() == 1);
  CHECK(portal.checkins[0].value.kind == Value::Kind::boolean);
  CHECK(portal.checkins[0].value.flag);
  CHECK(portal.checkins[0].confidence == 0);
}

TEST_CASE("decode: an empty document and a document of nulls give nothing and no finding") {
  Decoded d = decode("impacts:\noutcomes: []\n");
  CHECK(d.findings.empty());
  CHECK(d.fragment.elements.empty());
}

TEST_CASE("decode: the root must be a mapping") {
  Decoded d = decode("- id: x\n");
  expect_only(d.findings, Rule::yaml_structure, 1, 1, "must be a mapping of sections");
  Decoded scalar = decode("just text\n");
  expect_only(scalar.findings, Rule::yaml_structure, 1, 1, "`outcomes:`");
}

TEST_CASE("decode: unknown sections get a did-you-mean; `plan` belongs in iooi.yaml") {
  Decoded d = decode("outcome:\n  - {id: a, title: b}\n");
  expect_only(d.findings, Rule::unknown_key, 1, 1, "did you mean `outcomes`?");
  Decoded far = decode("zzzzzz: 1\n");
  expect_only(far.findings, Rule::unknown_key, 1, 1, "use one of the sections plan, teams");
  Decoded plan = decode("plan:\n  name: x\n");
  expect_only(plan.findings, Rule::unknown_key, 1, 1, "belongs in the plan root's iooi.yaml");
  CHECK_FALSE(plan.fragment.config.has_value());
  Decoded config = decode("plan:\n  name: x\n", true);
  CHECK(config.findings.empty());
  REQUIRE(config.fragment.config.has_value());
  CHECK(config.fragment.config->present);
  CHECK(config.fragment.config->name == "x");
  CHECK(config.fragment.config->at.line == 1);
}

TEST_CASE("decode: sections are lists of mappings") {
  expect_at("outcomes:\n  id: a\n", false, Rule::type, "id", "`outcomes` must be a list");
  expect_at("outcomes:\n  - just-an-id\n", false, Rule::type, "just",
            "each entry of `outcomes` must be a mapping");
  expect_at("objectives:\n  - {id: o, title: t, period: 2026-Q1, key_results: nope}\n", false,
            Rule::type, "nope", "`key_results` must be a list");
}

TEST_CASE("decode: unknown keys in every mapping, with did-you-mean among that mapping's keys") {
  SUBCASE("element") {
    Decoded d = decode("outputs:\n  - id: a\n    titl: b\n");
    INFO(describe(d.findings));
    REQUIRE(d.findings.size() == 1);  // the typo; title is misspelt, not missing
    CHECK(d.findings[0].rule == Rule::unknown_key);
    CHECK(d.findings[0].line == 3);
    CHECK(d.findings[0].column == 5);
    CHECK(d.findings[0].message == "unknown key `titl` in an output; did you mean `title`?");
  }
  SUBCASE("indicator") {
    expect_at(
        "outcomes:\n  - id: a\n    title: b\n    indicators:\n"
        "      - {id: i, title: t, baseline: 1, targe: 2, target: 3}\n",
        false, Rule::unknown_key, "targe:", "did you mean `target`?");
  }
  SUBCASE("key result may not carry indicator dates") {
    expect_at(kr_with("        baseline: 1\n        target: 2\n        target_date: 2026-01-01\n"),
              false, Rule::unknown_key, "target_date", "only for indicators");
  }
  SUBCASE("check-in") {
    expect_at(
        "outcomes:\n  - id: a\n    title: b\n    indicators:\n"
        "      - id: i\n        title: t\n        baseline: 0\n        target: 1\n"
        "        checkins:\n          - {date: 2026-01-01, value: 1, confidenc: 5}\n",
        false, Rule::unknown_key, "confidenc", "did you mean `confidence`?");
  }
  SUBCASE("objective, team, link, plan") {
    expect_at("objectives:\n  - {id: o, title: t, period: 2026, ownr: x}\n", false,
              Rule::unknown_key, "ownr",
              "unknown key `ownr` in an objective; did you mean `owner`?");
    expect_at("teams:\n  - {id: t, nam: x}\n", false, Rule::unknown_key, "nam",
              "did you mean `name`?");
    expect_at("outputs:\n  - {id: a, title: b, contributes_to: [{id: c, weigt: 2}]}\n", false,
              Rule::unknown_key, "weigt", "did you mean `weight`?");
    expect_at("plan:\n  stale_dayz: 3\n", true, Rule::unknown_key, "stale_dayz",
              "did you mean `stale_days`?");
    expect_at("plan:\n  status: {on_track: 0.1}\n", true, Rule::unknown_key, "on_track",
              "in `status`");
  }
  SUBCASE("no suggestion lists the keys") {
    expect_at("teams:\n  - {id: t, colour: red}\n", false, Rule::unknown_key, "colour",
              "use one of the keys id, name");
  }
}

TEST_CASE("decode: missing required fields") {
  SUBCASE("element id and title; an element without id is dropped") {
    Decoded d = decode("impacts:\n  - description: x\n");
    INFO(describe(d.findings));
    REQUIRE(d.findings.size() == 2);
    CHECK(d.findings[0].rule == Rule::missing_field);
    CHECK(d.findings[0].line == 2);
    CHECK(d.findings[0].column == 5);
    CHECK(d.findings[0].message.find("`id`") != std::string::npos);
    CHECK(d.findings[1].message.find("`title`") != std::string::npos);
    CHECK(d.fragment.elements.empty());
  }
  SUBCASE("an empty value counts as missing, at the key") {
    Decoded d = decode("impacts:\n  - id: x\n    title:\n");
    expect_only(d.findings, Rule::missing_field, 3, 5, "`title` of impact `x` is empty");
    CHECK(d.fragment.elements.size() == 1);
  }
  SUBCASE("numeric measure needs baseline and target; milestone does not") {
    Decoded d = decode(
        "objectives:\n  - id: o\n    title: t\n    period: 2026-Q1\n    key_results:\n"
        "      - {id: k, title: t}\n      - {id: m, title: t, type: milestone}\n");
    INFO(describe(d.findings));
    REQUIRE(d.findings.size() == 2);
    CHECK(d.findings[0].rule == Rule::missing_field);
    CHECK(d.findings[0].line == 6);
    CHECK(d.findings[0].column == 9);
    CHECK(d.findings[0].message.find("`baseline`") != std::string::npos);
    CHECK(d.findings[1].message.find("`target`") != std::string::npos);
    // Every backtick opens and closes a code span.
    CHECK(d.findings[0].message.ends_with(
        "add e.g. `baseline: 0` (or `type: milestone` for a done/not-done result)"));
    CHECK(d.findings[1].message.ends_with(
        "add e.g. `target: 100` (or `type: milestone` for a done/not-done result)"));
  }
  SUBCASE("measure title") {
    expect_at(
        "outcomes:\n  - id: a\n    title: b\n    indicators:\n      - {id: i, baseline: 0, "
        "target: 1}\n",
        false, Rule::missing_field, "{id: i", "indicator `i` has no `title`");
  }
  SUBCASE("objective id, title, period; key_results may be absent") {
    Decoded d = decode("objectives:\n  - {id: o}\n");
    INFO(describe(d.findings));
    REQUIRE(d.findings.size() == 2);
    CHECK(d.findings[0].message.find("`title`") != std::string::npos);
    CHECK(d.findings[1].message.find("`period`") != std::string::npos);
    REQUIRE(d.fragment.objectives.size() == 1);
    CHECK(d.fragment.objectives[0].key_results.empty());
    CHECK(d.fragment.objectives[0].key_results_at.line == 2);
  }
  SUBCASE("team id") {
    Decoded d = decode("teams:\n  - {name: x}\n");
    expect_only(d.findings, Rule::missing_field, 2, 5, "a team has no `id`");
    CHECK(d.fragment.teams.empty());
  }
  SUBCASE("check-in date and value") {
    Decoded d = decode(
        "outcomes:\n  - id: a\n    title: b\n    indicators:\n"
        "      - id: i\n        title: t\n        baseline: 0\n        target: 1\n"
        "        checkins:\n          - {value: 1}\n          - {date: 2026-01-01}\n");
    INFO(describe(d.findings));
    REQUIRE(d.findings.size() == 2);
    CHECK(d.findings[0].rule == Rule::missing_field);
    CHECK(d.findings[0].line == 10);
    CHECK(d.findings[0].column == 13);
    CHECK(d.findings[0].message.find("`date`") != std::string::npos);
    CHECK(d.findings[1].line == 11);
    CHECK(d.findings[1].message.find("`value`") != std::string::npos);
    CHECK(d.fragment.elements[0].indicators[0].checkins.empty());
  }
  SUBCASE("custom period id, start, end") {
    Decoded d = decode("plan:\n  periods:\n    - {id: P1}\n", true);
    INFO(describe(d.findings));
    REQUIRE(d.findings.size() == 2);
    CHECK(d.findings[0].message.find("`start`") != std::string::npos);
    CHECK(d.findings[1].message.find("`end`") != std::string::npos);
    CHECK(d.fragment.config->periods.empty());
  }
  SUBCASE("link id") {
    std::string text = "outputs:\n  - {id: a, title: b, contributes_to: [{weight: 2}]}\n";
    expect_at(text, false, Rule::missing_field, "{weight", "has no `id`");
    CHECK(decode(text).fragment.elements[0].contributes_to.empty());
  }
}

TEST_CASE("decode: numbers follow the YAML 1.2 core schema") {
  auto baseline_of = [](std::string_view text) {
    Decoded d = decode(kr_with("        baseline: " + std::string(text) + "\n        target: 1\n"));
    INFO(describe(d.findings));
    CHECK(d.findings.empty());
    return d.fragment.objectives.at(0).key_results.at(0).baseline.value_or(-12345);
  };
  CHECK(baseline_of("20") == 20.0);
  CHECK(baseline_of("-3") == -3.0);
  CHECK(baseline_of("+7") == 7.0);
  CHECK(baseline_of("2.5") == 2.5);
  CHECK(baseline_of("1e3") == 1000.0);
  CHECK(baseline_of("1E-2") == 0.01);
  CHECK(baseline_of(".5") == 0.5);
  CHECK(baseline_of("5.") == 5.0);
  CHECK(baseline_of("0x1F") == 31.0);
  CHECK(baseline_of("0o17") == 15.0);
  CHECK(baseline_of("1e-400") == 0.0);             // underflows quietly
  CHECK(baseline_of("1000000000000000") == 1e15);  // the largest magnitude accepted
  CHECK(baseline_of("-1e15") == -1e15);
}

TEST_CASE("decode: non-numbers where a number is needed are type findings") {
  auto finding_for = [](std::string_view text) {
    Decoded d = decode(kr_with("        baseline: " + std::string(text) + "\n        target: 1\n"));
    INFO(describe(d.findings));
    REQUIRE(d.findings.size() == 1);
    CHECK(d.findings[0].rule == Rule::type);
    CHECK(d.findings[0].line == 8);
    CHECK(d.findings[0].column == 19);
    CHECK_FALSE(d.fragment.objectives[0].key_results[0].baseline.has_value());
    return d.findings[0].message;
  };
  CHECK(finding_for("zwanzig") ==
        "`baseline` must be a number, got \"zwanzig\"; write e.g. baseline: 20");
  CHECK(finding_for("\"5\"") ==
        "`baseline` must be a number, got the quoted text \"5\"; remove the quotes: baseline: 5");
  CHECK(finding_for("'5'").find("remove the quotes") != std::string::npos);
  CHECK(finding_for(".inf").find("must be a finite number") != std::string::npos);
  CHECK(finding_for("-.Inf").find("must be a finite number") != std::string::npos);
  CHECK(finding_for(".nan").find("must be a finite number") != std::string::npos);
  CHECK(finding_for("1e999").find("too large") != std::string::npos);
  CHECK(finding_for("-2e15").find("up to 1e15") != std::string::npos);
  CHECK(finding_for("0x4000000000000").find("too large") != std::string::npos);
  CHECK(finding_for("true").find("got true") != std::string::npos);
  CHECK(finding_for("[1]").find("got a list") != std::string::npos);
  CHECK(finding_for("1,5").find("got \"1,5\"") != std::string::npos);
  CHECK(finding_for("0x").find("got \"0x\"") != std::string::npos);
}

TEST_CASE("decode: any scalar is text where text is wanted") {
  Decoded d = decode("impacts:\n  - {id: 2026, title: 2026, description: true}\n");
  CHECK(d.findings.empty());
  CHECK(d.fragment.elements[0].id == "2026");
  CHECK(d.fragment.elements[0].title == "2026");
  CHECK(d.fragment.elements[0].description == "true");
  expect_at("impacts:\n  - {id: a, title: [x]}\n", false, Rule::type, "[x]",
            "`title` must be text, got a list");
}

TEST_CASE("decode: ids must match the id syntax") {
  for (std::string_view bad : {"-lead", "has space", "ümlaut", "a/b", "_x"}) {
    CAPTURE(bad);
    std::string text = "impacts:\n  - {id: \"" + std::string(bad) + "\", title: t}\n";
    expect_at(text, false, Rule::invalid_id, "\"", "is not valid");
    REQUIRE(decode(text).fragment.elements.size() == 1);  // kept, so references still resolve
  }
  std::string long_id(65, 'a');
  expect_at("impacts:\n  - {id: " + long_id + ", title: t}\n", false, Rule::invalid_id, "aaa",
            "up to 63");
  CHECK(decode("impacts:\n  - {id: " + std::string(64, 'a') + ", title: t}\n").findings.empty());
  CHECK(decode("impacts:\n  - {id: A0_b.c-d, title: t}\n").findings.empty());
}

TEST_CASE("decode: dates must be real calendar days in YYYY-MM-DD") {
  for (std::string_view bad : {"2026-02-30", "2026-2-3", "31.03.2026", "2026-13-01", "tomorrow"}) {
    CAPTURE(bad);
    std::string text =
        "outcomes:\n  - id: a\n    title: b\n    indicators:\n"
        "      - id: i\n        title: t\n        baseline: 0\n        target: 1\n"
        "        baseline_date: " +
        std::string(bad) + "\n";
    expect_at(text, false, Rule::invalid_date, bad, "real calendar day in YYYY-MM-DD");
    CHECK_FALSE(decode(text).fragment.elements[0].indicators[0].baseline_date.has_value());
  }
  Decoded leap = decode(
      "outcomes:\n  - id: a\n    title: b\n    indicators:\n"
      "      - {id: i, title: t, baseline: 0, target: 1, checkins: [{date: \"2024-02-29\", "
      "value: 1}]}\n");
  CHECK(leap.findings.empty());
  CHECK(leap.fragment.elements[0].indicators[0].checkins.at(0).date == Date::from_ymd(2024, 2, 29));
}

std::string checkin_with(std::string_view fields) {
  return kr_with(
      "        baseline: 0\n        target: 10\n        checkins:\n          - {date: "
      "2026-01-05, " +
      std::string(fields) + "}\n");
}

TEST_CASE("decode: confidence is an integer 1..10") {
  CHECK(decode(checkin_with("value: 1, confidence: 1")).findings.empty());
  CHECK(decode(checkin_with("value: 1, confidence: 10")).findings.empty());
  for (std::string_view bad : {"0", "11", "5.5", "high", "\"7\"", "-1"}) {
    CAPTURE(bad);
    std::string text = checkin_with("value: 1, confidence: " + std::string(bad));
    Pos p = pos(text, "confidence: ");
    Decoded d = decode(text);
    expect_only(d.findings, Rule::confidence_range, p.line, p.column + 12, "from 1 to 10");
    REQUIRE(d.fragment.objectives[0].key_results[0].checkins.size() == 1);
    CHECK(d.fragment.objectives[0].key_results[0].checkins[0].confidence == 0);
  }
}

TEST_CASE("decode: check-in values follow the measure type") {
  expect_at(checkin_with("value: yes"), false, Rule::type, "yes", "must be a number");
  std::string numeric_true = checkin_with("value: true");
  expect_at(numeric_true, false, Rule::type, "true", "set `type: milestone`");
  CHECK(decode(numeric_true).fragment.objectives[0].key_results[0].checkins.empty());

  std::string milestone =
      "objectives:\n  - id: o\n    title: t\n    period: 2026-Q1\n    key_results:\n"
      "      - id: k\n        title: t\n        type: milestone\n        checkins:\n";
  Decoded flags = decode(milestone +
                         "          - {date: 2026-01-01, value: True}\n"
                         "          - {date: 2026-01-02, value: FALSE}\n"
                         "          - {date: 2026-01-03, value: false}\n");
  CHECK(flags.findings.empty());
  const auto& checkins = flags.fragment.objectives[0].key_results[0].checkins;
  REQUIRE(checkins.size() == 3);
  CHECK(checkins[0].value.flag);
  CHECK_FALSE(checkins[1].value.flag);
  CHECK(checkins[2].value.kind == Value::Kind::boolean);
  expect_at(milestone + "          - {date: 2026-01-01, value: 1}\n", false, Rule::type, "1}",
            "must be true or false, got 1");
  expect_at(milestone + "          - {date: 2026-01-01, value: \"true\"}\n", false, Rule::type,
            "\"true\"", "must be true or false, got the quoted text");
  expect_at(kr_with("        type: milestone\n        current: done\n"), false, Rule::type, "done",
            "`current` of milestone");
}

TEST_CASE("decode: a milestone has no baseline or target") {
  expect_at(kr_with("        type: milestone\n        baseline: 0\n"), false, Rule::unknown_key,
            "baseline", "does not apply to milestone");
}

TEST_CASE("decode: weight is a number >= 0; stage an integer") {
  expect_at(kr_with("        baseline: 0\n        target: 1\n        weight: -1\n"), false,
            Rule::type, "-1", "0 or more");
  expect_at(kr_with("        baseline: 0\n        target: 1\n        weight: heavy\n"), false,
            Rule::type, "heavy", "must be a number");
  Decoded zero = decode(kr_with("        baseline: 0\n        target: 1\n        weight: 0\n"));
  CHECK(zero.findings.empty());
  CHECK(zero.fragment.objectives[0].key_results[0].weight == 0.0);
  expect_at("outputs:\n  - {id: a, title: b, stage: five}\n", false, Rule::type, "five",
            "whole number");
  expect_at("outputs:\n  - {id: a, title: b, stage: 2.0}\n", false, Rule::type, "2.0",
            "whole number");
  // Out-of-range stages decode: the range per level is the rule stage-mismatch.
  Decoded stage = decode("inputs:\n  - {id: a, title: b, stage: 9}\n");
  CHECK(stage.findings.empty());
  CHECK(stage.fragment.elements[0].stage == 9);
  expect_at("outputs:\n  - {id: a, title: b, contributes_to: [{id: c, weight: -2}]}\n", false,
            Rule::type, "-2", "0 or more");
}

TEST_CASE("decode: type words with did-you-mean") {
  // An unknown type does not also demand baseline and target.
  expect_at(kr_with("        type: milestne\n"), false, Rule::type, "milestne",
            "did you mean `milestone`?");
  std::string text = "objectives:\n  - {id: o, title: t, period: 2026, type: aspiratonal}\n";
  expect_at(text, false, Rule::type, "aspiratonal", "did you mean `aspirational`?");
  CHECK(decode(text).fragment.objectives[0].type == ObjectiveType::committed);
}

TEST_CASE("decode: direction, threshold targets, interim targets, accumulate, notes") {
  const std::string yaml = R"(outcomes:
  - id: OC
    title: t
    indicators:
      - id: IND-steps
        title: Projekte
        baseline: 0
        target: 165
        baseline_date: 2017-09-30
        target_date: 2020-09-30
        targets:
          - {date: 2018-09-30, value: 110}
          - {date: 2019-09-30, value: 145}
        stale_days: 400
      - id: IND-energy
        title: Energie
        type: monitor
        direction: decrease
        accumulate: true
        description: Verbrauch je m²
        source: Zählerstände
        method: Jahressumme
objectives:
  - id: O
    title: t
    period: 2026-Q1
    stale_days: 30
    description: Warum
    source: Haushalt
    method: Stichtag
    key_results:
      - {id: K1, title: t, unit: "%", direction: decrease, target: {at_most: 3.0}}
      - {id: K2, title: t, baseline: 99, target: {at_least: 85}}
      - {id: K3, title: t, target: {between: [0, 2]}}
)";
  const Decoded decoded = decode(yaml);
  INFO(describe(decoded.findings));
  CHECK(decoded.findings.empty());
  const Element& element = decoded.fragment.elements.at(0);
  const Measure& steps = element.indicators.at(0);
  REQUIRE(steps.targets.size() == 2);
  CHECK(steps.targets[1].date == Date::from_ymd(2019, 9, 30));
  CHECK(steps.targets[1].value == 145);
  CHECK(steps.targets[1].value_at.line == pos(yaml, "value: 145").line);
  CHECK(steps.targets_at.line == pos(yaml, "targets:").line);
  CHECK(steps.stale_days == 400);
  CHECK(steps.target == 165);
  CHECK(steps.threshold.kind == ThresholdKind::none);
  const Measure& energy = element.indicators.at(1);
  CHECK(energy.type == MeasureType::monitor);
  CHECK(energy.direction == Direction::decrease);
  CHECK(energy.accumulate);
  CHECK_FALSE(energy.target.has_value());
  CHECK(energy.description == "Verbrauch je m²");
  CHECK(energy.source == "Zählerstände");
  CHECK(energy.method == "Jahressumme");
  const Objective& objective = decoded.fragment.objectives.at(0);
  CHECK(objective.stale_days == 30);
  CHECK(objective.description == "Warum");
  CHECK(objective.source == "Haushalt");
  CHECK(objective.method == "Stichtag");
  const Measure& ceiling = objective.key_results.at(0);
  CHECK(ceiling.direction == Direction::decrease);
  CHECK(ceiling.threshold.kind == ThresholdKind::at_most);
  CHECK(ceiling.threshold.high == 3.0);
  CHECK_FALSE(ceiling.target.has_value());
  CHECK_FALSE(ceiling.baseline.has_value());
  CHECK(ceiling.target_at.line == pos(yaml, "{at_most").line);
  const Measure& floor = objective.key_results.at(1);
  CHECK(floor.threshold.kind == ThresholdKind::at_least);
  CHECK(floor.threshold.low == 85);
  CHECK(floor.baseline == 99);
  const Measure& range = objective.key_results.at(2);
  CHECK(range.threshold.kind == ThresholdKind::between);
  CHECK(range.threshold.low == 0);
  CHECK(range.threshold.high == 2);
  CHECK(range.threshold.high_at.column == pos(yaml, "2]}").column);
}

TEST_CASE("decode: a numeric measure with a number target still needs its baseline") {
  expect_at(kr_with("        target: 5\n"), false, Rule::missing_field, "id: k",
            "has no `baseline`");
}

TEST_CASE("decode: malformed threshold targets, one finding each") {
  // A misspelt key gets its did-you-mean, nothing else.
  expect_at(kr_with("        target: {at_lest: 5}\n"), false, Rule::unknown_key, "at_lest",
            "did you mean `at_least`?");
  expect_at(kr_with("        target: {}\n"), false, Rule::threshold_range, "{}",
            "needs one of the keys");
  expect_at(kr_with("        target: {at_least: 1, at_most: 5}\n"), false, Rule::threshold_range,
            "at_most", "exactly one");
  expect_at(kr_with("        target: {between: [5, 1]}\n"), false, Rule::threshold_range, "[5",
            "lower bound first");
  expect_at(kr_with("        target: {between: [1]}\n"), false, Rule::type, "[1]", "two numbers");
  expect_at(kr_with("        target: {between: [a, 2]}\n"), false, Rule::type, "[a", "two numbers");
  expect_at(kr_with("        target: {at_most: lots}\n"), false, Rule::type, "lots",
            "`at_most` must be a number");
}

TEST_CASE("decode: a monitor needs no baseline or target, and its target is left to the checks") {
  Decoded plain = decode(kr_with("        type: monitor\n"));
  CHECK(plain.findings.empty());
  Decoded targeted = decode(kr_with("        type: monitor\n        target: {at_lest: x}\n"));
  INFO(describe(targeted.findings));
  CHECK(targeted.findings.empty());
  CHECK(targeted.fragment.objectives[0].key_results[0].target_at.line == 9);
}

TEST_CASE("decode: accumulate is true or false; stale_days a whole number >= 0") {
  expect_at(kr_with("        baseline: 0\n        target: 1\n        accumulate: yes\n"), false,
            Rule::type, "yes", "`accumulate` must be true or false");
  expect_at(kr_with("        baseline: 0\n        target: 1\n        stale_days: -3\n"), false,
            Rule::type, "-3", "0 or more");
  expect_at("objectives:\n  - {id: o, title: t, period: 2026, stale_days: often}\n", false,
            Rule::type, "often", "whole number");
  expect_at(kr_with("        baseline: 0\n        target: 1\n        direction: up\n"), false,
            Rule::type, "up", "increase, decrease");
  expect_at(
      kr_with("        baseline: 0\n        target: 1\n        targets: [{date: 2026-02-01}]\n"),
      false, Rule::missing_field, "{date", "has no `value`");
}

TEST_CASE("decode: links are ids or {id, weight}") {
  expect_at("outputs:\n  - {id: a, title: b, contributes_to: x}\n", false, Rule::type, "x}",
            "`contributes_to` must be a list of ids");
  expect_at("objectives:\n  - {id: o, title: t, period: 2026, aligns_to: [[x]]}\n", false,
            Rule::type, "[x]", "an id or {id, weight}");
}

TEST_CASE("decode: the plan section") {
  const char* text = R"(plan:
  name: Civic Coding
  language: de
  exclude: ["drafts/**", "*.bak.yaml"]
  periods:
    - {id: FY26-T1, start: 2026-01-01, end: 2026-04-30}
  status:
    on_track_gap: 0.05
    off_track_gap: 0.3
  stale_days: 0
  rules:
    okr-unaligned: error
    checkin-stale: off
    no-such-rule: info
)";
  Decoded d = decode(text, true);
  INFO(describe(d.findings));
  CHECK(d.findings.empty());
  REQUIRE(d.fragment.config.has_value());
  const Config& c = *d.fragment.config;
  CHECK(c.name == "Civic Coding");
  CHECK(c.language == "de");
  CHECK(c.exclude == std::vector<std::string>{"drafts/**", "*.bak.yaml"});
  REQUIRE(c.periods.size() == 1);
  CHECK(c.periods[0].id == "FY26-T1");
  CHECK(c.periods[0].start == Date::from_ymd(2026, 1, 1));
  CHECK(c.periods[0].end == Date::from_ymd(2026, 4, 30));
  CHECK(c.periods[0].at.line == 6);
  CHECK(c.on_track_gap == 0.05);
  CHECK(c.off_track_gap == 0.3);
  CHECK(c.stale_days == 0);
  REQUIRE(c.rules.size() == 3);
  CHECK(c.rules[0].rule == "okr-unaligned");
  CHECK(c.rules[0].severity == Severity::error);
  CHECK(c.rules[1].severity == Severity::off);
  CHECK(c.rules[2].rule == "no-such-rule");
  CHECK(c.rules[2].severity == Severity::info);
  CHECK(c.rules[2].at.line == 14);
  CHECK(c.rules[2].at.column == 5);

  Decoded defaults = decode("plan: {name: x}\n", true);
  CHECK(defaults.fragment.config->on_track_gap == 0.10);
  CHECK(defaults.fragment.config->off_track_gap == 0.25);
  CHECK(defaults.fragment.config->stale_days == 14);
  CHECK(defaults.fragment.config->language.empty());
}

TEST_CASE("decode: a custom period may not be named `all` or like a built-in period") {
  for (std::string_view reserved : {"all", "2026-Q1", "2026", "2026-H2", "2026-03"}) {
    CAPTURE(reserved);
    const std::string yaml = "plan:\n  periods:\n    - {id: " + std::string(reserved) +
                             ", start: 2026-02-01, end: 2026-04-30}\n";
    expect_at(yaml, true, Rule::invalid_id, reserved.substr(0, 3) == "all" ? "all" : "2026",
              reserved == "all" ? "reserved" : "built-in period id");
    CHECK(decode(yaml, true).fragment.config->periods.empty());  // never used
  }
  // Lookalikes of other forms stay custom ids.
  for (std::string_view fine : {"FY2026-Q1", "2026-T1", "All", "2026-Q5"}) {
    CAPTURE(fine);
    Decoded d = decode("plan:\n  periods:\n    - {id: " + std::string(fine) +
                           ", start: 2026-02-01, end: 2026-04-30}\n",
                       true);
    CHECK(d.findings.empty());
    CHECK(d.fragment.config->periods.size() == 1);
  }
}

TEST_CASE("decode: plan section findings") {
  expect_at("plan:\n  language: fr\n", true, Rule::type, "fr", "one of en, de");
  expect_at("plan:\n  periods:\n    - {id: P, start: 2026-05-01, end: 2026-04-30}\n", true,
            Rule::invalid_date, "2026-04-30", "ends (2026-04-30) before it starts (2026-05-01)");
  expect_at("plan:\n  periods:\n    - {id: P, start: 2026-05-01, end: 2026-04-31}\n", true,
            Rule::invalid_date, "2026-04-31", "real calendar day");
  expect_at("plan:\n  status: {on_track_gap: 1.5}\n", true, Rule::type, "1.5", "between 0 and 1");
  std::string order = "plan:\n  status: {on_track_gap: 0.3, off_track_gap: 0.2}\n";
  expect_at(order, true, Rule::type, "0.3", "must not be larger than `off_track_gap`");
  CHECK(decode(order, true).fragment.config->on_track_gap == 0.10);
  expect_at("plan:\n  stale_days: -1\n", true, Rule::type, "-1", "0 or more");
  expect_at("plan:\n  stale_days: 1.5\n", true, Rule::type, "1.5", "whole number");
  std::string severity = "plan:\n  rules:\n    okr-unaligned: fatal\n";
  expect_at(severity, true, Rule::type, "fatal", "one of error, warning, info, off");
  CHECK(decode(severity, true).fragment.config->rules.empty());
  expect_at("plan:\n  rules:\n    okr-unaligned:\n", true, Rule::type, "okr", "has no severity");
  expect_at("plan:\n  rules: [okr-unaligned]\n", true, Rule::type, "[", "mapping of rule ids");
  expect_at("plan:\n  exclude: {a: 1}\n", true, Rule::type, "{", "list of globs");
  expect_at("plan: [1]\n", true, Rule::type, "[", "`plan` must be a mapping");
}

TEST_CASE("decode: merge keys bring in shared fields") {
  const char* text = R"(objectives:
  - &base
    id: O-1
    title: Shared title
    period: 2026-Q1
    owner: community
  - <<: *base
    id: O-2
)";
  Decoded d = decode(text);
  INFO(describe(d.findings));
  CHECK(d.findings.empty());
  REQUIRE(d.fragment.objectives.size() == 2);
  CHECK(d.fragment.objectives[1].id == "O-2");
  CHECK(d.fragment.objectives[1].title == "Shared title");
  CHECK(d.fragment.objectives[1].owner == "community");
  CHECK(d.fragment.objectives[1].at.line == 8);
}

// --- The first hour on a real plan: findings that name the fix --------------------------

TEST_CASE("decode: a decimal comma in a flow mapping is named as such, with the fix") {
  const std::string yaml = kr_with(
      "        baseline: 0\n        target: 100\n        checkins:\n"
      "          - {date: 2026-03-01, value: 97,5}\n");
  Pos at = pos(yaml, "5}");
  expect_only(decode(yaml).findings, Rule::unknown_key, at.line, at.column,
              "`97,5` is read as two entries, `value: 97` and a key `5`");
  CHECK(decode(yaml).findings[0].message.find("write the number with a decimal point: "
                                              "`value: 97.5`") != std::string::npos);
  // Three digits after the comma may be a thousands separator: both readings are offered.
  const std::string thousands = kr_with(
      "        baseline: 0\n        target: 100\n"
      "        checkins: [{date: 2026-03-01, value: 1,500}]\n");
  expect_at(thousands, false, Rule::unknown_key, "500}", "`value: 1500`) or with a decimal point");
  // A space after the comma is a real second entry, and a key with a value is a key.
  expect_at(kr_with("        baseline: 0\n        target: 100\n"
                    "        checkins: [{date: 2026-03-01, value: 97, 5}]\n"),
            false, Rule::unknown_key, "5}", "unknown key `5` in a check-in");
  expect_at(kr_with("        baseline: 0\n        target: 100\n"
                    "        checkins: [{date: 2026-03-01, value: 97,5: x}]\n"),
            false, Rule::unknown_key, "5: x", "unknown key `5` in a check-in");
}

TEST_CASE("decode: a decimal comma outside a flow mapping says to write a decimal point") {
  expect_at(kr_with("        baseline: 0\n        target: 12,5\n"), false, Rule::type, "12,5",
            "write the number with a decimal point: target: 12.5");
}

TEST_CASE("decode: a value with a % sign says to drop it and put it in the unit") {
  expect_at(kr_with("        baseline: 0\n        target: 100\n        current: 44%\n"), false,
            Rule::type, "44%", "write the number without the `%` (current: 44)");
  expect_at(kr_with("        baseline: 0\n        target: 100\n"
                    "        checkins: [{date: 2026-03-01, value: 44 %}]\n"),
            false, Rule::type, "44 %", "put the `%` in the measure's unit (unit: \"%\")");
  expect_at(kr_with("        baseline: 0\n        target: {at_least: 85%}\n"), false, Rule::type,
            "85%", "(at_least: 85)");
}

TEST_CASE("decode: `unit: %` without quotes says to quote it") {
  expect_at(kr_with("        unit: %\n        baseline: 0\n        target: 100\n"), false,
            Rule::yaml_syntax, "%", "write it in quotes: `unit: \"%\"`");
  expect_at("objectives:\n  - {id: o, title: t, period: 2026, key_results: [{unit: @x, id: k}]}\n",
            false, Rule::yaml_syntax, "@", "write it in quotes: `unit: \"@x\"`");
}

TEST_CASE("decode: a misspelt required field is the typo, not a missing field") {
  expect_at(kr_with("        basline: 0\n        target: 100\n"), false, Rule::unknown_key,
            "basline", "did you mean `baseline`?");
  expect_at("impacts:\n  - id: I-x\n    titel: X\n", false, Rule::unknown_key, "titel",
            "did you mean `title`?");
  expect_at(kr_with("        baseline: 0\n        target: 100\n"
                    "        checkins: [{date: 2026-03-01, valeu: 4}]\n"),
            false, Rule::unknown_key, "valeu", "did you mean `value`?");
  // A typo that resembles another key leaves the missing field missing.
  Decoded d = decode(kr_with("        baseline: 0\n        targets_: 100\n"));
  INFO(describe(d.findings));
  REQUIRE(d.findings.size() == 2);
  CHECK(d.findings[0].rule != d.findings[1].rule);
  for (const Finding& finding : d.findings) {
    CHECK((finding.rule == Rule::missing_field || finding.rule == Rule::unknown_key));
  }
}

TEST_CASE("decode: an empty key counts as absent") {
  Decoded d =
      decode(kr_with("        baseline: 0\n        target: 100\n        current: 4\n"
                     "        checkins:\n"));
  CHECK(d.findings.empty());
  CHECK_FALSE(d.fragment.objectives[0].key_results[0].has_checkins);
  Decoded monitor = decode(kr_with("        type: monitor\n        target:\n        targets:\n"));
  CHECK(monitor.findings.empty());
  const Measure& measure = monitor.fragment.objectives[0].key_results[0];
  CHECK(measure.target_at.line == 0);
  CHECK(measure.targets_at.line == 0);
  Decoded milestone =
      decode(kr_with("        type: milestone\n        baseline:\n        target:\n"));
  CHECK(milestone.findings.empty());
  Decoded empty_list =
      decode(kr_with("        baseline: 0\n        target: 100\n"
                     "        checkins: []\n"));
  CHECK(empty_list.fragment.objectives[0].key_results[0].has_checkins);  // a list, if empty
}

TEST_CASE("decode: a period written as a number is that id") {
  Decoded d = decode("objectives:\n  - {id: o, title: t, period: 2026, key_results: []}\n");
  CHECK(d.findings.empty());
  REQUIRE(d.fragment.objectives.size() == 1);
  CHECK(d.fragment.objectives[0].period == "2026");
}

TEST_CASE("decode: a null root (empty file) gives an empty fragment") {
  Findings findings;
  PlanFragment f = decode_document(nullptr, 0, "x.yaml", false, findings);
  CHECK(findings.empty());
  CHECK(f.elements.empty());
}

TEST_CASE("merge_fragment appends in order and takes the config") {
  Plan plan;
  PlanFragment first = decode("impacts:\n  - {id: a, title: t}\nteams:\n  - {id: t1}\n").fragment;
  PlanFragment second =
      decode("impacts:\n  - {id: b, title: t}\nobjectives:\n  - {id: o, title: t, period: 2026}\n")
          .fragment;
  PlanFragment config = decode("plan: {name: N}\n", true).fragment;
  merge_fragment(plan, std::move(first));
  merge_fragment(plan, std::move(config));
  merge_fragment(plan, std::move(second));
  REQUIRE(plan.elements.size() == 2);
  CHECK(plan.elements[0].id == "a");
  CHECK(plan.elements[1].id == "b");
  CHECK(plan.teams.size() == 1);
  CHECK(plan.objectives.size() == 1);
  CHECK(plan.config.present);
  CHECK(plan.config.name == "N");
}

}  // namespace
}  // namespace iooi

namespace iooi {
namespace {

TEST_CASE("decode: mutated plans end in findings, never a crash") {
  // Deterministic mutations of a valid plan: every result must be a fragment plus
  // findings that name the file and say something.
  const std::string base = full_plan;
  const std::string alphabet = " -:{}[],'\"#&*!|>\n\t0123456789.eE+xyzTrueFalsenull~<";
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&](uint64_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>((state >> 33) % bound);
  };
  size_t with_findings = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string text = base;
    for (size_t edits = 1 + next(4); edits > 0; --edits) {
      size_t at = next(text.size());
      char c = alphabet[next(alphabet.size())];
      switch (next(3)) {
        case 0:
          text.erase(at, 1 + next(8));
          break;
        case 1:
          text.insert(at, 1, c);
          break;
        default:
          text[at] = c;
      }
    }
    Findings findings;
    yaml::Document document = yaml::read_yaml(text, "m.yaml", yaml::ReadLimits{}, findings);
    PlanFragment fragment = decode_document(document.root, 0, "m.yaml", false, findings);
    for (const Finding& f : findings) {
      REQUIRE(f.path == "m.yaml");
      REQUIRE_FALSE(f.message.empty());
    }
    if (!findings.empty()) ++with_findings;
  }
  CHECK(with_findings > 500);  // the mutations really do break things
}

}  // namespace
}  // namespace iooi
