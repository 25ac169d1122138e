// Scores extracted triples against a hand-made reference graph with the
// rules of ../shared/eval/kgscore.py (lenient CaRB-style matching of entity
// aliases, literal content words and predicate wordings; fact recall,
// matched share, entity recall, fragmentation), so `relgraph eval kg`
// gives the same numbers without Python. Tests: tests/pipeline_test.cpp
#pragma once
#include <string>
#include <vector>

namespace relgraph {

struct KgScore {
  int extracted = 0;        // system triples
  int gold = 0;             // reference triples
  int found = 0;            // reference triples matched by some system triple
  double recall = 0;        // found / gold
  double matched_share = 0; // system triples matching some reference triple / extracted
  double entity_recall = 0; // reference entities named exactly by some extracted label
  double fragmentation = 0; // distinct extracted labels per found reference entity
  std::vector<std::string> report;  // one line per reference fact: "ok   3  A | met | B   <- ..." / "MISS ..."
};

// The scorer's word normalisation (lower case, possessive 's and most
// punctuation dropped, a leading article removed).
std::vector<std::string> kg_norm(const std::string& text);

// `gold_json`: the reference graph (JSON text); `triples_tsv`: TSV text with
// a header naming subject, predicate, object. Names are used in errors
// (Error(Format) naming the file and line).
KgScore score_kg(const std::string& gold_json, const std::string& gold_name, const std::string& triples_tsv,
                 const std::string& triples_name);

}  // namespace relgraph
