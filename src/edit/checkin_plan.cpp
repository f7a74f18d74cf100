#include "iooi/edit/checkin_plan.h"

#include <fmt/format.h>

#include <cstddef>
#include <map>
#include <tuple>

#include "iooi/check/check.h"
#include "iooi/model/decode.h"
#include "iooi/util/utf8.h"
#include "iooi/yaml/tree.h"

namespace iooi::edit {
namespace {

// Plans and fragments both hold elements with indicators and objectives with key results.
template <typename PlanOrFragment, typename Visit>
void for_each_measure(PlanOrFragment& plan, Visit visit) {
  for (auto& element : plan.elements) {
    for (auto& measure : element.indicators) visit(measure, true);
  }
  for (auto& objective : plan.objectives) {
    for (auto& measure : objective.key_results) visit(measure, false);
  }
}

bool is_config_path(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return path.substr(slash == std::string_view::npos ? 0 : slash + 1) == "iooi.yaml";
}

struct DecodedFile {
  PlanFragment fragment;
  Findings findings;
};

DecodedFile decode_bytes(std::string_view bytes, uint32_t file, const std::string& path) {
  DecodedFile decoded;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const yaml::Document document =
      yaml::read_yaml(bytes, path, yaml::ReadLimits{}, decoded.findings);
  decoded.fragment =
      decode_document(document.root, file, path, is_config_path(path), decoded.findings);
  return decoded;
}

using ErrorKey = std::tuple<Rule, std::string>;  // rule, file

std::map<ErrorKey, std::vector<const Finding*>> errors_by_key(const Findings& findings) {
  std::map<ErrorKey, std::vector<const Finding*>> errors;
  for (const Finding& finding : findings) {
    if (finding.severity == Severity::error) {
      errors[{finding.rule, finding.path}].push_back(&finding);
    }
  }
  return errors;
}

// The first error of `after` whose rule and file have more errors than in `before`.
std::string first_new_error(const Findings& before, const Findings& after) {
  auto old_errors = errors_by_key(before);
  for (const auto& [key, errors] : errors_by_key(after)) {
    if (errors.size() <= old_errors[key].size()) continue;
    const Finding& finding = *errors.back();
    return fmt::format("{}:{}: {} [{}]", message_excerpt(finding.path), finding.line,
                       finding.message, rule_info(finding.rule).id);
  }
  return {};
}

Findings checked(const Plan& plan, Date as_of) {
  Findings findings = run_checks(plan, CheckContext{as_of});
  apply_severities(findings, plan.config);
  return findings;
}

// Adds the new check-ins of one edited file, as the decoder read them, to `plan`.
std::string add_decoded_checkins(Plan& plan, const FileChange& change, PlanFragment& fragment) {
  std::map<std::string_view, size_t> added_per_measure;
  for (const ExpectedCheckin& expected : change.added) ++added_per_measure[expected.measure_id];
  for (const auto& entry : added_per_measure) {
    const std::string_view id = entry.first;
    const size_t count = entry.second;
    const Measure* decoded = nullptr;
    for_each_measure(fragment, [&](const Measure& m, bool) {
      if (m.id == id) decoded = &m;
    });
    Measure* target = nullptr;
    for_each_measure(plan, [&](Measure& m, bool) {
      if (m.id == id && m.at.file == change.file) target = &m;
    });
    if (decoded == nullptr || target == nullptr || decoded->checkins.size() < count) {
      return fmt::format("the edited file does not decode to check-ins of '{}'",
                         message_excerpt(id));
    }
    const auto first_new = decoded->checkins.end() - static_cast<std::ptrdiff_t>(count);
    target->checkins.insert(target->checkins.end(), first_new, decoded->checkins.end());
    target->has_checkins = true;
  }
  return {};
}

}  // namespace

std::vector<MeasureRef> find_measures(const Plan& plan, std::string_view id) {
  std::vector<MeasureRef> found;
  for_each_measure(plan, [&](const Measure& measure, bool indicator) {
    if (measure.id == id) found.push_back(MeasureRef{&measure, indicator});
  });
  return found;
}

std::vector<std::string_view> measure_ids(const Plan& plan) {
  std::vector<std::string_view> ids;
  for_each_measure(plan, [&](const Measure& measure, bool) { ids.push_back(measure.id); });
  return ids;
}

std::string prove_no_new_errors(const Plan& plan, const std::vector<FileChange>& changes,
                                Date as_of) {
  Plan edited = plan;
  for (const FileChange& change : changes) {
    const std::string& path = plan.files.at(change.file);
    DecodedFile before = decode_bytes(change.old_bytes, change.file, path);
    DecodedFile after = decode_bytes(change.new_bytes, change.file, path);
    apply_severities(before.findings, plan.config);
    apply_severities(after.findings, plan.config);
    if (std::string error = first_new_error(before.findings, after.findings); !error.empty()) {
      return error;
    }
    if (std::string error = add_decoded_checkins(edited, change, after.fragment); !error.empty()) {
      return error;
    }
  }
  return first_new_error(checked(plan, as_of), checked(edited, as_of));
}

}  // namespace iooi::edit
