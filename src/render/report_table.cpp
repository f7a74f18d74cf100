// `report --format table`: the terminal view. Columns are aligned by display
// width (umlauts take one column, CJK two), so padding happens on plain text and
// colour codes are wrapped around the padded cell afterwards.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "chunked_output.h"
#include "i18n.h"
#include "iooi/render/report_output.h"
#include "iooi/util/utf8.h"

namespace iooi {
namespace {

constexpr size_t title_width = 40;
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
      return "\x1b[2m";
  }
  return "";
}
constexpr std::string_view ansi_reset = "\x1b[0m";
constexpr std::string_view ansi_bold = "\x1b[1m";

struct Cell {
  Cell(std::string text_, bool right_ = false, std::string_view color_ = {})
      : text(std::move(text_)), right(right_), color(color_) {}
  std::string text;
  bool right;
  std::string_view color;  // ANSI start sequence, empty for none
};
using Row = std::vector<Cell>;

class Table {
 public:
  explicit Table(bool color) : color_(color) {}
  void add(Row row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }

  void write(ChunkedOutput& out, std::string_view indent) const {
    const std::vector<size_t> widths = column_widths();
    std::string line;
    for (const Row& row : rows_) {
      line.assign(indent);
      for (size_t i = 0; i < row.size(); ++i) {
        if (i > 0) line += "  ";
        append_cell(line, row[i], widths[i]);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      line += '\n';
      out << line;
    }
  }

 private:
  std::vector<size_t> column_widths() const {
    std::vector<size_t> widths;
    for (const Row& row : rows_) {
      if (widths.size() < row.size()) widths.resize(row.size(), 0);
      for (size_t i = 0; i < row.size(); ++i) {
        widths[i] = std::max(widths[i], display_width(row[i].text));
      }
    }
    return widths;
  }

  void append_cell(std::string& line, const Cell& cell, size_t width) const {
    const bool colored = color_ && !cell.color.empty() && !cell.text.empty();
    if (colored) line += cell.color;
    line += cell.right ? pad_left(cell.text, width) : pad_right(cell.text, width);
    if (colored) line += ansi_reset;
  }

  bool color_;
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

void write_heading(ChunkedOutput& out, std::string_view text, const ReportOptions& options) {
  if (options.color) {
    out << ansi_bold << text << ansi_reset << '\n';
  } else {
    out << text << '\n';
  }
}

std::string title_text(const std::string& title) { return truncate_to_width(title, title_width); }

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
  write_heading(out, top, options);
}

// One table per level above inputs; a level without elements is left out.
void write_element_tables(ChunkedOutput& out, const Report& report, const ReportOptions& options) {
  const std::string& lang = options.language;
  for (Level level : {Level::impact, Level::outcome, Level::output}) {
    Table table(options.color);
    for (const ElementResult& e : report.elements) {
      if (e.level != level) continue;
      table.add({Cell{e.id}, Cell{title_text(e.title)},
                 Cell{bar(e.progress), false, ansi_of(e.status)},
                 Cell{i18n::percent(e.progress, lang), true}, status_cell(e.status, options)});
    }
    if (table.empty()) continue;
    out << '\n';
    write_heading(out, i18n::level_heading(level, lang), options);
    table.write(out, "  ");
  }
}

Row objective_header_row(const i18n::Labels& l) {
  return {Cell{std::string(l.id)},
          Cell{std::string(l.title)},
          Cell{fmt::format("{} / {}", l.value, l.target), true},
          Cell{std::string(l.progress)},
          Cell{""},
          Cell{std::string(l.expected), true},
          Cell{std::string(l.status)},
          Cell{std::string(l.confidence), true},
          Cell{std::string(l.last_checkin)}};
}

Row objective_row(const ObjectiveResult& o, const ReportOptions& options) {
  const std::string& lang = options.language;
  std::string title = o.title;
  if (o.type == ObjectiveType::aspirational) {
    title += fmt::format(" ({})", i18n::labels(lang).aspirational);
  }
  return {Cell{o.id},
          Cell{title_text(title)},
          Cell{""},
          Cell{bar(o.progress), false, ansi_of(o.status)},
          Cell{i18n::percent(o.progress, lang), true},
          Cell{i18n::percent(o.expected, lang), true},
          status_cell(o.status, options),
          Cell{""},
          Cell{""}};
}

// "390 / 800 people": value and target share the unit, which is written once.
std::string value_and_target(const MeasureResult& m, const std::string& lang) {
  if (!m.target) return i18n::measure_value(m.value, m.unit, lang);
  const std::string target = i18n::with_unit(*m.target, m.unit, lang);
  if (m.value.kind == Value::Kind::number) {
    return fmt::format("{} / {}", i18n::number(m.value.number, lang), target);
  }
  return fmt::format("{} / {}", i18n::measure_value(m.value, m.unit, lang), target);
}

Row key_result_row(const MeasureResult& m, const ReportOptions& options) {
  const std::string& lang = options.language;
  const i18n::Labels& l = i18n::labels(lang);
  return {
      Cell{"  " + m.id},
      Cell{"  " + title_text(m.title)},
      Cell{value_and_target(m, lang), true},
      Cell{bar(m.progress), false, ansi_of(m.status)},
      Cell{i18n::percent(m.progress, lang), true},
      Cell{i18n::percent(m.expected, lang), true},
      status_cell(m.status, options),
      Cell{m.confidence ? fmt::format("{}/10", *m.confidence) : std::string(l.none_value), true},
      Cell{optional_date(m.last_checkin, lang)}};
}

// "Team name · team-id", the id alone when the team has no name of its own.
std::string owner_line(const OwnerGroup& group, const i18n::Labels& l) {
  if (group.owner_name == group.owner || group.owner.empty()) {
    return group.owner_name.empty() ? std::string(l.none_value) : group.owner_name;
  }
  return fmt::format("{} · {}", group.owner_name, group.owner);
}

// Owners in order of their first objective, objectives in plan order, one table each.
void write_objectives(ChunkedOutput& out, const Report& report, const ReportOptions& options) {
  const i18n::Labels& l = i18n::labels(options.language);
  out << '\n';
  write_heading(out, l.objectives, options);
  if (report.objectives.empty()) out << "  " << l.no_objectives << '\n';
  for (const OwnerGroup& group : report.owners) {
    Table table(options.color);
    table.add(objective_header_row(l));
    for (size_t index : group.objectives) {
      const ObjectiveResult& o = report.objectives[index];
      table.add(objective_row(o, options));
      for (const MeasureResult& m : o.key_results) table.add(key_result_row(m, options));
    }
    out << '\n';
    write_heading(out, owner_line(group, l), options);
    table.write(out, "  ");
  }
}

}  // namespace

void render_report_table(const Report& report, const ReportOptions& options, std::ostream& stream) {
  ChunkedOutput out(stream);
  write_top_line(out, report, options);
  write_element_tables(out, report, options);
  write_objectives(out, report, options);
  out.flush();
}

}  // namespace iooi
