// Many articles into one graph, and the streaming mapper for Hadoop / Spark.
//
// extract_corpus() runs an extractor over every article of a corpus (files,
// directories walked recursively, or a JSONL file of {"id", "text"} records)
// on N threads sharing one const Pipeline, and merges the per-article graphs
// (KnowledgeGraph::merge: the same entity in two articles is one node, facts
// keep all their evidence). A failed article (unreadable, binary, empty,
// invalid UTF-8, or a stage error) is recorded in CorpusResult::failures and
// skipped; it never aborts the batch. So is an article whose stages run
// longer than CorpusOptions::article_timeout (checked after each stage, so it
// is stopped at most one stage late).
//
// stream_corpus() is the scale-out mapper: JSONL records in, one output line
// per record out, in input order, no state shared between records, so it can
// run unchanged under Hadoop Streaming or Spark's RDD.pipe. Its "jsonl"
// output lines hold each article's graph as compact JSON-LD; read_graph_lines()
// merges such lines (the reduce step, `relgraph merge shard*.jsonl`).
//
// Thread safety: the extractor is called from several threads at once; the
// progress callback is called under a lock, from worker threads.
// Errors: Error(NotFound / InvalidArgument / Io) for a missing or unusable
// corpus argument; per-article problems go to `failures`, never thrown.
//
//   auto pipeline = relgraph::make_pipeline({});
//   relgraph::CorpusOptions o{.inputs = {"articles/"}, .threads = 2};
//   auto result = relgraph::extract_corpus(o, relgraph::pipeline_extractor(pipeline));
//   relgraph::save_graph(result.graph, "corpus.jsonld");
// Tests: tests/corpus_test.cpp
#pragma once
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "relgraph/error.hpp"
#include "relgraph/extract.hpp"
#include "relgraph/graph.hpp"
#include "relgraph/pipeline.hpp"

namespace relgraph {

// What one article gave.
struct ArticleGraph {
  KnowledgeGraph graph;
  std::size_t sentences = 0;
  std::size_t tokens = 0;
};

// Text -> graph for one article; must be safe to call from several threads.
using ArticleExtractor = std::function<ArticleGraph(const std::string& text, const std::string& id)>;

// annotate() + build_graph() with a shared pipeline (which must outlive it).
// With `timeout` > 0, an article still unfinished after a stage once
// `timeout` seconds (wall clock) have gone throws Error(InvalidInput) naming
// the budget and the stage.
ArticleExtractor pipeline_extractor(const Pipeline& pipeline, const GraphOptions& options = {}, double timeout = 0);

struct ArticleFailure {
  std::string id;  // file path, or the JSONL record's id ("FILE:LINE" if it has none)
  ErrorKind kind = ErrorKind::InvalidInput;
  std::string message;
};

struct CorpusOptions {
  std::vector<std::string> inputs{};  // files and directories (every regular, non-hidden file below)
  std::string jsonl{};                // or a JSONL file of {"id": ..., "text": ...} ("-" = stdin)
  int threads = 1;                    // worker threads (>= 1)
  // Seconds (wall clock) one article's stages may take; 0 = no limit. An
  // article over it is a failure (ErrorKind::InvalidInput) and is skipped.
  double article_timeout = 0;
  // Called after each article: (articles done, total, failures so far).
  std::function<void(std::size_t, std::size_t, std::size_t)> progress{};
};

struct CorpusResult {
  KnowledgeGraph graph;  // canonicalized
  std::size_t articles = 0;
  std::size_t sentences = 0;
  std::size_t tokens = 0;
  std::vector<ArticleFailure> failures;  // in input order
};

CorpusResult extract_corpus(const CorpusOptions& options, const ArticleExtractor& extract);
// The same result as extract_corpus(options, pipeline_extractor(pipeline, graph)),
// computed stage-major: each worker takes `batch` consecutive articles and runs
// every stage over all of them before the next stage, so one stage's model
// stays in the cache; memory is bounded by the batch (documents are freed once
// their graph is merged). Per-article failures are reported the same way.
CorpusResult extract_corpus(const CorpusOptions& options, const Pipeline& pipeline, const GraphOptions& graph = {},
                            std::size_t batch = 16);

// Expands files and directories into the sorted list of article files.
// Throws Error(NotFound) naming an input that does not exist.
std::vector<std::string> corpus_files(const std::vector<std::string>& inputs);

struct StreamOptions {
  std::string format = "jsonl";    // "jsonl": {"id","entities","relations","graph"} a line; "ntriples"
  int threads = 1;                 // records are processed in parallel batches, written in input order
  std::string source = "<stdin>";  // names the input in messages
};

struct StreamResult {
  std::size_t records = 0;
  std::vector<ArticleFailure> failures;  // also written as {"id", "error": {"kind", "message"}} lines
};

// Reads JSONL records from `in`, writes one result per record to `out`.
StreamResult stream_corpus(std::istream& in, std::ostream& out, const ArticleExtractor& extract,
                           const StreamOptions& options = {});

// Merges the graphs of stream_corpus "jsonl" lines (the reduce step). Error
// lines are appended to `failures` if given; a malformed line throws
// Error(Format) naming `source` and the line.
KnowledgeGraph read_graph_lines(std::istream& in, const std::string& source,
                                std::vector<ArticleFailure>* failures = nullptr);

}  // namespace relgraph
