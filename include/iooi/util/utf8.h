#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace iooi {

// Decodes the UTF-8 sequence starting at text[i] into `code` and returns its length,
// or 0 when it is not valid UTF-8 (truncated, overlong, surrogate, above U+10FFFF).
size_t decode_utf8(std::string_view text, size_t i, char32_t& code);

// Returns the byte offset of the first invalid UTF-8 sequence, or npos when valid.
// Overlong forms, surrogates and code points above U+10FFFF are invalid.
size_t find_invalid_utf8(std::string_view text);

// Columns a terminal uses for the text: combining marks take 0, East Asian wide
// and fullwidth characters (CJK, emoji) take 2, everything else 1.
size_t display_width(std::string_view text);

// Pads with spaces on the right (or left) to the given display width.
std::string pad_right(std::string_view text, size_t width);
std::string pad_left(std::string_view text, size_t width);

// User text made safe to print on a terminal: tab, line feed and carriage return become
// a space; other C0 and C1 control characters, DEL, the bidirectional embedding,
// override and isolate controls (which reorder what follows) and invalid UTF-8 become
// U+FFFD, so text can neither send escape sequences nor hide or reorder other text.
std::string terminal_text(std::string_view text);

// Text for a log that a CI runner reads commands from (docs/security.md): GitHub's
// runner takes a line whose first non-blank characters are "::" as a workflow command,
// and "##[" anywhere in a line as one of the legacy form (Azure Pipelines: "##vso[").
// One character of each is percent-encoded, as in the runner's own escaping ("%3A:",
// "##%5B"), so the line reads the same but commands nothing. Lines end at LF or CR.
std::string workflow_log_text(std::string_view text);

// User text quoted in a message, with its control characters written out: line feed and
// tab as \n and \t, other ASCII controls and DEL as \xNN, so that the message keeps one
// line and the reader sees what was typed.
std::string visible_controls(std::string_view text);
// The same, cut after about 60 bytes (between characters) with "…".
std::string message_excerpt(std::string_view text);

// Text of at most about `max_bytes`: a longer one keeps its start and its end around
// " … ", cut between characters. For messages that quote a long value.
std::string shorten_middle(std::string_view text, size_t max_bytes);

// Cuts the text to at most `width` columns, ending in "…" when it was cut.
std::string truncate_to_width(std::string_view text, size_t width);

}  // namespace iooi
