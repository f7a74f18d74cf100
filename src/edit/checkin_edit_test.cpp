#include "iooi/edit/checkin_edit.h"

#include <doctest/doctest.h>

#include <string>

using iooi::Date;
using iooi::edit::apply_insertion;
using iooi::edit::CheckinEntry;
using iooi::edit::EditProblem;
using iooi::edit::InsertionResult;
using iooi::edit::plan_checkin_insertion;
using iooi::edit::prove_same_data_plus;

namespace {

CheckinEntry entry(std::string value, std::optional<int> confidence = std::nullopt,
                   std::optional<std::string> note = std::nullopt) {
  return CheckinEntry{*Date::parse("2026-03-31"), std::move(value), confidence, std::move(note)};
}

// Records the check-in and checks what every edit must satisfy: one run of
// bytes inserted, and the text read again holds the old data plus the check-in.
std::string record(const std::string& text, const std::string& id, const CheckinEntry& e) {
  const InsertionResult result = plan_checkin_insertion(text, id, e);
  REQUIRE_MESSAGE(result.insertion.has_value(), result.reason);
  const std::string edited = apply_insertion(text, *result.insertion);
  CHECK(edited.substr(0, result.insertion->offset) == text.substr(0, result.insertion->offset));
  CHECK(edited.substr(result.insertion->offset + result.insertion->text.size()) ==
        text.substr(result.insertion->offset));
  CHECK(prove_same_data_plus(text, edited, {{id, e}}) == "");
  return edited;
}

const std::string head = "objectives:\n  - id: O-1\n    title: T\n    period: 2026-Q1\n";

}  // namespace

TEST_CASE("checkin: a block list of flow items gets one more line at the same column") {
  const std::string text = head +
                           "    key_results:\n"
                           "      - id: KR-1\n"
                           "        baseline: 0\n"
                           "        target: 10\n"
                           "        checkins:\n"
                           "          - {date: 2026-01-31, value: 2, confidence: 7}  # first\n"
                           "      - id: KR-2\n"
                           "        baseline: 0\n"
                           "        target: 10\n";
  const std::string expected = head +
                               "    key_results:\n"
                               "      - id: KR-1\n"
                               "        baseline: 0\n"
                               "        target: 10\n"
                               "        checkins:\n"
                               "          - {date: 2026-01-31, value: 2, confidence: 7}  # first\n"
                               "          - {date: 2026-03-31, value: 5, confidence: 8}\n"
                               "      - id: KR-2\n"
                               "        baseline: 0\n"
                               "        target: 10\n";
  CHECK(record(text, "KR-1", entry("5", 8)) == expected);
}

TEST_CASE("checkin: block items with comments, blank lines, literal and folded notes") {
  const std::string list = head +
                           "    key_results:\n"
                           "      - id: KR-1\n"
                           "        baseline: 0\n"
                           "        target: 10\n"
                           "        checkins:\n"
                           "          # January\n"
                           "          - date: 2026-01-31\n"
                           "            value: 2\n"
                           "            note: >\n"
                           "              folded\n"
                           "              # not a comment\n"
                           "\n"
                           "          # February, after a blank line\n"
                           "          - date: 2026-02-28\n"
                           "            value: 3\n"
                           "            note: |\n"
                           "              literal\n"
                           "\n"
                           "                # still the note\n";
  const std::string tail = "\n# Q2 follows\n";
  const std::string expected = list +
                               "          - date: 2026-03-31\n"
                               "            value: 4\n"
                               "            note: \"a: b\"\n" +
                               tail;
  CHECK(record(list + tail, "KR-1", entry("4", std::nullopt, "a: b")) == expected);
}

