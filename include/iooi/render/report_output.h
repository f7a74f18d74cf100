#pragma once
// Renderers for `iooi report`: one function per format, all pure (a computed
// Report in, text out). Labels follow `language` ("en" or "de"); user text
// (titles, ids, units) is printed as written.
#include <string>

#include "iooi/diag/finding.h"
#include "iooi/rollup/rollup.h"

namespace iooi {

struct ReportOptions {
  std::string language = "en";  // en | de
  bool color = false;           // table only: ANSI colour per status
  FindingCounts findings;       // of the check run, for the plan-quality line
};

std::string render_report_table(const Report& report,
                                const ReportOptions& options);  // report_table.cpp
std::string render_report_markdown(const Report& report,
                                   const ReportOptions& options);  // report_markdown.cpp
std::string render_report_json(const Report& report);              // report_json.cpp
// CSV: RFC 4180 quoting, CRLF, UTF-8 with BOM; en: comma and decimal point,
// de: semicolon and decimal comma (what Excel expects in that locale).
std::string render_report_csv(const Report& report,
                              const ReportOptions& options);  // report_csv.cpp

}  // namespace iooi
