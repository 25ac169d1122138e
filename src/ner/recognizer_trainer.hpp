// Training the entity recognizer on IOB2 files (Universal NER): averaged
// structured perceptron (Collins 2002) with the same constrained Viterbi
// decoder as at run time, shuffled each
// epoch with a fixed seed (so training is deterministic), keeping the epoch
// with the best dev F1. Not linked into the runtime library.
// Tests: tests/ner_test.cpp
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/word_clusters.hpp"
#include "ner/gazetteer.hpp"
#include "ner/iob2.hpp"
#include "ner/recognizer.hpp"

namespace relgraph::ner {

struct TrainOptions {
  std::vector<std::string> types = {"PER", "ORG", "LOC"};  // other tags (OTH, stray B-O) become O
  int epochs = 12;         // of the first stage (the best on dev is kept when there is dev)
  int context_epochs = 0;  // of the second stage; 0 = `epochs`
  unsigned seed = 1;
  float min_weight = 1e-3f;  // averaged weights below this are dropped (model size)
  // Web text often names things in lower case ("taco bell"): a lower-cased
  // copy of every n-th training sentence that has a mention is added (0 = none).
  int lowercase_every = 2;
  // > 1: also train a second stage (context.hpp) on first-stage labels of the
  // training sentences from first stages trained on the other folds of the
  // training discourses (jackknifing), so its context is as noisy as at run
  // time. Fold models train for the full first stage's best epoch count.
  int context_folds = 0;
  const Gazetteer* gazetteer = nullptr;            // gazetteer features; nullptr = none
  const detail::WordClusters* clusters = nullptr;  // word-class features, stored in the model; nullptr = none
  // Fills Token::upos before features are taken (the tagger); empty = no POS features.
  std::function<void(Sentence&)> annotate;
  // Same for the training sentences, if set: tags from taggers that did not see
  // them (jackknifing), so training POS is as noisy as at run time.
  std::function<void(Sentence&)> annotate_train;
  std::function<void(const std::string&)> progress;  // one line per epoch; may be empty
};

struct TrainReport {
  int best_epoch = 0;                      // of the last stage trained
  int first_stage_epoch = 0;               // best epoch of the first stage
  std::vector<double> dev_f1;              // per epoch of the last stage, 0..1
  std::vector<double> first_stage_dev_f1;  // per epoch of the first stage, 0..1
  NerScores first_stage_dev;               // the first stage alone on dev
  NerScores dev;                           // scores of the returned model on dev
};

// Trains on `train`, selects the epoch on `dev` (may be empty: last epoch).
EntityRecognizer train_recognizer(const std::vector<Iob2Sentence>& train, const std::vector<Iob2Sentence>& dev,
                                  const TrainOptions& options, TrainReport* report = nullptr);

// Scores a recognizer on IOB2 sentences (exact span), annotating with
// `annotate` first when the model uses POS; discourses split at "newdoc".
NerScores evaluate(const EntityRecognizer& model, const std::vector<Iob2Sentence>& gold,
                   const std::vector<std::string>& types, const std::function<void(Sentence&)>& annotate = {});

}  // namespace relgraph::ner
