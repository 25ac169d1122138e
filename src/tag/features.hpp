// Feature extraction shared by the tagger, the lemmatizer and their trainer,
// so training and inference can never disagree. Tests: tests/tagger_test.cpp
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/word_clusters.hpp"
#include "relgraph/document.hpp"

namespace relgraph::detail {

class Perceptron;

// What the tagger's features need to know about one word, hashed once per sentence.
struct WordInfo {
  std::uint64_t form = 0, lower = 0, shape = 0, flags = 0;
  std::uint64_t ambiguity = 0;  // hash of the tag classes seen for the word in training, 0 = unknown
  std::uint64_t prefix[4] = {}, suffix[4] = {};
  std::uint64_t cluster = 0;  // packed word classes + kHasCluster; 0 = the model has no word classes
};
constexpr std::uint64_t kHasCluster = 1ull << 40;

// ASCII lower-casing (other bytes are kept).
std::string ascii_lower(std::string_view s);

// Lower-cased form hash -> ambiguity class (hash of the set of tag classes
// the word had in training).
using AmbiguityLexicon = std::unordered_map<std::uint64_t, std::uint64_t>;

// Fills `out` with the sentence's words padded by two start and two end
// markers on each side: word i is out[i + 2].
// `clusters` (may be null or empty) adds word-class features.
void describe_words(const Sentence& sentence, const AmbiguityLexicon& lexicon, std::vector<WordInfo>& out,
                    const WordClusters* clusters = nullptr);

// Features of word i (0-based) given the tag classes of the two previous
// words (-1 before the sentence start).
void tag_features(const std::vector<WordInfo>& words, int i, int prev1, int prev2, std::vector<std::uint64_t>& out);

// Second-pass features, appended to tag_features(): the first pass's tags of
// the next two words (-1 past the sentence end), alone and with the context.
void right_features(const std::vector<WordInfo>& words, int i, int prev1, int next1, int next2,
                    std::vector<std::uint64_t>& out);

// Greedy left-to-right tagging of `words` (from describe_words) with one
// pass's model; words in `dict` get their dictionary tag. `first` (the first
// pass's tags) turns on the second-pass features.
std::vector<int> greedy_tags(const std::vector<WordInfo>& words,
                             const std::unordered_map<std::uint64_t, std::uint16_t>& dict, const Perceptron& model,
                             const std::vector<int>* first);

// Features of the lemmatizer for `form` with tag class `tag` (and its UPOS/XPOS names).
void lemma_features(std::string_view form, int tag, std::vector<std::uint64_t>& out);

// Key of a (form, tag class) pair in the lemma and FEATS tables.
std::uint64_t form_tag_key(std::string_view form, int tag);

}  // namespace relgraph::detail
