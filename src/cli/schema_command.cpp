#include <memory>

#include "common.h"
#include "iooi/render/schema_output.h"

namespace iooi::cli {

void add_schema_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CommonOptions>();  // only -o/--output is used
  CLI::App* command = app.add_subcommand(
      "schema", "Print the JSON Schema of plan files (for editors; see docs/editor.md)");
  command->add_option("-o,--output", options->output, "Write to FILE (atomically)")
      ->option_text("FILE");
  command->add_flag("--force-output", options->force_output,
                    "Let -o write through a symlink or outside the current folder");
  command->callback(
      [options, &exit_code] { exit_code = write_result(*options, render_plan_schema()); });
}

}  // namespace iooi::cli
