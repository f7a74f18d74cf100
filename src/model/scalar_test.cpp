#include "scalar.h"

#include <doctest/doctest.h>

#include <string_view>

namespace iooi {
namespace {

ScalarKind kind_of(std::string_view text) { return classify_plain(text).kind; }

TEST_CASE("scalar: null, booleans and non-finite numbers in their core-schema spellings") {
  for (std::string_view text : {"", "~", "null", "Null", "NULL"}) {
    CAPTURE(text);
    CHECK(kind_of(text) == ScalarKind::null);
  }
  for (std::string_view text : {"true", "True", "TRUE"}) {
    CAPTURE(text);
    CHECK(kind_of(text) == ScalarKind::boolean);
    CHECK(classify_plain(text).flag);
  }
  for (std::string_view text : {"false", "False", "FALSE"}) {
    CAPTURE(text);
    CHECK(kind_of(text) == ScalarKind::boolean);
    CHECK_FALSE(classify_plain(text).flag);
  }
  for (std::string_view text : {".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN"}) {
    CAPTURE(text);
    CHECK(kind_of(text) == ScalarKind::non_finite);
  }
  // YAML 1.1 words and other cases are text in the core schema.
  for (std::string_view text : {"yes", "no", "on", "off", "nULL", "tRUE", "-.nan", "inf"}) {
    CAPTURE(text);
    CHECK(kind_of(text) == ScalarKind::text);
  }
}

TEST_CASE("scalar: integers in decimal, hex and octal, with their values") {
  CHECK(classify_plain("42").number == 42);
  CHECK(classify_plain("-7").number == -7);
  CHECK(classify_plain("+7").number == 7);
  CHECK(classify_plain("007").number == 7);
  CHECK(classify_plain("0x1F").number == 31);
  CHECK(classify_plain("0o17").number == 15);
  for (std::string_view text : {"42", "-7", "+7", "0x1F", "0o17", "0"}) {
    CAPTURE(text);
    CHECK(kind_of(text) == ScalarKind::integer);
  }
  // Hex and octal take no sign and need digits; 0o8 is no octal digit.
  for (std::string_view text : {"0x", "0o", "-0x10", "0o8", "0xG", "0b101", "1_000"}) {
    CAPTURE(text);
    CHECK(kind_of(text) == ScalarKind::text);
  }
}

TEST_CASE("scalar: floats follow the core-schema pattern") {
  CHECK(classify_plain("2.5").number == 2.5);
  CHECK(classify_plain("-.5").number == -0.5);
  CHECK(classify_plain("1e3").number == 1000);
  for (std::string_view text : {"2.5", "-.5", "+1.", "1e3", "1.5E-2", "0.0"}) {
    CAPTURE(text);
    CHECK(kind_of(text) == ScalarKind::floating);
  }
  for (std::string_view text :
       {".", "+", "1e", "e3", "1.2.3", "97,5", "44%", "1 000", "2026-03-01"}) {
    CAPTURE(text);
    CHECK(kind_of(text) == ScalarKind::text);
  }
}

TEST_CASE("scalar: magnitudes above 1e15 overflow, tiny ones are zero") {
  CHECK(kind_of("1e15") == ScalarKind::floating);
  CHECK(kind_of("1000000000000000") == ScalarKind::integer);
  for (std::string_view text : {"1e16", "-1e16", "10000000000000001", "0x4000000000000", "1e400",
                                "0o777777777777777777777"}) {
    CAPTURE(text);
    CHECK(kind_of(text) == ScalarKind::overflow);
  }
  CHECK(kind_of("1e-400") == ScalarKind::floating);
  CHECK(classify_plain("1e-400").number == 0.0);
}

TEST_CASE("scalar: nodes: missing and null nodes are null, quoted scalars and collections text") {
  CHECK(classify_scalar(nullptr).kind == ScalarKind::null);
  yaml::Node node;
  CHECK(classify_scalar(&node).kind == ScalarKind::null);
  node.kind = yaml::NodeKind::scalar;
  node.value = "12";
  CHECK(classify_scalar(&node).kind == ScalarKind::integer);
  node.quoted = true;
  CHECK(classify_scalar(&node).kind == ScalarKind::text);
  node.quoted = false;
  node.kind = yaml::NodeKind::sequence;
  CHECK(classify_scalar(&node).kind == ScalarKind::text);
}

TEST_CASE("scalar: is_plain_number is true for finite numbers only") {
  CHECK(is_plain_number("12"));
  CHECK(is_plain_number("0.5"));
  CHECK_FALSE(is_plain_number(".inf"));
  CHECK_FALSE(is_plain_number("1e16"));
  CHECK_FALSE(is_plain_number("true"));
  CHECK_FALSE(is_plain_number("twelve"));
}

}  // namespace
}  // namespace iooi
