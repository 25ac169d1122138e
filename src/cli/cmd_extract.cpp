// `relgraph extract FILE...|- [-o OUT] [--format F]`: news text to a knowledge
// graph (JSON-LD, GraphML, DOT, TSV, N-Triples, or an SVG/PNG/PDF diagram);
// `-o DIR/` writes every format; `--format carb` hands over to the CaRB
// writer. The work is done by relgraph::annotate / build_graph.
// Tests: tests/e2e_test.cpp
#include <filesystem>
#include <iostream>

#include "cli/cmd_extract_corpus.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/keep_until_exit.hpp"
#include "cli/timings.hpp"
#include "core/files.hpp"
#include "relgraph/error.hpp"
#include "relgraph/extract.hpp"
#include "relgraph/io.hpp"

namespace relgraph::cli {
namespace {

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string format;
  std::string models_dir, schemas_dir;
  std::string mentions = "auto";  // article `mentions` edges: auto, yes, no
  bool pretokenized = false;
  bool stats = false;
  std::string jsonl;  // corpus mode (cmd_extract_corpus.cpp): JSONL records
  int threads = 1;
  bool stream = false;
  std::vector<std::string> disable;  // named rules switched off
  std::string timings;               // "", text or json (timings.hpp)
  double min_confidence = 0.0;       // facts below are left out (filter_graph)
  unsigned timeout = 0;              // seconds, 0 = none
};

const std::vector<std::string> kImageFormats = {"svg", "png", "pdf"};

bool is_image(const std::string& format) {
  return std::find(kImageFormats.begin(), kImageFormats.end(), format) != kImageFormats.end();
}

std::string extension(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  return ext.empty() ? "" : ext.substr(1);
}

// Fact tables and diagrams leave out the article's `mentions` edges (one per
// entity: not facts, and they bury the diagram); linked-data formats keep them.
bool wants_mentions(const std::string& mode, const std::string& format) {
  if (mode == "yes") return true;
  if (mode == "no") return false;
  return !(format == "tsv" || format == "dot" || is_image(format));
}

struct Annotated {
  std::vector<Document> docs;
  std::vector<std::string> disable;  // named rules switched off (the graph's too)
};

KnowledgeGraph graph_of(const Annotated& a, bool mentions, bool isolated = true, double min_confidence = 0) {
  GraphOptions g;
  g.article_mentions = mentions;
  g.isolated = isolated;
  g.disable = a.disable;
  KnowledgeGraph out;
  for (const auto& doc : a.docs) {
    KnowledgeGraph one = build_graph(doc, g);
    if (a.docs.size() == 1) {
      out = std::move(one);
      break;
    }
    out.merge(one);
  }
  if (a.docs.size() != 1) out.canonicalize();
  if (min_confidence > 0) out = filter_graph(out, {.min_confidence = min_confidence});
  return out;
}

void write_one(const Annotated& a, const std::string& path, std::string format, const ExtractOptions& o) {
  if (format.empty()) format = path == "-" ? "tsv" : extension(path);
  if (is_image(format)) {
    RenderOptions r;
    r.format = format;
    bool m = wants_mentions(o.mentions, format);
    // a diagram without mentions edges shows no lone entities
    render_graph(graph_of(a, m, m, o.min_confidence), path, r);
    return;
  }
  if (format == "nt") format = "ntriples";
  if (format == "json") format = "jsonld";
  if (format == "gv") format = "dot";
  if (path != "-" && format.empty()) format = format_from_path(path);  // names the path in the error
  bool m = wants_mentions(o.mentions, format);
  save_graph(graph_of(a, m, m || format != "dot", o.min_confidence), path, format);
}

void run_extract(ExtractOptions o) {
  // Piped text without `-`; not in mapper mode, which reads stdin itself.
  if (o.inputs.empty() && o.jsonl.empty() && !o.stream) {
    auto in = stdin_if_piped("");
    if (!in.empty()) o.inputs.push_back(in);
  }
  // Several articles, a directory, --jsonl, -j or --stream: corpus mode.
  bool to_dir_output = o.output != "-" && (o.output.back() == '/' || std::filesystem::is_directory(o.output));
  if (o.format != "carb" &&
      (wants_corpus_mode(o.inputs, o.jsonl, o.threads, o.stream) || (o.inputs.size() > 1 && !to_dir_output))) {
    // --timeout is per article there: one over it is reported and skipped.
    run_extract_corpus({o.inputs, o.jsonl, o.threads, o.output, o.format, o.stream, o.models_dir, o.schemas_dir,
                        o.mentions, o.stats, o.disable, o.min_confidence, static_cast<double>(o.timeout)});
    return;
  }
  detail::exit_after(o.timeout, "error: extract timed out after " + std::to_string(o.timeout) +
                                    " s (--timeout); no output was written\n");
  if (o.inputs.empty()) throw Error(ErrorKind::InvalidArgument, "extract: no input file (name one, or pipe text in)");
  if (o.format == "carb") {
    run_extract_carb({o.inputs, o.output, o.pretokenized, o.models_dir, o.schemas_dir, o.disable});
    return;
  }
  PipelineOptions p;
  p.models_dir = o.models_dir;
  p.schemas_dir = o.schemas_dir;
  p.pretokenized = o.pretokenized;
  p.disable = o.disable;
  Timings timings(o.timings);
  const Pipeline& pipeline = keep_until_exit(timings.time("load models", [&] { return make_pipeline(p); }));
  Annotated a;
  a.disable = o.disable;
  for (const auto& input : o.inputs) {
    if (!timings.on()) {
      a.docs.push_back(annotate(detail::read_text(input), input, pipeline));
      continue;
    }
    Document doc;  // what annotate() does, stage by stage
    doc.id = input;
    doc.text = timings.time("read input", [&] { return detail::read_text(input); });
    detail::check_text(doc.text, input);
    timings.run(pipeline, doc);
    a.docs.push_back(std::move(doc));
  }

  bool to_dir = o.output != "-" && (o.output.back() == '/' || std::filesystem::is_directory(o.output));
  if (!to_dir) {
    timings.time("graph and output", [&] { write_one(a, o.output, o.format, o); });
  } else {
    std::error_code ec;
    std::filesystem::create_directories(o.output, ec);
    if (ec) throw Error(ErrorKind::Io, "cannot create the output directory '" + o.output + "': " + ec.message());
    std::string stem =
        o.inputs.size() == 1 && o.inputs[0] != "-" ? std::filesystem::path(o.inputs[0]).stem().string() : "graph";
    // Every format or none: a failing writer leaves the directory as it was.
    detail::StagedFiles staged(o.output);
    // not English: file extensions
    for (const char* ext : {"jsonld", "graphml", "dot", "tsv", "nt", "svg"})
      write_one(a, staged.path(stem + "." + ext), o.format.empty() ? "" : o.format, o);
    staged.commit();
  }
  timings.report(std::cerr, "extract");
  if (o.stats || verbose_on()) {
    KnowledgeGraph g = graph_of(a, true, true, o.min_confidence);
    std::size_t sentences = 0;
    for (const auto& d : a.docs) sentences += d.sentences.size();
    (o.stats ? std::cerr : verbose()) << "extract: " << a.docs.size() << " document(s), " << sentences << " sentences, "
                                      << g.num_entities() << " nodes, " << g.num_relations() << " edges\n";
  }
}

}  // namespace

