#include "iooi/rollup/plan_diff.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace iooi {
namespace {

using Text = std::optional<std::string>;

// One item of a plan, wherever it sits.
struct Item {
  ItemKind kind = ItemKind::element;
  std::string_view id, title, parent;
  const std::string* file = nullptr;
  const Element* element = nullptr;
  const Objective* objective = nullptr;
  const Measure* measure = nullptr;
};

const std::string& file_of(const Plan& plan, const Loc& at) {
  static const std::string unknown;
  return at.file < plan.files.size() ? plan.files[at.file] : unknown;
}

// Every item in plan order (elements with their indicators, then objectives with
// their key results); a repeated id keeps its first definition (a duplicate-id error).
std::vector<Item> items_of(const Plan& plan) {
  std::vector<Item> items;
  std::unordered_set<std::string_view> seen;
  auto add = [&](Item item) {
    if (!item.id.empty() && seen.insert(item.id).second) items.push_back(item);
  };
  for (const Element& element : plan.elements) {
    add(Item{ItemKind::element,
             element.id,
             element.title,
             {},
             &file_of(plan, element.at),
             &element,
             nullptr,
             nullptr});
    for (const Measure& measure : element.indicators) {
      add(Item{ItemKind::indicator, measure.id, measure.title, element.id,
               &file_of(plan, measure.at), nullptr, nullptr, &measure});
    }
  }
  for (const Objective& objective : plan.objectives) {
    add(Item{ItemKind::objective,
             objective.id,
             objective.title,
             {},
             &file_of(plan, objective.at),
             nullptr,
             &objective,
             nullptr});
    for (const Measure& measure : objective.key_results) {
      add(Item{ItemKind::key_result, measure.id, measure.title, objective.id,
               &file_of(plan, measure.at), nullptr, nullptr, &measure});
    }
  }
  return items;
}

Text text_of(std::string_view text) { return text.empty() ? Text() : Text(std::string(text)); }
Text number_text(const std::optional<double>& number) {
  return number ? Text(plan_number(*number)) : Text();
}
Text int_text(const std::optional<int>& number) {
  return number ? Text(std::to_string(*number)) : Text();
}
Text date_text(const std::optional<Date>& date) { return date ? Text(date->to_string()) : Text(); }

std::string value_text(const Value& value) {
  if (value.kind == Value::Kind::boolean) return value.flag ? "true" : "false";
  return plan_number(value.number);
}

Text links_text(const std::vector<Link>& links) {
  if (links.empty()) return {};
  std::string text;
  for (const Link& link : links) {
    if (!text.empty()) text += ", ";
    text += link.id;
    if (link.weight != 1.0) text += fmt::format(" (weight {})", plan_number(link.weight));
  }
  return text;
}

Text target_text(const Measure& measure) {
  const Threshold& threshold = measure.threshold;
  switch (threshold.kind) {
    case ThresholdKind::at_least:
      return ">=" + plan_number(threshold.low);
    case ThresholdKind::at_most:
      return "<=" + plan_number(threshold.high);
    case ThresholdKind::between:
      return plan_number(threshold.low) + ".." + plan_number(threshold.high);
    case ThresholdKind::none:
      break;
  }
  return number_text(measure.target);
}

Text interim_text(const std::vector<InterimTarget>& targets) {
  if (targets.empty()) return {};
  std::string text;
  for (const InterimTarget& target : targets) {
    if (!text.empty()) text += ", ";
    text += target.date.to_string() + ": " + plan_number(target.value);
  }
  return text;
}

std::string_view type_name(MeasureType type) {
  switch (type) {
    case MeasureType::milestone:
      return "milestone";
    case MeasureType::monitor:
      return "monitor";
    case MeasureType::numeric:
      break;
  }
  return "numeric";
}

using Fields = std::vector<std::pair<std::string_view, Text>>;

Fields element_fields(const Element& element) {
  return {{"title", text_of(element.title)},
          {"description", text_of(element.description)},
          {"level", std::string(level_name(element.level))},
          {"stage", int_text(element.stage)},
          {"contributes_to", links_text(element.contributes_to)}};
}

Fields objective_fields(const Objective& objective) {
  return {{"title", text_of(objective.title)},
          {"period", text_of(objective.period)},
          {"owner", text_of(objective.owner)},
          {"type", objective.type == ObjectiveType::aspirational ? "aspirational" : "committed"},
          {"aligns_to", links_text(objective.aligns_to)},
          {"description", text_of(objective.description)},
          {"source", text_of(objective.source)},
          {"method", text_of(objective.method)},
          {"stale_days", int_text(objective.stale_days)}};
}

Fields measure_fields(const Measure& measure) {
  const Text direction =
      measure.direction == Direction::unset
          ? Text()
          : Text(measure.direction == Direction::increase ? "increase" : "decrease");
  const Text current =
      measure.current.kind == Value::Kind::none ? Text() : Text(value_text(measure.current));
  return {{"title", text_of(measure.title)},
          {"unit", text_of(measure.unit)},
          {"type", std::string(type_name(measure.type))},
          {"direction", direction},
          {"baseline", number_text(measure.baseline)},
          {"target", target_text(measure)},
          {"targets", interim_text(measure.targets)},
          {"weight", plan_number(measure.weight)},
          {"current", current},
          {"accumulate", measure.accumulate ? Text("true") : Text()},
          {"baseline_date", date_text(measure.baseline_date)},
          {"target_date", date_text(measure.target_date)},
          {"stale_days", int_text(measure.stale_days)},
          {"description", text_of(measure.description)},
          {"source", text_of(measure.source)},
          {"method", text_of(measure.method)}};
}

Fields fields_of(const Item& item) {
  if (item.element != nullptr) return element_fields(*item.element);
  if (item.objective != nullptr) return objective_fields(*item.objective);
  return measure_fields(*item.measure);
}

std::string checkin_text(const Checkin& checkin) {
  std::string text = value_text(checkin.value);
  if (checkin.confidence > 0) text += fmt::format(" (confidence {})", checkin.confidence);
  if (!checkin.note.empty()) text += fmt::format(" – {}", checkin.note.view());
  return text;
}

// Check-ins keyed by (date, n-th that day in list order).
std::map<std::pair<Date, int>, std::string> checkins_by_day(const Measure* measure) {
  std::map<std::pair<Date, int>, std::string> keyed;
  if (measure == nullptr) return keyed;
  std::map<Date, int> per_day;
  for (const Checkin& checkin : measure->checkins) {
    keyed.emplace(std::make_pair(checkin.date, ++per_day[checkin.date]), checkin_text(checkin));
  }
  return keyed;
}

std::vector<CheckinChange> checkin_changes(const Measure* before, const Measure* after) {
  const auto old_checkins = checkins_by_day(before);
  const auto new_checkins = checkins_by_day(after);
  std::vector<CheckinChange> changes;
  auto old_it = old_checkins.begin();
  auto new_it = new_checkins.begin();
  while (old_it != old_checkins.end() || new_it != new_checkins.end()) {
    if (new_it == new_checkins.end() ||
        (old_it != old_checkins.end() && old_it->first < new_it->first)) {
      changes.push_back(CheckinChange{
          ItemChangeKind::removed, old_it->first.first, old_it->first.second, old_it->second, {}});
      ++old_it;
    } else if (old_it == old_checkins.end() || new_it->first < old_it->first) {
      changes.push_back(CheckinChange{
          ItemChangeKind::added, new_it->first.first, new_it->first.second, {}, new_it->second});
      ++new_it;
    } else {
      if (old_it->second != new_it->second) {
        changes.push_back(CheckinChange{ItemChangeKind::changed, new_it->first.first,
                                        new_it->first.second, old_it->second, new_it->second});
      }
      ++old_it;
      ++new_it;
    }
  }
  return changes;
}

std::vector<FieldChange> field_changes(const Item* before, const Item* after) {
  const Fields old_fields = before != nullptr ? fields_of(*before) : Fields();
  const Fields new_fields = after != nullptr ? fields_of(*after) : Fields();
  const Fields& names = after != nullptr ? new_fields : old_fields;
  std::vector<FieldChange> changes;
  for (size_t i = 0; i < names.size(); ++i) {
    Text old_value = before != nullptr ? old_fields[i].second : Text();
    Text new_value = after != nullptr ? new_fields[i].second : Text();
    if (old_value != new_value) {
      changes.push_back(
          FieldChange{std::string(names[i].first), std::move(old_value), std::move(new_value)});
    }
  }
  return changes;
}

ItemChange compare(const Item* before, const Item* after) {
  const Item& some = after != nullptr ? *after : *before;
  ItemChange change;
  change.kind = some.kind;
  change.id = some.id;
  change.title = some.title;
  if (before != nullptr) {
    change.file_before = *before->file;
    change.parent_before = before->parent;
  }
  if (after != nullptr) {
    change.file_after = *after->file;
    change.parent_after = after->parent;
  }
  // Added and removed items list what they hold; a kept one what differs.
  change.fields = field_changes(before, after);
  change.checkins = checkin_changes(before != nullptr ? before->measure : nullptr,
                                    after != nullptr ? after->measure : nullptr);
  if (before == nullptr) {
    change.change = ItemChangeKind::added;
  } else if (after == nullptr) {
    change.change = ItemChangeKind::removed;
  } else if (change.file_before != change.file_after ||
             change.parent_before != change.parent_after) {
    change.change = ItemChangeKind::moved;
  } else {
    change.change = ItemChangeKind::changed;
  }
  return change;
}

std::vector<ItemChange> item_changes(const Plan& before, const Plan& after) {
  const std::vector<Item> old_items = items_of(before);
  const std::vector<Item> new_items = items_of(after);
  std::unordered_map<std::string_view, const Item*> old_by_id;
  for (const Item& item : old_items) old_by_id.emplace(item.id, &item);
  std::unordered_set<std::string_view> matched;
  std::vector<ItemChange> changes;
  for (const Item& item : new_items) {
    const auto found = old_by_id.find(item.id);
    // An id that changed kind (an element that became an objective) is a new item.
    const Item* old_item =
        found != old_by_id.end() && found->second->kind == item.kind ? found->second : nullptr;
    if (old_item != nullptr) matched.insert(item.id);
    ItemChange change = compare(old_item, &item);
    if (old_item == nullptr || change.change == ItemChangeKind::moved || !change.fields.empty() ||
        !change.checkins.empty()) {
      changes.push_back(std::move(change));
    }
  }
  for (const Item& item : old_items) {
    if (!matched.contains(item.id)) changes.push_back(compare(&item, nullptr));
  }
  return changes;
}

struct Standing {
  ItemKind kind = ItemKind::element;
  std::string_view title;
  std::optional<double> progress;
  Status status = Status::none;
};

std::vector<std::pair<std::string_view, Standing>> standings_of(const Report& report) {
  std::vector<std::pair<std::string_view, Standing>> standings;
  for (const ElementResult& element : report.elements) {
    if (!element.defines_id) continue;
    standings.emplace_back(
        element.id, Standing{ItemKind::element, element.title, element.progress, element.status});
  }
  for (const ObjectiveResult& objective : report.objectives) {
    standings.emplace_back(objective.id, Standing{ItemKind::objective, objective.title,
                                                  objective.progress, objective.status});
  }
  return standings;
}

bool same_progress(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::fabs(*a - *b) <= 1e-12;
}

void progress_changes(const Report& before, const Report& after, PlanDiff& diff) {
  const auto old_standings = standings_of(before);
  const auto new_standings = standings_of(after);
  std::unordered_map<std::string_view, const Standing*> old_by_id;
  for (const auto& [id, standing] : old_standings) old_by_id.emplace(id, &standing);
  std::unordered_set<std::string_view> matched;
  for (const auto& [id, standing] : new_standings) {
    const auto found = old_by_id.find(id);
    const Standing* old_standing =
        found != old_by_id.end() && found->second->kind == standing.kind ? found->second : nullptr;
    ProgressChange change{standing.kind,
                          std::string(id),
                          std::string(standing.title),
                          {},
                          standing.progress,
                          Status::none,
                          standing.status,
                          false,
                          true};
    if (old_standing != nullptr) {
      matched.insert(id);
      change.progress_before = old_standing->progress;
      change.status_before = old_standing->status;
      change.present_before = true;
      if (same_progress(change.progress_before, change.progress_after) &&
          change.status_before == change.status_after) {
        ++diff.unchanged_progress;
        continue;
      }
    }
    diff.progress.push_back(std::move(change));
  }
  for (const auto& [id, standing] : old_standings) {
    if (matched.contains(id)) continue;
    diff.progress.push_back(ProgressChange{standing.kind,
                                           std::string(id),
                                           std::string(standing.title),
                                           standing.progress,
                                           {},
                                           standing.status,
                                           Status::none,
                                           true,
                                           false});
  }
}

}  // namespace

std::string_view item_kind_id(ItemKind kind) {
  switch (kind) {
    case ItemKind::objective:
      return "objective";
    case ItemKind::key_result:
      return "key-result";
    case ItemKind::indicator:
      return "indicator";
    case ItemKind::element:
      break;
  }
  return "element";
}

std::string_view item_change_id(ItemChangeKind kind) {
  switch (kind) {
    case ItemChangeKind::added:
      return "added";
    case ItemChangeKind::removed:
      return "removed";
    case ItemChangeKind::moved:
      return "moved";
    case ItemChangeKind::changed:
      break;
  }
  return "changed";
}

std::string plan_number(double value) {
  if (value == 0.0) return "0";  // also -0
  return fmt::format("{}", value);
}

PlanDiff diff_plans(const DiffSide& before, const DiffSide& after) {
  PlanDiff diff;
  diff.items = item_changes(before.plan, after.plan);
  progress_changes(before.report, after.report, diff);
  return diff;
}

}  // namespace iooi
