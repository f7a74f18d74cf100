// Rules about iooi.yaml's plan section: unknown-rule.
#include <fmt/format.h>

#include "rules.h"

namespace iooi::check {

void unknown_rule(const RuleRun& run) {
  std::vector<std::string_view> rule_ids;
  for (const RuleInfo& info : all_rules()) rule_ids.push_back(info.id);
  for (const RuleOverride& entry : run.plan.config.rules) {
    if (rule_from_id(entry.rule)) continue;
    run.report(Rule::unknown_rule, best_loc(entry.at, run.plan.config.at),
               fmt::format("plan.rules names '{}', which is not a rule{}; use a rule id listed "
                           "by `iooi rules`",
                           entry.rule, run.did_you_mean(entry.rule, rule_ids)));
  }
}

}  // namespace iooi::check
