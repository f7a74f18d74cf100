#pragma once
// The fields of the plan format (docs/format.md), one table per kind of mapping.
// The decoder files keys by these tables and takes its did-you-mean candidates and
// "use one of the keys" lists from them; `iooi schema` generates the JSON Schema
// from them. Adding a field is a row here, the member in plan.h and its decoding
// (CONTRIBUTING.md, "Adding a field to the plan format").
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace iooi::fields {

// What a field's value is: the schema's type, and what the table-driven decoder
// tests write as a good and a bad value.
enum class Kind : uint8_t {
  id,          // the id of this entry (docs/format.md, "Ids")
  reference,   // a name of something else (an element id, a period): string or integer
  text,        // any scalar, taken as text
  number,      // a finite number, within `minimum`..`maximum` when given
  integer,     // a whole number, within `minimum`..`maximum` when given
  choice,      // one of `words`
  date,        // a calendar day, YYYY-MM-DD
  weight,      // a number >= 0, default 1
  value,       // a measured value: a number, or true/false on a milestone
  stage,       // a Wirkungstreppe stage; its range depends on the element's level
  list,        // a list of `object` entries
  links,       // a list of ids or {id, weight} entries (table `link`)
  mapping,     // one `object` mapping
  globs,       // a glob or a list of globs
  severities,  // rule id -> error | warning | info | off
  flag,        // true or false
  target,      // a finite number, or a threshold mapping (table `threshold`)
  bounds,      // two finite numbers [L, U]
};

enum class Presence : uint8_t {
  optional,  // absent or empty (`key:` alone) is fine
  required,  // absent or empty is missing-field
  numeric,   // required on numeric measures, not allowed on milestones
};

// Where a row of a shared table applies.
enum class Scope : uint8_t { all, indicators };

struct Field {
  std::string_view key;
  Kind kind;
  Presence presence = Presence::optional;
  // What editors show on hover. Empty where the value's shared schema definition
  // describes it (ids, weights, the `plan` section).
  std::string_view doc = {};
  std::string_view object = {};  // list, mapping, target: the entries' table (`Object`)
  std::span<const std::string_view> words = {};  // choice: the allowed words, default first
  std::optional<int64_t> minimum = {}, maximum = {};
  Scope scope = Scope::all;
};

// --- Words of choice fields ---------------------------------------------------

inline constexpr std::string_view measure_types[] = {"numeric", "milestone", "monitor"};
inline constexpr std::string_view directions[] = {"increase", "decrease"};
inline constexpr std::string_view objective_types[] = {"committed", "aspirational"};
inline constexpr std::string_view languages[] = {"en", "de"};
inline constexpr std::string_view severities[] = {"error", "warning", "info", "off"};

// --- The tables ------------------------------------------------------------------

// The top level of a plan file: its sections.
inline constexpr Field document[] = {
    {.key = "plan", .kind = Kind::mapping, .object = "plan"},
    {.key = "teams", .kind = Kind::list, .doc = "Teams that own objectives.", .object = "team"},
    {.key = "impacts",
     .kind = Kind::list,
     .doc = "Impact goals: the top of the chain.",
     .object = "impact"},
    {.key = "outcomes",
     .kind = Kind::list,
     .doc = "Changes in the target group.",
     .object = "outcome"},
    {.key = "outputs", .kind = Kind::list, .doc = "What the work delivers.", .object = "output"},
    {.key = "inputs", .kind = Kind::list, .doc = "Resources the work uses.", .object = "input"},
    {.key = "objectives",
     .kind = Kind::list,
     .doc = "Objectives with key results, per period and team.",
     .object = "objective"},
};

inline constexpr Field team[] = {
    {.key = "id", .kind = Kind::id, .presence = Presence::required},
    {.key = "name", .kind = Kind::text, .doc = "The team's name as shown in reports."},
};

// Impacts, outcomes, outputs and inputs.
inline constexpr Field element[] = {
    {.key = "id", .kind = Kind::id, .presence = Presence::required},
    {.key = "title",
     .kind = Kind::text,
     .presence = Presence::required,
     .doc = "What changes, in a few words."},
    {.key = "description", .kind = Kind::text, .doc = "A longer explanation."},
    {.key = "stage", .kind = Kind::stage, .doc = "Step of the PHINEO Wirkungstreppe"},
    {.key = "contributes_to",
     .kind = Kind::links,
     .doc = "Ids of elements of a higher level that this one leads to "
            "(input -> output -> outcome -> impact)."},
    {.key = "indicators",
     .kind = Kind::list,
     .doc = "Measures of this element.",
     .object = "indicator"},
};

// An entry of contributes_to or aligns_to written as a mapping.
inline constexpr Field link[] = {
    {.key = "id",
     .kind = Kind::reference,
     .presence = Presence::required,
     .doc = "The id of the element this links to."},
    {.key = "weight", .kind = Kind::weight},
};

inline constexpr Field objective[] = {
    {.key = "id", .kind = Kind::id, .presence = Presence::required},
    {.key = "title",
     .kind = Kind::text,
     .presence = Presence::required,
     .doc = "What the team wants to achieve."},
    {.key = "period",
     .kind = Kind::reference,
     .presence = Presence::required,
     .doc = "The period: YYYY, YYYY-H1/H2, YYYY-Q1..Q4, YYYY-MM, or a custom period of "
            "plan.periods."},
    {.key = "owner",
     .kind = Kind::text,
     .doc = "The team that owns the objective (a team id when teams are declared)."},
    {.key = "type",
     .kind = Kind::choice,
     .doc = "committed (default): expected in full; aspirational: 70% counts as success.",
     .words = objective_types},
    {.key = "aligns_to",
     .kind = Kind::links,
     .doc = "Ids of the chain elements the objective moves."},
    {.key = "key_results",
     .kind = Kind::list,
     .doc = "How progress on the objective is measured (at most 5).",
     .object = "keyResult"},
    {.key = "stale_days",
     .kind = Kind::integer,
     .doc = "Days without a check-in after which a key result is stale (default: "
            "plan.stale_days).",
     .minimum = 0},
    {.key = "description", .kind = Kind::text, .doc = "A longer explanation."},
    {.key = "source", .kind = Kind::text, .doc = "Where the objective comes from."},
    {.key = "method", .kind = Kind::text, .doc = "How progress on it is judged."},
};

// Key results and indicators.
inline constexpr Field measure[] = {
    {.key = "id", .kind = Kind::id, .presence = Presence::required},
    {.key = "title",
     .kind = Kind::text,
     .presence = Presence::required,
     .doc = "What is measured."},
    {.key = "unit", .kind = Kind::text, .doc = "Unit of the values, e.g. people, EUR or %."},
    {.key = "type",
     .kind = Kind::choice,
     .doc = "numeric (default): a number from baseline to target; milestone: done (true) or "
            "not (false); monitor (indicators only): a figure tracked without a target.",
     .words = measure_types},
    {.key = "direction",
     .kind = Kind::choice,
     .doc = "Which way is good: increase or decrease; must agree with the target.",
     .words = directions},
    {.key = "weight", .kind = Kind::weight},
    {.key = "baseline",
     .kind = Kind::number,
     .presence = Presence::numeric,
     .doc = "The starting value (numeric measures; optional with a threshold target)."},
    {.key = "target",
     .kind = Kind::target,
     .presence = Presence::numeric,
     .doc = "The value to reach (numeric measures; required there), or a threshold: "
            "{at_least: L}, {at_most: U} or {between: [L, U]}.",
     .object = "threshold"},
    {.key = "targets",
     .kind = Kind::list,
     .doc = "Interim targets on the way to a number target, e.g. [{date: 2026-02-15, value: 40}].",
     .object = "interimTarget"},
    {.key = "accumulate",
     .kind = Kind::flag,
     .doc = "true: each check-in's value adds to the total (baseline or 0 plus the values)."},
    {.key = "current",
     .kind = Kind::value,
     .doc = "The current value, when there is no list of check-ins."},
    {.key = "checkins",
     .kind = Kind::list,
     .doc = "Measurements over time; the latest on or before as-of counts.",
     .object = "checkin"},
    {.key = "baseline_date",
     .kind = Kind::date,
     .doc = "Day of the baseline; give both dates or neither.",
     .scope = Scope::indicators},
    {.key = "target_date",
     .kind = Kind::date,
     .doc = "Day by which the target should be reached.",
     .scope = Scope::indicators},
    {.key = "stale_days",
     .kind = Kind::integer,
     .doc = "Days without a check-in after which the measure is stale (default: the "
            "objective's, else plan.stale_days).",
     .minimum = 0},
    {.key = "description", .kind = Kind::text, .doc = "What the measure means."},
    {.key = "source", .kind = Kind::text, .doc = "Where the figures come from."},
    {.key = "method", .kind = Kind::text, .doc = "How the figures are measured."},
};

// A threshold target: exactly one of the keys.
inline constexpr Field threshold[] = {
    {.key = "at_least", .kind = Kind::number, .doc = "Met when the value is at least this."},
    {.key = "at_most", .kind = Kind::number, .doc = "Met when the value is at most this."},
    {.key = "between",
     .kind = Kind::bounds,
     .doc = "Met when the value lies in [L, U], both included."},
};

inline constexpr Field interim_target[] = {
    {.key = "date",
     .kind = Kind::date,
     .presence = Presence::required,
     .doc = "The day of the interim target (YYYY-MM-DD)."},
    {.key = "value",
     .kind = Kind::number,
     .presence = Presence::required,
     .doc = "The value planned for that day."},
};

inline constexpr Field checkin[] = {
    {.key = "date",
     .kind = Kind::date,
     .presence = Presence::required,
     .doc = "The day of the measurement (YYYY-MM-DD)."},
    {.key = "value",
     .kind = Kind::value,
     .presence = Presence::required,
     .doc = "The measured value: a number for numeric measures, true or false for milestones."},
    {.key = "confidence",
     .kind = Kind::integer,
     .doc = "How likely the target is reached, from 1 (no chance) to 10 (certain).",
     .minimum = 1,
     .maximum = 10},
    {.key = "note", .kind = Kind::text, .doc = "A remark on this check-in."},
};

// The `plan` section of iooi.yaml.
inline constexpr Field plan[] = {
    {.key = "name", .kind = Kind::text, .doc = "The plan's name, shown in reports."},
    {.key = "language",
     .kind = Kind::choice,
     .doc = "Default language of reports (en if absent).",
     .words = languages},
    {.key = "exclude",
     .kind = Kind::globs,
     .doc = "Globs of files to skip, relative to the plan root, e.g. [\"drafts/**\"]."},
    {.key = "periods",
     .kind = Kind::list,
     .doc = "Custom periods, e.g. {id: FY26-T1, start: 2026-01-01, end: 2026-04-30}.",
     .object = "period"},
    {.key = "status",
     .kind = Kind::mapping,
     .doc = "Thresholds of the status: gap = expected - progress.",
     .object = "status"},
    {.key = "stale_days",
     .kind = Kind::integer,
     .doc = "Days without a check-in after which a key result is stale (default 14).",
     .minimum = 0},
    {.key = "rules",
     .kind = Kind::severities,
     .doc = "Severity overrides: rule id -> error, warning, info or off."},
    {.key = "limits",
     .kind = Kind::mapping,
     .doc = "Limits for reading plan files (docs/limits.md); iooi.yaml itself is read with the "
            "defaults.",
     .object = "limits"},
    {.key = "iati",
     .kind = Kind::mapping,
     .doc = "The IATI activity that `iooi report --format iati` describes (docs/format.md, "
            "\"IATI export\").",
     .object = "iati"},
};

// plan.iati: the activity of an IATI 2.03 export; codes are IATI codelist codes.
inline constexpr Field iati[] = {
    {.key = "identifier",
     .kind = Kind::text,
     .presence = Presence::required,
     .doc = "The IATI activity identifier: the reporting organisation's ref, a hyphen, an id."},
    {.key = "reporting_org",
     .kind = Kind::mapping,
     .presence = Presence::required,
     .doc = "The organisation that publishes the activity.",
     .object = "iatiOrg"},
    {.key = "title",
     .kind = Kind::text,
     .presence = Presence::required,
     .doc = "The activity's title."},
    {.key = "description",
     .kind = Kind::text,
     .presence = Presence::required,
     .doc = "What the activity does."},
    {.key = "activity_status",
     .kind = Kind::text,
     .presence = Presence::required,
     .doc = "IATI ActivityStatus code, e.g. 2 (implementation)."},
    {.key = "start_date",
     .kind = Kind::date,
     .presence = Presence::required,
     .doc = "Planned start of the activity (YYYY-MM-DD)."},
    {.key = "end_date", .kind = Kind::date, .doc = "Planned end of the activity (YYYY-MM-DD)."},
    {.key = "sector",
     .kind = Kind::mapping,
     .doc = "The activity's sector, e.g. {code: 15150, vocabulary: 1}.",
     .object = "iatiSector"},
    {.key = "recipient_country",
     .kind = Kind::text,
     .doc = "ISO 3166-1 alpha-2 code of the recipient country, e.g. DE."},
    {.key = "default_currency", .kind = Kind::text, .doc = "ISO 4217 currency code, e.g. EUR."},
    {.key = "language",
     .kind = Kind::text,
     .doc = "ISO 639-1 code of the language of the texts, e.g. de."},
};

inline constexpr Field iati_org[] = {
    {.key = "ref",
     .kind = Kind::text,
     .presence = Presence::required,
     .doc = "The organisation identifier, e.g. XM-DAC-00000."},
    {.key = "type",
     .kind = Kind::text,
     .presence = Presence::required,
     .doc = "IATI OrganisationType code, e.g. 22 (national NGO)."},
    {.key = "name",
     .kind = Kind::text,
     .presence = Presence::required,
     .doc = "The organisation's name."},
};

inline constexpr Field iati_sector[] = {
    {.key = "code", .kind = Kind::text, .presence = Presence::required, .doc = "The sector code."},
    {.key = "vocabulary",
     .kind = Kind::text,
     .doc = "IATI SectorVocabulary code (1: OECD DAC 5-digit, the default)."},
};

inline constexpr Field period[] = {
    {.key = "id", .kind = Kind::id, .presence = Presence::required},
    {.key = "start",
     .kind = Kind::date,
     .presence = Presence::required,
     .doc = "First day of the period."},
    {.key = "end",
     .kind = Kind::date,
     .presence = Presence::required,
     .doc = "Last day of the period."},
};

inline constexpr Field status[] = {
    {.key = "on_track_gap",
     .kind = Kind::number,
     .doc = "Largest gap still on track (default 0.10).",
     .minimum = 0,
     .maximum = 1},
    {.key = "off_track_gap",
     .kind = Kind::number,
     .doc = "Largest gap still at risk; above it is off track (default 0.25).",
     .minimum = 0,
     .maximum = 1},
};

// plan.limits (docs/limits.md): whole numbers of at least 1, in the unit the name says.
inline constexpr Field limits[] = {
    {.key = "file_size_mib",
     .kind = Kind::integer,
     .doc = "Largest plan file in MiB (default 64).",
     .minimum = 1,
     .maximum = 1'000'000'000},
    {.key = "value_size_kib",
     .kind = Kind::integer,
     .doc = "Longest single value in KiB (default 1024).",
     .minimum = 1,
     .maximum = 1'000'000'000},
    {.key = "expanded_nodes",
     .kind = Kind::integer,
     .doc = "Most YAML nodes in one file, aliases expanded (default 1000000).",
     .minimum = 1,
     .maximum = 1'000'000'000},
    {.key = "expanded_size_mib",
     .kind = Kind::integer,
     .doc = "Most bytes of text in one file in MiB, aliases expanded (default 128).",
     .minimum = 1,
     .maximum = 1'000'000'000},
    {.key = "files",
     .kind = Kind::integer,
     .doc = "Most plan files in one run (default 100000).",
     .minimum = 1,
     .maximum = 1'000'000'000},
    {.key = "total_nodes",
     .kind = Kind::integer,
     .doc = "Most YAML nodes of all files of a run together, aliases expanded (default "
            "10000000).",
     .minimum = 1,
     .maximum = 1'000'000'000},
};

// --- The mappings that use them ------------------------------------------------------

// A kind of mapping in a plan file. `name` is what Field::object refers to and the
// schema's definition name; several share a table (elements, measures).
struct Object {
  std::string_view name;
  std::span<const Field> fields;
  Scope scope = Scope::all;  // rows of other scopes are unknown keys here
  // The schema definition's description; empty: written inline where it is used,
  // described by the field's doc.
  std::string_view doc = {};
};

// In the order of the schema's definitions.
inline constexpr Object objects[] = {
    {"link", link, Scope::all, "A weighted link."},
    {"checkin", checkin, Scope::all,
     "A measurement: the value on a day, optionally with confidence and a note."},
    {"threshold", threshold, Scope::all,
     "A threshold target: {at_least: L}, {at_most: U} or {between: [L, U]}."},
    {"interimTarget", interim_target, Scope::all,
     "An interim target: the value planned for a day on the way to the target."},
    {"keyResult", measure, Scope::all,
     "A key result: a measurable result of the objective within its period."},
    {"indicator", measure, Scope::indicators,
     "An indicator: a measure of a chain element, tracked across quarters."},
    {"impact", element, Scope::all,
     "An impact: the change in society the work aims at (Gesellschaftliche Wirkung)."},
    {"outcome", element, Scope::all,
     "An outcome: a change in the target group (Wirkung bei der Zielgruppe), e.g. new skills "
     "applied."},
    {"output", element, Scope::all,
     "An output: what the work delivers (Leistung), e.g. courses held or tools built."},
    {"input", element, Scope::all,
     "An input: a resource the work uses (Ressource), e.g. budget or staff."},
    {"objective", objective, Scope::all,
     "An objective: a qualitative goal of one team for one period."},
    {"team", team, Scope::all, "A team that owns objectives."},
    {"period", period, Scope::all, "A custom period beside the built-in ones."},
    {"plan", plan, Scope::all, "Settings of the whole plan; only in iooi.yaml at the plan root."},
    {"status", status},
    {"limits", limits},
    {"iati", iati, Scope::all, "The IATI activity of `iooi report --format iati`."},
    {"iatiOrg", iati_org, Scope::all, "An IATI organisation."},
    {"iatiSector", iati_sector, Scope::all, "An IATI sector."},
};

// --- Lookups ---------------------------------------------------------------------------

constexpr bool in_scope(const Field& field, Scope scope) {
  return field.scope == Scope::all || field.scope == scope;
}

// The row of `key`, or nullptr.
constexpr const Field* find(std::span<const Field> table, std::string_view key) {
  for (const Field& field : table) {
    if (field.key == key) return &field;
  }
  return nullptr;
}

// The row index of `key`; naming a key that is not in the table does not compile.
template <size_t N>
consteval size_t index_of(const Field (&table)[N], std::string_view key) {
  for (size_t i = 0; i < N; ++i) {
    if (table[i].key == key) return i;
  }
  throw "no such key in this field table";
}

// The mapping called `name` (Field::object), or nullptr.
constexpr const Object* find_object(std::string_view name) {
  for (const Object& object : objects) {
    if (object.name == name) return &object;
  }
  return nullptr;
}

}  // namespace iooi::fields
