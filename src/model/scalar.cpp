#include "scalar.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>

namespace iooi {
namespace {

using yaml::Node;
using yaml::NodeKind;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Not empty, and every character passes.
bool all_of(std::string_view text, bool (*pred)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), pred);
}

bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_octal(char c) { return c >= '0' && c <= '7'; }

// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool is_core_float(std::string_view t) {
  size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  size_t int_digits = 0;
  while (i < t.size() && is_digit(t[i])) ++i, ++int_digits;
  size_t frac_digits = 0;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && is_digit(t[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < t.size() && is_digit(t[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == t.size();
}

bool is_core_int(std::string_view t) {
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.remove_prefix(1);
  return all_of(t, is_digit);
}

// Converts text already known to be a core-schema number; sets overflow when the
// magnitude exceeds max_plan_magnitude (tiny values underflow to zero quietly).
Scalar to_number(std::string_view text, ScalarKind kind) {
  std::string_view digits = text;
  if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);
  double value = 0.0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error == std::errc::result_out_of_range) {
    std::string copy(digits);
    value = std::strtod(copy.c_str(), nullptr);
  } else if (error != std::errc() || end != digits.data() + digits.size()) {
    return Scalar{ScalarKind::text};
  }
  if (!std::isfinite(value) || std::fabs(value) > max_plan_magnitude) {
    return Scalar{ScalarKind::overflow};
  }
  return Scalar{kind, value};
}

Scalar radix_number(std::string_view digits, int base) {
  // Accumulate in double: huge literals stay finite up to ~1e308 and then overflow.
  double value = 0.0;
  for (char c : digits) {
    int d = is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    value = value * base + d;
  }
  if (!std::isfinite(value) || value > max_plan_magnitude) return Scalar{ScalarKind::overflow};
  return Scalar{ScalarKind::integer, value};
}

}  // namespace

Scalar classify_plain(std::string_view t) {
  if (t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL") {
    return Scalar{ScalarKind::null};
  }
  if (t == "true" || t == "True" || t == "TRUE") return Scalar{ScalarKind::boolean, 0, true};
  if (t == "false" || t == "False" || t == "FALSE") return Scalar{ScalarKind::boolean, 0, false};
  std::string_view unsigned_t = t;
  if (!unsigned_t.empty() && (unsigned_t[0] == '-' || unsigned_t[0] == '+')) {
    unsigned_t.remove_prefix(1);
  }
  if (unsigned_t == ".inf" || unsigned_t == ".Inf" || unsigned_t == ".INF" || t == ".nan" ||
      t == ".NaN" || t == ".NAN") {
    return Scalar{ScalarKind::non_finite};
  }
  if (t.size() > 2 && t[0] == '0' && t[1] == 'x' && all_of(t.substr(2), is_hex)) {
    return radix_number(t.substr(2), 16);
  }
  if (t.size() > 2 && t[0] == '0' && t[1] == 'o' && all_of(t.substr(2), is_octal)) {
    return radix_number(t.substr(2), 8);
  }
  if (is_core_int(t)) return to_number(t, ScalarKind::integer);
  if (is_core_float(t)) return to_number(t, ScalarKind::floating);
  return Scalar{ScalarKind::text};
}

Scalar classify_scalar(const Node* node) {
  if (node == nullptr || node->kind == NodeKind::null) return Scalar{ScalarKind::null};
  if (node->kind != NodeKind::scalar || node->quoted) return Scalar{ScalarKind::text};
  return classify_plain(node->value);
}

bool is_plain_number(std::string_view text) {
  const ScalarKind kind = classify_plain(text).kind;
  return kind == ScalarKind::integer || kind == ScalarKind::floating;
}

}  // namespace iooi
