// PLACEHOLDER: replaced by the owner of this command.
#include "cli/commands.hpp"
#include "relgraph/error.hpp"

namespace relgraph::cli {

void add_render_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("render", "(not yet implemented)");
  cmd->callback([] { throw Error(ErrorKind::Internal, "'render' is not implemented yet"); });
}

}  // namespace relgraph::cli
