#include "iooi/util/color.h"

#include <charconv>
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

size_t output_columns(const char* columns_env, size_t terminal_columns) {
  constexpr size_t most_columns = 10000;
  if (non_empty(columns_env)) {
    const char* end = columns_env + std::strlen(columns_env);
    size_t columns = 0;
    const auto [rest, error] = std::from_chars(columns_env, end, columns);
    if (error == std::errc{} && rest == end && columns >= 1 && columns <= most_columns) {
      return columns;
    }
  }
  return terminal_columns;
}

}  // namespace iooi
