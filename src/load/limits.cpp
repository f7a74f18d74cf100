#include "iooi/load/limits.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <optional>

namespace iooi {
namespace {

struct LimitField {
  std::string_view name;
  size_t unit;  // bytes (or nodes, files) per unit of the name
  size_t& (*slot)(LoadOptions&);
  const std::optional<LimitSetting>& (*setting)(const LimitOverrides&);
};

// The names are the keys of plan.limits (docs/limits.md); decode.cpp reads them.
const std::array<LimitField, 6> fields = {{
    {"file_size_mib", size_t{1} << 20,
     [](LoadOptions& o) -> size_t& { return o.limits.max_file_bytes; },
     [](const LimitOverrides& l) -> const std::optional<LimitSetting>& { return l.file_size_mib; }},
    {"value_size_kib", size_t{1} << 10,
     [](LoadOptions& o) -> size_t& { return o.limits.max_scalar_bytes; },
     [](const LimitOverrides& l) -> const std::optional<LimitSetting>& {
       return l.value_size_kib;
     }},
    {"expanded_nodes", 1, [](LoadOptions& o) -> size_t& { return o.limits.max_expanded_nodes; },
     [](const LimitOverrides& l) -> const std::optional<LimitSetting>& {
       return l.expanded_nodes;
     }},
    {"expanded_size_mib", size_t{1} << 20,
     [](LoadOptions& o) -> size_t& { return o.limits.max_expanded_bytes; },
     [](const LimitOverrides& l) -> const std::optional<LimitSetting>& {
       return l.expanded_size_mib;
     }},
    {"files", 1, [](LoadOptions& o) -> size_t& { return o.max_files; },
     [](const LimitOverrides& l) -> const std::optional<LimitSetting>& { return l.files; }},
    {"total_nodes", 1, [](LoadOptions& o) -> size_t& { return o.max_total_nodes; },
     [](const LimitOverrides& l) -> const std::optional<LimitSetting>& { return l.total_nodes; }},
}};

constexpr size_t max_value = 1'000'000'000;

}  // namespace

std::string limit_names() {
  std::string names;
  for (const LimitField& field : fields) {
    if (!names.empty()) names += ", ";
    names += field.name;
  }
  return names;
}

std::string set_limit_option(LoadOptions& options, std::string_view assignment) {
  const size_t equals = assignment.find('=');
  const std::string_view name = assignment.substr(0, equals);
  for (const LimitField& field : fields) {
    if (field.name != name) continue;
    const std::string_view text =
        equals == std::string_view::npos ? std::string_view() : assignment.substr(equals + 1);
    size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 1 ||
        value > max_value) {
      return fmt::format("--limit {} needs a whole number from 1 to {}, e.g. --limit {}=128",
                         field.name, max_value, field.name);
    }
    field.slot(options) = value * field.unit;
    return "";
  }
  return fmt::format("--limit needs NAME=VALUE with NAME one of {}", limit_names());
}

void apply_plan_limits(const LimitOverrides& overrides, const std::string& config_path,
                       LoadOptions& options, Findings& findings) {
  for (const LimitField& field : fields) {
    const std::optional<LimitSetting>& setting = field.setting(overrides);
    if (!setting) continue;
    size_t& current = field.slot(options);
    const size_t wanted = setting->value * field.unit;
    if (wanted <= current) {
      current = wanted;
      continue;
    }
    findings.push_back(make_finding(
        Rule::type, config_path, setting->at.line, setting->at.column,
        fmt::format("`{}: {}` would raise the limit of {}; iooi.yaml can only lower limits — "
                    "raise it on the command line with --limit {}={} (docs/limits.md)",
                    field.name, setting->value, current / field.unit, field.name, setting->value)));
  }
}

}  // namespace iooi
