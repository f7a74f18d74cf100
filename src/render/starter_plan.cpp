// The starter plan of `iooi init`: every part of the format once, small enough to
// read in a minute, and clean under `iooi check --strict` on the day it is made.
#include "iooi/render/starter_plan.h"

#include <fmt/format.h>

namespace iooi {

namespace {

std::string config_file() {
  return fmt::format(
      R"(# The settings of this iooi plan. Every *.yaml file in this folder and below
# belongs to the plan: run `iooi check` to validate it and `iooi report` for the
# progress of the current quarter. `iooi rules` lists what is checked.
plan:
  name: Our impact plan
  language: en          # or de: the language of reports
  stale_days: 14        # a key result without a check-in for longer is stale
  # rules:              # change how strict a rule is: error | warning | info | off
  #   okr-unaligned: error

teams:
  - {{id: team, name: Our team}}
)");
}

std::string chain_file(int year) {
  return fmt::format(
      R"(# The impact chain (IOOI): inputs -> outputs -> outcomes -> impacts.
# Each element names the higher-level elements it contributes to; indicators
# measure the change over the years.
impacts:
  - id: I-participation
    title: More people take part in the digital society
    stage: 7
    indicators:
      - id: IND-participation
        title: Share of the region's residents who use digital public services
        unit: "%"
        baseline: 40
        target: 60
        baseline_date: {year}-01-01
        target_date: {target_year}-12-31

outcomes:
  - id: OC-skills
    title: Participants use what they learned in everyday life
    stage: 5
    contributes_to: [I-participation]
    indicators:
      - id: IND-skills
        title: Share of participants who apply what they learned
        unit: "%"
        baseline: 0
        target: 50

outputs:
  - id: OP-workshops
    title: Hands-on workshops for the target group
    stage: 2
    contributes_to: [OC-skills]

inputs:
  - id: IN-team
    title: Trainers, rooms and funding
    contributes_to: [OP-workshops]
)",
      fmt::arg("year", year), fmt::arg("target_year", year + 2));
}

std::string objectives_file(const std::string& period, const std::string& tag,
                            const std::string& day) {
  return fmt::format(
      R"(# Objectives and key results of {period}. Check in a new value every week or two:
#   - {{date: YYYY-MM-DD, value: 42, confidence: 7}}
objectives:
  - id: O-{tag}-workshops
    title: Our workshops reach the people they are meant for
    period: {period}
    owner: team
    aligns_to: [OP-workshops, OC-skills]
    key_results:
      - id: KR-{tag}-participants
        title: Participants in workshops
        unit: people
        baseline: 0
        target: 100
        checkins:
          - {{date: {day}, value: 0, confidence: 5, note: Starting point}}
      - id: KR-{tag}-guide
        title: The workshop guide is published
        type: milestone
        checkins:
          - {{date: {day}, value: false}}
)",
      fmt::arg("period", period), fmt::arg("tag", tag), fmt::arg("day", day));
}

}  // namespace

std::vector<StarterFile> starter_plan(Date today) {
  const int year = today.year();
  const unsigned quarter = (today.month() - 1) / 3 + 1;
  const std::string period = fmt::format("{}-Q{}", year, quarter);
  const std::string tag = fmt::format("{}Q{}", year, quarter);  // for ids: O-2026Q1-...
  return {
      {"iooi.yaml", config_file()},
      {"chain.yaml", chain_file(year)},
      {fmt::format("okrs/{}.yaml", period), objectives_file(period, tag, today.to_string())},
  };
}

}  // namespace iooi
