// Feature extraction shared by the recognizer and its trainer: per-token
// hashed features (word, affixes, shape, context, POS, gazetteer matches)
// computed once per sentence, plus the previous-label features added while
// decoding left to right. Internal to src/ner. Tests: tests/ner_test.cpp
#pragma once
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "relgraph/document.hpp"

namespace relgraph::ner {

// Gazetteer phrase keys (gazetteer.hpp PhraseKey, lower and exact) -> GazetteerBit mask.
using GazetteerFeatures = std::unordered_map<std::uint64_t, std::uint16_t>;

// Word shape: "Xxxx", "XX", "dd.d", "Xx-Xx"; runs longer than two collapse.
std::string word_shape(std::string_view word);

struct TokenInfo {
  std::uint64_t form = 0, lower = 0, shape = 0, pos = 0;
  std::uint64_t prefix[3] = {0, 0, 0}, suffix[4] = {0, 0, 0, 0};
  std::uint8_t dict = 0;     // word list: 1 proper noun, 2 common lower-case word (of this form)
  std::uint16_t gaz = 0;     // bits of the longest gazetteer phrase covering the token
  std::uint8_t gaz_pos = 0;  // its BILU position: 1 B, 2 I, 3 L, 4 U
  std::uint8_t flags = 0;    // capitalised, all caps, has digit, has hyphen, sentence-initial
};

class FeatureExtractor {
 public:
  FeatureExtractor(const GazetteerFeatures* gazetteer, bool use_pos) : gaz_(gazetteer), use_pos_(use_pos) {}
  // Fills `info` for every token of the sentence.
  void prepare(const Sentence& sentence, std::vector<TokenInfo>& info) const;
  // Features of token i given the labels of the two previous tokens (-1 = none).
  void extract(const std::vector<TokenInfo>& info, int i, int prev, int prev2, std::vector<std::uint64_t>& out) const;

 private:
  const GazetteerFeatures* gaz_;
  bool use_pos_;
};

}  // namespace relgraph::ner
