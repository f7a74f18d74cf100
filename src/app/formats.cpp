#include "iooi/app/formats.h"

#include <algorithm>

#include "iooi/render/diff_output.h"
#include "iooi/render/graph_output.h"
#include "iooi/render/rules_output.h"

namespace iooi {
namespace {

constexpr Named<Language> language_table[] = {{Language::en, "en"}, {Language::de, "de"}};

// Each renderer sits in the row of its format, so a name, a format and its renderer
// cannot drift apart.
using CheckRenderer = std::string (*)(const Findings&, const CheckRun&);
struct CheckRow {
  Named<CheckFormat> named;
  CheckRenderer render;
};
constexpr CheckRow check_table[] = {
    {{CheckFormat::text, "text"}, render_check_text},
    {{CheckFormat::json, "json"}, render_check_json},
    {{CheckFormat::github, "github"}, render_check_github},
    {{CheckFormat::sarif, "sarif"}, render_check_sarif},
    {{CheckFormat::junit, "junit"}, render_check_junit},
    {{CheckFormat::gitlab, "gitlab"}, render_check_gitlab},
};

using ReportRenderer = void (*)(const Report&, const ReportOptions&, std::ostream&);
struct ReportRow {
  Named<ReportFormat> named;
  ReportRenderer render;
};
constexpr ReportRow report_table[] = {
    {{ReportFormat::table, "table"}, render_report_table},
    {{ReportFormat::markdown, "markdown"}, render_report_markdown},
    {{ReportFormat::html, "html"}, render_report_html},
    {{ReportFormat::json, "json"},
     [](const Report& report, const ReportOptions&, std::ostream& out) {
       render_report_json(report, out);
     }},
    {{ReportFormat::csv, "csv"}, render_report_csv},
    {{ReportFormat::iati, "iati"},
     [](const Report& report, const ReportOptions&, std::ostream& out) {
       render_report_iati(report, out);
     }},
};

using GraphRenderer = std::string (*)(const Report&, std::string_view);
struct GraphRow {
  Named<GraphFormat> named;
  GraphRenderer render;
};
constexpr GraphRow graph_table[] = {
    {{GraphFormat::mermaid, "mermaid"}, render_graph_mermaid},
    {{GraphFormat::dot, "dot"}, render_graph_dot},
};

using RulesRenderer = std::string (*)();
struct RulesRow {
  Named<RulesFormat> named;
  RulesRenderer render;
};
constexpr RulesRow rules_table[] = {
    {{RulesFormat::text, "text"}, render_rules_text},
    {{RulesFormat::markdown, "markdown"}, render_rules_markdown},
};

using DiffRenderer = void (*)(const DiffDocument&, std::ostream&);
struct DiffRow {
  Named<DiffFormat> named;
  DiffRenderer render;
};
constexpr DiffRow diff_table[] = {
    {{DiffFormat::text, "text"}, render_diff_text},
    {{DiffFormat::markdown, "markdown"}, render_diff_markdown},
    {{DiffFormat::json, "json"}, render_diff_json},
};

// The names column of a renderer table, built once.
template <typename Row, size_t size>
auto names_of(const Row (&rows)[size]) {
  std::array<decltype(rows[0].named), size> names{};
  std::transform(std::begin(rows), std::end(rows), names.begin(),
                 [](const Row& row) { return row.named; });
  return names;
}

// The row of `format`; every enumerator has one (the tables are complete).
template <typename Row, size_t size, typename Format>
const Row& row_of(const Row (&rows)[size], Format format) {
  return *std::find_if(std::begin(rows), std::end(rows),
                       [&](const Row& row) { return row.named.value == format; });
}

}  // namespace

std::span<const Named<Language>> languages() { return language_table; }

std::span<const Named<CheckFormat>> check_formats() {
  static const auto names = names_of(check_table);
  return names;
}

std::span<const Named<ReportFormat>> report_formats() {
  static const auto names = names_of(report_table);
  return names;
}

std::span<const Named<GraphFormat>> graph_formats() {
  static const auto names = names_of(graph_table);
  return names;
}

std::span<const Named<RulesFormat>> rules_formats() {
  static const auto names = names_of(rules_table);
  return names;
}

std::span<const Named<DiffFormat>> diff_formats() {
  static const auto names = names_of(diff_table);
  return names;
}

std::string_view language_name(Language language) {
  return std::find_if(std::begin(language_table), std::end(language_table),
                      [&](const Named<Language>& row) { return row.value == language; })
      ->name;
}

Language effective_language(std::optional<Language> requested, const Plan& plan) {
  if (requested) return *requested;
  for (const Named<Language>& row : language_table)
    if (row.name == plan.config.language) return row.value;
  return Language::en;
}

std::string render_check(CheckFormat format, const Findings& findings, const CheckRun& run) {
  return row_of(check_table, format).render(findings, run);
}

void render_report(ReportFormat format, const Report& report, ReportOptions options,
                   Language language, std::ostream& out) {
  options.language = std::string(language_name(language));
  row_of(report_table, format).render(report, options, out);
}

std::string render_graph(GraphFormat format, const Report& report, Language language) {
  return row_of(graph_table, format).render(report, language_name(language));
}

std::string render_rules(RulesFormat format) { return row_of(rules_table, format).render(); }

void render_diff(DiffFormat format, const DiffDocument& document, std::ostream& out) {
  row_of(diff_table, format).render(document, out);
}

}  // namespace iooi
