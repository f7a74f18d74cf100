#include "graph_style.h"

#include "i18n.h"

namespace iooi::graph {

const StatusStyle& status_style(Status status) {
  static constexpr StatusStyle done{"done", "#b2f2bb", "#2b8a3e", "#1b1f23"};
  static constexpr StatusStyle on_track{"onTrack", "#d3f9d8", "#40c057", "#1b1f23"};
  static constexpr StatusStyle at_risk{"atRisk", "#ffec99", "#f08c00", "#1b1f23"};
  static constexpr StatusStyle off_track{"offTrack", "#ffc9c9", "#e03131", "#1b1f23"};
  static constexpr StatusStyle none{"noStatus", "#f1f3f5", "#868e96", "#1b1f23"};
  switch (status) {
    case Status::done:
      return done;
    case Status::on_track:
      return on_track;
    case Status::at_risk:
      return at_risk;
    case Status::off_track:
      return off_track;
    case Status::none:
    case Status::no_data:  // a data gap: grey like no status
      return none;
  }
  return none;
}

std::vector<std::string> node_lines(const ElementResult& element, std::string_view language) {
  // Without progress (nothing measured) the status alone says so; a dash would not.
  std::string second;
  if (element.progress) second = i18n::percent(element.progress, language) + " · ";
  second += i18n::status_label(element.status, language);
  return {element.title.empty() ? element.id : element.title, second};
}

std::string weight_label(double weight, std::string_view language) {
  if (weight == 1.0) return "";
  return "×" + i18n::number(weight, language);
}

ElementIndex::ElementIndex(const Report& report) {
  index_.reserve(report.elements.size());
  for (size_t i = 0; i < report.elements.size(); ++i)
    if (report.elements[i].defines_id) index_.emplace(report.elements[i].id, static_cast<int>(i));
}

int ElementIndex::find(std::string_view id) const {
  const auto found = index_.find(id);
  return found == index_.end() ? -1 : found->second;
}

}  // namespace iooi::graph
