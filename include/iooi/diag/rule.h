#pragma once
// The catalogue of rules: every finding names one of these, by a stable id that
// users put in `plan.rules` and that CI tools key on. Rules are registered in
// rules.def; this header and src/diag/rule.cpp only expand that list.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace iooi {

enum class Severity { off, info, warning, error };

std::string_view severity_name(Severity severity);  // "error", "warning", "info", "off"

// One enumerator per entry of rules.def, in its order.
enum class Rule {
#define IOOI_READ_RULE(name, id, severity, summary, help) name,
#define IOOI_CHECK_RULE(name, id, severity, summary, help) name,
#include "iooi/diag/rules.def"
};

// Where a rule's findings come from: reading and decoding files, or a check
// function over the merged plan (src/check).
enum class RuleKind : uint8_t { read, check };

struct RuleInfo {
  Rule rule;
  std::string_view id;  // e.g. "chain-orphan"
  Severity default_severity;
  RuleKind kind;
  std::string_view summary;  // one line: what it finds
  std::string_view help;     // how to fix it (one or two sentences)
};

std::span<const RuleInfo> all_rules();  // in the order of rules.def and docs/rules.md
const RuleInfo& rule_info(Rule rule);
std::optional<Rule> rule_from_id(std::string_view id);

}  // namespace iooi
