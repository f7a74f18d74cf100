#pragma once
// The output formats and languages a command can ask for, each mapped once from
// its name to its renderer. The CLI offers exactly these names; the fuzzer walks
// these tables so that every renderer gets fuzzed.
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "iooi/diag/finding.h"
#include "iooi/model/plan.h"
#include "iooi/render/check_output.h"
#include "iooi/render/diff_output.h"
#include "iooi/render/report_output.h"
#include "iooi/rollup/rollup.h"

namespace iooi {

enum class Language : uint8_t { en, de };
enum class CheckFormat : uint8_t { text, json, github, sarif, junit, gitlab };
enum class ReportFormat : uint8_t { table, markdown, html, json, csv, iati };
enum class GraphFormat : uint8_t { mermaid, dot };
enum class RulesFormat : uint8_t { text, markdown };
enum class DiffFormat : uint8_t { text, markdown, json };

// One row of a name table: the value and the name users type for it.
template <typename Value>
struct Named {
  Value value;
  std::string_view name;
};

// In the order `--help` lists them.
std::span<const Named<Language>> languages();
std::span<const Named<CheckFormat>> check_formats();
std::span<const Named<ReportFormat>> report_formats();
std::span<const Named<GraphFormat>> graph_formats();
std::span<const Named<RulesFormat>> rules_formats();
std::span<const Named<DiffFormat>> diff_formats();

std::string_view language_name(Language language);  // "en", "de"
// --lang when given, else plan.language when it is one we have, else English.
Language effective_language(std::optional<Language> requested, const Plan& plan);

std::string render_check(CheckFormat format, const Findings& findings, const CheckRun& run);
// Streams the report to `out`; `options.language` is set from `language`.
void render_report(ReportFormat format, const Report& report, ReportOptions options,
                   Language language, std::ostream& out);
std::string render_graph(GraphFormat format, const Report& report, Language language);
std::string render_rules(RulesFormat format);
void render_diff(DiffFormat format, const DiffDocument& document, std::ostream& out);

}  // namespace iooi
