// PLACEHOLDER: replaced by the owner of this command.
#include "cli/commands.hpp"
#include "relgraph/error.hpp"

namespace relgraph::cli {

void add_train_tokenizer(CLI::App& app) {
  auto* cmd = app.add_subcommand("tokenizer", "(not yet implemented)");
  cmd->callback([] { throw Error(ErrorKind::Internal, "'tokenizer' is not implemented yet"); });
}

}  // namespace relgraph::cli
