// Training and scoring of the tagger + lemmatizer from a UD treebank (not
// linked into the runtime library). Deterministic given the seed.
//
//   auto train = relgraph::read_conllu_file("en_ewt-ud-train.conllu");
//   auto dev = relgraph::read_conllu_file("en_ewt-ud-dev.conllu");
//   relgraph::TaggerTrainOptions opt;
//   opt.progress = [](const std::string& line) { std::cerr << line << "\n"; };
//   auto result = relgraph::train_tagger(train, &dev, opt);
//   result.tagger.save("models/tagger.bin");
//
// Errors: Error(InvalidArgument) for empty training data or bad options.
// Tests: tests/tagger_test.cpp
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "relgraph/document.hpp"
#include "tag/tagger.hpp"

namespace relgraph {

struct TaggerTrainOptions {
  int iterations = 10;                               // passes over the training sentences (tagger)
  int lemma_iterations = 8;                          // passes over the training word types (lemmatizer)
  std::uint64_t seed = 1;                            // shuffling order of every pass
  int dict_min_count = 20;                           // tag dictionary: words seen at least this often ...
  double dict_min_share = 0.97;                      //   ... with one tag class this often
  float min_weight = 0.0f;                           // drop averaged weights smaller than this (model size)
  bool pick_best = true;                             // keep the iteration with the best dev UPOS+XPOS (needs dev)
  bool second_pass = true;                           // train the right-context second pass (jackknifed first-pass tags)
  const detail::WordClusters* clusters = nullptr;    // word-class features, stored in the model; null = none
  std::function<void(const std::string&)> progress;  // one line per iteration, if set
};

// Accuracies in percent over the words of a gold document.
struct TaggerScores {
  std::size_t words = 0;
  double upos = 0, xpos = 0, upos_xpos = 0, lemma = 0, feats = 0;
  double unseen_lemma = 0;  // lemma accuracy on words not in the lemma table
  std::size_t unseen_words = 0;
  double seconds = 0;  // CPU time of tagging (tag(), lemmas included), one thread
  double words_per_second() const { return seconds > 0 ? words / seconds : 0; }
};

struct TaggerTrainResult {
  Tagger tagger;
  int best_iteration = 0;         // 1-based, first pass
  int best_iteration_second = 0;  // second pass, 0 = none
  TaggerScores dev;               // of the returned tagger (if dev was given)
};

TaggerTrainResult train_tagger(const Document& train, const Document* dev, const TaggerTrainOptions& options);

// Tags a copy of `gold` (gold tokenization) and compares. `lemmas` = false
// skips lemmas and FEATS (faster, used during training).
TaggerScores evaluate_tagger(const Tagger& tagger, const Document& gold, bool lemmas = true);

}  // namespace relgraph
