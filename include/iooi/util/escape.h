#pragma once
// The loop every text escaper shares; each output format only says which
// characters it replaces and by what.
#include <string>
#include <string_view>

namespace iooi {

// Copies `text`, replacing each character `c` for which `replacement(c)` returns
// a non-null string by that string.
template <typename Replacement>
std::string replace_chars(std::string_view text, Replacement replacement) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (const char* replaced = replacement(c)) {
      out += replaced;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace iooi
