// `iooi report`: roll progress up and print it as a table, Markdown, JSON or CSV.
#include <memory>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "common.h"
#include "iooi/render/report_output.h"
#include "rollup_run.h"

namespace iooi::cli {
namespace {

// The plan is gone once the roll-up is computed, but glibc keeps its freed pages,
// while the rendered text (tens of MiB for a big plan's JSON) comes from fresh
// pages: returning the plan's pages first keeps the two from adding up.
void release_freed_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

struct ReportCommandOptions {
  CommonOptions common;
  std::string period;
  std::string format = "table";
};

int run_report(const ReportCommandOptions& options) {
  int exit_code = exit_ok;
  std::optional<RollupRun> run = run_rollup(options.common, options.period, "report", exit_code);
  if (!run) return exit_code;
  release_freed_memory();
  ReportOptions render_options;
  render_options.language = run->language;
  render_options.findings = run->findings;
  std::string text;
  if (options.format == "markdown") {
    text = render_report_markdown(run->report, render_options);
  } else if (options.format == "json") {
    text = render_report_json(run->report);
  } else if (options.format == "csv") {
    text = render_report_csv(run->report, render_options);
  } else {
    render_options.color = stdout_wants_color(options.common);
    text = render_report_table(run->report, render_options);
  }
  return write_result(options.common, text);
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
