#pragma once
// A small streaming JSON writer shared by every JSON-producing renderer, so that
// escaping and number formatting are decided in one place.
//
//   JsonWriter json;                  // pretty, 2-space indent; JsonWriter(0) is compact
//   json.begin_object();
//   json.key("schema").value("iooi-check/1");
//   json.key("files").value(size_t{3});
//   json.key("findings").begin_array();
//   json.begin_object().field("rule", "type").field("line", 4).end_object();
//   json.end_array();
//   json.key("progress").value(0.265625);  // shortest round-trip; NaN/inf -> null
//   json.key("value").null();
//   json.end_object();
//   std::string text = json.finish();     // ends with "\n"
//
// Strings are escaped per RFC 8259; invalid UTF-8 bytes become U+FFFD so the
// output is always valid UTF-8 JSON.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iooi {

// Appends `text` as a quoted, escaped JSON string.
void append_json_string(std::string& out, std::string_view text);
// `number` rounded to 12 significant digits, which removes the noise of binary
// floating point (2.2500000000000004 -> 2.25, 0.08333333333333161 -> 0.0833333333333).
double without_float_noise(double number);
// Shortest text that reads back as the number rounded to 12 significant digits
// ("800", "0.265625", "0.505617977528", "1e+21"); "null" for NaN and infinities,
// which JSON cannot express.
std::string json_number(double number);

class JsonWriter {
 public:
  explicit JsonWriter(int indent = 2);

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // Inside an object: the key of the next value.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(bool flag);
  JsonWriter& value(int number) { return write_signed(number); }
  JsonWriter& value(long number) { return write_signed(number); }
  JsonWriter& value(long long number) { return write_signed(number); }
  JsonWriter& value(unsigned number) { return write_unsigned(number); }
  JsonWriter& value(unsigned long number) { return write_unsigned(number); }
  JsonWriter& value(unsigned long long number) { return write_unsigned(number); }
  JsonWriter& value(double number);
  JsonWriter& null();
  // Writes `raw` unchanged as the next value (the caller guarantees it is JSON).
  JsonWriter& raw_value(std::string_view raw);

  // Optionals: the value, or null when empty.
  template <typename T>
  JsonWriter& value(const std::optional<T>& maybe) {
    return maybe ? value(*maybe) : null();
  }

  // key(name).value(v) in one call.
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  // The document so far plus a final newline; the writer must be back at the top level.
  std::string finish();
  // finish() without the copy, for big documents (a report can be tens of MiB):
  // the text is moved out and the writer is left empty.
  std::string release();
  // The document so far, without a final newline.
  const std::string& text() const { return out_; }
  // Forgets text() once the caller has written it out; the writer keeps its
  // place, so a big document can go out in pieces.
  void clear_text() { out_.clear(); }

 private:
  JsonWriter& write_signed(long long number);
  JsonWriter& write_unsigned(unsigned long long number);
  void before_value();
  void newline_and_indent();
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);

  struct Level {
    bool is_object;
    bool empty = true;
  };
  std::string out_;
  std::vector<Level> stack_;
  int indent_;
  bool after_key_ = false;
};

}  // namespace iooi
