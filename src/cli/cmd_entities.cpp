// PLACEHOLDER: replaced by the owner of this command.
#include "cli/commands.hpp"
#include "relgraph/error.hpp"

namespace relgraph::cli {

void add_entities_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("entities", "(not yet implemented)");
  cmd->callback([] { throw Error(ErrorKind::Internal, "'entities' is not implemented yet"); });
}

}  // namespace relgraph::cli
