// `report --format json`: the iooi-report/1 document of docs/json.md, field by
// field as documented in docs/json.md. Undefined values are null; numbers are
// rounded to 12 significant digits (json_number), which drops float noise only.
#include <ostream>
#include <string_view>

#include "chunked_output.h"
#include "iooi/render/report_output.h"
#include "iooi/util/json_writer.h"

namespace iooi {
namespace {

void write_value(JsonWriter& json, const Value& value) {
  switch (value.kind) {
    case Value::Kind::none:
      json.null();
      break;
    case Value::Kind::number:
      json.value(value.number);
      break;
    case Value::Kind::boolean:
      json.value(value.flag);
      break;
  }
}

void write_date(JsonWriter& json, const std::optional<Date>& day) {
  if (day) {
    json.value(day->to_string());
  } else {
    json.null();
  }
}

// Optional text fields (unit, owner, plan name) are null when absent, not "".
void write_text_or_null(JsonWriter& json, std::string_view text) {
  if (text.empty()) {
    json.null();
  } else {
    json.value(text);
  }
}

// {"at_least": L}, {"at_most": U} or {"between": [L, U]}; null without a threshold.
void write_threshold(JsonWriter& json, const Threshold& threshold) {
  switch (threshold.kind) {
    case ThresholdKind::none:
      json.null();
      return;
    case ThresholdKind::at_least:
      json.begin_object().field("at_least", threshold.low).end_object();
      return;
    case ThresholdKind::at_most:
      json.begin_object().field("at_most", threshold.high).end_object();
      return;
    case ThresholdKind::between:
      json.begin_object().key("between").begin_array();
      json.value(threshold.low).value(threshold.high).end_array().end_object();
      return;
  }
}

// The fields of results frameworks (docs/json.md), after the first ones so that
// iooi-report/1 readers find everything where it was.
void write_framework_fields(JsonWriter& json, const MeasureResult& m) {
  json.field("type", measure_type_id(m.type));
  json.key("direction");
  write_text_or_null(json, direction_id(m.direction));
  json.key("threshold");
  write_threshold(json, m.threshold);
  json.field("accumulate", m.accumulate);
  json.key("interim_targets").begin_array();
  for (const InterimTarget& interim : m.interim_targets) {
    json.begin_object()
        .field("date", interim.date.to_string())
        .field("value", interim.value)
        .end_object();
  }
  json.end_array();
  json.field("planned", m.planned);
  json.key("description");
  write_text_or_null(json, m.description);
  json.key("source");
  write_text_or_null(json, m.source);
  json.key("method");
  write_text_or_null(json, m.method);
}

// report --since (docs/json.md): value_then, progress_then and delta, last in the
// object, only with --since; value_then is null for objectives and elements.
void write_since(JsonWriter& json, const std::optional<SinceResult>& since) {
  if (!since) return;
  json.key("value_then");
  write_value(json, since->value_then);
  json.field("progress_then", since->progress_then);
  json.field("delta", since->delta);
}

void write_measure(JsonWriter& json, const MeasureResult& m) {
  json.begin_object();
  json.field("id", m.id);
  json.field("title", m.title);
  json.key("unit");
  write_text_or_null(json, m.unit);
  json.field("baseline", m.baseline);
  json.field("target", m.target);
  json.key("value");
  write_value(json, m.value);
  json.field("progress", m.progress);
  json.field("attainment", m.attainment);
  json.field("expected", m.expected);
  json.field("status", status_id(m.status));
  json.field("confidence", m.confidence);
  json.key("last_checkin");
  write_date(json, m.last_checkin);
  write_framework_fields(json, m);
  write_since(json, m.since);
  json.end_object();
}

// Writes the text so far to `out` once it is big enough, between array items.
void flush_if_full(JsonWriter& json, std::ostream& out) {
  if (json.text().size() < ChunkedOutput::chunk_size) return;
  out.write(json.text().data(), static_cast<std::streamsize>(json.text().size()));
  json.clear_text();
}

void write_head(JsonWriter& json, const Report& report) {
  json.field("schema", "iooi-report/1");
  json.key("plan").begin_object().key("name");
  write_text_or_null(json, report.plan_name);
  json.end_object();
  json.key("period");
  if (report.period) {
    json.begin_object()
        .field("id", report.period->id)
        .field("start", report.period->start.to_string())
        .field("end", report.period->end.to_string())
        .end_object();
  } else {
    json.null();
  }
  json.field("as_of", report.as_of.to_string());
  if (report.since) json.field("since", report.since->to_string());
}

// An element may have thousands of contributors: the text goes out between them too.
void write_element(JsonWriter& json, const ElementResult& e, std::ostream& out) {
  json.begin_object();
  json.field("id", e.id);
  json.field("level", level_name(e.level));
  json.field("title", e.title);
  json.field("progress", e.progress);
  json.field("status", status_id(e.status));
  json.key("contributors").begin_array();
  for (const ContributorResult& c : e.contributors) {
    json.begin_object()
        .field("kind", contributor_kind_id(c.kind))
        .field("id", c.id)
        .field("weight", c.weight)
        .field("progress", c.progress)
        .field("status", status_id(c.status))
        .end_object();
    flush_if_full(json, out);
  }
  json.end_array();
  json.key("indicators").begin_array();
  for (const MeasureResult& m : e.indicators) {
    write_measure(json, m);
    flush_if_full(json, out);
  }
  json.end_array();
  write_since(json, e.since);
  json.end_object();
}

void write_objective(JsonWriter& json, const ObjectiveResult& o, std::ostream& out) {
  json.begin_object();
  json.field("id", o.id);
  json.field("title", o.title);
  json.field("period", o.period);
  json.key("owner");
  write_text_or_null(json, o.owner);
  json.field("type", o.type == ObjectiveType::aspirational ? "aspirational" : "committed");
  json.key("aligns_to").begin_array();
  for (const Link& link : o.aligns_to) json.value(link.id);
  json.end_array();
  json.field("progress", o.progress);
  json.field("expected", o.expected);
  json.field("status", status_id(o.status));
  json.key("key_results").begin_array();
  for (const MeasureResult& m : o.key_results) {
    write_measure(json, m);
    flush_if_full(json, out);
  }
  json.end_array();
  write_since(json, o.since);
  json.end_object();
}

}  // namespace

void render_report_json(const Report& report, std::ostream& out) {
  JsonWriter json;
  json.begin_object();
  write_head(json, report);
  json.key("elements").begin_array();
  for (const ElementResult& e : report.elements) {
    write_element(json, e, out);
  }
  json.end_array();
  json.key("objectives").begin_array();
  for (const ObjectiveResult& o : report.objectives) {
    write_objective(json, o, out);
  }
  json.end_array();
  json.end_object();
  out << json.text() << '\n';
}

}  // namespace iooi
