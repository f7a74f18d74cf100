#pragma once
// Reading YAML text around positions the reader reported: where a node's text
// ends, where a line ends, what a line is indented with. Only what inserting a
// check-in needs (docs/checkins.md); the proof re-reads the result, so a
// misjudged end is caught there, never written.
#include <cstddef>
#include <string_view>

#include "iooi/yaml/tree.h"

namespace iooi::edit {

// Offsets into the text the reader saw (after a BOM).
struct TextView {
  std::string_view text;

  size_t line_start(size_t offset) const;
  // The end of the line holding `offset`, before its '\n' (and a '\r' before it).
  size_t line_end(size_t offset) const;
  // Bytes from the start of the line to `offset` (a column counted in bytes).
  size_t column(size_t offset) const { return offset - line_start(offset); }
  // Whether only spaces and tabs precede `offset` on its line.
  bool starts_line(size_t offset) const;
  // The first offset at or after `offset` that is not a space, tab, line break or
  // comment ('#' after whitespace up to the end of its line).
  size_t skip_space_and_comments(size_t offset) const;

  // Where the text of `node` ends (one past its last byte). `owner_column` is the
  // byte column of the key or '-' owning the node: a multi-line plain scalar
  // continues on lines indented deeper than it. `in_flow`: inside '[' or '{'.
  size_t node_end(const yaml::Node& node, size_t owner_column, bool in_flow) const;

  // Whether the file ends, without a final line break, in a block scalar ('|' or
  // '>') that keeps its last line break: any text after it would add one.
  bool ends_in_block_scalar(const yaml::Node& root) const;

  // One past the ':' that follows a key (a key whose value is empty ends there).
  size_t after_key_colon(const yaml::Node& key, bool in_flow) const;

 private:
  size_t scalar_end(size_t offset, size_t owner_column, bool in_flow) const;
  size_t quoted_end(size_t offset) const;
  size_t block_scalar_end(size_t offset, size_t owner_column) const;
  size_t plain_end(size_t offset, size_t owner_column, bool in_flow) const;
  size_t plain_end_in_line(size_t from, size_t limit, bool in_flow) const;
  size_t flow_plain_end(size_t offset) const;
  size_t block_plain_continuation(size_t offset, size_t owner_column, size_t end) const;
  size_t flow_collection_end(size_t offset) const;
  size_t skip_properties(size_t offset) const;
};

}  // namespace iooi::edit
