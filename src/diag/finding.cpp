#include "iooi/diag/finding.h"

#include <algorithm>
#include <tuple>

namespace iooi {

Finding make_finding(Rule rule, std::string path, int line, int column, std::string message) {
  return Finding{
      rule, rule_info(rule).default_severity, std::move(path), line, column, std::move(message)};
}

FindingCounts count_findings(const Findings& findings) {
  FindingCounts counts;
  for (const Finding& f : findings) {
    if (f.severity == Severity::error) ++counts.errors;
    if (f.severity == Severity::warning) ++counts.warnings;
    if (f.severity == Severity::info) ++counts.infos;
  }
  return counts;
}

void sort_findings(Findings& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::forward_as_tuple(a.path, a.line, a.column, rule_info(a.rule).id, a.message) <
           std::forward_as_tuple(b.path, b.line, b.column, rule_info(b.rule).id, b.message);
  });
}

}  // namespace iooi
