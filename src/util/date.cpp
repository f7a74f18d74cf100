#include "iooi/util/date.h"

#include <fmt/format.h>

namespace iooi {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the whole int32 range.
int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
  int year;
  unsigned month, day;
};

Civil civil_from_days(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

bool parse_digits(std::string_view text, int& out) {
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(int year, unsigned month) {
  static constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return lengths[month - 1];
}

Date Date::from_ymd(int year, unsigned month, unsigned day) {
  return Date{days_from_civil(year, month, day)};
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = 0;
  int month = 0;
  int day = 0;
  if (!parse_digits(text.substr(0, 4), year) || !parse_digits(text.substr(5, 2), month) ||
      !parse_digits(text.substr(8, 2), day))
    return std::nullopt;
  if (month < 1 || month > 12 || day < 1 ||
      static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month)))
    return std::nullopt;
  return from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

int Date::year() const { return civil_from_days(days).year; }
unsigned Date::month() const { return civil_from_days(days).month; }
unsigned Date::day() const { return civil_from_days(days).day; }

namespace {

// Digits of `value` right-aligned in `width` places at `at`, with leading zeros.
void put_digits(std::string& text, size_t at, unsigned value, size_t width) {
  for (size_t i = width; i-- > 0; value /= 10) text[at + i] = static_cast<char>('0' + value % 10);
}

}  // namespace

// Reports write a date for every point of every chart: digit by digit, not through
// a format string, for the years a plan can hold.
std::string Date::to_string() const {
  const Civil c = civil_from_days(days);
  if (c.year < 0 || c.year > 9999) return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
  std::string text = "0000-00-00";
  put_digits(text, 0, static_cast<unsigned>(c.year), 4);
  put_digits(text, 5, c.month, 2);
  put_digits(text, 8, c.day, 2);
  return text;
}

std::string Date::to_dmy_string() const {
  const Civil c = civil_from_days(days);
  if (c.year < 0 || c.year > 9999) return fmt::format("{:02}.{:02}.{:04}", c.day, c.month, c.year);
  std::string text = "00.00.0000";
  put_digits(text, 0, c.day, 2);
  put_digits(text, 3, c.month, 2);
  put_digits(text, 6, static_cast<unsigned>(c.year), 4);
  return text;
}

}  // namespace iooi
