#pragma once
// A small YAML tree that remembers where every node came from. Built from
// yaml-cpp's event API (never YAML::Node): keeps 1-based line/column, reports
// duplicate keys, bounds depth and alias expansion, resolves merge keys.
#include <cstdint>
#include <deque>
#include <memory>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "iooi/diag/finding.h"

namespace iooi::yaml {

enum class NodeKind : uint8_t { null, scalar, sequence, mapping };

struct Node {
  NodeKind kind = NodeKind::null;
  bool quoted : 1 = false;    // scalar was quoted or block ('|', '>'): never a number/bool/null
  bool flow : 1 = false;      // collection written in flow style ('[...]', '{...}')
  bool anchored : 1 = false;  // carries an anchor (&name): aliases may share it
  bool merged : 1 = false;    // mapping took entries from a merge key (`<<`)
  int line = 0;               // 1-based
  int column = 0;             // 1-based
  // Byte offset of the node's first character in the text read (after a BOM), so
  // that text can be inserted next to it (src/edit/). For an empty value, where
  // its line and column point (its key, or its '-').
  uint32_t offset = 0;
  std::string_view value;  // scalar text (empty for other kinds), in the document's arena
  // sequence: the items. mapping: keys and values alternating (k0, v0, k1, v1, ...),
  // explicit keys first in document order, then keys brought in by merge keys (`<<`).
  // Aliases point at the anchored node itself, so a node may be shared. In the arena too.
  std::span<const Node* const> children;

  size_t size() const { return kind == NodeKind::mapping ? children.size() / 2 : children.size(); }
  const Node* key(size_t i) const { return children[2 * i]; }
  const Node* value_at(size_t i) const { return children[2 * i + 1]; }
  // The value of a mapping entry whose key is a scalar equal to `name`, else nullptr.
  const Node* find(std::string_view name) const;
  bool is_plain_null() const;  // null node, or plain scalar "", "~", "null", "Null", "NULL"
};

struct ReadLimits {
  size_t max_file_bytes = 64u << 20;       // 64 MiB
  size_t max_depth = 64;                   // nested collections
  size_t max_expanded_nodes = 1'000'000;   // nodes counted with every alias expanded
  size_t max_scalar_bytes = 1u << 20;      // 1 MiB per scalar
  size_t max_expanded_bytes = 128u << 20;  // scalar bytes counted with every alias expanded
  size_t max_documents = 1;                // docs/limits.md: one document per file
};

struct Document {
  std::deque<Node> nodes;  // stable addresses; children point into it
  // Scalar text and child lists: a few growing blocks per file instead of a heap
  // block per node, all freed with the tree once the file is decoded.
  std::unique_ptr<std::pmr::monotonic_buffer_resource> arena =
      std::make_unique<std::pmr::monotonic_buffer_resource>();
  const Node* root = nullptr;  // nullptr when the file has no content
  size_t expanded_nodes = 0;   // as counted against ReadLimits::max_expanded_nodes
  size_t expanded_bytes = 0;   // as counted against ReadLimits::max_expanded_bytes
};

// Reads one plan file's bytes. Problems become findings (rules yaml-syntax,
// yaml-duplicate-key, yaml-structure, encoding, empty-file) carrying `path`.
// A UTF-8 BOM is skipped; CRLF line ends are accepted. The returned document's
// root is nullptr when nothing usable could be read.
Document read_yaml(std::string_view bytes, const std::string& path, const ReadLimits& limits,
                   Findings& findings);

}  // namespace iooi::yaml
