#include "iooi/util/json_writer.h"

#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <utility>

#include "iooi/util/utf8.h"

namespace iooi {

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      char32_t code;
      const size_t length = decode_utf8(text, i, code);
      if (length == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
        ++i;
      } else {
        out.append(text.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
}

double without_float_noise(double number) {
  if (!std::isfinite(number) || number == 0) return number;
  // Printing 12 significant digits and reading them back drops the last bits that
  // floating-point arithmetic leaves (2.2500000000000004 -> 2.25).
  std::array<char, 64> buffer{};
  const auto printed = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number,
                                     std::chars_format::general, 12);
  double rounded = number;
  std::from_chars(buffer.data(), printed.ptr, rounded);
  return rounded;
}

std::string json_number(double number) {
  if (!std::isfinite(number)) return "null";
  number = without_float_noise(number);
  if (number == 0) return "0";  // also for -0, which some readers reject as "-0"
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
  return std::string(buffer.data(), result.ptr);
}

JsonWriter::JsonWriter(int indent) : indent_(indent < 0 ? 0 : indent) {}

void JsonWriter::newline_and_indent() {
  if (indent_ == 0) return;
  out_ += '\n';
  out_.append(stack_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  assert(!stack_.back().is_object && "a value inside an object needs key() first");
  if (!stack_.back().empty) out_ += ',';
  stack_.back().empty = false;
  newline_and_indent();
}

JsonWriter& JsonWriter::key(std::string_view name) {
  assert(!stack_.empty() && stack_.back().is_object && !after_key_);
  if (!stack_.back().empty) out_ += ',';
  stack_.back().empty = false;
  newline_and_indent();
  append_json_string(out_, name);
  out_ += indent_ == 0 ? ":" : ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  stack_.push_back(Level{bracket == '{'});
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  assert(!stack_.empty() && stack_.back().is_object == (bracket == '}') && !after_key_);
  const bool was_empty = stack_.back().empty;
  stack_.pop_back();
  if (!was_empty) newline_and_indent();
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::begin_object() { return open('{'); }
JsonWriter& JsonWriter::end_object() { return close('}'); }
JsonWriter& JsonWriter::begin_array() { return open('['); }
JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) { return raw_value(flag ? "true" : "false"); }
JsonWriter& JsonWriter::write_signed(long long number) { return raw_value(std::to_string(number)); }
JsonWriter& JsonWriter::write_unsigned(unsigned long long number) {
  return raw_value(std::to_string(number));
}
JsonWriter& JsonWriter::value(double number) { return raw_value(json_number(number)); }
JsonWriter& JsonWriter::null() { return raw_value("null"); }

JsonWriter& JsonWriter::raw_value(std::string_view raw) {
  before_value();
  out_.append(raw);
  return *this;
}

std::string JsonWriter::finish() {
  assert(stack_.empty() && !after_key_);
  return out_ + "\n";
}

std::string JsonWriter::release() {
  assert(stack_.empty() && !after_key_);
  out_ += '\n';
  return std::move(out_);
}

}  // namespace iooi
