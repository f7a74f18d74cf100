#include "iooi/edit/checkin_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "iooi/edit/checkin_edit.h"
#include "iooi/util/utf8.h"

namespace iooi::edit {
namespace {

struct Record {
  int line = 0;
  std::vector<std::string> fields;
};

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

// Splits into records; quoted fields may hold separators, line breaks and "".
std::optional<std::vector<Record>> split_records(std::string_view text, char separator,
                                                 std::string& error) {
  std::vector<Record> records;
  Record record{1, {}};
  std::string field;
  bool quoted = false, was_quoted = false;
  int line = 1;
  const auto end_field = [&] {
    record.fields.push_back(was_quoted ? field : trimmed(field));
    field.clear();
    was_quoted = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && trimmed(field).empty()) {
      quoted = was_quoted = true;
      field.clear();
    } else if (c == separator) {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
      if (c == '\r') ++line;
      end_field();
      if (record.fields.size() > 1 || !record.fields[0].empty()) records.push_back(record);
      record = Record{line, {}};
    } else if (!(was_quoted && (c == ' ' || c == '\t'))) {
      if (was_quoted) {
        error =
            fmt::format("line {}: text after a closing quote; put the whole field in quotes", line);
        return std::nullopt;
      }
      field += c;
    }
  }
  if (quoted) {
    error = fmt::format("line {}: a quoted field is not closed", record.line);
    return std::nullopt;
  }
  end_field();
  if (record.fields.size() > 1 || !record.fields[0].empty()) records.push_back(record);
  return records;
}

constexpr std::array<std::string_view, 5> column_names{"id", "date", "value", "confidence", "note"};

// Which field holds which column; the names may come in any order.
bool read_header(const Record& head, std::array<int, column_names.size()>& column,
                 std::string& error) {
  for (size_t i = 0; i < head.fields.size(); ++i) {
    std::string name = head.fields[i];
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto known = std::find(column_names.begin(), column_names.end(), name);
    if (known == column_names.end() || column[size_t(known - column_names.begin())] >= 0) {
      error = fmt::format(
          "line {}: column '{}' is unknown or repeated; the header is "
          "id,date,value[,confidence][,note]",
          head.line, shown(head.fields[i]));
      return false;
    }
    column[size_t(known - column_names.begin())] = static_cast<int>(i);
  }
  if (column[0] < 0 || column[1] < 0 || column[2] < 0) {
    error = fmt::format("line {}: the header needs the columns id, date and value", head.line);
    return false;
  }
  return true;
}

}  // namespace

CsvCheckins read_checkin_csv(std::string_view bytes) {
  CsvCheckins result;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (const size_t bad = find_invalid_utf8(bytes); bad != std::string_view::npos) {
    const int line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + bad, '\n'));
    result.error = fmt::format("line {}: not UTF-8; save the spreadsheet as CSV UTF-8", line);
    return result;
  }
  const std::string_view header = bytes.substr(0, bytes.find_first_of("\r\n"));
  result.semicolons = header.find(';') != std::string_view::npos;
  const std::optional<std::vector<Record>> records =
      split_records(bytes, result.semicolons ? ';' : ',', result.error);
  if (!records) return result;
  if (records->empty()) {
    result.error = "the file is empty; it needs the header id,date,value[,confidence][,note]";
    return result;
  }
  std::array<int, column_names.size()> column{-1, -1, -1, -1, -1};
  const Record& head = records->front();
  if (!read_header(head, column, result.error)) return result;
  for (size_t r = 1; r < records->size(); ++r) {
    const Record& record = (*records)[r];
    if (record.fields.size() > head.fields.size()) {
      result.error = fmt::format(
          "line {}: {} fields, the header has {}; quote fields that "
          "contain '{}'",
          record.line, record.fields.size(), head.fields.size(), result.semicolons ? ';' : ',');
      return result;
    }
    const auto field = [&](size_t name) {
      const int at = column[name];
      return at >= 0 && size_t(at) < record.fields.size() ? record.fields[size_t(at)]
                                                          : std::string();
    };
    result.rows.push_back(
        CsvCheckin{record.line, field(0), field(1), field(2), field(3), field(4)});
  }
  return result;
}

}  // namespace iooi::edit
