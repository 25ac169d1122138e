// First-order Viterbi decoding over BILOU labels for the recognizer and its
// (structured perceptron) trainer: a lattice of per-token label scores plus
// scores that depend on the previous label, searched only along transitions
// that bilou_allowed() permits, so the best path is always a valid BILOU
// sequence. Internal to src/ner. Tests: tests/ner_test.cpp
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/perceptron.hpp"
#include "ner/features.hpp"

namespace relgraph::ner {

// Which label may follow which, from bilou_allowed() / bilou_may_end().
struct BilouTransitions {
  BilouTransitions() = default;
  explicit BilouTransitions(const std::vector<std::string>& labels);
  int size = 0;                       // number of labels; prev == size is the sentence start
  std::vector<std::uint8_t> allowed;  // allowed[prev * size + next], prev in [0, size]
  std::vector<std::uint8_t> may_end;  // labels that may end a sentence
  bool ok(int prev, int next) const { return allowed[prev * size + next] != 0; }
};

// Scores of one sentence: emit[i * L + c] for label c at token i, and
// trans[(i * (L + 1) + p) * L + c] for label c after label p (p == L: start;
// only p == L is used at i == 0, and p < L after it).
struct Lattice {
  int n = 0, labels = 0;
  std::vector<float> emit, trans;
  void resize(int tokens, int num_labels);
  float& emit_at(int i, int c) { return emit[static_cast<std::size_t>(i) * labels + c]; }
  float* trans_row(int i, int p) { return &trans[(static_cast<std::size_t>(i) * (labels + 1) + p) * labels]; }
  const float* trans_row(int i, int p) const {
    return &trans[(static_cast<std::size_t>(i) * (labels + 1) + p) * labels];
  }
};

// Fills the lattice from `weights` (a detail::Perceptron or PerceptronTrainer:
// anything with score(features, scores)); `feats` is scratch.
template <class Weights>
void fill_lattice(const Weights& weights, const FeatureExtractor& fx, const std::vector<TokenInfo>& info,
                  int num_labels, Lattice& lattice, std::vector<std::uint64_t>& feats) {
  const int n = static_cast<int>(info.size());
  lattice.resize(n, num_labels);
  for (int i = 0; i < n; ++i) {
    fx.token_features(info, i, feats);
    weights.score(feats, {&lattice.emit_at(i, 0), static_cast<std::size_t>(num_labels)});
    for (int p = i == 0 ? num_labels : 0; p < (i == 0 ? num_labels + 1 : num_labels); ++p) {
      fx.label_features(info, i, p == num_labels ? -1 : p, feats);
      weights.score(feats, {lattice.trans_row(i, p), static_cast<std::size_t>(num_labels)});
    }
  }
}

// The scores of each label feature part (LabelPart) after every previous
// label, kept across sentences: label features are over half of the lookups
// per token but take few distinct values. Scores for one set of immutable
// weights; not thread-safe (one per thread).
class LabelScoreCache {
 public:
  // out[k]: the scores of parts[k], (num_labels + 1) rows of num_labels, row
  // p for previous label p, row num_labels for the sentence start; valid
  // until the next call.
  void scores(const detail::Perceptron& weights, int num_labels, const LabelPart* parts, int count, const float** out);
  void clear();

 private:
  struct Hash {
    std::size_t operator()(const LabelPart& p) const { return detail::hash_mix(detail::hash_mix(p.tmpl, p.a), p.b); }
  };
  std::unordered_map<LabelPart, std::size_t, Hash> offset_;
  std::vector<float> scores_;
};

// fill_lattice() for immutable weights, with the label features' scores
// from `cache`: the same floats (each row sums the same weights in the same
// order, and a feature absent for a label adds +0).
void fill_lattice(const detail::Perceptron& weights, const FeatureExtractor& fx, const std::vector<TokenInfo>& info,
                  int num_labels, Lattice& lattice, std::vector<std::uint64_t>& feats, LabelScoreCache& cache);

// The highest-scoring label sequence that obeys `t` (ties: the lower label id).
std::vector<int> viterbi(const Lattice& lattice, const BilouTransitions& t);

}  // namespace relgraph::ner
