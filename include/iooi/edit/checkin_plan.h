#pragma once
// The plan side of recording check-ins (docs/checkins.md): which measure an id
// names, and the proof that the edited files give the plan no new error.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "iooi/edit/checkin_edit.h"
#include "iooi/model/plan.h"

namespace iooi::edit {

struct MeasureRef {
  const Measure* measure = nullptr;
  bool indicator = false;
};

// Every key result and indicator with this id (more than one is a plan error).
std::vector<MeasureRef> find_measures(const Plan& plan, std::string_view id);

// Every measure id, for did-you-mean.
std::vector<std::string_view> measure_ids(const Plan& plan);

// One plan file before and after its check-ins were inserted.
struct FileChange {
  uint32_t file = 0;  // index into Plan::files
  std::string old_bytes, new_bytes;
  std::vector<ExpectedCheckin> added;
};

// Decodes the new texts, adds their new check-ins to a copy of `plan` and runs
// every rule at `as_of`: returns an empty string when no file and no rule has
// more error findings than before, else the first new error.
std::string prove_no_new_errors(const Plan& plan, const std::vector<FileChange>& changes,
                                Date as_of);

}  // namespace iooi::edit
