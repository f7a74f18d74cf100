#pragma once
// Check-ins from a spreadsheet export (docs/checkins.md): a header
// `id,date,value[,confidence][,note]`, comma or semicolon separated, UTF-8 with
// or without a byte order mark, fields optionally in double quotes.
#include <string>
#include <string_view>
#include <vector>

namespace iooi::edit {

struct CsvCheckin {
  int line = 0;  // where the row starts, 1-based
  std::string id, date, value, confidence, note;
};

struct CsvCheckins {
  std::vector<CsvCheckin> rows;
  bool semicolons = false;  // then a decimal comma in `value` is a decimal point
  std::string error;        // non-empty: the file cannot be used ("line N: ...")
};

CsvCheckins read_checkin_csv(std::string_view bytes);

}  // namespace iooi::edit
