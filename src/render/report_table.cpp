// `report --format table`: the terminal view. Columns are aligned by display
// width (umlauts take one column, CJK two), so padding happens on plain text and
// colour codes are wrapped around the padded cell afterwards.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

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

  std::string render(std::string_view indent) const {
    std::vector<size_t> widths;
    for (const Row& row : rows_) {
      if (widths.size() < row.size()) widths.resize(row.size(), 0);
      for (size_t i = 0; i < row.size(); ++i) {
        widths[i] = std::max(widths[i], display_width(row[i].text));
      }
    }
    std::string out;
    for (const Row& row : rows_) {
      std::string line(indent);
      for (size_t i = 0; i < row.size(); ++i) {
        if (i > 0) line += "  ";
        const Cell& cell = row[i];
        std::string padded =
            cell.right ? pad_left(cell.text, widths[i]) : pad_right(cell.text, widths[i]);
        if (color_ && !cell.color.empty() && !cell.text.empty()) {
          padded = std::string(cell.color) + padded + std::string(ansi_reset);
        }
        line += padded;
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line;
      out += '\n';
    }
    return out;
  }

 private:
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

std::string heading(std::string_view text, const ReportOptions& options) {
  if (!options.color) return std::string(text) + "\n";
  return std::string(ansi_bold) + std::string(text) + std::string(ansi_reset) + "\n";
}

std::string title_text(const std::string& title) { return truncate_to_width(title, title_width); }

std::string optional_date(const std::optional<Date>& day, const std::string& language) {
  return day ? i18n::date(*day, language) : std::string(i18n::labels(language).none_value);
}

}  // namespace

std::string render_report_table(const Report& report, const ReportOptions& options) {
  const std::string& lang = options.language;
  const i18n::Labels& l = i18n::labels(lang);
  std::string out;

  std::string top = report.plan_name.empty() ? std::string(l.report_title) : report.plan_name;
  if (report.period) {
    top +=
        fmt::format(" · {} {} ({} – {})", l.period, report.period->id,
                    i18n::date(report.period->start, lang), i18n::date(report.period->end, lang));
  } else {
    top += fmt::format(" · {}", l.all_periods);
  }
  top += fmt::format(" · {} {}", l.as_of, i18n::date(report.as_of, lang));
  out += heading(top, options);

  for (Level level : {Level::impact, Level::outcome, Level::output}) {
    Table table(options.color);
    for (const ElementResult& e : report.elements) {
      if (e.level != level) continue;
      table.add({Cell{e.id}, Cell{title_text(e.title)},
                 Cell{bar(e.progress), false, ansi_of(e.status)},
                 Cell{i18n::percent(e.progress, lang), true}, status_cell(e.status, options)});
    }
    const std::string body = table.render("  ");
    if (body.empty()) continue;
    out += '\n';
    out += heading(i18n::level_heading(level, lang), options);
    out += body;
  }

  out += '\n';
  out += heading(l.objectives, options);
  if (report.objectives.empty()) {
    out += "  ";
    out += l.no_objectives;
    out += '\n';
  }
  // Owners in order of their first objective, objectives in plan order.
  std::vector<std::string> owners;
  for (const ObjectiveResult& o : report.objectives) {
    if (std::find(owners.begin(), owners.end(), o.owner) == owners.end()) owners.push_back(o.owner);
  }
  for (const std::string& owner : owners) {
    Table table(options.color);
    std::string owner_line;
    table.add({Cell{std::string(l.id)}, Cell{std::string(l.title)},
               Cell{fmt::format("{} / {}", l.value, l.target), true}, Cell{std::string(l.progress)},
               Cell{""}, Cell{std::string(l.expected), true}, Cell{std::string(l.status)},
               Cell{std::string(l.confidence), true}, Cell{std::string(l.last_checkin)}});
    for (const ObjectiveResult& o : report.objectives) {
      if (o.owner != owner) continue;
      if (owner_line.empty()) {
        owner_line = o.owner_name == o.owner || o.owner.empty()
                         ? o.owner_name
                         : fmt::format("{} · {}", o.owner_name, o.owner);
      }
      std::string title = o.title;
      if (o.type == ObjectiveType::aspirational) title += fmt::format(" ({})", l.aspirational);
      table.add({Cell{o.id}, Cell{title_text(title)}, Cell{""},
                 Cell{bar(o.progress), false, ansi_of(o.status)},
                 Cell{i18n::percent(o.progress, lang), true},
                 Cell{i18n::percent(o.expected, lang), true}, status_cell(o.status, options),
                 Cell{""}, Cell{""}});
      for (const MeasureResult& m : o.key_results) {
        // "390 / 800 people": value and target share the unit, which is written once.
        std::string value_target = i18n::measure_value(m.value, m.unit, lang);
        if (m.target) {
          value_target =
              m.value.kind == Value::Kind::number
                  ? fmt::format("{} / {}", i18n::number(m.value.number, lang),
                                i18n::with_unit(*m.target, m.unit, lang))
                  : fmt::format("{} / {}", value_target, i18n::with_unit(*m.target, m.unit, lang));
        }
        table.add(
            {Cell{"  " + m.id}, Cell{"  " + title_text(m.title)}, Cell{value_target, true},
             Cell{bar(m.progress), false, ansi_of(m.status)},
             Cell{i18n::percent(m.progress, lang), true},
             Cell{i18n::percent(m.expected, lang), true}, status_cell(m.status, options),
             Cell{m.confidence ? fmt::format("{}/10", *m.confidence) : std::string(l.none_value),
                  true},
             Cell{optional_date(m.last_checkin, lang)}});
      }
    }
    out += '\n';
    out += heading(owner_line.empty() ? std::string(l.none_value) : owner_line, options);
    out += table.render("  ");
  }
  return out;
}

}  // namespace iooi
