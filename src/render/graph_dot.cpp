// `graph --format dot`: a Graphviz digraph, impacts on top (rankdir=BT with edges
// from contributor to the element it contributes to), one rank per level.
#include <fmt/format.h>

#include "dot_text.h"
#include "graph_style.h"
#include "iooi/render/graph_output.h"

namespace iooi {

std::string render_graph_dot(const Report& report, std::string_view language) {
  std::string out = "digraph iooi {\n";
  out += "  rankdir=BT;\n";
  out +=
      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", margin=\"0.2,0.1\"];\n";
  out += "  edge [color=\"#495057\", fontname=\"Helvetica\", fontsize=10];\n";
  for (size_t i = 0; i < report.elements.size(); ++i) {
    const ElementResult& element = report.elements[i];
    const graph::StatusStyle& style = graph::status_style(element.status);
    std::string label;
    for (const std::string& line : graph::node_lines(element, language)) {
      if (!label.empty()) label += "\\n";
      label += dot::text(line);
    }
    out += fmt::format(
        "  n{} [label=\"{}\", tooltip=\"{}\", fillcolor=\"{}\", color=\"{}\", fontcolor=\"{}\"];\n",
        i, label, dot::text(element.id), style.fill, style.stroke, style.text);
  }
  for (Level level : {Level::impact, Level::outcome, Level::output, Level::input}) {
    std::string members;
    for (size_t i = 0; i < report.elements.size(); ++i) {
      if (report.elements[i].level == level) members += fmt::format(" n{};", i);
    }
    if (!members.empty()) out += fmt::format("  {{ rank=same;{} }}\n", members);
  }
  const graph::ElementIndex elements(report);
  for (size_t i = 0; i < report.elements.size(); ++i) {
    for (const Link& link : report.elements[i].contributes_to) {
      const int target = elements.find(link.id);
      if (target < 0) continue;
      const std::string weight = graph::weight_label(link.weight, language);
      if (weight.empty()) {
        out += fmt::format("  n{} -> n{};\n", i, target);
      } else {
        out += fmt::format("  n{} -> n{} [label=\"{}\"];\n", i, target, dot::text(weight));
      }
    }
  }
  out += "}\n";
  return out;
}

}  // namespace iooi
