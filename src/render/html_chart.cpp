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
#include "iooi/util/decimal_text.h"

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

// Writes a figure: the text around the numbers goes in as it is, each number through
// append_one_decimal, each label of the measure through the unit escaped once.
class FigureWriter {
 public:
  FigureWriter(std::string& out, const MeasureResult& measure, std::string_view language)
      : out_(out),
        measure_(measure),
        language_(language),
        unit_suffix_(text(i18n::unit_suffix(measure.unit, language))) {}

  FigureWriter& operator<<(std::string_view raw) {
    out_ += raw;
    return *this;
  }
  FigureWriter& operator<<(double coordinate) {
    append_one_decimal(out_, coordinate);
    return *this;
  }

  // The value with its unit, escaped ("1.200 Personen"); yes/no for a milestone.
  void append_value(std::string& to, double number) const {
    if (measure_.type == MeasureType::milestone) {
      const i18n::Labels& l = i18n::labels(language_);
      to += number >= 0.5 ? l.yes : l.no;
      return;
    }
    to += i18n::number(number, language_);
    to += unit_suffix_;
  }
  void value(double number) { append_value(out_, number); }
  std::string value_text(double number) const {
    std::string shown;
    append_value(shown, number);
    return shown;
  }

  void polyline(const Scale& scale, const std::vector<Point>& points, std::string_view cls) {
    *this << "<polyline class=\"" << cls << "\" points=\"";
    for (size_t i = 0; i < points.size(); ++i) {
      if (i > 0) out_ += ' ';
      *this << scale.x(points[i].date) << "," << scale.y(points[i].value);
    }
    out_ += "\"/>";
  }

  // The numbers of the value axis, with the unit once above them.
  void value_axis(const Scale& scale) {
    const MeasureResult& m = measure_;
    if (!m.unit.empty() && m.type != MeasureType::milestone) {
      *this << "<text class=\"tick unit\" x=\"4\" y=\"14\">" << text(m.unit) << "</text>";
    }
    const auto ticks = static_cast<int>(std::round((scale.high - scale.low) / scale.step));
    for (int i = 0; i <= ticks; ++i) {
      const double tick = scale.low + i * scale.step;
      if (m.type == MeasureType::milestone && tick != 0.0 && tick != 1.0) continue;
      const double y = scale.y(tick);
      *this << "<line class=\"grid\" x1=\"" << left << "\" x2=\"" << right << "\" y1=\"" << y
            << "\" y2=\"" << y << "\"/><text class=\"tick\" x=\"" << left - 6 << "\" y=\"" << y + 4
            << "\" text-anchor=\"end\">";
      if (m.type == MeasureType::milestone) {
        value(tick);
      } else {
        out_ += i18n::number(tick, language_);
      }
      out_ += "</text>";
    }
  }

  void date_axis(const Scale& scale) {
    *this << "<line class=\"axis\" x1=\"" << left << "\" x2=\"" << right << "\" y1=\"" << bottom
          << "\" y2=\"" << bottom << "\"/><text class=\"tick\" x=\"" << left << "\" y=\""
          << bottom + 18 << "\" text-anchor=\"start\">" << i18n::date(scale.first, language_)
          << "</text><text class=\"tick\" x=\"" << right << "\" y=\"" << bottom + 18
          << "\" text-anchor=\"end\">" << i18n::date(scale.last, language_) << "</text>";
  }

