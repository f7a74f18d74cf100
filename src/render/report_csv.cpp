// `report --format csv`: one row per key result and indicator, for spreadsheets.
// RFC 4180 (CRLF, fields with separator, quote or line break in double quotes,
// quotes doubled), UTF-8 with a byte-order mark so that Excel detects the encoding.
// The separator and decimal mark follow the language because that is what a
// spreadsheet in that locale expects when the file is simply opened: English
// uses "," and "."; German uses ";" and "," (docs/json.md explains the choice).
#include "chunked_output.h"
#include "i18n.h"
#include "iooi/render/report_output.h"
#include "iooi/util/utf8.h"

namespace iooi {
namespace {

class CsvWriter {
 public:
  CsvWriter(ChunkedOutput& out, char separator, std::string_view language)
      : out_(out), language_(language), specials_{'"', '\r', '\n', separator} {}

  std::string_view language() const { return language_; }

  void raw_field(std::string_view text) {
    if (!line_start_) out_ << separator();
    line_start_ = false;
    const bool needs_quotes = text.find_first_of(std::string_view(specials_, sizeof specials_)) !=
                                  std::string_view::npos ||
                              (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!needs_quotes) {
      out_ << text;
      return;
    }
    std::string quoted = "\"";
    for (char c : text) {
      if (c == '"') quoted += '"';
      quoted += c;
    }
    quoted += '"';
    out_ << quoted;
  }
  // User text: a leading = + - @ would make a spreadsheet run it as a formula,
  // so such text gets a leading apostrophe (the OWASP advice against CSV injection).
  // Control characters and line breaks go first (terminal_text): a CSV is often
  // looked at in a terminal or a log, and a line break would start a line there.
  void text(std::string_view value) {
    const std::string shown = terminal_text(value);
    if (!shown.empty() && std::string_view("=+-@").find(shown.front()) != std::string_view::npos) {
      raw_field("'" + shown);
    } else {
      raw_field(shown);
    }
  }
  void number(const std::optional<double>& value) {
    raw_field(value ? i18n::number(*value, language_) : std::string());
  }
  void end_row() {
    out_ << "\r\n";
    line_start_ = true;
  }

 private:
  char separator() const { return specials_[3]; }

  ChunkedOutput& out_;
  std::string_view language_;
  char specials_[4];  // what makes a field need quotes
  bool line_start_ = true;
};

std::string_view type_label(MeasureType type, const i18n::Labels& l) {
  switch (type) {
    case MeasureType::numeric:
      return l.type_numeric;
    case MeasureType::milestone:
      return l.type_milestone;
    case MeasureType::monitor:
      return l.type_monitor;
  }
  return l.type_numeric;
}

std::string_view direction_label(Direction direction, const i18n::Labels& l) {
  switch (direction) {
    case Direction::increase:
      return l.direction_increase;
    case Direction::decrease:
      return l.direction_decrease;
    case Direction::unset:
      break;
  }
  return {};
}

// ">=85", "<=3", "0..2" (docs/json.md): ASCII, so that a spreadsheet keeps it as text;
// numbers as in the other columns. Empty without a threshold.
std::string threshold_text(const Threshold& threshold, std::string_view language) {
  switch (threshold.kind) {
    case ThresholdKind::at_least:
      return ">=" + i18n::number(threshold.low, language);
    case ThresholdKind::at_most:
      return "<=" + i18n::number(threshold.high, language);
    case ThresholdKind::between:
      return i18n::number(threshold.low, language) + ".." + i18n::number(threshold.high, language);
    case ThresholdKind::none:
      break;
  }
  return {};
}

void write_value_cell(CsvWriter& csv, const Value& value, const i18n::Labels& l) {
  switch (value.kind) {
    case Value::Kind::none:
      csv.raw_field("");
      break;
    case Value::Kind::number:
      csv.number(value.number);
      break;
    case Value::Kind::boolean:
      csv.raw_field(value.flag ? l.yes : l.no);
      break;
  }
}

// report --since: the columns after the others (docs/json.md), named alike in
// both languages as the JSON fields are.
constexpr std::string_view since_headers[] = {"value_then", "progress_then", "delta"};

void write_measure_row(CsvWriter& csv, const MeasureResult& m, std::string_view kind,
                       std::string_view parent, std::string_view owner, std::string_view period,
                       bool with_since) {
  const i18n::Labels& l = i18n::labels(csv.language());
  csv.raw_field(kind);
  csv.text(m.id);
  csv.text(m.title);
  csv.text(parent);
  csv.text(owner);
  csv.text(period);
  csv.text(m.unit);
  csv.number(m.baseline);
  csv.number(m.target);
  write_value_cell(csv, m.value, l);
  csv.number(m.progress);
  csv.number(m.attainment);
  csv.number(m.expected);
  csv.raw_field(i18n::status_label(m.status, csv.language()));
  csv.raw_field(m.confidence ? std::to_string(*m.confidence) : std::string());
  csv.raw_field(m.last_checkin ? m.last_checkin->to_string() : std::string());
  csv.raw_field(type_label(m.type, l));
  csv.raw_field(direction_label(m.direction, l));
  csv.raw_field(threshold_text(m.threshold, csv.language()));
  if (with_since) {
    const SinceResult since = m.since.value_or(SinceResult{});
    write_value_cell(csv, since.value_then, l);
    csv.number(since.progress_then);
    csv.number(since.delta);
  }
  csv.end_row();
}

}  // namespace

void render_report_csv(const Report& report, const ReportOptions& options, std::ostream& stream) {
  ChunkedOutput out(stream);
  out << "\xEF\xBB\xBF";  // UTF-8 BOM
  const bool german = options.language == "de";
  CsvWriter csv(out, german ? ';' : ',', options.language);
  const i18n::Labels& l = i18n::labels(options.language);
  for (std::string_view header :
       {l.kind, l.id, l.title, l.parent, l.owner, l.period, l.unit, l.baseline, l.target, l.value,
        l.progress, l.attainment, l.expected, l.status, l.confidence, l.last_checkin,
        l.measure_type, l.direction, l.threshold}) {
    csv.raw_field(header);
  }
  const bool with_since = report.since.has_value();
  if (with_since) {
    for (std::string_view header : since_headers) csv.raw_field(header);
  }
  csv.end_row();
  for (const ObjectiveResult& o : report.objectives) {
    for (const MeasureResult& m : o.key_results) {
      write_measure_row(csv, m, l.kind_key_result, o.id, o.owner, o.period, with_since);
    }
  }
  for (const ElementResult& e : report.elements) {
    for (const MeasureResult& m : e.indicators) {
      write_measure_row(csv, m, l.kind_indicator, e.id, "", "", with_since);
    }
  }
  out.flush();
}

}  // namespace iooi
