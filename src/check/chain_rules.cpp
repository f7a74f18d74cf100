// Rules about the IOOI impact chain: chain-direction, chain-skip-level,
// chain-orphan, chain-unsupported, stage-mismatch, unmeasured.
#include <fmt/format.h>

#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rules.h"

namespace iooi::check {
namespace {

struct StageRange {
  int low, high;
};

// PHINEO Wirkungstreppe: steps 1-3 are outputs, 4-6 outcomes, 7 impact.
std::optional<StageRange> stage_range(Level level) {
  switch (level) {
    case Level::input:
      return std::nullopt;
    case Level::output:
      return StageRange{1, 3};
    case Level::outcome:
      return StageRange{4, 6};
    case Level::impact:
      return StageRange{7, 7};
  }
  return std::nullopt;
}

}  // namespace

void chain_direction(const RuleRun& run) {
  for (const Element& element : run.plan.elements) {
    for (const Link& link : element.contributes_to) {
      if (element.level == Level::impact) {
        run.report(Rule::chain_direction, link.at,
                   fmt::format("impact '{}' contributes to '{}', but impacts are the top of the "
                               "chain; remove contributes_to from the impact",
                               element.id, link.id));
        continue;
      }
      const Element* target = run.index.element(link.id);
      if (target == nullptr || target->level > element.level) continue;
      run.report(Rule::chain_direction, link.at,
                 fmt::format("{} '{}' contributes to {} '{}', which is not a higher level; point "
                             "contributes_to at a higher level (effects flow input -> output -> "
                             "outcome -> impact)",
                             level_name(element.level), element.id, level_name(target->level),
                             target->id));
    }
  }
}

void chain_skip_level(const RuleRun& run) {
  for (const Element& element : run.plan.elements) {
    for (const Link& link : element.contributes_to) {
      const Element* target = run.index.element(link.id);
      if (target == nullptr || target->level <= element.level) continue;
      const int gap = static_cast<int>(target->level) - static_cast<int>(element.level);
      if (gap < 2) continue;
      const std::string_view between = element.level == Level::output ? "the outcome"
                                       : target->level == Level::outcome
                                           ? "the output"
                                           : "the output and the outcome";
      run.report(Rule::chain_skip_level, link.at,
                 fmt::format("{} '{}' contributes directly to {} '{}', skipping a level; name {} "
                             "through which the effect happens and contribute to that instead",
                             level_name(element.level), element.id, level_name(target->level),
                             target->id, between));
    }
  }
}

void chain_orphan(const RuleRun& run) {
  for (const Element& element : run.plan.elements) {
    if (element.level == Level::impact || !element.contributes_to.empty()) continue;
    run.report(Rule::chain_orphan, element.at,
               fmt::format("{} '{}' contributes to nothing; add contributes_to with the {} it "
                           "leads to, or remove the element",
                           level_name(element.level), element.id,
                           level_name(static_cast<Level>(static_cast<int>(element.level) + 1))));
  }
}

void chain_unsupported(const RuleRun& run) {
  for (const Element& element : run.plan.elements) {
    if (element.level != Level::impact && element.level != Level::outcome) continue;
    if (element.id.empty() || run.index.supported_elements.contains(element.id)) continue;
    run.report(Rule::chain_unsupported, element.at,
               fmt::format("no element contributes to {} '{}'; add the {} that lead to it, with "
                           "contributes_to: [{}] on them",
                           level_name(element.level), element.id,
                           element.level == Level::impact ? "outcomes" : "outputs", element.id));
  }
}

void stage_mismatch(const RuleRun& run) {
  for (const Element& element : run.plan.elements) {
    if (!element.stage) continue;
    const Loc& at = best_loc(element.stage_at, element.at);
    const auto range = stage_range(element.level);
    if (!range) {
      run.report(Rule::stage_mismatch, at,
                 fmt::format("input '{}' has stage {}, but inputs have no Wirkungstreppe stage; "
                             "remove the stage",
                             element.id, *element.stage));
    } else if (*element.stage < range->low || *element.stage > range->high) {
      const std::string allowed = range->low == range->high
                                      ? fmt::format("{}", range->low)
                                      : fmt::format("{}-{}", range->low, range->high);
      run.report(Rule::stage_mismatch, at,
                 fmt::format("{} '{}' has stage {}, outside the {} range {}; use a stage in {} "
                             "or move the element to the level its stage names",
                             level_name(element.level), element.id, *element.stage,
                             level_name(element.level), allowed, allowed));
    }
  }
}

namespace {

// The weight of the measures that have a progress: monitors have none.
double weight_with_progress(const std::vector<Measure>& measures) {
  double total = 0.0;
  for (const Measure& measure : measures) {
    if (measure.type != MeasureType::monitor) total += measure.weight;
  }
  return total;
}

// What counts towards each element id before lower elements add theirs: its
// indicators and the objectives aligned to it that have a progress of their own.
std::unordered_map<std::string_view, double> own_weights(const Plan& plan) {
  std::unordered_map<std::string_view, double> weight;
  for (const Objective& objective : plan.objectives) {
    if (weight_with_progress(objective.key_results) <= 0.0) continue;  // no progress
    for (const Link& link : objective.aligns_to) weight[link.id] += link.weight;
  }
  for (const Element& element : plan.elements) {
    weight[element.id] += weight_with_progress(element.indicators);
  }
  return weight;
}

// The ids of the elements whose progress is defined (docs/progress.md, "Chain
// elements"): something counts towards them with a weight above 0 among their
// indicators (monitors never count), the objectives aligned to them (every objective
// that has a progress: check has no period scope) and the elements of a lower level,
// output or higher, that contribute to them and have a progress themselves. Computed
// bottom-up like the roll-up. By id, like PlanIndex::aligned_elements: a duplicate is
// duplicate-id's finding, not a second unmeasured one.
std::unordered_set<std::string_view> elements_with_progress(const Plan& plan) {
  std::unordered_map<std::string_view, double> weight = own_weights(plan);
  std::unordered_map<std::string_view, Level> level_of;
  for (const Element& element : plan.elements) level_of.try_emplace(element.id, element.level);
  std::unordered_set<std::string_view> defined;
  for (Level level : {Level::input, Level::output, Level::outcome, Level::impact}) {
    for (const Element& element : plan.elements) {
      if (element.level != level || weight[element.id] <= 0.0) continue;
      defined.insert(element.id);
      if (level == Level::input) continue;  // inputs never contribute progress
      for (const Link& link : element.contributes_to) {
        const auto target = level_of.find(link.id);
        // Only upwards: the roll-up ignores other links (chain-direction reports them).
        if (target != level_of.end() && target->second > level) weight[link.id] += link.weight;
      }
    }
  }
  return defined;
}

}  // namespace

void unmeasured(const RuleRun& run) {
  const std::unordered_set<std::string_view> defined = elements_with_progress(run.plan);
  for (const Element& element : run.plan.elements) {
    if (element.level == Level::input || element.id.empty()) continue;
    if (defined.contains(element.id)) continue;
    run.report(Rule::unmeasured, element.at,
               fmt::format("{} '{}' has no progress to show: no indicator with a target, "
                           "aligned objective or element below it with a progress counts "
                           "towards it (with a weight above 0); add an indicator or align an "
                           "objective to it",
                           level_name(element.level), element.id));
  }
}

}  // namespace iooi::check
