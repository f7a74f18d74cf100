#pragma once
// Plain YAML scalars typed by the YAML 1.2 core schema (docs/format.md, "Values"):
// null, booleans, integers (decimal, 0x hex, 0o octal) and floats. Quoted scalars
// are always text. Dates are not a core-schema type: fields that want a day parse
// the text themselves (util/date.h).
#include <cstdint>
#include <string_view>

#include "iooi/yaml/tree.h"

namespace iooi {

enum class ScalarKind : uint8_t { null, boolean, integer, floating, non_finite, overflow, text };

struct Scalar {
  ScalarKind kind = ScalarKind::text;
  double number = 0.0;  // integer, floating
  bool flag = false;    // boolean
};

// Plan numbers beyond this magnitude are rejected (ScalarKind::overflow): sums and
// differences of them (weights, target - baseline) must stay exact enough and finite
// in the roll-up.
inline constexpr double max_plan_magnitude = 1e15;

// The type of a plain (unquoted) scalar's text; the empty text is null.
Scalar classify_plain(std::string_view text);

// A missing node, a null node and an empty plain scalar are null; quoted scalars,
// lists and mappings are text (callers look at the node kind first).
Scalar classify_scalar(const yaml::Node* node);

// True when `text`, written without quotes, would be a finite number.
bool is_plain_number(std::string_view text);

}  // namespace iooi
