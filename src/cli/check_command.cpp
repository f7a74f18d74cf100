// `iooi check`: validate the plan and print its findings in one of the check formats.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "common.h"
#include "iooi/check/check.h"
#include "iooi/util/utf8.h"
#include "messages.h"

namespace iooi::cli {
namespace {

struct CheckOptions {
  CommonOptions common;
  std::optional<CheckFormat> format;  // none = auto
  bool strict = false;
  bool history = false;
};

// --format auto: the annotations of GitHub Actions there, text elsewhere.
CheckFormat resolve_format(std::optional<CheckFormat> format) {
  if (format) return *format;
  return in_github_actions() ? CheckFormat::github : CheckFormat::text;
}

int run_check(const CheckOptions& options) {
  const Date reference_date = parse_as_of(options.common.as_of).value_or(today());
  Notes notes;
  PlanRequest request = plan_request(options.common, reference_date);
  request.history = options.history;
  const Result<CheckedPlan> checked = check_plan(request, notes);
  print_notes(notes, options.common.quiet);
  if (!checked) return print_error(checked.error());

  const CheckFormat format = resolve_format(options.format);
  const bool text = format == CheckFormat::text;
  const CheckRun run{checked->load.plan.files, text && stdout_wants_color(options.common),
                     checked->omitted};
  std::string content = render_check(format, checked->findings, run);
  if (format != CheckFormat::github && stdout_is_actions_log(options.common))
    content = workflow_log_text(content);
  const int written = write_result(options.common, content);
  if (written != exit_ok) return written;
  if (text && !options.common.quiet)
    fmt::print(stderr, "{}\n",
               check_summary_line(checked->findings, run.files.size(), run.omitted));

  const FindingCounts& omitted = checked->omitted;
  const bool failing =
      std::any_of(checked->findings.begin(), checked->findings.end(),
                  [&](const Finding& f) { return is_failing(f, options.strict); }) ||
      omitted.errors > 0 || (options.strict && omitted.warnings > 0);
  return failing ? exit_findings : exit_ok;
}

void add_format_option(CLI::App& command, std::optional<CheckFormat>& format) {
  std::vector<std::string> names = names_of(check_formats());
  names.insert(names.begin(), "auto");
  command
      .add_option_function<std::string>(
          "--format",
          [&format](const std::string& name) {
            format.reset();
            for (const Named<CheckFormat>& row : check_formats())
              if (row.name == name) format = row.value;
          },
          "Output format")
      ->check(CLI::IsMember(names))
      ->option_text(choices_text(names));
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand("check", "Validate the plan; exit 1 on errors");
  add_common_options(*command, options->common);
  add_format_option(*command, options->format);
  command->add_flag("--strict", options->strict, "Warnings fail the check too");
  add_history_flag(*command, options->history);
  command->callback([options, &exit_code] { exit_code = run_check(*options); });
}

}  // namespace iooi::cli
