#pragma once
// Renderers for `iooi diff` (docs/history.md): plain text, a Markdown section for
// the quarterly summary, and the iooi-diff/1 JSON document of docs/json.md. User
// text (ids, titles, file names, values) is escaped for each format.
#include <optional>
#include <ostream>
#include <string>

#include "iooi/diag/finding.h"
#include "iooi/model/period.h"
#include "iooi/rollup/plan_diff.h"
#include "iooi/util/date.h"

namespace iooi {

struct DiffSideInfo {
  std::string revision;  // as the user named it ("HEAD", "v1"); empty: the work tree
  std::string commit;    // short commit id; empty for the work tree
  std::optional<Date> date;
  Findings errors;  // error findings of this side's plan
};

struct DiffDocument {
  DiffSideInfo before, after;
  Date as_of;
  std::optional<Period> period;  // none: every objective
  PlanDiff diff;
  std::string language = "en";  // of the text and Markdown labels: "en" or "de"
};

void render_diff_text(const DiffDocument& document, std::ostream& out);
void render_diff_markdown(const DiffDocument& document, std::ostream& out);
void render_diff_json(const DiffDocument& document, std::ostream& out);

}  // namespace iooi
