#include <memory>

#include "common.h"
#include "iooi/render/rules_output.h"

namespace iooi::cli {

void add_rules_command(CLI::App& app, int& exit_code) {
  struct RulesOptions {
    std::string format = "text";
    CommonOptions output;  // only -o/--output is used
  };
  auto options = std::make_shared<RulesOptions>();
  CLI::App* command =
      app.add_subcommand("rules", "List every rule: id, default severity, one line of meaning");
  command->add_option("--format", options->format, "text or markdown (the text of docs/rules.md)")
      ->check(CLI::IsMember({"text", "markdown"}));
  command->add_option("-o,--output", options->output.output, "Write to FILE (atomically)")
      ->option_text("FILE");
  command->add_flag("--force-output", options->output.force_output,
                    "Let -o write through a symlink or outside the current folder");
  command->callback([options, &exit_code] {
    exit_code =
        write_result(options->output,
                     options->format == "markdown" ? render_rules_markdown() : render_rules_text());
  });
}

}  // namespace iooi::cli
