#include "iooi/diag/rule.h"

#include <array>

namespace iooi {
namespace {

using enum Severity;

constexpr std::array catalog = {
    RuleInfo{Rule::yaml_syntax, "yaml-syntax", error, "the file is not valid YAML",
             "Fix the YAML at the reported place: usually indentation, a missing colon or an "
             "unclosed quote or bracket."},
    RuleInfo{Rule::yaml_duplicate_key, "yaml-duplicate-key", error, "a mapping repeats a key",
             "YAML tools silently keep only one of the values; remove or rename the repeated key."},
    RuleInfo{Rule::yaml_structure, "yaml-structure", error,
             "more than one document, root not a mapping, or nesting, size or alias expansion past "
             "the limits",
             "Keep one document per file whose top level maps section names to lists; split very "
             "large files and avoid deeply nested or self-referencing anchors."},
    RuleInfo{Rule::encoding, "encoding", error, "the file is not UTF-8 text",
             "Save the file as UTF-8 (without NUL bytes); most editors offer this in the save "
             "dialog."},
    RuleInfo{Rule::empty_file, "empty-file", warning, "a plan file with no content",
             "Add content or delete the file."},
    RuleInfo{
        Rule::unknown_key, "unknown-key", error, "a key the format does not define",
        "Check the spelling against the suggestion or docs/format.md; iooi rejects unknown keys "
        "so that typos cannot hide data."},
    RuleInfo{Rule::missing_field, "missing-field", error, "a required field is absent",
             "Add the field named in the message."},
    RuleInfo{Rule::type, "type", error,
             "a value of the wrong type, e.g. text where a number is required, or a non-finite "
             "number",
             "Write the value in the form the message names; quotes make a number into text."},
    RuleInfo{Rule::invalid_id, "invalid-id", error, "an id that breaks the id syntax",
             "Ids start with a letter or digit, then letters, digits, '_', '.' or '-', at most 64 "
             "characters. A custom period may not be named `all` or like a built-in period "
             "(2026, 2026-H1, 2026-Q1, 2026-03)."},
    RuleInfo{Rule::duplicate_id, "duplicate-id", error, "an id defined twice",
             "Ids are unique across elements, indicators, objectives and key results of the whole "
             "plan; rename one of the two."},
    RuleInfo{Rule::id_case_clash, "id-case-clash", warning,
             "two ids that differ only in letter case",
             "Ids are case-sensitive, which makes such pairs easy to confuse; rename one."},
    RuleInfo{Rule::unknown_reference, "unknown-reference", error,
             "contributes_to, aligns_to or owner names nothing",
             "Correct the id (see the suggestion) or define the element or team it refers to."},
    RuleInfo{Rule::invalid_date, "invalid-date", error,
             "not a real calendar date in YYYY-MM-DD form",
             "Write the date as YYYY-MM-DD, e.g. 2026-03-31, and check that the day exists."},
    RuleInfo{Rule::unknown_period, "unknown-period", error,
             "a period id that is neither built-in nor declared",
             "Use YYYY, YYYY-H1, YYYY-Q1 to YYYY-Q4 or YYYY-MM, or declare the period in "
             "plan.periods in iooi.yaml."},
    RuleInfo{
        Rule::chain_direction, "chain-direction", error,
        "contributes_to points to the same or a lower level, or from an impact",
        "Effects flow upwards: input -> output -> outcome -> impact. Point contributes_to at a "
        "higher level."},
    RuleInfo{
        Rule::chain_skip_level, "chain-skip-level", warning,
        "an output contributes directly to an impact, or an input to an outcome or impact",
        "Name the intermediate step: the outcome (or output) through which the effect happens."},
    RuleInfo{Rule::chain_orphan, "chain-orphan", warning,
             "a non-impact element that contributes to nothing",
             "Add contributes_to, so that the element's effect on the chain is visible, or remove "
             "it."},
    RuleInfo{Rule::chain_unsupported, "chain-unsupported", warning,
             "an impact or outcome with no element contributing to it",
             "Add the outputs or outcomes that lead to it, with contributes_to on them."},
    RuleInfo{
        Rule::stage_mismatch, "stage-mismatch", error, "stage outside its level's range",
        "Wirkungstreppe stages are 1-3 for outputs, 4-6 for outcomes and 7 for impacts; inputs "
        "have none."},
    RuleInfo{Rule::unmeasured, "unmeasured", info,
             "an output, outcome or impact with no indicator and no aligned objective",
             "Add an indicator or align an objective to it, so that its progress can be seen."},
    RuleInfo{Rule::okr_no_key_results, "okr-no-key-results", error,
             "an objective without key results",
             "Add at least one key result that measures the objective."},
    RuleInfo{Rule::okr_too_many_key_results, "okr-too-many-key-results", warning,
             "more than 5 key results in one objective",
             "Focus on the 3-5 results that matter most, or split the objective."},
    RuleInfo{Rule::okr_too_many_objectives, "okr-too-many-objectives", warning,
             "an owner with more than 5 objectives in one period",
             "Focus: keep at most 5 objectives per owner and period; merge related objectives or "
             "move some to a later period."},
    RuleInfo{Rule::okr_unaligned, "okr-unaligned", warning,
             "an objective aligned to nothing in the chain",
             "Add aligns_to with the chain element the objective serves."},
    RuleInfo{Rule::okr_aligns_to_input, "okr-aligns-to-input", warning,
             "an objective aligned only to inputs",
             "Inputs carry no progress; align the objective to the output or outcome it moves."},
    RuleInfo{Rule::measure_target_equals_baseline, "measure-target-equals-baseline", error,
             "target == baseline",
             "Progress is measured from baseline to target, so they must differ."},
    RuleInfo{Rule::measure_current_and_checkins, "measure-current-and-checkins", error,
             "both current and checkins",
             "Keep either a single current value or the list of check-ins, not both."},
    RuleInfo{Rule::measure_zero_weight, "measure-zero-weight", error,
             "the weights of an objective's key results sum to 0",
             "Give at least one key result a weight above 0."},
    RuleInfo{Rule::percent_range, "percent-range", warning,
             "unit % with a baseline, target or value outside 0-100",
             "Percentages lie between 0 and 100; check the value or the unit."},
    RuleInfo{Rule::indicator_dates, "indicator-dates", error,
             "only one of baseline_date/target_date, or target_date before baseline_date",
             "Give both dates, with target_date after baseline_date, or neither."},
    RuleInfo{Rule::checkin_order, "checkin-order", warning, "check-ins not in date order",
             "List check-ins from oldest to newest so that the file reads as a history."},
    RuleInfo{Rule::checkin_duplicate_date, "checkin-duplicate-date", warning,
             "two check-ins on the same day",
             "Keep one check-in per day; the one listed last counts."},
    RuleInfo{Rule::checkin_future, "checkin-future", error,
             "a check-in dated after the reference date (check --as-of, default today)",
             "Correct the date, or pass --as-of when checking a plan as of a later day."},
    RuleInfo{Rule::checkin_outside_period, "checkin-outside-period", warning,
             "a key result's check-in outside its objective's period",
             "Move the check-in to the key result of the period it belongs to, or correct its "
             "date."},
    RuleInfo{Rule::checkin_stale, "checkin-stale", warning,
             "a key result of a running objective not checked in for more than stale_days",
             "Add a check-in with the current value. The age counts from the latest check-in on or "
             "before the reference date, else from the period's start; plan.stale_days sets the "
             "threshold (default 14)."},
    RuleInfo{Rule::confidence_range, "confidence-range", error, "confidence not an integer 1-10",
             "Rate confidence as a whole number from 1 (no chance) to 10 (certain)."},
    RuleInfo{Rule::unknown_rule, "unknown-rule", error,
             "plan.rules names a rule that does not exist",
             "Use a rule id listed by `iooi rules`."},
};

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

std::optional<Severity> severity_from_name(std::string_view name) {
  for (Severity s : {Severity::off, Severity::info, Severity::warning, Severity::error})
    if (severity_name(s) == name) return s;
  return std::nullopt;
}

std::span<const RuleInfo> all_rules() { return catalog; }

const RuleInfo& rule_info(Rule rule) { return catalog[static_cast<size_t>(rule)]; }

std::optional<Rule> rule_from_id(std::string_view id) {
  for (const RuleInfo& info : catalog)
    if (info.id == id) return info.rule;
  return std::nullopt;
}

}  // namespace iooi
