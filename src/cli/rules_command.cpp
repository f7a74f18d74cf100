// `iooi rules`: the rule catalogue as a table or as the text of docs/rules.md.
#include <memory>

#include "common.h"

namespace iooi::cli {

void add_rules_command(CLI::App& app, int& exit_code) {
  struct RulesOptions {
    RulesFormat format = RulesFormat::text;
    CommonOptions output;  // only -o/--output and --force-output are used
  };
  auto options = std::make_shared<RulesOptions>();
  CLI::App* command =
      app.add_subcommand("rules", "List every rule: id, default severity, one line of meaning");
  add_choice_option(*command, "--format", options->format, rules_formats(),
                    "text or markdown (the text of docs/rules.md)");
  command->add_option("-o,--output", options->output.output, "Write to FILE (atomically)")
      ->option_text("FILE");
  command->add_flag("--force-output", options->output.force_output,
                    "Let -o write through a symlink or outside the current folder");
  command->callback([options, &exit_code] {
    exit_code = write_result(options->output, render_rules(options->format));
  });
}

}  // namespace iooi::cli
