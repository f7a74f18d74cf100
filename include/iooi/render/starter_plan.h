#pragma once
// `iooi init`: the files of a small starter plan that passes `iooi check --strict`.
#include <string>
#include <vector>

#include "iooi/util/date.h"

namespace iooi {

struct StarterFile {
  std::string path;  // relative to the plan folder, '/'-separated
  std::string content;
};

// iooi.yaml, chain.yaml and okrs/<quarter>.yaml: one team's objective for the
// quarter that contains `today`, checked in on `today` so that nothing is stale.
std::vector<StarterFile> starter_plan(Date today);  // starter_plan.cpp

}  // namespace iooi
