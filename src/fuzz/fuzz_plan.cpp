// libFuzzer target over the whole pipeline that one plan file goes through:
// reader -> decoder -> checks -> roll-up -> every renderer. The input is the bytes of
// one file, read as iooi.yaml so that every section (including `plan`) is
// reachable; the seeds are the example plans and the test fixtures. The second file's
// name comes from the input too, and the output boundary (terminal_text,
// workflow_log_text) is checked on the raw bytes and on what the renderers print.
//
// Build and run: `make fuzz FUZZ_SECONDS=600` (see docs/fuzzing.md).
// The reader's default limits are the ones the binary uses, so anything the
// fuzzer finds is reachable from the command line.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "iooi/app/commands.h"
#include "iooi/app/formats.h"
#include "iooi/diag/finding.h"
#include "iooi/model/decode.h"
#include "iooi/model/plan.h"
#include "iooi/render/check_output.h"
#include "iooi/rollup/rollup.h"
#include "iooi/util/date.h"
#include "iooi/util/glob.h"
#include "iooi/util/utf8.h"
#include "iooi/yaml/tree.h"

namespace {

// Sanity checks that a finding is well formed: a crash here is a bug the
// fuzzer should report, so they abort instead of throwing.
void require(bool condition) {
  if (!condition) __builtin_trap();
}

void check_findings(const iooi::Findings& findings, const std::vector<std::string>& paths) {
  for (const iooi::Finding& finding : findings) {
    require(std::find(paths.begin(), paths.end(), finding.path) != paths.end());
    // docs/limits.md: where the YAML could be read, every finding has a line and column
    // (only a file refused before parsing has none, and the loader does that).
    require(finding.line >= 1 && finding.column >= 1);
    require(!finding.message.empty());
  }
}

// No line of a CI log that has passed workflow_log_text starts a workflow command or
// holds a legacy one (docs/security.md); lines end at LF or CR, as the runner reads them.
void require_no_workflow_command(std::string_view log) {
  size_t begin = 0;
  while (begin <= log.size()) {
    const size_t end = std::min(log.find_first_of("\r\n", begin), log.size());
    const std::string_view line = log.substr(begin, end - begin);
    const size_t first = line.find_first_not_of(" \t\v\f");
    if (first != std::string_view::npos) require(!line.substr(first).starts_with("::"));
    require(line.find("##[") == std::string_view::npos);
    begin = end + 1;
  }
}

// `--format github` means its annotations and nothing else: every line is one
// (`::error file=...,title=rule::message`), parsed by the runner as that command, so
// the escaped values in it cannot start another; no other line commands anything.
void require_only_annotations(std::string_view log) {
  size_t begin = 0;
  while (begin < log.size()) {
    const size_t end = std::min(log.find_first_of("\r\n", begin), log.size());
    const std::string_view line = log.substr(begin, end - begin);
    bool annotation = false;
    for (const std::string_view command : {"::error ", "::warning ", "::notice "}) {
      if (!line.starts_with(command)) continue;
      const size_t properties_end = line.find("::", command.size());
      // The properties hold no ':' of their own (escaped as %3A).
      annotation = properties_end != std::string_view::npos &&
                   line.substr(0, properties_end).find(':', 2) == std::string_view::npos;
    }
    if (!annotation) require_no_workflow_command(line);
    begin = end + 1;
  }
}

// Text for a terminal: no control character, no line break, valid UTF-8. A whole
// output (single_line false) keeps its own line breaks and tabs: user text inside it
// has none, as terminal_text turned them into spaces.
void require_terminal_safe(std::string_view text, bool single_line) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (!single_line && (c == '\n' || c == '\r' || c == '\t')) continue;
    require(byte >= 0x20 && byte != 0x7F);
  }
}

