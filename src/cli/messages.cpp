#include "messages.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "common.h"
#include "iooi/render/check_output.h"
#include "iooi/util/utf8.h"

namespace iooi::cli {
namespace {

// Every line on stderr: a CI runner reads workflow commands from it as from stdout,
// whatever the environment says, and iooi never means to send one there.
void write_stderr(std::string_view text) {
  const std::string shown = workflow_log_text(text);
  std::fwrite(shown.data(), 1, shown.size(), stderr);
}

}  // namespace

// Notes and errors quote user text (ids, file names, values): shown through
// terminal_text, one line each, they can neither send escape sequences nor fake
// further lines of output (docs/security.md).
void print_note(std::string_view text, bool quiet) {
  if (!quiet) write_stderr(fmt::format("iooi: note: {}\n", terminal_text(text)));
}

void print_notes(const Notes& notes, bool quiet) {
  for (const std::string& note : notes) print_note(note, quiet);
}

int print_error(const RunError& error) {
  write_stderr(fmt::format("iooi: {}: {}\n",
                           error.kind == ErrorKind::internal ? "internal error" : "error",
                           terminal_text(error.message)));
  return exit_status_of(error);
}

void print_findings(const Findings& findings, ColorMode color) {
  const ColorEnvironment env{std::getenv("FORCE_COLOR"), std::getenv("NO_COLOR"),
                             std::getenv("CLICOLOR_FORCE"), std::getenv("TERM"),
                             isatty(STDERR_FILENO) == 1};
  write_stderr(render_check_text(findings, CheckRun{{}, use_color(color, env), {}}));
}

}  // namespace iooi::cli
