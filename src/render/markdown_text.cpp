#include "markdown_text.h"

#include <fmt/format.h>

#include "iooi/util/escape.h"
#include "iooi/util/utf8.h"

namespace iooi::markdown {

std::string text(std::string_view text) {
  return replace_chars(terminal_text(text), [](char c) -> const char* {
    switch (c) {
      case '\\':
        return "\\\\";
      case '`':
        return "\\`";
      case '*':
        return "\\*";
      case '_':
        return "\\_";
      case '[':
        return "\\[";
      case ']':
        return "\\]";
      case '<':
        return "\\<";
      case '>':
        return "\\>";
      case '|':
        return "\\|";
      case '#':
        return "\\#";
      case '&':
        return "\\&";
      case '~':
        return "\\~";
      case '!':
        return "\\!";
      default:
        return nullptr;
    }
  });
}

std::string code(std::string_view text) {
  if (text.empty() || text.find_first_of("`|") != std::string_view::npos) {
    return markdown::text(text);
  }
  return fmt::format("`{}`", terminal_text(text));
}

}  // namespace iooi::markdown