TEST_CASE("checkin: flow lists get the item inside the brackets") {
  const std::string one_line = head +
                               "    key_results:\n"
                               "      - id: KR-1\n"
                               "        checkins: [{date: 2026-01-31, value: 2}]  # c\n"
                               "        baseline: 0\n"
                               "        target: 10\n";
  CHECK(record(one_line, "KR-1", entry("3")) ==
        head +
            "    key_results:\n"
            "      - id: KR-1\n"
            "        checkins: [{date: 2026-01-31, value: 2}, {date: 2026-03-31, value: 3}]  # c\n"
            "        baseline: 0\n"
            "        target: 10\n");
  const std::string multi_line = head +
                                 "    key_results:\n"
                                 "      - id: KR-1\n"
                                 "        baseline: 0\n"
                                 "        target: 10\n"
                                 "        checkins: [\n"
                                 "          {date: 2026-01-31, value: 2},\n"
                                 "          {date: 2026-02-28, value: 3}  # last\n"
                                 "        ]\n";
  CHECK(record(multi_line, "KR-1", entry("4")) ==
        head +
            "    key_results:\n"
            "      - id: KR-1\n"
            "        baseline: 0\n"
            "        target: 10\n"
            "        checkins: [\n"
            "          {date: 2026-01-31, value: 2},\n"
            "          {date: 2026-02-28, value: 3},\n"
            "          {date: 2026-03-31, value: 4}  # last\n"
            "        ]\n");
  const std::string empty = head +
                            "    key_results:\n"
                            "      - {id: KR-1, baseline: 0, target: 10, checkins: []}\n";
  CHECK(record(empty, "KR-1", entry("1")) ==
        head +
            "    key_results:\n"
            "      - {id: KR-1, baseline: 0, target: 10, checkins: [{date: 2026-03-31, value: "
            "1}]}\n");
}

TEST_CASE("checkin: a measure without checkins gets the key last, in its style") {
  const std::string block = head +
                            "    key_results:\n"
                            "      - id: KR-1\n"
                            "        title: >-\n"
                            "          long\n"
                            "          title\n"
                            "      - id: KR-2\n"
                            "        checkins:\n"
                            "        - date: 2026-01-31\n"
                            "          value: true\n";
  CHECK(record(block, "KR-1", entry("true")) == head +
                                                    "    key_results:\n"
                                                    "      - id: KR-1\n"
                                                    "        title: >-\n"
                                                    "          long\n"
                                                    "          title\n"
                                                    "        checkins:\n"
                                                    "        - date: 2026-03-31\n"
                                                    "          value: true\n"
                                                    "      - id: KR-2\n"
                                                    "        checkins:\n"
                                                    "        - date: 2026-01-31\n"
                                                    "          value: true\n");
  const std::string flow = head +
                           "    key_results:\n"
                           "      - {id: KR-1, baseline: 0, target: 10}\n";
  CHECK(record(flow, "KR-1", entry("1.5", 6, "Befragung Q1")) ==
        head +
            "    key_results:\n"
            "      - {id: KR-1, baseline: 0, target: 10, checkins: [{date: 2026-03-31, value: 1.5, "
            "confidence: 6, note: Befragung Q1}]}\n");
  const std::string empty_key = head +
                                "    key_results:\n"
                                "      - id: KR-1\n"
                                "        checkins:   # none yet\n"
                                "        baseline: 0\n"
                                "        target: 10\n";
  CHECK(record(empty_key, "KR-1", entry("2")) == head +
                                                     "    key_results:\n"
                                                     "      - id: KR-1\n"
                                                     "        checkins:   # none yet\n"
                                                     "          - {date: 2026-03-31, value: 2}\n"
                                                     "        baseline: 0\n"
                                                     "        target: 10\n");
}

TEST_CASE("checkin: CRLF, no final newline, tabs, a byte order mark") {
  const std::string crlf =
      "\xEF\xBB\xBFoutcomes:\r\n  - id: OC-1\r\n    title: \"a\\tb\"\t# tab\r\n"
      "    indicators:\r\n      - id: IND-1\r\n        baseline: 0\r\n        target: 5\r\n"
      "        checkins:\r\n          - {date: 2026-01-31, value: 1}";
  CHECK(record(crlf, "IND-1", entry("2")) == crlf + "\r\n          - {date: 2026-03-31, value: 2}");
}

TEST_CASE("checkin: notes are quoted when plain text would read differently") {
  const std::string text = head +
                           "    key_results:\n"
                           "      - id: KR-1\n"
                           "        checkins:\n"
                           "          - {date: 2026-01-31, value: 1}\n";
  for (const std::string note :
       {"true",        "12",         "a, b",        "x # y",           "- dash", "quote \"q\"",
        "line\nbreak", "tab\there",  "'single'",    "ends: ",          "[list]", "null",
        "2026-01-01",  "ünïcödé ok", "back\\slash", "\xE2\x80\xA8sep", "@at",    "%pct",
        "&amp",        "*star",      "!bang",       "|pipe",           ">gt"}) {
    CAPTURE(note);
    record(text, "KR-1", entry("2", std::nullopt, note));
  }
}

