// `relgraph convert IN -o OUT`: reads a graph in one format and writes it in
// another (e.g. triples.tsv -> g.graphml, or a neo4j/Kuzu import directory),
// optionally only its confident or central part. Tests: tests/cli_foundation_test.cpp,
// tests/cli_polish_test.cpp
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "io/neo4j_export.hpp"
#include "relgraph/io.hpp"

namespace relgraph::cli {

void add_convert_command(CLI::App& app) {
  struct Options {
    std::string input, output, from, to;
    ImportOptions import;
    GraphFilter filter;
  };
  auto opt = std::make_shared<Options>();
  auto formats = [](const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  };
  auto* cmd = app.add_subcommand("convert", "Convert a graph between formats (" + formats(importer_names()) + " -> " +
                                                formats(exporter_names()) + ", neo4j)");
  cmd->add_option("input", opt->input, "Graph file or - for stdin (the default when input is piped)");
  cmd->add_option("-o,--output", opt->output, "Output file or - for stdout")->required();
  // Formats are checked by the factory, whose messages name the bad value.
  cmd->add_option("--from", opt->from, "Input format (default: from the input extension or content)");
  cmd->add_option("--to", opt->to,
                  "Output format (default: from the output extension); neo4j = a directory for neo4j-admin "
                  "import and Kuzu, as with merge --to neo4j");
  cmd->add_option("--label-key", opt->import.label_key,
                  "GraphML input: the edge attribute holding the predicate (default: label)");
  add_filter_options(*cmd, opt->filter);
  cmd->callback([opt] {
    KnowledgeGraph g = filter_graph(read_graph(stdin_if_piped(opt->input), opt->from, opt->import), opt->filter);
    if (opt->to == "neo4j")
      detail::save_neo4j_directory(g, opt->output);
    else
      save_graph(g, opt->output, opt->to);
    verbose() << "convert: " << g.num_entities() << " entities, " << g.num_relations() << " facts to " << opt->output
              << "\n";
  });
}

}  // namespace relgraph::cli
