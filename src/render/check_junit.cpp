// JUnit XML for GitLab's test report and Jenkins: one testcase per plan file (it
// passes when the file has no finding), one <failure> per finding in that file.
#include <fmt/format.h>

#include <map>
#include <vector>

#include "iooi/render/check_output.h"
#include "iooi/util/xml_escape.h"

namespace iooi {
namespace {

std::string location_text(const Finding& finding) {
  std::string text = finding.path.empty() ? std::string("(plan)") : finding.path;
  if (finding.line > 0) {
    text += fmt::format(":{}", finding.line);
    if (finding.column > 0) text += fmt::format(":{}", finding.column);
  }
  return text;
}

}  // namespace

std::string render_check_junit(const Findings& findings, const CheckRun& run) {
  // Files in sorted order, including paths only a finding names (e.g. unreadable ones).
  std::map<std::string, std::vector<const Finding*>> by_file;
  for (const std::string& file : run.files) by_file[file];
  size_t failures = 0;
  for (const Finding& finding : findings) {
    by_file[finding.path].push_back(&finding);
    ++failures;
  }

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out +=
      fmt::format("<testsuites name=\"iooi check\" tests=\"{0}\" failures=\"{1}\" errors=\"0\">\n",
                  by_file.size(), failures);
  out += fmt::format(
      "  <testsuite name=\"iooi check\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" "
      "skipped=\"0\">\n",
      by_file.size(), failures);
  for (const auto& [path, file_findings] : by_file) {
    const std::string name = xml_escape(path.empty() ? std::string("(plan)") : path);
    out += fmt::format("    <testcase name=\"{0}\" classname=\"iooi.check\" file=\"{0}\"", name);
    if (file_findings.empty()) {
      out += "/>\n";
      continue;
    }
    out += ">\n";
    for (const Finding* finding : file_findings) {
      const std::string_view rule = rule_info(finding->rule).id;
      const std::string_view severity = severity_name(finding->severity);
      out +=
          fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n", xml_escape(rule),
                      xml_escape(fmt::format("{}: {} [{}]", severity, finding->message, rule)),
                      xml_escape(fmt::format("{}: {}: {} [{}]", location_text(*finding), severity,
                                             finding->message, rule)));
    }
    out += "    </testcase>\n";
  }
  if (run.omitted.total() > 0) {
    const std::string text = xml_escape(omitted_findings_text(run.omitted));
    out += fmt::format(
        "    <testcase name=\"(more findings)\" classname=\"iooi.check\">\n"
        "      <failure type=\"iooi\" message=\"{0}\">{0}</failure>\n    </testcase>\n",
        text);
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace iooi
