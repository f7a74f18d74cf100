#include "change_marks.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "i18n.h"

namespace iooi {
namespace {

constexpr std::array<std::string_view, 8> blocks = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
constexpr size_t flat_block = 3;  // ▄: equal values sit mid-height, neither low nor high

// A signed magnitude ("+12 pp", "-10 kWh", "±0 kWh") with a direction mark in front and
// a real minus sign: "▲ +12 pp", "▼ −10 kWh", "= 0 kWh".
std::string marked(const std::string& signed_text) {
  if (signed_text.starts_with("+")) return "▲ " + signed_text;
  if (signed_text.starts_with("-")) return "▼ −" + signed_text.substr(1);
  if (signed_text.starts_with("±")) return "= " + signed_text.substr(std::string_view("±").size());
  return signed_text;
}

std::string points_text(double delta, std::string_view language) {
  // Whole points: "+0.4 pp" would claim a precision that check-ins rarely have.
  const double points = std::round(delta * 100.0);
  return marked(i18n::signed_change(points == 0.0 ? 0.0 : points, "%", language));
}

}  // namespace

std::string sparkline(const std::vector<ValuePoint>& history, MeasureType type, size_t max_points) {
  std::vector<double> values;
  const size_t first = history.size() > max_points ? history.size() - max_points : 0;
  for (size_t i = first; i < history.size(); ++i) {
    const Value& value = history[i].value;
    if (value.kind == Value::Kind::number) values.push_back(value.number);
    if (value.kind == Value::Kind::boolean) values.push_back(value.flag ? 1.0 : 0.0);
  }
  if (values.empty()) return {};
  double low = *std::min_element(values.begin(), values.end());
  double high = *std::max_element(values.begin(), values.end());
  if (type == MeasureType::milestone) {
    low = 0.0;  // reached or not: the same two heights in every row
    high = 1.0;
  }
  std::string line;
  for (double value : values) {
    size_t level = flat_block;
    if (high > low) {
      const double share = (value - low) / (high - low);
      level = std::min(
          blocks.size() - 1,
          static_cast<size_t>(std::lround(share * static_cast<double>(blocks.size() - 1))));
    }
    line += blocks[level];
  }
  return line;
}

std::string change_text(const std::optional<SinceResult>& since, const MeasureResult* measure,
                        std::string_view language) {
  if (!since) return {};
  if (since->delta) return points_text(*since->delta, language);
  if (measure != nullptr && measure->type == MeasureType::monitor &&
      measure->value.kind == Value::Kind::number && since->value_then.kind == Value::Kind::number) {
    return marked(i18n::signed_change(measure->value.number - since->value_then.number,
                                      measure->unit, language));
  }
  return {};
}

}  // namespace iooi
