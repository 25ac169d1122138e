// `relgraph convert IN -o OUT`: reads a graph in one format and writes it in
// another (e.g. triples.tsv -> g.graphml). Tests: tests/cli_foundation_test.cpp
#include "cli/commands.hpp"
#include "relgraph/io.hpp"

namespace relgraph::cli {

void add_convert_command(CLI::App& app) {
  struct Options {
    std::string input, output, from, to;
    ImportOptions import;
  };
  auto opt = std::make_shared<Options>();
  auto formats = [](const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  };
  auto* cmd = app.add_subcommand("convert", "Convert a graph between formats (" + formats(importer_names()) + " -> " +
                                                formats(exporter_names()) + ")");
  cmd->add_option("input", opt->input, "Graph file or - for stdin")->required();
  cmd->add_option("-o,--output", opt->output, "Output file or - for stdout")->required();
  // Formats are checked by the factory, whose messages name the bad value.
  cmd->add_option("--from", opt->from, "Input format (default: from the input extension)");
  cmd->add_option("--to", opt->to, "Output format (default: from the output extension)");
  cmd->add_option("--label-key", opt->import.label_key,
                  "GraphML input: the edge attribute holding the predicate (default: label)");
  cmd->callback([opt] { save_graph(load_graph(opt->input, opt->from, opt->import), opt->output, opt->to); });
}

}  // namespace relgraph::cli
