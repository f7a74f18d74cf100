#pragma once
// Turns one file's YAML tree into typed plan pieces, reporting schema findings
// (unknown-key with did-you-mean, missing-field, type, invalid-id, invalid-date,
// confidence-range) as it goes. Works on one file alone so files decode in parallel.
#include <string>

#include "iooi/diag/finding.h"
#include "iooi/model/plan.h"
#include "iooi/yaml/tree.h"

namespace iooi {

struct PlanFragment {
  std::optional<Config> config;  // set when the file has a `plan` section
  std::vector<Team> teams;
  std::vector<Element> elements;
  std::vector<Objective> objectives;
};

// `is_config_file` is true for iooi.yaml (the only file that may hold `plan`).
PlanFragment decode_document(const yaml::Node* root, uint32_t file_index, const std::string& path,
                             bool is_config_file, Findings& findings);

// Appends a fragment to the plan (files are merged in path order).
void merge_fragment(Plan& plan, PlanFragment&& fragment);

}  // namespace iooi
