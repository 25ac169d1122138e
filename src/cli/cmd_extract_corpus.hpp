// `relgraph extract` over a corpus: several files, directories or a JSONL
// file, on N threads, into one merged graph; or, with --stream, the
// Hadoop/Spark mapper (JSONL in, a graph line per article out).
// cmd_extract.cpp hands over to run_extract_corpus() for those inputs.
#pragma once
#include <string>
#include <vector>

namespace relgraph::cli {

struct ExtractCorpusOptions {
  std::vector<std::string> inputs;  // files and directories
  std::string jsonl;                // JSONL records {"id", "text"} ("-" = stdin)
  int threads = 1;
  std::string output = "-";
  std::string format;  // graph format ("" = from -o); with stream: jsonl or ntriples
  bool stream = false;
  std::string models_dir, schemas_dir;
  std::string mentions = "auto";     // article `mentions` edges: auto, yes, no
  bool stats = false;                // articles, tokens and speed on stderr
  std::vector<std::string> disable;  // named rules switched off (--disable)
  double min_confidence = 0.0;       // facts below are left out of the merged graph
  double timeout = 0.0;              // seconds per article (0 = none): one over it is skipped
};

// Throws relgraph::Error; when articles failed (or took longer than
// `timeout`), after writing the graph of the others, throws
// Error(InvalidInput) saying how many (exit status 1). With --stream they
// are error lines and the exit status is 0.
void run_extract_corpus(const ExtractCorpusOptions& options);

// True when `inputs`/flags call for corpus mode: a directory, --jsonl, -j > 1
// or --stream.
bool wants_corpus_mode(const std::vector<std::string>& inputs, const std::string& jsonl, int threads, bool stream);

}  // namespace relgraph::cli
