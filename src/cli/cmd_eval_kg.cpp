// PLACEHOLDER: replaced by the owner of this command.
#include "cli/commands.hpp"
#include "relgraph/error.hpp"

namespace relgraph::cli {

void add_eval_kg(CLI::App& app) {
  auto* cmd = app.add_subcommand("kg", "(not yet implemented)");
  cmd->callback([] { throw Error(ErrorKind::Internal, "'kg' is not implemented yet"); });
}

}  // namespace relgraph::cli
