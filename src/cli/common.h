#pragma once
// What every subcommand shares: the common options, turning them into a request
// for the library's entry points (iooi/app/commands.h), and writing results
// (stdout or an atomic --output file). Subcommands live in their own files
// (check_command.cpp, report_command.cpp, ...) and register themselves through
// an add_*_command function called from main.cpp.
#include <CLI/CLI.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "iooi/app/commands.h"
#include "iooi/app/formats.h"
#include "iooi/util/atomic_file.h"
#include "iooi/util/color.h"
#include "iooi/util/date.h"

namespace iooi::cli {

// Every error that stops a run exits 2, whatever its kind (docs/format.md).
// exit_internal is also exit_status_of() an internal RunError (util/run_error.h).
enum ExitCode { exit_ok = 0, exit_findings = 1, exit_usage = 2, exit_internal = 3 };

struct CommonOptions {
  std::vector<std::string> paths;
  std::string config_file;
  std::string as_of;                 // YYYY-MM-DD; empty = default
  std::optional<Language> language;  // --lang; none = plan.language, else en
  ColorMode color = ColorMode::automatic;
  std::string output;  // empty = stdout
  bool quiet = false;
  unsigned jobs = 0;
  bool force_output = false;         // -o may write through a symlink or outside the folder
  bool follow_outside_root = false;  // the walk may follow symlinks out of the plan root
  std::vector<std::string> limits;   // --limit NAME=VALUE (docs/limits.md)
};

// Adds PATH..., --config, --as-of, --lang, --color, -o/--output, --force-output,
// --follow-outside-root, --limit, -q/--quiet, -j/--jobs.
void add_common_options(CLI::App& command, CommonOptions& options);

// Adds --history (target-changed from the git history; docs/history.md).
void add_history_flag(CLI::App& command, bool& history);

// Today's local date: the only place the program reads the clock.
Date today();

// Parses --as-of; empty gives std::nullopt. A malformed date throws CLI::ValidationError.
std::optional<Date> parse_as_of(const std::string& text);

// The plan that PATH..., --config and --jobs name, checked at `reference_date`.
PlanRequest plan_request(const CommonOptions& options, Date reference_date);

// The names of a table as `--help` shows them: "table|markdown|json|csv".
template <typename Value>
std::vector<std::string> names_of(std::span<const Named<Value>> table) {
  std::vector<std::string> names;
  for (const Named<Value>& row : table) names.emplace_back(row.name);
  return names;
}
std::string choices_text(const std::vector<std::string>& names);

// Adds `flag`, taking one of `table`'s names and storing its value in `target`
// (a Value, or a std::optional<Value> that stays empty when the flag is not given).
template <typename Value, typename Target>
CLI::Option* add_choice_option(CLI::App& command, const std::string& flag, Target& target,
                               std::span<const Named<Value>> table, const std::string& help) {
  const std::vector<std::string> names = names_of(table);
  return command
      .add_option_function<std::string>(
          flag,
          [&target, table](const std::string& name) {
            for (const Named<Value>& row : table)
              if (row.name == name) target = row.value;
          },
          help)
      ->check(CLI::IsMember(names))
      ->option_text(choices_text(names));
}

// Writes the result to --output atomically (refusing a symlink or a place outside
// the current folder without --force-output), or to stdout. Returns exit_ok or exit_usage.
int write_result(const CommonOptions& options, std::string_view content);
// The same for a result that `write` streams out in pieces.
int write_result(const CommonOptions& options, const StreamWriter& write);

// GITHUB_ACTIONS=true: a step of GitHub Actions, whose log the runner reads workflow
// commands from.
bool in_github_actions();
// The result goes to stdout and stdout is such a log (not a regular file, which
// the step redirected it to): what iooi prints there passes workflow_log_text,
// unless it is iooi's own annotations (docs/security.md). The stream form of
// write_result does this itself.
bool stdout_is_actions_log(const CommonOptions& options);

// Whether stdout (or the --output file: never) should get colour.
bool stdout_wants_color(const CommonOptions& options);

// The columns the table report fits in: COLUMNS, else the terminal's when the result goes
// to a terminal, else 0 (no width known: the table keeps its fixed layout).
size_t stdout_columns(const CommonOptions& options);

void add_check_command(CLI::App& app, int& exit_code);
void add_rules_command(CLI::App& app, int& exit_code);
void add_report_command(CLI::App& app, int& exit_code);  // report_command.cpp
void add_graph_command(CLI::App& app, int& exit_code);   // graph_command.cpp
void add_schema_command(CLI::App& app, int& exit_code);  // schema_command.cpp
void add_init_command(CLI::App& app, int& exit_code);    // init_command.cpp
void add_diff_command(CLI::App& app, int& exit_code);    // diff_command.cpp

// checkin_command.cpp
void add_checkin_command(CLI::App& app, int& exit_code);

// Hidden `__complete`: ids for the shell completions (complete_command.cpp).
void add_complete_command(CLI::App& app, int& exit_code);

}  // namespace iooi::cli
