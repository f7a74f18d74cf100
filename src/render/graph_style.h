#pragma once
// What the Mermaid and DOT renderers share: node order, labels and the colour of
// each status (light fills with dark text, readable in light and dark themes).
#include <string>
#include <string_view>
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

// The index in report.elements of the element with this id, or -1.
int find_element(const Report& report, std::string_view id);

}  // namespace iooi::graph
