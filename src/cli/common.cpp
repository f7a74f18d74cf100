#include "common.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>

#include "iooi/check/check.h"
#include "iooi/load/limits.h"
#include "iooi/render/check_output.h"
#include "iooi/util/atomic_file.h"
#include "iooi/util/output_target.h"

namespace iooi::cli {

void add_common_options(CLI::App& command, CommonOptions& options) {
  command.add_option("paths", options.paths, "Plan files or folders (default: the plan root)");
  command.add_option("--config", options.config_file, "The iooi.yaml to use")->option_text("FILE");
  command.add_option("--as-of", options.as_of, "Evaluation day (default: today)")
      ->option_text("YYYY-MM-DD")
      ->check([](const std::string& text) {
        return Date::parse(text) ? std::string{}
                                 : "needs a real calendar day as YYYY-MM-DD, got '" + text + "'";
      });
  command
      .add_option("--lang", options.lang, "Language of labels (default: plan.language, else en)")
      ->check(CLI::IsMember({"en", "de"}));
  const std::map<std::string, ColorMode> color_modes = {
      {"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}};
  command.add_option("--color", options.color, "Colour: auto, always or never")
      ->transform(CLI::CheckedTransformer(color_modes))
      ->option_text("auto|always|never");
  command.add_option("-o,--output", options.output, "Write the result to FILE (atomically)")
      ->option_text("FILE");
  command.add_flag("--force-output", options.force_output,
                   "Let -o write through a symlink or outside the current folder");
  command.add_flag("--follow-outside-root", options.follow_outside_root,
                   "Follow symlinks that lead out of the plan root (or of a PATH)");
  command
      .add_option(
          "--limit", options.limits,
          "Set a limit of docs/limits.md (" + limit_names() + "); plan.limits can only lower it")
      ->option_text("NAME=VALUE")
      ->allow_extra_args(false);
  command.add_flag("-q,--quiet", options.quiet, "No messages about the run on stderr");
  command.add_option("-j,--jobs", options.jobs, "Files parsed in parallel (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
}

Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                        static_cast<unsigned>(local.tm_mday));
}

std::optional<Date> parse_as_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return Date::parse(text);
}

std::optional<CheckedPlan> load_and_check(const CommonOptions& options, Date reference_date) {
  LoadOptions load_options;
  load_options.paths = options.paths;
  if (!options.config_file.empty()) load_options.config_file = options.config_file;
  load_options.working_dir = std::filesystem::current_path().string();
  load_options.jobs = options.jobs;
  load_options.follow_outside_root = options.follow_outside_root;
  for (const std::string& assignment : options.limits) {
    const std::string error = set_limit_option(load_options, assignment);
    if (!error.empty()) {
      fmt::print(stderr, "iooi: error: {}\n", error);
      return std::nullopt;
    }
  }

  Notes notes;
  Result<LoadedPlan> loaded = load_plan(load_options, notes);
  if (!options.quiet)
    for (const std::string& note : notes) fmt::print(stderr, "iooi: note: {}\n", note);
  if (!loaded) {
    fmt::print(stderr, "iooi: {}: {}\n",
               loaded.error().kind == ErrorKind::internal ? "internal error" : "error",
               loaded.error().message);
    return std::nullopt;
  }
  CheckedPlan checked{std::move(*loaded), {}};
  checked.findings = std::move(checked.load.findings);
  Findings rule_findings = run_checks(checked.load.plan, CheckContext{reference_date});
  checked.findings.insert(checked.findings.end(), std::make_move_iterator(rule_findings.begin()),
                          std::make_move_iterator(rule_findings.end()));
  apply_severities(checked.findings, checked.load.plan.config);
  sort_findings(checked.findings);
  return checked;
}

std::string effective_language(const CommonOptions& options, const Plan& plan) {
  if (!options.lang.empty()) return options.lang;
  if (plan.config.language == "de") return "de";
  return "en";
}

// -o never writes through a committed symlink or out of the current folder
// unless --force-output (docs/security.md); says why on stderr when refused.
bool output_allowed(const CommonOptions& options) {
  if (options.force_output) return true;
  const std::string refusal =
      output_target_refusal(options.output, std::filesystem::current_path().string());
  if (refusal.empty()) return true;
  fmt::print(stderr, "iooi: error: {}\n", refusal);
  return false;
}

int write_result(const CommonOptions& options, std::string_view content) {
  if (options.output.empty() || options.output == "-") {
    std::fwrite(content.data(), 1, content.size(), stdout);
    if (std::fflush(stdout) != 0) {
      fmt::print(stderr, "iooi: error: cannot write the result to stdout\n");
      return exit_usage;
    }
    return exit_ok;
  }
  if (!output_allowed(options)) return exit_usage;
  const Result<Done> written = write_file_atomically(options.output, content);
  if (!written) {
    fmt::print(stderr, "iooi: error: {}\n", written.error().message);
    return exit_usage;
  }
  return exit_ok;
}

int write_result(const CommonOptions& options, const StreamWriter& write) {
  if (options.output.empty() || options.output == "-") {
    write(std::cout);
    if (!std::cout.flush() || std::fflush(stdout) != 0) {
      fmt::print(stderr, "iooi: error: cannot write the result to stdout\n");
      return exit_usage;
    }
    return exit_ok;
  }
  if (!output_allowed(options)) return exit_usage;
  const Result<Done> written = write_file_atomically(options.output, write);
  if (!written) {
    fmt::print(stderr, "iooi: error: {}\n", written.error().message);
    return exit_usage;
  }
  return exit_ok;
}

bool stdout_wants_color(const CommonOptions& options) {
  if (!options.output.empty() && options.output != "-") return options.color == ColorMode::always;
  ColorEnvironment env{std::getenv("FORCE_COLOR"), std::getenv("NO_COLOR"),
                       std::getenv("CLICOLOR_FORCE"), std::getenv("TERM"),
                       isatty(STDOUT_FILENO) == 1};
  return use_color(options.color, env);
}

size_t stdout_columns(const CommonOptions& options) {
  size_t terminal_columns = 0;
  winsize size{};
  const bool to_stdout = options.output.empty() || options.output == "-";
  if (to_stdout && isatty(STDOUT_FILENO) == 1 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
    terminal_columns = size.ws_col;
  }
  return output_columns(std::getenv("COLUMNS"), terminal_columns);
}

void print_findings_to_stderr(const Findings& findings, bool color) {
  const std::string text = render_check_text(findings, CheckRun{{}, color});
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace iooi::cli
