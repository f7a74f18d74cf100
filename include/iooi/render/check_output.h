#pragma once
// Renderers for `iooi check`: one function per format, all pure (findings in,
// text out). Findings arrive sorted and with final severities: apply_severities()
// has dropped those set to `off`, so no renderer sees one.
#include <string>
#include <vector>

#include "iooi/diag/finding.h"

namespace iooi {

class JsonWriter;

struct CheckRun {
  std::vector<std::string> files;  // display paths of every plan file read, sorted
  bool color = false;              // text format only
  FindingCounts omitted;           // findings past max_findings_shown, not in the list
};

// "and 1,234 more findings (...) not shown": the line each format adds, in its own
// syntax, when some findings were left out (docs/limits.md).
std::string omitted_findings_text(const FindingCounts& omitted);

// "2 errors, 1 warning in 14 files" (stderr summary of the text format).
std::string check_summary_line(const Findings& findings, size_t file_count,
                               const FindingCounts& omitted = {});

// One finding as the JSON object of `iooi check --format json` (docs/json.md), also
// used for the error findings of a side in `iooi diff --format json`.
void write_finding_json(JsonWriter& json, const Finding& finding);  // check_json.cpp

std::string render_check_text(const Findings& findings, const CheckRun& run);    // check_text.cpp
std::string render_check_json(const Findings& findings, const CheckRun& run);    // check_json.cpp
std::string render_check_github(const Findings& findings, const CheckRun& run);  // check_github.cpp
std::string render_check_sarif(const Findings& findings, const CheckRun& run);   // check_sarif.cpp
std::string render_check_junit(const Findings& findings, const CheckRun& run);   // check_junit.cpp
std::string render_check_gitlab(const Findings& findings, const CheckRun& run);  // check_gitlab.cpp

}  // namespace iooi
