#pragma once
// What the Mermaid and DOT renderers share: node order, labels and the colour of
// each status (light fills with dark text, readable in light and dark themes).
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "iooi/rollup/rollup.h"

namespace iooi::graph {

struct StatusStyle {
  std::string_view class_name;  // Mermaid class: letters only
  std::string_view fill, stroke, text;
};
const StatusStyle& status_style(Status status);

// Title, then progress and status in the report language; lines separated by '\n'.
std::vector<std::string> node_lines(const ElementResult& element, std::string_view language);

// "×2" for a weight other than 1, else "".
std::string weight_label(double weight, std::string_view language);

// Maps element ids to their index in report.elements, built once per rendering so
// that drawing the edges stays linear in the size of the chain.
class ElementIndex {
 public:
  explicit ElementIndex(const Report& report);
  // The index of the element a link to this id reaches (its first definition,
  // when that is an element), or -1.
  int find(std::string_view id) const;

 private:
  std::unordered_map<std::string_view, int> index_;
};

}  // namespace iooi::graph
