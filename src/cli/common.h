#pragma once
// What every subcommand shares: the common options, loading + checking the plan,
// and writing results (stdout or an atomic --output file). Subcommands live in
// their own files (check_command.cpp, report_command.cpp, ...) and register
// themselves through an add_*_command function called from main.cpp.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iooi/diag/finding.h"
#include "iooi/load/load_plan.h"
#include "iooi/util/atomic_file.h"
#include "iooi/util/color.h"
#include "iooi/util/date.h"

namespace iooi::cli {

enum ExitCode { exit_ok = 0, exit_findings = 1, exit_usage = 2 };

struct CommonOptions {
  std::vector<std::string> paths;
  std::string config_file;
  std::string as_of;  // YYYY-MM-DD; empty = default
  std::string lang;   // en | de; empty = plan.language, else en
  ColorMode color = ColorMode::automatic;
  std::string output;  // empty = stdout
  bool quiet = false;
  unsigned jobs = 0;
  bool force_output = false;         // -o may write through a symlink or outside the folder
  bool follow_outside_root = false;  // the walk may follow symlinks out of the plan root
  std::vector<std::string> limits;   // --limit NAME=VALUE (docs/limits.md)
};

// Adds PATH..., --config, --as-of, --lang, --color, -o/--output, -q/--quiet, -j/--jobs.
void add_common_options(CLI::App& command, CommonOptions& options);

// Today's local date: the only place the program reads the clock.
Date today();

// Parses --as-of; empty gives std::nullopt. A malformed date throws CLI::ValidationError.
std::optional<Date> parse_as_of(const std::string& text);

struct CheckedPlan {
  LoadedPlan load;
  Findings findings;  // reader + decoder + rule findings, severities applied, sorted
};

// Loads the plan and runs every rule with `reference_date`. On a fatal load error
// (missing PATH, unreadable file) prints it to stderr and returns std::nullopt.
std::optional<CheckedPlan> load_and_check(const CommonOptions& options, Date reference_date);

// "de" or "en" from --lang, else plan.language, else "en".
std::string effective_language(const CommonOptions& options, const Plan& plan);

// Writes the result to --output atomically, or to stdout. Returns exit_ok or exit_usage.
int write_result(const CommonOptions& options, std::string_view content);
// The same for a result that `write` streams out in pieces.
int write_result(const CommonOptions& options, const StreamWriter& write);

// Whether stdout (or the --output file: never) should get colour.
bool stdout_wants_color(const CommonOptions& options);

// The columns the table report fits in: COLUMNS, else the terminal's when the result goes
// to a terminal, else 0 (no width known: the table keeps its fixed layout).
size_t stdout_columns(const CommonOptions& options);

// Prints findings as text lines to stderr (used by report/graph when they refuse to print).
void print_findings_to_stderr(const Findings& findings, bool color);

void add_check_command(CLI::App& app, int& exit_code);
void add_rules_command(CLI::App& app, int& exit_code);
void add_report_command(CLI::App& app, int& exit_code);  // report_command.cpp
void add_graph_command(CLI::App& app, int& exit_code);   // graph_command.cpp
void add_schema_command(CLI::App& app, int& exit_code);  // schema_command.cpp
void add_init_command(CLI::App& app, int& exit_code);    // init_command.cpp

// Hidden `__complete`: ids for the shell completions (complete_command.cpp).
void add_complete_command(CLI::App& app, int& exit_code);

}  // namespace iooi::cli
