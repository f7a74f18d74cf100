#include "iooi/util/decimal_text.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <random>

namespace iooi {
namespace {

std::string one_decimal(double value) {
  std::string out = "<";
  append_one_decimal(out, value);
  return out;
}

void expect_as_fmt(double value) {
  INFO(fmt::format("{:.17g}", value));
  CHECK(one_decimal(value) == "<" + fmt::format("{:.1f}", value));
}

TEST_CASE("append_one_decimal writes what {:.1f} writes") {
  CHECK(one_decimal(72) == "<72.0");
  CHECK(one_decimal(0.04) == "<0.0");
  CHECK(one_decimal(-0.04) == "<-0.0");
  CHECK(one_decimal(-0.0) == "<-0.0");
  CHECK(one_decimal(221.96) == "<222.0");
  CHECK(one_decimal(-12.34) == "<-12.3");
  // Ties round to even, as fmt rounds them.
  CHECK(one_decimal(0.25) == "<0.2");
  CHECK(one_decimal(0.75) == "<0.8");
  CHECK(one_decimal(-2.25) == "<-2.2");
  for (double special :
       {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
        std::numeric_limits<double>::quiet_NaN(), 1e14, 1e15, 1e300, 5e-324}) {
    expect_as_fmt(special);
  }
  // Every exact quarter and twentieth up to 700, then random coordinates.
  for (int i = -2800; i <= 2800; ++i) expect_as_fmt(i / 4.0);
  for (int i = -14000; i <= 14000; ++i) expect_as_fmt(i / 20.0);
  std::mt19937_64 random(20261202);
  std::uniform_real_distribution<double> coordinate(-700.0, 700.0);
  std::uniform_real_distribution<double> exponent(-12.0, 14.0);
  for (int i = 0; i < 200000; ++i) {
    expect_as_fmt(coordinate(random));
    expect_as_fmt(std::pow(10.0, exponent(random)) * (i % 2 == 0 ? 1 : -1));
  }
}

}  // namespace
}  // namespace iooi
