#include "iooi/model/decode.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string_view>

#include "iooi/util/suggest.h"

namespace iooi {
namespace {

using yaml::Node;
using yaml::NodeKind;

// --- Plain scalars, YAML 1.2 core schema ------------------------------------

enum class ScalarKind : uint8_t { null, boolean, integer, floating, non_finite, overflow, text };

struct Scalar {
  ScalarKind kind = ScalarKind::text;
  double number = 0.0;
  bool flag = false;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_of(std::string_view text, bool (*pred)(char)) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!pred(c)) return false;
  }
  return true;
}

bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_octal(char c) { return c >= '0' && c <= '7'; }

// [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool is_core_float(std::string_view t) {
  size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  size_t int_digits = 0;
  while (i < t.size() && is_digit(t[i])) ++i, ++int_digits;
  size_t frac_digits = 0;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && is_digit(t[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < t.size() && is_digit(t[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == t.size();
}

bool is_core_int(std::string_view t) {
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.remove_prefix(1);
  return all_of(t, is_digit);
}

// Plan numbers beyond this magnitude are rejected: sums and differences of them
// (weights, target - baseline) must stay exact enough and finite in the roll-up.
constexpr double max_magnitude = 1e15;

// Converts text already known to be a core-schema number; sets overflow when the
// magnitude exceeds max_magnitude (tiny values underflow to zero quietly).
Scalar to_number(std::string_view text, ScalarKind kind) {
  std::string_view digits = text;
  if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);
  double value = 0.0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error == std::errc::result_out_of_range) {
    std::string copy(digits);
    value = std::strtod(copy.c_str(), nullptr);
  } else if (error != std::errc() || end != digits.data() + digits.size()) {
    return Scalar{ScalarKind::text};
  }
  if (!std::isfinite(value) || std::fabs(value) > max_magnitude) {
    return Scalar{ScalarKind::overflow};
  }
  return Scalar{kind, value};
}

Scalar radix_number(std::string_view digits, int base) {
  // Accumulate in double: huge literals stay finite up to ~1e308 and then overflow.
  double value = 0.0;
  for (char c : digits) {
    int d = is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    value = value * base + d;
  }
  if (!std::isfinite(value) || value > max_magnitude) return Scalar{ScalarKind::overflow};
  return Scalar{ScalarKind::integer, value};
}

Scalar classify(const Node* node) {
  if (node == nullptr || node->kind == NodeKind::null) return Scalar{ScalarKind::null};
  if (node->kind != NodeKind::scalar || node->quoted) return Scalar{ScalarKind::text};
  std::string_view t = node->value;
  if (t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL") {
    return Scalar{ScalarKind::null};
  }
  if (t == "true" || t == "True" || t == "TRUE") return Scalar{ScalarKind::boolean, 0, true};
  if (t == "false" || t == "False" || t == "FALSE") return Scalar{ScalarKind::boolean, 0, false};
  std::string_view unsigned_t = t;
  if (!unsigned_t.empty() && (unsigned_t[0] == '-' || unsigned_t[0] == '+')) {
    unsigned_t.remove_prefix(1);
  }
  if (unsigned_t == ".inf" || unsigned_t == ".Inf" || unsigned_t == ".INF" || t == ".nan" ||
      t == ".NaN" || t == ".NAN") {
    return Scalar{ScalarKind::non_finite};
  }
  if (t.size() > 2 && t[0] == '0' && t[1] == 'x' && all_of(t.substr(2), is_hex)) {
    return radix_number(t.substr(2), 16);
  }
  if (t.size() > 2 && t[0] == '0' && t[1] == 'o' && all_of(t.substr(2), is_octal)) {
    return radix_number(t.substr(2), 8);
  }
  if (is_core_int(t)) return to_number(t, ScalarKind::integer);
  if (is_core_float(t)) return to_number(t, ScalarKind::floating);
  return Scalar{ScalarKind::text};
}

// --- Message helpers ---------------------------------------------------------

// User text inside a message: cut long values, make control characters visible.
std::string shown(std::string_view text) {
  constexpr size_t max_bytes = 60;
  std::string out;
  size_t limit = std::min(text.size(), max_bytes);
  // Do not cut inside a UTF-8 sequence.
  while (limit < text.size() && limit > 0 &&
         (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) {
    --limit;
  }
  for (size_t i = 0; i < limit; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  if (limit < text.size()) out += "…";
  return out;
}

// What a value is, for "got ..." in messages.
std::string describe(const Node* node) {
  if (node == nullptr) return "nothing";
  switch (node->kind) {
    case NodeKind::null:
      return "nothing";
    case NodeKind::sequence:
      return "a list";
    case NodeKind::mapping:
      return "a mapping";
    case NodeKind::scalar:
      break;
  }
  if (node->quoted) return fmt::format("the quoted text \"{}\"", shown(node->value));
  switch (classify(node).kind) {
    case ScalarKind::null:
      return "nothing";
    case ScalarKind::text:
      return fmt::format("\"{}\"", shown(node->value));
    default:
      return shown(node->value);
  }
}

std::string join(const std::string_view* names, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  return out;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  auto alnum = [](char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  if (!alnum(id[0])) return false;
  for (char c : id.substr(1)) {
    if (!alnum(c) && c != '_' && c != '.' && c != '-') return false;
  }
  return true;
}

// --- Mapping keys ------------------------------------------------------------

struct Entry {
  const Node* key = nullptr;
  const Node* value = nullptr;
  bool present() const { return key != nullptr; }
  // Present with a real value (`key:` with nothing after it counts as absent).
  bool has_value() const { return key != nullptr && classify(value).kind != ScalarKind::null; }
};

enum MeasureKey {
  mk_id,
  mk_title,
  mk_unit,
  mk_type,
  mk_weight,
  mk_baseline,
  mk_target,
  mk_current,
  mk_checkins,
  mk_baseline_date,  // indicators only: keep these two last
  mk_target_date,
  mk_count
};
constexpr std::array<std::string_view, mk_count> measure_keys = {
    "id",     "title",   "unit",     "type",          "weight",     "baseline",
    "target", "current", "checkins", "baseline_date", "target_date"};

enum CheckinKey { ck_date, ck_value, ck_confidence, ck_note, ck_count };
constexpr std::array<std::string_view, ck_count> checkin_keys = {"date", "value", "confidence",
                                                                 "note"};

enum ElementKey {
  ek_id,
  ek_title,
  ek_description,
  ek_stage,
  ek_contributes_to,
  ek_indicators,
  ek_count
};
constexpr std::array<std::string_view, ek_count> element_keys = {
    "id", "title", "description", "stage", "contributes_to", "indicators"};

enum ObjectiveKey {
  ok_id,
  ok_title,
  ok_period,
  ok_owner,
  ok_type,
  ok_aligns_to,
  ok_key_results,
  ok_count
};
constexpr std::array<std::string_view, ok_count> objective_keys = {
    "id", "title", "period", "owner", "type", "aligns_to", "key_results"};

enum TeamKey { tk_id, tk_name, tk_count };
constexpr std::array<std::string_view, tk_count> team_keys = {"id", "name"};

enum LinkKey { lk_id, lk_weight, lk_count };
constexpr std::array<std::string_view, lk_count> link_keys = {"id", "weight"};

enum PlanKey {
  pk_name,
  pk_language,
  pk_exclude,
  pk_periods,
  pk_status,
  pk_stale_days,
  pk_rules,
  pk_limits,
  pk_count
};
constexpr std::array<std::string_view, pk_count> plan_keys = {
    "name", "language", "exclude", "periods", "status", "stale_days", "rules", "limits"};

enum LimitKey { lmk_file_size_mib, lmk_value_size_kib, lmk_expanded_nodes, lmk_files, lmk_count };
constexpr std::array<std::string_view, lmk_count> limit_keys = {"file_size_mib", "value_size_kib",
                                                                "expanded_nodes", "files"};

enum PeriodKey { pdk_id, pdk_start, pdk_end, pdk_count };
constexpr std::array<std::string_view, pdk_count> period_keys = {"id", "start", "end"};

enum StatusKey { sk_on_track_gap, sk_off_track_gap, sk_count };
constexpr std::array<std::string_view, sk_count> status_keys = {"on_track_gap", "off_track_gap"};

enum SectionKey {
  sec_plan,
  sec_teams,
  sec_impacts,
  sec_outcomes,
  sec_outputs,
  sec_inputs,
  sec_objectives,
  sec_count
};
constexpr std::array<std::string_view, sec_count> section_keys = {
    "plan", "teams", "impacts", "outcomes", "outputs", "inputs", "objectives"};

// --- The decoder ---------------------------------------------------------------

class Decoder {
 public:
  Decoder(uint32_t file, const std::string& path, Findings& findings)
      : file_(file), path_(path), findings_(findings) {}

  PlanFragment document(const Node* root, bool is_config_file) {
    PlanFragment fragment;
    if (root == nullptr) return fragment;  // the reader has said why
    if (root->kind != NodeKind::mapping) {
      if (root->is_plain_null()) return fragment;
      report(Rule::yaml_structure, root,
             fmt::format("the top level of a plan file must be a mapping of sections such as "
                         "`outcomes:`, got {}; write e.g. `outcomes:` with a list of `- id: ...` "
                         "entries below",
                         describe(root)));
      return fragment;
    }
    auto sections = collect(root, section_keys, sec_count, "a plan file",
                            [&](const Node* key) { return unknown_section(key); });
    if (sections[sec_plan].present()) {
      if (is_config_file) {
        fragment.config = plan_section(sections[sec_plan]);
      } else {
        report(Rule::unknown_key, sections[sec_plan].key,
               "the `plan` section belongs in the plan root's iooi.yaml (the config file); move "
               "it there");
      }
    }
    for_each_item(sections[sec_teams], "teams", "team", [&](const Node* item) {
      if (auto team = decode_team(item)) fragment.teams.push_back(std::move(*team));
    });
    constexpr std::array<std::pair<SectionKey, Level>, 4> levels = {
        std::pair{sec_impacts, Level::impact}, std::pair{sec_outcomes, Level::outcome},
        std::pair{sec_outputs, Level::output}, std::pair{sec_inputs, Level::input}};
    // Keep document order across the four element sections.
    std::vector<std::pair<const Node*, Level>> order;
    for (auto [section, level] : levels) {
      if (sections[section].present()) order.emplace_back(sections[section].key, level);
    }
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
      return std::pair(a.first->line, a.first->column) < std::pair(b.first->line, b.first->column);
    });
    for (size_t i = 0; i < order.size(); ++i) {
      Level level = order[i].second;
      SectionKey section = sec_impacts;
      for (auto [s, l] : levels) {
        if (l == level) section = s;
      }
      for_each_item(sections[section], level_section(level), level_name(level),
                    [&](const Node* item) {
                      if (auto element = decode_element(item, level)) {
                        fragment.elements.push_back(std::move(*element));
                      }
                    });
    }
    for_each_item(sections[sec_objectives], "objectives", "objective", [&](const Node* item) {
      if (auto objective = decode_objective(item)) {
        fragment.objectives.push_back(std::move(*objective));
      }
    });
    return fragment;
  }

 private:
  uint32_t file_;
  const std::string& path_;
  Findings& findings_;

  Loc loc(const Node* node) const { return Loc{file_, node->line, node->column}; }

  // The value's place, or the key's when the value has none (an empty value).
  Loc loc(const Entry& entry) const {
    if (entry.value != nullptr && entry.value->line > 0) return loc(entry.value);
    return loc(entry.key);
  }
  const Node* at(const Entry& entry) const {
    return entry.value != nullptr && entry.value->line > 0 ? entry.value : entry.key;
  }

  void report(Rule rule, const Node* node, std::string message) {
    findings_.push_back(make_finding(rule, path_, node ? node->line : 0, node ? node->column : 0,
                                     std::move(message)));
  }

  // Walks a mapping once, filing known keys into slots (the first occurrence wins:
  // explicit keys come before keys merged in by `<<`) and reporting the others.
  template <size_t N, typename OnUnknown>
  std::array<Entry, N> collect(const Node* map, const std::array<std::string_view, N>& names,
                               size_t allowed, std::string_view what, OnUnknown on_unknown) {
    std::array<Entry, N> entries{};
    for (size_t i = 0; i < map->size(); ++i) {
      const Node* key = map->key(i);
      if (key->kind != NodeKind::scalar) {
        report(Rule::type, key,
               fmt::format("keys in {} must be plain names, got {}; use a name such as `id`", what,
                           describe(key)));
        continue;
      }
      std::string_view name = key->value;
      if (!key->quoted && name == "<<") continue;  // the reader has merged it already
      size_t index = 0;
      while (index < allowed && names[index] != name) ++index;
      if (index < allowed) {
        if (!entries[index].present()) entries[index] = Entry{key, map->value_at(i)};
        continue;
      }
      on_unknown(key);
    }
    return entries;
  }

  template <size_t N>
  std::array<Entry, N> collect(const Node* map, const std::array<std::string_view, N>& names,
                               std::string_view what) {
    return collect(map, names, N, what,
                   [&](const Node* key) { unknown_key(key, what, names.data(), N); });
  }

  void unknown_key(const Node* key, std::string_view what, const std::string_view* names,
                   size_t count) {
    std::vector<std::string_view> candidates(names, names + count);
    std::string message = fmt::format("unknown key `{}` in {}", shown(key->value), what);
    if (auto match = closest_match(key->value, candidates)) {
      message += fmt::format("; did you mean `{}`?", *match);
    } else {
      message += fmt::format("; use one of the keys {}", join(names, count));
    }
    report(Rule::unknown_key, key, std::move(message));
  }

  void unknown_section(const Node* key) {
    std::vector<std::string_view> candidates(section_keys.begin(), section_keys.end());
    std::string message = fmt::format("unknown section `{}`", shown(key->value));
    if (auto match = closest_match(key->value, candidates)) {
      message += fmt::format("; did you mean `{}`?", *match);
    } else {
      message += fmt::format("; use one of the sections {}",
                             join(section_keys.data(), section_keys.size()));
    }
    report(Rule::unknown_key, key, std::move(message));
  }

  // A section (or nested list) must be a list of mappings; empty is fine.
  template <typename OnItem>
  void for_each_item(const Entry& entry, std::string_view field, std::string_view item_name,
                     OnItem on_item) {
    if (!entry.has_value()) return;
    const Node* list = entry.value;
    if (list->kind != NodeKind::sequence) {
      report(Rule::type, at(entry),
             fmt::format("`{}` must be a list of {} entries, got {}; write each entry on its own "
                         "line starting with `- `",
                         field, item_name, describe(list)));
      return;
    }
    for (const Node* item : list->children) {
      if (item->kind != NodeKind::mapping) {
        report(Rule::type, item,
               fmt::format("each entry of `{}` must be a mapping, got {}; write e.g. `- id: ...` "
                           "with its other keys below it",
                           field, describe(item)));
        continue;
      }
      on_item(item);
    }
  }

  // Required field check: absent -> missing-field at the mapping, empty -> at the key.
  // `alternative` follows the example, e.g. " (or `type: milestone` ...)".
  bool require(const Entry& entry, const Node* map, std::string_view field, std::string_view owner,
               std::string_view example, std::string_view alternative = {}) {
    if (!entry.present()) {
      report(Rule::missing_field, map,
             fmt::format("{} has no `{}`; add e.g. `{}`{}", owner, field, example, alternative));
      return false;
    }
    if (!entry.has_value()) {
      report(Rule::missing_field, entry.key,
             fmt::format("`{}` of {} is empty; write e.g. `{}`{}", field, owner, example,
                         alternative));
      return false;
    }
    return true;
  }

  std::optional<std::string> text(const Entry& entry, std::string_view field) {
    if (!entry.has_value()) return std::nullopt;
    if (entry.value->kind != NodeKind::scalar) {
      report(Rule::type, at(entry),
             fmt::format("`{}` must be text, got {}; write e.g. {}: some text", field,
                         describe(entry.value), field));
      return std::nullopt;
    }
    return std::string(entry.value->value);
  }

  // A finite number. `example` completes "write e.g. ...".
  std::optional<double> number(const Entry& entry, std::string_view field,
                               std::string_view example) {
    if (!entry.has_value()) return std::nullopt;
    const Node* value = entry.value;
    Scalar scalar = classify(value);
    switch (scalar.kind) {
      case ScalarKind::integer:
      case ScalarKind::floating:
        return scalar.number;
      case ScalarKind::non_finite:
        report(Rule::type, value,
               fmt::format("`{}` must be a finite number, got {}; write e.g. {}", field,
                           describe(value), example));
        return std::nullopt;
      case ScalarKind::overflow:
        report(Rule::type, value,
               fmt::format("`{}` is too large a number ({}); iooi computes with numbers up to "
                           "1e15 in size; write e.g. {}",
                           field, describe(value), example));
        return std::nullopt;
      default:
        break;
    }
    if (value->kind == NodeKind::scalar && value->quoted &&
        classify_unquoted_is_number(value->value)) {
      report(Rule::type, value,
             fmt::format("`{}` must be a number, got {}; remove the quotes: {}: {}", field,
                         describe(value), field, shown(value->value)));
    } else {
      report(Rule::type, value,
             fmt::format("`{}` must be a number, got {}; write e.g. {}", field, describe(value),
                         example));
    }
    return std::nullopt;
  }

  static bool classify_unquoted_is_number(std::string_view text) {
    Node plain;
    plain.kind = NodeKind::scalar;
    plain.value = text;
    ScalarKind kind = classify(&plain).kind;
    return kind == ScalarKind::integer || kind == ScalarKind::floating;
  }

  std::optional<int> integer(const Entry& entry, std::string_view field, std::string_view example,
                             Rule rule = Rule::type) {
    if (!entry.has_value()) return std::nullopt;
    Scalar scalar = classify(entry.value);
    if (scalar.kind == ScalarKind::integer && std::abs(scalar.number) <= 1e9) {
      return static_cast<int>(scalar.number);
    }
    report(rule, entry.value,
           fmt::format("`{}` must be a whole number, got {}; write e.g. {}", field,
                       describe(entry.value), example));
    return std::nullopt;
  }

  std::optional<double> weight(const Entry& entry) {
    auto value = number(entry, "weight", "weight: 1");
    if (value && *value < 0) {
      report(Rule::type, entry.value,
             fmt::format("`weight` must be 0 or more, got {}; write e.g. weight: 1",
                         describe(entry.value)));
      return std::nullopt;
    }
    return value;
  }

  std::optional<Date> date(const Entry& entry, std::string_view field) {
    if (!entry.has_value()) return std::nullopt;
    const Node* value = entry.value;
    if (value->kind == NodeKind::scalar) {
      if (auto parsed = Date::parse(value->value)) return parsed;
    }
    report(Rule::invalid_date, at(entry),
           fmt::format("`{}` must be a real calendar day in YYYY-MM-DD form, got {}; write e.g. "
                       "{}: 2026-03-31",
                       field, describe(value), field));
    return std::nullopt;
  }

  // The `id` of something that others refer to. Kept even when malformed so that
  // references to it still resolve; the finding says what to change.
  std::optional<std::string> id(const Entry& entry, const Node* map, std::string_view owner) {
    if (!require(entry, map, "id", owner, "id: OC-example")) return std::nullopt;
    if (entry.value->kind != NodeKind::scalar) {
      report(Rule::type, entry.value,
             fmt::format("`id` must be a name, got {}; write e.g. id: OC-example",
                         describe(entry.value)));
      return std::nullopt;
    }
    const std::string_view text = entry.value->value;
    if (!is_valid_id(text)) {
      report(Rule::invalid_id, entry.value,
             fmt::format("id \"{}\" is not valid: an id starts with a letter or digit and "
                         "continues with up to 63 letters, digits, '_', '.' or '-' (e.g. "
                         "OC-example)",
                         shown(text)));
    }
    return std::string(text);
  }

  // A choice among fixed words (type: numeric|milestone, ...), with did-you-mean.
  std::optional<size_t> choice(const Entry& entry, std::string_view field,
                               std::initializer_list<std::string_view> words, Rule rule) {
    if (!entry.has_value()) return std::nullopt;
    const Node* value = entry.value;
    if (value->kind == NodeKind::scalar) {
      size_t index = 0;
      for (std::string_view word : words) {
        if (value->value == word) return index;
        ++index;
      }
    }
    std::vector<std::string_view> candidates(words);
    std::string listed;
    for (std::string_view word : words) {
      if (!listed.empty()) listed += ", ";
      listed += word;
    }
    std::string message =
        fmt::format("`{}` must be one of {}, got {}", field, listed, describe(value));
    std::optional<std::string> match;
    if (value->kind == NodeKind::scalar) match = closest_match(value->value, candidates);
    if (match) {
      message += fmt::format("; did you mean `{}`?", *match);
    } else {
      message += fmt::format("; write e.g. {}: {}", field, *words.begin());
    }
    report(rule, value, std::move(message));
    return std::nullopt;
  }

  // --- Links -------------------------------------------------------------------

  std::vector<Link> links(const Entry& entry, std::string_view field) {
    std::vector<Link> out;
    if (!entry.has_value()) return out;
    if (entry.value->kind != NodeKind::sequence) {
      report(Rule::type, at(entry),
             fmt::format("`{}` must be a list of ids, got {}; write e.g. {}: [OC-example] or "
                         "{}: [{{id: OC-example, weight: 2}}]",
                         field, describe(entry.value), field, field));
      return out;
    }
    out.reserve(entry.value->children.size());
    for (const Node* item : entry.value->children) {
      if (item->kind == NodeKind::scalar && classify(item).kind != ScalarKind::null) {
        out.push_back(Link{std::string(item->value), 1.0, loc(item)});
        continue;
      }
      if (item->kind != NodeKind::mapping) {
        report(Rule::type, item,
               fmt::format("each entry of `{}` must be an id or {{id, weight}}, got {}; write e.g. "
                           "OC-example or {{id: OC-example, weight: 2}}",
                           field, describe(item)));
        continue;
      }
      auto keys = collect(item, link_keys, fmt::format("an entry of `{}`", field));
      if (!require(keys[lk_id], item, "id", fmt::format("an entry of `{}`", field),
                   "id: OC-example")) {
        continue;
      }
      if (keys[lk_id].value->kind != NodeKind::scalar) {
        report(Rule::type, keys[lk_id].value,
               fmt::format("`id` must be a name, got {}; write e.g. id: OC-example",
                           describe(keys[lk_id].value)));
        continue;
      }
      Link link{std::string(keys[lk_id].value->value), 1.0, loc(keys[lk_id].value)};
      if (auto w = weight(keys[lk_weight])) link.weight = *w;
      out.push_back(std::move(link));
    }
    return out;
  }

  // --- Measures ----------------------------------------------------------------

  bool value_of(const Entry& entry, MeasureType type, std::string_view field,
                std::string_view owner, Value& out) {
    const Node* node = entry.value;
    Scalar scalar = classify(node);
    if (type == MeasureType::milestone) {
      if (scalar.kind == ScalarKind::boolean) {
        out.kind = Value::Kind::boolean;
        out.flag = scalar.flag;
        return true;
      }
      report(Rule::type, at(entry),
             fmt::format("`{}` of milestone {} must be true or false, got {}; write e.g. {}: true",
                         field, owner, describe(node), field));
      return false;
    }
    if (scalar.kind == ScalarKind::boolean) {
      report(Rule::type, at(entry),
             fmt::format("`{}` of numeric {} must be a number, got {}; write a number, or set "
                         "`type: milestone` for a done/not-done result",
                         field, owner, describe(node)));
      return false;
    }
    if (scalar.kind == ScalarKind::null) {
      report(Rule::type, at(entry),
             fmt::format("`{}` of {} is empty; write e.g. {}: 42", field, owner, field));
      return false;
    }
    auto number_value = number(entry, field, fmt::format("{}: 42", field));
    if (!number_value) return false;
    out.kind = Value::Kind::number;
    out.number = *number_value;
    return true;
  }

  std::optional<Checkin> decode_checkin(const Node* map, MeasureType type, std::string_view owner) {
    auto keys = collect(map, checkin_keys, "a check-in");
    Checkin checkin;
    checkin.at = loc(map);
    bool ok = require(keys[ck_date], map, "date", "a check-in", "date: 2026-03-31");
    if (ok) {
      checkin.date_at = loc(keys[ck_date]);
      auto parsed = date(keys[ck_date], "date");
      if (parsed) {
        checkin.date = *parsed;
      } else {
        ok = false;
      }
    }
    if (keys[ck_value].present()) {
      checkin.value_at = loc(keys[ck_value]);
      if (!value_of(keys[ck_value], type, "value", owner, checkin.value)) ok = false;
    } else {
      report(Rule::missing_field, map,
             fmt::format("a check-in has no `value`; add e.g. `value: {}`",
                         type == MeasureType::milestone ? "true" : "42"));
      ok = false;
    }
    if (keys[ck_confidence].has_value()) {
      checkin.confidence_at = loc(keys[ck_confidence]);
      Scalar scalar = classify(keys[ck_confidence].value);
      if (scalar.kind == ScalarKind::integer && scalar.number >= 1 && scalar.number <= 10) {
        checkin.confidence = static_cast<int>(scalar.number);
      } else {
        report(Rule::confidence_range, keys[ck_confidence].value,
               fmt::format("`confidence` must be a whole number from 1 to 10, got {}; write e.g. "
                           "confidence: 7",
                           describe(keys[ck_confidence].value)));
      }
    }
    if (auto note = text(keys[ck_note], "note")) checkin.note = std::move(*note);
    if (!ok) return std::nullopt;
    return checkin;
  }

  std::optional<Measure> decode_measure(const Node* map, bool indicator) {
    std::string_view kind = indicator ? "an indicator" : "a key result";
    std::string_view kind_bare = indicator ? "indicator" : "key result";
    auto keys = collect(
        map, measure_keys, indicator ? mk_count : mk_baseline_date, kind, [&](const Node* key) {
          if (!indicator && (key->value == "baseline_date" || key->value == "target_date")) {
            report(Rule::unknown_key, key,
                   fmt::format("`{}` is only for indicators: a key result runs "
                               "over its objective's period; remove it",
                               key->value));
            return;
          }
          unknown_key(key, kind, measure_keys.data(), indicator ? mk_count : mk_baseline_date);
        });
    Measure measure;
    auto measure_id = id(keys[mk_id], map, kind);
    std::string owner =
        measure_id ? fmt::format("{} `{}`", kind_bare, shown(*measure_id)) : std::string(kind);
    if (measure_id) {
      measure.id = std::move(*measure_id);
      measure.at = loc(keys[mk_id].value);
    }
    if (require(keys[mk_title], map, "title", owner, "title: What is measured")) {
      if (auto title = text(keys[mk_title], "title")) measure.title = std::move(*title);
    }
    if (auto unit = text(keys[mk_unit], "unit")) measure.unit = std::move(*unit);
    // With a misspelt type, which fields are required is unknown: demand none of them.
    bool type_known = true;
    if (auto type = choice(keys[mk_type], "type", {"numeric", "milestone"}, Rule::type)) {
      measure.type = *type == 0 ? MeasureType::numeric : MeasureType::milestone;
    } else if (keys[mk_type].has_value()) {
      type_known = false;
    }
    if (keys[mk_weight].present()) {
      measure.weight_at = loc(keys[mk_weight]);
      if (auto w = weight(keys[mk_weight])) measure.weight = *w;
    }
    if (!type_known) {
      if (keys[mk_baseline].has_value()) {
        measure.baseline_at = loc(keys[mk_baseline]);
        measure.baseline = number(keys[mk_baseline], "baseline", "baseline: 20");
      }
      if (keys[mk_target].has_value()) {
        measure.target_at = loc(keys[mk_target]);
        measure.target = number(keys[mk_target], "target", "target: 100");
      }
    } else if (measure.type == MeasureType::numeric) {
      if (require(keys[mk_baseline], map, "baseline", "numeric " + owner, "baseline: 0",
                  " (or `type: milestone` for a done/not-done result)")) {
        measure.baseline_at = loc(keys[mk_baseline]);
        measure.baseline = number(keys[mk_baseline], "baseline", "baseline: 20");
      }
      if (require(keys[mk_target], map, "target", "numeric " + owner, "target: 100",
                  " (or `type: milestone` for a done/not-done result)")) {
        measure.target_at = loc(keys[mk_target]);
        measure.target = number(keys[mk_target], "target", "target: 100");
      }
    } else {
      for (MeasureKey key : {mk_baseline, mk_target}) {
        if (!keys[key].present()) continue;
        report(Rule::unknown_key, keys[key].key,
               fmt::format("`{}` does not apply to milestone {} (its values are true/false); "
                           "remove it or set `type: numeric`",
                           measure_keys[key], owner));
      }
    }
    if (keys[mk_current].present()) {
      measure.current_at = loc(keys[mk_current]);
      if (keys[mk_current].has_value()) {
        value_of(keys[mk_current], measure.type, "current", owner, measure.current);
      }
    }
    if (keys[mk_checkins].present()) {
      measure.has_checkins = true;
      measure.checkins_at = loc(keys[mk_checkins].key);
      if (keys[mk_checkins].has_value() && keys[mk_checkins].value->kind == NodeKind::sequence) {
        measure.checkins.reserve(keys[mk_checkins].value->children.size());
      }
      for_each_item(keys[mk_checkins], "checkins", "check-in", [&](const Node* item) {
        if (auto checkin = decode_checkin(item, measure.type, owner)) {
          measure.checkins.push_back(std::move(*checkin));
        }
      });
    }
    if (indicator) {
      if (keys[mk_baseline_date].present()) {
        measure.baseline_date_at = loc(keys[mk_baseline_date]);
        measure.baseline_date = date(keys[mk_baseline_date], "baseline_date");
      }
      if (keys[mk_target_date].present()) {
        measure.target_date_at = loc(keys[mk_target_date]);
        measure.target_date = date(keys[mk_target_date], "target_date");
      }
    }
    if (measure.id.empty()) return std::nullopt;  // missing-field said so; nothing can refer to it
    return measure;
  }

  // --- Elements, objectives, teams ------------------------------------------------

  std::optional<Element> decode_element(const Node* map, Level level) {
    // input, output, outcome, impact: all take "an".
    std::string what = fmt::format("an {}", level_name(level));
    auto keys = collect(map, element_keys, what);
    Element element;
    element.level = level;
    auto element_id = id(keys[ek_id], map, what);
    std::string owner =
        element_id ? fmt::format("{} `{}`", level_name(level), shown(*element_id)) : what;
    if (element_id) {
      element.id = std::move(*element_id);
      element.at = loc(keys[ek_id].value);
    }
    if (require(keys[ek_title], map, "title", owner, "title: What changes")) {
      if (auto title = text(keys[ek_title], "title")) element.title = std::move(*title);
    }
    if (auto description = text(keys[ek_description], "description")) {
      element.description = std::move(*description);
    }
    if (keys[ek_stage].has_value()) {
      element.stage_at = loc(keys[ek_stage]);
      element.stage = integer(keys[ek_stage], "stage", "stage: 5");
    }
    element.contributes_to = links(keys[ek_contributes_to], "contributes_to");
    for_each_item(keys[ek_indicators], "indicators", "indicator", [&](const Node* item) {
      if (auto measure = decode_measure(item, true)) {
        element.indicators.push_back(std::move(*measure));
      }
    });
    if (element.id.empty()) return std::nullopt;
    return element;
  }

  std::optional<Objective> decode_objective(const Node* map) {
    auto keys = collect(map, objective_keys, "an objective");
    Objective objective;
    auto objective_id = id(keys[ok_id], map, "an objective");
    std::string owner =
        objective_id ? fmt::format("objective `{}`", shown(*objective_id)) : "an objective";
    if (objective_id) {
      objective.id = std::move(*objective_id);
      objective.at = loc(keys[ok_id].value);
    } else {
      objective.at = loc(map);
    }
    if (require(keys[ok_title], map, "title", owner, "title: What we want to achieve")) {
      if (auto title = text(keys[ok_title], "title")) objective.title = std::move(*title);
    }
    if (require(keys[ok_period], map, "period", owner, "period: 2026-Q1")) {
      objective.period_at = loc(keys[ok_period]);
      if (auto period = text(keys[ok_period], "period")) objective.period = std::move(*period);
    }
    if (keys[ok_owner].present()) {
      objective.owner_at = loc(keys[ok_owner]);
      if (auto team = text(keys[ok_owner], "owner")) objective.owner = std::move(*team);
    }
    if (auto type = choice(keys[ok_type], "type", {"committed", "aspirational"}, Rule::type)) {
      objective.type = *type == 0 ? ObjectiveType::committed : ObjectiveType::aspirational;
    }
    objective.aligns_to = links(keys[ok_aligns_to], "aligns_to");
    objective.key_results_at =
        keys[ok_key_results].present() ? loc(keys[ok_key_results].key) : objective.at;
    for_each_item(keys[ok_key_results], "key_results", "key result", [&](const Node* item) {
      if (auto measure = decode_measure(item, false)) {
        objective.key_results.push_back(std::move(*measure));
      }
    });
    if (objective.id.empty()) return std::nullopt;
    return objective;
  }

  std::optional<Team> decode_team(const Node* map) {
    auto keys = collect(map, team_keys, "a team");
    Team team;
    auto team_id = id(keys[tk_id], map, "a team");
    if (!team_id) return std::nullopt;
    team.id = std::move(*team_id);
    team.at = loc(keys[tk_id].value);
    if (auto name = text(keys[tk_name], "name")) team.name = std::move(*name);
    return team;
  }

  // --- The plan section --------------------------------------------------------------

  Config plan_section(const Entry& entry) {
    Config config;
    config.present = true;
    config.at = loc(entry.key);
    if (!entry.has_value()) return config;
    if (entry.value->kind != NodeKind::mapping) {
      report(
          Rule::type, at(entry),
          fmt::format(
              "`plan` must be a mapping, got {}; write e.g. `name: ...` on the next line, indented",
              describe(entry.value)));
      return config;
    }
    auto keys = collect(entry.value, plan_keys, "the `plan` section");
    if (auto name = text(keys[pk_name], "name")) config.name = std::move(*name);
    if (auto language = choice(keys[pk_language], "language", {"en", "de"}, Rule::type)) {
      config.language = *language == 0 ? "en" : "de";
    }
    globs(keys[pk_exclude], config.exclude);
    for_each_item(keys[pk_periods], "periods", "period", [&](const Node* item) {
      if (auto period = decode_period(item)) config.periods.push_back(std::move(*period));
    });
    status(keys[pk_status], config);
    if (keys[pk_stale_days].has_value()) {
      auto days = integer(keys[pk_stale_days], "stale_days", "stale_days: 14");
      if (days && *days < 0) {
        report(Rule::type, keys[pk_stale_days].value,
               fmt::format("`stale_days` must be 0 or more, got {}; write e.g. stale_days: 14",
                           *days));
      } else if (days) {
        config.stale_days = *days;
      }
    }
    rules(keys[pk_rules], config.rules);
    limits(keys[pk_limits], config.limits);
    return config;
  }

  // plan.limits (docs/limits.md): each a whole number of at least 1, in the unit its name says.
  void limits(const Entry& entry, LimitOverrides& out) {
    if (!entry.has_value()) return;
    if (entry.value->kind != NodeKind::mapping) {
      report(Rule::type, at(entry),
             fmt::format("`limits` must be a mapping, got {}; write e.g. limits: {{file_size_mib: "
                         "128}}",
                         describe(entry.value)));
      return;
    }
    auto keys = collect(entry.value, limit_keys, "`limits`");
    auto limit = [&](LimitKey key, size_t unit, std::optional<size_t>& field) {
      const std::string_view name = limit_keys[key];
      auto value = integer(keys[key], name, fmt::format("{}: 128", name));
      if (value && *value < 1) {
        report(
            Rule::type, keys[key].value,
            fmt::format("`{}` must be 1 or more, got {}; write e.g. {}: 128", name, *value, name));
      } else if (value) {
        field = static_cast<size_t>(*value) * unit;
      }
    };
    limit(lmk_file_size_mib, size_t{1} << 20, out.max_file_bytes);
    limit(lmk_value_size_kib, size_t{1} << 10, out.max_scalar_bytes);
    limit(lmk_expanded_nodes, 1, out.max_expanded_nodes);
    limit(lmk_files, 1, out.max_files);
  }

  void globs(const Entry& entry, std::vector<std::string>& out) {
    if (!entry.has_value()) return;
    auto bad = [&](const Node* node) {
      report(Rule::type, node,
             fmt::format("`exclude` must be a list of globs, got {}; write e.g. exclude: "
                         "[\"drafts/**\"]",
                         describe(node)));
    };
    if (entry.value->kind == NodeKind::scalar) {
      out.emplace_back(entry.value->value);
      return;
    }
    if (entry.value->kind != NodeKind::sequence) return bad(entry.value);
    for (const Node* item : entry.value->children) {
      if (item->kind == NodeKind::scalar && classify(item).kind != ScalarKind::null) {
        out.emplace_back(item->value);
      } else {
        bad(item);
      }
    }
  }

  std::optional<PeriodDef> decode_period(const Node* map) {
    auto keys = collect(map, period_keys, "a period");
    PeriodDef period;
    period.at = loc(map);
    auto period_id = id(keys[pdk_id], map, "a period");
    std::string owner = period_id ? fmt::format("period `{}`", shown(*period_id)) : "a period";
    bool ok = period_id.has_value();
    if (period_id) {
      period.id = std::move(*period_id);
      period.at = loc(keys[pdk_id].value);
    }
    std::optional<Date> start, end;
    if (require(keys[pdk_start], map, "start", owner, "start: 2026-01-01")) {
      start = date(keys[pdk_start], "start");
    }
    if (require(keys[pdk_end], map, "end", owner, "end: 2026-04-30")) {
      end = date(keys[pdk_end], "end");
    }
    if (!start || !end) return std::nullopt;
    if (*end < *start) {
      report(Rule::invalid_date, at(keys[pdk_end]),
             fmt::format(
                 "{} ends ({}) before it starts ({}); correct the dates or swap `start` and `end`",
                 owner, end->to_string(), start->to_string()));
      return std::nullopt;
    }
    period.start = *start;
    period.end = *end;
    if (!ok) return std::nullopt;
    return period;
  }

  void status(const Entry& entry, Config& config) {
    if (!entry.has_value()) return;
    if (entry.value->kind != NodeKind::mapping) {
      report(Rule::type, at(entry),
             fmt::format("`status` must be a mapping, got {}; write e.g. status: {{on_track_gap: "
                         "0.1, off_track_gap: 0.25}}",
                         describe(entry.value)));
      return;
    }
    auto keys = collect(entry.value, status_keys, "`status`");
    auto gap = [&](const Entry& field, std::string_view name, double fallback) {
      auto value = number(field, name, fmt::format("{}: {}", name, fallback));
      if (value && (*value < 0 || *value > 1)) {
        report(Rule::type, field.value,
               fmt::format("`{}` must be between 0 and 1 (a share of the expected progress), "
                           "got {}; write e.g. {}: {}",
                           name, describe(field.value), name, fallback));
        value.reset();
      }
      return value;
    };
    auto on = gap(keys[sk_on_track_gap], "on_track_gap", 0.1);
    auto off = gap(keys[sk_off_track_gap], "off_track_gap", 0.25);
    double on_value = on.value_or(config.on_track_gap);
    double off_value = off.value_or(config.off_track_gap);
    if (on_value > off_value) {
      const Entry& culprit = on ? keys[sk_on_track_gap] : keys[sk_off_track_gap];
      report(Rule::type, culprit.value,
             fmt::format("`on_track_gap` ({}) must not be larger than `off_track_gap` ({}); set "
                         "on_track_gap to at most off_track_gap",
                         on_value, off_value));
      return;
    }
    config.on_track_gap = on_value;
    config.off_track_gap = off_value;
  }

  void rules(const Entry& entry, std::vector<RuleOverride>& out) {
    if (!entry.has_value()) return;
    if (entry.value->kind != NodeKind::mapping) {
      report(Rule::type, at(entry),
             fmt::format("`rules` must be a mapping of rule ids to error, warning, info or off, "
                         "got {}; write e.g. rules: {{okr-unaligned: error}}",
                         describe(entry.value)));
      return;
    }
    const Node* map = entry.value;
    for (size_t i = 0; i < map->size(); ++i) {
      const Node* key = map->key(i);
      if (key->kind != NodeKind::scalar) {
        report(
            Rule::type, key,
            fmt::format("rule ids must be plain names, got {}; write e.g. okr-unaligned: warning",
                        describe(key)));
        continue;
      }
      if (!key->quoted && key->value == "<<") continue;
      if (classify(map->value_at(i)).kind == ScalarKind::null) {
        report(Rule::type, key,
               fmt::format("rule `{}` has no severity; write e.g. {}: warning", shown(key->value),
                           shown(key->value)));
        continue;
      }
      auto severity = choice(Entry{key, map->value_at(i)}, key->value,
                             {"error", "warning", "info", "off"}, Rule::type);
      if (!severity) continue;
      constexpr std::array<Severity, 4> severities = {Severity::error, Severity::warning,
                                                      Severity::info, Severity::off};
      out.push_back(RuleOverride{std::string(key->value), severities[*severity], loc(key)});
    }
  }
};

}  // namespace

PlanFragment decode_document(const yaml::Node* root, uint32_t file_index, const std::string& path,
                             bool is_config_file, Findings& findings) {
  Decoder decoder(file_index, path, findings);
  return decoder.document(root, is_config_file);
}

void merge_fragment(Plan& plan, PlanFragment&& fragment) {
  if (fragment.config) plan.config = std::move(*fragment.config);
  auto append = [](auto& into, auto& from) {
    if (into.empty()) {
      into = std::move(from);
    } else {
      into.insert(into.end(), std::make_move_iterator(from.begin()),
                  std::make_move_iterator(from.end()));
    }
  };
  append(plan.teams, fragment.teams);
  append(plan.elements, fragment.elements);
  append(plan.objectives, fragment.objectives);
}

}  // namespace iooi
