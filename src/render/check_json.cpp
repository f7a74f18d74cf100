#include "iooi/render/check_output.h"
#include "iooi/util/json_writer.h"

namespace iooi {

std::string render_check_json(const Findings& findings, const CheckRun& run) {
  JsonWriter json;
  json.begin_object();
  json.field("schema", "iooi-check/1");
  json.field("files", run.files.size());
  json.key("findings").begin_array();
  for (const Finding& f : findings) {
    json.begin_object()
        .field("rule", rule_info(f.rule).id)
        .field("severity", severity_name(f.severity))
        .field("path", f.path)
        .field("line", f.line)
        .field("column", f.column)
        .field("message", f.message)
        .end_object();
  }
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
