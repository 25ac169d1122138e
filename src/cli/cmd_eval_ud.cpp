// `relgraph eval ud GOLD.conllu`: CoNLL 2018 scores of the syntactic pipeline
// from raw text (the gold "# text" lines as one document) and from gold
// tokenization. Tests: tests/ud_eval_test.cpp (scoring), tests/cli_test.cpp
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/syntax_pipeline.hpp"
#include "relgraph/error.hpp"
#include "text/conllu.hpp"
#include "text/ud_eval.hpp"

namespace relgraph::cli {
namespace {

struct EvalUdOptions {
  std::string gold;
  std::string system;  // an existing system CoNLL-U instead of running the pipeline
  std::string mode = "both";
  std::string until = "deps";
  std::string models_dir;
  bool json = false;
};

struct Run {
  std::string name;  // "raw text", "gold tokenization", "system file"
  UdScores scores;
  double seconds = 0;
  std::size_t words = 0;
  Layer until = Layer::Deps;  // metrics past this layer are not printed
};

bool shown(const Run& r, const std::string& metric) {
  if (metric == "Tokens" || metric == "Sentences" || metric == "Words") return true;
  if (metric == "UAS" || metric == "LAS") return r.until == Layer::Deps;
  return r.until != Layer::Tokens;
}

Run evaluate(const std::string& name, const Document& gold, Document system, const Pipeline* pipeline) {
  Run run{name, {}, 0, 0};
  if (pipeline) {
    auto start = std::chrono::steady_clock::now();
    pipeline->run(system);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  for (const auto& s : system.sentences) run.words += s.tokens.size();
  run.scores = evaluate_ud(gold, system);
  return run;
}

std::string fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

void print_text(const std::vector<Run>& runs, std::ostream& out) {
  for (const auto& r : runs) {
    out << "== " << r.name;
    if (r.seconds > 0)
      out << " (" << r.words << " words, " << fixed(r.seconds) << " s, " << static_cast<long>(r.words / r.seconds)
          << " words/s)";
    out << "\nMetric     | Precision |    Recall |  F1 Score | AligndAcc\n"
        << "-----------+-----------+-----------+-----------+-----------\n";
    for (const auto& [metric, s] : r.scores.table()) {
      char line[128];
      bool aligned = metric != "Tokens" && metric != "Sentences" && metric != "Words";
      if (!shown(r, metric)) continue;
      std::snprintf(line, sizeof line, "%-10s | %9.2f | %9.2f | %9.2f | %9s\n", metric.c_str(), s->precision(),
                    s->recall(), s->f1(), aligned ? fixed(s->aligned_accuracy()).c_str() : "");
      out << line;
    }
    out << "\n";
  }
}

void print_json(const std::vector<Run>& runs, std::ostream& out) {
  out << "{";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& r = runs[i];
    out << (i ? ",\n " : "\n ") << "\"" << r.name << "\": {\"words\": " << r.words << ", \"seconds\": " << r.seconds;
    for (const auto& [metric, s] : r.scores.table()) {
      if (!shown(r, metric)) continue;
      out << ",\n   \"" << metric << "\": {\"precision\": " << fixed(s->precision())
          << ", \"recall\": " << fixed(s->recall()) << ", \"f1\": " << fixed(s->f1())
          << ", \"aligned_accuracy\": " << fixed(s->aligned_accuracy()) << ", \"gold\": " << s->gold
          << ", \"system\": " << s->system << ", \"correct\": " << s->correct << "}";
    }
    out << "}";
  }
  out << "\n}\n";
}

void run_eval_ud(const EvalUdOptions& o) {
  if (o.mode != "both" && o.mode != "raw" && o.mode != "gold")
    throw Error(ErrorKind::InvalidArgument, "unknown --mode '" + o.mode + "' (expected raw, gold or both)");
  Document gold = read_conllu_file(o.gold);
  std::vector<Run> runs;
  if (!o.system.empty()) {
    runs.push_back(evaluate("system file", gold, read_conllu_file(o.system), nullptr));
  } else {
    PipelineOptions options;
    options.models_dir = o.models_dir;
    Layer until = syntax_layer(o.until);
    if (o.mode != "gold") {
      Pipeline pipeline = make_syntax_pipeline(options, until);
      Document raw;
      raw.id = o.gold + " (raw text)";
      raw.text = treebank_raw_text(gold);
      runs.push_back(evaluate("raw text", gold, std::move(raw), &pipeline));
      runs.back().until = until;
    }
    if (o.mode != "raw" && until != Layer::Tokens) {
      Pipeline pipeline = make_syntax_pipeline(options, until, /*given_tokens=*/true);
      runs.push_back(evaluate("gold tokenization", gold, strip_annotations(gold), &pipeline));
      runs.back().until = until;
    }
  }
  if (o.json)
    print_json(runs, std::cout);
  else
    print_text(runs, std::cout);
}

}  // namespace

void add_eval_ud(CLI::App& app) {
  auto o = std::make_shared<EvalUdOptions>();
  auto* cmd = app.add_subcommand("ud", "Score tokenizer, tagger and parser on a UD treebank (CoNLL 2018 metrics)");
  cmd->add_option("gold", o->gold, "Gold CoNLL-U file (e.g. en_ewt-ud-test.conllu)")->required();
  cmd->add_option("--mode", o->mode, "raw (from the # text lines), gold (gold tokenization) or both")
      ->capture_default_str();
  cmd->add_option("--until", o->until, "Last layer to run: tokens, tags or deps")->capture_default_str();
  cmd->add_option("--system", o->system, "Score this system CoNLL-U file instead of running the pipeline");
  cmd->add_option("--models", o->models_dir, "Models directory (default: $RELGRAPH_MODELS or models/)");
  cmd->add_flag("--json", o->json, "Print JSON");
  cmd->callback([o] { run_eval_ud(*o); });
}

}  // namespace relgraph::cli
