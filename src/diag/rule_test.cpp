#include "iooi/diag/rule.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "iooi/diag/finding.h"

using namespace iooi;

TEST_CASE("the rule catalogue is indexed by the Rule enum and ids are unique") {
  std::set<std::string_view> ids;
  size_t index = 0;
  for (const RuleInfo& info : all_rules()) {
    CHECK(static_cast<size_t>(info.rule) == index++);
    CHECK(ids.insert(info.id).second);
    CHECK(rule_from_id(info.id) == info.rule);
    CHECK(!info.summary.empty());
    CHECK(!info.help.empty());
  }
  CHECK_FALSE(rule_from_id("no-such-rule").has_value());
}

TEST_CASE("default severities follow the specification") {
  CHECK(rule_info(Rule::unmeasured).default_severity == Severity::info);
  CHECK(rule_info(Rule::chain_orphan).default_severity == Severity::warning);
  CHECK(rule_info(Rule::checkin_future).default_severity == Severity::error);
  CHECK(rule_info(Rule::empty_file).default_severity == Severity::warning);
}

TEST_CASE("findings sort by path, line and column") {
  Findings findings = {make_finding(Rule::type, "b.yaml", 1, 1, "x"),
                       make_finding(Rule::type, "a.yaml", 9, 1, "x"),
                       make_finding(Rule::type, "a.yaml", 2, 5, "x")};
  sort_findings(findings);
  CHECK(findings[0].path == "a.yaml");
  CHECK(findings[0].line == 2);
  CHECK(findings[1].line == 9);
  CHECK(findings[2].path == "b.yaml");
  const FindingCounts counts = count_findings(findings);
  CHECK(counts.errors == 3);
}
