// The chain of the HTML report as an SVG diagram laid out by Graphviz, used as a
// library in-process (cgraph + gvc: dot layout, svg output; no `dot` process).
// Only the two plugins this needs are loaded, dot_layout and core, so the layout
// never depends on the fonts installed: without a text-layout plugin Graphviz sizes
// labels from its built-in font metrics, the same on every machine.
#include <dlfcn.h>
#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "dot_text.h"
#include "graph_style.h"
#include "html_parts.h"
#include "iooi/util/escape.h"
#include "iooi/util/utf8.h"

namespace iooi::html {
namespace {

// A DOT double-quoted string that Graphviz turns into label text (dot_text.h), with
// `&` written as the entity, which Graphviz's SVG output keeps as it is.
std::string dot_label_text(std::string_view user_text) {
  return replace_chars(dot::text(user_text),
                       [](char c) -> const char* { return c == '&' ? "&amp;" : nullptr; });
}

// Long titles wrap at spaces, so that a box stays about 30 columns wide.
std::vector<std::string> wrapped(std::string_view title) {
  constexpr size_t width = 30;
  std::vector<std::string> lines{""};
  size_t start = 0;
  while (start <= title.size()) {
    size_t end = title.find(' ', start);
    if (end == std::string_view::npos) end = title.size();
    const std::string_view word = title.substr(start, end - start);
    if (!lines.back().empty() && display_width(lines.back()) + 1 + display_width(word) > width) {
      lines.emplace_back();
    }
    if (!lines.back().empty()) lines.back() += ' ';
    lines.back() += word;
    start = end + 1;
  }
  return lines;
}

std::string node_label(const ElementResult& element, std::string_view language) {
  const std::vector<std::string> lines = graph::node_lines(element, language);
  std::string label;
  for (const std::string& line : wrapped(lines[0])) label += dot_label_text(line) + "\\n";
  return label + dot_label_text(lines[1]);
}

std::string chain_dot(const Report& report, std::string_view language) {
  std::string out =
      "digraph iooi {\n rankdir=BT; bgcolor=\"transparent\"; nodesep=0.3; ranksep=0.5; "
      "forcelabels=true;\n"
      " node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, "
      "margin=\"0.15,0.06\", penwidth=1.5];\n"
      " edge [color=\"#495057\", fontname=\"Helvetica\", fontsize=10, arrowsize=0.7];\n";
  for (size_t i = 0; i < report.elements.size(); ++i) {
    const ElementResult& element = report.elements[i];
    const graph::StatusStyle& style = graph::status_style(element.status);
    out += fmt::format(" n{} [label=\"{}\", fillcolor=\"{}\", color=\"{}\", fontcolor=\"{}\"];\n",
                       i, node_label(element, language), style.fill, style.stroke, style.text);
  }
  for (Level level : {Level::impact, Level::outcome, Level::output, Level::input}) {
    std::string members;
    for (size_t i = 0; i < report.elements.size(); ++i) {
      if (report.elements[i].level == level) members += fmt::format(" n{};", i);
    }
    if (!members.empty()) out += fmt::format(" {{ rank=same;{} }}\n", members);
  }
  const graph::ElementIndex elements(report);
  for (size_t i = 0; i < report.elements.size(); ++i) {
    for (const Link& link : report.elements[i].contributes_to) {
      const int target = elements.find(link.id);
      if (target < 0) continue;
      // A heavier contribution draws a thicker arrow and says its weight.
      const double pen = std::clamp(link.weight, 0.5, 4.0) * 1.2;
      const std::string weight = graph::weight_label(link.weight, language);
      out += fmt::format(" n{} -> n{} [penwidth={:.2f}", i, target, pen);
      if (!weight.empty()) out += fmt::format(", xlabel=\"{}\"", dot_label_text(weight));
      out += "];\n";
    }
  }
  return out + "}\n";
}

// The dot_layout and core plugins, opened from Graphviz's plugin folder beside
// libgvc (where Graphviz itself looks for them). They stay loaded: the dot layout
// keeps buffers in static variables for its next run (reachable, reused), which an
// unload would turn into leaks; opening them again only counts a reference up.
class Plugins {
 public:
  Plugins() {
    Dl_info info{};
    // Any address inside libgvc names its file.
    if (dladdr(reinterpret_cast<void*>(&gvContextPlugins), &info) == 0 || !info.dli_fname) return;
    std::string folder = info.dli_fname;
    folder = folder.substr(0, folder.rfind('/') + 1) + "graphviz/";
    dot_ = open(folder, "dot_layout");
    core_ = open(folder, "core");
    if (!dot_ || !core_) return;
    symbols_[0] = {"gvplugin_dot_layout_LTX_library",
                   dlsym(dot_, "gvplugin_dot_layout_LTX_library")};
    symbols_[1] = {"gvplugin_core_LTX_library", dlsym(core_, "gvplugin_core_LTX_library")};
  }
  Plugins(const Plugins&) = delete;
  Plugins& operator=(const Plugins&) = delete;
  ~Plugins() = default;
  // The built-in list for gvContextPlugins, or nullptr when a plugin is missing.
  const lt_symlist_t* symbols() const {
    return symbols_[0].address && symbols_[1].address ? symbols_.data() : nullptr;
  }

