// Training side of the dependency parser: the dynamic oracle for the
// arc-hybrid system (Goldberg & Nivre 2013), the perceptron training loop with
// error exploration, and attachment scores. Not linked into the runtime library.
//
//   relgraph::ParserTrainOptions o;  o.iterations = 15;  o.seed = 1;
//   auto parser = relgraph::train_parser(train_sentences, dev_sentences, o);
//   parser.save("models/parser.bin");
//
// Deterministic given the options (the seed drives shuffling and exploration).
// Tests: tests/parser_test.cpp
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "parse/parser.hpp"
#include "parse/transition.hpp"

namespace relgraph {

struct ParserTrainOptions {
  int iterations = 15;
  std::uint64_t seed = 1;
  // From this iteration on (1-based) follow the model's own prediction with
  // probability explore_prob instead of the oracle's (error exploration).
  int explore_from = 2;
  double explore_prob = 0.9;
  // Lifted labels ("obj|ccomp") seen fewer times keep only their base label.
  int min_lift_count = 3;
  // Averaged weights with a smaller magnitude are dropped from the saved model.
  float min_weight = 0.0f;
  // Probability of replacing a training word's tags by those of another word
  // with the same form (or a random tag pair), to mimic a tagger's errors.
  double tag_noise = 0.0;
  // Word-class features (stored in the model); null = none.
  const detail::WordClusters* clusters = nullptr;
  // Called with one progress line per iteration (dev scores); may be empty.
  std::function<void(const std::string&)> log;
};

// Attachment scores over all words (punctuation included), CoNLL 2018 style:
// LAS compares the universal part of the relation (before ':'), LAS-full the
// whole label.
struct AttachmentScores {
  std::size_t words = 0, heads = 0, labelled = 0, labelled_full = 0;
  double uas() const { return words ? 100.0 * heads / words : 0.0; }
  double las() const { return words ? 100.0 * labelled / words : 0.0; }
  double las_full() const { return words ? 100.0 * labelled_full / words : 0.0; }
};
// Compares predicted against gold sentences word by word; throws
// Error(InvalidArgument) if they do not have the same words.
AttachmentScores attachment_scores(const std::vector<Sentence>& gold, const std::vector<Sentence>& predicted);
// Parses a copy of `gold` (using its tags) and scores it.
AttachmentScores evaluate_parser(const Parser& parser, const std::vector<Sentence>& gold);

struct ParserTrainReport {
  std::vector<AttachmentScores> dev;         // per iteration, before pruning
  int best_iteration = 0;                    // 1-based; the model returned is this iteration's
  AttachmentScores final_dev;                // the returned (pruned) model on dev
  std::size_t nonprojective = 0, lifts = 0;  // training sentences made projective, arcs lifted
};

// Trains on `train` (gold heads, relations and tags) and keeps the iteration
// scoring best on `dev` (LAS). Throws Error(InvalidInput) naming the sentence
// if a training tree is malformed.
Parser train_parser(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                    const ParserTrainOptions& options, ParserTrainReport* report = nullptr);

namespace parse {

// Cost of each transition in `state` (entries for disallowed ones are -1):
// the number of gold arcs it makes unreachable. gold_head is 0-based with n
// for ROOT, as in State; the tree must be projective.
void oracle_costs(const State& state, const std::vector<int>& gold_head, const std::vector<int>& gold_label,
                  const std::vector<std::vector<int>>& gold_children, int num_labels, int root,
                  std::vector<int>& costs);

}  // namespace parse
}  // namespace relgraph
