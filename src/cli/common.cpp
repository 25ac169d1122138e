// Flags, input and messages every subcommand shares (see common.hpp).
// Tests: tests/cli_polish_test.cpp
#include "cli/common.hpp"

#include <unistd.h>

#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "core/files.hpp"
#include "relgraph/error.hpp"

namespace relgraph::cli {
namespace {

int verbosity = 0;  // -1 quiet, 0 normal, 1 verbose (set while parsing, read after)

class NullBuffer : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
};

// The format of a graph from its first bytes: JSON-LD is a JSON object,
// GraphML is XML, N-Triples lines start with an IRI or a blank node, and a
// relgraph TSV starts with its header.
std::string sniff_format(std::string_view text, const std::string& source) {
  auto start = text.find_first_not_of(" \t\r\n");
  std::string_view head = start == std::string_view::npos ? "" : text.substr(start);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  if (head.empty()) throw Error(ErrorKind::InvalidInput, source + " is empty: name a graph file, or pipe a graph in");
  if (head.starts_with("{") || head.starts_with("[")) return "jsonld";
  if (head.starts_with("<?xml") || head.starts_with("<graphml")) return "graphml";
  if (head.starts_with("<") || head.starts_with("_:")) return "ntriples";
  if (head.starts_with("subject\t")) return "tsv";
  throw Error(ErrorKind::InvalidArgument,
              "cannot tell the graph format of " + source + "; name it with --from (jsonld, graphml, tsv, ntriples)");
}

}  // namespace

void add_global_flags(CLI::App& app) {
  app.fallthrough();
  auto* q = app.add_flag_callback(
      "-q,--quiet", [] { verbosity = -1; }, "No progress or notes on stderr");
  auto* v = app.add_flag_callback(
      "-v,--verbose", [] { verbosity = 1; }, "Say what was done on stderr");
  q->excludes(v);
}

bool quiet() { return verbosity < 0; }
bool verbose_on() { return verbosity > 0; }

std::ostream& verbose() {
  static NullBuffer null_buffer;
  static std::ostream null_stream(&null_buffer);
  return verbosity > 0 ? std::cerr : null_stream;
}

void add_min_confidence(CLI::App& cmd, GraphFilter& filter) {
  cmd.add_option("--min-confidence", filter.min_confidence,
                 "Leave out facts less confident than this (0-1), and the entities only they named")
      ->check(CLI::Range(0.0, 1.0));
}

void add_filter_options(CLI::App& cmd, GraphFilter& filter) {
  add_min_confidence(cmd, filter);
  cmd.add_option("--top", filter.top, "Only the N most central entities (PageRank) and the facts among them");
  cmd.add_option("--focus", filter.focus, "Only the entities within --hops of this one (name, alias or id)");
  cmd.add_option("--hops", filter.hops, "With --focus: how far from it (default 1)")->check(CLI::NonNegativeNumber);
}

std::string stdin_if_piped(const std::string& input) {
  if (!input.empty()) return input;
  return ::isatty(STDIN_FILENO) ? input : "-";
}

KnowledgeGraph read_graph(const std::string& path, const std::string& from, const ImportOptions& import) {
  if (path.empty())
    throw Error(ErrorKind::InvalidArgument, "no input graph: name a file, or pipe one into standard input");
  if (path != "-" || !from.empty()) return load_graph(path, from, import);
  std::string text = detail::read_file("-");
  std::istringstream in(text);
  return make_importer(sniff_format(text, "standard input"), import)->read(in, "<stdin>");
}

std::optional<std::string> unknown_subcommand(const CLI::App& app, int argc, char** argv) {
  const CLI::App* at = &app;
  std::string path = "relgraph";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.starts_with("-")) continue;
    auto subs = at->get_subcommands([](const CLI::App*) { return true; });
    if (subs.empty()) return std::nullopt;
    const CLI::App* next = nullptr;
    for (const auto* s : subs)
      if (s->check_name(arg)) next = s;
    if (!next) {
      // Only where a subcommand must come next: a command with positionals
      // (query GRAPH ...) takes any word.
      if (at != &app && !at->get_options([](const CLI::Option* o) { return o->get_positional(); }).empty())
        return std::nullopt;
      std::string best;
      std::size_t best_distance = 3;  // suggest only near misses
      for (const auto* s : subs) {
        std::size_t d = name_distance(arg, s->get_name());
        if (d < best_distance) best_distance = d, best = s->get_name();
      }
      std::string msg = "'" + detail::escape_control(arg) + "' is not a " + path + " command";
      if (!best.empty()) msg += "; did you mean '" + best + "'?";
      return msg + " (see " + path + " --help)";
    }
    at = next;
    path += " " + next->get_name();
    // Stop where the command takes positionals: its words are not subcommands.
    if (!at->get_options([](const CLI::Option* o) { return o->get_positional(); }).empty()) return std::nullopt;
  }
  return std::nullopt;
}

Progress::Progress(std::string unit)
    : unit_(std::move(unit)), enabled_(!quiet() && ::isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}

void Progress::update(std::size_t done, std::size_t total, std::size_t failed) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  // At most ten lines a second, and always the last one.
  if (done != total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  constexpr int kWidth = 24;
  int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
  std::ostringstream line;
  line << "\r[" << std::string(filled, '=') << std::string(kWidth - filled, ' ') << "] " << done << "/" << total << " "
       << unit_;
  if (failed) line << ", " << failed << " failed";
  double rate = seconds > 0 ? done / seconds : 0;
  line << std::fixed << std::setprecision(rate < 10 ? 1 : 0) << ", " << rate << " " << unit_ << "/s";
  if (done < total && rate > 0) {
    long eta = std::lround((total - done) / rate);
    line << ", ETA ";
    if (eta >= 60) line << eta / 60 << " min ";
    line << eta % 60 << " s";
  }
  line << "\x1b[K";  // clear the rest of a longer previous line
  std::cerr << line.str() << (done == total ? "\n" : "") << std::flush;
}

}  // namespace relgraph::cli
