#pragma once
// Finding a measure (key result or indicator) by id in one file's YAML tree, and
// whether its text is really where its data comes from.
#include <string_view>
#include <vector>

#include "iooi/yaml/tree.h"

namespace iooi::edit {

struct MeasureLocation {
  const yaml::Node* measure = nullptr;  // the measure's mapping
  size_t matches = 0;                   // measures with this id in the file
  // Why the text cannot be edited (an anchor, alias or merge key is involved);
  // empty when it can.
  std::string_view shared_through;
};

MeasureLocation locate_measure(const yaml::Node* root, std::string_view measure_id);

// Every measure mapping of the file, in document order (for style samples).
std::vector<const yaml::Node*> all_measures(const yaml::Node* root);

}  // namespace iooi::edit
