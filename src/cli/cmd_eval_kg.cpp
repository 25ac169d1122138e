// `relgraph eval kg GOLD.json TRIPLES.tsv [--show] [--json]`: scores a graph's
// TSV export against a hand-made reference graph with the rules of
// ../shared/eval/kgscore.py (C++ port in src/pipeline/kgscore.cpp).
// Tests: tests/pipeline_test.cpp
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "core/files.hpp"
#include "pipeline/kgscore.hpp"

namespace relgraph::cli {

void add_eval_kg(CLI::App& app) {
  struct Options {
    std::string gold, triples;
    bool show = false, json = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("kg", "Score extracted triples (TSV) against a reference graph (JSON)");
  cmd->add_option("gold", o->gold, "Reference graph, e.g. ../shared/eval/<article>.gold.json")->required();
  cmd->add_option("triples", o->triples, "Triples TSV with subject, predicate, object columns, or - for stdin")
      ->required();
  cmd->add_flag("--show", o->show, "List each reference fact as found (ok) or missed (MISS)");
  cmd->add_flag("--json", o->json, "Print the scores as one JSON object");
  cmd->callback([o] {
    KgScore s = score_kg(detail::read_file(o->gold), o->gold, detail::read_file(o->triples), o->triples);
    char buf[256];
    if (o->json) {
      std::snprintf(buf, sizeof buf,
                    "{\"extracted\": %d, \"found\": %d, \"gold\": %d, \"recall\": %.3f, \"matched_share\": %.3f, "
                    "\"entity_recall\": %.3f, \"fragmentation\": %.2f}",
                    s.extracted, s.found, s.gold, s.recall, s.matched_share, s.entity_recall, s.fragmentation);
      std::cout << buf << "\n";
      return;
    }
    if (o->show)
      for (const auto& line : s.report) std::cout << line << "\n";
    std::cout << "triples: " << s.extracted << " extracted, " << s.found << "/" << s.gold << " reference facts found\n";
    std::snprintf(buf, sizeof buf, "KG recall=%.3f matched-share=%.3f entity-recall=%.3f fragmentation=%.2f", s.recall,
                  s.matched_share, s.entity_recall, s.fragmentation);
    std::cout << buf << "\n";
  });
}

}  // namespace relgraph::cli
