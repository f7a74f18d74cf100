#include "iooi/diag/rule.h"

#include <array>

namespace iooi {
namespace {

using enum Severity;

constexpr std::array catalog = {
#define IOOI_READ_RULE(name, id, severity, summary, help) \
  RuleInfo{Rule::name, id, severity, RuleKind::read, summary, help},
#define IOOI_CHECK_RULE(name, id, severity, summary, help) \
  RuleInfo{Rule::name, id, severity, RuleKind::check, summary, help},
#include "iooi/diag/rules.def"
};

// rule_info() looks a rule up by its enumerator: both come from rules.def in the same order.
constexpr bool indexed_by_rule() {
  for (size_t i = 0; i < catalog.size(); ++i)
    if (catalog[i].rule != static_cast<Rule>(i)) return false;
  return true;
}
static_assert(indexed_by_rule());

}  // namespace

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::off:
      return "off";
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::span<const RuleInfo> all_rules() { return catalog; }

const RuleInfo& rule_info(Rule rule) { return catalog[static_cast<size_t>(rule)]; }

std::optional<Rule> rule_from_id(std::string_view id) {
  for (const RuleInfo& info : catalog)
    if (info.id == id) return info.rule;
  return std::nullopt;
}

}  // namespace iooi
