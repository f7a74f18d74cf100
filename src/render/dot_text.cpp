#include "dot_text.h"

#include "iooi/util/escape.h"
#include "iooi/util/utf8.h"

namespace iooi::dot {

std::string text(std::string_view text) {
  return replace_chars(terminal_text(text), [](char c) -> const char* {
    switch (c) {
      case '"':
        return "\\\"";
      case '\\':
        return "\\\\";
      default:
        return nullptr;
    }
  });
}

}  // namespace iooi::dot
