// Tests of the CI formats of `iooi check` (github, sarif, junit, gitlab) with
// messages that need escaping in each of them.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "finding_fingerprint.h"
#include "iooi/render/check_output.h"

using namespace iooi;

namespace {

Finding finding(Rule rule, Severity severity, std::string path, int line, int column,
                std::string message) {
  Finding f = make_finding(rule, std::move(path), line, column, std::move(message));
  f.severity = severity;
  return f;
}

// Every character that one of the formats has to escape, plus umlauts.
const std::string tricky = "Ziel \"Größe\" 100%: a, b <c> & d\nzweite Zeile\r";

Findings sample_findings() {
  return {
      finding(Rule::unknown_key, Severity::error, "plans/q1 ä.yaml", 3, 5, tricky),
      finding(Rule::chain_orphan, Severity::warning, "plans/q1 ä.yaml", 7, 1, "plain warning"),
      finding(Rule::unmeasured, Severity::info, "iooi.yaml", 2, 3, "no indicator"),
      finding(Rule::empty_file, Severity::warning, "empty.yaml", 0, 0, "file, empty: 0%"),
  };
}

CheckRun sample_run() {
  return CheckRun{{"clean.yaml", "empty.yaml", "iooi.yaml", "plans/q1 ä.yaml"}, false, {}};
}

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("github format: workflow commands escaped as the runner expects") {
  const std::string out = render_check_github(sample_findings(), sample_run());
  CHECK(out ==
        "::error file=plans/q1 ä.yaml,line=3,col=5,title=unknown-key::"
        // Line breaks are spaces already (the output boundary keeps messages single).
        "Ziel \"Größe\" 100%25: a, b <c> & d zweite Zeile \n"
        "::warning file=plans/q1 ä.yaml,line=7,col=1,title=chain-orphan::plain warning\n"
        "::notice file=iooi.yaml,line=2,col=3,title=unmeasured::no indicator\n"
        "::warning file=empty.yaml,title=empty-file::file, empty: 0%25\n");
}

TEST_CASE("text and github formats: file names and messages cannot send escapes or lines") {
  const Findings findings = {finding(Rule::unknown_reference, Severity::error,
                                     "x\n::add-mask::s\x1b[2K.yaml", 1, 2,
                                     "names 'a\x1b]0;owned\x07\n0 errors'")};
  CHECK(render_check_text(findings, {}) ==
        "x ::add-mask::s\uFFFD[2K.yaml:1:2: error: names 'a\uFFFD]0;owned\uFFFD 0 errors' "
        "[unknown-reference]\n");
  CHECK(render_check_github(findings, {}) ==
        "::error file=x %3A%3Aadd-mask%3A%3As\uFFFD[2K.yaml,line=1,col=2,title=unknown-reference::"
        "names 'a\uFFFD]0;owned\uFFFD 0 errors'\n");
}

TEST_CASE("github format: property values escape ':' and ','") {
  const Findings findings = {finding(Rule::type, Severity::error, "C:\\plans,x%y.yaml", 1, 2, "m")};
  CHECK(render_check_github(findings, {}) ==
        "::error file=C%3A\\plans%2Cx%25y.yaml,line=1,col=2,title=type::m\n");
  CHECK(render_check_github({}, sample_run()).empty());
}

TEST_CASE("junit format: one testcase per file, a failure per finding, escaped") {
  const std::string out = render_check_junit(sample_findings(), sample_run());
  CHECK(
      out ==
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"iooi check\" tests=\"4\" failures=\"4\" errors=\"0\">\n"
      "  <testsuite name=\"iooi check\" tests=\"4\" failures=\"4\" errors=\"0\" skipped=\"0\">\n"
      "    <testcase name=\"clean.yaml\" classname=\"iooi.check\" file=\"clean.yaml\"/>\n"
      "    <testcase name=\"empty.yaml\" classname=\"iooi.check\" file=\"empty.yaml\">\n"
      "      <failure type=\"empty-file\" message=\"warning: file, empty: 0% [empty-file]\">"
      "empty.yaml: warning: file, empty: 0% [empty-file]</failure>\n"
      "    </testcase>\n"
      "    <testcase name=\"iooi.yaml\" classname=\"iooi.check\" file=\"iooi.yaml\">\n"
      "      <failure type=\"unmeasured\" message=\"info: no indicator [unmeasured]\">"
      "iooi.yaml:2:3: info: no indicator [unmeasured]</failure>\n"
      "    </testcase>\n"
      "    <testcase name=\"plans/q1 ä.yaml\" classname=\"iooi.check\" file=\"plans/q1 ä.yaml\">\n"
      "      <failure type=\"unknown-key\" message=\"error: Ziel &quot;Größe&quot; 100%: a, b "
      "&lt;c&gt; &amp; d&#10;zweite Zeile&#13; [unknown-key]\">plans/q1 ä.yaml:3:5: error: Ziel "
      "&quot;Größe&quot; 100%: a, b &lt;c&gt; &amp; d&#10;zweite Zeile&#13; "
      "[unknown-key]</failure>\n"
      "      <failure type=\"chain-orphan\" message=\"warning: plain warning [chain-orphan]\">"
      "plans/q1 ä.yaml:7:1: warning: plain warning [chain-orphan]</failure>\n"
      "    </testcase>\n"
      "  </testsuite>\n"
      "</testsuites>\n");
}

TEST_CASE("junit format: a clean plan is all passing testcases") {
  const std::string out = render_check_junit({}, CheckRun{{"a.yaml", "b.yaml"}, false, {}});
  CHECK(count(out, "<testcase ") == 2);
  CHECK(count(out, "<failure") == 0);
  CHECK(out.find("tests=\"2\" failures=\"0\"") != std::string::npos);
}

TEST_CASE("gitlab format: code quality issues with unique fingerprints") {
  const Findings findings = sample_findings();
  const std::string out = render_check_gitlab(findings, sample_run());
  const std::vector<std::string> fingerprints = finding_fingerprints(findings);
  CHECK(out.rfind("[\n  {\n    \"type\": \"issue\",\n    \"check_name\": \"unknown-key\",\n", 0) ==
        0);
  CHECK(out.find("\"description\": \"Ziel \\\"Größe\\\" 100%: a, b <c> & d\\nzweite Zeile\\r\"") !=
        std::string::npos);
  CHECK(out.find("\"fingerprint\": \"" + fingerprints[0] + "\"") != std::string::npos);
  CHECK(count(out, "\"severity\": \"major\"") == 1);
  CHECK(count(out, "\"severity\": \"minor\"") == 2);
  CHECK(count(out, "\"severity\": \"info\"") == 1);
  // A finding without a line points at line 1, which GitLab requires.
  CHECK(out.find("\"path\": \"empty.yaml\",\n      \"lines\": {\n        \"begin\": 1\n") !=
        std::string::npos);
  CHECK(render_check_gitlab({}, sample_run()) == "[]\n");
}

TEST_CASE("fingerprints are unique for repeated findings and stable across runs") {
  Findings findings = {
      finding(Rule::type, Severity::error, "a.yaml", 1, 1, "same"),
      finding(Rule::type, Severity::error, "a.yaml", 9, 1, "same"),
      finding(Rule::type, Severity::error, "b.yaml", 1, 1, "same"),
      finding(Rule::missing_field, Severity::error, "a.yaml", 1, 1, "same"),
  };
  const std::vector<std::string> first = finding_fingerprints(findings);
  CHECK(std::set<std::string>(first.begin(), first.end()).size() == 4);
  CHECK(first == finding_fingerprints(findings));
  for (const std::string& fingerprint : first) CHECK(fingerprint.size() == 32);
  // Moving a finding to another line keeps its identity.
  findings[0].line = 5;
  CHECK(finding_fingerprints(findings)[0] == first[0]);
  // A fixed value, so that a change of the hash (which would reopen every issue in
  // GitLab and code scanning) cannot go unnoticed.
  CHECK(stable_hash_hex("") == "cbf29ce48422232584222325cbf29ce4");
  CHECK(stable_hash_hex("a") != stable_hash_hex("b"));
}

TEST_CASE("sarif format: rules, results, locations and escaping") {
  const Findings findings = sample_findings();
  const std::string out = render_check_sarif(findings, sample_run());
  CHECK(out.find("\"version\": \"2.1.0\"") != std::string::npos);
  // No made-up addresses: iooi has no public home to point at (both are optional).
  CHECK(out.find("\"informationUri\"") == std::string::npos);
  CHECK(out.find("\"helpUri\"") == std::string::npos);
  // Every rule of the catalogue, with its descriptions and default level.
  for (const RuleInfo& info : all_rules()) {
    CAPTURE(info.id);
    CHECK(out.find("\"id\": \"" + std::string(info.id) + "\"") != std::string::npos);
  }
  CHECK(count(out, "\"shortDescription\"") == all_rules().size());
  CHECK(count(out, "\"fullDescription\"") == all_rules().size());
  CHECK(count(out, "\"help\"") == all_rules().size());
  CHECK(count(out, "\"defaultConfiguration\"") == all_rules().size());
  CHECK(count(out, "\"ruleId\"") == findings.size());
  CHECK(count(out, "\"partialFingerprints\"") == findings.size());
  CHECK(out.find("\"text\": \"Ziel \\\"Größe\\\" 100%: a, b <c> & d\\nzweite Zeile\\r\"") !=
        std::string::npos);
  // Paths are URIs: the space and the umlaut are percent-encoded.
  CHECK(out.find("\"uri\": \"plans/q1%20%C3%A4.yaml\"") != std::string::npos);
  CHECK(out.find("\"startLine\": 3,\n                  \"startColumn\": 5") != std::string::npos);
  CHECK(out.find("\"level\": \"note\"") != std::string::npos);
}
