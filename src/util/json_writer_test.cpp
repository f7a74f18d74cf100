#include "iooi/util/json_writer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using namespace iooi;

namespace {

std::string json_quote(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

}  // namespace

TEST_CASE("json_quote escapes quotes, backslashes and control characters") {
  CHECK(json_quote("plain") == "\"plain\"");
  CHECK(json_quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(json_quote("a\\b") == "\"a\\\\b\"");
  CHECK(json_quote("line1\nline2\r\tend") == "\"line1\\nline2\\r\\tend\"");
  CHECK(json_quote(std::string_view("\x01\x1f\b\f", 4)) == "\"\\u0001\\u001f\\b\\f\"");
  CHECK(json_quote(std::string_view("nul\0x", 5)) == "\"nul\\u0000x\"");
  // Characters that other formats escape stay as they are in JSON.
  CHECK(json_quote("100% <a> & b: c, d / e") == "\"100% <a> & b: c, d / e\"");
}

TEST_CASE("json_quote keeps valid UTF-8 and replaces invalid bytes") {
  CHECK(json_quote("Größe – 日本 🙂") == "\"Größe – 日本 🙂\"");
  CHECK(json_quote("bad \xFF byte") == "\"bad \xEF\xBF\xBD byte\"");
  CHECK(json_quote("cut \xC3") == "\"cut \xEF\xBF\xBD\"");          // truncated sequence
  CHECK(json_quote("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");  // overlong '/'
  CHECK(json_quote("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
}

TEST_CASE("json_number is the shortest round-trip form and null when not finite") {
  CHECK(json_number(800) == "800");
  CHECK(json_number(0.265625) == "0.265625");
  CHECK(json_number(45.0 / 89.0) == "0.505617977528");
  CHECK(json_number(0.1 + 0.2) == "0.3");
  CHECK(json_number(2.2500000000000004) == "2.25");
  CHECK(json_number(0.08333333333333161) == "0.0833333333333");
  CHECK(json_number(123456789012.4) == "123456789012");
  CHECK(json_number(1.0 / 3.0 * 1e-9) == "3.33333333333e-10");
  CHECK(json_number(-1e-300 / 1e300) == "0");
  CHECK(json_number(-2.5) == "-2.5");
  CHECK(json_number(-0.0) == "0");
  CHECK(json_number(1e21) == "1e+21");
  CHECK(json_number(std::nan("")) == "null");
  CHECK(json_number(std::numeric_limits<double>::infinity()) == "null");
}

TEST_CASE("JsonWriter pretty-prints nested containers") {
  JsonWriter json;
  json.begin_object();
  json.field("schema", "iooi-check/1").field("files", size_t{2});
  json.key("findings").begin_array();
  json.begin_object().field("rule", "type").field("line", 4).field("ok", true).end_object();
  json.end_array();
  json.key("empty").begin_array().end_array();
  json.key("none").begin_object().end_object();
  json.key("progress").value(0.5);
  json.key("missing").null();
  json.field("maybe", std::optional<double>{});
  json.field("present", std::optional<double>{1.25});
  json.end_object();
  CHECK(json.finish() ==
        "{\n"
        "  \"schema\": \"iooi-check/1\",\n"
        "  \"files\": 2,\n"
        "  \"findings\": [\n"
        "    {\n"
        "      \"rule\": \"type\",\n"
        "      \"line\": 4,\n"
        "      \"ok\": true\n"
        "    }\n"
        "  ],\n"
        "  \"empty\": [],\n"
        "  \"none\": {},\n"
        "  \"progress\": 0.5,\n"
        "  \"missing\": null,\n"
        "  \"maybe\": null,\n"
        "  \"present\": 1.25\n"
        "}\n");
}

TEST_CASE("JsonWriter compact mode has no whitespace") {
  JsonWriter json(0);
  json.begin_array().value("a\"b").value(1).begin_object().field("k", -3).end_object().end_array();
  CHECK(json.finish() == "[\"a\\\"b\",1,{\"k\":-3}]\n");
  CHECK(json.text() == "[\"a\\\"b\",1,{\"k\":-3}]");
}
