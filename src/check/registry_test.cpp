// The rule registry (include/iooi/diag/rules.def) is the only place a rule is
// written down; these tests prove that what is made from it agrees: the
// catalogue, the dispatch of run_checks(), `iooi rules` in both formats and
// docs/rules.md. (rule_fixtures_test.cpp proves every rule has bad/ and good/.)
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fixture_history.h"
#include "iooi/check/check.h"
#include "iooi/diag/rule.h"
#include "iooi/load/load_plan.h"
#include "iooi/render/rules_output.h"
#include "rules.h"

namespace fs = std::filesystem;
using namespace iooi;

namespace {

const fs::path source_dir = fs::path(IOOI_SOURCE_DIR);

std::vector<Rule> catalogue_rules(RuleKind kind) {
  std::vector<Rule> rules;
  for (const RuleInfo& info : all_rules())
    if (info.kind == kind) rules.push_back(info.rule);
  return rules;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read ", path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Plan load_fixture(const fs::path& folder) {
  LoadOptions options;
  options.working_dir = folder.string();
  options.jobs = 1;
  Notes notes;
  Result<LoadedPlan> loaded = load_plan(options, notes);
  REQUIRE_MESSAGE(loaded, folder.string(), ": ", loaded ? "" : loaded.error().message);
  return std::move(loaded->plan);
}

}  // namespace

TEST_CASE("registry: the dispatch runs exactly the CHECK rules, in catalogue order") {
  std::vector<Rule> dispatched;
  for (const check::RuleCheck& entry : check::rule_checks()) {
    CHECK(static_cast<bool>(entry.run));
    dispatched.push_back(entry.rule);
  }
  CHECK(dispatched == catalogue_rules(RuleKind::check));
  // Both kinds exist, so the comparison above is not between two empty lists.
  CHECK_FALSE(catalogue_rules(RuleKind::check).empty());
  CHECK_FALSE(catalogue_rules(RuleKind::read).empty());
}

TEST_CASE("registry: each check function finds its own rule in its bad fixture, and only it") {
  for (const check::RuleCheck& entry : check::rule_checks()) {
    const std::string_view id = rule_info(entry.rule).id;
    INFO("rule ", id);
    const fs::path bad = source_dir / "tests" / "fixtures" / "rules" / id / "bad";
    const Plan plan = load_fixture(bad);
    const check::PlanIndex index = check::build_index(plan);
    const CheckContext context{Date::from_ymd(2026, 2, 15), fixture_history(bad)};
    Findings findings;
    SuggestBudget suggestions;
    check::FindingOverflow overflow;
    entry.run(check::RuleRun{plan, context, index, findings, suggestions, overflow});
    CHECK_FALSE(findings.empty());
    for (const Finding& finding : findings) CHECK(rule_info(finding.rule).id == id);
  }
}

TEST_CASE("registry: `iooi rules` prints one line per catalogue rule, in order") {
  const std::vector<std::string> lines = lines_of(render_rules_text());
  REQUIRE(lines.size() == all_rules().size());
  for (size_t i = 0; i < lines.size(); ++i) {
    const RuleInfo& info = all_rules()[i];
    INFO(lines[i]);
    // id, default severity and summary, in columns padded with spaces
    const std::string id = std::string(info.id) + " ";
    const std::string summary = "  " + std::string(info.summary);
    REQUIRE(lines[i].starts_with(id));
    REQUIRE(lines[i].ends_with(summary));
    const std::string middle =
        lines[i].substr(id.size(), lines[i].size() - id.size() - summary.size());
    const size_t first = middle.find_first_not_of(' ');
    REQUIRE(first != std::string::npos);
    CHECK(middle.substr(first, middle.find_last_not_of(' ') + 1 - first) ==
          severity_name(info.default_severity));
  }
}

TEST_CASE("registry: `iooi rules --format markdown` has a row and a section per rule, in order") {
  const std::string markdown = render_rules_markdown();
  size_t row = 0;
  size_t section = 0;
  for (const RuleInfo& info : all_rules()) {
    INFO(info.id);
    const std::string id(info.id);
    const size_t next_row = markdown.find("| [`" + id + "`](#" + id + ") | ");
    const size_t next_section = markdown.find("\n## " + id + "\n");
    REQUIRE(next_row != std::string::npos);
    REQUIRE(next_section != std::string::npos);
    CHECK(next_row >= row);
    CHECK(next_section >= section);
    row = next_row;
    section = next_section;
  }
  CHECK(row < markdown.find("\n## "));  // the table comes before the sections
}

TEST_CASE("registry: docs/rules.md is exactly `iooi rules --format markdown`") {
  // Regenerate with: iooi rules --format markdown -o docs/rules.md
  CHECK(file_text(source_dir / "docs" / "rules.md") == render_rules_markdown());
}
