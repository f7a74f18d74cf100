// Builds the small position-aware tree of tree.h from yaml-cpp's event API.
// yaml-cpp parses; this file adds what plan files need on top: positions in
// characters, the limits of docs/limits.md, duplicate keys and merge keys.
#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <istream>
#include <memory_resource>
#include <new>
#include <optional>
#include <streambuf>

#include "iooi/util/utf8.h"
#include "iooi/yaml/tree.h"

namespace iooi::yaml {
namespace {

using namespace std::string_view_literals;

// yaml-cpp reads through std::istream; this lets it read the caller's bytes in
// place instead of copying the whole file into a stringstream first.
class ViewStreambuf final : public std::streambuf {
 public:
  explicit ViewStreambuf(std::string_view bytes) {
    // The get area is never written: putback of a different character fails
    // (the default pbackfail) instead of storing into the buffer.
    char* begin = const_cast<char*>(bytes.data());
    setg(begin, begin, begin + bytes.size());
  }
};

struct Position {
  int line = 0;       // 1-based, 0 = unknown
  int column = 0;     // 1-based in characters (code points), 0 = unknown
  size_t offset = 0;  // in bytes
};

// yaml-cpp counts columns in bytes; users and editors count characters. The
// cache makes the conversion linear overall because events arrive in order.
class PositionMapper {
 public:
  explicit PositionMapper(std::string_view text) : text_(text) {}

  Position at(const YAML::Mark& mark) {
    if (mark.is_null() || mark.pos < 0 || mark.line < 0) return {};
    const size_t pos = std::min(static_cast<size_t>(mark.pos), text_.size());
    const size_t byte_column = mark.column > 0 ? static_cast<size_t>(mark.column) : 0;
    const size_t line_start = byte_column <= pos ? pos - byte_column : 0;
    size_t from = line_start;
    size_t column = 0;
    if (line_start == cached_line_start_ && pos >= cached_pos_) {
      from = cached_pos_;
      column = cached_column_;
    }
    column += count_code_points(from, pos);
    cached_line_start_ = line_start;
    cached_pos_ = pos;
    cached_column_ = column;
    return {mark.line + 1, static_cast<int>(column) + 1, pos};
  }

  // Position of a byte offset, for places yaml-cpp has no mark for.
  Position at_offset(size_t offset) const {
    offset = std::min(offset, text_.size());
    int line = 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + offset, '\n'));
    const size_t newline = offset == 0 ? std::string_view::npos : text_.rfind('\n', offset - 1);
    const size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
    return {line, static_cast<int>(count_code_points(line_start, offset)) + 1, offset};
  }

 private:
  size_t count_code_points(size_t from, size_t to) const {
    size_t n = 0;
    for (size_t i = from; i < to; ++i) n += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    return n;
  }

  std::string_view text_;
  size_t cached_line_start_ = std::string_view::npos;
  size_t cached_pos_ = 0;
  size_t cached_column_ = 0;
};

// Thrown out of the event handler to abandon the parse once a limit is hit.
// Not a std::exception, so nothing between yaml-cpp and read_yaml swallows it.
struct StopReading {};

std::string shorten(std::string_view text, size_t max_bytes = 60) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

// The text a key is compared by for duplicates and merges; collections as keys
// have none. Plain nulls (`~:`, `null:`, an empty key) all compare equal.
constexpr std::string_view null_key_text{"\0~", 2};

std::optional<std::string_view> key_text(const Node* key) {
  if (key->kind == NodeKind::scalar) return std::string_view(key->value);
  if (key->kind == NodeKind::null) return null_key_text;
  return std::nullopt;
}

std::string describe_key(std::string_view text) {
  if (text == null_key_text) return "the empty (null) key";
  return fmt::format("key '{}'", shorten(text));
}

bool is_merge_key(const Node* key) {
  return key->kind == NodeKind::scalar && !key->quoted && key->value == "<<";
}

std::string_view kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::null:
      return "an empty value";
    case NodeKind::scalar:
      return "a scalar";
    case NodeKind::sequence:
      return "a list";
    case NodeKind::mapping:
      return "a mapping";
  }
  return "a node";
}