bool contains_ignoring_case(std::string_view text, std::string_view lower_needle) {
  const auto* const found = std::search(
      text.begin(), text.end(), lower_needle.begin(), lower_needle.end(),
      [](char a, char b) { return (a >= 'A' && a <= 'Z' ? char(a - 'A' + 'a') : a) == b; });
  return found != text.end();
}

// The HTML report has one <style>, no script and fetches nothing (docs/html.md): every
// `<` of user text is escaped, so none of these tags can appear.
void require_html_contained(std::string_view html) {
  for (const std::string_view tag : {"<script", "<img", "<iframe", "<object", "<embed",
                                     "<foreignobject", "<link", "<meta http-equiv", "<a "})
    require(!contains_ignoring_case(html, tag));
  size_t styles = 0;
  for (size_t at = html.find("<style"); at != std::string_view::npos;
       at = html.find("<style", at + 1))
    ++styles;
  require(styles <= 1);
}

// The output boundary itself, on the raw input bytes.
void check_output_boundary(std::string_view bytes) {
  const std::string shown = iooi::terminal_text(bytes);
  require_terminal_safe(shown, /*single_line=*/true);
  require(iooi::find_invalid_utf8(shown) == std::string_view::npos);
  require_no_workflow_command(iooi::workflow_log_text(bytes));
  require_no_workflow_command(iooi::workflow_log_text(shown));
}

void render_checks(const iooi::Findings& findings, const std::vector<std::string>& files) {
  const iooi::CheckRun run{files, false, {}};
  // Results are discarded: the point is that rendering any finding is safe.
  for (const auto& format : iooi::check_formats())
    (void)iooi::render_check(format.value, findings, run);
  // The text format goes to terminals: nothing in it may control one.
  require_terminal_safe(iooi::render_check(iooi::CheckFormat::text, findings, run), false);
  require_only_annotations(iooi::render_check(iooi::CheckFormat::github, findings, run));
  (void)iooi::check_summary_line(findings, files.size());
}

// What each report format may hold. Every format that user text reaches through
// terminal_text (table, Markdown, CSV, HTML; docs/security.md) holds no control
// character of its own making either, colour aside; JSON and IATI escape by their own
// rules and are read by programs. Any of them may go to a CI log (`> report.md` in a
// step that prints it): after workflow_log_text no line commands the runner.
void check_report_output(iooi::ReportFormat format, const iooi::ReportOptions& options,
                         std::string_view output) {
  const bool machine = format == iooi::ReportFormat::json || format == iooi::ReportFormat::iati;
  if (!machine && !(format == iooi::ReportFormat::table && options.color))
    require_terminal_safe(output, /*single_line=*/false);
  if (format == iooi::ReportFormat::html) require_html_contained(output);
  require_no_workflow_command(iooi::workflow_log_text(output));
}

void render_report(const iooi::Report& report, const iooi::ReportOptions& options,
                   iooi::Language language) {
  for (const auto& format : iooi::report_formats()) {
    std::ostringstream sink;
    iooi::render_report(format.value, report, options, language, sink);
    check_report_output(format.value, options, sink.str());
  }
  for (const auto& format : iooi::graph_formats()) {
    const std::string graph = iooi::render_graph(format.value, report, language);
    require_terminal_safe(graph, /*single_line=*/false);
    require_no_workflow_command(iooi::workflow_log_text(graph));
  }
}

void roll_up(const iooi::Plan& plan, iooi::Date as_of, std::optional<std::string> period,
             const iooi::ReportOptions& options, iooi::Language language) {
  iooi::ScopeRequest request;
  request.period = std::move(period);
  request.as_of = as_of;
  request.today = as_of;
  const iooi::Result<iooi::Scope> scope = iooi::resolve_scope(request, plan.config);
  if (!scope) {
    require(scope.error().kind == iooi::ErrorKind::usage && !scope.error().message.empty());
    return;
  }
  const iooi::Report report = iooi::compute_report(plan, *scope);
  for (const iooi::ElementResult& element : report.elements) {
    if (element.progress) require(*element.progress >= 0.0 && *element.progress <= 1.0);
  }
  for (const iooi::ObjectiveResult& objective : report.objectives) {
    if (objective.progress) require(*objective.progress >= 0.0 && *objective.progress <= 1.0);
  }
  render_report(report, options, language);
}

