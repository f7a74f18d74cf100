#include <fmt/format.h>

#include "iooi/render/check_output.h"
#include "iooi/util/utf8.h"

namespace iooi {
namespace {

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "\x1b[1;31m";
    case Severity::warning:
      return "\x1b[1;33m";
    default:
      return "\x1b[1;36m";
  }
}

std::string plural(size_t count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

}  // namespace

std::string check_summary_line(const Findings& findings, size_t file_count,
                               const FindingCounts& omitted) {
  FindingCounts counts = count_findings(findings);
  counts += omitted;
  std::string line =
      fmt::format("{}, {}", plural(counts.errors, "error"), plural(counts.warnings, "warning"));
  if (counts.infos > 0) line += ", " + plural(counts.infos, "info");
  return line + " in " + plural(file_count, "file");
}

std::string omitted_findings_text(const FindingCounts& omitted) {
  std::string counts = plural(omitted.errors, "error") + ", " + plural(omitted.warnings, "warning");
  if (omitted.infos > 0) counts += ", " + plural(omitted.infos, "info");
  return fmt::format(
      "and {} more {} not shown ({}): a run shows at most {} (docs/limits.md); fix these first",
      omitted.total(), omitted.total() == 1 ? "finding" : "findings", counts, max_findings_shown);
}

std::string render_check_text(const Findings& findings, const CheckRun& run) {
  std::string out;
  for (const Finding& f : findings) {
    // The output boundary (docs/security.md): a file name or message cannot send
    // escape sequences or break the line, so no finding can hide another.
    std::string place = terminal_text(f.path);
    if (f.line > 0) place += fmt::format(":{}:{}", f.line, f.column > 0 ? f.column : 1);
    const std::string_view severity = severity_name(f.severity);
    const std::string_view rule = rule_info(f.rule).id;
    if (run.color) {
      out += fmt::format("\x1b[1m{}:\x1b[0m {}{}:\x1b[0m {} \x1b[2m[{}]\x1b[0m\n", place,
                         severity_color(f.severity), severity, terminal_text(f.message), rule);
    } else {
      out += fmt::format("{}: {}: {} [{}]\n", place, severity, terminal_text(f.message), rule);
    }
  }
  if (run.omitted.total() > 0) out += omitted_findings_text(run.omitted) + "\n";
  return out;
}

}  // namespace iooi
