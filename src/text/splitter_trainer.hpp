// Training the sentence splitter and learning the tokenizer lexicon from a
// UD treebank (EWT). Not linked into the runtime library.
// Tests: tests/tokenizer_test.cpp (tiny inline treebank)
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "relgraph/document.hpp"
#include "text/splitter.hpp"

namespace relgraph {

// Word lists learned from gold tokenization: abbreviations kept with their
// period, hyphen prefixes kept joined, multiword forms without apostrophe.
// An entry is kept when the treebank uses it more often than the alternative.
TokenizerLexicon learn_lexicon(const Document& treebank);

struct SplitterTrainOptions {
  int epochs = 5;
  std::uint64_t seed = 1;
  float min_weight = 0.0f;  // drop averaged weights smaller than this
};

// Sentence-boundary quality on a treebank's raw text (CoNLL 2018 sentence F1
// is computed by the UD evaluation; this is the splitter-only figure).
struct SplitterScore {
  std::size_t gold = 0, system = 0, correct = 0;
  double f1() const { return gold + system ? 200.0 * correct / (gold + system) : 0.0; }
};
SplitterScore score_splitter(const SentenceSplitter& splitter, const Document& treebank);

// Learns the lexicon, then trains the boundary perceptron on the raw text of
// `train` (deterministic given options.seed). `log` receives progress lines.
SentenceSplitter train_splitter(const Document& train, const SplitterTrainOptions& options,
                                const std::function<void(const std::string&)>& log = {});

}  // namespace relgraph
