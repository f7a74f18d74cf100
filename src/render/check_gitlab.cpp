// GitLab Code Quality report (a JSON array of Code Climate issues), shown in merge
// requests. GitLab tracks issues across pipelines by their fingerprint, which
// therefore must be unique within a report and stable across runs.
#include "finding_fingerprint.h"
#include "iooi/render/check_output.h"
#include "iooi/util/json_writer.h"

namespace iooi {
namespace {

std::string_view gitlab_severity(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "major";
    case Severity::warning:
      return "minor";
    default:
      return "info";
  }
}

}  // namespace

std::string render_check_gitlab(const Findings& findings, const CheckRun& run) {
  const std::vector<std::string> fingerprints = finding_fingerprints(findings);
  JsonWriter json;
  json.begin_array();
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& finding = findings[i];
    json.begin_object();
    json.field("type", "issue");
    json.field("check_name", rule_info(finding.rule).id);
    json.field("description", finding.message);
    json.key("categories").begin_array().value("Style").end_array();
    json.field("severity", gitlab_severity(finding.severity));
    json.field("fingerprint", fingerprints[i]);
    json.key("location").begin_object();
    json.field("path", finding.path);
    // GitLab needs a line; a finding about the whole file points at its first one.
    json.key("lines")
        .begin_object()
        .field("begin", finding.line > 0 ? finding.line : 1)
        .end_object();
    json.end_object();
    json.end_object();
  }
  if (run.omitted.total() > 0) {
    // One issue more, on the first file, so the merge request says findings are missing.
    json.begin_object();
    json.field("type", "issue");
    json.field("check_name", "iooi");
    json.field("description", omitted_findings_text(run.omitted));
    json.key("categories").begin_array().value("Style").end_array();
    json.field("severity", run.omitted.errors > 0 ? "major" : "minor");
    json.field("fingerprint", "iooi-more-findings");
    json.key("location").begin_object();
    json.field("path", findings.empty() ? std::string("iooi.yaml") : findings.front().path);
    json.key("lines").begin_object().field("begin", 1).end_object();
    json.end_object();
    json.end_object();
  }
  json.end_array();
  return json.finish();
}

}  // namespace iooi
