#pragma once
// The typed plan: what the YAML files mean, independent of how they were written.
// Every field a rule may point at keeps its source location (Loc).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "iooi/diag/rule.h"
#include "iooi/util/date.h"

namespace iooi {

struct Loc {
  uint32_t file = 0;  // index into Plan::files
  int line = 0;       // 1-based, 0 = unknown
  int column = 0;
};

enum class Level : uint8_t { input = 0, output = 1, outcome = 2, impact = 3 };
std::string_view level_name(Level level);     // "input", "output", "outcome", "impact"
std::string_view level_section(Level level);  // "inputs", "outputs", ...

struct Link {  // an entry of contributes_to / aligns_to
  std::string id;
  double weight = 1.0;
  Loc at;  // of the id
};

struct Value {
  enum class Kind : uint8_t { none, number, boolean };
  // The flag sits next to the kind so that a value takes 16 bytes, not 24: plans
  // hold one per check-in.
  Kind kind = Kind::none;
  bool flag = false;
  double number = 0.0;

  constexpr Value() = default;
  constexpr Value(Kind of_kind, double as_number, bool as_flag)
      : kind(of_kind), flag(as_flag), number(as_number) {}
};

// A line and column in the file of the enclosing entry. Check-ins are the bulk of
// a plan, so their field positions do not repeat the file index.
struct LineColumn {
  int line = 0;  // 1-based, 0 = unknown
  int column = 0;

  constexpr LineColumn() = default;
  constexpr LineColumn(int at_line, int at_column) : line(at_line), column(at_column) {}
  // Implicit on purpose: a field position is taken from a full location of the same file.
  constexpr LineColumn(const Loc& loc) : line(loc.line), column(loc.column) {}
};

// Text that is mostly absent, in 8 bytes instead of std::string's 32 (most
// check-ins have no note): one exactly sized block when set, none when empty.
class CompactText {
 public:
  CompactText() = default;
  CompactText(std::string_view text) { assign(text); }  // NOLINT: implicit like std::string
  CompactText(const CompactText& other) { assign(other.view()); }
  CompactText(CompactText&&) noexcept = default;
  CompactText& operator=(const CompactText& other) {
    if (this != &other) assign(other.view());
    return *this;
  }
  CompactText& operator=(CompactText&&) noexcept = default;
  CompactText& operator=(std::string_view text) {
    assign(text);
    return *this;
  }

  std::string_view view() const;
  operator std::string_view() const { return view(); }  // NOLINT: reads like a string
  bool empty() const { return block_ == nullptr; }
  friend bool operator==(const CompactText& text, std::string_view other) {
    return text.view() == other;
  }

 private:
  void assign(std::string_view text);
  std::unique_ptr<char[]> block_;  // the size (size_t), then the bytes
};

// Check-ins are the bulk of a plan (hundreds of thousands in a big one), so a
// check-in keeps its positions without the file index, which is its measure's:
// Checkin::loc() puts them together.
struct Checkin {
  Date date;
  int confidence = 0;  // 1..10, 0 = not given
  Value value;
  CompactText note;
  LineColumn at;  // the check-in entry
  LineColumn date_at;
  LineColumn value_at;
  LineColumn confidence_at;

