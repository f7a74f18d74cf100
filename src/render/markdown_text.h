#pragma once
// User text in Markdown (report --format markdown, diff --format markdown): the one
// escaping both use, so a title cannot break a table or inject markup in either.
#include <string>
#include <string_view>

namespace iooi::markdown {

// CommonMark allows a backslash before any ASCII punctuation; these are the ones
// that could start markup, a table cell, an HTML tag or an entity. Control
// characters go first (terminal_text): the summary is often read in a terminal.
std::string text(std::string_view text);

// An id or owner in a code span. Ids may break the id syntax (invalid-id: off): a
// backtick would end the span and `|` split a table cell even inside one, so such
// text (and empty text, which has no code span) is written as escaped plain text; a
// line break would end the heading or the cell, so it becomes a space (terminal_text).
std::string code(std::string_view text);

}  // namespace iooi::markdown
