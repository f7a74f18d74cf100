#pragma once
#include <string_view>

namespace iooi {

enum class ColorMode { automatic, always, never };

struct ColorEnvironment {
  const char* force_color = nullptr;     // FORCE_COLOR
  const char* no_color = nullptr;        // NO_COLOR
  const char* clicolor_force = nullptr;  // CLICOLOR_FORCE
  const char* term = nullptr;            // TERM
  bool is_terminal = false;              // the output stream is a TTY
};

// The precedence documented in README.md (Commands): --color, FORCE_COLOR, NO_COLOR,
// CLICOLOR_FORCE, TTY+TERM.
bool use_color(ColorMode mode, const ColorEnvironment& env);

}  // namespace iooi
