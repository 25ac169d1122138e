// relgraph's command line: registers the subcommands and turns errors into
// messages and exit codes. Everything else lives in cmd_*.cpp and the library.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <new>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/files.hpp"
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
  add_train_relations(*train);
}

void add_eval_command(CLI::App& app) {
  auto* eval = app.add_subcommand("eval", "Measure accuracy against a gold standard");
  eval->require_subcommand(1);
  add_eval_ud(*eval);
  add_eval_ner(*eval);
  add_eval_carb(*eval);
  add_eval_kg(*eval);
  add_eval_docred(*eval);
}

}  // namespace relgraph::cli

namespace {

// Exit statuses: 0 success, 1 bad input or a failed read/write, 2 usage
// error, 3 a bug in relgraph.
int fail(int status, const std::string& kind, const char* what) {
  std::cerr << "relgraph: " << kind << relgraph::detail::escape_control(what) << "\n";
  return status;
}

int exit_status(relgraph::ErrorKind kind) {
  using relgraph::ErrorKind;
  if (kind == ErrorKind::InvalidArgument) return 2;
  if (kind == ErrorKind::Internal) return 3;
  return 1;
}

// Output lost on a full disk or a closed pipe must not exit 0.
int check_standard_streams(int status) {
  std::cout.flush();
  if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout) {
    int e = errno;
    std::cerr << "relgraph: error: cannot write to standard output: " << std::strerror(e) << "\n";
    return status == 0 ? 1 : status;
  }
  std::cerr.flush();
  if (std::fflush(stderr) != 0 || std::ferror(stderr) || !std::cerr) return status == 0 ? 1 : status;
  return status;
}

int run(CLI::App& app, int argc, char** argv) {
  using namespace relgraph;
  if (auto unknown = cli::unknown_subcommand(app, argc, argv)) {
    std::cerr << "relgraph: error: " << *unknown << "\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error exits 2, whatever CLI11's own code.
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const Error& e) {
    return fail(exit_status(e.kind()), e.kind() == ErrorKind::Internal ? "internal error: " : "error: ", e.what());
  } catch (const std::filesystem::filesystem_error& e) {
    return fail(1, "error: ", e.what());
  } catch (const std::bad_alloc&) {
    return fail(1, "error: ", "out of memory (try a smaller input or fewer threads)");
  } catch (const std::exception& e) {
    return fail(3, "internal error: ", e.what());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace relgraph;
  detail::protect_inputs();
  detail::remove_temporaries_on_signal();
  CLI::App app{"relgraph: English news articles to knowledge graphs"};
  app.set_version_flag("--version", std::string("relgraph ") + kVersion);
  app.require_subcommand(1);
  cli::add_global_flags(app);  // before the subcommands, which inherit fallthrough
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
  return check_standard_streams(run(app, argc, argv));
}
