// iooi: wires the command line to the pipeline; each subcommand lives in its own file.
#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <new>
#include <string_view>
#include <vector>

#include "common.h"
#include "iooi/util/suggest.h"
#include "iooi/util/utf8.h"
#include "messages.h"

namespace {

int run_iooi(int argc, char** argv) {
  using namespace iooi::cli;
  CLI::App app{
      "iooi checks impact-chain and OKR plans kept as YAML, rolls key-result progress up "
      "to the impact goals, and prints reports and diagrams.",
      "iooi"};
  app.set_version_flag("--version", "iooi " IOOI_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 = no failing finding, 1 = failing findings, 2 = usage or input error, "
      "3 = internal error (a bug in iooi).");

  int exit_code = exit_ok;
  add_check_command(app, exit_code);
  add_report_command(app, exit_code);
  add_graph_command(app, exit_code);
  add_rules_command(app, exit_code);
  add_schema_command(app, exit_code);
  add_init_command(app, exit_code);
  add_diff_command(app, exit_code);
  add_complete_command(app, exit_code);
  add_checkin_command(app, exit_code);

  std::vector<std::string_view> names;
  for (const CLI::App* command : app.get_subcommands({})) names.push_back(command->get_name());
  if (argc > 1 && argv[1][0] != '-' &&
      std::find(names.begin(), names.end(), std::string_view(argv[1])) == names.end()) {
    const auto suggestion = iooi::closest_match(argv[1], names);
    fmt::print(stderr, "iooi: '{}' is not a command{}; see 'iooi --help'\n",
               iooi::terminal_text(argv[1]),
               suggestion ? fmt::format(" (did you mean '{}'?)", *suggestion) : "");
    return exit_usage;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? exit_ok : exit_usage;
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  using iooi::cli::print_error;
  try {
    return run_iooi(argc, argv);
  } catch (const std::bad_alloc&) {
    // Not a bug: the plan needs more memory than the machine gives (docs/limits.md).
    return print_error(iooi::input_error("out of memory"));
  } catch (const std::exception& error) {
    return print_error(iooi::internal_error(error.what()));
  } catch (...) {
    return print_error(iooi::internal_error("an exception of unknown type"));
  }
}
