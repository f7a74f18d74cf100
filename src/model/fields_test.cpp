// The field tables and the decoder agree: every row of every table is decoded (a
// good value passes, a bad one is reported at the value and names the key), and a
// row is required exactly when leaving it out is a missing-field finding. A new row
// is tested here without writing a test for it.
#include "iooi/model/fields.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "iooi/model/decode.h"
#include "iooi/yaml/tree.h"

namespace iooi {
namespace {

using fields::Field;
using fields::Kind;
using fields::Object;
using fields::Presence;

// Where a mapping of each table sits in a plan file: `{}` stands for it.
struct Context {
  std::string_view object;
  std::string_view around;
  bool config = false;  // only iooi.yaml may hold `plan`
};

constexpr Context contexts[] = {
    {"document", "{}", true},
    {"team", "teams: [{}]"},
    {"impact", "impacts: [{}]"},
    {"outcome", "outcomes: [{}]"},
    {"output", "outputs: [{}]"},
    {"input", "inputs: [{}]"},
    {"link", "outputs: [{id: OP1, title: t, contributes_to: [{}]}]"},
    {"objective", "objectives: [{}]"},
    {"keyResult", "objectives: [{id: O1, title: t, period: 2026-Q1, key_results: [{}]}]"},
    {"indicator", "outcomes: [{id: OC1, title: t, indicators: [{}]}]"},
    {"checkin",
     "objectives: [{id: O1, title: t, period: 2026-Q1, key_results: [{id: KR1, title: t, "
     "baseline: 0, target: 1, checkins: [{}]}]}]"},
    {"threshold",
     "objectives: [{id: O1, title: t, period: 2026-Q1, key_results: [{id: KR1, title: t, "
     "target: {}}]}]"},
    {"interimTarget",
     "objectives: [{id: O1, title: t, period: 2026-Q1, key_results: [{id: KR1, title: t, "
     "baseline: 0, target: 1, targets: [{}]}]}]"},
    {"plan", "plan: {}", true},
    {"period", "plan: {periods: [{}]}", true},
    {"status", "plan: {status: {}}", true},
    {"limits", "plan: {limits: {}}", true},
    {"iati", "plan: {iati: {}}", true},
    {"iatiOrg",
     "plan: {iati: {identifier: x, title: t, description: t, activity_status: 2, start_date: "
     "2026-01-01, reporting_org: {}}}",
     true},
    {"iatiSector",
     "plan: {iati: {identifier: x, title: t, description: t, activity_status: 2, start_date: "
     "2026-01-01, reporting_org: {ref: r, type: 22, name: n}, sector: {}}}",
     true},
};

const Context* context_of(std::string_view object) {
  for (const Context& context : contexts) {
    if (context.object == object) return &context;
  }
  return nullptr;
}

std::string mapping(const Object& object, std::string_view skipped, std::string_view replaced = {},
                    std::string_view value = {});

// A value the decoder accepts for the field.
std::string good_value(const Field& field) {
  switch (field.kind) {
    case Kind::id:
      return "X1";
    case Kind::reference:
      return "2026-Q1";
    case Kind::text:
      return "t";
    case Kind::number:
      // A quarter into a bounded range: the status gaps stay in order
      // (on_track_gap <= off_track_gap) when either is left at its default (0.10, 0.25).
      if (field.minimum && field.maximum) {
        return fmt::format("{}", *field.minimum + (*field.maximum - *field.minimum) / 4.0);
      }
      return field.minimum ? std::to_string(*field.minimum) : "1";
    case Kind::integer:
      return field.minimum ? std::to_string(*field.minimum) : "1";
    case Kind::choice:
      return std::string(field.words.front());
    case Kind::date:
      return "2026-01-01";
    case Kind::weight:
    case Kind::value:
    case Kind::stage:
      return "5";
    case Kind::list:
    case Kind::links:
      return "[]";
    case Kind::mapping:
      // A mapping with required keys of its own (plan.iati) is good only complete.
      return field.key == "plan" ? "{}" : mapping(*fields::find_object(field.object), {});
    case Kind::severities:
      return "{}";
    case Kind::globs:
      return "x";
    case Kind::flag:
      return "true";
    case Kind::target:
      return "5";
    case Kind::bounds:
      return "[0, 2]";
  }
  return "";
}

// A value of the wrong shape for the field; "bad" occurs nowhere else in a test plan.
std::string_view bad_value(const Field& field) {
  switch (field.kind) {
    case Kind::id:
    case Kind::reference:
    case Kind::text:
    case Kind::value:
      return "[bad]";
    case Kind::globs:
      return "{bad: 1}";
    default:
      return "bad";
  }
}

// The object's mapping in flow style: every field in scope with a good value, except
// `skipped`; `replaced` gets `value`.
// A threshold takes exactly one of its keys: its mapping holds the replaced field, else
// the first one not skipped.
std::string mapping(const Object& object, std::string_view skipped, std::string_view replaced,
                    std::string_view value) {
  const bool one_key = object.fields.data() == fields::threshold;
  std::string out = "{";
  for (const Field& field : object.fields) {
    if (!fields::in_scope(field, object.scope) || field.key == skipped) continue;
    if (one_key && (replaced.empty() ? out.size() > 1 : field.key != replaced)) continue;
    if (out.size() > 1) out += ", ";
    out += std::string(field.key) + ": ";
    out += field.key == replaced ? std::string(value) : good_value(field);
  }
  return out + "}";
}

std::string in_context(const Context& context, const std::string& inner) {
  std::string text(context.around);
  return text.replace(text.find("{}"), 2, inner) + "\n";
}

Findings decode_text(const std::string& text, bool config) {
  Findings findings;
  yaml::Document document = yaml::read_yaml(text, "plan.yaml", yaml::ReadLimits{}, findings);
  decode_document(document.root, 0, "plan.yaml", config, findings);
  return findings;
}

std::string listed(const Findings& findings) {
  std::string out;
  for (const Finding& finding : findings) {
    out += std::string(rule_info(finding.rule).id) + " 1:" + std::to_string(finding.column) + " " +
           finding.message + "\n";
  }
  return out;
}

// Every table with its context: the document's sections and each kind of mapping.
std::vector<Object> all_objects() {
  std::vector<Object> objects = {Object{"document", fields::document}};
  objects.insert(objects.end(), std::begin(fields::objects), std::end(fields::objects));
  return objects;
}

TEST_CASE("fields: each table has unique keys, docs, and names the tables it holds") {
  for (const Object& object : all_objects()) {
    CAPTURE(object.name);
    CHECK(context_of(object.name) != nullptr);
    std::set<std::string_view> keys;
    for (const Field& field : object.fields) {
      CAPTURE(field.key);
      CHECK(keys.insert(field.key).second);
      const bool shared_def = field.kind == Kind::id || field.kind == Kind::weight ||
                              (field.kind == Kind::mapping && field.key == "plan");
      CHECK(field.doc.empty() == shared_def);
      const bool holds_object =
          field.kind == Kind::list || field.kind == Kind::mapping || field.kind == Kind::target;
      CHECK(holds_object == !field.object.empty());
      if (holds_object) CHECK(fields::find_object(field.object) != nullptr);
      CHECK((field.kind == Kind::choice) == !field.words.empty());
    }
  }
}

TEST_CASE("fields: a mapping with every field of its table decodes without findings") {
  for (const Object& object : all_objects()) {
    CAPTURE(object.name);
    const Context* context = context_of(object.name);
    REQUIRE(context != nullptr);
    const std::string text = in_context(*context, mapping(object, {}));
    CAPTURE(text);
    const Findings findings = decode_text(text, context->config);
    INFO(listed(findings));
    CHECK(findings.empty());
  }
}

TEST_CASE("fields: a bad value of any field is reported at the value, naming its key") {
  for (const Object& object : all_objects()) {
    const Context* context = context_of(object.name);
    REQUIRE(context != nullptr);
    for (const Field& field : object.fields) {
      if (!fields::in_scope(field, object.scope)) continue;
      const std::string text =
          in_context(*context, mapping(object, {}, field.key, bad_value(field)));
      CAPTURE(text);
      const Findings findings = decode_text(text, context->config);
      INFO(listed(findings));
      const int column = static_cast<int>(text.find(bad_value(field))) + 1;
      bool reported = false;
      for (const Finding& finding : findings) {
        reported = reported ||
                   (finding.column == column &&
                    finding.message.find("`" + std::string(field.key) + "`") != std::string::npos);
      }
      CHECK(reported);
    }
  }
}

TEST_CASE("fields: leaving out or emptying a field is missing-field exactly when it is required") {
  for (const Object& object : all_objects()) {
    const Context* context = context_of(object.name);
    REQUIRE(context != nullptr);
    for (const Field& field : object.fields) {
      if (!fields::in_scope(field, object.scope)) continue;
      // The test mappings are numeric measures (the first type word).
      const bool required = field.presence != Presence::optional;
      const std::string absent = in_context(*context, mapping(object, field.key));
      const std::string empty = in_context(*context, mapping(object, {}, field.key, "null"));
      for (const std::string* text : {&absent, &empty}) {
        CAPTURE(*text);
        const Findings findings = decode_text(*text, context->config);
        INFO(listed(findings));
        if (!required && text == &empty && object.fields.data() == fields::threshold) {
          // An empty key counts as absent, which leaves the threshold without a key.
          REQUIRE(findings.size() == 1);
          CHECK(findings[0].rule == Rule::threshold_range);
          continue;
        }
        if (!required) {
          CHECK(findings.empty());
          continue;
        }
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].message.find("`" + std::string(field.key) + "`") != std::string::npos);
        // An empty check-in value is a type finding ("`value` of ... is empty"), as
        // the decoder has always said it; every other empty required field is missing.
        if (text == &absent || field.kind != Kind::value) {
          CHECK(findings[0].rule == Rule::missing_field);
        } else {
          CHECK(findings[0].message.find("is empty") != std::string::npos);
        }
      }
    }
  }
}

TEST_CASE("fields: index_of and find agree with the table order") {
  static_assert(fields::index_of(fields::measure, "id") == 0);
  static_assert(fields::index_of(fields::measure, "method") == std::size(fields::measure) - 1);
  CHECK(fields::find(fields::checkin, "note") == &fields::checkin[3]);
  CHECK(fields::find(fields::checkin, "notes") == nullptr);
  CHECK(fields::find_object("indicator")->scope == fields::Scope::indicators);
  CHECK(fields::find_object("nothing") == nullptr);
}

}  // namespace
}  // namespace iooi
