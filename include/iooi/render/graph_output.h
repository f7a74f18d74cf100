#pragma once
// Renderers for `iooi graph`: the impact chain with impacts on top, one node per
// element labelled with title and progress, coloured by status, edges as in
// contributes_to. Pure: a computed Report in, text out.
#include <string>
#include <string_view>

#include "iooi/rollup/rollup.h"

namespace iooi {

// A complete Mermaid `flowchart` (no ``` fences): renders on GitHub and GitLab.
std::string render_graph_mermaid(const Report& report,
                                 std::string_view language);  // graph_mermaid.cpp
// A Graphviz DOT digraph.
std::string render_graph_dot(const Report& report, std::string_view language);  // graph_dot.cpp

}  // namespace iooi
