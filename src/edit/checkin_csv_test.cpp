#include "iooi/edit/checkin_csv.h"

#include <doctest/doctest.h>

using iooi::edit::read_checkin_csv;

TEST_CASE("checkin csv: semicolons, BOM, quotes with separators and line breaks, line numbers") {
  const auto csv = read_checkin_csv(
      "\xEF\xBB\xBFId; Date ;value;note\r\n"
      "KR-1;2026-03-01;3,5;\"two\nlines; and \"\"quotes\"\"\"\r\n"
      "\r\n"
      "KR-2;2026-03-02;4\r\n");
  REQUIRE(csv.error == "");
  CHECK(csv.semicolons);
  REQUIRE(csv.rows.size() == 2);
  CHECK(csv.rows[0].line == 2);
  CHECK(csv.rows[0].value == "3,5");
  CHECK(csv.rows[0].note == "two\nlines; and \"quotes\"");
  CHECK(csv.rows[0].confidence == "");
  CHECK(csv.rows[1].line == 5);
  CHECK(csv.rows[1].id == "KR-2");
  CHECK(csv.rows[1].note == "");
}

TEST_CASE("checkin csv: a bad header or row is named by its line") {
  CHECK(read_checkin_csv("id,value\nKR-1,3\n").error ==
        "line 1: the header needs the columns id, date and value");
  CHECK(read_checkin_csv("id,date,value,owner\n").error.rfind("line 1: column 'owner'", 0) == 0);
  CHECK(read_checkin_csv("id,date,value\nKR-1,2026-03-01,3\nKR-2,2026-03-01,3,4\n").error ==
        "line 3: 4 fields, the header has 3; quote fields that contain ','");
  CHECK(read_checkin_csv("id,date,value\nKR-1,2026-03-01,\"3\n").error ==
        "line 2: a quoted field is not closed");
  CHECK(read_checkin_csv("id,date,value\nKR-1,\xFF,3\n").error.rfind("line 2: not UTF-8", 0) == 0);
}
