#include "iooi/model/period.h"

namespace iooi {
namespace {

// Parses exactly `count` ASCII digits at `text[offset]`; -1 when they are not there.
int parse_digits(std::string_view text, size_t offset, size_t count) {
  if (text.size() < offset + count) return -1;
  int value = 0;
  for (size_t i = offset; i < offset + count; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

Period make_period(std::string_view id, int year, unsigned first_month, unsigned last_month) {
  return Period{std::string(id), Date::from_ymd(year, first_month, 1),
                Date::from_ymd(year, last_month, days_in_month(year, last_month))};
}

}  // namespace

std::optional<Period> builtin_period(std::string_view id) {
  int year = parse_digits(id, 0, 4);
  if (year < 1) return std::nullopt;
  if (id.size() == 4) return make_period(id, year, 1, 12);
  if (id.size() != 7 || id[4] != '-') return std::nullopt;
  char kind = id[5];
  if (kind == 'H' || kind == 'Q') {
    int index = parse_digits(id, 6, 1);
    int count = kind == 'H' ? 2 : 4;
    if (index < 1 || index > count) return std::nullopt;
    unsigned months = 12 / count;
    unsigned first = (index - 1) * months + 1;
    return make_period(id, year, first, first + months - 1);
  }
  int month = parse_digits(id, 5, 2);
  if (month < 1 || month > 12) return std::nullopt;
  return make_period(id, year, month, month);
}

std::optional<Period> find_period(std::string_view id, const Config& config) {
  for (const PeriodDef& def : config.periods) {
    if (def.id == id) return Period{def.id, def.start, def.end};
  }
  return builtin_period(id);
}

Period quarter_containing(Date day) {
  int year = day.year();
  unsigned quarter = (day.month() - 1) / 3 + 1;
  std::string id = std::to_string(year);
  while (id.size() < 4) id.insert(id.begin(), '0');
  id += "-Q" + std::to_string(quarter);
  unsigned first = (quarter - 1) * 3 + 1;
  return make_period(id, year, first, first + 2);
}

bool overlaps(const Period& a, const Period& b) { return a.start <= b.end && b.start <= a.end; }

}  // namespace iooi
