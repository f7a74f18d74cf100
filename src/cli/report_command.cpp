// `iooi report`: roll progress up and print it as a table, Markdown, JSON or CSV.
#include <memory>

#include "common.h"
#include "iooi/render/report_output.h"
#include "rollup_run.h"

namespace iooi::cli {
namespace {

struct ReportCommandOptions {
  CommonOptions common;
  std::string period;
  std::string format = "table";
};

int run_report(const ReportCommandOptions& options) {
  int exit_code = exit_ok;
  std::optional<RollupRun> run = run_rollup(options.common, options.period, "report", exit_code);
  if (!run) return exit_code;
  ReportOptions render_options;
  render_options.language = run->language;
  render_options.findings = run->findings;
  if (options.format == "table") {
    render_options.color = stdout_wants_color(options.common);
    render_options.width = stdout_columns(options.common);
  }
  const Report& report = run->report;
  return write_result(options.common, [&](std::ostream& out) {
    if (options.format == "markdown") {
      render_report_markdown(report, render_options, out);
    } else if (options.format == "json") {
      render_report_json(report, out);
    } else if (options.format == "csv") {
      render_report_csv(report, render_options, out);
    } else {
      render_report_table(report, render_options, out);
    }
  });
}

}  // namespace

void add_report_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ReportCommandOptions>();
  CLI::App* command = app.add_subcommand("report", "Roll progress up and print a summary");
  add_common_options(*command, options->common);
  add_period_option(*command, options->period);
  command->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"table", "markdown", "json", "csv"}))
      ->option_text("table|markdown|json|csv");
  command->callback([options, &exit_code] { exit_code = run_report(*options); });
}

}  // namespace iooi::cli
