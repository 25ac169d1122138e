// PLACEHOLDER: replaced by the owner of this command.
#include "cli/commands.hpp"
#include "relgraph/error.hpp"

namespace relgraph::cli {

void add_query_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("query", "(not yet implemented)");
  cmd->callback([] { throw Error(ErrorKind::Internal, "'query' is not implemented yet"); });
}

}  // namespace relgraph::cli
