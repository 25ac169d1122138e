// Scores extracted triples against a hand-made reference graph with the
// rules of ../shared/eval/kgscore.py (lenient CaRB-style matching of entity
// aliases, literal content words and predicate wordings; fact recall,
// matched share, entity recall, fragmentation), so `relgraph eval kg`
// gives the same numbers without Python; score_kg_set extracts and scores a
// directory of articles. Tests: tests/pipeline_test.cpp, tests/eval_cli_test.cpp
#pragma once
#include <string>
#include <vector>

#include "relgraph/pipeline.hpp"

namespace relgraph {

struct KgScore {
  int extracted = 0;                // system triples
  int gold = 0;                     // reference triples
  int found = 0;                    // reference triples matched by some system triple
  double recall = 0;                // found / gold
  double matched_share = 0;         // system triples matching some reference triple / extracted
  double entity_recall = 0;         // reference entities named exactly by some extracted label
  double fragmentation = 0;         // distinct extracted labels per found reference entity
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

// One article of a reference set: its text file and its reference graph.
struct KgPair {
  std::string name;  // file stem, e.g. "storm" for storm.txt
  std::string text;  // path of the article
  std::string gold;  // path of the reference graph
};

// The X.txt + X.gold.json pairs in `dir`, sorted by name. Throws
// Error(NotFound) naming `dir` if it is not a directory or holds no pair.
std::vector<KgPair> kg_pairs(const std::string& dir);

// The mean of several articles' scores: counts are summed, the four rates
// are averaged over the articles (as a per-file loop over kgscore.py would).
KgScore mean_kg(const std::vector<KgScore>& scores);

struct KgArticleScore {
  std::string name;
  KgScore score;
};
struct KgSetScore {
  std::vector<KgArticleScore> articles;
  KgScore mean;  // mean_kg over the articles
};

// Extracts each article with `pipeline` and build_graph, exported as
// `relgraph extract X.txt -o X.tsv` writes it (no `mentions` edges), and
// scores it against its reference graph. Errors of reading, extraction and
// scoring propagate (each names its file).
// `disable`: graph-building rules switched off (GraphOptions::disable).
KgSetScore score_kg_set(const std::vector<KgPair>& pairs, const Pipeline& pipeline,
                        const std::vector<std::string>& disable = {});

}  // namespace relgraph
