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
class RecordSplitter {
 public:
  RecordSplitter(std::string_view text, char separator) : text_(text), separator_(separator) {}

  std::optional<std::vector<Record>> split(std::string& error) {
    for (size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\n') ++line_;
      if (quoted_) {
        in_quotes(i);
      } else if (!outside_quotes(i)) {
        error = fmt::format("line {}: text after a closing quote; put the whole field in quotes",
                            line_);
        return std::nullopt;
      }
    }
    if (quoted_) {
      error = fmt::format("line {}: a quoted field is not closed", record_.line);
      return std::nullopt;
    }
    end_record();
    return std::move(records_);
  }

 private:
  // `i` moves past the second quote of a doubled one.
  void in_quotes(size_t& i) {
    const char c = text_[i];
    if (c == '"' && i + 1 < text_.size() && text_[i + 1] == '"') {
      field_ += '"';
      ++i;
    } else if (c == '"') {
      quoted_ = false;
    } else {
      field_ += c;
    }
  }

  // False for text after a closing quote.
  bool outside_quotes(size_t i) {
    const char c = text_[i];
    if (c == '"' && trimmed(field_).empty()) {
      quoted_ = was_quoted_ = true;
      field_.clear();
    } else if (c == separator_) {
      end_field();
    } else if (c == '\n' || c == '\r') {
      line_break(i);
    } else if (!(was_quoted_ && (c == ' ' || c == '\t'))) {
      if (was_quoted_) return false;
      field_ += c;
    }
    return true;
  }

  void line_break(size_t i) {
    if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') return;
    if (text_[i] == '\r') ++line_;
    end_record();
    record_ = Record{line_, {}};
  }

  void end_field() {
    record_.fields.push_back(was_quoted_ ? field_ : trimmed(field_));
    field_.clear();
    was_quoted_ = false;
  }

  // Empty rows are skipped.
  void end_record() {
    end_field();
    if (record_.fields.size() > 1 || !record_.fields[0].empty()) records_.push_back(record_);
  }

  std::string_view text_;
  char separator_;
  std::vector<Record> records_;
  Record record_{1, {}};
  std::string field_;
  bool quoted_ = false;
  bool was_quoted_ = false;
  int line_ = 1;
};

constexpr std::array<std::string_view, 5> column_names{"id", "date", "value", "confidence", "note"};

// Which field holds which column; the names may come in any order.
bool read_header(const Record& head, std::array<int, column_names.size()>& column,
                 std::string& error) {
  for (size_t i = 0; i < head.fields.size(); ++i) {
    std::string name = head.fields[i];
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto* const known = std::find(column_names.begin(), column_names.end(), name);
    if (known == column_names.end() || column[size_t(known - column_names.begin())] >= 0) {
      error = fmt::format(
          "line {}: column '{}' is unknown or repeated; the header is "
          "id,date,value[,confidence][,note]",
          head.line, message_excerpt(head.fields[i]));
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
      RecordSplitter(bytes, result.semicolons ? ';' : ',').split(result.error);
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
