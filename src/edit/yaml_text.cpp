#include "yaml_text.h"

#include <algorithm>
#include <limits>

namespace iooi::edit {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

constexpr size_t no_owner = std::numeric_limits<size_t>::max();

}  // namespace

size_t TextView::line_start(size_t offset) const {
  offset = std::min(offset, text.size());
  const size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  return newline == std::string_view::npos ? 0 : newline + 1;
}

size_t TextView::line_end(size_t offset) const {
  size_t end = text.find('\n', std::min(offset, text.size()));
  if (end == std::string_view::npos) return text.size();
  if (end > offset && text[end - 1] == '\r') --end;
  return end;
}

bool TextView::starts_line(size_t offset) const {
  for (size_t i = line_start(offset); i < offset; ++i) {
    if (!is_blank(text[i])) return false;
  }
  return true;
}

size_t TextView::skip_space_and_comments(size_t offset) const {
  size_t i = offset;
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
    } else if (text[i] == '#' && (i == 0 || is_space(text[i - 1]))) {
      i = line_end(i);
    } else {
      break;
    }
  }
  return i;
}

size_t TextView::skip_properties(size_t offset) const {
  size_t i = offset;
  while (i < text.size() && (text[i] == '&' || text[i] == '!')) {
    while (i < text.size() && !is_space(text[i])) ++i;
    while (i < text.size() && is_space(text[i])) ++i;
  }
  return i;
}

size_t TextView::node_end(const yaml::Node& node, size_t owner_column, bool in_flow) const {
  using yaml::NodeKind;
  if (node.kind == NodeKind::scalar || node.kind == NodeKind::null) {
    return scalar_end(node.offset, owner_column, in_flow);
  }
  if (node.flow) return flow_collection_end(skip_properties(node.offset));
  if (node.children.empty()) return node.offset;
  if (node.kind == NodeKind::sequence) {
    const yaml::Node& last = *node.children.back();
    const size_t dash_column = column(node.offset);
    // An empty item is marked at its '-'.
    if (last.kind == NodeKind::null && last.offset < text.size() && text[last.offset] == '-') {
      return last.offset + 1;
    }
    return node_end(last, dash_column, false);
  }
  const yaml::Node& key = *node.children[node.children.size() - 2];
  const yaml::Node& value = *node.children.back();
  if (value.kind == NodeKind::null && value.offset <= key.offset)
    return after_key_colon(key, false);
  return node_end(value, column(key.offset), false);
}

size_t TextView::after_key_colon(const yaml::Node& key, bool in_flow) const {
  size_t i = scalar_end(key.offset, no_owner, in_flow);
  while (i < text.size() && is_blank(text[i])) ++i;
  return i < text.size() && text[i] == ':' ? i + 1 : i;
}

size_t TextView::scalar_end(size_t offset, size_t owner_column, bool in_flow) const {
  const size_t start = skip_properties(offset);
  if (start >= text.size()) return text.size();
  const char first = text[start];
  if (first == '"' || first == '\'') return quoted_end(start);
  if (!in_flow && (first == '|' || first == '>')) return block_scalar_end(start, owner_column);
  return plain_end(start, owner_column, in_flow);
}

