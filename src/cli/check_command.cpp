#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "common.h"
#include "iooi/check/check.h"
#include "iooi/render/check_output.h"

namespace iooi::cli {
namespace {

struct CheckOptions {
  CommonOptions common;
  std::string format = "auto";
  bool strict = false;
};

std::string resolve_format(const std::string& format) {
  if (format != "auto") return format;
  const char* actions = std::getenv("GITHUB_ACTIONS");
  return actions != nullptr && std::strcmp(actions, "true") == 0 ? "github" : "text";
}

std::string render(const std::string& format, const Findings& findings, const CheckRun& run) {
  if (format == "json") return render_check_json(findings, run);
  if (format == "github") return render_check_github(findings, run);
  if (format == "sarif") return render_check_sarif(findings, run);
  if (format == "junit") return render_check_junit(findings, run);
  if (format == "gitlab") return render_check_gitlab(findings, run);
  return render_check_text(findings, run);
}

int run_check(const CheckOptions& options) {
  const Date reference_date = parse_as_of(options.common.as_of).value_or(today());
  std::optional<CheckedPlan> checked = load_and_check(options.common, reference_date);
  if (!checked) return exit_usage;

  const std::string format = resolve_format(options.format);
  CheckRun run{checked->load.plan.files, format == "text" && stdout_wants_color(options.common)};
  const int written = write_result(options.common, render(format, checked->findings, run));
  if (written != exit_ok) return written;
  if (format == "text" && !options.common.quiet)
    fmt::print(stderr, "{}\n", check_summary_line(checked->findings, run.files.size()));

  const bool failing = std::any_of(checked->findings.begin(), checked->findings.end(),
                                   [&](const Finding& f) { return is_failing(f, options.strict); });
  return failing ? exit_findings : exit_ok;
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand("check", "Validate the plan; exit 1 on errors");
  add_common_options(*command, options->common);
  command->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"auto", "text", "json", "github", "sarif", "junit", "gitlab"}))
      ->option_text("auto|text|json|github|sarif|junit|gitlab");
  command->add_flag("--strict", options->strict, "Warnings fail the check too");
  command->callback([options, &exit_code] { exit_code = run_check(*options); });
}

}  // namespace iooi::cli