// Finds keys of one mapping while it is being resolved. Small mappings are
// scanned (no allocation); big ones use an open-addressing table over the
// scratch vector, reused from mapping to mapping, so each mapping costs O(n).
class KeyIndex {
 public:
  static constexpr size_t linear_limit = 8;

  void reset(const std::vector<const Node*>* entries, size_t begin, size_t capacity) {
    entries_ = entries;
    begin_ = begin;
    hashed_ = capacity > linear_limit;
    if (!hashed_) return;
    size_t slots = 16;
    while (slots < 2 * capacity) slots *= 2;
    slots_.assign(slots, 0);
  }

  // Offset (into the entries vector) of the kept key with this text, else npos.
  size_t find(std::string_view text, size_t end) const {
    const auto& entries = *entries_;
    if (!hashed_) {
      for (size_t i = begin_; i < end; i += 2) {
        const std::optional<std::string_view> other = key_text(entries[i]);
        if (other && *other == text) return i;
      }
      return std::string_view::npos;
    }
    const size_t mask = slots_.size() - 1;
    for (size_t s = std::hash<std::string_view>{}(text)&mask;; s = (s + 1) & mask) {
      if (slots_[s] == 0) return std::string_view::npos;
      const size_t i = slots_[s] - 1;
      if (*key_text(entries[i]) == text) return i;
    }
  }

  void insert(std::string_view text, size_t offset) {
    if (!hashed_) return;
    const size_t mask = slots_.size() - 1;
    size_t s = std::hash<std::string_view>{}(text)&mask;
    while (slots_[s] != 0) s = (s + 1) & mask;
    slots_[s] = offset + 1;
  }

 private:
  const std::vector<const Node*>* entries_ = nullptr;
  size_t begin_ = 0;
  bool hashed_ = false;
  std::vector<size_t> slots_;
};

