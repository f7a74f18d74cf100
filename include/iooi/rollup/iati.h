#pragma once
// What `iooi report --format iati` exports (docs/format.md, "IATI export"): the plan's
// chain as IATI 2.03 results, computed at as_of. Pure, like the rest of the roll-up;
// the renderer (report_iati.cpp) only writes it as XML.
#include <optional>
#include <string>
#include <vector>

#include "iooi/model/plan.h"
#include "iooi/util/date.h"

namespace iooi {

// One reporting period of an indicator: up to an interim target or the final target.
// Start is always before end (IATI ruleset); periods that would not be are left out.
struct IatiPeriod {
  Date start, end;
  std::vector<double> targets;        // one value; two for a between threshold (low, high)
  std::optional<double> actual;       // of the last check-in in the period, on or before as_of
  std::vector<std::string> comments;  // check-in notes of the period, "YYYY-MM-DD: note"
};

struct IatiIndicator {
  std::string id, title, description;
  bool percentage = false;         // measure 2 (unit %), else 1 (unit)
  std::optional<bool> ascending;   // none for a between threshold
  std::optional<double> baseline;  // with baseline_year
  int baseline_year = 0;
  std::optional<Date> baseline_date;
  std::vector<IatiPeriod> periods;
};

struct IatiResult {
  int type = 1;  // 1 output, 2 outcome, 3 impact
  std::string id, title, description;
  std::vector<IatiIndicator> indicators;  // never empty
};

struct IatiExport {
  IatiActivity activity;
  std::vector<IatiResult> results;  // impacts, outcomes, outputs; plan order within a level
};

// The IATI result type of a chain level: 1 output, 2 outcome, 3 impact; none for inputs.
std::optional<int> iati_result_type(Level level);

// One indicator at as_of; `activity` supplies the dates an undated indicator lacks.
IatiIndicator iati_indicator(const Measure& indicator, const IatiActivity& activity, Date as_of);

// The results of every output, outcome and impact that has indicators other than
// monitors (which have no target); inputs are left out.
IatiExport iati_export(const Plan& plan, const IatiActivity& activity, Date as_of);

}  // namespace iooi
