#include "iooi/model/plan.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>

namespace iooi {
namespace {

using namespace std::string_view_literals;

TEST_CASE("CompactText: empty until set, holds any bytes, copies deeply") {
  CompactText text;
  CHECK(text.empty());
  CHECK(text.view().empty());

  std::string written = "Befragung Q1";
  text = written;
  CHECK_FALSE(text.empty());
  CHECK(text == "Befragung Q1");

  const std::string_view with_nul = "a\0b"sv;
  CompactText copy = text;
  text = with_nul;
  CHECK(text.view() == with_nul);
  CHECK(copy == "Befragung Q1");  // the copy kept its own bytes

  CompactText moved = std::move(copy);
  CHECK(moved == "Befragung Q1");

  text = std::string();
  CHECK(text.empty());
}

TEST_CASE("Checkin::loc: the field's position in the measure's file, else the entry's") {
  Checkin checkin;
  checkin.at = LineColumn{7, 5};
  checkin.date_at = LineColumn{7, 14};
  const Loc date = checkin.loc(checkin.date_at, 3);
  CHECK(date.file == 3);
  CHECK(date.line == 7);
  CHECK(date.column == 14);
  const Loc value = checkin.loc(checkin.value_at, 3);  // unknown: the entry
  CHECK(value.file == 3);
  CHECK(value.line == 7);
  CHECK(value.column == 5);
}

}  // namespace
}  // namespace iooi
