#include "rollup_run.h"

#include <fmt/format.h>

#include "messages.h"

namespace iooi::cli {

void add_period_option(CLI::App& command, std::string& period) {
  command
      .add_option("--period", period,
                  "Objectives of this period (an id such as 2026-Q1, or all); default: the "
                  "quarter containing --as-of")
      ->option_text("ID|all");
}

RollupRequest rollup_request(const CommonOptions& options, const std::string& period) {
  const Date clock = today();
  const std::optional<Date> as_of = parse_as_of(options.as_of);
  RollupRequest request;
  // The checks run at the day the user named, else today: the state of the
  // files now. The roll-up itself works at the report's as_of.
  request.plan = plan_request(options, as_of.value_or(clock));
  if (!period.empty()) request.period = period;
  request.as_of = as_of;
  request.today = clock;
  request.language = options.language;
  return request;
}

int finish_rollup(const Result<RollupOutput>& output, const CommonOptions& options,
                  std::string_view what) {
  if (!output) return print_error(output.error());
  const FindingCounts& counts = output->counts;
  if (!output->errors.empty()) {
    print_findings(output->errors, options.color);
    fmt::print(stderr, "iooi: no {}: the plan has {} {}; `iooi check` lists every finding\n", what,
               counts.errors, counts.errors == 1 ? "error" : "errors");
    return exit_findings;
  }
  if (counts.warnings > 0) {
    print_note(fmt::format("the plan has {} {}; `iooi check` lists them", counts.warnings,
                           counts.warnings == 1 ? "warning" : "warnings"),
               options.quiet);
  }
  return write_result(options, output->write);
}

}  // namespace iooi::cli
