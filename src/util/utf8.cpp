#include "iooi/util/utf8.h"

#include <algorithm>
#include <cstdint>

namespace iooi {
namespace {

// Decodes one code point at `i`, reading an invalid byte as U+FFFD; advances `i`.
char32_t decode_next(std::string_view text, size_t& i) {
  char32_t code = 0;
  const size_t length = decode_utf8(text, i, code);
  i += length == 0 ? 1 : length;
  return length == 0 ? 0xFFFD : code;
}

bool is_combining(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
         (cp >= 0xFE00 && cp <= 0xFE0F);
}

// East Asian Wide (W) and Fullwidth (F) ranges, plus the emoji blocks terminals draw wide.
bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool is_hidden_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

size_t char_width(char32_t cp) {
  if (cp == 0 || is_combining(cp)) return 0;
  return is_wide(cp) ? 2 : 1;
}

// What .NET's String.TrimStart skips, so what may precede "::" on a command line.
bool is_dotnet_space(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// Copies one line (no CR or LF in it), breaking a leading "::" and every legacy prefix.
void append_log_line(std::string& out, std::string_view line) {
  size_t start = 0;
  for (size_t i = 0; i < line.size();) {
    start = i;
    if (!is_dotnet_space(decode_next(line, i))) break;
    start = i;
  }
  out.append(line.substr(0, start));
  std::string_view rest = line.substr(start);
  if (rest.starts_with("::")) {
    out += "%3A";
    rest.remove_prefix(1);
  }
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '[' &&
        (rest.substr(0, i).ends_with("##") || rest.substr(0, i).ends_with("##vso")))
      out += "%5B";
    else
      out += rest[i];
  }
}

}  // namespace

size_t decode_utf8(std::string_view text, size_t i, char32_t& code) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    code = lead;
    return 1;
  }
  size_t length;
  char32_t minimum;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    minimum = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  code = lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

size_t find_invalid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t code;
    const size_t length = decode_utf8(text, i, code);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

size_t display_width(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {  // most text is ASCII: one column each (NUL none), no decoding
      width += lead != 0 ? 1 : 0;
      ++i;
      continue;
    }
    width += char_width(decode_next(text, i));
  }
  return width;
}

std::string terminal_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t cp = decode_next(text, i);
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      out += ' ';
    } else if (cp == 0xFFFD || is_hidden_control(cp)) {
      out += "\uFFFD";
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

std::string workflow_log_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t begin = 0;
  while (begin <= text.size()) {
    const size_t end = std::min(text.find_first_of("\r\n", begin), text.size());
    append_log_line(out, text.substr(begin, end - begin));
    if (end == text.size()) break;
    out += text[end];
    begin = end + 1;
  }
  return out;
}

std::string visible_controls(std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xF];
    } else {
      out += ch;
    }
  }
  return out;
}

std::string message_excerpt(std::string_view text) {
  constexpr size_t max_bytes = 60;
  size_t limit = std::min(text.size(), max_bytes);
  while (limit < text.size() && limit > 0 &&
         (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) {
    --limit;
  }
  return visible_controls(text.substr(0, limit)) + (limit < text.size() ? "…" : "");
}

std::string shorten_middle(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  const auto is_continuation = [&](size_t i) {
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  size_t head = max_bytes / 2;
  while (head > 0 && is_continuation(head)) --head;
  size_t tail = text.size() - max_bytes / 2;
  while (is_continuation(tail)) ++tail;
  return std::string(text.substr(0, head)) + " … " + std::string(text.substr(tail));
}

std::string pad_right(std::string_view text, size_t width) {
  std::string out(text);
  const size_t have = display_width(text);
  if (have < width) out.append(width - have, ' ');
  return out;
}

std::string pad_left(std::string_view text, size_t width) {
  const size_t have = display_width(text);
  std::string out(have < width ? width - have : 0, ' ');
  out += text;
  return out;
}

std::string truncate_to_width(std::string_view text, size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::string out;
  size_t used = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const size_t w = char_width(decode_next(text, i));
    if (used + w > width - 1) break;
    used += w;
    out.append(text.substr(start, i - start));
  }
  return out + "…";
}

}  // namespace iooi
