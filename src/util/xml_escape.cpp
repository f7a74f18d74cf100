#include "iooi/util/xml_escape.h"

#include "iooi/util/utf8.h"

namespace iooi {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t code = 0;
    const size_t length = decode_utf8(text, i, code);
    if (length == 0) {
      out += replacement;
      ++i;
      continue;
    }
    switch (code) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        if (code < 0x20 || code == 0xFFFE || code == 0xFFFF) {
          out += replacement;
        } else {
          out.append(text.substr(i, length));
        }
    }
    i += length;
  }
  return out;
}

}  // namespace iooi
