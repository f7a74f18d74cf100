// The fields of results frameworks in the machine-readable reports (docs/json.md):
// JSON MEASURE's type, direction, threshold, accumulate, interim_targets, planned,
// description, source and method; the CSV columns type, direction and threshold.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "iooi/render/report_output.h"
#include "report_test_support.h"

namespace iooi {
namespace {

using namespace test_support;

Measure named(std::string id) {
  Measure m;
  m.id = id;
  m.title = std::move(id);
  return m;
}

Measure with_threshold(std::string id, ThresholdKind kind, double low, double high) {
  Measure m = named(std::move(id));
  m.threshold.kind = kind;
  m.threshold.low = low;
  m.threshold.high = high;
  m.checkins = {checkin(day(2026, 2, 1), 1.5)};
  return m;
}

// One objective in 2026-Q1 with a key result of each kind, an outcome with a
// monitor and an indicator without dates; as of 2026-02-15.
Plan frameworks_plan() {
  Plan plan;
  Objective o;
  o.id = "O";
  o.title = "O";
  o.period = "2026-Q1";
  o.aligns_to.push_back(Link{"OC", 1.0, {}});
  Measure floor = with_threshold("KR-floor", ThresholdKind::at_least, 85, 0);
  floor.baseline = 99;
  floor.checkins = {checkin(day(2026, 2, 1), 90)};
  floor.description = CompactText("Share of projects on schedule");
  floor.source = CompactText("Project office");
  floor.method = CompactText("Counted at the end of each month");
  o.key_results.push_back(floor);
  o.key_results.push_back(with_threshold("KR-ceiling", ThresholdKind::at_most, 0, 3));
  o.key_results.push_back(with_threshold("KR-range", ThresholdKind::between, 0.5, 2.5));
  Measure steps = named("KR-steps");
  steps.baseline = 0;
  steps.target = 100;
  steps.targets = {InterimTarget{day(2026, 1, 31), 10, {}, {}},
                   InterimTarget{day(2026, 2, 28), 80, {}, {}}};
  steps.checkins = {checkin(day(2026, 2, 14), 40)};
  o.key_results.push_back(steps);
  Measure count = named("KR-count");
  count.baseline = 300;
  count.target = 0;
  count.accumulate = true;
  count.checkins = {checkin(day(2026, 1, 10), -100), checkin(day(2026, 3, 1), -50)};
  o.key_results.push_back(count);
  Measure gap = named("KR-gap");
  gap.baseline = 0;
  gap.target = 10;
  o.key_results.push_back(gap);
  plan.objectives.push_back(o);

  Element oc;
  oc.id = "OC";
  oc.title = "OC";
  oc.level = Level::outcome;
  Measure monitor = named("IND-monitor");
  monitor.type = MeasureType::monitor;
  monitor.checkins = {checkin(day(2026, 1, 31), 118), checkin(day(2026, 2, 10), 112),
                      checkin(day(2026, 3, 31), 109)};
  oc.indicators.push_back(monitor);
  Measure milestone = named("IND-milestone");
  milestone.type = MeasureType::milestone;
  oc.indicators.push_back(milestone);
  plan.elements.push_back(oc);

  Objective later;  // outside the report: its late check-in does not count
  later.id = "O-Q2";
  later.period = "2026-Q2";
  Measure next = named("KR-next");
  next.baseline = 0;
  next.target = 5;
  next.checkins = {checkin(day(2026, 4, 10), 1)};
  later.key_results.push_back(next);
  plan.objectives.push_back(later);
  return plan;
}

// The text of one measure's JSON object, from its id to the end of its fields (the
// last mention of the id: an indicator is listed among the contributors first).
std::string measure_json(const std::string& json, const std::string& id) {
  const size_t start = json.rfind("\"id\": \"" + id + "\"");
  REQUIRE(start != std::string::npos);
  const size_t end = json.find("\"method\"", start);
  REQUIRE(end != std::string::npos);
  return json.substr(start, json.find('\n', end) - start);
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> csv_rows(const std::string& csv) {
  std::vector<std::string> rows;
  size_t at = 3;  // after the byte-order mark
  while (at < csv.size()) {
    const size_t end = csv.find("\r\n", at);
    rows.push_back(csv.substr(at, end - at));
    at = end + 2;
  }
  return rows;
}

// The last `n` fields of a row without quoted fields.
std::string tail_fields(const std::string& row, char separator, int n) {
  size_t at = row.size();
  for (int i = 0; i < n; ++i) at = row.rfind(separator, at - 1);
  return row.substr(at + 1);
}

}  // namespace

TEST_CASE("report json: thresholds as one-key objects, target null, effective direction") {
  const Plan plan = frameworks_plan();
  const std::string json = json_of(sample_report(plan));
  const std::string floor = measure_json(json, "KR-floor");
  CHECK(has(floor, "\"baseline\": 99,"));
  CHECK(has(floor, "\"target\": null,"));
  CHECK(has(floor, "\"type\": \"numeric\","));
  CHECK(has(floor, "\"direction\": \"increase\","));
  CHECK(has(floor, "\"threshold\": {\n            \"at_least\": 85\n          },"));
  CHECK(has(floor, "\"planned\": null,"));
  CHECK(has(floor, "\"expected\": null,"));
  CHECK(has(floor, "\"status\": \"on-track\","));
  CHECK(has(floor, "\"description\": \"Share of projects on schedule\","));
  CHECK(has(floor, "\"source\": \"Project office\","));
  CHECK(has(floor, "\"method\": \"Counted at the end of each month\""));

  const std::string ceiling = measure_json(json, "KR-ceiling");
  CHECK(has(ceiling, "\"direction\": \"decrease\","));
  CHECK(has(ceiling, "\"threshold\": {\n            \"at_most\": 3\n          },"));
  CHECK(has(ceiling, "\"description\": null,"));

  const std::string range = measure_json(json, "KR-range");
  CHECK(has(range, "\"direction\": null,"));
  CHECK(has(range, "\"between\": [\n              0.5,\n              2.5\n            ]"));
}

TEST_CASE("report json: interim targets, planned value, increments, no-data, monitors") {
  const Plan plan = frameworks_plan();
  const std::string json = json_of(sample_report(plan));
  const std::string steps = measure_json(json, "KR-steps");
  CHECK(has(steps, "\"target\": 100,"));
  CHECK(has(steps, "\"threshold\": null,"));
  CHECK(has(steps, "\"accumulate\": false,"));
  CHECK(has(steps, "{\n              \"date\": \"2026-01-31\",\n              \"value\": 10\n"));
  CHECK(has(steps, "{\n              \"date\": \"2026-02-28\",\n              \"value\": 80\n"));
  CHECK(has(steps, "\"planned\": 47.5,"));
  CHECK(has(steps, "\"expected\": 0.475,"));

  // Increments on a decreasing target: 300 - 100 (the one of 1 March is not yet due).
  const std::string count = measure_json(json, "KR-count");
  CHECK(has(count, "\"value\": 200,"));
  CHECK(has(count, "\"direction\": \"decrease\","));
  CHECK(has(count, "\"accumulate\": true,"));
  CHECK(has(count, "\"interim_targets\": [],"));

  const std::string gap = measure_json(json, "KR-gap");
  CHECK(has(gap, "\"value\": null,"));
  CHECK(has(gap, "\"progress\": 0,"));
  CHECK(has(gap, "\"status\": \"no-data\","));

  const std::string monitor = measure_json(json, "IND-monitor");
  CHECK(has(monitor, "\"type\": \"monitor\","));
  CHECK(has(monitor, "\"value\": 112,"));
  CHECK(has(monitor, "\"progress\": null,"));
  CHECK(has(monitor, "\"attainment\": null,"));
  CHECK(has(monitor, "\"status\": \"none\","));
  CHECK(has(monitor, "\"direction\": null,"));  // none written, no target to read it from

  const std::string milestone = measure_json(json, "IND-milestone");
  CHECK(has(milestone, "\"type\": \"milestone\","));
  CHECK(has(milestone, "\"direction\": null,"));
  CHECK(has(milestone, "\"threshold\": null,"));
}

TEST_CASE("report csv: type, direction and threshold appended, following the language") {
  const Plan plan = frameworks_plan();
  const Report report = sample_report(plan);
  const std::vector<std::string> english = csv_rows(csv_of(report, "en"));
  REQUIRE(english.size() == 9);  // header, six key results, two indicators
  CHECK(tail_fields(english[0], ',', 4) == "Last check-in,Type,Direction,Threshold");
  CHECK(tail_fields(english[1], ',', 3) == "numeric,increase,>=85");
  CHECK(tail_fields(english[2], ',', 3) == "numeric,decrease,<=3");
  CHECK(tail_fields(english[3], ',', 3) == "numeric,,0.5..2.5");
  CHECK(tail_fields(english[4], ',', 3) == "numeric,increase,");
  CHECK(tail_fields(english[5], ',', 3) == "numeric,decrease,");
  CHECK(tail_fields(english[7], ',', 3) == "monitor,,");
  CHECK(tail_fields(english[8], ',', 3) == "milestone,,");

  const std::vector<std::string> german = csv_rows(csv_of(report, "de"));
  REQUIRE(german.size() == 9);
  CHECK(tail_fields(german[0], ';', 3) == "Typ;Richtung;Schwelle");
  CHECK(tail_fields(german[2], ';', 3) == "numerisch;fallend;<=3");
  CHECK(tail_fields(german[3], ';', 3) == "numerisch;;0,5..2,5");
  CHECK(tail_fields(german[7], ';', 3) == "Monitor;;");
  CHECK(tail_fields(german[8], ';', 3) == "Meilenstein;;");
}

TEST_CASE("report: check-ins after as_of are counted for the measures the report shows") {
  Plan plan = frameworks_plan();
  // KR-count's of 1 March and the monitor's of 31 March; not KR-next's (2026-Q2).
  CHECK(sample_report(plan).late_checkins == 2);
  plan.objectives[0].key_results[0].checkins.push_back(checkin(day(2026, 2, 16), 90));
  CHECK(sample_report(plan).late_checkins == 3);
  // A check-in on as_of counts and is not late.
  plan.objectives[0].key_results[0].checkins.back().date = day(2026, 2, 15);
  CHECK(sample_report(plan).late_checkins == 2);
  const Report all = compute_report(plan, Scope{std::nullopt, day(2026, 2, 15)});
  CHECK(all.late_checkins == 3);  // every objective is shown
}

}  // namespace iooi
