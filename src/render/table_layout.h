#pragma once
// Fitting the table report into a known width (README.md, Commands): the title
// column takes the room the other columns leave; while that room is too small,
// columns are dropped in a given order. Pure arithmetic on display widths, so the
// renderer and its tests share one definition.
#include <cstddef>
#include <functional>
#include <vector>

namespace iooi {

inline constexpr size_t table_gap = 2;  // spaces between two shown columns

struct TableFit {
  size_t width = 0;         // columns available; 0 = none known: natural widths, nothing dropped
  size_t indent = 0;        // columns before the first cell
  size_t title_column = 1;  // the column that takes the room the others leave
  size_t min_title = 20;    // columns are dropped while the title would get less than this
  std::vector<size_t> drop_order;  // the columns that may be dropped, first to last
};

struct TableLayout {
  std::vector<bool> shown;     // per column
  std::vector<size_t> widths;  // per column, in display columns (title cut to its room)
};

// The natural width of each column when only `shown` columns are shown (a header may
// move to a neighbour when its own column is dropped, so widths depend on it).
using NaturalWidths = std::function<std::vector<size_t>(const std::vector<bool>& shown)>;

// Which columns to show and how wide. The title gets min(its natural width, the room
// left); columns in `drop_order` go one by one while that room is below
// min(natural, min_title); then the columns dropped before the last come back, the
// later dropped first, as long as the title keeps that room. When nothing is left to drop, the
// title may get less than min_title (even 0): the line writer then cuts each line at `width`.
TableLayout fit_table(const TableFit& fit, size_t columns, const NaturalWidths& natural);

// Display columns of a line with every shown column at its width (before trailing
// spaces are trimmed).
size_t layout_line_width(const TableLayout& layout, size_t indent);

}  // namespace iooi
