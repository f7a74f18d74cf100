// The JSON Schema of plan files, generated from the field tables the decoder reads
// (iooi/model/fields.h): which keys exist, which are required, which may be left
// empty (YAML null), and the types the decoder accepts. Descriptions are what
// editors show on hover. What one row cannot say (ranges by level, milestone
// values, fields that exclude or need each other) is written out here.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

#include "iooi/diag/rule.h"
#include "iooi/model/fields.h"
#include "iooi/render/schema_output.h"
#include "iooi/util/json_writer.h"

namespace iooi {
namespace {

using fields::Field;
using fields::Kind;
using fields::Object;
using fields::Presence;
using Body = std::function<void(JsonWriter&)>;
using Types = std::vector<std::string_view>;

// {"type": ..., "description": ...} plus whatever `more` writes.
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

void string_list(JsonWriter& json, std::string_view key, std::span<const std::string_view> items) {
  json.key(key).begin_array();
  for (std::string_view item : items) json.value(item);
  json.end_array();
}

void string_list(JsonWriter& json, std::string_view key,
                 std::initializer_list<std::string_view> items) {
  string_list(json, key, std::span<const std::string_view>(items.begin(), items.size()));
}

// A list section or field; YAML lets it be empty (`outcomes:`), which is null.
void list_of(JsonWriter& json, std::string_view def, std::string_view description) {
  typed(json, {"array", "null"}, description, [&](JsonWriter& j) {
    j.key("items");
    ref(j, def);
  });
}

// Text fields accept any YAML scalar: `title: 2026` is the text "2026" to iooi.
const Types text_types = {"string", "number", "boolean"};
const Types optional_text_types = {"string", "number", "boolean", "null"};

// A type list with "null" added when the field may be left empty. Fields required
// only on some measures (baseline, target) may be empty where they are not required;
// the measure rules demand a value where they are.
Types maybe_null(Types types, const Field& field) {
  if (field.presence == Presence::optional || field.presence == Presence::numeric) {
    types.push_back("null");
  }
  return types;
}

void range(JsonWriter& json, const Field& field) {
  if (field.minimum) json.field("minimum", *field.minimum);
  if (field.maximum) json.field("maximum", *field.maximum);
}

// The chain levels: their Wirkungstreppe stages (0, 0: none).
struct LevelInfo {
  std::string_view object;
  int stage_min, stage_max;
};

constexpr LevelInfo levels[] = {
    {"impact", 7, 7}, {"outcome", 4, 6}, {"output", 1, 3}, {"input", 0, 0}};

const LevelInfo* level_of(const Object& object) {
  for (const LevelInfo& level : levels) {
    if (level.object == object.name) return &level;
  }
  return nullptr;
}

void write_stage(JsonWriter& json, const Field& field, const LevelInfo& level) {
  if (level.stage_min == 0) {
    typed(json, {"null"}, "Inputs have no Wirkungstreppe stage.");
    return;
  }
  const std::string stages = level.stage_min == level.stage_max
                                 ? fmt::format("{}", level.stage_min)
                                 : fmt::format("{}-{}", level.stage_min, level.stage_max);
  typed(json, {"integer", "null"}, fmt::format("{}: {} for {}s.", field.doc, stages, level.object),
        [&](JsonWriter& j) {
          j.field("minimum", level.stage_min);
          j.field("maximum", level.stage_max);
        });
}

void write_links(JsonWriter& json, const Field& field, const LevelInfo* level) {
  if (level != nullptr && level->object == levels[0].object) {
    typed(json, {"array", "null"}, "Impacts are the top of the chain and contribute to nothing.",
          [](JsonWriter& j) { j.field("maxItems", 0); });
    return;
  }
  list_of(json, "link", field.doc);
}

// One glob or a list of them.
void write_globs(JsonWriter& json, const Field& field) {
  json.begin_object();
  json.field("description", field.doc);
  json.key("anyOf").begin_array();
  typed(json, optional_text_types, "");
  typed(json, {"array"}, "", [](JsonWriter& j) {
    j.key("items");
    typed(j, text_types, "");
  });
  json.end_array();
  json.end_object();
}

void write_object(JsonWriter& json, const Object& object, std::string_view description,
                  bool nullable);

void write_severities(JsonWriter& json, const Field& field) {
  json.begin_object();
  json.field("description", field.doc);
  json.key("type").begin_array().value("object").value("null").end_array();
  json.key("properties").begin_object();
  for (const RuleInfo& info : all_rules()) {
    json.key(info.id);
    typed(json, {"string"},
          fmt::format("{} (default: {})", info.summary, severity_name(info.default_severity)),
          [](JsonWriter& j) { string_list(j, "enum", fields::severities); });
  }
  json.end_object();
  json.field("additionalProperties", false);
  json.end_object();
}

// A mapping field: a reference to its definition, or the mapping written in place.
void write_mapping(JsonWriter& json, const Field& field) {
  const Object* object = fields::find_object(field.object);
  if (!object->doc.empty()) return ref(json, object->name, field.doc);
  write_object(json, *object, field.doc, true);
}

void write_choice(JsonWriter& json, const Field& field) {
  typed(json, maybe_null({"string"}, field), field.doc, [&](JsonWriter& j) {
    j.key("enum").begin_array();
    for (std::string_view word : field.words) j.value(word);
    if (field.presence == Presence::optional) j.null();
    j.end_array();
  });
}

// A number, or a threshold mapping of the table `field.object`.
void write_target(JsonWriter& json, const Field& field) {
  json.begin_object();
  json.field("description", field.doc);
  json.key("anyOf").begin_array();
  typed(json, maybe_null({"number"}, field), "");
  ref(json, field.object);
  json.end_array();
  json.end_object();
}

void write_property(JsonWriter& json, const Field& field, const LevelInfo* level) {
  const bool optional = field.presence == Presence::optional;
  switch (field.kind) {
    case Kind::id:
      return ref(json, "id", field.doc);
    case Kind::weight:
      return ref(json, "weight", field.doc);
    case Kind::date:
      return ref(json, optional ? "optionalDate" : "date", field.doc);
    case Kind::reference:
      return typed(json, maybe_null({"string", "integer"}, field), field.doc);
    case Kind::text:
      return typed(json, optional ? optional_text_types : text_types, field.doc);
    case Kind::number:
      return typed(json, maybe_null({"number"}, field), field.doc,
                   [&](JsonWriter& j) { range(j, field); });
    case Kind::integer:
      return typed(json, maybe_null({"integer"}, field), field.doc,
                   [&](JsonWriter& j) { range(j, field); });
    case Kind::value:
      return typed(json, maybe_null({"number", "boolean"}, field), field.doc);
    case Kind::choice:
      return write_choice(json, field);
    case Kind::stage:
      return write_stage(json, field, *level);
    case Kind::list:
      return list_of(json, field.object, field.doc);
    case Kind::links:
      return write_links(json, field, level);
    case Kind::mapping:
      return write_mapping(json, field);
    case Kind::globs:
      return write_globs(json, field);
    case Kind::severities:
      return write_severities(json, field);
    case Kind::flag:
      return typed(json, maybe_null({"boolean"}, field), field.doc);
    case Kind::target:
      return write_target(json, field);
    case Kind::bounds:
      return typed(json, {"array"}, field.doc, [](JsonWriter& j) {
        j.key("items").begin_object().field("type", "number").end_object();
        j.field("minItems", 2);
        j.field("maxItems", 2);
      });
  }
}

// --- Measures: what depends on the type ---------------------------------------------

const Field* field_of_kind(std::span<const Field> table, Kind kind) {
  for (const Field& field : table) {
    if (field.kind == kind) return &field;
  }
  return nullptr;
}

// The types of measured values (Kind::value) on milestones (boolean) or numeric
// measures, here and in the entries of lists (check-ins).
void value_types(JsonWriter& json, std::span<const Field> table, std::string_view type) {
  for (const Field& field : table) {
    if (field.kind == Kind::value) {
      json.key(field.key).begin_object();
      if (field.presence == Presence::optional) {
        json.key("type").begin_array().value(type).value("null").end_array();
      } else {
        json.field("type", type);
      }
      json.end_object();
    } else if (field.kind == Kind::list) {
      const Object* entries = fields::find_object(field.object);
      if (field_of_kind(entries->fields, Kind::value) == nullptr) continue;
      json.key(field.key).begin_object().key("items").begin_object().key("properties");
      json.begin_object();
      value_types(json, entries->fields, type);
      json.end_object().end_object().end_object();
    }
  }
}

// Keys that may be written but only left empty (YAML null): an empty key counts as
// absent (docs/format.md).
void empty_only(JsonWriter& json, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) json.key(key).begin_object().field("type", "null").end_object();
}

// Not both keys with a value: `{"not": {"required": [a, b], "properties": {a: <value_a>,
// b: not null}}}`. `value_a` narrows the first key's values (e.g. `accumulate: true`).
void not_both(JsonWriter& json, std::string_view first, std::string_view second,
              const Body& value_a) {
  json.begin_object().key("not").begin_object();
  string_list(json, "required", {first, second});
  json.key("properties").begin_object();
  json.key(first).begin_object();
  value_a(json);
  json.end_object();
  json.key(second).begin_object();
  json.key("not").begin_object().field("type", "null").end_object();
  json.end_object();
  json.end_object();
  json.end_object().end_object();
}

// `required` and not left empty: where a field is needed, an empty key is missing.
void required_with_value(JsonWriter& json, std::string_view key) {
  string_list(json, "required", {key});
  json.key("properties").begin_object().key(key).begin_object();
  json.key("not").begin_object().field("type", "null").end_object();
  json.end_object().end_object();
}

// A monitor has no target and no interim targets; a numeric measure needs a target,
// and a baseline unless the target is a threshold mapping.
void write_numeric_or_monitor(JsonWriter& json, std::string_view type_key) {
  json.key("if").begin_object();
  json.key("properties").begin_object().key(type_key).begin_object();
  json.field("const", fields::measure_types[2]);
  json.end_object().end_object();
  string_list(json, "required", {type_key});
  json.end_object();
  json.key("then").begin_object().key("properties").begin_object();
  empty_only(json, {"target", "targets"});
  json.end_object().end_object();
  json.key("else").begin_object();
  required_with_value(json, "target");
  json.key("if").begin_object().key("properties").begin_object().key("target").begin_object();
  json.field("type", "object");
  json.end_object().end_object().end_object();
  // A threshold is met or not: no interim targets on the way, no direction with a range.
  json.key("then").begin_object().key("properties").begin_object();
  empty_only(json, {"targets"});
  json.end_object();
  json.key("if").begin_object().key("properties").begin_object().key("target").begin_object();
  string_list(json, "required", {"between"});
  json.key("properties").begin_object().key("between").begin_object().end_object().end_object();
  json.end_object().end_object().end_object();
  json.key("then").begin_object().key("properties").begin_object();
  empty_only(json, {"direction"});
  json.end_object().end_object();
  json.end_object();
  json.key("else").begin_object();
  required_with_value(json, "baseline");
  json.end_object();
  json.end_object();
}

// Milestones have true/false values and no numeric fields; numeric measures (the
// default, also when type is empty) need them.
void write_by_measure_type(JsonWriter& json, std::span<const Field> table) {
  std::vector<std::string_view> numeric;
  for (const Field& field : table) {
    if (field.presence == Presence::numeric) numeric.push_back(field.key);
  }
  const std::string_view type_key = field_of_kind(table, Kind::choice)->key;
  json.begin_object();
  json.key("if").begin_object();
  json.key("properties").begin_object().key(type_key).begin_object();
  json.field("const", fields::measure_types[1]);
  json.end_object().end_object();
  string_list(json, "required", {type_key});
  json.end_object();
  json.key("then").begin_object().key("properties").begin_object();
  for (std::string_view key : numeric) empty_only(json, {key});
  empty_only(json, {"targets", "direction"});
  json.key("accumulate").begin_object();
  json.key("enum").begin_array().value(false).null().end_array();
  json.end_object();
  value_types(json, table, "boolean");
  json.end_object().end_object();
  json.key("else").begin_object();
  json.key("properties").begin_object();
  value_types(json, table, "number");
  json.end_object();
  write_numeric_or_monitor(json, type_key);
  json.end_object();
  json.end_object();
}

// Rules between fields: a single current value or check-ins
// (measure-current-and-checkins), increments only as check-ins (measure-accumulate),
// no monitor among key results (monitor-target); an indicator's two dates together
// (indicator-dates).
void write_measure_rules(JsonWriter& json, const Object& object) {
  json.key("allOf").begin_array();
  write_by_measure_type(json, object.fields);
  not_both(json, "checkins", "current",
           [](JsonWriter& j) { j.key("not").begin_object().field("type", "null").end_object(); });
  not_both(json, "accumulate", "current", [](JsonWriter& j) { j.field("const", true); });
  if (object.scope != fields::Scope::indicators) {  // monitor-target
    json.begin_object().key("properties").begin_object().key("type").begin_object();
    json.key("not").begin_object().field("const", fields::measure_types[2]).end_object();
    json.end_object().end_object().end_object();
  }
  if (object.scope == fields::Scope::indicators) {
    for (const auto& [given, other] :
         {std::pair{"baseline_date", "target_date"}, std::pair{"target_date", "baseline_date"}}) {
      json.begin_object();
      json.key("if").begin_object();
      string_list(json, "required", {given});
      json.key("properties").begin_object().key(given).begin_object().field("type", "string");
      json.end_object().end_object();
      json.end_object();
      json.key("then").begin_object();
      string_list(json, "required", {other});
      json.key("properties").begin_object().key(other).begin_object().field("type", "string");
      json.end_object().end_object();
      json.end_object();
      json.end_object();
    }
  }
  json.end_array();
}

// An object with the properties of its table (those in its scope), no others, and
// the required ones. `nullable`: the key may also be left empty in YAML.
void write_object(JsonWriter& json, const Object& object, std::string_view description,
                  bool nullable) {
  const LevelInfo* level = level_of(object);
  json.begin_object();
  json.field("description", description);
  if (nullable) {
    json.key("type").begin_array().value("object").value("null").end_array();
  } else {
    json.field("type", "object");
  }
  json.key("properties").begin_object();
  std::vector<std::string_view> required;
  for (const Field& field : object.fields) {
    if (!fields::in_scope(field, object.scope)) continue;
    json.key(field.key);
    write_property(json, field, level);
    if (field.presence == Presence::required) required.push_back(field.key);
  }
  json.end_object();
  if (!required.empty()) string_list(json, "required", required);
  json.field("additionalProperties", false);
  if (object.fields.data() == fields::threshold) {
    json.field("minProperties", 1).field("maxProperties", 1);
  }
  if (object.fields.data() == fields::measure) write_measure_rules(json, object);
  json.end_object();
}

// A mapping that some field holds directly (`plan`, `status`) rather than in a list
// may be left empty.
bool held_as_mapping(const Object& object) {
  const auto holds = [&](std::span<const Field> table) {
    return std::any_of(table.begin(), table.end(), [&](const Field& field) {
      return field.kind == Kind::mapping && field.object == object.name;
    });
  };
  return holds(fields::document) ||
         std::any_of(std::begin(fields::objects), std::end(fields::objects),
                     [&](const Object& holder) { return holds(holder.fields); });
}

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
}

// A link is an id, or a mapping of the `link` table.
void write_link_def(JsonWriter& json, const Object& link) {
  json.begin_object();
  json.field("description", "An id, or {id, weight} to weight this link (default weight 1).");
  json.key("anyOf").begin_array();
  write_property(json, link.fields.front(), nullptr);
  write_object(json, link, link.doc, false);
  json.end_array();
  json.end_object();
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
  for (const Field& section : fields::document) {
    json.key(section.key);
    write_property(json, section, nullptr);
  }
  json.end_object();
  json.field("additionalProperties", false);
  json.key("$defs").begin_object();
  write_common_defs(json);
  for (const Object& object : fields::objects) {
    if (object.doc.empty()) continue;  // written in place
    json.key(object.name);
    if (object.fields.data() == fields::link) {
      write_link_def(json, object);
    } else {
      write_object(json, object, object.doc, held_as_mapping(object));
    }
  }
  json.end_object();
  json.end_object();
  return json.finish();
}

}  // namespace iooi
