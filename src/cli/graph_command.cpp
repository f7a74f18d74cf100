// `iooi graph`: the impact chain as a Mermaid flowchart or a Graphviz digraph,
// coloured by the status of the roll-up.
#include <memory>

#include "common.h"
#include "messages.h"
#include "rollup_run.h"

namespace iooi::cli {
namespace {

struct GraphCommandOptions {
  CommonOptions common;
  std::string period;
  GraphFormat format = GraphFormat::mermaid;
};

int run_graph(const GraphCommandOptions& options) {
  Notes notes;
  const Result<RollupOutput> output =
      graph_plan(rollup_request(options.common, options.period), options.format, notes);
  print_notes(notes, options.common.quiet);
  return finish_rollup(output, options.common, "graph");
}

}  // namespace

void add_graph_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<GraphCommandOptions>();
  CLI::App* command =
      app.add_subcommand("graph", "Draw the impact chain (Mermaid or Graphviz DOT)");
  add_common_options(*command, options->common);
  add_period_option(*command, options->period);
  add_choice_option(*command, "--format", options->format, graph_formats(), "Output format");
  command->callback([options, &exit_code] { exit_code = run_graph(*options); });
}

}  // namespace iooi::cli
