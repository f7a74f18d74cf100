#include "iooi/model/period.h"

#include <doctest/doctest.h>

namespace iooi {
namespace {

void check_period(std::string_view id, Date start, Date end) {
  CAPTURE(id);
  auto period = builtin_period(id);
  REQUIRE(period.has_value());
  CHECK(period->id == id);
  CHECK(period->start == start);
  CHECK(period->end == end);
}

TEST_CASE("builtin_period: years, halves, quarters, months") {
  check_period("2026", Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 12, 31));
  check_period("2026-H1", Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 6, 30));
  check_period("2026-H2", Date::from_ymd(2026, 7, 1), Date::from_ymd(2026, 12, 31));
  check_period("2026-Q1", Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 3, 31));
  check_period("2026-Q2", Date::from_ymd(2026, 4, 1), Date::from_ymd(2026, 6, 30));
  check_period("2026-Q3", Date::from_ymd(2026, 7, 1), Date::from_ymd(2026, 9, 30));
  check_period("2026-Q4", Date::from_ymd(2026, 10, 1), Date::from_ymd(2026, 12, 31));
  check_period("2024-02", Date::from_ymd(2024, 2, 1), Date::from_ymd(2024, 2, 29));
  check_period("2026-02", Date::from_ymd(2026, 2, 1), Date::from_ymd(2026, 2, 28));
  check_period("2026-12", Date::from_ymd(2026, 12, 1), Date::from_ymd(2026, 12, 31));
}

TEST_CASE("builtin_period: anything else is not a period") {
  for (std::string_view id :
       {"", "26", "2026-Q0", "2026-Q5", "2026-H0", "2026-H3", "2026-00", "2026-13", "2026-1",
        "2026-q1", "2026-Q1x", "20260", "0000", "abcd", "2026-Q", "2026-", "2026-001", "FY26-T1"}) {
    CAPTURE(id);
    CHECK_FALSE(builtin_period(id).has_value());
  }
}

TEST_CASE("find_period: custom periods first, then built-in") {
  Config config;
  config.periods.push_back(
      PeriodDef{"FY26-T1", Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 4, 30), {}});
  // A custom period may even shadow a built-in id.
  config.periods.push_back(
      PeriodDef{"2026-Q1", Date::from_ymd(2026, 2, 1), Date::from_ymd(2026, 2, 2), {}});
  auto custom = find_period("FY26-T1", config);
  REQUIRE(custom);
  CHECK(custom->end == Date::from_ymd(2026, 4, 30));
  auto shadowed = find_period("2026-Q1", config);
  REQUIRE(shadowed);
  CHECK(shadowed->start == Date::from_ymd(2026, 2, 1));
  auto builtin = find_period("2026-Q2", config);
  REQUIRE(builtin);
  CHECK(builtin->start == Date::from_ymd(2026, 4, 1));
  CHECK_FALSE(find_period("FY27", config).has_value());
}

TEST_CASE("quarter_containing") {
  Period q = quarter_containing(Date::from_ymd(2026, 2, 15));
  CHECK(q.id == "2026-Q1");
  CHECK(q.start == Date::from_ymd(2026, 1, 1));
  CHECK(q.end == Date::from_ymd(2026, 3, 31));
  CHECK(quarter_containing(Date::from_ymd(2026, 3, 31)).id == "2026-Q1");
  CHECK(quarter_containing(Date::from_ymd(2026, 4, 1)).id == "2026-Q2");
  Period q4 = quarter_containing(Date::from_ymd(2025, 12, 31));
  CHECK(q4.id == "2025-Q4");
  CHECK(q4.start == Date::from_ymd(2025, 10, 1));
  CHECK(q4.end == Date::from_ymd(2025, 12, 31));
  // The id round-trips through builtin_period.
  CHECK(builtin_period(q4.id)->start == q4.start);
}

TEST_CASE("overlaps: closed ranges") {
  Period q1 = *builtin_period("2026-Q1");
  CHECK(overlaps(q1, *builtin_period("2026")));
  CHECK(overlaps(q1, *builtin_period("2026-03")));
  CHECK_FALSE(overlaps(q1, *builtin_period("2026-Q2")));
  CHECK_FALSE(overlaps(*builtin_period("2026-Q2"), q1));
  Period last_day{"x", Date::from_ymd(2026, 3, 31), Date::from_ymd(2026, 3, 31)};
  CHECK(overlaps(q1, last_day));
  CHECK(overlaps(last_day, q1));
}

TEST_CASE("level names and sections") {
  CHECK(level_name(Level::input) == "input");
  CHECK(level_name(Level::impact) == "impact");
  CHECK(level_section(Level::output) == "outputs");
  CHECK(level_section(Level::outcome) == "outcomes");
}

TEST_CASE("measure type and direction ids, as docs/json.md writes them") {
  CHECK(measure_type_id(MeasureType::numeric) == "numeric");
  CHECK(measure_type_id(MeasureType::milestone) == "milestone");
  CHECK(measure_type_id(MeasureType::monitor) == "monitor");
  CHECK(direction_id(Direction::increase) == "increase");
  CHECK(direction_id(Direction::decrease) == "decrease");
  CHECK(direction_id(Direction::unset).empty());
}

}  // namespace
}  // namespace iooi
