// The IATI mapping (docs/format.md, "IATI export"): result type codes, the measure and
// ascending attributes, and the periods with their targets and actuals.
#include "iooi/rollup/iati.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace iooi {
namespace {

Date day(int y, unsigned m, unsigned d) { return Date::from_ymd(y, m, d); }

Checkin numbered(Date date, double value, std::string_view note = {}) {
  Checkin checkin;
  checkin.date = date;
  checkin.value = Value{Value::Kind::number, value, false};
  checkin.note = note;
  return checkin;
}

Measure indicator(double baseline, double target) {
  Measure measure;
  measure.id = "IND-1";
  measure.title = "Indicator";
  measure.baseline = baseline;
  measure.target = target;
  measure.baseline_date = day(2026, 1, 1);
  measure.target_date = day(2026, 12, 31);
  return measure;
}

IatiActivity activity() {
  IatiActivity out;
  out.start_date = day(2026, 1, 1);
  out.end_date = day(2027, 6, 30);
  return out;
}

TEST_CASE("iati: result types 1 output, 2 outcome, 3 impact; inputs have none") {
  CHECK(iati_result_type(Level::output) == 1);
  CHECK(iati_result_type(Level::outcome) == 2);
  CHECK(iati_result_type(Level::impact) == 3);
  CHECK_FALSE(iati_result_type(Level::input).has_value());
}

TEST_CASE("iati: measure 2 for a percentage, 1 for any other unit") {
  Measure measure = indicator(10, 20);
  measure.unit = "%";
  CHECK(iati_indicator(measure, activity(), day(2026, 6, 1)).percentage);
  measure.unit = "people";
  CHECK_FALSE(iati_indicator(measure, activity(), day(2026, 6, 1)).percentage);
}

TEST_CASE("iati: ascending follows the effective direction; none for between") {
  const Date as_of = day(2026, 6, 1);
  CHECK(iati_indicator(indicator(10, 20), activity(), as_of).ascending == true);
  CHECK(iati_indicator(indicator(20, 10), activity(), as_of).ascending == false);
  Measure written = indicator(10, 20);
  written.direction = Direction::decrease;
  CHECK(iati_indicator(written, activity(), as_of).ascending == false);
  Measure at_most;
  at_most.threshold.kind = ThresholdKind::at_most;
  at_most.threshold.high = 5;
  CHECK(iati_indicator(at_most, activity(), as_of).ascending == false);
  Measure between;
  between.threshold = Threshold{2, 5, ThresholdKind::between, {}, {}};
  const IatiIndicator out = iati_indicator(between, activity(), as_of);
  CHECK_FALSE(out.ascending.has_value());
  REQUIRE(out.periods.size() == 1);
  CHECK(out.periods[0].targets == std::vector<double>{2, 5});
}

TEST_CASE("iati: a period per interim target and the final one, with actuals and notes") {
  Measure measure = indicator(10, 50);
  measure.targets = {InterimTarget{day(2026, 6, 30), 30, {}, {}}};
  measure.checkins = {numbered(day(2026, 2, 1), 12, "first & <early>"),
                      numbered(day(2026, 5, 1), 25), numbered(day(2026, 8, 1), 35, "later"),
                      numbered(day(2026, 11, 1), 45, "after as_of")};
  const IatiIndicator out = iati_indicator(measure, activity(), day(2026, 9, 1));
  REQUIRE(out.baseline.has_value());
  CHECK(*out.baseline == 10);
  CHECK(out.baseline_year == 2026);
  REQUIRE(out.periods.size() == 2);
  const IatiPeriod& first = out.periods[0];
  CHECK(first.start == day(2026, 1, 1));
  CHECK(first.end == day(2026, 6, 30));
  CHECK(first.targets == std::vector<double>{30});
  CHECK(first.actual == 25);
  CHECK(first.comments == std::vector<std::string>{"2026-02-01: first & <early>"});
  const IatiPeriod& last = out.periods[1];
  CHECK(last.start == day(2026, 7, 1));
  CHECK(last.end == day(2026, 12, 31));
  CHECK(last.targets == std::vector<double>{50});
  CHECK(last.actual == 35);  // the check-in after as_of does not count yet
  CHECK(last.comments == std::vector<std::string>{"2026-08-01: later"});
}

TEST_CASE("iati: no actual without a check-in in the period; undated uses the activity's dates") {
  Measure measure = indicator(10, 50);
  measure.baseline_date.reset();
  measure.target_date.reset();
  const IatiIndicator out = iati_indicator(measure, activity(), day(2026, 9, 1));
  REQUIRE(out.periods.size() == 1);
  CHECK(out.periods[0].start == day(2026, 1, 1));
  CHECK(out.periods[0].end == day(2027, 6, 30));
  CHECK_FALSE(out.periods[0].actual.has_value());
  CHECK_FALSE(out.baseline_date.has_value());
  CHECK(out.baseline_year == 2026);
}

TEST_CASE("iati: a period that would not start before it ends is left out") {
  Measure measure = indicator(10, 50);
  measure.targets = {InterimTarget{day(2026, 1, 1), 10, {}, {}}};  // the baseline's day
  const IatiIndicator out = iati_indicator(measure, activity(), day(2026, 9, 1));
  REQUIRE(out.periods.size() == 1);
  CHECK(out.periods[0].start == day(2026, 1, 2));
  CHECK(out.periods[0].targets == std::vector<double>{50});
}

TEST_CASE("iati: monitors and inputs are left out, and results without indicators") {
  Plan plan;
  Measure monitor = indicator(0, 0);
  monitor.type = MeasureType::monitor;
  auto element = [](std::string id, Level level, std::vector<Measure> indicators) {
    Element out;
    out.id = std::move(id);
    out.title = out.id;
    out.level = level;
    out.indicators = std::move(indicators);
    return out;
  };
  plan.elements = {element("IN", Level::input, {indicator(1, 2)}),
                   element("OP", Level::output, {indicator(1, 2), monitor}),
                   element("OC", Level::outcome, {monitor}),
                   element("IM", Level::impact, {indicator(1, 2)})};
  const IatiExport out = iati_export(plan, activity(), day(2026, 9, 1));
  REQUIRE(out.results.size() == 2);
  CHECK(out.results[0].id == "IM");
  CHECK(out.results[0].type == 3);
  CHECK(out.results[1].id == "OP");
  CHECK(out.results[1].type == 1);
  CHECK(out.results[1].indicators.size() == 1);
}

}  // namespace
}  // namespace iooi
