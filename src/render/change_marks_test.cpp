// The trend (sparkline) and the change since --since of table and Markdown reports
// (docs/history.md, "Trend" and "report --since").
#include "change_marks.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "report_test_support.h"

namespace iooi {
namespace {

using namespace test_support;

std::vector<ValuePoint> points(const std::vector<double>& values) {
  std::vector<ValuePoint> history;
  for (size_t i = 0; i < values.size(); ++i) {
    history.push_back({day(2026, 1, 1).plus_days(static_cast<int>(i)), number(values[i])});
  }
  return history;
}

ValuePoint reached(bool flag, int offset) {
  return {day(2026, 1, 1).plus_days(offset), Value{Value::Kind::boolean, 0.0, flag}};
}

TEST_CASE("sparkline: lowest to highest of the shown values, in date order") {
  CHECK(sparkline(points({0, 1, 2, 3, 4, 5, 6, 7}), MeasureType::numeric) == "▁▂▃▄▅▆▇█");
  CHECK(sparkline(points({10, 30, 20}), MeasureType::numeric) == "▁█▅");
  CHECK(sparkline(points({-5, 0, 5}), MeasureType::numeric) == "▁▅█");  // negative values
  CHECK(sparkline(points({-3, -1}), MeasureType::numeric) == "▁█");
}

TEST_CASE("sparkline: edges") {
  CHECK(sparkline({}, MeasureType::numeric).empty());                  // no check-ins
  CHECK(sparkline(points({42}), MeasureType::numeric) == "▄");         // one value
  CHECK(sparkline(points({7, 7, 7}), MeasureType::numeric) == "▄▄▄");  // equal values
  CHECK(sparkline(points({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), MeasureType::numeric) ==
        "▁▂▃▄▅▆▇█");  // the last 8 only, scaled among themselves
  CHECK(sparkline(points({1, 2, 3}), MeasureType::numeric, 2) == "▁█");
}

TEST_CASE("sparkline: a milestone is low until reached, high from then on") {
  CHECK(sparkline({reached(false, 0), reached(true, 3)}, MeasureType::milestone) == "▁█");
  CHECK(sparkline({reached(true, 0)}, MeasureType::milestone) == "█");  // one check-in
  CHECK(sparkline({reached(false, 0)}, MeasureType::milestone) == "▁");
  CHECK(sparkline({reached(false, 0), reached(false, 1)}, MeasureType::milestone) == "▁▁");
}

SinceResult since(std::optional<double> delta, Value value_then = {}) {
  return SinceResult{value_then, delta ? std::optional<double>(0.0) : std::nullopt, delta};
}

TEST_CASE("change since: whole percentage points with a direction mark") {
  CHECK(change_text(since(0.12), nullptr, "en") == "▲ +12 pp");
  CHECK(change_text(since(-0.03), nullptr, "en") == "▼ −3 pp");
  CHECK(change_text(since(0.0), nullptr, "en") == "= 0 pp");
  CHECK(change_text(since(0.004), nullptr, "en") == "= 0 pp");   // rounds to 0
  CHECK(change_text(since(-0.004), nullptr, "en") == "= 0 pp");  // no "−0"
  CHECK(change_text(since(0.125), nullptr, "de") == "▲ +13 Pp.");
  CHECK(change_text(since(-1.0), nullptr, "de") == "▼ −100 Pp.");
  CHECK(change_text(std::nullopt, nullptr, "en").empty());         // without --since
  CHECK(change_text(since(std::nullopt), nullptr, "en").empty());  // undefined
}

TEST_CASE("change since: a monitor shows the change of its value") {
  MeasureResult monitor;
  monitor.type = MeasureType::monitor;
  monitor.unit = "kWh";
  monitor.value = number(110);
  CHECK(change_text(since(std::nullopt, number(120)), &monitor, "en") == "▼ −10 kWh");
  CHECK(change_text(since(std::nullopt, number(100.5)), &monitor, "de") == "▲ +9,5 kWh");
  CHECK(change_text(since(std::nullopt, number(110)), &monitor, "en") == "= 0 kWh");
  monitor.unit = "%";
  CHECK(change_text(since(std::nullopt, number(108)), &monitor, "en") == "▲ +2 pp");
  CHECK(change_text(since(std::nullopt), &monitor, "en").empty());  // no value then
}

}  // namespace
}  // namespace iooi
