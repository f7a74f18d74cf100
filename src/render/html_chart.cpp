// The burn-up chart of one measure, drawn as inline SVG: its value at each check-in
// day (MeasureResult::history), the planned path from (start, baseline) through the
// interim targets to (end, target) (docs/progress.md), the target line or threshold
// band and the as-of day, with value and date axes in the report's language. Every
// number is also in the table under the chart, and the caption says what it shows.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "html_parts.h"
#include "i18n.h"

namespace iooi::html {
namespace {

// The plot area inside a 640 x 262 view box: room on the left for the values, above
// it for the unit, below it for the dates and the legend.
constexpr double left = 72;
constexpr double right = 624;
constexpr double top = 26;
constexpr double bottom = 222;

struct Point {
  Date date;
  double value = 0.0;
};

double as_number(const Value& value) {
  return value.kind == Value::Kind::boolean ? (value.flag ? 1.0 : 0.0) : value.number;
}

// The corners of the planned path; empty without a number target and window.
std::vector<Point> planned_path(const MeasureResult& m) {
  if (!m.planned || !m.window || !m.baseline || !m.target) return {};
  std::vector<Point> path{{m.window->start, *m.baseline}};
  for (const InterimTarget& interim : m.interim_targets) {
    // Out-of-order or outside dates are findings of interim-targets; the path skips them.
    if (interim.date <= path.back().date || interim.date >= m.window->end) continue;
    path.push_back({interim.date, interim.value});
  }
  path.push_back({m.window->end, *m.target});
  return path;
}

struct Scale {
  Date first, last;
  double low = 0.0, high = 1.0, step = 1.0;

