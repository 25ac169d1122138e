// PLACEHOLDER: replaced by the owner of this command.
#include "cli/commands.hpp"
#include "relgraph/error.hpp"

namespace relgraph::cli {

void add_parse_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("parse", "(not yet implemented)");
  cmd->callback([] { throw Error(ErrorKind::Internal, "'parse' is not implemented yet"); });
}

}  // namespace relgraph::cli
