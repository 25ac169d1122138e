// PLACEHOLDER: replaced by the owner of this command.
#include "cli/commands.hpp"
#include "relgraph/error.hpp"

namespace relgraph::cli {

void add_eval_carb(CLI::App& app) {
  auto* cmd = app.add_subcommand("carb", "(not yet implemented)");
  cmd->callback([] { throw Error(ErrorKind::Internal, "'carb' is not implemented yet"); });
}

}  // namespace relgraph::cli
