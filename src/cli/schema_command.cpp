// Placeholder until the schema command lands; the owner replaces this file.
#include <fmt/format.h>

#include "common.h"

namespace iooi::cli {

void add_schema_command(CLI::App& app, int& exit_code) {
  app.add_subcommand("schema", "(not yet available)")->callback([&exit_code] {
    fmt::print(stderr, "iooi: 'schema' is not available in this build yet\n");
    exit_code = exit_usage;
  });
}

}  // namespace iooi::cli
