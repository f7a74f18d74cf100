#include "measure_locator.h"

#include <algorithm>
#include <array>
#include <utility>

namespace iooi::edit {
namespace {

using yaml::Node;
using yaml::NodeKind;

// Sections holding measures, and the key of the measure list in their entries
// (docs/format.md).
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> measure_lists{{
    {"objectives", "key_results"},
    {"impacts", "indicators"},
    {"outcomes", "indicators"},
    {"outputs", "indicators"},
    {"inputs", "indicators"},
}};

// The value under `key` when the key is written in the mapping itself, not
// brought in by a merge key (merged entries come from text before the mapping).
const Node* explicit_value(const Node& map, std::string_view key, bool& merged_in) {
  for (size_t i = 0; i < map.size(); ++i) {
    const Node* k = map.key(i);
    if (k->kind != NodeKind::scalar || k->value != key) continue;
    merged_in = map.merged && k->offset < map.offset;
    return map.value_at(i);
  }
  return nullptr;
}

bool has_shared_node(const Node& node, int depth = 0) {
  if (node.anchored || node.merged) return true;
  if (depth > 64) return true;  // deeper than the reader allows: only through aliases
  return std::any_of(node.children.begin(), node.children.end(),
                     [depth](const Node* child) { return has_shared_node(*child, depth + 1); });
}

template <typename Visit>
void for_each_measure(const Node* root, Visit visit) {
  if (root == nullptr || root->kind != NodeKind::mapping) return;
  for (const auto& [section_name, list_name] : measure_lists) {
    bool section_merged = false;
    const Node* section = explicit_value(*root, section_name, section_merged);
    if (section == nullptr || section->kind != NodeKind::sequence) continue;
    for (const Node* entry : section->children) {
      if (entry->kind != NodeKind::mapping) continue;
      bool list_merged = false;
      const Node* list = explicit_value(*entry, list_name, list_merged);
      if (list == nullptr || list->kind != NodeKind::sequence) continue;
      const bool path_shared = root->anchored || section_merged || section->anchored ||
                               entry->anchored || list_merged || list->anchored;
      for (const Node* measure : list->children) {
        if (measure->kind == NodeKind::mapping) visit(*measure, path_shared);
      }
    }
  }
}

}  // namespace

MeasureLocation locate_measure(const Node* root, std::string_view measure_id) {
  MeasureLocation location;
  for_each_measure(root, [&](const Node& measure, bool path_shared) {
    const Node* id = measure.find("id");
    if (id == nullptr || id->kind != NodeKind::scalar || id->value != measure_id) return;
    if (++location.matches > 1) return;
    location.measure = &measure;
    if (path_shared) {
      location.shared_through = "an anchor or merge key on the way to it";
    } else if (measure.merged) {
      location.shared_through = "a merge key ('<<') in it";
    } else if (has_shared_node(measure)) {
      location.shared_through = "an anchor (&name) or alias (*name) in it";
    }
  });
  return location;
}

std::vector<const Node*> all_measures(const Node* root) {
  std::vector<const Node*> measures;
  for_each_measure(root, [&](const Node& measure, bool) { measures.push_back(&measure); });
  return measures;
}

}  // namespace iooi::edit
