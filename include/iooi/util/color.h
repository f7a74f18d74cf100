#pragma once
#include <cstddef>
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

// The columns the table report fits in (README.md, Commands): COLUMNS when it holds a
// whole number from 1 to 10000, else `terminal_columns` (0 when the output is not a
// terminal). 0 means no width is known, and the table keeps its fixed layout.
size_t output_columns(const char* columns_env, size_t terminal_columns);

}  // namespace iooi
