#include "iooi/model/decode.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "iooi/model/fields.h"
#include "iooi/model/period.h"
#include "iooi/util/suggest.h"
#include "iooi/util/utf8.h"
#include "scalar.h"

namespace iooi {
namespace {

using yaml::Node;
using yaml::NodeKind;

// --- Message helpers ---------------------------------------------------------

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
  if (node->quoted) return fmt::format("the quoted text \"{}\"", message_excerpt(node->value));
  switch (classify_scalar(node).kind) {
    case ScalarKind::null:
      return "nothing";
    case ScalarKind::text:
      return fmt::format("\"{}\"", message_excerpt(node->value));
    default:
      return message_excerpt(node->value);
  }
}

std::string join(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// The keys a mapping takes, in table order: the did-you-mean candidates.
std::vector<std::string_view> keys_in_scope(std::span<const fields::Field> table,
                                            fields::Scope scope) {
  std::vector<std::string_view> keys;
  for (const fields::Field& field : table) {
    if (fields::in_scope(field, scope)) keys.push_back(field.key);
  }
  return keys;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  auto alnum = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  if (!alnum(id[0])) return false;
  return std::all_of(id.begin() + 1, id.end(),
                     [&](char c) { return alnum(c) || c == '_' || c == '.' || c == '-'; });
}

// --- Mapping keys ------------------------------------------------------------

struct Entry {
  const Node* key = nullptr;
  const Node* value = nullptr;
  bool present() const { return key != nullptr; }
  // Present with a real value (`key:` with nothing after it counts as absent).
  bool has_value() const {
    return key != nullptr && classify_scalar(value).kind != ScalarKind::null;
  }
};

// The slots of one mapping's known keys, in the order of its field table.
// `keys["title"]` is checked against the table when it compiles.
template <const auto& Table>
class Entries {
 public:
  struct Key {
    size_t index;
    template <size_t N>
    consteval Key(const char (&key)[N])  // NOLINT: implicit, so that keys["id"] reads well
        : index(fields::index_of(Table, std::string_view(key, N - 1))) {}
  };
  const Entry& operator[](Key key) const { return slots_[key.index]; }
  Entry& slot(size_t index) { return slots_[index]; }
  // The slot of a key known only at run time (it must be in the table).
  const Entry& named(std::string_view key) const {
    return slots_[fields::find(Table, key) - std::begin(Table)];
  }

 private:
  std::array<Entry, std::size(Table)> slots_{};
};

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
    auto sections = collect<fields::document>(root, fields::Scope::all, "a plan file",
                                              [&](const Node* key) { unknown_section(key); });
    if (sections["plan"].present()) {
      if (is_config_file) {
        fragment.config = plan_section(sections["plan"]);
      } else {
        report(Rule::unknown_key, sections["plan"].key,
               "the `plan` section belongs in the plan root's iooi.yaml (the config file); move "
               "it there");
      }
    }
    for_each_item(sections["teams"], "teams", "team", [&](const Node* item) {
      if (auto team = decode_team(item)) fragment.teams.push_back(std::move(*team));
    });
    element_sections(sections, fragment);
    for_each_item(sections["objectives"], "objectives", "objective", [&](const Node* item) {
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
  // (mapping, field) where an unknown key got the did-you-mean `field`: the field is
  // then misspelt, not missing, and missing-field stays silent (one finding per defect).
  std::set<std::pair<const Node*, std::string>> misspelt_;

  void element_sections(const Entries<fields::document>& sections, PlanFragment& fragment) {
    // Keep document order across the four element sections.
    std::vector<std::pair<const Entry*, Level>> order;
    for (Level level : {Level::impact, Level::outcome, Level::output, Level::input}) {
      const Entry& section = sections.named(level_section(level));
      if (section.present()) order.emplace_back(&section, level);
    }
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
      return std::pair(a.first->key->line, a.first->key->column) <
             std::pair(b.first->key->line, b.first->key->column);
    });
    for (const auto& section_level : order) {
      const Level level = section_level.second;
      for_each_item(*section_level.first, level_section(level), level_name(level),
                    [&](const Node* item) {
                      if (auto element = decode_element(item, level)) {
                        fragment.elements.push_back(std::move(*element));
                      }
                    });
    }
  }

  Loc loc(const Node* node) const { return Loc{file_, node->line, node->column}; }

  // The value's place, or the key's when the value has none (an empty value).
  Loc loc(const Entry& entry) const {
    if (entry.value != nullptr && entry.value->line > 0) return loc(entry.value);
    return loc(entry.key);
  }
  static const Node* at(const Entry& entry) {
    return entry.value != nullptr && entry.value->line > 0 ? entry.value : entry.key;
  }

  void report(Rule rule, const Node* node, std::string message) {
    findings_.push_back(make_finding(rule, path_, node ? node->line : 0, node ? node->column : 0,
                                     std::move(message)));
  }

  // Walks a mapping once, filing the keys of `Table` that apply in `scope` into their
  // slots (the first occurrence wins: explicit keys come before keys merged in by `<<`)
  // and handing the others to `on_unknown`.
  template <const auto& Table, typename OnUnknown>
  Entries<Table> collect(const Node* map, fields::Scope scope, std::string_view what,
                         OnUnknown on_unknown) {
    Entries<Table> entries;
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
      while (index < std::size(Table) && Table[index].key != name) ++index;
      if (index < std::size(Table) && fields::in_scope(Table[index], scope)) {
        if (!entries.slot(index).present()) entries.slot(index) = Entry{key, map->value_at(i)};
        continue;
      }
      if (i > 0 && decimal_comma(map->key(i - 1), map->value_at(i - 1), key, map->value_at(i))) {
        continue;
      }
      on_unknown(key);
    }
    return entries;
  }

