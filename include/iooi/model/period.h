#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "iooi/model/plan.h"
#include "iooi/util/date.h"

namespace iooi {

struct Period {
  std::string id;
  Date start, end;  // closed range [start, end]
};

// Built-in ids: YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-MM.
std::optional<Period> builtin_period(std::string_view id);
// Custom periods of plan.periods first, then built-in ones.
std::optional<Period> find_period(std::string_view id, const Config& config);
Period quarter_containing(Date day);
bool overlaps(const Period& a, const Period& b);

}  // namespace iooi