void add_extract_command(CLI::App& app) {
  auto o = std::make_shared<ExtractOptions>();
  auto* cmd = app.add_subcommand("extract", "Build the knowledge graph of English news text");
  cmd->add_option("inputs", o->inputs, "Text files or directories of articles, or - for stdin");
  cmd->add_option("-o,--output", o->output,
                  "Output file (format from its extension: .jsonld .graphml .dot .tsv .nt .svg .png .pdf), "
                  "a directory (ending in /) for every format, or - for stdout (TSV)")
      ->capture_default_str();
  cmd->add_option("--format", o->format, "Output format: jsonld, graphml, dot, tsv, ntriples, svg, png, pdf or carb")
      // not English: format names
      ->check(CLI::IsMember({"jsonld", "graphml", "dot", "tsv", "ntriples", "svg", "png", "pdf", "carb"}));
  cmd->add_flag("--pretokenized", o->pretokenized, "Input is one sentence a line, tokens separated by spaces");
  cmd->add_option("--models", o->models_dir, "Models directory (default: $RELGRAPH_MODELS or models/)");
  cmd->add_option("--schemas", o->schemas_dir, "Schemas directory (default: $RELGRAPH_SCHEMAS or schemas/)");
  cmd->add_option("--mentions", o->mentions,
                  "The article's `mentions` edges: auto (JSON-LD, GraphML, N-Triples only), yes or no")
      ->check(CLI::IsMember({"auto", "yes", "no"}))
      ->capture_default_str();
  cmd->add_option("--timeout", o->timeout,
                  "Give up after SECONDS with an error, leaving no output file half-written; in corpus mode, "
                  "skip (and name) each article that takes longer, keeping the others (default: no limit)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--stats", o->stats, "Print document, sentence, node and edge counts on stderr");
  cmd->add_option("--jsonl", o->jsonl, "Corpus of JSONL records {\"id\", \"text\"} (- = stdin)");
  cmd->add_option("-j,--threads", o->threads, "Worker threads for a corpus (default 1)")->check(CLI::PositiveNumber);
  cmd->add_flag("--stream", o->stream,
                "Mapper mode: JSONL records in (--jsonl or stdin), one graph line per article out (jsonl, ntriples)");
  add_disable_option(*cmd, o->disable);
  cmd->add_option("--min-confidence", o->min_confidence,
                  "Leave out facts less confident than this (0-1), and the entities only they named")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--timings", o->timings,
                  "Print the time of model loading, of each stage and of the output, and tokens/s, on stderr "
                  "(text or json; one article or several files to one output, not corpus mode)")
      ->expected(0, 1)
      ->default_str("text");
  cmd->callback([o] { run_extract(*o); });
}

}  // namespace relgraph::cli
