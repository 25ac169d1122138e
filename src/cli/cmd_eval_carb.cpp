// `relgraph eval carb GOLD.tsv OUTPUT [--json]`: CaRB scores (P, R, F1 at the
// best threshold, AUC) of a system's tabbed extractions against gold tuples.
// The scorer is src/relations/carb.hpp. Tests: tests/carb_test.cpp
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "core/files.hpp"
#include "relations/carb.hpp"

namespace relgraph::cli {
namespace {

struct EvalCarbOptions {
  std::string gold;
  std::string system;
  std::string output = "-";
  bool json = false;
  bool curve = false;
};

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

void print_text(const CarbScore& s, std::ostream& out) {
  out << "CaRB  precision " << num(s.precision) << "  recall " << num(s.recall) << "  F1 " << num(s.f1) << "  AUC "
      << num(s.auc) << "\n"
      << "best threshold " << num(s.threshold) << "; " << s.gold_tuples << " gold tuples in " << s.gold_sentences
      << " sentences; " << s.system_tuples << " system tuples, " << s.system_sentences_matched
      << " gold sentences with output\n";
}

void print_json(const CarbScore& s, bool curve, std::ostream& out) {
  out << "{\"precision\": " << num(s.precision) << ", \"recall\": " << num(s.recall) << ", \"f1\": " << num(s.f1)
      << ", \"auc\": " << num(s.auc) << ", \"threshold\": " << num(s.threshold)
      << ", \"gold_tuples\": " << s.gold_tuples << ", \"gold_sentences\": " << s.gold_sentences
      << ", \"system_tuples\": " << s.system_tuples
      << ", \"gold_sentences_with_output\": " << s.system_sentences_matched;
  if (curve) {
    out << ", \"curve\": [";
    for (std::size_t i = 0; i < s.curve.size(); ++i)
      out << (i ? ", " : "") << "[" << num(s.curve[i].threshold) << ", " << num(s.curve[i].precision) << ", "
          << num(s.curve[i].recall) << "]";
    out << "]";
  }
  out << "}\n";
}

}  // namespace

void add_eval_carb(CLI::App& app) {
  auto opts = std::make_shared<EvalCarbOptions>();
  auto* cmd = app.add_subcommand("carb", "Score Open IE extractions against CaRB gold tuples");
  cmd->footer(
      "GOLD: sentence<TAB>relation<TAB>arg1<TAB>arg2...  OUTPUT: sentence<TAB>confidence<TAB>relation<TAB>arg1...\n"
      "(as printed by `relgraph extract --format carb`). Reports precision, recall and F1 at the confidence\n"
      "threshold with the best F1, and the area under the precision-recall curve.\n"
      "Example: relgraph eval carb ../shared/data/carb/dev.gold.tsv dev.carb.tsv");
  cmd->add_option("gold", opts->gold, "Gold tuples (TSV, - for stdin)")->required();
  cmd->add_option("output", opts->system, "System extractions (TSV, - for stdin)")->required();
  cmd->add_option("-o,--output-file", opts->output, "Write the report here (default: stdout)");
  cmd->add_flag("--json", opts->json, "Print the scores as JSON");
  cmd->add_flag("--curve", opts->curve, "With --json: include the precision-recall curve");
  cmd->callback([opts] {
    auto gold = read_carb_gold(detail::read_file(opts->gold), opts->gold);
    auto system = read_carb_system(detail::read_file(opts->system), opts->system);
    auto score = score_carb(gold, system);
    detail::write_atomic(opts->output, [&](std::ostream& out) {
      if (opts->json)
        print_json(score, opts->curve, out);
      else
        print_text(score, out);
    });
  });
}

}  // namespace relgraph::cli
