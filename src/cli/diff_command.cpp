// `iooi diff [REV_A [REV_B]]`: what changed in the plan between two git revisions,
// or between a revision and the working tree (docs/history.md).
#include <memory>

#include "common.h"
#include "iooi/app/history.h"
#include "messages.h"
#include "rollup_run.h"

namespace iooi::cli {
namespace {

struct DiffCommandOptions {
  CommonOptions common;
  std::vector<std::string> revisions;
  std::string period;
  DiffFormat format = DiffFormat::text;
};

int run_diff(const DiffCommandOptions& options) {
  DiffRequest request;
  request.rollup = rollup_request(options.common, options.period);
  if (!options.revisions.empty()) request.before = options.revisions[0];
  if (options.revisions.size() > 1) request.after = options.revisions[1];
  Notes notes;
  const Result<StreamWriter> output = diff_plan(request, options.format, notes);
  print_notes(notes, options.common.quiet);
  if (!output) return print_error(output.error());
  return write_result(options.common, *output);
}

}  // namespace

void add_diff_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DiffCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "diff",
      "What changed in the plan between two git revisions (default: HEAD and the working tree)");
  add_common_options(*command, options->common);
  // A diff reads the plan root of the working folder at both revisions: no PATHs,
  // no other iooi.yaml; it has no colour. --lang is the report's (plan.language, else en).
  for (const char* name : {"paths", "--config", "--color"})
    command->remove_option(command->get_option(name));
  command
      ->add_option("revisions", options->revisions,
                   "REV_A (default HEAD) and REV_B (default: the working tree)")
      ->expected(0, 2)
      ->option_text("[REV_A [REV_B]]");
  command
      ->add_option("--period", options->period,
                   "Objectives of this period whose progress is compared (default: all)")
      ->option_text("ID|all");
  add_choice_option(*command, "--format", options->format, diff_formats(), "Output format");
  command->callback([options, &exit_code] { exit_code = run_diff(*options); });
}

}  // namespace iooi::cli
