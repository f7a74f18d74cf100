#include "iooi/model/plan.h"

#include <cstring>
#include <tuple>

namespace iooi {

std::string_view CompactText::view() const {
  if (block_ == nullptr) return {};
  size_t size = 0;
  std::memcpy(&size, block_.get(), sizeof size);
  return {block_.get() + sizeof size, size};
}

void CompactText::assign(std::string_view text) {
  if (text.empty()) {
    block_.reset();
    return;
  }
  const size_t size = text.size();
  auto block = std::make_unique_for_overwrite<char[]>(sizeof size + size);
  std::memcpy(block.get(), &size, sizeof size);
  std::memcpy(block.get() + sizeof size, text.data(), size);
  block_ = std::move(block);
}

std::string_view level_name(Level level) {
  switch (level) {
    case Level::input:
      return "input";
    case Level::output:
      return "output";
    case Level::outcome:
      return "outcome";
    case Level::impact:
      return "impact";
  }
  return "input";
}

std::string_view level_section(Level level) {
  switch (level) {
    case Level::input:
      return "inputs";
    case Level::output:
      return "outputs";
    case Level::outcome:
      return "outcomes";
    case Level::impact:
      return "impacts";
  }
  return "inputs";
}

std::string_view measure_type_id(MeasureType type) {
  switch (type) {
    case MeasureType::numeric:
      return "numeric";
    case MeasureType::milestone:
      return "milestone";
    case MeasureType::monitor:
      return "monitor";
  }
  return "numeric";
}

std::string_view direction_id(Direction direction) {
  switch (direction) {
    case Direction::increase:
      return "increase";
    case Direction::decrease:
      return "decrease";
    case Direction::unset:
      break;
  }
  return "";
}

std::string_view id_kind_name(IdKind kind) {
  switch (kind) {
    case IdKind::element:
      return "element";
    case IdKind::indicator:
      return "indicator";
    case IdKind::objective:
      return "objective";
    case IdKind::key_result:
      return "key result";
  }
  return "element";
}

bool defined_before(const Loc& a, const Loc& b) {
  return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
}

const IdDefinition* PlanIds::find(std::string_view id) const {
  const auto found = first.find(id);
  return found == first.end() ? nullptr : &found->second;
}

const Element* PlanIds::element(std::string_view id) const {
  const IdDefinition* definition = find(id);
  return definition == nullptr ? nullptr : definition->element;
}

PlanIds first_definitions(const Plan& plan) {
  PlanIds ids;
  auto add = [&](const std::string& id, IdKind kind, const Loc& at, const Element* element) {
    if (id.empty()) return;  // missing ids are the decoder's finding
    const auto [it, inserted] = ids.first.try_emplace(id, IdDefinition{kind, at, element});
    if (!inserted && defined_before(at, it->second.at))
      it->second = IdDefinition{kind, at, element};
  };
  for (const Element& element : plan.elements) {
    add(element.id, IdKind::element, element.at, &element);
    for (const Measure& indicator : element.indicators)
      add(indicator.id, IdKind::indicator, indicator.at, nullptr);
  }
  for (const Objective& objective : plan.objectives) {
    add(objective.id, IdKind::objective, objective.at, nullptr);
    for (const Measure& key_result : objective.key_results)
      add(key_result.id, IdKind::key_result, key_result.at, nullptr);
  }
  return ids;
}

}  // namespace iooi
