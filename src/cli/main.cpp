// relgraph's command line: registers the subcommands and turns errors into
// messages and exit codes. Everything else lives in cmd_*.cpp and the library.
#include <iostream>

#include "cli/commands.hpp"
#include "relgraph/error.hpp"
#include "relgraph/version.hpp"

namespace relgraph::cli {

void add_train_command(CLI::App& app) {
  auto* train = app.add_subcommand("train", "Train a model from ../shared/data treebanks");
  train->require_subcommand(1);
  add_train_tokenizer(*train);
  add_train_tagger(*train);
  add_train_parser(*train);
  add_train_ner(*train);
}

void add_eval_command(CLI::App& app) {
  auto* eval = app.add_subcommand("eval", "Measure accuracy against a gold standard");
  eval->require_subcommand(1);
  add_eval_ud(*eval);
  add_eval_ner(*eval);
  add_eval_carb(*eval);
  add_eval_kg(*eval);
}

}  // namespace relgraph::cli

int main(int argc, char** argv) {
  using namespace relgraph;
  CLI::App app{"relgraph: English news articles to knowledge graphs"};
  app.set_version_flag("--version", std::string("relgraph ") + kVersion);
  app.require_subcommand(1);
  cli::add_extract_command(app);
  cli::add_render_command(app);
  cli::add_convert_command(app);
  cli::add_query_command(app);
  cli::add_merge_command(app);
  cli::add_parse_command(app);
  cli::add_entities_command(app);
  cli::add_rules_command(app);
  cli::add_train_command(app);
  cli::add_eval_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error exits 2, whatever CLI11's own code.
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const Error& e) {
    std::cerr << "relgraph: error: " << e.what() << "\n";
    return e.kind() == ErrorKind::InvalidArgument ? 2 : 1;
  } catch (const std::exception& e) {
    std::cerr << "relgraph: internal error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
