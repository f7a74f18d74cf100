// The HTML report's small pieces: escaping, its own labels, status marks and bars.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "html_parts.h"
#include "i18n.h"
#include "iooi/util/utf8.h"
#include "iooi/util/xml_escape.h"

namespace iooi::html {

// Most texts are printable ASCII without markup characters, which both steps keep
// as they are: those skip the character-by-character rewrite.
std::string text(std::string_view user_text) {
  const bool plain = std::all_of(user_text.begin(), user_text.end(), [](char c) {
    return c >= ' ' && c <= '~' && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
  });
  if (plain) return std::string(user_text);
  return xml_escape(terminal_text(user_text));
}

const Labels& labels(std::string_view language) {
  static constexpr Labels english{
      .description = "Description",
      .source = "Source",
      .method = "Method",
      .indicators = "Indicators",
      .date = "Date",
      .planned = "planned path",
      .target_band = "target band",
      .chart_caption = "{}: value at each check-in over time.",
      .chart_point = "1 check-in on {}: value {}.",
      .chart_points = "{} check-ins from {} to {}; latest value {}.",
      .chart_target = "Target {} by {}.",
      .chart_threshold = "Target band {}.",
      .chart_planned = "Planned on {}: {}.",
      .chain_caption =
          "The impact chain: {} elements, each with its progress and status; an "
          "arrow points from a result to the element it contributes to. The "
          "tables below list the same figures.",
      .chain_unavailable = "The diagram could not be drawn (Graphviz plugins not found).",
      .chain_too_big =
          "The chain has {} elements and {} arrows, too many for a legible diagram (one is "
          "drawn for up to {} elements and {} arrows). The tables below list every element; "
          "<code>iooi graph --format dot</code> writes the whole chain for Graphviz.",
  };
  static constexpr Labels german{
      .description = "Beschreibung",
      .source = "Quelle",
      .method = "Methode",
      .indicators = "Indikatoren",
      .date = "Datum",
      .planned = "Planpfad",
      .target_band = "Zielkorridor",
      .chart_caption = "{}: Wert bei jedem Check-in im Zeitverlauf.",
      .chart_point = "1 Check-in am {}: Wert {}.",
      .chart_points = "{} Check-ins vom {} bis {}; letzter Wert {}.",
      .chart_target = "Zielwert {} bis {}.",
      .chart_threshold = "Zielkorridor {}.",
      .chart_planned = "Soll am {}: {}.",
      .chain_caption =
          "Die Wirkungskette: {} Elemente mit Fortschritt und Status; ein Pfeil "
          "zeigt vom Ergebnis auf das Element, zu dem es beiträgt. Die Tabellen "
          "darunter nennen dieselben Zahlen.",
      .chain_unavailable =
          "Das Diagramm konnte nicht gezeichnet werden (Graphviz-Plugins nicht gefunden).",
      .chain_too_big =
          "Die Wirkungskette hat {} Elemente und {} Pfeile, zu viele für ein lesbares Diagramm "
          "(gezeichnet wird es bis zu {} Elementen und {} Pfeilen). Die Tabellen darunter "
          "nennen jedes Element; <code>iooi graph --format dot</code> schreibt die ganze "
          "Kette für Graphviz.",
  };
  return language == "de" ? german : english;
}

// Dark text on light fills (contrast above 7:1); print keeps the colours, sections
// start on a new A4 page, and no figure, table row or objective is split.
std::string_view style_sheet() {
  return R"(:root { color: #1b1f23; background: #fff; font: 15px/1.45 system-ui, sans-serif; }
body { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #ced4da; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
.meta, .facts { color: #343a40; margin: .3rem 0; }
code { font-family: ui-monospace, monospace; font-size: .85em; color: #343a40; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .9rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #dee2e6; vertical-align: top; }
thead th { border-bottom: 2px solid #adb5bd; }
tbody th { font-weight: normal; }
.num { text-align: right; white-space: nowrap; }
.bar { white-space: nowrap; }
.bar svg { vertical-align: middle; }
.bar .track { fill: #e9ecef; }
.bar .fill { fill: #1c7ed6; }
.status { display: inline-block; white-space: nowrap; padding: 0 .4rem; border-radius: .6rem; border: 1px solid; }
.s-done { background: #b2f2bb; border-color: #2b8a3e; }
.s-on-track { background: #d3f9d8; border-color: #2f9e44; }
.s-at-risk { background: #ffec99; border-color: #e67700; }
.s-off-track { background: #ffc9c9; border-color: #c92a2a; }
.s-no-data, .s-none { background: #f1f3f5; border-color: #868e96; }
.s-stale { background: #e7f5ff; border-color: #1971c2; }
.notes { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0; font-size: .9rem; }
.notes dt { font-weight: 600; }
.notes dd { margin: 0; }
.measure-note { margin: .6rem 0 0; font-weight: 600; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figure svg.burnup { width: 36rem; }
figcaption { font-size: .85rem; color: #343a40; margin-top: .3rem; }
.chart table.numbers { width: auto; font-size: .8rem; }
svg.burnup { font-size: 13px; font-family: system-ui, sans-serif; }
svg.burnup .tick { fill: #343a40; }
svg.burnup .grid { stroke: #e9ecef; }
svg.burnup .axis { stroke: #495057; }
svg.burnup .band { fill: #d3f9d8; stroke: #2f9e44; stroke-dasharray: 2 2; }
svg.burnup .target { stroke: #2b8a3e; stroke-width: 1.5; stroke-dasharray: 6 3; }
svg.burnup .planned { fill: none; stroke: #868e96; stroke-width: 2; stroke-dasharray: 5 4; }
svg.burnup .values { fill: none; stroke: #1864ab; stroke-width: 2.5; }
svg.burnup .value { fill: #1864ab; }
svg.burnup .as-of { stroke: #c92a2a; stroke-width: 1.5; stroke-dasharray: 3 3; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  :root { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  section.objectives, section.attention { break-before: page; }
  figure, tr, .objective > table, .notes { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
}
)";
}

std::string_view status_symbol(Status status) {
  switch (status) {
    case Status::done:
      return "✔";
    case Status::on_track:
      return "●";
    case Status::at_risk:
      return "▲";
    case Status::off_track:
      return "✖";
    case Status::no_data:
      return "○";
    case Status::none:
      return "–";
  }
  return "";
}

std::string legend(std::string_view language) {
  const bool de = language == "de";
  const auto item = [&](Status status, std::string_view colour) {
    return fmt::format("{} {} = {}", status_symbol(status), colour,
                       i18n::status_label(status, language));
  };
  return fmt::format(
      "{}: {}, {}, {}, {}, {}, {}.", i18n::labels(language).legend,
      item(Status::done, de ? "dunkelgrün" : "dark green"),
      item(Status::on_track, de ? "grün" : "green"), item(Status::at_risk, de ? "gelb" : "yellow"),
      item(Status::off_track, de ? "rot" : "red"), item(Status::no_data, de ? "grau" : "grey"),
      item(Status::none, de ? "grau" : "grey"));
}

std::string status_class(Status status) { return "s-" + std::string(status_id(status)); }

std::string status_badge(Status status, std::string_view language) {
  return fmt::format("<span class=\"status {}\"><span aria-hidden=\"true\">{}</span> {}</span>",
                     status_class(status), status_symbol(status),
                     i18n::status_label(status, language));
}

std::string progress_bar(const std::optional<double>& progress, std::string_view language) {
  std::string percent = i18n::percent(progress, language);
  if (!progress || !std::isfinite(*progress)) return percent;
  const double width = std::clamp(*progress, 0.0, 1.0) * 100.0;
  return fmt::format(
      "<span class=\"bar\"><svg viewBox=\"0 0 100 8\" width=\"100\" height=\"8\" "
      "aria-hidden=\"true\" focusable=\"false\"><rect class=\"track\" width=\"100\" "
      "height=\"8\" rx=\"2\"/><rect class=\"fill\" width=\"{:.1f}\" height=\"8\" "
      "rx=\"2\"/></svg> {}</span>",
      width, percent);
}

std::string target_text(const MeasureResult& measure, std::string_view language) {
  const auto with_unit = [&](double value) {
    return text(i18n::with_unit(value, measure.unit, language));
  };
  switch (measure.threshold.kind) {
    case ThresholdKind::at_least:
      return "≥ " + with_unit(measure.threshold.low);
    case ThresholdKind::at_most:
      return "≤ " + with_unit(measure.threshold.high);
    case ThresholdKind::between:
      return text(i18n::number(measure.threshold.low, language)) + "–" +
             with_unit(measure.threshold.high);
    case ThresholdKind::none:
      break;
  }
  if (measure.target) return with_unit(*measure.target);
  if (measure.type == MeasureType::milestone) {
    return std::string(i18n::labels(language).yes);
  }
  return std::string(i18n::labels(language).none_value);
}

}  // namespace iooi::html
