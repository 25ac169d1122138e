// `relgraph merge A B ... -o C`: the reduce step of corpus extraction. Loads
// saved graphs, merges them (KnowledgeGraph::merge: entities by key, facts by
// identity) and writes the canonical result. Tests: tests/merge_test.cpp
#include <iostream>

#include "cli/commands.hpp"
#include "relgraph/error.hpp"
#include "io/neo4j_export.hpp"
#include "relgraph/io.hpp"

namespace relgraph::cli {
namespace {

struct MergeArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string from;  // input format, "" = from each file's extension
  std::string to;    // output format, "" = from the output's extension
  bool quiet = true;
};

void run_merge(const MergeArgs& a) {
  KnowledgeGraph merged;
  for (const auto& path : a.inputs) {
    if (path == "-" && a.from.empty())
      throw Error(ErrorKind::InvalidArgument, "reading a graph from standard input needs --from FORMAT");
    merged.merge(load_graph(path, a.from));
  }
  merged.canonicalize();
  std::string format = a.to.empty() && a.output == "-" ? "jsonld" : a.to;
  if (format == "neo4j")
    detail::save_neo4j_directory(merged, a.output);
  else
    save_graph(merged, a.output, format);
  if (!a.quiet)
    std::cerr << "relgraph merge: " << a.inputs.size() << " graphs -> " << merged.num_entities() << " entities, "
              << merged.num_relations() << " relations in " << a.output << "\n";
}

}  // namespace

void add_merge_command(CLI::App& app) {
  auto args = std::make_shared<MergeArgs>();
  auto* cmd = app.add_subcommand("merge", "Merge saved graphs into one (order-independent)");
  cmd->add_option("inputs", args->inputs, "Graph files (JSON-LD, GraphML, TSV); '-' = stdin with --from")
      ->required();
  cmd->add_option("-o,--output", args->output, "Merged graph; format from the extension, '-' = stdout (JSON-LD)")
      ->required();
  cmd->add_option("--from", args->from, "Input format for every input (default: from each extension)");
  cmd->add_option("--to", args->to, "Output format (default: from the output's extension); neo4j = a directory of\n"
                 "nodes.csv, relationships.csv, import.cypher, kuzu.cypher");
  cmd->add_flag("!--verbose,!-v", args->quiet, "Print a summary on stderr");
  cmd->footer(
      "Entities merge by canonical key, identical facts merge with their evidence unioned. The\n"
      "result does not depend on the order or grouping of the inputs, so merge is a valid reduce\n"
      "step: relgraph merge shard-*.jsonld -o corpus.jsonld");
  cmd->callback([args] { run_merge(*args); });
}

}  // namespace relgraph::cli