// plan.exclude globs meet every path the loader walks: matching must stay
// fast whatever the pattern (the libFuzzer -timeout catches a blow-up).
void match_excludes(const iooi::Config& config) {
  static const char* const paths[] = {"drafts/a.yaml", "okr/2026/q1/team.yml",
                                      "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x.yaml",
                                      "iooi.yaml", ".hidden/x.yaml"};
  for (const std::string& pattern : config.exclude) {
    for (const char* path : paths) (void)iooi::glob_match(pattern, path);
  }
}

// Reads and decodes one file into the plan, as the loader does.
void load(std::string_view bytes, const std::string& path, bool is_config, iooi::Plan& plan,
          iooi::Findings& findings) {
  const iooi::yaml::ReadLimits limits;
  const iooi::yaml::Document document = iooi::yaml::read_yaml(bytes, path, limits, findings);
  if (document.root != nullptr) require(document.expanded_nodes <= limits.max_expanded_nodes);
  const auto index = static_cast<uint32_t>(plan.files.size() - 1);
  require(plan.files[index] == path);
  iooi::merge_fragment(plan,
                       iooi::decode_document(document.root, index, path, is_config, findings));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check_output_boundary(bytes);
  // An input holding the separator line is two files, so that the merge and
  // the cross-file rules (duplicate ids, references) get fuzzed too.
  constexpr std::string_view separator = "\n#---file\n";
  const size_t split = bytes.find(separator);

  iooi::LoadedPlan loaded;
  iooi::Plan& plan = loaded.plan;
  plan.files.push_back("iooi.yaml");
  load(bytes.substr(0, split), plan.files.back(), /*is_config=*/true, plan, loaded.findings);
  if (split != std::string_view::npos) {
    // The first line of the second file also names it: file names are the
    // attacker's too (line breaks, escapes, workflow commands).
    const std::string_view second = bytes.substr(split + separator.size());
    const std::string_view name = second.substr(0, std::min<size_t>(second.find('\n'), 64));
    plan.files.push_back(name.empty() ? std::string("plan.yaml") : std::string(name) + ".yaml");
    load(second, plan.files.back(), false, plan, loaded.findings);
  }
  check_findings(loaded.findings, plan.files);
  match_excludes(plan.config);

  // From here on the same entry point as `iooi check` (iooi/app/commands.h).
  const iooi::Date as_of = iooi::Date::from_ymd(2026, 3, 20);
  const iooi::CheckedPlan checked = iooi::check_loaded(std::move(loaded), as_of);
  const iooi::Findings& findings = checked.findings;
  check_findings(findings, checked.load.plan.files);
  render_checks(findings, checked.load.plan.files);

  // The roll-up and the renderers are pure functions and must be total, even
  // on a plan with error findings (the CLI refuses to print those, but a crash
  // or UB in the arithmetic would still be a bug).
  // Both languages and colour on or off, chosen by the input so both get fuzzed.
  const iooi::Plan& checked_plan = checked.load.plan;
  const iooi::Language language = size % 2 == 0 ? iooi::Language::en : iooi::Language::de;
  iooi::ReportOptions options;
  options.color = size % 4 < 2;
  // The table fitted to a narrow or a wide terminal, or the fixed layout.
  static constexpr size_t widths[] = {0, 40, 132};
  options.width = widths[(size / 4) % 3];
  options.findings = iooi::count_findings(findings);
  roll_up(checked_plan, as_of, std::nullopt, options, language);
  roll_up(checked_plan, as_of, std::string("all"), options, language);
  if (!checked_plan.objectives.empty())
    roll_up(checked_plan, as_of, checked_plan.objectives.front().period, options, language);
  return 0;
}
