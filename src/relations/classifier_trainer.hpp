// Training the relation classifier (classifier.hpp): a multi-label averaged
// perceptron over ordered entity pairs, one binary decision per relation.
// Per-relation thresholds are tuned on held-out scores of inner folds of the
// training documents, then the model is retrained on all of them.
// Not linked into the runtime library. Tests: tests/docred_test.cpp
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "relations/classifier.hpp"

namespace relgraph {

// One training document: parsed sentences, its entities and the facts.
struct RelationDocument {
  const Document* doc = nullptr;
  std::vector<PairEntity> entities;
  struct Fact {
    int head = 0;
    int tail = 0;
    std::string property;
  };
  std::vector<Fact> facts;
};

struct RelationTrainOptions {
  int epochs = 8;
  int tune_folds = 4;  // inner folds whose held-out scores tune the thresholds (< 2: thresholds 0)
  std::uint64_t seed = 1;
  float min_weight = 0.0f;  // drop averaged weights smaller than this (model size)
  // Update margin: a relation's weights move unless its score is above +margin
  // (gold) or below -margin (not gold); 0 is the plain perceptron. 4 gave
  // gold-entity CV F1 45.36 on Re-DocRED dev against 44.60 for 0 (1: 44.04).
  float margin = 4.0f;
  // not English: DocRED's entity type labels.
  std::vector<std::string> types = {"PER", "ORG", "LOC", "TIME", "NUM", "MISC"};
};

// Trains on `docs`; labels are the properties seen in the facts (sorted).
// Throws Error(InvalidArgument) if there is no fact to learn from.
RelationClassifier train_relation_classifier(std::span<const RelationDocument> docs,
                                             const RelationTrainOptions& options);

}  // namespace relgraph