  // The band a threshold asks for, or the line of a number target.
  void target_marks(const Scale& scale) {
    const MeasureResult& m = measure_;
    const auto band = [&](double from, double to) {
      const double y_top = scale.y(std::min(to, scale.high));
      const double y_bottom = scale.y(std::max(from, scale.low));
      *this << "<rect class=\"band\" x=\"" << left << "\" y=\"" << y_top << "\" width=\""
            << right - left << "\" height=\"" << std::max(0.0, y_bottom - y_top) << "\"/>";
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
    if (!m.target) return;
    const double y = scale.y(*m.target);
    *this << "<line class=\"target\" x1=\"" << left << "\" x2=\"" << right << "\" y1=\"" << y
          << "\" y2=\"" << y << "\"/>";
  }

  void as_of_mark(const Scale& scale, Date as_of) {
    const double x = scale.x(as_of);
    const bool label_left = x > (left + right) / 2;
    *this << "<line class=\"as-of\" x1=\"" << x << "\" x2=\"" << x << "\" y1=\"" << top
          << "\" y2=\"" << bottom << "\"/><text class=\"tick\" x=\"" << (label_left ? x - 4 : x + 4)
          << "\" y=\"" << top + 10 << "\" text-anchor=\"" << (label_left ? "end" : "start") << "\">"
          << i18n::labels(language_).as_of << " " << i18n::date(as_of, language_) << "</text>";
  }

  void checkin_marks(const Scale& scale, const std::vector<Point>& points) {
    polyline(scale, points, "values");
    for (const Point& point : points) {
      *this << "<circle class=\"value\" cx=\"" << scale.x(point.date) << "\" cy=\""
            << scale.y(point.value) << "\" r=\"3.5\"/>";
    }
  }

  void legend(bool with_path) {
    const MeasureResult& m = measure_;
    const i18n::Labels& l = i18n::labels(language_);
    fmt::format_to(std::back_inserter(out_),
                   "<line class=\"values\" x1=\"72\" x2=\"92\" y1=\"250\" y2=\"250\"/>"
                   "<text class=\"tick\" x=\"96\" y=\"254\">{}</text>",
                   l.value);
    double x = 200;
    if (with_path) {
      fmt::format_to(std::back_inserter(out_),
                     "<line class=\"planned\" x1=\"{0}\" x2=\"{1}\" y1=\"250\" y2=\"250\"/>"
                     "<text class=\"tick\" x=\"{2}\" y=\"254\">{3}</text>",
                     x, x + 20, x + 24, labels(language_).planned);
      x += 130;
    }
    if (m.threshold.kind != ThresholdKind::none) {
      fmt::format_to(std::back_inserter(out_),
                     "<rect class=\"band\" x=\"{0}\" y=\"244\" width=\"20\" height=\"12\"/>"
                     "<text class=\"tick\" x=\"{1}\" y=\"254\">{2}</text>",
                     x, x + 24, labels(language_).target_band);
    } else if (m.target) {
      fmt::format_to(std::back_inserter(out_),
                     "<line class=\"target\" x1=\"{0}\" x2=\"{1}\" y1=\"250\" y2=\"250\"/>"
                     "<text class=\"tick\" x=\"{2}\" y=\"254\">{3}</text>",
                     x, x + 20, x + 24, l.target);
    }
  }

  void caption(const std::vector<Point>& points, Date as_of) {
    const MeasureResult& m = measure_;
    const Labels& hl = labels(language_);
    const std::string name = text(m.title.empty() ? m.id : m.title);
    const auto add = [&](std::string_view format, auto&&... args) {
      fmt::format_to(std::back_inserter(out_), fmt::runtime(format), args...);
    };
    add(hl.chart_caption, name);
    out_ += ' ';
    const std::string latest = value_text(points.back().value);
    if (points.size() == 1) {
      add(hl.chart_point, i18n::date(points.back().date, language_), latest);
    } else {
      add(hl.chart_points, points.size(), i18n::date(points.front().date, language_),
          i18n::date(points.back().date, language_), latest);
    }
    if (m.threshold.kind != ThresholdKind::none) {
      out_ += ' ';
      add(hl.chart_threshold, target_text(m, language_));
    } else if (m.target && m.window) {
      out_ += ' ';
      add(hl.chart_target, target_text(m, language_), i18n::date(m.window->end, language_));
    }
    if (m.planned) {
      // The planned value is a share of the way: two decimals say it.
      const double planned = std::round(*m.planned * 100.0) / 100.0;
      out_ += ' ';
      add(hl.chart_planned, i18n::date(as_of, language_), value_text(planned));
    }
  }

  void numbers_table(const std::vector<Point>& points) {
    fmt::format_to(std::back_inserter(out_),
                   "<table class=\"numbers\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" "
                   "class=\"num\">{}</th></tr></thead><tbody>",
                   labels(language_).date, i18n::labels(language_).value);
    for (const Point& point : points) {
      *this << "<tr><td>" << i18n::date(point.date, language_) << "</td><td class=\"num\">";
      value(point.value);
      out_ += "</td></tr>";
    }
    out_ += "</tbody></table>";
  }

 private:
  std::string& out_;
  const MeasureResult& measure_;
  std::string_view language_;
  std::string unit_suffix_;  // what follows a number: "", "%" or " " and the escaped unit
};

}  // namespace

void append_burnup_figure(std::string& out, const MeasureResult& measure, Date as_of,
                          std::string_view language, std::string_view id) {
  const std::vector<ValuePoint> history = history_of(measure, as_of);
  std::vector<Point> points;
  points.reserve(history.size());
  for (const ValuePoint& point : history) {
    if (point.value.kind != Value::Kind::none && std::isfinite(as_number(point.value))) {
      points.push_back({point.date, as_number(point.value)});
    }
  }
  if (points.empty()) return;
  const std::vector<Point> path = planned_path(measure);
  const Scale scale = scale_of(measure, points, path, as_of);
  // Values so far apart that their range is not a number: the table alone says it.
  if (!std::isfinite(scale.high - scale.low) || !std::isfinite(scale.step)) return;
  FigureWriter figure(out, measure, language);
  figure << "<figure class=\"chart\"><svg class=\"burnup\" viewBox=\"0 0 640 262\" role=\"img\" "
            "aria-labelledby=\""
         << id << "-caption\" xmlns=\"http://www.w3.org/2000/svg\">";
  figure.target_marks(scale);
  figure.value_axis(scale);
  figure.date_axis(scale);
  if (!path.empty()) figure.polyline(scale, path, "planned");
  figure.checkin_marks(scale, points);
  figure.as_of_mark(scale, as_of);
  figure.legend(!path.empty());
  figure << "</svg><figcaption id=\"" << id << "-caption\">";
  figure.caption(points, as_of);
  figure << "</figcaption>";
  figure.numbers_table(points);
  figure << "</figure>\n";
}

}  // namespace iooi::html
