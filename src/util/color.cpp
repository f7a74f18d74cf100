#include "iooi/util/color.h"

#include <cstring>

namespace iooi {
namespace {
bool non_empty(const char* value) { return value != nullptr && *value != '\0'; }
}  // namespace

bool use_color(ColorMode mode, const ColorEnvironment& env) {
  if (mode == ColorMode::always) return true;
  if (mode == ColorMode::never) return false;
  if (non_empty(env.force_color)) return true;
  if (non_empty(env.no_color)) return false;
  if (non_empty(env.clicolor_force) && std::strcmp(env.clicolor_force, "0") != 0) return true;
  return env.is_terminal && !(env.term != nullptr && std::strcmp(env.term, "dumb") == 0);
}

}  // namespace iooi
