#include "iooi/render/check_output.h"
#include "iooi/util/json_writer.h"

namespace iooi {

void write_finding_json(JsonWriter& json, const Finding& finding) {
  json.begin_object()
      .field("rule", rule_info(finding.rule).id)
      .field("severity", severity_name(finding.severity))
      .field("path", finding.path)
      .field("line", finding.line)
      .field("column", finding.column)
      .field("message", finding.message)
      .end_object();
}

std::string render_check_json(const Findings& findings, const CheckRun& run) {
  JsonWriter json;
  json.begin_object();
  json.field("schema", "iooi-check/1");
  json.field("files", run.files.size());
  json.key("findings").begin_array();
  for (const Finding& finding : findings) write_finding_json(json, finding);
  json.end_array();
  if (run.omitted.total() > 0) {
    json.key("omitted")
        .begin_object()
        .field("errors", run.omitted.errors)
        .field("warnings", run.omitted.warnings)
        .field("infos", run.omitted.infos)
        .end_object();
  }
  FindingCounts counts = count_findings(findings);
  counts += run.omitted;
  json.key("summary")
      .begin_object()
      .field("errors", counts.errors)
      .field("warnings", counts.warnings)
      .field("infos", counts.infos)
      .end_object();
  json.end_object();
  return json.finish();
}

}  // namespace iooi
