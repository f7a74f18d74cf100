// GitHub Actions workflow commands: one `::error|warning|notice ...::message` line
// per finding, which the runner turns into annotations on the changed files.
#include <string_view>

#include "iooi/render/check_output.h"
#include "iooi/util/utf8.h"

namespace iooi {
namespace {

// The runner reads the message up to the end of the line and unescapes %, CR and
// LF; property values additionally end at ',' and the properties at "::".
void append_escaped(std::string& out, std::string_view text, bool is_property) {
  for (const char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else if (is_property && c == ':') {
      out += "%3A";
    } else if (is_property && c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
}

void append_escaped_data(std::string& out, std::string_view text) {
  append_escaped(out, text, false);
}

void append_escaped_property(std::string& out, std::string_view text) {
  append_escaped(out, text, true);
}

std::string_view command_for(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    default:
      return "notice";
  }
}

}  // namespace

std::string render_check_github(const Findings& findings, const CheckRun& run) {
  std::string out;
  for (const Finding& finding : findings) {
    out += "::";
    out += command_for(finding.severity);
    out += ' ';
    bool first = true;
    const auto property = [&](std::string_view name, std::string_view value) {
      if (!first) out += ',';
      first = false;
      out += name;
      out += '=';
      append_escaped_property(out, value);
    };
    if (!finding.path.empty()) property("file", terminal_text(finding.path));
    if (finding.line > 0) {
      property("line", std::to_string(finding.line));
      if (finding.column > 0) property("col", std::to_string(finding.column));
    }
    property("title", rule_info(finding.rule).id);
    out += "::";
    // The log shows terminal escape sequences as a terminal would (docs/security.md).
    append_escaped_data(out, terminal_text(finding.message));
    out += '\n';
  }
  if (run.omitted.total() > 0) {
    out += "::warning title=iooi::";
    append_escaped_data(out, omitted_findings_text(run.omitted));
    out += '\n';
  }
  return out;
}

}  // namespace iooi
