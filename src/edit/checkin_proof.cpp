// The proof behind every check-in write (docs/checkins.md): the edited text,
// read again, holds the old data plus exactly the new check-ins.
#include <fmt/format.h>

#include <cctype>
#include <map>

#include "iooi/edit/checkin_edit.h"
#include "iooi/util/utf8.h"
#include "measure_locator.h"

namespace iooi::edit {
namespace {

using yaml::Node;
using yaml::NodeKind;

std::string_view without_bom(std::string_view bytes) {
  return bytes.substr(0, 3) == "\xEF\xBB\xBF" ? bytes.substr(3) : bytes;
}

bool same_data(const Node& a, const Node& b, int depth = 0) {
  if (a.kind != b.kind || a.children.size() != b.children.size() || depth > 200) return false;
  if (a.kind == NodeKind::scalar) return a.value == b.value && a.quoted == b.quoted;
  for (size_t i = 0; i < a.children.size(); ++i) {
    if (!same_data(*a.children[i], *b.children[i], depth + 1)) return false;
  }
  return true;
}

bool plain_scalar_is(const Node* node, std::string_view text) {
  return node != nullptr && node->kind == NodeKind::scalar && !node->quoted && node->value == text;
}

// The check-in item written for `entry`: its fields, in order, and nothing else.
bool is_entry(const Node& item, const CheckinEntry& entry) {
  if (item.kind != NodeKind::mapping) return false;
  const size_t fields = 2 + (entry.confidence ? 1 : 0) + (entry.note ? 1 : 0);
  if (item.size() != fields || !plain_scalar_is(item.key(0), "date") ||
      !plain_scalar_is(item.value_at(0), entry.date.to_string()) ||
      !plain_scalar_is(item.key(1), "value") || !plain_scalar_is(item.value_at(1), entry.value)) {
    return false;
  }
  size_t next = 2;
  if (entry.confidence) {
    if (!plain_scalar_is(item.key(next), "confidence") ||
        !plain_scalar_is(item.value_at(next), std::to_string(*entry.confidence))) {
      return false;
    }
    ++next;
  }
  if (entry.note) {
    const Node* note = item.value_at(next);
    if (!plain_scalar_is(item.key(next), "note") || note->kind != NodeKind::scalar ||
        note->value != *entry.note || (!note->quoted && note->is_plain_null())) {
      return false;
    }
  }
  return true;
}

using Additions = std::map<const Node*, std::vector<const CheckinEntry*>>;

class Comparison {
 public:
  explicit Comparison(const Additions& additions) : additions_(additions) {}

  bool equal(const Node& old_node, const Node& new_node, int depth = 0) {
    if (depth > 200) return false;
    if (auto found = additions_.find(&old_node); found != additions_.end()) {
      return measure_equal(old_node, new_node, found->second);
    }
    if (old_node.kind != new_node.kind || old_node.children.size() != new_node.children.size()) {
      return false;
    }
    if (old_node.kind == NodeKind::scalar) {
      return old_node.value == new_node.value && old_node.quoted == new_node.quoted;
    }
    for (size_t i = 0; i < old_node.children.size(); ++i) {
      if (!equal(*old_node.children[i], *new_node.children[i], depth + 1)) return false;
    }
    return true;
  }

 private:
  static bool list_equal(const Node* old_list, const Node& new_list,
                         const std::vector<const CheckinEntry*>& added) {
    const size_t kept =
        old_list != nullptr && old_list->kind == NodeKind::sequence ? old_list->children.size() : 0;
    if (new_list.kind != NodeKind::sequence || new_list.children.size() != kept + added.size()) {
      return false;
    }
    for (size_t i = 0; i < kept; ++i) {
      if (!same_data(*old_list->children[i], *new_list.children[i])) return false;
    }
    for (size_t i = 0; i < added.size(); ++i) {
      if (!is_entry(*new_list.children[kept + i], *added[i])) return false;
    }
    return true;
  }

  static bool measure_equal(const Node& old_map, const Node& new_map,
                            const std::vector<const CheckinEntry*>& added) {
    if (new_map.kind != NodeKind::mapping) return false;
    const Node* old_list = old_map.find("checkins");
    const size_t expected_size = old_map.size() + (old_map.find("checkins") == nullptr ? 1 : 0);
    if (new_map.size() != expected_size) return false;
    for (size_t i = 0; i < new_map.size(); ++i) {
      const bool is_list = plain_scalar_is(new_map.key(i), "checkins");
      if (i >= old_map.size()) {
        // A created list goes last.
        if (!is_list || old_list != nullptr) return false;
        if (!list_equal(nullptr, *new_map.value_at(i), added)) return false;
        continue;
      }
      if (!same_data(*old_map.key(i), *new_map.key(i))) return false;
      if (is_list) {
        if (!list_equal(old_list, *new_map.value_at(i), added)) return false;
      } else if (!same_data(*old_map.value_at(i), *new_map.value_at(i))) {
        return false;
      }
    }
    return true;
  }

