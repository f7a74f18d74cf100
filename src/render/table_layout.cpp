#include "table_layout.h"

#include <algorithm>

namespace iooi {
namespace {

// The layout of `shown` with natural widths, and the room its title column gets.
struct Trial {
  TableLayout layout;
  size_t room = 0;
  bool title_fits = false;  // the room is at least min(natural title, min_title)
};

Trial try_columns(const TableFit& fit, std::vector<bool> shown, const NaturalWidths& natural) {
  Trial trial{{std::move(shown), {}}, 0, false};
  trial.layout.widths = natural(trial.layout.shown);
  // Everything but the title, its gap included (the title column is never dropped).
  const size_t title = trial.layout.widths[fit.title_column];
  const size_t others = layout_line_width(trial.layout, fit.indent) - title;
  trial.room = fit.width > others ? fit.width - others : 0;
  trial.title_fits = trial.room >= std::min(title, fit.min_title);
  return trial;
}

}  // namespace

TableLayout fit_table(const TableFit& fit, size_t columns, const NaturalWidths& natural) {
  std::vector<bool> shown(columns, true);
  if (fit.width == 0 || fit.title_column >= columns) return TableLayout{shown, natural(shown)};
  // Drop columns in order until the title has its room...
  Trial trial = try_columns(fit, shown, natural);
  std::vector<size_t> dropped;
  for (size_t column : fit.drop_order) {
    if (trial.title_fits) break;
    if (column >= columns || column == fit.title_column || !trial.layout.shown[column]) continue;
    trial.layout.shown[column] = false;
    dropped.push_back(column);
    trial = try_columns(fit, trial.layout.shown, natural);
  }
  // ...then take back, most important first, those that fit beside it after all, up to the
  // first that does not (a less important column never takes room from the title). The
  // last one dropped made the room, so it stays out.
  if (!dropped.empty()) dropped.pop_back();
  for (auto column = dropped.rbegin(); column != dropped.rend() && trial.title_fits; ++column) {
    std::vector<bool> more = trial.layout.shown;
    more[*column] = true;
    Trial with = try_columns(fit, more, natural);
    if (!with.title_fits) break;
    trial = std::move(with);
  }
  size_t& title = trial.layout.widths[fit.title_column];
  title = std::min(title, trial.room);
  return trial.layout;
}

size_t layout_line_width(const TableLayout& layout, size_t indent) {
  size_t total = indent;
  size_t shown = 0;
  for (size_t i = 0; i < layout.widths.size(); ++i) {
    if (!layout.shown[i]) continue;
    ++shown;
    total += layout.widths[i];
  }
  return shown > 1 ? total + table_gap * (shown - 1) : total;
}

}  // namespace iooi
