#include "iooi/util/glob.h"

#include <set>
#include <utility>

namespace iooi {
namespace {

// Whether the set of a bracket expression (the text between `[` and `]`)
// holds `c`: single characters and ranges `a-z`; `!` or `^` first negates.
bool set_holds(std::string_view set, char c) {
  const bool negate = !set.empty() && (set[0] == '!' || set[0] == '^');
  if (negate) set.remove_prefix(1);
  bool found = false;
  for (size_t i = 0; i < set.size(); ++i) {
    if (i + 2 < set.size() && set[i + 1] == '-') {
      found |= set[i] <= c && c <= set[i + 2];
      i += 2;
    } else {
      found |= set[i] == c;
    }
  }
  return found != negate;
}

// How many bytes of `pattern` from `p` (not a `*`) match the one character `c`:
// 1 for `?` or the same character, the bracket expression's length when its set
// holds `c`, 0 for no match. A `[` without its `]` matches nothing.
size_t match_width(std::string_view pattern, size_t p, char c) {
  if (pattern[p] != '[') return pattern[p] == '?' || pattern[p] == c ? 1 : 0;
  const size_t close = pattern.find(']', p + 1);
  if (close == std::string_view::npos) return 0;
  return set_holds(pattern.substr(p + 1, close - p - 1), c) ? close + 1 - p : 0;
}

// Matches one path segment (no '/') against a segment pattern with * ? [..]:
// on a mismatch, the last `*` takes one more character.
bool match_segment(std::string_view pattern, std::string_view text) {
  size_t p = 0;
  size_t t = 0;
  size_t star_p = std::string_view::npos;
  size_t star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star_p = p++;
      star_t = t;
      continue;
    }
    const size_t width = p < pattern.size() ? match_width(pattern, p, text[t]) : 0;
    if (width > 0) {
      p += width;
      ++t;
      continue;
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p + 1;
    t = ++star_t;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::string_view first_segment(std::string_view path) { return path.substr(0, path.find('/')); }

std::string_view rest_after_segment(std::string_view path) {
  const size_t slash = path.find('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
}

// Pattern and path suffixes (by their lengths) already known not to match.
// Without it, a pattern with several `**` takes time exponential in their number.
using FailedSuffixes = std::set<std::pair<size_t, size_t>>;

bool match_path(std::string_view pattern, std::string_view path, FailedSuffixes& failed);

bool match_path_once(std::string_view pattern, std::string_view path, FailedSuffixes& failed) {
  if (pattern.empty()) return path.empty();
  const std::string_view head = first_segment(pattern);
  const std::string_view pattern_rest = rest_after_segment(pattern);
  if (head == "**") {
    if (pattern_rest.empty()) return true;
    for (std::string_view suffix = path;; suffix = rest_after_segment(suffix)) {
      if (match_path(pattern_rest, suffix, failed)) return true;
      if (suffix.find('/') == std::string_view::npos) return false;
    }
  }
  if (path.empty()) return false;
  if (!match_segment(head, first_segment(path))) return false;
  const std::string_view path_rest = rest_after_segment(path);
  // A pattern that ends at a folder also covers everything below that folder.
  if (pattern_rest.empty()) return true;
  return match_path(pattern_rest, path_rest, failed);
}

bool match_path(std::string_view pattern, std::string_view path, FailedSuffixes& failed) {
  const std::pair<size_t, size_t> key{pattern.size(), path.size()};
  if (failed.contains(key)) return false;
  if (match_path_once(pattern, path, failed)) return true;
  failed.insert(key);
  return false;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  while (pattern.starts_with("./")) pattern.remove_prefix(2);
  while (path.starts_with("./")) path.remove_prefix(2);
  while (pattern.ends_with('/')) pattern.remove_suffix(1);
  FailedSuffixes failed;
  return match_path(pattern, path, failed);
}

}  // namespace iooi
