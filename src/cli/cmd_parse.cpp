// `relgraph parse [FILE|-] [--pretokenized] [-o OUT]`: raw text (or one
// pretokenized sentence a line) to CoNLL-U through tokenizer, tagger and
// parser. Tests: tests/cli_test.cpp
#include <chrono>
#include <ctime>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/keep_until_exit.hpp"
#include "cli/syntax_pipeline.hpp"
#include "cli/timings.hpp"
#include "core/files.hpp"
#include "text/conllu.hpp"

namespace relgraph::cli {
namespace {

struct ParseOptions {
  std::string input = "-";
  std::string output = "-";
  std::string models_dir;
  std::string schemas_dir;
  std::string until = "deps";
  bool pretokenized = false;
  bool stats = false;
  std::string timings;  // "", text or json (timings.hpp)
};

void run_parse(const ParseOptions& o) {
  Document doc;
  doc.id = o.input;
  doc.text = detail::read_text(o.input);  // input errors first, then model errors
  PipelineOptions options;
  options.models_dir = o.models_dir;
  options.schemas_dir = o.schemas_dir;
  options.pretokenized = o.pretokenized;
  Timings timings(o.timings);
  const Pipeline& pipeline = keep_until_exit(
      timings.time("load models", [&] { return make_syntax_pipeline(options, syntax_layer(o.until)); }));
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  timings.run(pipeline, doc);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  timings.time("output", [&] { detail::write_atomic(o.output, [&](std::ostream& out) { write_conllu(doc, out); }); });
  timings.report(std::cerr, "parse");
  if (o.stats) {
    std::size_t words = 0;
    for (const auto& s : doc.sentences) words += s.tokens.size();
    // CPU time as well: on a shared machine wall time measures the neighbours.
    std::cerr << "parse: " << doc.sentences.size() << " sentences, " << words << " words in " << secs << " s ("
              << static_cast<long>(secs > 0 ? words / secs : 0) << " words/s), cpu " << cpu << " s ("
              << static_cast<long>(cpu > 0 ? words / cpu : 0) << " words/s)\n";
  }
}

}  // namespace

void add_parse_command(CLI::App& app) {
  auto o = std::make_shared<ParseOptions>();
  auto* cmd = app.add_subcommand("parse", "Tokenize, tag and parse English text; print CoNLL-U");
  cmd->add_option("input", o->input, "Text file, or - for stdin")->capture_default_str();
  cmd->add_option("-o,--output", o->output, "CoNLL-U output file, or - for stdout")->capture_default_str();
  cmd->add_flag("--pretokenized", o->pretokenized, "Input is one sentence a line, tokens separated by spaces");
  cmd->add_option("--models", o->models_dir, "Models directory (default: $RELGRAPH_MODELS or models/)");
  cmd->add_option("--schemas", o->schemas_dir, "Schemas directory (default: $RELGRAPH_SCHEMAS or schemas/)");
  cmd->add_option("--until", o->until, "Last layer: tokens, tags or deps")->capture_default_str();
  cmd->add_flag("--stats", o->stats,
                "Print sentence/word counts and words per second (pipeline only, wall and CPU) on stderr");
  cmd->add_option("--timings", o->timings,
                  "Print the time of model loading, of each stage and of the output, and tokens/s, on stderr "
                  "(text or json)")
      ->expected(0, 1)
      ->default_str("text");
  cmd->callback([o] { run_parse(*o); });
}

}  // namespace relgraph::cli