  double x(Date day) const {
    return left + (right - left) * static_cast<double>(day - first) / (last - first);
  }
  double y(double value) const { return bottom - (bottom - top) * (value - low) / (high - low); }
};

// A step of 1, 2 or 5 times a power of ten that cuts the range into about four parts.
double nice_step(double range) {
  const double rough = range / 4.0;
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  for (double factor : {1.0, 2.0, 5.0}) {
    if (factor * power >= rough) return factor * power;
  }
  return 10.0 * power;
}

Scale scale_of(const MeasureResult& m, const std::vector<Point>& points,
               const std::vector<Point>& path, Date as_of) {
  Scale scale{points.front().date, std::max(points.back().date, as_of)};
  std::vector<double> values;
  values.reserve(points.size() + path.size() + 2);
  for (const Point& point : points) values.push_back(point.value);
  for (const Point& point : path) values.push_back(point.value);
  if (m.target) values.push_back(*m.target);
  if (m.threshold.kind != ThresholdKind::none) {
    if (m.threshold.kind != ThresholdKind::at_most) values.push_back(m.threshold.low);
    if (m.threshold.kind != ThresholdKind::at_least) values.push_back(m.threshold.high);
  }
  if (m.window) {
    scale.first = std::min(scale.first, m.window->start);
    scale.last = std::max(scale.last, m.window->end);
  }
  if (scale.last == scale.first) scale.last = scale.first.plus_days(1);
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  double from = *low;
  double to = *high;
  if (m.type == MeasureType::milestone) {
    from = 0.0;
    to = 1.0;
  }
  if (to - from < 1e-9) {  // one value: a band of 1 around it
    from -= 1.0;
    to += 1.0;
  }
  scale.step = nice_step(to - from);
  scale.low = std::floor(from / scale.step) * scale.step;
  scale.high = std::ceil(to / scale.step) * scale.step;
  return scale;
}

std::string polyline(const Scale& scale, const std::vector<Point>& points, std::string_view cls) {
  std::string coordinates;
  for (const Point& point : points) {
    if (!coordinates.empty()) coordinates += ' ';
    coordinates += fmt::format("{:.1f},{:.1f}", scale.x(point.date), scale.y(point.value));
  }
  return fmt::format("<polyline class=\"{}\" points=\"{}\"/>", cls, coordinates);
}

std::string value_label(const MeasureResult& m, double value, std::string_view language) {
  if (m.type == MeasureType::milestone) {
    const i18n::Labels& l = i18n::labels(language);
    return std::string(value >= 0.5 ? l.yes : l.no);
  }
  return text(i18n::with_unit(value, m.unit, language));
}

// The numbers of the value axis, with the unit once above them.
std::string tick_label(const MeasureResult& m, double value, std::string_view language) {
  if (m.type == MeasureType::milestone) return value_label(m, value, language);
  return i18n::number(value, language);
}

std::string value_axis(const MeasureResult& m, const Scale& scale, std::string_view language) {
  std::string out;
  if (!m.unit.empty() && m.type != MeasureType::milestone) {
    out += fmt::format("<text class=\"tick unit\" x=\"4\" y=\"14\">{}</text>", text(m.unit));
  }
  const auto ticks = static_cast<int>(std::round((scale.high - scale.low) / scale.step));
  for (int i = 0; i <= ticks; ++i) {
    const double value = scale.low + i * scale.step;
    if (m.type == MeasureType::milestone && value != 0.0 && value != 1.0) continue;
    const double y = scale.y(value);
    out += fmt::format(
        "<line class=\"grid\" x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>"
        "<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>",
        left, right, y, y, left - 6, y + 4, tick_label(m, value, language));
  }
  return out;
}

std::string date_axis(const Scale& scale, std::string_view language) {
  return fmt::format(
      "<line class=\"axis\" x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\"/>"
      "<text class=\"tick\" x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"start\">{4}</text>"
      "<text class=\"tick\" x=\"{1:.1f}\" y=\"{3:.1f}\" text-anchor=\"end\">{5}</text>",
      left, right, bottom, bottom + 18, i18n::date(scale.first, language),
      i18n::date(scale.last, language));
}

// The band a threshold asks for, or the line of a number target.
std::string target_marks(const MeasureResult& m, const Scale& scale) {
  const auto band = [&](double from, double to) {
    const double y_top = scale.y(std::min(to, scale.high));
    const double y_bottom = scale.y(std::max(from, scale.low));
    return fmt::format(
        "<rect class=\"band\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"/>", left,
        y_top, right - left, std::max(0.0, y_bottom - y_top));
  };
  switch (m.threshold.kind) {
    case ThresholdKind::at_least:
      return band(m.threshold.low, scale.high);
    case ThresholdKind::at_most:
      return band(scale.low, m.threshold.high);
    case ThresholdKind::between:
      return band(m.threshold.low, m.threshold.high);
    case ThresholdKind::none:
      break;
  }
  if (!m.target) return "";
  const double y = scale.y(*m.target);
  return fmt::format(
      "<line class=\"target\" x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>", left,
      right, y, y);
}

std::string as_of_mark(const Scale& scale, Date as_of, std::string_view language) {
  const double x = scale.x(as_of);
  const bool label_left = x > (left + right) / 2;
  return fmt::format(
      "<line class=\"as-of\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\"/>"
      "<text class=\"tick\" x=\"{3:.1f}\" y=\"{4:.1f}\" text-anchor=\"{5}\">{6} {7}</text>",
      x, top, bottom, label_left ? x - 4 : x + 4, top + 10, label_left ? "end" : "start",
      i18n::labels(language).as_of, i18n::date(as_of, language));
}

std::string checkin_marks(const Scale& scale, const std::vector<Point>& points) {
  std::string out = polyline(scale, points, "values");
  for (const Point& point : points) {
    out += fmt::format("<circle class=\"value\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\"/>",
                       scale.x(point.date), scale.y(point.value));
  }
  return out;
}

std::string legend(const MeasureResult& m, const std::vector<Point>& path,
                   std::string_view language) {
  const i18n::Labels& l = i18n::labels(language);
  std::string out = fmt::format(
      "<line class=\"values\" x1=\"72\" x2=\"92\" y1=\"250\" y2=\"250\"/>"
      "<text class=\"tick\" x=\"96\" y=\"254\">{}</text>",
      l.value);
  double x = 200;
  if (!path.empty()) {
    out += fmt::format(
        "<line class=\"planned\" x1=\"{0}\" x2=\"{1}\" y1=\"250\" y2=\"250\"/>"
        "<text class=\"tick\" x=\"{2}\" y=\"254\">{3}</text>",
        x, x + 20, x + 24, labels(language).planned);
    x += 130;
  }
  if (m.threshold.kind != ThresholdKind::none) {
    out += fmt::format(
        "<rect class=\"band\" x=\"{0}\" y=\"244\" width=\"20\" height=\"12\"/>"
        "<text class=\"tick\" x=\"{1}\" y=\"254\">{2}</text>",
        x, x + 24, labels(language).target_band);
  } else if (m.target) {
    out += fmt::format(
        "<line class=\"target\" x1=\"{0}\" x2=\"{1}\" y1=\"250\" y2=\"250\"/>"
        "<text class=\"tick\" x=\"{2}\" y=\"254\">{3}</text>",
        x, x + 20, x + 24, l.target);
  }
  return out;
}

std::string caption(const MeasureResult& m, const std::vector<Point>& points, Date as_of,
                    std::string_view language) {
  const Labels& hl = labels(language);
  const std::string name = text(m.title.empty() ? m.id : m.title);
  std::string out = fmt::format(fmt::runtime(hl.chart_caption), name) + " ";
  const std::string latest = value_label(m, points.back().value, language);
  if (points.size() == 1) {
    out +=
        fmt::format(fmt::runtime(hl.chart_point), i18n::date(points.back().date, language), latest);
  } else {
    out += fmt::format(fmt::runtime(hl.chart_points), points.size(),
                       i18n::date(points.front().date, language),
                       i18n::date(points.back().date, language), latest);
  }
  if (m.threshold.kind != ThresholdKind::none) {
    out += " " + fmt::format(fmt::runtime(hl.chart_threshold), target_text(m, language));
  } else if (m.target && m.window) {
    out += " " + fmt::format(fmt::runtime(hl.chart_target), target_text(m, language),
                             i18n::date(m.window->end, language));
  }
  if (m.planned) {
    // The planned value is a share of the way: two decimals say it.
    const double planned = std::round(*m.planned * 100.0) / 100.0;
    out += " " + fmt::format(fmt::runtime(hl.chart_planned), i18n::date(as_of, language),
                             value_label(m, planned, language));
  }
  return out;
}

std::string numbers_table(const MeasureResult& m, const std::vector<Point>& points,
                          std::string_view language) {
  std::string out = fmt::format(
      "<table class=\"numbers\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" "
      "class=\"num\">{}</th></tr></thead><tbody>",
      labels(language).date, i18n::labels(language).value);
  for (const Point& point : points) {
    out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td></tr>",
                       i18n::date(point.date, language), value_label(m, point.value, language));
  }
  return out + "</tbody></table>";
}

}  // namespace