// The text lives as long as the document: nodes keep views into the arena.
std::string_view copy_to_arena(std::pmr::memory_resource& arena, const std::string& text) {
  if (text.empty()) return {};
  char* copy = std::pmr::polymorphic_allocator<char>(&arena).allocate(text.size());
  std::copy_n(text.data(), text.size(), copy);
  return {copy, text.size()};
}

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const std::string& path, const ReadLimits& limits,
              Document& document, Findings& findings)
      : text_(text),
        path_(path),
        limits_(limits),
        document_(document),
        findings_(findings),
        positions_(text) {
    frames_.reserve(std::min<size_t>(limits.max_depth, 64) + 1);
    pending_.reserve(256);
  }

  size_t documents_seen() const { return documents_seen_; }
  Position position(const YAML::Mark& mark) { return positions_.at(mark); }

  void OnDocumentStart(const YAML::Mark& mark) override {
    ++documents_seen_;
    anchors_.clear();  // anchors are local to their document
    if (documents_seen_ > limits_.max_documents) {
      const Position at = positions_.at(mark);
      const size_t pos = static_cast<size_t>(std::max(mark.pos, 0));
      const bool marker = text_.substr(pos, 3) == "---";
      std::string how = marker
                            ? fmt::format("remove the '---' at line {} or split the file", at.line)
                            : fmt::format(
                                  "the next document starts at line {}; remove what follows or "
                                  "split the file",
                                  at.line);
      // Not fatal: the first document stays usable, the rest is not read.
      findings_.push_back(make_finding(
          Rule::yaml_structure, path_, at.line, at.column,
          fmt::format("more than one YAML document; a plan file holds exactly one — {}", how)));
      throw StopReading{};
    }
  }

  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const Position at = empty_node_position(mark);
    Node& node = new_node(NodeKind::null, at);
    remember_anchor(anchor, node, 1, 0, 0);
    add_value(&node, 1, 0, 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const Position at = positions_.at(mark);
    if (value.size() > limits_.max_scalar_bytes) {
      fail(Rule::yaml_structure, at,
           fmt::format("a value of {} bytes is longer than the limit of {} bytes; shorten it or "
                       "keep long text outside the plan",
                       value.size(), limits_.max_scalar_bytes));
    }
    count_bytes(value.size(), at, nullptr);
    Node& node = new_node(NodeKind::scalar, at);
    // yaml-cpp tags plain scalars "?" and quoted or block scalars "!"; an explicit
    // `!!str` also means "text, never a number".
    node.quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
    node.value = copy_to_arena(*document_.arena, value);
    remember_anchor(anchor, node, 1, 0, value.size());
    add_value(&node, 1, 0, value.size());
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const Position at = positions_.at(mark);
    if (anchor >= anchors_.size() || anchors_[anchor].node == nullptr) {
      fail(Rule::yaml_syntax, at,
           "invalid YAML: an alias (*name) refers to an anchor (&name) that is not defined before "
           "it; define the anchor first");
    }
    const Anchor& target = anchors_[anchor];
    if (target.open) {
      fail(Rule::yaml_structure, at,
           fmt::format("alias '*{}' refers to '&{}' (line {}), which contains the alias itself; "
                       "such a cycle cannot be expanded — point the alias at another node",
                       target.name, target.name, target.node->line));
    }
    if (frames_.size() + target.height > limits_.max_depth) {
      fail(Rule::yaml_structure, at,
           fmt::format("alias '*{}' nests the document deeper than {} levels when expanded; "
                       "flatten the structure",
                       target.name, limits_.max_depth));
    }
    count_nodes(target.expanded, at, &target);
    count_bytes(target.bytes, at, &target);
    add_value(target.node, target.expanded, target.height, target.bytes);
  }

  void OnAnchor(const YAML::Mark& /*mark*/, const std::string& name) override {
    anchor_name_ = name;
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open_collection(NodeKind::sequence, mark, anchor, style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { close_collection(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open_collection(NodeKind::mapping, mark, anchor, style == YAML::EmitterStyle::Flow);
  }
  void OnMapEnd() override {
    resolve_mapping();
    close_collection();
  }

 private:
  struct Frame {
    Node* node;
    size_t first_child;  // index into pending_
    size_t expanded;     // nodes in the subtree, aliases expanded
    size_t height;       // nested collections in the subtree, itself included
    YAML::anchor_t anchor;
    size_t bytes = 0;  // scalar bytes in the subtree, aliases expanded
  };

  struct Anchor {
    const Node* node = nullptr;
    size_t expanded = 0;
    size_t height = 0;
    size_t bytes = 0;
    bool open = false;  // a collection whose end has not been seen: aliasing it is a cycle
    std::string name;
  };

  [[noreturn]] void fail(Rule rule, Position at, std::string message) {
    findings_.push_back(make_finding(rule, path_, at.line, at.column, std::move(message)));
    throw StopReading{};
  }

  Node& new_node(NodeKind kind, Position at) {
    count_nodes(1, at, nullptr);
    Node& node = document_.nodes.emplace_back();
    node.kind = kind;
    node.line = at.line;
    node.column = at.column;
    node.offset = static_cast<uint32_t>(at.offset);
    return node;
  }

  void count_nodes(size_t n, Position at, const Anchor* alias) {
    const size_t limit = limits_.max_expanded_nodes;
    if (n > limit || total_expanded_ > limit - n) {
      if (alias != nullptr) {
        fail(Rule::yaml_structure, at,
             fmt::format("alias expansion exceeds {} nodes: '*{}' repeats {} nodes here; use "
                         "fewer aliases of big anchored nodes or split the file",
                         limit, alias->name, alias->expanded));
      }
      fail(Rule::yaml_structure, at,
           fmt::format("the document has more than {} nodes; split it into several plan files",
                       limit));
    }
    total_expanded_ += n;
    document_.expanded_nodes = total_expanded_;
  }

  // Scalar text counted with every alias expanded: the tree shares an aliased
  // scalar, but the decoded plan and the findings copy it once per use.
  void count_bytes(size_t n, Position at, const Anchor* alias) {
    const size_t limit = limits_.max_expanded_bytes;
    if (n > limit || total_bytes_ > limit - n) {
      if (alias != nullptr) {
        fail(Rule::yaml_structure, at,
             fmt::format("alias expansion exceeds {} bytes of text: '*{}' repeats {} bytes "
                         "here; use fewer aliases of long values or split the file",
                         limit, alias->name, alias->bytes));
      }
      fail(Rule::yaml_structure, at,
           fmt::format("the document holds more than {} bytes of text; split it into several "
                       "plan files",
                       limit));
    }
    total_bytes_ += n;
    document_.expanded_bytes = total_bytes_;
  }

  void remember_anchor(YAML::anchor_t anchor, Node& node, size_t expanded, size_t height,
                       size_t bytes, bool open = false) {
    if (anchor == YAML::NullAnchor) return;
    node.anchored = true;
    if (anchor >= anchors_.size()) anchors_.resize(anchor + 1);
    Anchor& entry = anchors_[anchor];
    entry.node = &node;
    entry.expanded = expanded;
    entry.height = height;
    entry.bytes = bytes;
    entry.open = open;
    entry.name = std::move(anchor_name_);
    anchor_name_.clear();
  }

  void add_value(const Node* node, size_t expanded, size_t height, size_t bytes) {
    if (frames_.empty()) {
      if (documents_seen_ == 1) document_.root = node;
      return;
    }
    Frame& parent = frames_.back();
    pending_.push_back(node);
    parent.expanded += expanded;
    parent.bytes += bytes;
    parent.height = std::max(parent.height, height + 1);
  }

  void open_collection(NodeKind kind, const YAML::Mark& mark, YAML::anchor_t anchor, bool flow) {
    const Position at = positions_.at(mark);
    if (frames_.size() >= limits_.max_depth) {
      fail(Rule::yaml_structure, at,
           fmt::format("nesting deeper than {} levels; flatten the structure (plan files need "
                       "only a few levels)",
                       limits_.max_depth));
    }
    Node& node = new_node(kind, at);
    node.flow = flow;
    if (anchor != YAML::NullAnchor) remember_anchor(anchor, node, 0, 0, 0, /*open=*/true);
    frames_.push_back(Frame{&node, pending_.size(), 1, 1, anchor, 0});
  }

  void close_collection() {
    const Frame frame = frames_.back();
    frames_.pop_back();
    const size_t count = pending_.size() - frame.first_child;
    if (count > 0) {
      const Node** children =
          std::pmr::polymorphic_allocator<const Node*>(document_.arena.get()).allocate(count);
      std::copy(pending_.begin() + static_cast<ptrdiff_t>(frame.first_child), pending_.end(),
                children);
      frame.node->children = std::span<const Node* const>(children, count);
    }
    pending_.resize(frame.first_child);
    if (frame.anchor != YAML::NullAnchor && frame.anchor < anchors_.size()) {
      Anchor& entry = anchors_[frame.anchor];
      entry.expanded = frame.expanded;
      entry.height = frame.height;
      entry.bytes = frame.bytes;
      entry.open = false;
    }
    add_value(frame.node, frame.expanded, frame.height, frame.bytes);
  }

  // yaml-cpp marks an empty value at the token after it (often the next line).
  // Users expect an empty mapping value at its key and an empty list item at its '-'.
  Position empty_node_position(const YAML::Mark& mark) {
    const Position at = positions_.at(mark);
    if (frames_.empty() || mark.pos < 0) return at;
    const size_t pos = std::min(static_cast<size_t>(mark.pos), text_.size());
    if (is_explicit_null(pos)) return at;
    const Frame& parent = frames_.back();
    if (parent.node->kind == NodeKind::mapping) {
      const bool value_position = (pending_.size() - parent.first_child) % 2 == 1;
      if (value_position)
        return {pending_.back()->line, pending_.back()->column, pending_.back()->offset};
      return at;
    }
    size_t i = pos;
    while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t' || text_[i - 1] == '\r' ||
                     text_[i - 1] == '\n')) {
      --i;
    }
    if (i > 0 && text_[i - 1] == '-') return positions_.at_offset(i - 1);
    return at;
  }

  // Whether the text at `pos` is a null written out (`~`, `null`) or node
  // properties, rather than the next token after an empty value.
  bool is_explicit_null(size_t pos) const {
    const std::string_view rest = text_.substr(pos);
    if (rest.empty()) return false;
    if (rest[0] == '&' || rest[0] == '!') return true;
    for (std::string_view literal : {"~"sv, "null"sv, "Null"sv, "NULL"sv}) {
      if (rest.substr(0, literal.size()) != literal) continue;
      if (rest.size() == literal.size()) return true;
      const char next = rest[literal.size()];
      return next == ' ' || next == '\t' || next == '\r' || next == '\n' || next == ',' ||
             next == ']' || next == '}';
    }
    return false;
  }

  struct MergeEntry {
    const Node* key = nullptr;
    const Node* value = nullptr;
    size_t merged_entries = 0;  // an upper bound: what the merge sources hold
  };

  // The first `<<` among the pending key/value pairs in [begin, end).
  MergeEntry first_merge_entry(size_t begin, size_t end) const {
    for (size_t i = begin; i < end; i += 2) {
      if (!is_merge_key(pending_[i])) continue;
      MergeEntry merge{pending_[i], pending_[i + 1], 0};
      if (merge.value->kind == NodeKind::mapping) {
        merge.merged_entries = merge.value->size();
      } else if (merge.value->kind == NodeKind::sequence) {
        for (const Node* source : merge.value->children) merge.merged_entries += source->size();
      }
      return merge;
    }
    return {};
  }

  // Drops duplicate keys (the first wins) and applies a merge key (`<<`):
  // merged entries follow the explicit ones unless their key is already there,
  // and the first merge source wins over later ones.
  void resolve_mapping() {
    const Frame& frame = frames_.back();
    const size_t begin = frame.first_child;
    const size_t end = pending_.size() - (pending_.size() - begin) % 2;

    const MergeEntry merge = first_merge_entry(begin, end);
    const Node* merge_key = merge.key;
    const Node* merge_value = merge.value;
    const size_t capacity = (end - begin) / 2 + merge.merged_entries;
    if (merge_key == nullptr && capacity <= 1) return;

    keys_.reset(&pending_, begin, capacity);
    size_t kept = begin;
    bool merge_seen = false;
    for (size_t i = begin; i < end; i += 2) {
      const Node* key = pending_[i];
      const Node* value = pending_[i + 1];
      const std::optional<std::string_view> text = key_text(key);
      if (is_merge_key(key)) {
        if (!merge_seen) {
          merge_seen = true;
          continue;
        }
        report_duplicate(key, merge_key);
        continue;
      }
      if (text) {
        const size_t first = keys_.find(*text, kept);
        if (first != std::string_view::npos) {
          report_duplicate(key, pending_[first]);
          continue;
        }
      }
      pending_[kept] = key;
      pending_[kept + 1] = value;
      if (text) keys_.insert(*text, kept);
      kept += 2;
    }
    pending_.resize(kept);
    if (merge_key != nullptr) {
      frame.node->merged = true;
      apply_merge(merge_key, merge_value);
    }
  }

  void report_duplicate(const Node* key, const Node* first) {
    const std::string what = describe_key(key_text(key).value_or(""));
    findings_.push_back(make_finding(
        Rule::yaml_duplicate_key, path_, key->line, key->column,
        fmt::format("{} appears twice (first at line {}); remove one of them", what, first->line)));
  }

  void apply_merge(const Node* merge_key, const Node* value) {
    bool valid = value->kind == NodeKind::mapping;
    if (value->kind == NodeKind::sequence) {
      valid = std::all_of(value->children.begin(), value->children.end(),
                          [](const Node* n) { return n->kind == NodeKind::mapping; });
    }
    if (!valid) {
      // Not fatal: the mapping is still usable without the merge.
      findings_.push_back(make_finding(
          Rule::yaml_structure, path_, merge_key->line, merge_key->column,
          fmt::format("the merge key '<<' needs a mapping or a list of mappings (usually aliases "
                      "such as '<<: *defaults'), not {}; fix the value or quote the key",
                      kind_name(value->kind))));
      return;
    }
    if (value->kind == NodeKind::mapping) {
      merge_from(*value);
    } else {
      for (const Node* source : value->children) merge_from(*source);
    }
  }

  void merge_from(const Node& source) {
    for (size_t i = 0; i < source.size(); ++i) {
      const Node* key = source.key(i);
      const std::optional<std::string_view> text = key_text(key);
      if (text && keys_.find(*text, pending_.size()) != std::string_view::npos) continue;
      const size_t offset = pending_.size();
      pending_.push_back(key);
      pending_.push_back(source.value_at(i));
      if (text) keys_.insert(*text, offset);
    }
  }

  std::string_view text_;
  const std::string& path_;
  const ReadLimits& limits_;
  Document& document_;
  Findings& findings_;
  PositionMapper positions_;

  size_t documents_seen_ = 0;
  size_t total_expanded_ = 0;
  size_t total_bytes_ = 0;
  std::vector<Frame> frames_;
  // Children of all open collections, innermost last: each collection gets one
  // exactly sized allocation when it closes instead of a growing vector.
  std::vector<const Node*> pending_;
  std::vector<Anchor> anchors_;  // by yaml-cpp's anchor id (1-based, per document)
  std::string anchor_name_;      // from OnAnchor, for the node event that follows
  KeyIndex keys_;
};

