// `relgraph render IN -o OUT`: reads a graph (JSON-LD, GraphML or TSV) and
// draws it through Graphviz. Tests: tests/cli_foundation_test.cpp
#include "cli/commands.hpp"
#include "core/files.hpp"
#include "relgraph/io.hpp"

namespace relgraph::cli {

void add_render_command(CLI::App& app) {
  struct Options {
    std::string input, output, from;
    RenderOptions render;
    bool no_legend = false;
    unsigned timeout = 0;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("render", "Draw a graph file as SVG, PNG or PDF through Graphviz");
  cmd->add_option("input", opt->input, "Graph file (.jsonld, .graphml, .tsv) or - for stdin")->required();
  cmd->add_option("-o,--output", opt->output, "Image file (.svg, .png, .pdf) or - for stdout")->required();
  // Values are checked by render_graph, whose messages name the bad value.
  cmd->add_option("--layout", opt->render.layout, "Graphviz layout engine: dot, neato, fdp or sfdp")
      ->capture_default_str();
  cmd->add_option("--format", opt->render.format, "Image format: svg, png or pdf (default: from the output extension)");
  cmd->add_option("--from", opt->from, "Input graph format (default: from the input extension)");
  cmd->add_flag("--no-legend", opt->no_legend, "Leave out the legend of entity types");
  cmd->add_option("--timeout", opt->timeout,
                  "Give up after SECONDS with an error, leaving no output file half-written (default: no limit)")
      ->check(CLI::NonNegativeNumber);
  cmd->callback([opt] {
    detail::exit_after(opt->timeout, "error: render timed out after " + std::to_string(opt->timeout) +
                                         " s (--timeout); no output was written\n");
    opt->render.legend = !opt->no_legend;
    render_graph(load_graph(opt->input, opt->from), opt->output, opt->render);
  });
}

}  // namespace relgraph::cli
