#pragma once
// Findings are values: every stage appends them to a vector it is given and
// nothing throws them across module boundaries.
#include <string>
#include <vector>

#include "iooi/diag/rule.h"

namespace iooi {

struct Finding {
  Rule rule;
  Severity severity;  // the rule's default until apply_severities() runs
  std::string path;   // as shown to the user (relative to the current folder)
  int line = 0;       // 1-based; 0 when the problem has no place inside the file
  int column = 0;     // 1-based; 0 when unknown
  std::string message;
};

using Findings = std::vector<Finding>;

Finding make_finding(Rule rule, std::string path, int line, int column, std::string message);

struct FindingCounts {
  size_t errors = 0, warnings = 0, infos = 0;

  size_t total() const { return errors + warnings + infos; }
  void add(Severity severity);
  FindingCounts& operator+=(const FindingCounts& other);
};

// A run shows at most this many findings; the rest are counted by severity, not
// stored, and reported in one line "and N more" (docs/limits.md).
inline constexpr size_t max_findings_shown = 10'000;
FindingCounts count_findings(const Findings& findings);

// Orders by path, line, column, rule id, message: the order users see.
void sort_findings(Findings& findings);

}  // namespace iooi