size_t TextView::quoted_end(size_t offset) const {
  const char quote = text[offset];
  for (size_t i = offset + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return text.size();
}

// Content lines are indented at least as deep as the first one (or as the
// indentation indicator says); trailing blank lines belong to the scalar only
// with keep chomping ('+').
size_t TextView::block_scalar_end(size_t offset, size_t owner_column) const {
  size_t content_indent = 0;
  bool keep = false;
  for (size_t i = offset + 1; i < text.size() && !is_space(text[i]); ++i) {
    if (text[i] >= '1' && text[i] <= '9') content_indent = owner_column + (text[i] - '0');
    if (text[i] == '+') keep = true;
  }
  size_t end = line_end(offset);
  size_t after_blank = end;
  for (size_t line = end; line < text.size();) {
    line = text.find('\n', line);
    if (line == std::string_view::npos || line + 1 >= text.size()) break;
    ++line;
    size_t indent = 0;
    while (line + indent < text.size() && text[line + indent] == ' ') ++indent;
    const size_t this_end = line_end(line);
    const bool blank = std::all_of(text.begin() + static_cast<ptrdiff_t>(line + indent),
                                   text.begin() + static_cast<ptrdiff_t>(this_end), is_blank);
    if (blank) {
      after_blank = this_end;
      continue;
    }
    if (content_indent == 0) {
      if (owner_column != no_owner && indent <= owner_column) break;
      content_indent = indent;
    }
    if (indent < content_indent) break;
    end = after_blank = this_end;
  }
  return keep ? after_blank : end;
}

bool TextView::ends_in_block_scalar(const yaml::Node& root) const {
  if (text.empty() || text.back() == '\n') return false;
  const yaml::Node* last = &root;
  while (!last->children.empty()) last = last->children.back();
  if (last->kind != yaml::NodeKind::scalar) return false;
  const size_t start = skip_properties(last->offset);
  if (start >= text.size() || (text[start] != '|' && text[start] != '>')) return false;
  const size_t header_end = text.find_first_of(" \t\r\n", start);
  return text.substr(start, header_end - start).find('-') == std::string_view::npos;
}

// The end of plain text within one line: before a comment or a ': '.
size_t TextView::plain_end_in_line(size_t from, size_t limit, bool in_flow) const {
  size_t i = from;
  for (; i < limit; ++i) {
    const char c = text[i];
    if (in_flow && is_flow_indicator(c)) break;
    if (c == '#' && i > from && is_space(text[i - 1])) break;
    if (c == ':' && (i + 1 >= text.size() || is_space(text[i + 1]) ||
                     (in_flow && is_flow_indicator(text[i + 1])))) {
      break;
    }
  }
  while (i > from && is_space(text[i - 1])) --i;
  return i;
}

size_t TextView::plain_end(size_t offset, size_t owner_column, bool in_flow) const {
  if (in_flow) return flow_plain_end(offset);
  const size_t end = plain_end_in_line(offset, line_end(offset), false);
  return owner_column == no_owner ? end : block_plain_continuation(offset, owner_column, end);
}

// Flow plain scalars may span lines; only indicators and comments end them.
size_t TextView::flow_plain_end(size_t offset) const {
  size_t i = offset;
  while (true) {
    const size_t line_limit = line_end(i);
    const size_t end = plain_end_in_line(i, line_limit, true);
    if (end < line_limit || line_limit >= text.size()) return end > offset ? end : offset;
    const size_t next = skip_space_and_comments(line_limit);
    if (next >= text.size() || is_flow_indicator(text[next]) || text[next] == ':') return end;
    i = next;
  }
}

// Block plain scalars continue on lines indented deeper than their owner; `end`
// is where the first line's text ends.
size_t TextView::block_plain_continuation(size_t offset, size_t owner_column, size_t end) const {
  for (size_t line = line_end(offset); line < text.size();) {
    line = text.find('\n', line);
    if (line == std::string_view::npos) break;
    ++line;
    size_t indent = 0;
    while (line + indent < text.size() && text[line + indent] == ' ') ++indent;
    const size_t first = line + indent;
    const size_t this_end = line_end(line);
    if (first >= this_end ||
        std::all_of(text.begin() + static_cast<ptrdiff_t>(first),
                    text.begin() + static_cast<ptrdiff_t>(this_end), is_blank)) {
      continue;
    }
    if (text[first] == '#' || indent <= owner_column) break;
    end = plain_end_in_line(first, this_end, false);
  }
  return end;
}

size_t TextView::flow_collection_end(size_t offset) const {
  int depth = 0;
  bool at_token_start = true;
  for (size_t i = offset; i < text.size(); ++i) {
    const char c = text[i];
    if (is_space(c)) continue;
    if (c == '#' && i > 0 && is_space(text[i - 1])) {
      i = line_end(i) - 1;
      continue;
    }
    if ((c == '"' || c == '\'') && at_token_start) {
      i = quoted_end(i) - 1;
      at_token_start = false;
      continue;
    }
    if (c == '[' || c == '{') {
      ++depth;
      at_token_start = true;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) return i + 1;
      at_token_start = false;
    } else {
      at_token_start = c == ',' || c == ':' || c == '?';
    }
  }
  return text.size();
}

}  // namespace iooi::edit
