// `relgraph render IN -o OUT`: reads a graph (JSON-LD, GraphML, TSV or
// N-Triples), keeps the part worth showing (filter_graph) and draws it through
// Graphviz, or writes the interactive viewer page (.html).
// Tests: tests/cli_foundation_test.cpp, tests/viewer_test.cpp
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "relgraph/io.hpp"
#include "relgraph/query.hpp"

namespace relgraph::cli {

void add_render_command(CLI::App& app) {
  struct Options {
    std::string input, output, from;
    RenderOptions render;
    GraphFilter filter{.isolated = false, .article_mentions = false};
    bool no_legend = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "render", "Draw a graph file as SVG, PNG or PDF through Graphviz, or as an interactive HTML viewer");
  cmd->add_option("input", opt->input,
                  "Graph file (.jsonld, .graphml, .tsv, .nt) or - for stdin (the default when input is piped)");
  cmd->add_option("-o,--output", opt->output, "Image file (.svg, .png, .pdf), viewer page (.html) or - for stdout")
      ->required();
  // Values are checked by render_graph, whose messages name the bad value.
  cmd->add_option("--layout", opt->render.layout,
                  "Graphviz layout engine: auto (by size: dot, neato or sfdp), dot, neato, fdp or sfdp")
      ->capture_default_str();
  cmd->add_option("--format", opt->render.format,
                  "Output format: svg, png, pdf or html (default: from the output extension)");
  cmd->add_option("--from", opt->from, "Input graph format (default: from the input extension)");
  add_filter_options(*cmd, opt->filter);
  cmd->add_flag("--keep-isolated", opt->filter.isolated, "Also draw entities that take part in no fact");
  cmd->add_flag("--with-mentions", opt->filter.article_mentions, "Also draw an article's `mentions` edges");
  cmd->add_option("--max-size", opt->render.max_pixels,
                  "The picture's longer side at most, in pixels (0 = as large as the layout makes it)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--no-legend", opt->no_legend, "Leave out the legend of entity types");
  cmd->footer(
      "A picture shows at most 2,500 entities and 5,000 facts, the viewer 10,000 and 20,000;\n"
      "choose a part of a larger graph with --top, --focus or --min-confidence. Examples:\n"
      "  relgraph render news.jsonld -o news.png\n"
      "  relgraph render corpus.jsonld -o corpus.svg --top 150\n"
      "  relgraph render corpus.jsonld -o ada.html --focus 'Ada Lovelace' --hops 2");
  cmd->callback([opt] {
    opt->render.legend = !opt->no_legend;
    KnowledgeGraph g = filter_graph(read_graph(stdin_if_piped(opt->input), opt->from), opt->filter);
    render_graph(g, opt->output, opt->render);
    verbose() << "render: " << g.num_entities() << " entities, " << g.num_relations() << " facts to " << opt->output
              << "\n";
  });
}

}  // namespace relgraph::cli
