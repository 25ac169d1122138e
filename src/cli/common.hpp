// What every subcommand shares: the global -q/-v flags (accepted before or
// after the subcommand), the graph-filter flags, graph input from a file or
// piped standard input, suggestions for a mistyped subcommand and corpus
// progress. Tests: tests/cli_polish_test.cpp
#pragma once
#include <CLI/CLI.hpp>
#include <chrono>
#include <optional>
#include <ostream>
#include <string>

#include "relgraph/io.hpp"
#include "relgraph/query.hpp"

namespace relgraph::cli {

// -q/--quiet and -v/--verbose on the app; subcommands pass unknown flags up
// (fallthrough), so `relgraph -v query g stats` and `relgraph query g stats -v`
// are the same.
void add_global_flags(CLI::App& app);
bool quiet();
bool verbose_on();
// stderr with -v, else a stream that drops everything.
std::ostream& verbose();

// --min-confidence alone (extract, convert, query), or with --top, --focus
// and --hops (render, convert).
void add_min_confidence(CLI::App& cmd, GraphFilter& filter);
void add_filter_options(CLI::App& cmd, GraphFilter& filter);

// "-" when no input was named and standard input is not a terminal (piped), else `input`.
std::string stdin_if_piped(const std::string& input);

// load_graph, except that standard input without --from is recognised by its
// first bytes (JSON-LD, GraphML, N-Triples or TSV).
KnowledgeGraph read_graph(const std::string& path, const std::string& from, const ImportOptions& import = {});

// "'extrct' is not a relgraph command; did you mean 'extract'?" when the
// command line names an unknown subcommand, else nullopt.
std::optional<std::string> unknown_subcommand(const CLI::App& app, int argc, char** argv);

// A progress line on stderr for long runs, only when stderr is a terminal and
// not -q: "[=====     ] 120/316 articles, 3.4 articles/s, ETA 58 s".
class Progress {
 public:
  explicit Progress(std::string unit);
  void update(std::size_t done, std::size_t total, std::size_t failed = 0);

 private:
  std::string unit_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace relgraph::cli