// yaml-cpp's messages are terse; these say what usually causes them.
std::string readable_syntax_message(const std::string& yaml_cpp_message) {
  struct Known {
    const char* yaml_cpp;
    std::string_view readable;
  };
  static const Known known[] = {
      {YAML::ErrorMsg::TAB_IN_INDENTATION,
       "a tab is used for indentation; YAML indents with "
       "spaces only"},
      {YAML::ErrorMsg::UNKNOWN_ANCHOR,
       "an alias (*name) refers to an anchor (&name) that is not "
       "defined before it"},
      {YAML::ErrorMsg::END_OF_MAP_FLOW, "a '{' mapping is not closed with '}'"},
      {YAML::ErrorMsg::END_OF_SEQ_FLOW, "a '[' list is not closed with ']'"},
      {YAML::ErrorMsg::END_OF_MAP,
       "a mapping ends where it should continue (end of map not "
       "found)"},
      {YAML::ErrorMsg::END_OF_SEQ,
       "a list ends where it should continue (end of sequence not "
       "found)"},
      {YAML::ErrorMsg::EOF_IN_SCALAR, "a quoted string is not closed before the end of the file"},
      {YAML::ErrorMsg::MAP_VALUE,
       "unexpected ':' — a value is not where a value can be (is a "
       "key indented wrongly, or does a plain value contain ': '?)"},
      {YAML::ErrorMsg::MAP_KEY, "unexpected key"},
      {YAML::ErrorMsg::BLOCK_ENTRY, "unexpected '-' list item"},
      {YAML::ErrorMsg::FLOW_END, "unexpected closing bracket"},
      {YAML::ErrorMsg::DOC_IN_SCALAR, "a document marker ('---' or '...') inside a value"},
      {YAML::ErrorMsg::UNKNOWN_TOKEN, "unexpected character"},
      {YAML::ErrorMsg::CHAR_IN_SCALAR, "a character that cannot appear in this value"},
      {YAML::ErrorMsg::MULTIPLE_ANCHORS, "a node has more than one anchor (&name)"},
      {YAML::ErrorMsg::MULTIPLE_TAGS, "a node has more than one tag"},
  };
  for (const Known& k : known) {
    if (yaml_cpp_message == k.yaml_cpp) return std::string(k.readable);
  }
  return yaml_cpp_message.empty() ? std::string("the file is not valid YAML") : yaml_cpp_message;
}