std::string burnup_figure(const MeasureResult& measure, Date as_of, std::string_view language,
                          std::string_view id) {
  if (measure.history.empty()) return "";
  std::vector<Point> points;
  for (const ValuePoint& point : measure.history) {
    if (point.value.kind != Value::Kind::none && std::isfinite(as_number(point.value))) {
      points.push_back({point.date, as_number(point.value)});
    }
  }
  if (points.empty()) return "";
  const std::vector<Point> path = planned_path(measure);
  const Scale scale = scale_of(measure, points, path, as_of);
  // Values so far apart that their range is not a number: the table alone says it.
  if (!std::isfinite(scale.high - scale.low) || !std::isfinite(scale.step)) return "";
  std::string out = fmt::format(
      "<figure class=\"chart\"><svg class=\"burnup\" viewBox=\"0 0 640 262\" role=\"img\" "
      "aria-labelledby=\"{0}-caption\" xmlns=\"http://www.w3.org/2000/svg\">",
      id);
  out += target_marks(measure, scale);
  out += value_axis(measure, scale, language);
  out += date_axis(scale, language);
  if (!path.empty()) out += polyline(scale, path, "planned");
  out += checkin_marks(scale, points);
  out += as_of_mark(scale, as_of, language);
  out += legend(measure, path, language);
  out += fmt::format("</svg><figcaption id=\"{}-caption\">{}</figcaption>", id,
                     caption(measure, points, as_of, language));
  out += numbers_table(measure, points, language);
  return out + "</figure>\n";
}

}  // namespace iooi::html
