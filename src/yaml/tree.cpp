#include "iooi/yaml/tree.h"

namespace iooi::yaml {

const Node* Node::find(std::string_view name) const {
  if (kind != NodeKind::mapping) return nullptr;
  // Linear on purpose: plan mappings have a handful of keys, and a scan over a
  // contiguous vector beats building an index for every lookup.
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    const Node* k = children[i];
    if (k->kind == NodeKind::scalar && k->value == name) return children[i + 1];
  }
  return nullptr;
}

bool Node::is_plain_null() const {
  if (kind == NodeKind::null) return true;
  if (kind != NodeKind::scalar || quoted) return false;
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

}  // namespace iooi::yaml
