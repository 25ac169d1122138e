// UD evaluation with the CoNLL 2018 shared task definitions
// (conll18_ud_eval.py): system and gold are aligned on the character offsets
// of their non-whitespace text; tokens, sentences and words are scored as
// span F1; multiword-token regions are aligned by LCS on lower-cased forms;
// UPOS, XPOS, UFeats, lemma, UAS and LAS are F1 over aligned words, LAS comparing only
// the universal part of the relation ("obl:tmod" counts as "obl").
//
// Pure functions; thread-safe. Throws Error(InvalidInput) naming the first
// differing character when the two documents' texts do not match.
// Tests: tests/ud_eval_test.cpp
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "relgraph/document.hpp"

namespace relgraph {

struct UdScore {
  std::size_t gold = 0;     // gold items
  std::size_t system = 0;   // system items
  std::size_t correct = 0;  // matching items
  std::size_t aligned = 0;  // aligned words (for tagging/attachment metrics)
  double precision() const { return system ? 100.0 * correct / system : 0.0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double f1() const { return gold + system ? 200.0 * correct / (gold + system) : 0.0; }
  double aligned_accuracy() const { return aligned ? 100.0 * correct / aligned : 0.0; }
};

struct UdScores {
  UdScore tokens, sentences, words, upos, xpos, ufeats, lemmas, uas, las;
  // Metric names and scores in output order: "Tokens", "Sentences", "Words", "UPOS" ...
  std::vector<std::pair<std::string, const UdScore*>> table() const;
};

UdScores evaluate_ud(const Document& gold, const Document& system);

// The raw text a tokenizer should see for a treebank: each sentence's
// "# text" (or its forms joined by SpaceAfter), sentences of one paragraph
// joined by a space, a blank line before each "# newpar" / "# newdoc".
// `spans`, if given, receives each sentence's byte span in the result.
std::string treebank_raw_text(const Document& gold, std::vector<std::pair<std::size_t, std::size_t>>* spans = nullptr);

// A copy of `gold` with only the words kept: every annotation column cleared
// (lemma, tags, features, head, relation), for gold-tokenization runs.
Document strip_annotations(const Document& gold);

}  // namespace relgraph
