#include "common.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>

#include "iooi/load/limits.h"
#include "iooi/util/atomic_file.h"
#include "iooi/util/output_target.h"
#include "iooi/util/utf8.h"
#include "messages.h"

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
  add_choice_option(command, "--lang", options.language, languages(),
                    "Language of labels (default: plan.language, else en)");
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
  command
      .add_option("-j,--jobs", options.jobs,
                  "Threads: files parsed, HTML charts drawn in parallel (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
}

void add_history_flag(CLI::App& command, bool& history) {
  command.add_flag("--history", history,
                   "Also compare targets with the plan as committed when each period began "
                   "(target-changed; needs the full git history)");
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

PlanRequest plan_request(const CommonOptions& options, Date reference_date) {
  PlanRequest request;
  request.paths = options.paths;
  if (!options.config_file.empty()) request.config_file = options.config_file;
  request.working_dir = std::filesystem::current_path().string();
  request.jobs = options.jobs;
  request.follow_outside_root = options.follow_outside_root;
  request.limits = options.limits;
  request.reference_date = reference_date;
  return request;
}

std::string choices_text(const std::vector<std::string>& names) {
  return fmt::format("{}", fmt::join(names, "|"));
}

namespace {

// -o never writes through a committed symlink or out of the current folder
// unless --force-output (docs/security.md).
Result<Done> output_allowed(const CommonOptions& options) {
  if (options.force_output) return Done{};
  const std::string refusal =
      output_target_refusal(options.output, std::filesystem::current_path().string());
  if (refusal.empty()) return Done{};
  return usage_error(refusal);
}

bool to_stdout(const CommonOptions& options) {
  return options.output.empty() || options.output == "-";
}

int stdout_flushed() {
  if (!std::cout.flush() || std::fflush(stdout) != 0)
    return print_error(input_error("cannot write the result to stdout"));
  return exit_ok;
}

// Passes a stream through workflow_log_text line by line (a line ends at LF or CR,
// as the runner splits them), holding no more than one line.
class WorkflowLogFilter : public std::streambuf {
 public:
  explicit WorkflowLogFilter(std::ostream& target) : target_(target) {}
  WorkflowLogFilter(const WorkflowLogFilter&) = delete;
  WorkflowLogFilter& operator=(const WorkflowLogFilter&) = delete;
  ~WorkflowLogFilter() override = default;

  void finish() {
    target_ << workflow_log_text(pending_);
    pending_.clear();
  }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    xsputn(&ch, 1);
    return c;
  }

  std::streamsize xsputn(const char* text, std::streamsize count) override {
    pending_.append(text, static_cast<size_t>(count));
    const size_t last_break = pending_.find_last_of("\r\n");
    if (last_break != std::string::npos) {
      target_ << workflow_log_text(std::string_view(pending_).substr(0, last_break + 1));
      pending_.erase(0, last_break + 1);
    }
    return count;
  }

 private:
  std::ostream& target_;
  std::string pending_;
};

// A step's stdout redirected to a file (`iooi report --format json > report.json`)
// is not the log: the file keeps the result byte for byte. A pipe or a terminal is.
bool stdout_is_regular_file() {
  struct stat info {};
  return ::fstat(STDOUT_FILENO, &info) == 0 && S_ISREG(info.st_mode);
}

}  // namespace

bool in_github_actions() {
  const char* actions = std::getenv("GITHUB_ACTIONS");
  return actions != nullptr && std::string_view(actions) == "true";
}

bool stdout_is_actions_log(const CommonOptions& options) {
  return to_stdout(options) && in_github_actions() && !stdout_is_regular_file();
}

int write_result(const CommonOptions& options, std::string_view content) {
  if (to_stdout(options)) {
    std::fwrite(content.data(), 1, content.size(), stdout);
    return stdout_flushed();
  }
  if (const Result<Done> allowed = output_allowed(options); !allowed)
    return print_error(allowed.error());
  const Result<Done> written = write_file_atomically(options.output, content);
  return written ? exit_ok : print_error(written.error());
}

int write_result(const CommonOptions& options, const StreamWriter& write) {
  if (stdout_is_actions_log(options)) {
    WorkflowLogFilter filter(std::cout);
    std::ostream log(&filter);
    write(log);
    filter.finish();
    return stdout_flushed();
  }
  if (to_stdout(options)) {
    write(std::cout);
    return stdout_flushed();
  }
  if (const Result<Done> allowed = output_allowed(options); !allowed)
    return print_error(allowed.error());
  const Result<Done> written = write_file_atomically(options.output, write);
  return written ? exit_ok : print_error(written.error());
}

bool stdout_wants_color(const CommonOptions& options) {
  if (!to_stdout(options)) return options.color == ColorMode::always;
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

}  // namespace iooi::cli
