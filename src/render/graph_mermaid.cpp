// `graph --format mermaid` and the diagram of the Markdown summary. Node ids are
// generated (n0, n1, ...) because element ids may hold characters or words that
// Mermaid's grammar reserves (`end`, `-`, `.`); labels are quoted and every
// character Mermaid or HTML would interpret is written as an entity code.
#include <fmt/format.h>

#include "graph_style.h"
#include "iooi/render/graph_output.h"
#include "iooi/util/utf8.h"

namespace iooi {
namespace {

const char* mermaid_entity(char c) {
  switch (c) {
    case '"':
      return "#quot;";
    case '#':
      return "#35;";
    case '&':
      return "#38;";
    case '<':
      return "#60;";
    case '>':
      return "#62;";
    case '`':
      return "#96;";
    case '{':
      return "#123;";
    case '}':
      return "#125;";
    default:
      return nullptr;
  }
}

// Control characters go first (terminal_text): the source is read in terminals and
// logs too. `{`, `}` and a doubled `%` would let a label open a `%%{init: ...}%%`
// directive that restyles the whole diagram; a single `%` ("41%") stays.
std::string mermaid_text(std::string_view text) {
  const std::string shown = terminal_text(text);
  std::string out;
  out.reserve(shown.size());
  for (size_t i = 0; i < shown.size(); ++i) {
    const char c = shown[i];
    const bool doubled_percent = c == '%' && ((i + 1 < shown.size() && shown[i + 1] == '%') ||
                                              (i > 0 && shown[i - 1] == '%'));
    if (doubled_percent) {
      out += "#37;";
    } else if (const char* entity = mermaid_entity(c)) {
      out += entity;
    } else {
      out += c;
    }
  }
  return out;
}

// One node per element, labelled with its lines (title, progress, status).
void write_nodes(std::string& out, const Report& report, std::string_view language) {
  for (size_t i = 0; i < report.elements.size(); ++i) {
    const std::vector<std::string> lines = graph::node_lines(report.elements[i], language);
    std::string label;
    for (const std::string& line : lines) {
      if (!label.empty()) label += "<br/>";
      label += mermaid_text(line);
    }
    out += fmt::format("  n{}[\"{}\"]\n", i, label);
  }
}

// One edge per contribution, labelled with its weight where it has one.
void write_links(std::string& out, const Report& report, std::string_view language) {
  const graph::ElementIndex elements(report);
  for (size_t i = 0; i < report.elements.size(); ++i) {
    for (const Link& link : report.elements[i].contributes_to) {
      const int target = elements.find(link.id);
      if (target < 0) continue;
      const std::string weight = graph::weight_label(link.weight, language);
      if (weight.empty()) {
        out += fmt::format("  n{} --> n{}\n", i, target);
      } else {
        out += fmt::format("  n{} -->|\"{}\"| n{}\n", i, mermaid_text(weight), target);
      }
    }
  }
}

// One class per status that some element has, and its members.
void write_status_classes(std::string& out, const Report& report) {
  for (Status status :
       {Status::done, Status::on_track, Status::at_risk, Status::off_track, Status::none}) {
    const graph::StatusStyle& style = graph::status_style(status);
    std::string members;
    for (size_t i = 0; i < report.elements.size(); ++i) {
      if (report.elements[i].status != status) continue;
      if (!members.empty()) members += ',';
      members += fmt::format("n{}", i);
    }
    if (members.empty()) continue;
    out += fmt::format("  classDef {} fill:{},stroke:{},color:{}\n", style.class_name, style.fill,
                       style.stroke, style.text);
    out += fmt::format("  class {} {}\n", members, style.class_name);
  }
}

}  // namespace

std::string render_graph_mermaid(const Report& report, std::string_view language) {
  std::string out = "flowchart BT\n";
  write_nodes(out, report, language);
  write_links(out, report, language);
  write_status_classes(out, report);
  return out;
}

}  // namespace iooi
