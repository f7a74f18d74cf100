#pragma once
// One entry point per command (docs/architecture.md): the whole pipeline from
// files to text, used alike by the CLI (which only parses options and prints),
// the fuzzer and the tests. Nothing here reads the clock: the caller passes days.
#include <optional>
#include <string>
#include <vector>

#include "iooi/app/formats.h"
#include "iooi/check/check.h"
#include "iooi/diag/finding.h"
#include "iooi/load/load_plan.h"
#include "iooi/rollup/rollup.h"
#include "iooi/util/atomic_file.h"
#include "iooi/util/date.h"
#include "iooi/util/run_error.h"

namespace iooi {

// Which plan to read: what check, report and graph share.
struct PlanRequest {
  std::vector<std::string> paths;          // files or folders; empty = the plan root
  std::optional<std::string> config_file;  // --config
  std::string working_dir;                 // display paths are relative to this
  unsigned jobs = 0;                       // 0 = all cores
  bool follow_outside_root = false;        // --follow-outside-root
  std::vector<std::string> limits;         // --limit NAME=VALUE (docs/limits.md)
  Date reference_date;   // the day the checks judge (checkin-future, checkin-stale)
  bool history = false;  // --history: target-changed from the git history (docs/history.md)
};

struct CheckedPlan {
  LoadedPlan load;
  Findings findings;      // reader + decoder + rule findings, final severities, sorted once
  FindingCounts omitted;  // past max_findings_shown: counted, not kept (docs/limits.md)
};

// Runs every rule on a loaded plan, applies plan.rules and sorts the findings.
// `history` (from plan_history(), app/history.h) feeds target-changed.
CheckedPlan check_loaded(LoadedPlan loaded, Date reference_date, PlanHistory history = {});

// The loader's options for a request: a usage error for a bad --limit.
Result<LoadOptions> load_options_of(const PlanRequest& request);

// `iooi check`: loads the plan and checks it. A usage error for a bad --limit.
Result<CheckedPlan> check_plan(const PlanRequest& request, Notes& notes);

// What report and graph add: the scope and the language of labels.
struct RollupRequest {
  PlanRequest plan;                   // plan.reference_date: --as-of, else today
  std::optional<std::string> period;  // --period: an id or "all"; none = quarter of as_of
  std::optional<Date> as_of;          // --as-of
  Date today;                         // the caller's clock reading
  std::optional<Language> language;   // --lang; none = plan.language, else en
  std::optional<std::string> since;   // report --since DATE|PERIOD (docs/history.md)
};

// The report or graph, or, when the plan has error findings, those instead:
// nothing is rolled up from a plan with errors.
struct RollupOutput {
  StreamWriter write;    // streams the report or graph out in pieces; empty when refused
  Findings errors;       // non-empty: refused
  FindingCounts counts;  // of the check run, checkin-future aside
};

// How the table report meets the terminal (other formats ignore it).
struct TableLook {
  bool color = false;  // ANSI colour per status
  size_t width = 0;    // the columns to fit; 0: none known, the fixed layout
};

// `iooi report`. A usage error for an unknown period.
Result<RollupOutput> report_plan(const RollupRequest& request, ReportFormat format, TableLook look,
                                 Notes& notes);
// `iooi graph`. A usage error for an unknown period.
Result<RollupOutput> graph_plan(const RollupRequest& request, GraphFormat format, Notes& notes);

// `iooi checkin`: checkin_plan and write_checkins, in iooi/app/checkin.h.

}  // namespace iooi