  template <const auto& Table>
  Entries<Table> collect(const Node* map, std::string_view what,
                         fields::Scope scope = fields::Scope::all) {
    return collect<Table>(map, scope, what,
                          [&](const Node* key) { unknown_key(map, key, what, Table, scope); });
  }

  void unknown_key(const Node* map, const Node* key, std::string_view what,
                   std::span<const fields::Field> table, fields::Scope scope) {
    const std::vector<std::string_view> candidates = keys_in_scope(table, scope);
    std::string message = fmt::format("unknown key `{}` in {}", message_excerpt(key->value), what);
    if (auto match = closest_match(key->value, candidates)) {
      message += fmt::format("; did you mean `{}`?", *match);
      misspelt_.emplace(map, std::move(*match));
    } else {
      message += fmt::format("; use one of the keys {}", join(candidates));
    }
    report(Rule::unknown_key, key, std::move(message));
  }

  bool misspelt(const Node* map, std::string_view field) const {
    return misspelt_.contains(std::pair(map, std::string(field)));
  }

  // `{date: 2026-03-01, value: 97,5}`: in a flow mapping the comma ends the entry, so
  // YAML reads `value: 97` and a key `5` without a value. Reported as that unknown key,
  // with the fix, instead of "unknown key `5`" (whose obvious fix would leave 97).
  bool decimal_comma(const Node* previous_key, const Node* previous, const Node* key,
                     const Node* value) {
    auto digits = [](std::string_view text) {
      return !text.empty() &&
             std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (previous == nullptr || previous->kind != NodeKind::scalar || previous->quoted) return false;
    if (key->quoted || !digits(key->value) || (value != nullptr && !value->is_plain_null())) {
      return false;
    }
    std::string_view whole = previous->value;
    if (!whole.empty() && (whole.front() == '-' || whole.front() == '+')) whole.remove_prefix(1);
    const bool adjacent =
        previous->line == key->line &&
        key->column == previous->column + static_cast<int>(previous->value.size()) + 1;
    if (!digits(whole) || !adjacent) return false;
    const std::string written = fmt::format("{},{}", previous->value, key->value);
    const std::string field = message_excerpt(previous_key->value);
    std::string fix = fmt::format("write the number with a decimal point: `{}: {}.{}`", field,
                                  previous->value, key->value);
    if (key->value.size() == 3) {  // 1,000 may be a thousands separator
      fix = fmt::format(
          "write it without the comma (`{}: {}{}`) or with a decimal point "
          "(`{}: {}.{}`)",
          field, previous->value, key->value, field, previous->value, key->value);
    }
    report(Rule::unknown_key, key,
           fmt::format("`{}` is read as two entries, `{}: {}` and a key `{}`: inside {{...}} a "
                       "comma separates entries; {}",
                       message_excerpt(written), field, message_excerpt(previous->value),
                       message_excerpt(key->value), fix));
    return true;
  }

  void unknown_section(const Node* key) {
    const std::vector<std::string_view> candidates =
        keys_in_scope(fields::document, fields::Scope::all);
    std::string message = fmt::format("unknown section `{}`", message_excerpt(key->value));
    if (auto match = closest_match(key->value, candidates)) {
      message += fmt::format("; did you mean `{}`?", *match);
    } else {
      message += fmt::format("; use one of the sections {}", join(candidates));
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
      if (misspelt(map, field)) return false;  // unknown-key has said so, with the name
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
    Scalar scalar = classify_scalar(value);
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
    report(Rule::type, value,
           fmt::format("`{}` must be a number, got {}; {}", field, describe(value),
                       number_fix(value, field, example)));
    return std::nullopt;
  }

  // How to turn a value that is not a number into one: the hint after "; ".
  static std::string number_fix(const Node* value, std::string_view field,
                                std::string_view example) {
    if (value->kind != NodeKind::scalar) return fmt::format("write e.g. {}", example);
    std::string_view text = value->value;
    if (value->quoted && is_plain_number(text)) {
      return fmt::format("remove the quotes: {}: {}", field, message_excerpt(text));
    }
    // `value: 44%`: the unit belongs in `unit`, once per measure.
    if (text.size() > 1 && text.back() == '%') {
      std::string_view number = text.substr(0, text.size() - 1);
      while (!number.empty() && number.back() == ' ') number.remove_suffix(1);
      if (is_plain_number(number)) {
        return fmt::format(
            "write the number without the `%` ({}: {}) and put the `%` in the "
            "measure's unit (unit: \"%\")",
            field, message_excerpt(number));
      }
    }
    // `target: 12,5` (a decimal comma) outside {...}: one text value.
    const size_t comma = text.find(',');
    if (comma != std::string_view::npos && text.size() - comma - 1 != 3) {
      std::string pointed(text);
      pointed[comma] = '.';
      if (is_plain_number(pointed)) {
        return fmt::format("write the number with a decimal point: {}: {}", field,
                           message_excerpt(pointed));
      }
    }
    return fmt::format("write e.g. {}", example);
  }

  std::optional<int> integer(const Entry& entry, std::string_view field, std::string_view example,
                             Rule rule = Rule::type) {
    if (!entry.has_value()) return std::nullopt;
    Scalar scalar = classify_scalar(entry.value);
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
                         message_excerpt(text)));
    }
    return std::string(text);
  }

  // A choice among fixed words (type: numeric|milestone, ...), with did-you-mean.
  std::optional<size_t> choice(const Entry& entry, std::string_view field,
                               std::span<const std::string_view> words, Rule rule) {
    if (!entry.has_value()) return std::nullopt;
    const Node* value = entry.value;
    if (value->kind == NodeKind::scalar) {
      for (size_t index = 0; index < words.size(); ++index) {
        if (value->value == words[index]) return index;
      }
    }
    const std::vector<std::string_view> candidates(words.begin(), words.end());
    std::string message =
        fmt::format("`{}` must be one of {}, got {}", field, join(words), describe(value));
    std::optional<std::string> match;
    if (value->kind == NodeKind::scalar) match = closest_match(value->value, candidates);
    if (match) {
      message += fmt::format("; did you mean `{}`?", *match);
    } else {
      message += fmt::format("; write e.g. {}: {}", field, words.front());
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
      if (item->kind == NodeKind::scalar && classify_scalar(item).kind != ScalarKind::null) {
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
      auto keys = collect<fields::link>(item, fmt::format("an entry of `{}`", field));
      if (!require(keys["id"], item, "id", fmt::format("an entry of `{}`", field),
                   "id: OC-example")) {
        continue;
      }
      if (keys["id"].value->kind != NodeKind::scalar) {
        report(Rule::type, keys["id"].value,
               fmt::format("`id` must be a name, got {}; write e.g. id: OC-example",
                           describe(keys["id"].value)));
        continue;
      }
      Link link{std::string(keys["id"].value->value), 1.0, loc(keys["id"].value)};
      if (auto w = weight(keys["weight"])) link.weight = *w;
      out.push_back(std::move(link));
    }
    return out;
  }

  // --- Measures ----------------------------------------------------------------

  bool value_of(const Entry& entry, MeasureType type, std::string_view field,
                std::string_view owner, Value& out) {
    const Node* node = entry.value;
    Scalar scalar = classify_scalar(node);
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
    auto keys = collect<fields::checkin>(map, "a check-in");
    Checkin checkin;
    checkin.at = loc(map);
    bool ok = require(keys["date"], map, "date", "a check-in", "date: 2026-03-31");
    if (ok) {
      checkin.date_at = loc(keys["date"]);
      auto parsed = date(keys["date"], "date");
      if (parsed) {
        checkin.date = *parsed;
      } else {
        ok = false;
      }
    }
    if (keys["value"].present()) {
      checkin.value_at = loc(keys["value"]);
      if (!value_of(keys["value"], type, "value", owner, checkin.value)) ok = false;
    } else {
      if (!misspelt(map, "value")) {
        report(Rule::missing_field, map,
               fmt::format("a check-in has no `value`; add e.g. `value: {}`",
                           type == MeasureType::milestone ? "true" : "42"));
      }
      ok = false;
    }
    if (keys["confidence"].has_value()) {
      checkin.confidence_at = loc(keys["confidence"]);
      Scalar scalar = classify_scalar(keys["confidence"].value);
      if (scalar.kind == ScalarKind::integer && scalar.number >= 1 && scalar.number <= 10) {
        checkin.confidence = static_cast<int>(scalar.number);
      } else {
        report(Rule::confidence_range, keys["confidence"].value,
               fmt::format("`confidence` must be a whole number from 1 to 10, got {}; write e.g. "
                           "confidence: 7",
                           describe(keys["confidence"].value)));
      }
    }
    if (auto note = text(keys["note"], "note")) checkin.note = std::move(*note);
    if (!ok) return std::nullopt;
    return checkin;
  }

  std::optional<Measure> decode_measure(const Node* map, bool indicator) {
    std::string_view kind = indicator ? "an indicator" : "a key result";
    std::string_view kind_bare = indicator ? "indicator" : "key result";
    const fields::Scope scope = indicator ? fields::Scope::indicators : fields::Scope::all;
    auto keys = collect<fields::measure>(map, scope, kind, [&](const Node* key) {
      if (fields::find(fields::measure, key->value) != nullptr) {  // an indicator's field
        report(Rule::unknown_key, key,
               fmt::format("`{}` is only for indicators: a key result runs "
                           "over its objective's period; remove it",
                           key->value));
        return;
      }
      unknown_key(map, key, kind, fields::measure, scope);
    });
    Measure measure;
    auto measure_id = id(keys["id"], map, kind);
    std::string owner = measure_id ? fmt::format("{} `{}`", kind_bare, message_excerpt(*measure_id))
                                   : std::string(kind);
    if (measure_id) {
      measure.id = std::move(*measure_id);
      measure.at = loc(keys["id"].value);
    }
    if (require(keys["title"], map, "title", owner, "title: What is measured")) {
      if (auto title = text(keys["title"], "title")) measure.title = std::move(*title);
    }
    if (auto unit = text(keys["unit"], "unit")) measure.unit = std::move(*unit);
    // With a misspelt type, which fields are required is unknown: demand none of them.
    bool type_known = true;
    if (keys["type"].present()) measure.type_at = loc(keys["type"]);
    if (auto type = choice(keys["type"], "type", fields::measure_types, Rule::type)) {
      constexpr std::array<MeasureType, 3> types = {MeasureType::numeric, MeasureType::milestone,
                                                    MeasureType::monitor};
      measure.type = types[*type];
    } else if (keys["type"].has_value()) {
      type_known = false;
    }
    if (keys["weight"].present()) {
      measure.weight_at = loc(keys["weight"]);
      if (auto w = weight(keys["weight"])) measure.weight = *w;
    }
    measure_numbers(keys, map, owner, type_known, measure);
    measure_values(keys, owner, measure);
    measure_plan(keys, measure);
    if (indicator) indicator_dates(keys, measure);
    measure_notes(keys, measure);
    if (measure.id.empty()) return std::nullopt;  // missing-field said so; nothing can refer to it
    return measure;
  }

  // direction, targets, accumulate, stale_days: how the measure is read over time.
  void measure_plan(const Entries<fields::measure>& keys, Measure& measure) {
    if (keys["direction"].present()) measure.direction_at = loc(keys["direction"]);
    if (auto direction = choice(keys["direction"], "direction", fields::directions, Rule::type)) {
      measure.direction = *direction == 0 ? Direction::increase : Direction::decrease;
    }
    if (keys["targets"].has_value()) measure.targets_at = loc(keys["targets"].key);
    for_each_item(keys["targets"], "targets", "interim target", [&](const Node* item) {
      if (auto interim = decode_interim_target(item)) measure.targets.push_back(*interim);
    });
    if (keys["accumulate"].present()) measure.accumulate_at = loc(keys["accumulate"]);
    if (auto accumulate = flag(keys["accumulate"], "accumulate", "accumulate: true")) {
      measure.accumulate = *accumulate;
    }
    if (keys["stale_days"].present()) measure.stale_days_at = loc(keys["stale_days"]);
    measure.stale_days = stale_days(keys["stale_days"]);
  }

  void measure_notes(const Entries<fields::measure>& keys, Measure& measure) {
    if (auto note = text(keys["description"], "description")) measure.description = *note;
    if (auto note = text(keys["source"], "source")) measure.source = *note;
    if (auto note = text(keys["method"], "method")) measure.method = *note;
  }

  std::optional<InterimTarget> decode_interim_target(const Node* map) {
    auto keys = collect<fields::interim_target>(map, "an interim target");
    InterimTarget interim;
    bool ok = require(keys["date"], map, "date", "an interim target", "date: 2026-02-15");
    if (ok) {
      interim.date_at = loc(keys["date"]);
      auto parsed = date(keys["date"], "date");
      ok = parsed.has_value();
      if (parsed) interim.date = *parsed;
    }
    if (require(keys["value"], map, "value", "an interim target", "value: 40")) {
      interim.value_at = loc(keys["value"]);
      auto value = number(keys["value"], "value", "value: 40");
      if (value) {
        interim.value = *value;
      } else {
        ok = false;
      }
    } else {
      ok = false;
    }
    if (!ok) return std::nullopt;
    return interim;
  }

  // true or false.
  std::optional<bool> flag(const Entry& entry, std::string_view field, std::string_view example) {
    if (!entry.has_value()) return std::nullopt;
    Scalar scalar = classify_scalar(entry.value);
    if (entry.value->kind == NodeKind::scalar && !entry.value->quoted &&
        scalar.kind == ScalarKind::boolean) {
      return scalar.flag;
    }
    report(Rule::type, at(entry),
           fmt::format("`{}` must be true or false, got {}; write e.g. {}", field,
                       describe(entry.value), example));
    return std::nullopt;
  }

  // stale_days of an objective or a measure: a whole number >= 0.
  std::optional<int> stale_days(const Entry& entry) {
    if (!entry.has_value()) return std::nullopt;
    auto days = integer(entry, "stale_days", "stale_days: 14");
    if (days && *days < 0) {
      report(
          Rule::type, entry.value,
          fmt::format("`stale_days` must be 0 or more, got {}; write e.g. stale_days: 14", *days));
      return std::nullopt;
    }
    return days;
  }

  // A target: a number, or a threshold mapping {at_least: L} | {at_most: U} |
  // {between: [L, U]}. A monitor's target is kept without findings: monitor-target
  // is the one finding for it.
  void target_of(const Entry& entry, bool quiet, Measure& measure) {
    measure.target_at = loc(entry);
    if (!entry.has_value()) return;
    if (entry.value->kind != NodeKind::mapping) {
      if (quiet) {
        const Scalar scalar = classify_scalar(entry.value);
        if (scalar.kind == ScalarKind::integer || scalar.kind == ScalarKind::floating) {
          measure.target = scalar.number;
        }
        return;
      }
      measure.target = number(entry, "target", "target: 100");
      return;
    }
    if (quiet) return;
    threshold_of(entry.value, measure.threshold);
  }

  void threshold_of(const Node* map, Threshold& out) {
    bool unknown = false;
    auto keys = collect<fields::threshold>(
        map, fields::Scope::all, "a threshold target", [&](const Node* key) {
          unknown = true;
          unknown_key(map, key, "a threshold target", fields::threshold, fields::Scope::all);
        });
    std::vector<const Entry*> given;
    for (const Entry* entry : {&keys["at_least"], &keys["at_most"], &keys["between"]}) {
      if (entry->has_value()) given.push_back(entry);  // an empty key counts as absent
    }
    if (given.empty()) {
      // A misspelt key has had its did-you-mean: one finding per defect.
      if (!unknown) {
        report(Rule::threshold_range, map,
               "a threshold target needs one of the keys at_least, at_most, between; write e.g. "
               "target: {at_least: 85}");
      }
      return;
    }
    if (given.size() > 1) {
      report(Rule::threshold_range, given[1]->key,
             fmt::format("a threshold target takes exactly one of at_least, at_most, between, "
                         "got `{}` and `{}`; use {{between: [L, U]}} for a range",
                         given[0]->key->value, given[1]->key->value));
      return;
    }
    const Entry& entry = *given[0];
    if (&entry == &keys["between"]) return between_of(entry, out);
    const bool at_least = &entry == &keys["at_least"];
    const std::string_view name = at_least ? "at_least" : "at_most";
    auto bound = number(entry, name, fmt::format("{}: 85", name));
    if (!bound) return;
    out.kind = at_least ? ThresholdKind::at_least : ThresholdKind::at_most;
    (at_least ? out.low : out.high) = *bound;
    (at_least ? out.low_at : out.high_at) = loc(entry);
  }

  void between_of(const Entry& entry, Threshold& out) {
    const Node* list = entry.value;
    auto numeric = [](const Node* node) {
      const ScalarKind kind = classify_scalar(node).kind;
      return node->kind == NodeKind::scalar && !node->quoted &&
             (kind == ScalarKind::integer || kind == ScalarKind::floating);
    };
    if (list == nullptr || list->kind != NodeKind::sequence || list->children.size() != 2 ||
        !numeric(list->children[0]) || !numeric(list->children[1])) {
      report(Rule::type, at(entry),
             fmt::format("`between` must be two numbers [L, U], got {}; write e.g. target: "
                         "{{between: [0, 2]}}",
                         describe(list)));
      return;
    }
    out.low = classify_scalar(list->children[0]).number;
    out.high = classify_scalar(list->children[1]).number;
    out.low_at = loc(list->children[0]);
    out.high_at = loc(list->children[1]);
    if (out.low > out.high) {
      report(Rule::threshold_range, list,
             fmt::format("`between` runs from {} down to {}; write the lower bound first: "
                         "{{between: [{}, {}]}}",
                         message_excerpt(list->children[0]->value),
                         message_excerpt(list->children[1]->value),
                         message_excerpt(list->children[1]->value),
                         message_excerpt(list->children[0]->value)));
      return;
    }
    out.kind = ThresholdKind::between;
  }

  // baseline and target: required on numeric measures, wrong on milestones.
  void measure_numbers(const Entries<fields::measure>& keys, const Node* map,
                       const std::string& owner, bool type_known, Measure& measure) {
    const Entry& baseline = keys["baseline"];
    const Entry& target = keys["target"];
    if (measure.type == MeasureType::milestone && type_known) {
      for (const Entry* entry : {&baseline, &target}) {
        if (!entry->has_value()) continue;  // an empty key counts as absent
        report(Rule::unknown_key, entry->key,
               fmt::format("`{}` does not apply to milestone {} (its values are true/false); "
                           "remove it or set `type: numeric`",
                           entry->key->value, owner));
      }
      return;
    }
    // Numeric measures need both; a threshold target makes the baseline optional, and
    // a monitor (or a misspelt type) requires neither.
    const bool numeric = type_known && measure.type == MeasureType::numeric;
    const bool threshold = target.has_value() && target.value->kind == NodeKind::mapping;
    if (numeric && !threshold) {
      if (require(baseline, map, "baseline", "numeric " + owner, "baseline: 0",
                  " (or `type: milestone` for a done/not-done result)")) {
        measure.baseline_at = loc(baseline);
        measure.baseline = number(baseline, "baseline", "baseline: 20");
      }
    } else if (baseline.has_value()) {
      measure.baseline_at = loc(baseline);
      measure.baseline = number(baseline, "baseline", "baseline: 20");
    }
    if (numeric) {
      if (require(target, map, "target", "numeric " + owner, "target: 100",
                  " (or `type: milestone` for a done/not-done result)")) {
        target_of(target, false, measure);
      }
    } else if (target.has_value()) {
      target_of(target, measure.type == MeasureType::monitor, measure);
    }
  }

  // current, checkins: values after the measure's type.
  void measure_values(const Entries<fields::measure>& keys, const std::string& owner,
                      Measure& measure) {
    if (keys["current"].present()) {
      measure.current_at = loc(keys["current"]);
      if (keys["current"].has_value()) {
        value_of(keys["current"], measure.type, "current", owner, measure.current);
      }
    }
    const Entry& checkins = keys["checkins"];
    if (!checkins.has_value()) return;  // `checkins:` with nothing after it counts as absent
    measure.has_checkins = true;
    measure.checkins_at = loc(checkins.key);
    if (checkins.has_value() && checkins.value->kind == NodeKind::sequence) {
      measure.checkins.reserve(checkins.value->children.size());
    }
    for_each_item(checkins, "checkins", "check-in", [&](const Node* item) {
      if (auto checkin = decode_checkin(item, measure.type, owner)) {
        measure.checkins.push_back(std::move(*checkin));
      }
    });
  }

  void indicator_dates(const Entries<fields::measure>& keys, Measure& measure) {
    if (keys["baseline_date"].present()) {
      measure.baseline_date_at = loc(keys["baseline_date"]);
      measure.baseline_date = date(keys["baseline_date"], "baseline_date");
    }
    if (keys["target_date"].present()) {
      measure.target_date_at = loc(keys["target_date"]);
      measure.target_date = date(keys["target_date"], "target_date");
    }
  }

  // --- Elements, objectives, teams ------------------------------------------------

  std::optional<Element> decode_element(const Node* map, Level level) {
    // input, output, outcome, impact: all take "an".
    std::string what = fmt::format("an {}", level_name(level));
    auto keys = collect<fields::element>(map, what);
    Element element;
    element.level = level;
    auto element_id = id(keys["id"], map, what);
    std::string owner =
        element_id ? fmt::format("{} `{}`", level_name(level), message_excerpt(*element_id)) : what;
    if (element_id) {
      element.id = std::move(*element_id);
      element.at = loc(keys["id"].value);
    }
    if (require(keys["title"], map, "title", owner, "title: What changes")) {
      if (auto title = text(keys["title"], "title")) element.title = std::move(*title);
    }
    if (auto description = text(keys["description"], "description")) {
      element.description = std::move(*description);
    }
    if (keys["stage"].has_value()) {
      element.stage_at = loc(keys["stage"]);
      element.stage = integer(keys["stage"], "stage", "stage: 5");
    }
    element.contributes_to = links(keys["contributes_to"], "contributes_to");
    for_each_item(keys["indicators"], "indicators", "indicator", [&](const Node* item) {
      if (auto measure = decode_measure(item, true)) {
        element.indicators.push_back(std::move(*measure));
      }
    });
    if (element.id.empty()) return std::nullopt;
    return element;
  }

  std::optional<Objective> decode_objective(const Node* map) {
    auto keys = collect<fields::objective>(map, "an objective");
    Objective objective;
    auto objective_id = id(keys["id"], map, "an objective");
    std::string owner = objective_id ? fmt::format("objective `{}`", message_excerpt(*objective_id))
                                     : "an objective";
    if (objective_id) {
      objective.id = std::move(*objective_id);
      objective.at = loc(keys["id"].value);
    } else {
      objective.at = loc(map);
    }
    if (require(keys["title"], map, "title", owner, "title: What we want to achieve")) {
      if (auto title = text(keys["title"], "title")) objective.title = std::move(*title);
    }
    if (require(keys["period"], map, "period", owner, "period: 2026-Q1")) {
      objective.period_at = loc(keys["period"]);
      if (auto period = text(keys["period"], "period")) objective.period = std::move(*period);
    }
    if (keys["owner"].present()) {
      objective.owner_at = loc(keys["owner"]);
      if (auto team = text(keys["owner"], "owner")) objective.owner = std::move(*team);
    }
    if (auto type = choice(keys["type"], "type", fields::objective_types, Rule::type)) {
      objective.type = *type == 0 ? ObjectiveType::committed : ObjectiveType::aspirational;
    }
    objective.aligns_to = links(keys["aligns_to"], "aligns_to");
    if (keys["stale_days"].present()) objective.stale_days_at = loc(keys["stale_days"]);
    objective.stale_days = stale_days(keys["stale_days"]);
    if (auto note = text(keys["description"], "description")) objective.description = *note;
    if (auto note = text(keys["source"], "source")) objective.source = *note;
    if (auto note = text(keys["method"], "method")) objective.method = *note;
    objective.key_results_at =
        keys["key_results"].present() ? loc(keys["key_results"].key) : objective.at;
    for_each_item(keys["key_results"], "key_results", "key result", [&](const Node* item) {
      if (auto measure = decode_measure(item, false)) {
        objective.key_results.push_back(std::move(*measure));
      }
    });
    if (objective.id.empty()) return std::nullopt;
    return objective;
  }

  std::optional<Team> decode_team(const Node* map) {
    auto keys = collect<fields::team>(map, "a team");
    Team team;
    auto team_id = id(keys["id"], map, "a team");
    if (!team_id) return std::nullopt;
    team.id = std::move(*team_id);
    team.at = loc(keys["id"].value);
    if (auto name = text(keys["name"], "name")) team.name = std::move(*name);
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
    auto keys = collect<fields::plan>(entry.value, "the `plan` section");
    if (auto name = text(keys["name"], "name")) config.name = std::move(*name);
    if (auto language = choice(keys["language"], "language", fields::languages, Rule::type)) {
      config.language = *language == 0 ? "en" : "de";
    }
    globs(keys["exclude"], config.exclude);
    for_each_item(keys["periods"], "periods", "period", [&](const Node* item) {
      if (auto period = decode_period(item)) config.periods.push_back(std::move(*period));
    });
    status(keys["status"], config);
    if (auto days = stale_days(keys["stale_days"])) config.stale_days = *days;
    rules(keys["rules"], config.rules);
    limits(keys["limits"], config.limits);
    if (keys["iati"].present()) config.iati = iati(keys["iati"]);
    return config;
  }

  // A mapping field's node, or nullptr after reporting any other shape.
  const Node* mapping_of(const Entry& entry, std::string_view field, std::string_view example) {
    if (!entry.has_value()) return nullptr;
    if (entry.value->kind == NodeKind::mapping) return entry.value;
    report(Rule::type, at(entry),
           fmt::format("`{}` must be a mapping, got {}; write e.g. {}: {}", field,
                       describe(entry.value), field, example));
    return nullptr;
  }

  // A text field that must be there; "" after reporting it missing.
  std::string required_text(const Entry& entry, const Node* map, std::string_view field,
                            std::string_view owner, std::string_view example) {
    if (!require(entry, map, field, owner, fmt::format("{}: {}", field, example))) return {};
    return text(entry, field).value_or("");
  }

  // plan.iati (docs/format.md, "IATI export").
  IatiActivity iati(const Entry& entry) {
    IatiActivity activity;
    const Node* map = mapping_of(entry, "iati", "{identifier: XM-DAC-00000-plan, ...}");
    if (map == nullptr) return activity;
    auto keys = collect<fields::iati>(map, "`iati`");
    constexpr std::string_view owner = "`iati`";
    activity.identifier =
        required_text(keys["identifier"], map, "identifier", owner, "XM-DAC-00000-plan");
    if (require(keys["reporting_org"], map, "reporting_org", owner,
                "reporting_org: {ref: XM-DAC-00000, type: 22, name: Example}")) {
      iati_org(keys["reporting_org"], activity);
    }
    activity.title = required_text(keys["title"], map, "title", owner, "Civic coding");
    activity.description =
        required_text(keys["description"], map, "description", owner, "What the activity does");
    activity.activity_status =
        required_text(keys["activity_status"], map, "activity_status", owner, "2");
    if (require(keys["start_date"], map, "start_date", owner, "start_date: 2026-01-01")) {
      activity.start_date = date(keys["start_date"], "start_date");
    }
    activity.end_date = date(keys["end_date"], "end_date");
    if (activity.start_date && activity.end_date && *activity.end_date < *activity.start_date) {
      report(Rule::invalid_date, at(keys["end_date"]),
             fmt::format("`iati` ends ({}) before it starts ({}); correct the dates",
                         activity.end_date->to_string(), activity.start_date->to_string()));
    }
    iati_sector(keys["sector"], activity);
    activity.recipient_country = text(keys["recipient_country"], "recipient_country").value_or("");
    activity.default_currency = text(keys["default_currency"], "default_currency").value_or("");
    activity.language = text(keys["language"], "language").value_or("");
    return activity;
  }

  void iati_org(const Entry& entry, IatiActivity& activity) {
    const Node* map =
        mapping_of(entry, "reporting_org", "{ref: XM-DAC-00000, type: 22, name: Example}");
    if (map == nullptr) return;
    auto keys = collect<fields::iati_org>(map, "`reporting_org`");
    constexpr std::string_view owner = "`reporting_org`";
    activity.reporting_org_ref = required_text(keys["ref"], map, "ref", owner, "XM-DAC-00000");
    activity.reporting_org_type = required_text(keys["type"], map, "type", owner, "22");
    activity.reporting_org_name = required_text(keys["name"], map, "name", owner, "Example");
  }

  void iati_sector(const Entry& entry, IatiActivity& activity) {
    const Node* map = mapping_of(entry, "sector", "{code: 15150, vocabulary: 1}");
    if (map == nullptr) return;
    auto keys = collect<fields::iati_sector>(map, "`sector`");
    activity.sector_code = required_text(keys["code"], map, "code", "`sector`", "15150");
    activity.sector_vocabulary = text(keys["vocabulary"], "vocabulary").value_or("");
  }

  // plan.limits (docs/limits.md): each a whole number of at least 1, in the unit its name
  // says. Whether it may apply (only lowering) is the loader's decision.
  void limits(const Entry& entry, LimitOverrides& out) {
    if (!entry.has_value()) return;
    if (entry.value->kind != NodeKind::mapping) {
      report(Rule::type, at(entry),
             fmt::format("`limits` must be a mapping, got {}; write e.g. limits: {{file_size_mib: "
                         "128}}",
                         describe(entry.value)));
      return;
    }
    auto keys = collect<fields::limits>(entry.value, "`limits`");
    auto limit = [&](const Entry& slot, std::optional<LimitSetting>& field) {
      const std::string_view name = slot.present() ? slot.key->value : std::string_view();
      auto value = integer(slot, name, fmt::format("{}: 128", name));
      if (value && *value < 1) {
        report(
            Rule::type, slot.value,
            fmt::format("`{}` must be 1 or more, got {}; write e.g. {}: 128", name, *value, name));
      } else if (value) {
        field = LimitSetting{static_cast<size_t>(*value), loc(slot.value)};
      }
    };
    limit(keys["file_size_mib"], out.file_size_mib);
    limit(keys["value_size_kib"], out.value_size_kib);
    limit(keys["expanded_nodes"], out.expanded_nodes);
    limit(keys["expanded_size_mib"], out.expanded_size_mib);
    limit(keys["files"], out.files);
    limit(keys["total_nodes"], out.total_nodes);
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
      if (item->kind == NodeKind::scalar && classify_scalar(item).kind != ScalarKind::null) {
        out.emplace_back(item->value);
      } else {
        bad(item);
      }
    }
  }

  // `all` is what `report --period all` means, and a built-in id (2026-Q1) has a
  // fixed meaning in every plan (docs/format.md, "Periods"): a custom period by
  // either name would be unreachable or silently change reports.
  bool reserved_period_id_free(const std::string& period_id, const Node* at_node) {
    if (period_id == "all") {
      report(Rule::invalid_id, at_node,
             "period id `all` is reserved: `iooi report --period all` means every period; "
             "use another id, e.g. FY26");
      return false;
    }
    if (builtin_period(period_id)) {
      report(Rule::invalid_id, at_node,
             fmt::format("period id `{}` is a built-in period id (YYYY, YYYY-H1, YYYY-Q1 or "
                         "YYYY-MM) and cannot be redefined; use a distinct id, e.g. FY{}",
                         message_excerpt(period_id), message_excerpt(period_id)));
      return false;
    }
    return true;
  }

  std::optional<PeriodDef> decode_period(const Node* map) {
    auto keys = collect<fields::period>(map, "a period");
    PeriodDef period;
    period.at = loc(map);
    auto period_id = id(keys["id"], map, "a period");
    std::string owner =
        period_id ? fmt::format("period `{}`", message_excerpt(*period_id)) : "a period";
    bool ok = period_id.has_value();
    if (period_id) {
      ok = reserved_period_id_free(*period_id, keys["id"].value);
      period.id = std::move(*period_id);
      period.at = loc(keys["id"].value);
    }
    std::optional<Date> start;
    std::optional<Date> end;
    if (require(keys["start"], map, "start", owner, "start: 2026-01-01")) {
      start = date(keys["start"], "start");
    }
    if (require(keys["end"], map, "end", owner, "end: 2026-04-30")) {
      end = date(keys["end"], "end");
    }
    if (!start || !end) return std::nullopt;
    if (*end < *start) {
      report(Rule::invalid_date, at(keys["end"]),
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
    auto keys = collect<fields::status>(entry.value, "`status`");
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
    auto on = gap(keys["on_track_gap"], "on_track_gap", 0.1);
    auto off = gap(keys["off_track_gap"], "off_track_gap", 0.25);
    double on_value = on.value_or(config.on_track_gap);
    double off_value = off.value_or(config.off_track_gap);
    if (on_value > off_value) {
      const Entry& culprit = on ? keys["on_track_gap"] : keys["off_track_gap"];
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
      if (classify_scalar(map->value_at(i)).kind == ScalarKind::null) {
        report(Rule::type, key,
               fmt::format("rule `{}` has no severity; write e.g. {}: warning",
                           message_excerpt(key->value), message_excerpt(key->value)));
        continue;
      }
      auto severity =
          choice(Entry{key, map->value_at(i)}, key->value, fields::severities, Rule::type);
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
