#pragma once
// The text of a new check-in in the form its neighbours use.
#include <string>
#include <string_view>

#include "iooi/edit/checkin_edit.h"
#include "iooi/yaml/tree.h"
#include "yaml_text.h"

namespace iooi::edit {

enum class NoteQuoting : unsigned char { as_needed, double_quotes, single_quotes };

struct ItemStyle {
  bool block_items = false;  // `- date: ...` lines rather than `- {date: ...}`
  size_t list_indent = 2;    // columns from a `checkins:` key to its items' '-'
  NoteQuoting note = NoteQuoting::as_needed;
};

// The style of `list` (a measure's check-in list) when it has items, else of the
// first other measure in the file that has some, else the defaults.
ItemStyle style_of(const yaml::Node* list, const yaml::Node* root, const TextView& view);

// "\r\n" when the file's first line ends so, else "\n".
std::string line_break_of(std::string_view text);

// `{date: ..., value: ...}`, or for `block` the `date: ...` lines joined by
// `eol` + `key_indent`.
std::string checkin_item(const CheckinEntry& entry, const ItemStyle& style, bool block,
                         const std::string& key_indent, const std::string& eol);

// The note as a YAML scalar: plain when that reads back as the same text in
// flow and block context, else quoted.
std::string note_scalar(std::string_view note, NoteQuoting quoting);

}  // namespace iooi::edit