  // Where `field` of this check-in is in `file` (its measure's, Measure::at.file):
  // the field's own position when known, else the entry's.
  Loc loc(const LineColumn& field, uint32_t file) const {
    const LineColumn& known = field.line > 0 ? field : at;
    return Loc{file, known.line, known.column};
  }
};

// --- Measures (docs/format.md, "Measures") ------------------------------------------
//
// A measure is a key result or an indicator. What the members mean, for the checks and
// the roll-up:
//   type        numeric (default) | milestone (true/false values) | monitor (indicators
//               only: tracked and shown, never rolled up, no target; `type: monitor` on a
//               key result is kept as written for the monitor-target rule).
//   baseline    the starting value; optional with a threshold and on monitors.
//   target      a number target (reach it from baseline); empty when `threshold` is set.
//   threshold   the target written as a mapping: {at_least: L} (met when value >= low),
//               {at_most: U} (met when value <= high), {between: [L, U]} (low..high).
//               kind none: no threshold. A malformed mapping decodes to kind none (the
//               decoder reported it), and `target_at` still points at it.
//   direction   increase | decrease as written (unset when absent). The effective
//               direction of a number target is read from baseline -> target when unset.
//   targets     interim targets {date, value} on the way to a number target, as written
//               (the planned path runs through them; docs/progress.md).
//   accumulate  check-in values are increments: value = (baseline or 0) + sum of values.
//   stale_days  days without a check-in before the measure is stale; unset: the
//               objective's, else plan.stale_days.
//   description, source, method: free text shown as notes in reports.
enum class MeasureType : uint8_t { numeric, milestone, monitor };
enum class Direction : uint8_t { unset, increase, decrease };
std::string_view measure_type_id(MeasureType type);  // "numeric", "milestone", "monitor"
std::string_view direction_id(Direction direction);  // "increase", "decrease"; "" for unset
enum class ThresholdKind : uint8_t { none, at_least, at_most, between };

struct Threshold {
  double low = 0.0;   // at_least, between
  double high = 0.0;  // at_most, between
  ThresholdKind kind = ThresholdKind::none;
  LineColumn low_at, high_at;  // of the numbers, in the measure's file
};

struct InterimTarget {
  Date date;
  double value = 0.0;
  LineColumn date_at, value_at;  // in the measure's file
};

struct Measure {  // a key result or an indicator
  std::string id;
  std::string title;
  std::string unit;
  MeasureType type = MeasureType::numeric;
  Direction direction = Direction::unset;
  bool accumulate = false;
  bool has_checkins = false;  // the key was present (even if empty)
  std::optional<int> stale_days;
  std::optional<double> baseline, target;
  Threshold threshold;
  double weight = 1.0;
  Value current;  // kind none when absent
  std::vector<Checkin> checkins;
  std::vector<InterimTarget> targets;
  std::optional<Date> baseline_date, target_date;  // indicators only
  CompactText description, source, method;
  Loc at;  // of the id value
  Loc baseline_at, target_at, weight_at, current_at, checkins_at, baseline_date_at, target_date_at;
  Loc type_at, direction_at, targets_at, accumulate_at, stale_days_at;
};

struct Element {
  std::string id;
  std::string title;
  std::string description;
  Level level = Level::input;
  std::optional<int> stage;
  std::vector<Link> contributes_to;
  std::vector<Measure> indicators;
  Loc at, stage_at;
};

enum class ObjectiveType : uint8_t { committed, aspirational };

struct Objective {
  std::string id;
  std::string title;
  std::string period;
  std::string owner;
  ObjectiveType type = ObjectiveType::committed;
  std::vector<Link> aligns_to;
  std::vector<Measure> key_results;
  std::string description, source, method;
  std::optional<int> stale_days;  // unset: plan.stale_days
  Loc at, period_at, owner_at, key_results_at, stale_days_at;
};

struct Team {
  std::string id;
  std::string name;
  Loc at;
};

struct PeriodDef {
  std::string id;
  Date start, end;
  Loc at;
};

struct RuleOverride {
  std::string rule;  // as written; unknown ids are reported by unknown-rule
  Severity severity = Severity::error;
  Loc at;
};

// One entry of plan.limits: the number as written, in the unit its name says.
struct LimitSetting {
  size_t value = 0;
  Loc at;
};

// plan.limits: the reader's and loader's limits lowered for this plan; unset fields
// keep the defaults (docs/limits.md). iooi.yaml is first read with the defaults.
struct LimitOverrides {
  std::optional<LimitSetting> file_size_mib, value_size_kib, expanded_nodes, expanded_size_mib,
      files, total_nodes;
};

// plan.iati (docs/format.md, "IATI export"): the activity that `report --format iati`
// describes. Codes are kept as written (IATI codelists are the reader's to check).
struct IatiActivity {
  std::string identifier;
  std::string reporting_org_ref, reporting_org_type, reporting_org_name;
  std::string title, description, activity_status;
  std::optional<Date> start_date, end_date;
  std::string sector_code, sector_vocabulary;                 // empty: no sector
  std::string recipient_country, default_currency, language;  // empty: not given
};

struct Config {
  bool present = false;  // a `plan` section was read
  std::string name;
  std::string language;  // "" = not set
  std::vector<std::string> exclude;
  std::vector<PeriodDef> periods;
  double on_track_gap = 0.10;
  double off_track_gap = 0.25;
  int stale_days = 14;
  std::vector<RuleOverride> rules;
  LimitOverrides limits;
  std::optional<IatiActivity> iati;  // set when the key is present
  Loc at;
};

struct Plan {
  std::vector<std::string> files;  // display paths, sorted; Loc::file indexes this
  Config config;
  std::vector<Team> teams;
  std::vector<Element> elements;  // in file order, then document order
  std::vector<Objective> objectives;
};

// Elements, indicators, objectives and key results share one id namespace.
enum class IdKind : uint8_t { element, indicator, objective, key_result };
std::string_view id_kind_name(IdKind kind);  // "element", "indicator", "objective", "key result"

// "The first definition" of an id defined more than once, one meaning for checks,
// roll-up and graphs (docs/format.md, Ids): the one met first when the files are
// read in path order (Plan::files is sorted), then by line and column, whatever
// the section. References resolve to it; the others are duplicate-id findings.
bool defined_before(const Loc& a, const Loc& b);

struct IdDefinition {
  IdKind kind = IdKind::element;
  Loc at;
  const Element* element = nullptr;  // set for elements
};

// The first definition of every id of the shared namespace, built once per run
// so that lookups stay linear in the plan size. Views into the plan it was built from.
struct PlanIds {
  std::unordered_map<std::string_view, IdDefinition> first;

  const IdDefinition* find(std::string_view id) const;  // nullptr when undefined
  // The element an id names; nullptr when its first definition is not an element.
  const Element* element(std::string_view id) const;
};

PlanIds first_definitions(const Plan& plan);

}  // namespace iooi
