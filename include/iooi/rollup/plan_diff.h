#pragma once
// What changed between two states of a plan (docs/history.md, "iooi diff"): items
// matched by id across the whole plan, every field compared, check-ins matched by
// (date, n-th that day), and the change of progress and status at one as_of. A pure
// function of two plans and their roll-ups; where the plans came from (commits, the
// work tree) is the caller's business.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iooi/model/plan.h"
#include "iooi/rollup/rollup.h"
#include "iooi/util/date.h"

namespace iooi {

enum class ItemKind : uint8_t { element, objective, key_result, indicator };
std::string_view item_kind_id(ItemKind kind);  // "element", "objective", "key-result", "indicator"

enum class ItemChangeKind : uint8_t { added, removed, changed, moved };
std::string_view item_change_id(ItemChangeKind kind);  // "added", "removed", "changed", "moved"

// A field's value as plan text: numbers as the shortest form that reads back the
// same, thresholds as >=85, <=3, 0..2, links as "OC-a" or "OC-a (weight 2)",
// interim targets as "2026-01-31: 10". Absent: nullopt.
struct FieldChange {
  std::string field;  // the plan key: title, target, baseline, aligns_to, ...
  std::optional<std::string> before, after;
};

struct CheckinChange {
  ItemChangeKind change = ItemChangeKind::added;  // added, removed or changed
  Date date;
  int nth = 1;                               // 1 for the first check-in of that day
  std::optional<std::string> before, after;  // "value", "value (confidence 7)"
};

struct ItemChange {
  ItemKind kind = ItemKind::element;
  ItemChangeKind change = ItemChangeKind::changed;
  std::string id, title;                    // the title after (before, when removed)
  std::string file_before, file_after;      // display paths; empty on the missing side
  std::string parent_before, parent_after;  // a measure's objective or element
  std::vector<FieldChange> fields;
  std::vector<CheckinChange> checkins;
};

// An objective or element whose progress or status at as_of differs.
struct ProgressChange {
  ItemKind kind = ItemKind::element;  // element or objective
  std::string id, title;
  std::optional<double> progress_before, progress_after;
  Status status_before = Status::none, status_after = Status::none;
  bool present_before = false, present_after = false;
};

struct PlanDiff {
  std::vector<ItemChange> items;         // in the order of the later plan, removed ones last
  std::vector<ProgressChange> progress;  // changed ones only, elements first
  size_t unchanged_progress = 0;         // objectives and elements with equal progress and status
};

// One side: the plan and its roll-up at the diff's as_of and scope.
struct DiffSide {
  const Plan& plan;
  const Report& report;
};

PlanDiff diff_plans(const DiffSide& before, const DiffSide& after);

// The text of a number as the diff shows it (shortest round trip).
std::string plan_number(double value);

}  // namespace iooi
