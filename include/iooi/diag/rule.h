#pragma once
// The catalogue of rules: every finding names one of these, by a stable id that
// users put in `plan.rules` and that CI tools key on.
#include <optional>
#include <span>
#include <string_view>

namespace iooi {

enum class Severity { off, info, warning, error };

std::string_view severity_name(Severity severity);  // "error", "warning", "info", "off"
std::optional<Severity> severity_from_name(std::string_view name);

enum class Rule {
  yaml_syntax,
  yaml_duplicate_key,
  yaml_structure,
  encoding,
  empty_file,
  unknown_key,
  missing_field,
  type,
  invalid_id,
  duplicate_id,
  id_case_clash,
  unknown_reference,
  invalid_date,
  unknown_period,
  chain_direction,
  chain_skip_level,
  chain_orphan,
  chain_unsupported,
  stage_mismatch,
  unmeasured,
  okr_no_key_results,
  okr_too_many_key_results,
  okr_too_many_objectives,
  okr_unaligned,
  okr_aligns_to_input,
  measure_target_equals_baseline,
  measure_current_and_checkins,
  measure_zero_weight,
  percent_range,
  indicator_dates,
  checkin_order,
  checkin_duplicate_date,
  checkin_future,
  checkin_outside_period,
  checkin_stale,
  confidence_range,
  unknown_rule,
};

struct RuleInfo {
  Rule rule;
  std::string_view id;  // e.g. "chain-orphan"
  Severity default_severity;
  std::string_view summary;  // one line: what it finds
  std::string_view help;     // how to fix it (one or two sentences)
};

std::span<const RuleInfo> all_rules();  // in the order of docs/rules.md
const RuleInfo& rule_info(Rule rule);
std::optional<Rule> rule_from_id(std::string_view id);

}  // namespace iooi