  const Additions& additions_;
};

std::map<Rule, size_t> count_by_rule(const Findings& findings) {
  std::map<Rule, size_t> counts;
  for (const Finding& finding : findings) ++counts[finding.rule];
  return counts;
}

// How a typed value reads as a number: -12, 3.5, 1e6 are the forms every YAML
// reader agrees on; 3,5 would be one with a decimal point.
struct NumberScan {
  bool number = false;
  size_t decimal_comma = std::string_view::npos;  // where a decimal point would make it one
};

NumberScan scan_number(std::string_view typed) {
  size_t i = typed.substr(0, 1) == "-" || typed.substr(0, 1) == "+" ? 1 : 0;
  const auto digits = [&] {
    const size_t from = i;
    while (i < typed.size() && std::isdigit(static_cast<unsigned char>(typed[i])) != 0) ++i;
    return i - from;
  };
  const size_t whole = digits();
  size_t fraction = 0;
  size_t separator = std::string_view::npos;
  if (i < typed.size() && (typed[i] == '.' || typed[i] == ',')) {
    separator = i++;
    fraction = digits();
  }
  if (whole + fraction == 0) return {};
  if (i < typed.size() && (typed[i] == 'e' || typed[i] == 'E')) {
    ++i;
    if (i < typed.size() && (typed[i] == '-' || typed[i] == '+')) ++i;
    if (digits() == 0) return {};
  }
  if (i != typed.size()) return {};
  if (separator == std::string_view::npos || typed[separator] == '.') return {true};
  return {false, whole > 0 && fraction > 0 ? separator : std::string_view::npos};
}

}  // namespace

std::string prove_same_data_plus(std::string_view old_bytes, std::string_view new_bytes,
                                 const std::vector<ExpectedCheckin>& added) {
  if ((old_bytes.substr(0, 3) == "\xEF\xBB\xBF") != (new_bytes.substr(0, 3) == "\xEF\xBB\xBF")) {
    return "the byte order mark changed";
  }
  Findings old_findings;
  Findings new_findings;
  const yaml::Document old_doc =
      yaml::read_yaml(without_bom(old_bytes), "", yaml::ReadLimits{}, old_findings);
  const yaml::Document new_doc =
      yaml::read_yaml(without_bom(new_bytes), "", yaml::ReadLimits{}, new_findings);
  if (old_doc.root == nullptr || new_doc.root == nullptr) {
    return "the edited file cannot be read as YAML";
  }
  for (const auto& [rule, count] : count_by_rule(new_findings)) {
    if (count > count_by_rule(old_findings)[rule]) {
      return fmt::format("reading the edited file gives a new finding [{}]", rule_info(rule).id);
    }
  }
  Additions additions;
  for (const ExpectedCheckin& expected : added) {
    const MeasureLocation location = locate_measure(old_doc.root, expected.measure_id);
    if (location.measure == nullptr || location.matches != 1) {
      return fmt::format("measure '{}' is not in the file once",
                         message_excerpt(expected.measure_id));
    }
    additions[location.measure].push_back(&expected.entry);
  }
  if (!Comparison(additions).equal(*old_doc.root, *new_doc.root)) {
    return "read again, the edited file does not hold exactly the old data plus the new "
           "check-in";
  }
  return {};
}

std::optional<std::string> parse_checkin_value(std::string_view typed, bool milestone,
                                               std::string& reason) {
  const bool is_bool = typed == "true" || typed == "false";
  if (milestone) {
    if (is_bool) return std::string(typed);
    reason = fmt::format("a milestone takes true or false, got '{}'", message_excerpt(typed));
    return std::nullopt;
  }
  const NumberScan scan = scan_number(typed);
  if (scan.number) return std::string(typed);
  if (scan.decimal_comma != std::string_view::npos) {
    std::string fixed(typed);
    fixed[scan.decimal_comma] = '.';
    reason = fmt::format("'{}' has a decimal comma; write {}", message_excerpt(typed), fixed);
  } else if (is_bool) {
    reason = fmt::format("a numeric measure takes a number, got '{}'", typed);
  } else {
    reason = fmt::format("the value must be a number such as 42 or 3.5, got '{}'",
                         message_excerpt(typed));
  }
  return std::nullopt;
}

}  // namespace iooi::edit
