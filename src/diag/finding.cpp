#include "iooi/diag/finding.h"

#include <algorithm>
#include <tuple>

namespace iooi {

Finding make_finding(Rule rule, std::string path, int line, int column, std::string message) {
  return Finding{
      rule, rule_info(rule).default_severity, std::move(path), line, column, std::move(message)};
}

void FindingCounts::add(Severity severity) {
  if (severity == Severity::error) ++errors;
  if (severity == Severity::warning) ++warnings;
  if (severity == Severity::info) ++infos;
}

FindingCounts& FindingCounts::operator+=(const FindingCounts& other) {
  errors += other.errors;
  warnings += other.warnings;
  infos += other.infos;
  return *this;
}

FindingCounts count_findings(const Findings& findings) {
  FindingCounts counts;
  for (const Finding& f : findings) counts.add(f.severity);
  return counts;
}

void sort_findings(Findings& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::forward_as_tuple(a.path, a.line, a.column, rule_info(a.rule).id, a.message) <
           std::forward_as_tuple(b.path, b.line, b.column, rule_info(b.rule).id, b.message);
  });
}

}  // namespace iooi
