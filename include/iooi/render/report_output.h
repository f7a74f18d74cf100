#pragma once
// Renderers for `iooi report`: one function per format, all pure (a computed
// Report in, text out). Labels follow `language` ("en" or "de"); user text
// (titles, ids, units) is printed as written.
#include <ostream>
#include <string>

#include "iooi/diag/finding.h"
#include "iooi/rollup/rollup.h"

namespace iooi {

struct ReportOptions {
  std::string language = "en";  // en | de
  bool color = false;           // table only: ANSI colour per status
  size_t width = 0;             // table only: columns to fit in; 0 = none known (fixed layout)
  FindingCounts findings;       // of the check run, for the plan-quality line
  unsigned jobs = 1;            // html only: threads that draw the charts (--jobs; 0 = all cores)
};

// Each writes the whole report to `stream` in pieces (never holding it as one
// string); a failed stream is the caller's to notice.
void render_report_table(const Report& report, const ReportOptions& options,
                         std::ostream& stream);  // report_table.cpp
void render_report_markdown(const Report& report, const ReportOptions& options,
                            std::ostream& stream);  // report_markdown.cpp
// One self-contained HTML page: inline SVG charts and chain, no script (docs/html.md).
void render_report_html(const Report& report, const ReportOptions& options,
                        std::ostream& stream);                     // report_html.cpp
void render_report_json(const Report& report, std::ostream& out);  // report_json.cpp
// CSV: RFC 4180 quoting, CRLF, UTF-8 with BOM; en: comma and decimal point,
// de: semicolon and decimal comma (what Excel expects in that locale).
void render_report_csv(const Report& report, const ReportOptions& options,
                       std::ostream& stream);  // report_csv.cpp
// IATI 2.03 iati-activities XML of report.iati (docs/format.md, "IATI export"); without
// it (no plan.iati) a document with no activity, which the CLI never asks for.
void render_report_iati(const Report& report, std::ostream& out);  // report_iati.cpp

}  // namespace iooi
