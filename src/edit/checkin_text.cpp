#include "checkin_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "iooi/util/utf8.h"
#include "measure_locator.h"

namespace iooi::edit {
namespace {

using yaml::Node;
using yaml::NodeKind;

bool is_ascii_alnum(unsigned char c) { return std::isalnum(c) != 0 && c < 0x80; }

// Words a YAML reader may take for a boolean or null rather than text.
bool is_special_word(std::string_view text) {
  static constexpr std::array<std::string_view, 11> words{
      "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~", "nan"};
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(words.begin(), words.end(), lower) != words.end();
}

// Conservative: letters first (no number, date or indicator), then only
// characters that mean nothing to YAML in flow or block context.
bool plain_is_safe(std::string_view text) {
  if (text.empty() || text.back() == ' ' || is_special_word(text)) return false;
  const auto first = static_cast<unsigned char>(text.front());
  if (!(first >= 0x80 || (is_ascii_alnum(first) && std::isdigit(first) == 0))) return false;
  if (find_invalid_utf8(text) != std::string_view::npos) return false;
  // C1 controls (U+0080..U+009F), line and paragraph separators, BOM.
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\xC2' && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return false;
  }
  for (std::string_view odd : {"\u2028", "\u2029", "\uFEFF"}) {
    if (text.find(odd) != std::string_view::npos) return false;
  }
  return std::all_of(text.begin(), text.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c >= 0x80 || is_ascii_alnum(c) ||
           std::string_view(" .-_/()+;=?!'%$").find(ch) != std::string_view::npos;
  });
}

// Escapes what YAML does not allow raw in double quotes (non-printable code
// points) and what a reader might take for a line break.
std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    char32_t code = 0;
    const size_t length = std::max<size_t>(1, decode_utf8(text, i, code));
    if (code == '"' || code == '\\') {
      out += '\\';
      out += static_cast<char>(code);
    } else if (code == '\n') {
      out += "\\n";
    } else if (code == '\t') {
      out += "\\t";
    } else if (code < 0x20 || (code >= 0x7F && code <= 0x9F)) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(code));
    } else if (code == 0x2028 || code == 0x2029 || code == 0xFEFF) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(code));
    } else {
      out += text.substr(i, length);
    }
    i += length;
  }
  return out + "\"";
}

NoteQuoting quoting_of(const Node& list, const TextView& view) {
  for (const Node* item : list.children) {
    const Node* note = item->kind == NodeKind::mapping ? item->find("note") : nullptr;
    if (note == nullptr || note->kind != NodeKind::scalar || note->offset >= view.text.size()) {
      continue;
    }
    const char first = view.text[note->offset];
    if (first == '\'') return NoteQuoting::single_quotes;
    return first == '"' ? NoteQuoting::double_quotes : NoteQuoting::as_needed;
  }
  return NoteQuoting::as_needed;
}

const Node* checkins_key(const Node& measure) {
  for (size_t i = 0; i < measure.size(); ++i) {
    const Node* key = measure.key(i);
    if (key->kind == NodeKind::scalar && key->value == "checkins") return key;
  }
  return nullptr;
}

}  // namespace

ItemStyle style_of(const Node* list, const Node* root, const TextView& view) {
  ItemStyle style;
  const Node* sample = list != nullptr && !list->children.empty() ? list : nullptr;
  const Node* sample_key = nullptr;
  if (sample == nullptr) {
    for (const Node* measure : all_measures(root)) {
      const Node* other = measure->find("checkins");
      if (other == nullptr || other->kind != NodeKind::sequence || other->children.empty()) {
        continue;
      }
      sample = other;
      sample_key = checkins_key(*measure);
      break;
    }
  }
  if (sample == nullptr) return style;
  const Node& last = *sample->children.back();
  style.block_items = !sample->flow && last.kind == NodeKind::mapping && !last.flow;
  style.note = quoting_of(*sample, view);
  if (sample_key != nullptr && !sample->flow && view.starts_line(sample_key->offset)) {
    const size_t key_column = view.column(sample_key->offset);
    const size_t dash_column = view.column(sample->offset);
    if (dash_column >= key_column) style.list_indent = dash_column - key_column;
  }
  return style;
}

std::string line_break_of(std::string_view text) {
  const size_t newline = text.find('\n');
  return newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r' ? "\r\n"
                                                                                       : "\n";
}

std::string note_scalar(std::string_view note, NoteQuoting quoting) {
  switch (quoting) {
    case NoteQuoting::as_needed:
      return plain_is_safe(note) ? std::string(note) : double_quoted(note);
    case NoteQuoting::single_quotes:
      // Single quotes escape nothing but the quote itself.
      if (double_quoted(note).size() == note.size() + 2 +
                                            std::count(note.begin(), note.end(), '"') +
                                            std::count(note.begin(), note.end(), '\\')) {
        std::string out = "'";
        for (char c : note) out += c == '\'' ? std::string("''") : std::string(1, c);
        return out + "'";
      }
      return double_quoted(note);
    case NoteQuoting::double_quotes:
      return double_quoted(note);
  }
  return double_quoted(note);
}

std::string checkin_item(const CheckinEntry& entry, const ItemStyle& style, bool block,
                         const std::string& key_indent, const std::string& eol) {
  std::vector<std::pair<std::string_view, std::string>> fields{{"date", entry.date.to_string()},
                                                               {"value", entry.value}};
  if (entry.confidence) fields.emplace_back("confidence", std::to_string(*entry.confidence));
  if (entry.note) fields.emplace_back("note", note_scalar(*entry.note, style.note));
  std::string out = block ? "" : "{";
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += block ? eol + key_indent : ", ";
    out += fmt::format("{}: {}", fields[i].first, fields[i].second);
  }
  return block ? out : out + "}";
}

}  // namespace iooi::edit