TEST_CASE("checkin: refusals leave the text alone") {
  const std::string anchored = head +
                               "    key_results:\n"
                               "      - &kr\n"
                               "        id: KR-1\n"
                               "        checkins: []\n";
  CHECK(plan_checkin_insertion(anchored, "KR-1", entry("1")).problem == EditProblem::shared_text);
  const std::string merged = head +
                             "    key_results:\n"
                             "      - id: KR-0\n"
                             "        base: &b {baseline: 0}\n"
                             "      - <<: *b\n"
                             "        id: KR-1\n";
  CHECK(plan_checkin_insertion(merged, "KR-1", entry("1")).problem == EditProblem::shared_text);
  const std::string aliased = head +
                              "    key_results:\n"
                              "      - id: KR-1\n"
                              "        checkins: *list\n";
  CHECK_FALSE(plan_checkin_insertion(aliased, "KR-1", entry("1")).insertion.has_value());
  const std::string null_list = head +
                                "    key_results:\n"
                                "      - id: KR-1\n"
                                "        checkins: ~\n";
  CHECK(plan_checkin_insertion(null_list, "KR-1", entry("1")).problem == EditProblem::not_editable);
  CHECK(plan_checkin_insertion(null_list, "KR-2", entry("1")).problem ==
        EditProblem::unknown_measure);
}

TEST_CASE("checkin: the proof rejects any other change") {
  const std::string text = head +
                           "    key_results:\n"
                           "      - id: KR-1\n"
                           "        checkins:\n"
                           "          - {date: 2026-01-31, value: 1}\n";
  const CheckinEntry e = entry("2");
  const std::string good = text + "          - {date: 2026-03-31, value: 2}\n";
  CHECK(prove_same_data_plus(text, good, {{"KR-1", e}}) == "");
  CHECK(prove_same_data_plus(text, text + "          - {date: 2026-03-31, value: \"2\"}\n",
                             {{"KR-1", e}}) != "");
  CHECK(prove_same_data_plus(text, good + "    owner: x\n", {{"KR-1", e}}) != "");
  CHECK(prove_same_data_plus(text, good, {{"KR-1", entry("3")}}) != "");
  CHECK(prove_same_data_plus(text, text, {{"KR-1", e}}) != "");
}

TEST_CASE("checkin: values are numbers or true/false; a decimal comma gets the fix") {
  using iooi::edit::parse_checkin_value;
  std::string reason;
  CHECK(parse_checkin_value("42", false, reason) == "42");
  CHECK(parse_checkin_value("-3.5e2", false, reason) == "-3.5e2");
  CHECK(parse_checkin_value("true", true, reason) == "true");
  CHECK_FALSE(parse_checkin_value("3,5", false, reason));
  CHECK(reason == "'3,5' has a decimal comma; write 3.5");
  CHECK_FALSE(parse_checkin_value("yes", true, reason));
  CHECK_FALSE(parse_checkin_value("true", false, reason));
  CHECK_FALSE(parse_checkin_value("1e", false, reason));
  CHECK_FALSE(parse_checkin_value("", false, reason));
}

TEST_CASE("checkin: a file ending in a block note without a line break is refused") {
  const std::string text = head +
                           "    key_results:\n"
                           "      - id: KR-1\n"
                           "        checkins:\n"
                           "          - date: 2026-01-31\n"
                           "            value: 1\n"
                           "            note: |\n"
                           "              kept line break";
  const InsertionResult refused = plan_checkin_insertion(text, "KR-1", entry("2"));
  CHECK_FALSE(refused.insertion.has_value());
  CHECK(refused.problem == EditProblem::not_editable);
  CHECK(refused.reason.find("ends in a note written with '|' or '>'") != std::string::npos);
  // With strip chomping ('|-') the note has no line break to keep: the item goes after it.
  std::string stripped = text;
  stripped.replace(stripped.find("note: |"), 7, "note: |-");
  record(stripped, "KR-1", entry("2"));
}
