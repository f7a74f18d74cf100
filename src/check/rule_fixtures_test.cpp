// Drives every rule fixture under tests/fixtures/rules/<rule-id>/ through the
// whole pipeline, through the entry point of `iooi check` (check_plan):
// - bad/ must yield exactly the findings marked in it: a trailing comment
//   `# expect: <rule-id>[, <rule-id>...]` on the line a finding points at, or a
//   line `<file>:<line>: <rule-id>` in bad/expect for findings a comment cannot
//   mark (binary files, line 0);
// - good/, the nearest correct plan, must yield no finding at all.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "fixture_history.h"
#include "iooi/app/commands.h"

namespace fs = std::filesystem;
using namespace iooi;

namespace {

const fs::path fixtures_root = fs::path(IOOI_SOURCE_DIR) / "tests" / "fixtures" / "rules";
const Date fixture_reference_date = Date::from_ymd(2026, 2, 15);

using Expected = std::tuple<std::string, std::string, int>;  // rule id, file, line

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

void add_rule_list(std::set<Expected>& expected, const std::string& rules, const std::string& file,
                   int line) {
  std::stringstream list(rules);
  std::string rule;
  while (std::getline(list, rule, ',')) expected.emplace(trim(rule), file, line);
}

std::set<Expected> expected_findings(const fs::path& folder) {
  std::set<Expected> expected;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    const std::string file = fs::relative(entry.path(), folder).generic_string();
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text;
    int line = 0;
    while (std::getline(in, text)) {
      ++line;
      if (file == "expect") {
        // <file>:<line>: <rule-id>
        const auto colon = text.find(':');
        const auto second = text.find(':', colon + 1);
        if (trim(text).empty()) continue;
        REQUIRE_MESSAGE(second != std::string::npos, folder.string(), "/expect: ", text);
        add_rule_list(expected, text.substr(second + 1), text.substr(0, colon),
                      std::stoi(text.substr(colon + 1, second - colon - 1)));
        continue;
      }
      const auto mark = text.rfind("# expect:");
      if (mark != std::string::npos) add_rule_list(expected, text.substr(mark + 9), file, line);
    }
  }
  return expected;
}

Findings check_folder(const fs::path& folder) {
  PlanRequest request;
  request.working_dir = folder.string();
  request.jobs = 1;
  request.reference_date = fixture_reference_date;
  Notes notes;
  // check_plan() with the fixture's history, if it has one (fixture_history.h).
  Result<LoadOptions> options = load_options_of(request);
  REQUIRE(options);
  Result<LoadedPlan> loaded = load_plan(*options, notes);
  REQUIRE_MESSAGE(loaded, folder.string(), ": ", loaded ? "" : loaded.error().message);
  Result<CheckedPlan> checked =
      check_loaded(std::move(*loaded), request.reference_date, fixture_history(folder));
  REQUIRE_MESSAGE(fs::equivalent(fs::path(checked->load.root), folder), "plan root of ",
                  folder.string());
  return std::move(checked->findings);
}

std::set<Expected> actual_findings(const Findings& findings) {
  std::set<Expected> actual;
  for (const Finding& f : findings)
    actual.emplace(std::string(rule_info(f.rule).id), f.path, f.line);
  return actual;
}

std::string describe(const std::set<Expected>& findings) {
  std::string text;
  for (const auto& [rule, file, line] : findings)
    text += "\n  " + file + ":" + std::to_string(line) + ": " + rule;
  return text.empty() ? " (none)" : text;
}

std::string describe(const Findings& findings) {
  std::string text;
  for (const Finding& f : findings)
    text += "\n  " + f.path + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
            std::string(rule_info(f.rule).id) + ": " + f.message;
  return text.empty() ? " (none)" : text;
}

// docs/rules.md: a message says what is wrong and how to fix it. The fix is an
// imperative, a suggestion or an example; this looks for one of them.
bool has_fix_hint(std::string_view message) {
  static constexpr std::string_view hints[] = {
      "; add ",    "; remove ",  "; write ",  "; use ",       "; rename ", "; save ",
      "; delete ", "; correct ", "; give ",   "; keep ",      "; list ",   "; move ",
      "; put ",    "; set ",     "; align ",  "; check ",     "; point ",  "; name ",
      "; split ",  "; focus ",   "— remove ", "did you mean", "e.g. "};
  return std::any_of(std::begin(hints), std::end(hints), [&](std::string_view hint) {
    return message.find(hint) != std::string_view::npos;
  });
}

std::vector<std::string> fixture_rule_ids() {
  std::vector<std::string> ids;
  for (const auto& entry : fs::directory_iterator(fixtures_root))
    if (entry.is_directory()) ids.push_back(entry.path().filename().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

TEST_CASE("rule fixtures: one folder per rule of the catalogue, each with bad/ and good/") {
  std::vector<std::string> catalogue;
  for (const RuleInfo& info : all_rules()) catalogue.emplace_back(info.id);
  std::sort(catalogue.begin(), catalogue.end());
  CHECK(fixture_rule_ids() == catalogue);
  for (const std::string& id : fixture_rule_ids()) {
    INFO(id);
    CHECK(fs::is_directory(fixtures_root / id / "bad"));
    CHECK(fs::is_directory(fixtures_root / id / "good"));
  }
}

TEST_CASE("rule fixtures: bad/ yields exactly the marked findings, good/ none") {
  for (const std::string& id : fixture_rule_ids()) {
    const fs::path bad = fixtures_root / id / "bad";
    const fs::path good = fixtures_root / id / "good";
    {
      const std::set<Expected> expected = expected_findings(bad);
      const Findings findings = check_folder(bad);
      const std::set<Expected> actual = actual_findings(findings);
      INFO("fixture ", id, "/bad\nexpected:", describe(expected), "\nactual:", describe(findings));
      // Every bad fixture must demonstrate its own rule.
      CHECK(std::any_of(expected.begin(), expected.end(),
                        [&](const Expected& e) { return std::get<0>(e) == id; }));
      CHECK(actual == expected);
    }
    {
      const Findings findings = check_folder(good);
      INFO("fixture ", id, "/good:", describe(findings));
      CHECK(findings.empty());
    }
  }
}

TEST_CASE("rule fixtures: every rule's message in bad/ says how to fix it") {
  for (const std::string& id : fixture_rule_ids()) {
    for (const Finding& f : check_folder(fixtures_root / id / "bad")) {
      INFO("fixture ", id, "/bad: ", rule_info(f.rule).id, ": ", f.message);
      CHECK(has_fix_hint(f.message));
    }
  }
}
