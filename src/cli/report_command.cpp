// `iooi report`: roll progress up and print it as a table, Markdown, JSON or CSV.
#include <memory>

#include "common.h"
#include "messages.h"
#include "rollup_run.h"

namespace iooi::cli {
namespace {

struct ReportCommandOptions {
  CommonOptions common;
  std::string period;
  ReportFormat format = ReportFormat::table;
  bool history = false;
  std::string since;
};

int run_report(const ReportCommandOptions& options) {
  Notes notes;
  RollupRequest request = rollup_request(options.common, options.period);
  request.plan.history = options.history;
  if (!options.since.empty()) request.since = options.since;
  const Result<RollupOutput> output = report_plan(
      request, options.format,
      TableLook{stdout_wants_color(options.common), stdout_columns(options.common)}, notes);
  print_notes(notes, options.common.quiet);
  return finish_rollup(output, options.common, "report");
}

}  // namespace

void add_report_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ReportCommandOptions>();
  CLI::App* command = app.add_subcommand("report", "Roll progress up and print a summary");
  add_common_options(*command, options->common);
  add_period_option(*command, options->period);
  add_choice_option(*command, "--format", options->format, report_formats(), "Output format");
  add_history_flag(*command, options->history);
  command
      ->add_option("--since", options->since,
                   "Also show each value and progress at this day (or a period's last day) and "
                   "the change since")
      ->option_text("DATE|PERIOD");
  command->callback([options, &exit_code] { exit_code = run_report(*options); });
}

}  // namespace iooi::cli
