// Feature extraction shared by the recognizer and its trainer: per-token
// hashed features (word, affixes, shape, context, POS, gazetteer matches)
// that do not depend on labels, and the features conjoined with the previous
// token's label that the Viterbi decoder scores for every possible previous
// label (viterbi.hpp). Internal to src/ner. Tests: tests/ner_test.cpp
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "core/model_io.hpp"
#include "core/word_clusters.hpp"
#include "relgraph/document.hpp"

namespace relgraph::ner {

// Gazetteer phrase keys (gazetteer.hpp PhraseKey, lower and exact) -> GazetteerBit
// mask, in a flat open-addressing table: built in one pass from the trainer's
// lists, and stored as such in the model file, which maps it (no building at
// load; a start reads only the pages its lookups need).
class GazetteerFeatures {
 public:
  GazetteerFeatures() = default;
  GazetteerFeatures(const std::vector<std::uint64_t>& keys, const std::vector<std::uint16_t>& bits);
  bool empty() const { return size_ == 0; }
  // Bits stored for `key` (merged if a key was given twice), 0 if none.
  std::uint16_t find(std::uint64_t key) const;
  // The table as load() reads it: its size, then the slots' keys and bits.
  void save(detail::ModelWriter& out) const;
  // Views the table in the reader's mapped bytes (kept alive); fails through
  // `in` when the sizes disagree. Slots are not scanned: find() stops after
  // every slot was seen.
  static GazetteerFeatures load(detail::ModelReader& in);

 private:
  std::shared_ptr<const void> storage_;  // the table built here or the mapped file
  std::span<const std::uint64_t> keys_;  // 0 = empty slot
  std::span<const std::uint16_t> bits_;
  std::uint64_t mask_ = 0;
  std::size_t size_ = 0;
};

// The word without a possessive ending the tokenizer left attached
// ("Jones’" -> "Jones", "Peru’s" -> "Peru"); the word itself otherwise.
std::string_view strip_possessive(std::string_view word);

// Word shape: "Xxxx", "XX", "dd.d", "Xx-Xx"; runs longer than two collapse.
std::string word_shape(std::string_view word);

struct TokenInfo {
  std::uint64_t form = 0, lower = 0, shape = 0, pos = 0;
  std::uint64_t prefix[3] = {0, 0, 0}, suffix[4] = {0, 0, 0, 0};
  std::uint8_t dict = 0;     // word list: 1 proper noun, 2 common lower-case word (of this form)
  std::uint16_t gaz = 0;     // bits of the longest gazetteer phrase covering the token
  std::uint8_t gaz_pos = 0;  // its BILU position: 1 B, 2 I, 3 L, 4 U
  std::uint16_t names = 0;   // same for the name lists (kGazPersonName | kGazOrgName | kGazPlaceName)
  std::uint8_t names_pos = 0;
  std::uint8_t flags = 0;   // capitalised, all caps, has digit, has hyphen, sentence-initial
  std::uint8_t casing = 0;  // the sentence's: 0 mixed, 1 no capitals, 2 mostly all caps, 3 mostly capitalised
  std::uint32_t cluster = detail::WordClusters::kNone;  // packed word classes
  // Second stage only (context.hpp add_context): the first stage's label id + 1
  // and type (0 O, 1.. entity types) of this token, and the first stage's
  // types of the other occurrences of the word in the discourse (counts: O, types 1..3).
  std::uint8_t ctx_label = 0, ctx_type = 0;
  std::uint8_t ctx_doc[4] = {0, 0, 0, 0};
};

// One label feature without its label: label_features() yields
// detail::feature(tmpl, prev + 2, a, b) for each part.
struct LabelPart {
  std::uint64_t tmpl = 0, a = 0, b = 0;
  bool operator==(const LabelPart&) const = default;
};
inline constexpr int kMaxLabelParts = 5;

class FeatureExtractor {
 public:
  // `clusters`: word-class features (null or empty: none); `context`: also the
  // second stage's features (TokenInfo::ctx_*).
  FeatureExtractor(const GazetteerFeatures* gazetteer, bool use_pos, const detail::WordClusters* clusters = nullptr,
                   bool context = false)
      : gaz_(gazetteer),
        use_pos_(use_pos),
        clusters_(clusters && !clusters->empty() ? clusters : nullptr),
        context_(context) {}
  // Fills `info` for every token of the sentence.
  void prepare(const Sentence& sentence, std::vector<TokenInfo>& info) const;
  // Features of token i that do not depend on any label.
  void token_features(const std::vector<TokenInfo>& info, int i, std::vector<std::uint64_t>& out) const;
  // Features of token i conjoined with the label of token i-1 (-1 = sentence start).
  void label_features(const std::vector<TokenInfo>& info, int i, int prev, std::vector<std::uint64_t>& out) const;
  // The parts of those features, the same for every previous label, in the
  // same order; returns their number (at most kMaxLabelParts).
  int label_parts(const TokenInfo& t, LabelPart* out) const;

 private:
  void context_features(const TokenInfo& t, const TokenInfo& p1, const TokenInfo& n1,
                        std::vector<std::uint64_t>& out) const;
  const GazetteerFeatures* gaz_;
  bool use_pos_;
  const detail::WordClusters* clusters_;
  bool context_;
};

}  // namespace relgraph::ner