 private:
  static void* open(const std::string& folder, std::string_view name) {
    for (std::string_view suffix : {".so.6", ".so"}) {
      const std::string path = fmt::format("{}libgvplugin_{}{}", folder, name, suffix);
      if (void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL)) return handle;
    }
    return nullptr;
  }

  void* dot_ = nullptr;
  void* core_ = nullptr;
  std::array<lt_symlist_t, 3> symbols_{};
};

// Graphviz reports problems through a global handler; while iooi lays out a chain
// they are dropped (the report never prints Graphviz's messages) and the old
// handler comes back afterwards.
class QuietGraphviz {
 public:
  QuietGraphviz() : level_(agseterr(AGMAX)), handler_(agseterrf([](char*) { return 0; })) {}
  QuietGraphviz(const QuietGraphviz&) = delete;
  QuietGraphviz& operator=(const QuietGraphviz&) = delete;
  ~QuietGraphviz() {
    agseterrf(handler_);
    agseterr(level_);
  }

 private:
  agerrlevel_t level_;
  agusererrf handler_;
};

std::optional<std::string> layout_svg(const std::string& dot) {
  const Plugins plugins;
  if (!plugins.symbols()) return std::nullopt;
  const QuietGraphviz quiet;
  const std::unique_ptr<GVC_t, int (*)(GVC_t*)> context(gvContextPlugins(plugins.symbols(), 0),
                                                        gvFreeContext);
  if (!context) return std::nullopt;
  const std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(agmemread(dot.c_str()), agclose);
  if (!graph) return std::nullopt;
  if (gvLayout(context.get(), graph.get(), "dot") != 0) return std::nullopt;
  char* data = nullptr;
  unsigned int length = 0;
  const int rendered = gvRenderData(context.get(), graph.get(), "svg", &data, &length);
  std::optional<std::string> svg;
  if (rendered == 0 && data) svg = std::string(data, length);
  gvFreeRenderData(data);
  gvFreeLayout(context.get(), graph.get());
  return svg;
}

// `text` without every run from `open` to `close` (both included), in one pass: a
// chain of hundreds of nodes has thousands of comments and titles, and erasing them
// one by one from the middle of the text moved the rest of it each time.
std::string without_runs(std::string_view text, std::string_view open, std::string_view close) {
  std::string kept;
  kept.reserve(text.size());
  size_t from = 0;
  for (size_t at = text.find(open); at != std::string_view::npos; at = text.find(open, from)) {
    const size_t end = text.find(close, at + open.size());
    if (end == std::string_view::npos) break;
    kept.append(text.substr(from, at - from));
    from = end + close.size();
  }
  kept.append(text.substr(from));
  return kept;
}

// Graphviz's SVG as an element for inlining: from <svg on (no XML prolog, doctype or
// comment before it), without its comments and the <title> of each node (internal
// names: n0, n1, ...), named by the caption. Labels are user text, which Graphviz
// escapes, and never reach a comment or title: those hold node names only.
std::string inline_svg(std::string_view graphviz_svg, std::string_view caption_id) {
  const size_t start = graphviz_svg.find("<svg");
  if (start == std::string_view::npos) return "";
  std::string svg =
      without_runs(without_runs(graphviz_svg.substr(start), "<!--", "-->"), "<title>", "</title>");
  svg.insert(4, fmt::format(" class=\"chain\" role=\"img\" aria-labelledby=\"{}\"", caption_id));
  return svg;
}

}  // namespace

size_t chain_arrows(const Report& report) {
  const graph::ElementIndex elements(report);
  size_t arrows = 0;
  for (const ElementResult& element : report.elements) {
    for (const Link& link : element.contributes_to) {
      if (elements.find(link.id) >= 0) ++arrows;
    }
  }
  return arrows;
}

std::optional<std::string> chain_svg(const Report& report, std::string_view language,
                                     std::string_view caption_id) {
  const std::optional<std::string> svg = layout_svg(chain_dot(report, language));
  if (!svg) return std::nullopt;
  std::string inlined = inline_svg(*svg, caption_id);
  if (inlined.empty()) return std::nullopt;
  return inlined;
}

}  // namespace iooi::html