Position position_of_offset(std::string_view text, size_t offset) {
  return PositionMapper(text).at_offset(offset);
}

bool starts_with_bytes(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

// Rejects what yaml-cpp would misread or silently transcode. Returns false when
// the file is not UTF-8 text; `bytes` is then not to be parsed.
bool check_encoding(std::string_view bytes, const std::string& path, Findings& findings) {
  std::string_view unicode_form;
  if (starts_with_bytes(bytes, std::string_view("\x00\x00\xFE\xFF", 4)) ||
      starts_with_bytes(bytes, std::string_view("\xFF\xFE\x00\x00", 4))) {
    unicode_form = "UTF-32";
  } else if (starts_with_bytes(bytes, "\xFE\xFF"sv) || starts_with_bytes(bytes, "\xFF\xFE"sv)) {
    unicode_form = "UTF-16";
  }
  if (!unicode_form.empty()) {
    findings.push_back(make_finding(
        Rule::encoding, path, 1, 1,
        fmt::format("the file is {} encoded (it starts with a {} byte order mark); save it as "
                    "UTF-8",
                    unicode_form, unicode_form)));
    return false;
  }
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size()); nul != nullptr) {
    const size_t offset = static_cast<size_t>(static_cast<const char*>(nul) - bytes.data());
    const Position at = position_of_offset(bytes, offset);
    findings.push_back(make_finding(
        Rule::encoding, path, at.line, at.column,
        "the file contains a NUL byte: it is binary or UTF-16/UTF-32 encoded; save it as UTF-8 "
        "text, or keep it out of the plan with plan.exclude in iooi.yaml"));
    return false;
  }
  if (const size_t bad = find_invalid_utf8(bytes); bad != std::string_view::npos) {
    const Position at = position_of_offset(bytes, bad);
    findings.push_back(make_finding(
        Rule::encoding, path, at.line, at.column,
        fmt::format("the file is not valid UTF-8 (byte 0x{:02X} here; Latin-1 or Windows-1252?); "
                    "save it as UTF-8",
                    static_cast<unsigned char>(bytes[bad]))));
    return false;
  }
  return true;
}

