#pragma once
// Calendar days without time zones: the roll-up works on whole days only.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iooi {

struct Date {
  int32_t days = 0;  // days since 1970-01-01 (proleptic Gregorian)

  static Date from_ymd(int year, unsigned month, unsigned day);
  // Accepts exactly YYYY-MM-DD naming a real calendar day; nothing else.
  static std::optional<Date> parse(std::string_view text);

  int year() const;
  unsigned month() const;
  unsigned day() const;
  std::string to_string() const;      // YYYY-MM-DD
  std::string to_dmy_string() const;  // DD.MM.YYYY

  friend auto operator<=>(Date, Date) = default;
  friend int32_t operator-(Date b, Date a) { return b.days - a.days; }
  Date plus_days(int32_t n) const { return Date{days + n}; }
};

bool is_leap_year(int year);
unsigned days_in_month(int year, unsigned month);

}  // namespace iooi
