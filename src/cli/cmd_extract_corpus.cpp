// Corpus mode of `relgraph extract`: prints progress with rate and ETA (on a terminal only),
// failed articles and speed around relgraph::extract_corpus / stream_corpus.
// Tests: tests/corpus_test.cpp (library), tests/corpus_cli_test.cpp.
#include "cli/cmd_extract_corpus.hpp"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "cli/common.hpp"
#include "cli/keep_until_exit.hpp"
#include "core/files.hpp"
#include "relgraph/corpus.hpp"
#include "relgraph/error.hpp"
#include "relgraph/io.hpp"

namespace relgraph::cli {
namespace {

namespace fs = std::filesystem;

bool is_picture(const std::string& format) { return format == "svg" || format == "png" || format == "pdf"; }

std::string output_format(const ExtractCorpusOptions& o) {
  if (!o.format.empty()) return o.format;
  if (o.output == "-") return o.stream ? "jsonl" : "tsv";  // as single-article extract
  auto ext = fs::path(o.output).extension().string();
  if (ext == ".svg" || ext == ".png" || ext == ".pdf") return ext.substr(1);
  if (o.stream) return ext == ".nt" ? "ntriples" : "jsonl";
  return format_from_path(o.output);
}

// Fail before hours of work, not after: the output's directory must exist
// and be writable.
void check_output(const std::string& output) {
  if (output == "-") return;
  fs::path dir = fs::path(output).parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw Error(ErrorKind::NotFound, "cannot write '" + output + "': directory '" + dir.string() + "' does not exist");
  if (::access(dir.c_str(), W_OK) != 0)
    throw Error(ErrorKind::Io, "cannot write '" + output + "': directory '" + dir.string() + "' is not writable");
}

void report_failures(const std::vector<ArticleFailure>& failures, std::size_t articles) {
  if (failures.empty()) return;
  std::cerr << "relgraph extract: skipped " << failures.size() << " of " << articles << " articles:\n";
  for (const auto& f : failures)
    std::cerr << "  " << detail::escape_control(f.id) << ": " << detail::escape_control(f.message) << "\n";
  throw Error(ErrorKind::InvalidInput, std::to_string(failures.size()) + " of " + std::to_string(articles) +
                                           " articles failed (listed above); the output holds the other " +
                                           std::to_string(articles - failures.size()));
}

// Wall-clock speed, and CPU time (all threads) so a busy machine's numbers
// can still be read: tokens per CPU second is the one-core speed.
void print_speed(std::size_t articles, std::size_t sentences, std::size_t tokens, double seconds, double cpu,
                 int threads) {
  std::cerr << std::fixed << std::setprecision(2) << "extract: " << articles << " articles, " << sentences
            << " sentences, " << tokens << " tokens in " << seconds << " s (" << cpu << " s CPU) on " << threads
            << " thread(s): " << std::setprecision(1) << articles / std::max(seconds, 1e-9) << " articles/s, "
            << std::setprecision(0) << tokens / std::max(seconds, 1e-9) << " tokens/s, " << tokens / std::max(cpu, 1e-9)
            << " tokens per CPU second\n";
}

void run_stream(const ExtractCorpusOptions& o, const ArticleExtractor& extract) {
  std::string format = output_format(o);
  std::string source = o.jsonl.empty() || o.jsonl == "-" ? "<stdin>" : o.jsonl;
  std::ifstream file;
  if (source != "<stdin>") {
    if (!fs::exists(o.jsonl)) throw Error(ErrorKind::NotFound, "'" + o.jsonl + "': no such file");
    file.open(o.jsonl, std::ios::binary);
    if (!file) throw Error(ErrorKind::Io, "cannot open '" + o.jsonl + "'");
    detail::note_input(o.jsonl);  // so `-o` cannot name it
  }
  std::istream& in = source == "<stdin>" ? std::cin : file;
  StreamResult result;
  detail::write_atomic(o.output, [&](std::ostream& out) {
    result = stream_corpus(in, out, extract, {.format = format, .threads = o.threads, .source = source});
  });
  // A mapper that exits non-zero fails its whole Hadoop task: failed records
  // are data here (error lines, listed on stderr), and the reduce step
  // (`relgraph merge`) is where the batch's exit status says so.
  for (const auto& f : result.failures)
    std::cerr << "relgraph extract: skipped " << detail::escape_control(f.id) << ": "
              << detail::escape_control(f.message) << "\n";
}

}  // namespace

bool wants_corpus_mode(const std::vector<std::string>& inputs, const std::string& jsonl, int threads, bool stream) {
  if (!jsonl.empty() || threads > 1 || stream) return true;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) return true;
  }
  return false;
}

void run_extract_corpus(const ExtractCorpusOptions& o) {
  if (o.threads < 1)
    throw Error(ErrorKind::InvalidArgument, "-j must be at least 1 (got " + std::to_string(o.threads) + ")");
  if (o.stream && !o.inputs.empty())
    throw Error(ErrorKind::InvalidArgument, "--stream reads JSONL records (--jsonl FILE or stdin), not files");
  if (o.inputs.empty() && o.jsonl.empty() && !o.stream)
    throw Error(ErrorKind::InvalidArgument, "extract: no input (files, directories or --jsonl FILE)");
  std::string format = output_format(o);
  check_output(o.output);

  PipelineOptions p;
  p.models_dir = o.models_dir;
  p.schemas_dir = o.schemas_dir;
  p.disable = o.disable;
  const Pipeline& pipeline = keep_until_exit(make_pipeline(p));
  GraphOptions g;
  g.disable = o.disable;
  g.article_mentions =
      o.mentions == "yes" || (o.mentions == "auto" && format != "tsv" && format != "dot" && !is_picture(format));
  auto extract = pipeline_extractor(pipeline, g, o.timeout);
  if (o.stream) {
    run_stream(o, extract);
    return;
  }

  Progress bar("articles");
  CorpusOptions c{
      .inputs = o.inputs,
      .jsonl = o.jsonl,
      .threads = o.threads,
      .article_timeout = o.timeout,
      .progress = [&](std::size_t done, std::size_t total, std::size_t failed) { bar.update(done, total, failed); }};
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  CorpusResult r = extract_corpus(c, pipeline, g);  // stage-major batches: same graph as with `extract`
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  if (is_picture(format)) {
    RenderOptions ro;
    ro.format = format;
    // A corpus picture without lone entities (and within render_graph's limits, or refused).
    render_graph(filter_graph(r.graph, {.min_confidence = o.min_confidence, .isolated = false}), o.output, ro);
  } else {
    save_graph(o.min_confidence > 0 ? filter_graph(r.graph, {.min_confidence = o.min_confidence}) : r.graph, o.output,
               format);
  }
  if (o.stats) print_speed(r.articles - r.failures.size(), r.sentences, r.tokens, seconds, cpu, o.threads);
  report_failures(r.failures, r.articles);
}

}  // namespace relgraph::cli
