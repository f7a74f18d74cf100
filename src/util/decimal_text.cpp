#include "iooi/util/decimal_text.h"

#include <fmt/format.h>

#include <cmath>
#include <iterator>

namespace iooi {

void append_one_decimal(std::string& out, double value) {
  const double tenths = std::fabs(value) * 10.0;
  const double rounded = std::round(tenths);
  // A tie (exactly x.x5) rounds to even in fmt; rounding a product never crosses a
  // tie without landing on it, so everything else rounds the same either way.
  if (!(tenths < 1e15) || std::fabs(tenths - rounded) == 0.5) {
    fmt::format_to(std::back_inserter(out), "{:.1f}", value);
    return;
  }
  if (std::signbit(value)) out += '-';
  const auto whole = static_cast<long long>(rounded);
  out += fmt::format_int(whole / 10).str();
  out += '.';
  out += static_cast<char>('0' + whole % 10);
}

}  // namespace iooi