bool indented_with_tab(std::string_view text, const YAML::Mark& mark) {
  if (mark.is_null() || mark.pos < 0 || mark.column < 0 || mark.column > mark.pos) return false;
  const size_t pos = std::min(static_cast<size_t>(mark.pos), text.size());
  for (size_t i = pos - static_cast<size_t>(mark.column); i < text.size(); ++i) {
    if (text[i] == '\t') return true;
    if (text[i] != ' ') return false;
  }
  return false;
}

// `unit: %`: YAML reserves `%`, `@` and a backquote at the start of a value written
// without quotes, and yaml-cpp then only says "unexpected character". Returns the fix
// (quote it, with the line's own key and value as the example), or "" elsewhere.
std::string reserved_start_hint(std::string_view text, const YAML::Mark& mark) {
  if (mark.is_null() || mark.pos < 0 || static_cast<size_t>(mark.pos) >= text.size()) return {};
  const size_t pos = static_cast<size_t>(mark.pos);
  const char first = text[pos];
  if (first != '%' && first != '@' && first != '`') return {};
  const size_t line_start =
      text.rfind('\n', pos) == std::string_view::npos ? 0 : text.rfind('\n', pos) + 1;
  if (pos == line_start) return {};  // a `%` in the first column begins a directive
  std::string_view before = text.substr(line_start, pos - line_start);
  const bool in_flow = before.find_first_of("{[") != std::string_view::npos;
  std::string_view value = text.substr(pos, text.find('\n', pos) - pos);
  value = value.substr(0, value.find(" #"));
  if (in_flow) value = value.substr(0, value.find_first_of(",]}"));
  while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.remove_suffix(1);
  // The key: the text before the value after the last `{`, `,`, `[` or `- `.
  std::string_view key = before.substr(before.find_last_of("{,[") + 1);
  while (!key.empty() && (key.front() == ' ' || key.front() == '-')) key.remove_prefix(1);
  while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
  const bool simple = value.size() <= 40 && key.size() <= 40 &&
                      std::none_of(value.begin(), value.end(),
                                   [](char c) {
                                     return static_cast<unsigned char>(c) < 0x20 || c == 0x7F ||
                                            c == '"' || c == '\\';
                                   }) &&
                      std::none_of(key.begin(), key.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  const std::string example = simple && key.ends_with(':') ? fmt::format("`{} \"{}\"`", key, value)
                              : simple                     ? fmt::format("`\"{}\"`", value)
                                                           : std::string("e.g. `unit: \"%\"`");
  return fmt::format("a value cannot start with `{}` unless it is quoted; write it in quotes: {}",
                     first, example);
}

// The 1-based line of a directive ('%YAML 1.2', '%TAG ...') that no '---' line
// follows, or 0. Called only when the file has no document content, where a '%'
// at the start of a line can only begin a directive.
int directive_without_document(std::string_view text) {
  int directive_line = 0;
  int line = 1;
  for (size_t start = 0; start < text.size(); ++line) {
    const std::string_view rest = text.substr(start);
    if (rest.front() == '%' && directive_line == 0) directive_line = line;
    if (rest.starts_with("---")) directive_line = 0;
    const size_t end = text.find('\n', start);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return directive_line;
}

void parse(std::string_view text, const std::string& path, const ReadLimits& limits,
           Document& document, Findings& findings) {
  ViewStreambuf buffer(text);
  std::istream stream(&buffer);
  TreeBuilder builder(text, path, limits, document, findings);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const StopReading&) {
    // A finding says why. Past the first document the first one stays usable;
    // any other stop leaves a partial tree that would only mislead later stages.
    if (builder.documents_seen() <= limits.max_documents) {
      document.root = nullptr;
      return;
    }
  } catch (const YAML::DeepRecursion& e) {
    const Position at = builder.position(e.mark);
    findings.push_back(make_finding(
        Rule::yaml_structure, path, at.line, at.column,
        fmt::format("nesting deeper than yaml-cpp's limit of {} levels; flatten the structure",
                    e.depth())));
    document.root = nullptr;
    return;
  } catch (const YAML::Exception& e) {
    const Position at = builder.position(e.mark);
    // yaml-cpp rarely names the tab it tripped over ("illegal block entry").
    std::string hint = indented_with_tab(text, e.mark)
                           ? "the line is indented with a tab; YAML indents with spaces only"
                           : reserved_start_hint(text, e.mark);
    if (hint.empty()) hint = "check indentation and quoting near here";
    findings.push_back(
        make_finding(Rule::yaml_syntax, path, at.line, at.column,
                     fmt::format("invalid YAML: {}; {}", readable_syntax_message(e.msg), hint)));
    document.root = nullptr;
    return;
  }
  const bool no_content = document.root == nullptr || document.root->kind == NodeKind::null;
  // yaml-cpp reads directives without a document as an empty stream, but YAML
  // requires a document (starting with '---') after them.
  if (const int line = no_content ? directive_without_document(text) : 0; line != 0) {
    document.root = nullptr;
    findings.push_back(make_finding(Rule::yaml_syntax, path, line, 1,
                                    "invalid YAML: a directive ('%...') with no document after "
                                    "it; start the document with '---' or remove the directive"));
    return;
  }
  if (no_content) {
    document.root = nullptr;
    findings.push_back(make_finding(
        // The whole file is meant; 1:1 keeps the location clickable in editors and CI.
        Rule::empty_file, path, 1, 1,
        "the file has no content; add plan sections (e.g. 'objectives:') or delete the file"));
  }
}

}  // namespace

