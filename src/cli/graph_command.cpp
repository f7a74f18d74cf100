// `iooi graph`: the impact chain as a Mermaid flowchart or a Graphviz digraph,
// coloured by the status of the roll-up.
#include <memory>

#include "common.h"
#include "iooi/render/graph_output.h"
#include "rollup_run.h"

namespace iooi::cli {
namespace {

struct GraphCommandOptions {
  CommonOptions common;
  std::string period;
  std::string format = "mermaid";
};

int run_graph(const GraphCommandOptions& options) {
  int exit_code = exit_ok;
  std::optional<RollupRun> run = run_rollup(options.common, options.period, "graph", exit_code);
  if (!run) return exit_code;
  const std::string text = options.format == "dot"
                               ? render_graph_dot(run->report, run->language)
                               : render_graph_mermaid(run->report, run->language);
  return write_result(options.common, text);
}

}  // namespace

void add_graph_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<GraphCommandOptions>();
  CLI::App* command =
      app.add_subcommand("graph", "Draw the impact chain (Mermaid or Graphviz DOT)");
  add_common_options(*command, options->common);
  add_period_option(*command, options->period);
  command->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"mermaid", "dot"}))
      ->option_text("mermaid|dot");
  command->callback([options, &exit_code] { exit_code = run_graph(*options); });
}

}  // namespace iooi::cli
