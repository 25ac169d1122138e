// `relgraph merge A B ... -o C`: the reduce step of corpus extraction. Loads
// saved graphs, merges them (KnowledgeGraph::merge: entities by key, facts by
// identity) and writes the canonical result. Tests: tests/merge_test.cpp
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/files.hpp"
#include "io/neo4j_export.hpp"
#include "relgraph/corpus.hpp"
#include "relgraph/error.hpp"
#include "relgraph/io.hpp"

namespace relgraph::cli {
namespace {

struct MergeArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string from;            // input format, "" = from each file's extension
  std::string to;              // output format, "" = from the output's extension
  bool ignore_failed = false;  // failed-article lines in .jsonl input do not make the exit status non-zero
  ImportOptions import;
};

void run_merge(const MergeArgs& a) {
  KnowledgeGraph merged;
  std::vector<ArticleFailure> failed;
  for (const auto& path : a.inputs) {
    if (path == "-" && a.from.empty())
      throw Error(ErrorKind::InvalidArgument, "reading a graph from standard input needs --from FORMAT");
    if (a.from == "jsonl" || (a.from.empty() && path.ends_with(".jsonl"))) {
      // Lines of `relgraph extract --stream` (the mapper's output).
      std::istringstream in(detail::read_file(path));
      merged.merge(read_graph_lines(in, path == "-" ? "<stdin>" : path, &failed));
    } else {
      merged.merge(load_graph(path, a.from, a.import));
    }
  }
  merged.canonicalize();
  std::string format = a.to.empty() && a.output == "-" ? "jsonld" : a.to;
  if (format == "neo4j")
    detail::save_neo4j_directory(merged, a.output);
  else
    save_graph(merged, a.output, format);
  if (!failed.empty()) {
    std::cerr << "relgraph merge: the input records " << failed.size() << " failed articles:\n";
    for (const auto& f : failed)
      std::cerr << "  " << detail::escape_control(f.id) << ": " << detail::escape_control(f.message) << "\n";
  }
  verbose() << "relgraph merge: " << a.inputs.size() << " graphs -> " << merged.num_entities() << " entities, "
            << merged.num_relations() << " relations in " << a.output << "\n";
  if (!failed.empty() && !a.ignore_failed)
    throw Error(
        ErrorKind::InvalidInput,
        std::to_string(failed.size()) + " articles failed upstream (listed above); the merged graph holds the rest");
}

}  // namespace

void add_merge_command(CLI::App& app) {
  auto args = std::make_shared<MergeArgs>();
  auto* cmd = app.add_subcommand("merge", "Merge saved graphs into one (order-independent)");
  cmd->add_option("inputs", args->inputs,
                  "Graph files (JSON-LD, GraphML, TSV, N-Triples) or mapper output (.jsonl); '-' = stdin with --from")
      ->required();
  cmd->add_option("-o,--output", args->output, "Merged graph; format from the extension, '-' = stdout (JSON-LD)")
      ->required();
  cmd->add_option(
      "--from", args->from,
      "Input format for every input: jsonld, graphml, tsv, ntriples or jsonl (default: from each extension)");
  cmd->add_option("--label-key", args->import.label_key,
                  "GraphML inputs: the edge attribute holding the predicate (default: label)");
  cmd->add_option("--to", args->to,
                  "Output format (default: from the output's extension); neo4j = a directory of\n"
                  "nodes.csv, relationships.csv, import.cypher (neo4j-admin, cypher-shell), kuzu-load.cypher\n"
                  "with kuzu-entities.csv and kuzu-relations.csv (Kuzu COPY FROM), kuzu.cypher");
  cmd->add_flag("--ignore-failed", args->ignore_failed,
                "Failed-article lines in .jsonl inputs are listed but do not fail the merge (a reducer's choice)");
  cmd->footer(
      "Entities merge by canonical key, identical facts merge with their evidence unioned. The\n"
      "result does not depend on the order or grouping of the inputs, so merge is a valid reduce\n"
      "step: relgraph merge shard-*.jsonld -o corpus.jsonld");
  cmd->callback([args] { run_merge(*args); });
}

}  // namespace relgraph::cli