Document read_yaml(std::string_view bytes, const std::string& path, const ReadLimits& limits,
                   Findings& findings) {
  Document document;
  try {
    if (bytes.size() > limits.max_file_bytes) {
      findings.push_back(make_finding(
          Rule::yaml_structure, path, 0, 0,
          fmt::format("the file has {} bytes, more than the limit of {} bytes; split it into "
                      "several plan files",
                      bytes.size(), limits.max_file_bytes)));
      return document;
    }
    if (starts_with_bytes(bytes, "\xEF\xBB\xBF"sv)) bytes.remove_prefix(3);
    if (!check_encoding(bytes, path, findings)) return document;
    // Scalars are most of a plan file's bytes: one block of about that size, so
    // that a typical file needs one or two.
    document.arena = std::make_unique<std::pmr::monotonic_buffer_resource>(1024 + bytes.size() / 2);
    parse(bytes, path, limits, document, findings);
  } catch (const std::bad_alloc&) {
    document = Document{};
    findings.push_back(
        make_finding(Rule::yaml_structure, path, 0, 0,
                     "ran out of memory while reading the file; make it smaller or split it"));
  } catch (const std::exception& e) {
    document = Document{};
    findings.push_back(make_finding(Rule::yaml_structure, path, 0, 0,
                                    fmt::format("could not read the file: {}", e.what())));
  } catch (...) {
    document = Document{};
    findings.push_back(
        make_finding(Rule::yaml_structure, path, 0, 0, "could not read the file (unknown error)"));
  }
  return document;
}

}  // namespace iooi::yaml
