#pragma once
// `iooi checkin` (docs/checkins.md): the check-ins as typed, checked against the
// plan, inserted into their files and proven; writing them is a second step, so
// that a dry run shows exactly what a real run would write.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "iooi/app/commands.h"

namespace iooi {

// A check-in as the user typed it: on the command line, or in a CSV row.
struct TypedCheckin {
  int line = 0;  // the row's line in the CSV file; 0 on the command line
  std::string id, value;
  std::optional<std::string> date;  // none: the --as-of day
  std::string confidence;           // empty: none
  std::optional<std::string> note;
};

struct CheckinRequest {
  // plan.reference_date is the --as-of day: the default date of a check-in, and
  // the day the proof checks the edited plan at.
  PlanRequest plan;
  std::vector<TypedCheckin> checkins;   // ID VALUE from the command line
  std::optional<std::string> csv_file;  // --from: every row of this file instead
};

// One plan file before and after its check-ins were inserted.
struct CheckinEdit {
  std::string path;  // as the plan names it (relative to PlanRequest::working_dir)
  std::string old_bytes, new_bytes;
};

struct CheckinOutcome {
  std::vector<CheckinEdit> edits;  // prepared and proven, in plan-file order
  size_t checkins = 0;
  // Non-empty: nothing can be written (the proof failed, or a measure has
  // `current`), and why; the run exits 1. `edits` is then empty.
  std::string refusal;
};

// `iooi checkin`: loads the plan, finds each measure's file, inserts the
// check-ins and proves the result; writes nothing. A usage error for what the
// user must change (an unknown id, a bad value, a measure written through an
// anchor or in a symlinked file), an input error for an unreadable file.
Result<CheckinOutcome> checkin_plan(const CheckinRequest& request, Notes& notes);

// The edits as unified diffs, file after file (for --dry-run).
std::string checkin_diff(const CheckinOutcome& outcome);

// Replaces every edited file, each atomically and keeping its mode, after making
// sure none changed on disk since checkin_plan read it.
Result<Done> write_checkins(const CheckinOutcome& outcome);

}  // namespace iooi
