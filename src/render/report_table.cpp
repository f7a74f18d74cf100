// `report --format table`: the terminal view. Columns are aligned by display
// width (umlauts take one column, CJK two), so padding happens on plain text and
// colour codes are wrapped around the padded cell afterwards. With a known width
// (README.md, Commands) every line fits it; user text is shown through
// terminal_text, so it cannot send escape sequences.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "change_marks.h"
#include "chunked_output.h"
#include "i18n.h"
#include "iooi/render/report_output.h"
#include "iooi/util/utf8.h"
#include "table_layout.h"

namespace iooi {
namespace {

constexpr size_t title_width = 40;  // titles without a known width
constexpr size_t min_title_width = 30;
constexpr int bar_cells = 10;

std::string_view ansi_of(Status status) {
  switch (status) {
    case Status::done:
      return "\x1b[1;32m";
    case Status::on_track:
      return "\x1b[32m";
    case Status::at_risk:
      return "\x1b[33m";
    case Status::off_track:
      return "\x1b[31m";
    case Status::none:
    case Status::no_data:
      return "\x1b[2m";
  }
  return "";
}
constexpr std::string_view ansi_reset = "\x1b[0m";
constexpr std::string_view ansi_bold = "\x1b[1m";

struct Cell {
  Cell(std::string_view text_, bool right_ = false, std::string_view color_ = {})
      : text(terminal_text(text_)), width(display_width(text)), right(right_), color(color_) {}
  std::string text;
  size_t width;  // display width of text, measured once: layouts ask for it many times
  bool right;
  std::string_view color;    // ANSI start sequence, empty for none
  bool moves_right = false;  // a header whose column is dropped moves to the empty next cell
};
using Row = std::vector<Cell>;

// Rows aligned by display width. With a known width (TableFit::width) the table fits it:
// titles are cut to the room that is left, columns dropped, and as a last resort each line
// is cut at the width, so that no row wraps. Without one, cells keep their natural widths.
class Table {
 public:
  Table(bool color, TableFit fit, std::string_view indent)
      : color_(color), fit_(std::move(fit)), indent_(indent) {
    fit_.indent = display_width(indent_);
  }
  void add(Row row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  size_t size() const { return rows_.size(); }

  // The widths of every row's columns; computed once, before rows are written.
  TableLayout layout() const {
    return fit_table(fit_, column_count(),
                     [this](const std::vector<bool>& shown) { return natural_widths(shown); });
  }

  void write(ChunkedOutput& out) const {
    const TableLayout widths = layout();
    for (size_t i = 0; i < rows_.size(); ++i) write_row(out, widths, i);
  }

  void write_row(ChunkedOutput& out, const TableLayout& widths, size_t index) const {
    std::string line(indent_);
    append_row(line, rows_[index], widths, fit_.indent);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    line += '\n';
    out << line;
  }

 private:
  size_t column_count() const {
    size_t count = 0;
    for (const Row& row : rows_) count = std::max(count, row.size());
    return count;
  }

  // The cell shown in column i: a header whose column is dropped moves into the empty next one.
  static const Cell& cell_of(const Row& row, size_t i, const std::vector<bool>& shown) {
    const bool takes_left = i > 0 && !shown[i - 1] && row[i].text.empty() && row[i - 1].moves_right;
    return takes_left ? row[i - 1] : row[i];
  }

  std::vector<size_t> natural_widths(const std::vector<bool>& shown) const {
    std::vector<size_t> widths(shown.size(), 0);
    for (const Row& row : rows_) {
      for (size_t i = 0; i < row.size(); ++i) {
        widths[i] = std::max(widths[i], cell_of(row, i, shown).width);
      }
    }
    return widths;
  }

  // Appends the shown cells; with a known width, stops there (cutting the last cell).
  void append_row(std::string& line, const Row& row, const TableLayout& layout, size_t used) const {
    bool first = true;
    for (size_t i = 0; i < row.size(); ++i) {
      if (!layout.shown[i]) continue;
      const size_t gap = first ? 0 : table_gap;
      first = false;
      // Padded or cut to the column, a cell is exactly as wide as its column.
      std::string cell = padded(row[i].right, cell_of(row, i, layout.shown), layout.widths[i]);
      size_t cell_width = layout.widths[i];
      const size_t room = fit_.width > used + gap ? fit_.width - used - gap : 0;
      const bool cut = fit_.width != 0 && cell_width > room;
      if (cut && room == 0) return;
      if (cut) {
        cell = truncate_to_width(cell, room);
        cell_width = display_width(cell);
      }
      line.append(gap, ' ');
      append_colored(line, row[i], cell);
      used += gap + cell_width;
      if (cut) return;
    }
  }

  static std::string padded(bool right, const Cell& shown, size_t width) {
    if (shown.width > width) {
      const std::string fitted = truncate_to_width(shown.text, width);
      return right ? pad_left(fitted, width) : pad_right(fitted, width);
    }
    std::string out;
    out.reserve(shown.text.size() + width - shown.width);
    if (right) out.append(width - shown.width, ' ');
    out += shown.text;
    if (!right) out.append(width - shown.width, ' ');
    return out;
  }

  void append_colored(std::string& line, const Cell& cell, const std::string& text) const {
    const bool colored = color_ && !cell.color.empty() && !cell.text.empty();
    if (colored) line += cell.color;
    line += text;
    if (colored) line += ansi_reset;
  }

  bool color_;
  TableFit fit_;
  std::string indent_;
  std::vector<Row> rows_;
};

std::string bar(const std::optional<double>& progress) {
  if (!progress) return std::string(bar_cells, ' ');
  const int filled = std::clamp(static_cast<int>(std::lround(*progress * bar_cells)), 0, bar_cells);
  std::string out;
  for (int i = 0; i < bar_cells; ++i) out += i < filled ? "█" : "░";
  return out;
}

Cell status_cell(Status status, const ReportOptions& options) {
  return Cell{std::string(i18n::status_label(status, options.language)), false, ansi_of(status)};
}

// A line outside the tables, cut to the width when one is known.
std::string fitted_line(std::string_view text, const ReportOptions& options) {
  const std::string shown = terminal_text(text);
  return options.width == 0 ? shown : truncate_to_width(shown, options.width);
}

void write_heading(ChunkedOutput& out, std::string_view text, const ReportOptions& options) {
  if (options.color) {
    out << ansi_bold << fitted_line(text, options) << ansi_reset << '\n';
  } else {
    out << fitted_line(text, options) << '\n';
  }
}

// With a known width the table gives titles the room that is left; without, 40 columns.
std::string title_text(std::string_view title, const ReportOptions& options) {
  const std::string shown = terminal_text(title);
  return options.width == 0 ? truncate_to_width(shown, title_width) : shown;
}

// Without a known width nothing is fitted: the layout is the same in every terminal.
TableFit table_fit(const ReportOptions& options, std::vector<size_t> drop_order) {
  TableFit fit;
  fit.width = options.width;
  fit.title_column = 1;
  fit.min_title = min_title_width;
  fit.drop_order = std::move(drop_order);
  return fit;
}

std::string optional_date(const std::optional<Date>& day, const std::string& language) {
  return day ? i18n::date(*day, language) : std::string(i18n::labels(language).none_value);
}

// "Plan · Period 2026-Q1 (2026-01-01 – 2026-03-31) · as of 2026-02-15"
void write_top_line(ChunkedOutput& out, const Report& report, const ReportOptions& options) {
  const std::string& lang = options.language;
  const i18n::Labels& l = i18n::labels(lang);
  std::string top = report.plan_name.empty() ? std::string(l.report_title) : report.plan_name;
  if (report.period) {
    top +=
        fmt::format(" · {} {} ({} – {})", l.period, report.period->id,
                    i18n::date(report.period->start, lang), i18n::date(report.period->end, lang));
  } else {
    top += fmt::format(" · {}", l.all_periods);
  }
  top += fmt::format(" · {} {}", l.as_of, i18n::date(report.as_of, lang));
  if (report.since) top += fmt::format(" · {} {}", l.change_since, i18n::date(*report.since, lang));
  write_heading(out, top, options);
}

// The change since --since goes right after the percentage it changes; without --since the
// column is not there at all (so the other columns keep their places and widths).
constexpr size_t element_change_column = 4;
constexpr size_t indicator_change_column = 6;
constexpr size_t key_result_change_column = 6;

// `row` with its change cell (at `column`) removed when the report has no --since.
Row with_change(Row row, size_t column, const Report& report) {
  if (!report.since) row.erase(row.begin() + static_cast<std::ptrdiff_t>(column));
  return row;
}

// A column index of a table whose change column is `change_column`, with or without it.
size_t column_of(size_t column, size_t change_column, const Report& report) {
  return report.since || column < change_column ? column : column - 1;
}

Cell change_cell(const std::optional<SinceResult>& since, const MeasureResult* measure,
                 const ReportOptions& options) {
  return Cell{change_text(since, measure, options.language), true};
}

// The measure's sparkline (docs/history.md), the undefined mark without check-ins.
Cell trend_cell(const MeasureResult& m, const Report& report, const ReportOptions& options) {
  const std::string line = sparkline(history_of(m, report.as_of), m.type);
  return Cell{line.empty() ? std::string(i18n::labels(options.language).none_value) : line};
}

Row element_row(const ElementResult& e, const Report& report, const ReportOptions& options) {
  return with_change({Cell{e.id}, Cell{title_text(e.title, options)},
                      Cell{bar(e.progress), false, ansi_of(e.status)},
                      Cell{i18n::percent(e.progress, options.language), true},
                      change_cell(e.since, nullptr, options), status_cell(e.status, options)},
                     element_change_column, report);
}

// No value, no verdict: a data gap shows no progress (it counts as 0 in roll-ups only).
std::optional<double> shown_progress(const MeasureResult& m) {
  return m.status == Status::no_data ? std::nullopt : m.progress;
}

// "14 % (+2 %)": a monitor's value and its change since the check-in before.
std::string monitor_value(const MeasureResult& m, const std::string& lang) {
  std::string text = i18n::measure_value(m.value, m.unit, lang);
  if (m.change) text += fmt::format(" ({})", i18n::signed_change(*m.change, m.unit, lang));
  return text;
}

// "390 / 800 people", "51 / ≤ 30 ha/d": value and target share the unit, written once.
std::string value_and_target(const MeasureResult& m, const std::string& lang) {
  if (m.type == MeasureType::monitor) return monitor_value(m, lang);
  std::string target;
  if (m.threshold.kind != ThresholdKind::none) {
    target = i18n::threshold(m.threshold, m.unit, lang);
  } else if (m.target) {
    target = i18n::with_unit(*m.target, m.unit, lang);
  } else {
    return i18n::measure_value(m.value, m.unit, lang);
  }
  if (m.value.kind == Value::Kind::number) {
    return fmt::format("{} / {}", i18n::number(m.value.number, lang), target);
  }
  return fmt::format("{} / {}", i18n::measure_value(m.value, m.unit, lang), target);
}

// Indicator rows have no header of their own, so expected progress says what it is.
Row indicator_row(const MeasureResult& m, const Report& report, const ReportOptions& options) {
  const std::string& lang = options.language;
  const i18n::Labels& l = i18n::labels(lang);
  const bool monitor = m.type == MeasureType::monitor;
  const std::optional<double> progress = shown_progress(m);
  return with_change(
      {Cell{m.id}, Cell{title_text(m.title, options)}, Cell{value_and_target(m, lang), true},
       trend_cell(m, report, options), Cell{monitor ? "" : bar(progress), false, ansi_of(m.status)},
       Cell{monitor ? "" : i18n::percent(progress, lang), true}, change_cell(m.since, &m, options),
       Cell{m.expected ? fmt::format("{} {}", l.expected, i18n::percent(m.expected, lang)) : "",
            true},
       monitor ? Cell{l.type_monitor, false, ansi_of(Status::none)}
               : status_cell(m.status, options),
       Cell{optional_date(m.last_checkin, lang)}},
      indicator_change_column, report);
}

// One table per level above inputs (a level without elements is left out), each
// element's indicators under it. Elements align with each other, indicators with each
// other: the two are tables of their own, written row by row in turn.
void write_level(ChunkedOutput& out, const Report& report, Level level,
                 const ReportOptions& options) {
  Table elements(options.color, table_fit(options, {2, 0}), "  ");  // the bar, then the id
  // Narrow widths lose the last check-in, the trend, the bar, expected and the id, in turn.
  const auto column = [&report](size_t index) {
    return column_of(index, indicator_change_column, report);
  };
  Table indicators(options.color,
                   table_fit(options, {column(9), column(3), column(4), column(7), column(0)}),
                   "    ");
  std::vector<size_t> first_indicator;  // per element: its first row in `indicators`
  for (const ElementResult& e : report.elements) {
    if (e.level != level) continue;
    elements.add(element_row(e, report, options));
    first_indicator.push_back(indicators.size());
    for (const MeasureResult& m : e.indicators) indicators.add(indicator_row(m, report, options));
  }
  if (elements.empty()) return;
  first_indicator.push_back(indicators.size());
  out << '\n';
  write_heading(out, i18n::level_heading(level, options.language), options);
  const TableLayout element_widths = elements.layout();
  const TableLayout indicator_widths = indicators.layout();
  for (size_t i = 0; i < elements.size(); ++i) {
    elements.write_row(out, element_widths, i);
    for (size_t k = first_indicator[i]; k < first_indicator[i + 1]; ++k) {
      indicators.write_row(out, indicator_widths, k);
    }
  }
}

Row objective_header_row(const i18n::Labels& l, const Report& report) {
  Cell progress_header{std::string(l.progress)};
  progress_header.moves_right = true;  // over the percentages when the bar is dropped
  return with_change(
      {Cell{std::string(l.id)}, Cell{std::string(l.title)},
       Cell{fmt::format("{} / {}", l.value, l.target), true}, Cell{std::string(l.trend)},
       progress_header, Cell{"", true}, Cell{std::string(l.change), true},
       Cell{std::string(l.expected), true}, Cell{std::string(l.status)},
       Cell{std::string(l.confidence), true}, Cell{std::string(l.last_checkin)}},
      key_result_change_column, report);
}

Row objective_row(const ObjectiveResult& o, const Report& report, const ReportOptions& options) {
  const std::string& lang = options.language;
  std::string title = o.title;
  if (o.type == ObjectiveType::aspirational) {
    title += fmt::format(" ({})", i18n::labels(lang).aspirational);
  }
  return with_change(
      {Cell{o.id}, Cell{title_text(title, options)}, Cell{""}, Cell{""},
       Cell{bar(o.progress), false, ansi_of(o.status)}, Cell{i18n::percent(o.progress, lang), true},
       change_cell(o.since, nullptr, options), Cell{i18n::percent(o.expected, lang), true},
       status_cell(o.status, options), Cell{""}, Cell{""}},
      key_result_change_column, report);
}

Row key_result_row(const MeasureResult& m, const Report& report, const ReportOptions& options) {
  const std::string& lang = options.language;
  const i18n::Labels& l = i18n::labels(lang);
  return with_change(
      {Cell{"  " + std::string(m.id)}, Cell{"  " + title_text(m.title, options)},
       Cell{value_and_target(m, lang), true}, trend_cell(m, report, options),
       Cell{bar(shown_progress(m)), false, ansi_of(m.status)},
       Cell{i18n::percent(shown_progress(m), lang), true}, change_cell(m.since, &m, options),
       Cell{i18n::percent(m.expected, lang), true}, status_cell(m.status, options),
       Cell{m.confidence ? fmt::format("{}/10", *m.confidence) : std::string(l.none_value), true},
       Cell{optional_date(m.last_checkin, lang)}},
      key_result_change_column, report);
}

// "Team name · team-id", the id alone when the team has no name of its own.
std::string owner_line(const OwnerGroup& group, const i18n::Labels& l) {
  if (group.owner_name == group.owner || group.owner.empty()) {
    return group.owner_name.empty() ? std::string(l.no_owner) : group.owner_name;
  }
  return fmt::format("{} · {}", group.owner_name, group.owner);
}

// Owners in order of their first objective, objectives in plan order, one table each.
void write_objectives(ChunkedOutput& out, const Report& report, const ReportOptions& options) {
  const i18n::Labels& l = i18n::labels(options.language);
  out << '\n';
  write_heading(out, l.objectives, options);
  if (report.objectives.empty()) {
    out << fitted_line(fmt::format("  {}", l.no_objectives), options) << '\n';
  }
  for (const OwnerGroup& group : report.owners) {
    // Narrow widths lose confidence, last check-in, the trend, the bar, expected and the id,
    // in turn.
    const auto column = [&report](size_t index) {
      return column_of(index, key_result_change_column, report);
    };
    Table table(options.color,
                table_fit(options, {column(9), column(10), column(3), column(4), column(7), 0}),
                "  ");
    table.add(objective_header_row(l, report));
    for (size_t index : group.objectives) {
      const ObjectiveResult& o = report.objectives[index];
      table.add(objective_row(o, report, options));
      for (const MeasureResult& m : o.key_results) table.add(key_result_row(m, report, options));
    }
    out << '\n';
    write_heading(out, owner_line(group, l), options);
    table.write(out);
  }
}

}  // namespace

void render_report_table(const Report& report, const ReportOptions& options, std::ostream& stream) {
  ChunkedOutput out(stream);
  write_top_line(out, report, options);
  for (Level level : {Level::impact, Level::outcome, Level::output}) {
    write_level(out, report, level, options);
  }
  write_objectives(out, report, options);
  out.flush();
}

}  // namespace iooi
