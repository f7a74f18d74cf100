// The JSON Schema of plan files. It follows the decoder field by field: which keys
// exist, which are required, which may be left empty (YAML null), and the types
// the decoder accepts. Descriptions are what editors show on hover.
#include <fmt/format.h>

#include <functional>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "iooi/diag/rule.h"
#include "iooi/render/schema_output.h"
#include "iooi/util/json_writer.h"

namespace iooi {
namespace {

using Body = std::function<void(JsonWriter&)>;

// {"type": ..., "description": ...} plus whatever `more` writes.
using Types = std::vector<std::string_view>;

void typed(JsonWriter& json, const Types& types, std::string_view description,
           const Body& more = {}) {
  json.begin_object();
  if (!description.empty()) json.field("description", description);
  if (types.size() == 1) {
    json.field("type", *types.begin());
  } else if (types.size() > 1) {
    json.key("type").begin_array();
    for (std::string_view type : types) json.value(type);
    json.end_array();
  }
  if (more) more(json);
  json.end_object();
}

void ref(JsonWriter& json, std::string_view def, std::string_view description = {}) {
  json.begin_object();
  if (!description.empty()) json.field("description", description);
  json.field("$ref", fmt::format("#/$defs/{}", def));
  json.end_object();
}

void string_list(JsonWriter& json, std::string_view key,
                 std::initializer_list<std::string_view> items) {
  json.key(key).begin_array();
  for (std::string_view item : items) json.value(item);
  json.end_array();
}

// A list section or field; YAML lets it be empty (`outcomes:`), which is null.
void list_of(JsonWriter& json, std::string_view def, std::string_view description) {
  typed(json, {"array", "null"}, description, [&](JsonWriter& j) {
    j.key("items");
    ref(j, def);
  });
}

// An object with the given properties, no others, and the required ones.
// `nullable`: the key may also be left empty in YAML.
void object(JsonWriter& json, std::string_view description,
            std::initializer_list<std::string_view> required, const Body& properties,
            const Body& more = {}, bool nullable = false) {
  json.begin_object();
  json.field("description", description);
  if (nullable) {
    json.key("type").begin_array().value("object").value("null").end_array();
  } else {
    json.field("type", "object");
  }
  json.key("properties").begin_object();
  properties(json);
  json.end_object();
  if (required.size() > 0) string_list(json, "required", required);
  json.field("additionalProperties", false);
  if (more) more(json);
  json.end_object();
}

// Text fields accept any YAML scalar: `title: 2026` is the text "2026" to iooi.
const Types text_types = {"string", "number", "boolean"};
const Types optional_text_types = {"string", "number", "boolean", "null"};

void write_common_defs(JsonWriter& json) {
  json.key("id");
  typed(json, {"string", "integer"},
        "An id: starts with a letter or digit, then up to 63 letters, digits, '_', '.' or '-'. "
        "Unique across the whole plan for elements, indicators, objectives and key results; "
        "case-sensitive.",
        [](JsonWriter& j) {
          j.field("pattern", "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");
          j.field("minimum", 0);
        });
  json.key("date");
  typed(json, {"string"}, "A calendar day in YYYY-MM-DD form, e.g. 2026-03-31.", [](JsonWriter& j) {
    j.field("format", "date");
    j.field("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  });
  json.key("optionalDate");
  json.begin_object();
  json.key("anyOf").begin_array();
  ref(json, "date");
  typed(json, {"null"}, "");
  json.end_array();
  json.end_object();
  json.key("weight");
  typed(json, {"number", "null"}, "Relative weight in the weighted mean (default 1, 0 or more).",
        [](JsonWriter& j) { j.field("minimum", 0); });
  json.key("link");
  json.begin_object();
  json.field("description", "An id, or {id, weight} to weight this link (default weight 1).");
  json.key("anyOf").begin_array();
  typed(json, {"string", "integer"}, "The id of the element this links to.");
  object(json, "A weighted link.", {"id"}, [](JsonWriter& j) {
    j.key("id");
    typed(j, {"string", "integer"}, "The id of the element this links to.");
    j.key("weight");
    ref(j, "weight");
  });
  json.end_array();
  json.end_object();
}

void write_checkin_def(JsonWriter& json) {
  json.key("checkin");
  object(json, "A measurement: the value on a day, optionally with confidence and a note.",
         {"date", "value"}, [](JsonWriter& j) {
           j.key("date");
           ref(j, "date", "The day of the measurement (YYYY-MM-DD).");
           j.key("value");
           typed(j, {"number", "boolean"},
                 "The measured value: a number for numeric measures, true or false for "
                 "milestones.");
           j.key("confidence");
           typed(j, {"integer", "null"},
                 "How likely the target is reached, from 1 (no chance) to 10 (certain).",
                 [](JsonWriter& k) {
                   k.field("minimum", 1);
                   k.field("maximum", 10);
                 });
           j.key("note");
           typed(j, optional_text_types, "A remark on this check-in.");
         });
}

// Key results and indicators share the measure fields; indicators also have dates.
void write_measure_def(JsonWriter& json, bool indicator) {
  json.key(indicator ? "indicator" : "keyResult");
  const std::string_view what =
      indicator ? "An indicator: a measure of a chain element, tracked across quarters."
                : "A key result: a measurable result of the objective within its period.";
  object(
      json, what, {"id", "title"},
      [&](JsonWriter& j) {
        j.key("id");
        ref(j, "id");
        j.key("title");
        typed(j, text_types, "What is measured.");
        j.key("unit");
        typed(j, optional_text_types, "Unit of the values, e.g. people, EUR or %.");
        j.key("type");
        typed(j, {"string", "null"},
              "numeric (default): a number from baseline to target; milestone: done (true) or "
              "not (false).",
              [](JsonWriter& k) {
                k.key("enum").begin_array().value("numeric").value("milestone").null().end_array();
              });
        j.key("weight");
        ref(j, "weight");
        j.key("baseline");
        typed(j, {"number"}, "The starting value (numeric measures; required there).");
        j.key("target");
        typed(j, {"number"}, "The value to reach (numeric measures; required there).");
        j.key("current");
        typed(j, {"number", "boolean", "null"},
              "The current value, when there is no list of check-ins.");
        j.key("checkins");
        list_of(j, "checkin", "Measurements over time; the latest on or before as-of counts.");
        if (indicator) {
          j.key("baseline_date");
          ref(j, "optionalDate", "Day of the baseline; give both dates or neither.");
          j.key("target_date");
          ref(j, "optionalDate", "Day by which the target should be reached.");
        }
      },
      [&](JsonWriter& j) {
        j.key("allOf").begin_array();
        // Milestones have true/false values and no baseline/target; numeric
        // measures (the default, also when type is empty) need both numbers.
        j.begin_object();
        j.key("if").begin_object();
        j.key("properties").begin_object().key("type").begin_object();
        j.field("const", "milestone");
        j.end_object().end_object();
        string_list(j, "required", {"type"});
        j.end_object();
        j.key("then").begin_object().key("properties").begin_object();
        j.field("baseline", false).field("target", false);
        j.key("current").begin_object().key("type").begin_array().value("boolean").value("null");
        j.end_array().end_object();
        j.key("checkins").begin_object().key("items").begin_object().key("properties");
        j.begin_object().key("value").begin_object().field("type", "boolean").end_object();
        j.end_object().end_object().end_object();
        j.end_object().end_object();
        j.key("else").begin_object();
        string_list(j, "required", {"baseline", "target"});
        j.key("properties").begin_object();
        j.key("current").begin_object().key("type").begin_array().value("number").value("null");
        j.end_array().end_object();
        j.key("checkins").begin_object().key("items").begin_object().key("properties");
        j.begin_object().key("value").begin_object().field("type", "number").end_object();
        j.end_object().end_object().end_object();
        j.end_object().end_object();
        j.end_object();
        // Either a single current value or check-ins (measure-current-and-checkins).
        j.begin_object();
        j.key("not").begin_object();
        string_list(j, "required", {"current", "checkins"});
        j.key("properties").begin_object().key("current").begin_object();
        j.key("not").begin_object().field("type", "null").end_object();
        j.end_object().end_object();
        j.end_object();
        j.end_object();
        if (indicator) {
          // Both dates or neither (indicator-dates).
          for (const auto& [given, other] : {std::pair{"baseline_date", "target_date"},
                                             std::pair{"target_date", "baseline_date"}}) {
            j.begin_object();
            j.key("if").begin_object();
            string_list(j, "required", {given});
            j.key("properties").begin_object().key(given).begin_object().field("type", "string");
            j.end_object().end_object();
            j.end_object();
            j.key("then").begin_object();
            string_list(j, "required", {other});
            j.key("properties").begin_object().key(other).begin_object().field("type", "string");
            j.end_object().end_object();
            j.end_object();
            j.end_object();
          }
        }
        j.end_array();
      });
}

struct LevelInfo {
  std::string_view def, what;
  int stage_min, stage_max;  // 0, 0: no stage
};

constexpr LevelInfo levels[] = {
    {"impact", "An impact: the change in society the work aims at (Gesellschaftliche Wirkung).", 7,
     7},
    {"outcome",
     "An outcome: a change in the target group (Wirkung bei der Zielgruppe), e.g. new skills "
     "applied.",
     4, 6},
    {"output", "An output: what the work delivers (Leistung), e.g. courses held or tools built.", 1,
     3},
    {"input", "An input: a resource the work uses (Ressource), e.g. budget or staff.", 0, 0},
};

void write_element_def(JsonWriter& json, const LevelInfo& level) {
  json.key(level.def);
  object(json, level.what, {"id", "title"}, [&](JsonWriter& j) {
    j.key("id");
    ref(j, "id");
    j.key("title");
    typed(j, text_types, "What changes, in a few words.");
    j.key("description");
    typed(j, optional_text_types, "A longer explanation.");
    j.key("stage");
    if (level.stage_min == 0) {
      typed(j, {"null"}, "Inputs have no Wirkungstreppe stage.");
    } else {
      typed(j, {"integer", "null"},
            fmt::format("Step of the PHINEO Wirkungstreppe: {} for {}s.",
                        level.stage_min == level.stage_max
                            ? fmt::format("{}", level.stage_min)
                            : fmt::format("{}-{}", level.stage_min, level.stage_max),
                        level.def),
            [&](JsonWriter& k) {
              k.field("minimum", level.stage_min);
              k.field("maximum", level.stage_max);
            });
    }
    j.key("contributes_to");
    if (level.def == "impact") {
      typed(j, {"array", "null"}, "Impacts are the top of the chain and contribute to nothing.",
            [](JsonWriter& k) { k.field("maxItems", 0); });
    } else {
      list_of(j, "link",
              "Ids of elements of a higher level that this one leads to "
              "(input -> output -> outcome -> impact).");
    }
    j.key("indicators");
    list_of(j, "indicator", "Measures of this element.");
  });
}

void write_objective_def(JsonWriter& json) {
  json.key("objective");
  object(json, "An objective: a qualitative goal of one team for one period.",
         {"id", "title", "period"}, [](JsonWriter& j) {
           j.key("id");
           ref(j, "id");
           j.key("title");
           typed(j, text_types, "What the team wants to achieve.");
           j.key("period");
           typed(j, {"string", "integer"},
                 "The period: YYYY, YYYY-H1/H2, YYYY-Q1..Q4, YYYY-MM, or a custom period of "
                 "plan.periods.");
           j.key("owner");
           typed(j, optional_text_types,
                 "The team that owns the objective (a team id when teams are declared).");
           j.key("type");
           typed(j, {"string", "null"},
                 "committed (default): expected in full; aspirational: 70% counts as success.",
                 [](JsonWriter& k) {
                   k.key("enum")
                       .begin_array()
                       .value("committed")
                       .value("aspirational")
                       .null()
                       .end_array();
                 });
           j.key("aligns_to");
           list_of(j, "link", "Ids of the chain elements the objective moves.");
           j.key("key_results");
           list_of(j, "keyResult", "How progress on the objective is measured (at most 5).");
         });
}

// One glob or a list of them.
void json_exclude(JsonWriter& json) {
  json.begin_object();
  json.field("description",
             "Globs of files to skip, relative to the plan root, e.g. [\"drafts/**\"].");
  json.key("anyOf").begin_array();
  typed(json, optional_text_types, "");
  typed(json, {"array"}, "", [](JsonWriter& j) {
    j.key("items");
    typed(j, text_types, "");
  });
  json.end_array();
  json.end_object();
}

void write_plan_def(JsonWriter& json) {
  json.key("team");
  object(json, "A team that owns objectives.", {"id"}, [](JsonWriter& j) {
    j.key("id");
    ref(j, "id");
    j.key("name");
    typed(j, optional_text_types, "The team's name as shown in reports.");
  });
  json.key("period");
  object(json, "A custom period beside the built-in ones.", {"id", "start", "end"},
         [](JsonWriter& j) {
           j.key("id");
           ref(j, "id");
           j.key("start");
           ref(j, "date", "First day of the period.");
           j.key("end");
           ref(j, "date", "Last day of the period.");
         });
  json.key("plan");
  object(
      json, "Settings of the whole plan; only in iooi.yaml at the plan root.", {},
      [](JsonWriter& j) {
        j.key("name");
        typed(j, optional_text_types, "The plan's name, shown in reports.");
        j.key("language");
        typed(j, {"string", "null"}, "Default language of reports (en if absent).",
              [](JsonWriter& k) {
                k.key("enum").begin_array().value("en").value("de").null().end_array();
              });
        j.key("exclude");
        json_exclude(j);
        j.key("periods");
        list_of(j, "period",
                "Custom periods, e.g. {id: FY26-T1, start: 2026-01-01, end: "
                "2026-04-30}.");
        j.key("status");
        object(
            j, "Thresholds of the status: gap = expected - progress.", {},
            [](JsonWriter& k) {
              k.key("on_track_gap");
              typed(k, {"number", "null"}, "Largest gap still on track (default 0.10).",
                    [](JsonWriter& m) {
                      m.field("minimum", 0);
                      m.field("maximum", 1);
                    });
              k.key("off_track_gap");
              typed(k, {"number", "null"},
                    "Largest gap still at risk; above it is off track (default 0.25).",
                    [](JsonWriter& m) {
                      m.field("minimum", 0);
                      m.field("maximum", 1);
                    });
            },
            {}, true);
        j.key("stale_days");
        typed(j, {"integer", "null"},
              "Days without a check-in after which a key result is stale (default 14).",
              [](JsonWriter& k) { k.field("minimum", 0); });
        j.key("rules");
        object(
            j, "Severity overrides: rule id -> error, warning, info or off.", {},
            [](JsonWriter& k) {
              for (const RuleInfo& info : all_rules()) {
                k.key(info.id);
                typed(k, {"string"},
                      fmt::format("{} (default: {})", info.summary,
                                  severity_name(info.default_severity)),
                      [](JsonWriter& m) {
                        m.key("enum")
                            .begin_array()
                            .value("error")
                            .value("warning")
                            .value("info")
                            .value("off")
                            .end_array();
                      });
              }
            },
            {}, true);
        j.key("limits");
        object(
            j,
            "Limits for reading plan files (docs/limits.md); iooi.yaml itself is read with the "
            "defaults.",
            {},
            [](JsonWriter& k) {
              const auto limit = [&](std::string_view key, std::string_view description) {
                k.key(key);
                typed(k, {"integer", "null"}, description, [](JsonWriter& m) {
                  m.field("minimum", 1);
                  m.field("maximum", 1'000'000'000);
                });
              };
              limit("file_size_mib", "Largest plan file in MiB (default 64).");
              limit("value_size_kib", "Longest single value in KiB (default 1024).");
              limit("expanded_nodes",
                    "Most YAML nodes in one file, aliases expanded (default 1000000).");
              limit("files", "Most plan files in one run (default 100000).");
            },
            {}, true);
      },
      {}, true);
}

}  // namespace

std::string render_plan_schema() {
  JsonWriter json;
  json.begin_object();
  json.field("$schema", "https://json-schema.org/draft/2020-12/schema");
  json.field("title", "iooi plan file");
  json.field("description",
             "A file of an iooi plan: an IOOI impact chain (inputs -> outputs -> outcomes -> "
             "impacts) and quarterly OKRs aligned to it. Check it with `iooi check`.");
  json.field("type", "object");
  json.key("properties").begin_object();
  json.key("plan");
  ref(json, "plan");
  json.key("teams");
  list_of(json, "team", "Teams that own objectives.");
  json.key("impacts");
  list_of(json, "impact", "Impact goals: the top of the chain.");
  json.key("outcomes");
  list_of(json, "outcome", "Changes in the target group.");
  json.key("outputs");
  list_of(json, "output", "What the work delivers.");
  json.key("inputs");
  list_of(json, "input", "Resources the work uses.");
  json.key("objectives");
  list_of(json, "objective", "Objectives with key results, per period and team.");
  json.end_object();
  json.field("additionalProperties", false);
  json.key("$defs").begin_object();
  write_common_defs(json);
  write_checkin_def(json);
  write_measure_def(json, false);
  write_measure_def(json, true);
  for (const LevelInfo& level : levels) write_element_def(json, level);
  write_objective_def(json);
  write_plan_def(json);
  json.end_object();
  json.end_object();
  return json.finish();
}

}  // namespace iooi
