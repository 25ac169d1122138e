// Sentence splitter: decides after which surface token a sentence ends.
// Hard rules first (a blank line, or a line break after a line without final
// punctuation, always ends a sentence; sentences are capped at
// kMaxSentenceWords words), then an averaged perceptron over the tokens
// around the candidate (trained on UD English-EWT by splitter_trainer.cpp),
// or, without a model, a punctuation rule.
//
// The model file (component "splitter") also carries the tokenizer lexicon
// learned from the treebank (abbreviations, hyphen prefixes, multiword forms).
// Thread safety: immutable after load; split() is const.
// Tests: tests/tokenizer_test.cpp
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/perceptron.hpp"
#include "text/tokenizer.hpp"

namespace relgraph {

class SentenceSplitter {
 public:
  static constexpr std::uint32_t kFormatVersion = 2;  // 2: lowercase_words

  // Rules only, built-in lexicon.
  SentenceSplitter();
  SentenceSplitter(TokenizerLexicon learned, detail::Perceptron model);
  // Throws Error(Model) naming the file if it is missing, corrupt or newer.
  static SentenceSplitter load(const std::string& path);
  void save(const std::string& path) const;

  // ends[i] is true when a sentence ends after tokens[i]; the last token always ends one.
  std::vector<bool> split(std::string_view text, const std::vector<SurfaceToken>& tokens) const;

  // Lexicon used for tokenization: built-in merged with the learned one.
  const TokenizerLexicon& lexicon() const { return lexicon_; }
  const TokenizerLexicon& learned() const { return learned_; }
  bool has_model() const { return model_.has_value(); }

 private:
  TokenizerLexicon learned_;
  TokenizerLexicon lexicon_;
  std::optional<detail::Perceptron> model_;
};

namespace detail {

// A boundary decided by rules alone, or nullopt when the model must decide.
// `words` is the number of words in the sentence so far (including token i).
std::optional<bool> forced_boundary(std::string_view text, const std::vector<SurfaceToken>& tokens, std::size_t i,
                                    int words);

// Features for "a sentence ends after tokens[i]", shared by training and inference.
void splitter_features(std::string_view text, const std::vector<SurfaceToken>& tokens, std::size_t i, int words,
                       const TokenizerLexicon& lexicon, std::vector<std::uint64_t>& out);

}  // namespace detail
}  // namespace relgraph
