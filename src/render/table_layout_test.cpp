#include "table_layout.h"

#include <doctest/doctest.h>

namespace iooi {
namespace {

// Natural widths that do not depend on which columns are shown.
NaturalWidths fixed(std::vector<size_t> widths) {
  return [widths](const std::vector<bool>&) { return widths; };
}

TableFit fit_of(size_t width, std::vector<size_t> drop_order = {}) {
  TableFit fit;
  fit.width = width;
  fit.indent = 2;
  fit.title_column = 1;
  fit.min_title = 20;
  fit.drop_order = std::move(drop_order);
  return fit;
}

}  // namespace

TEST_CASE("fit_table: without a width every column keeps its natural width") {
  const TableLayout layout = fit_table(fit_of(0, {2}), 4, fixed({10, 60, 10, 4}));
  CHECK(layout.shown == std::vector<bool>{true, true, true, true});
  CHECK(layout.widths == std::vector<size_t>{10, 60, 10, 4});
  CHECK(layout_line_width(layout, 2) == 2 + 10 + 60 + 10 + 4 + 3 * 2);
}

TEST_CASE("fit_table: a title that fits keeps its width; one that does not gets the room left") {
  // 2 + 10 + 2 + title + 2 + 10 + 2 + 4 = 32 + title
  const TableLayout wide = fit_table(fit_of(100), 4, fixed({10, 60, 10, 4}));
  CHECK(wide.widths[1] == 60);
  CHECK(layout_line_width(wide, 2) == 92);
  const TableLayout narrow = fit_table(fit_of(80, {2}), 4, fixed({10, 60, 10, 4}));
  CHECK(narrow.shown == std::vector<bool>{true, true, true, true});
  CHECK(narrow.widths == std::vector<size_t>{10, 48, 10, 4});
  CHECK(layout_line_width(narrow, 2) == 80);
}

TEST_CASE("fit_table: columns are dropped in order while the title gets less than its minimum") {
  // At 50: the others take 32, the title 18 < 20, so column 2 (10 + gap) goes: 30 left.
  const TableLayout one = fit_table(fit_of(50, {2, 0}), 4, fixed({10, 60, 10, 4}));
  CHECK(one.shown == std::vector<bool>{true, true, false, true});
  CHECK(one.widths[1] == 30);
  CHECK(layout_line_width(one, 2) == 50);
  // At 30: without column 2 the title gets 10, so column 0 goes too: 2 + title + 2 + 4.
  const TableLayout two = fit_table(fit_of(30, {2, 0}), 4, fixed({10, 60, 10, 4}));
  CHECK(two.shown == std::vector<bool>{false, true, false, true});
  CHECK(two.widths[1] == 22);
  // A short title needs no more than its own width: nothing is dropped for it.
  const TableLayout short_title = fit_table(fit_of(45, {2, 0}), 4, fixed({10, 12, 10, 4}));
  CHECK(short_title.shown == std::vector<bool>{true, true, true, true});
  CHECK(short_title.widths[1] == 12);
}

TEST_CASE("fit_table: a dropped column comes back when a later drop left room for it") {
  // At 60 the title needs 20: dropping column 3 (8) is not enough, dropping column 0 (30)
  // is more than enough, so column 3 comes back: 2 + 31 + (2 + 9) + (2 + 8) + (2 + 4) = 60.
  const TableLayout layout = fit_table(fit_of(60, {3, 0}), 5, fixed({30, 60, 9, 8, 4}));
  CHECK(layout.shown == std::vector<bool>{false, true, true, true, true});
  CHECK(layout.widths[1] == 60 - 2 - 9 - 8 - 4 - 3 * 2);
  CHECK(layout_line_width(layout, 2) == 60);
  // Taking back stops at the first column that does not fit: column 4 (1 wide) stays out
  // once column 2 (9) could not come back, so the title keeps the room.
  const TableLayout stops = fit_table(fit_of(40, {4, 2, 0}), 5, fixed({30, 60, 9, 8, 1}));
  CHECK(stops.shown == std::vector<bool>{false, true, false, true, false});
  CHECK(stops.widths[1] == 40 - 2 - 8 - 2);
}

TEST_CASE("fit_table: with nothing left to drop the title gets what is left, down to 0") {
  const TableLayout tight = fit_table(fit_of(20, {2}), 4, fixed({10, 60, 10, 4}));
  CHECK(tight.shown == std::vector<bool>{true, true, false, true});
  CHECK(tight.widths[1] == 0);  // 2 + 10 + 2 + 0 + 2 + 4 = 20
  CHECK(layout_line_width(tight, 2) == 20);
  const TableLayout none = fit_table(fit_of(10, {2}), 4, fixed({10, 60, 10, 4}));
  CHECK(none.widths[1] == 0);
  CHECK(layout_line_width(none, 2) > 10);  // the line writer cuts these lines
}

TEST_CASE("fit_table: widths are measured again after each drop") {
  // Column 3's header takes column 2's text (width 11) once column 2 is dropped.
  const NaturalWidths moving = [](const std::vector<bool>& shown) {
    return std::vector<size_t>{10, 60, 11, shown[2] ? size_t{4} : size_t{11}};
  };
  const TableLayout layout = fit_table(fit_of(50, {2}), 4, moving);
  CHECK(layout.shown == std::vector<bool>{true, true, false, true});
  CHECK(layout.widths == std::vector<size_t>{10, 23, 11, 11});
  CHECK(layout_line_width(layout, 2) == 50);
}

}  // namespace iooi
