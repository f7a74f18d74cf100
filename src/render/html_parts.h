#pragma once
// What the HTML report (report_html.cpp) shares with its figures: escaping, the
// labels only the HTML report needs, status marks, the burn-up chart of a measure
// (html_chart.cpp) and the chain diagram laid out by Graphviz (html_chain.cpp).
#include <optional>
#include <string>
#include <string_view>

#include "iooi/rollup/rollup.h"

namespace iooi::html {

// User text for HTML and SVG text or attribute values: control characters, bidi
// overrides and invalid UTF-8 are replaced (terminal_text), then & < > " ' escaped.
std::string text(std::string_view user_text);

struct Labels {
  std::string_view description, source, method;  // notes of measures and objectives
  std::string_view indicators;                   // heading of an element's indicators
  std::string_view date;                         // column header of a chart's table
  std::string_view planned;                      // the planned path
  std::string_view target_band;                  // a threshold's band
  std::string_view chart_caption;                // "{title}: value at each check-in over time."
  std::string_view chart_point;                  // "1 check-in on {date}: value {value}."
  std::string_view chart_points;       // "{n} check-ins from {first} to {last}; latest {value}."
  std::string_view chart_target;       // "Target {target} on {date}."
  std::string_view chart_threshold;    // "Target band {band}."
  std::string_view chart_planned;      // "Planned at {as_of}: {value}."
  std::string_view chain_caption;      // "{n} elements, ..."
  std::string_view chain_unavailable;  // when Graphviz could not lay the chain out
  std::string_view chain_too_big;  // "{elements} ... {arrows} ... {max elements} ... {max arrows}"
};
const Labels& labels(std::string_view language);

// The page's one style sheet: screen layout, status colours and A4 print styles.
std::string_view style_sheet();

// A mark per status that differs in shape, so status never depends on colour alone.
std::string_view status_symbol(Status status);
// "Colours: ✔ dark green = done, ..." with the page's own status marks (emoji, as the
// Markdown legend has them, need a font that printers and kiosks often lack).
std::string legend(std::string_view language);
// CSS class of a status: "s-on-track", ...
std::string status_class(Status status);
// "<span class=\"status s-on-track\">● on track</span>"
std::string status_badge(Status status, std::string_view language);
// A progress bar (inline SVG, no script, no style attribute) followed by the percentage.
std::string progress_bar(const std::optional<double>& progress, std::string_view language);
// "1000 people", "≥ 85 %", "0–2 %", or the undefined mark.
std::string target_text(const MeasureResult& measure, std::string_view language);

// Appends a <figure> with the measure's burn-up chart as inline SVG, a caption that
// says what it shows and a table of its numbers; nothing for a measure without
// check-ins up to as_of. `id` is unique in the page (the caption's id is derived from it).
void append_burnup_figure(std::string& out, const MeasureResult& measure, Date as_of,
                          std::string_view language, std::string_view id);

// The largest chain drawn as a diagram. dot's layout time grows much faster than the
// chain (0.3 s for 1,000 elements, 1.5 s for 2,000, minutes for 20,000), and a diagram
// of a thousand boxes is no longer read anyway; the tables list every element.
inline constexpr size_t chain_diagram_max_elements = 1000;
inline constexpr size_t chain_diagram_max_arrows = 2000;
// The arrows of the chain's diagram: contributions that reach an element of the report.
size_t chain_arrows(const Report& report);

// The chain laid out by Graphviz (dot) as an <svg> element (no XML prolog), nodes
// coloured by status and labelled with title and progress; std::nullopt when Graphviz
// cannot lay it out (its plugins missing). `caption_id` names the SVG's caption.
std::optional<std::string> chain_svg(const Report& report, std::string_view language,
                                     std::string_view caption_id);

}  // namespace iooi::html
