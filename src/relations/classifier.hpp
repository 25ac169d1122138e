// Typed relations between document-level entities: a multi-label averaged
// perceptron over ordered entity pairs. Evidence is pooled over every mention
// pair of the two entities: the dependency path between mentions of one
// sentence, trigger lemmas on the path and between the mentions, the
// construction (apposition, possessive, copula, compound, prepositional),
// distance, sentence crossing, entity types and names. Each relation has its
// own threshold; the output is Wikidata property ids with confidences, and a
// pair may hold several relations (or none).
//
// Thread safety: classify() is const and keeps its scratch space per call.
// Errors: load() throws Error(Model) naming the file.
// Training: classifier_trainer.hpp. Tests: tests/docred_test.cpp
//
//   auto rc = relgraph::RelationClassifier::load("models/relations.bin");
//   for (auto& r : rc.classify(doc, entities)) use(r.head, r.tail, r.property, r.score);
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/perceptron.hpp"
#include "relgraph/document.hpp"

namespace relgraph {

// An entity as the classifier sees it: a type (PER, ORG, LOC, TIME, NUM,
// MISC) and its mentions (Span::sentence, first, last; the byte span is unused).
struct PairEntity {
  std::string type;
  std::vector<Span> mentions;
};

// A relation between entities[head] and entities[tail].
struct TypedRelation {
  int head = 0;
  int tail = 0;
  std::string property;  // Wikidata property id, "P17"
  float score = 0;       // confidence in (0, 1); above 0.5 when the threshold is passed
};

class RelationClassifier {
 public:
  static constexpr std::uint32_t kVersion = 1;
  static RelationClassifier load(const std::string& path);
  static RelationClassifier from_bytes(std::string bytes, const std::string& name);
  void save(const std::string& path) const;
  std::string bytes() const;

  // Relations among `entities`, mentions indexing `doc`'s parsed sentences.
  std::vector<TypedRelation> classify(const Document& doc, std::span<const PairEntity> entities) const;

  const std::vector<std::string>& labels() const { return labels_; }
  const std::vector<std::string>& types() const { return types_; }

  // Built by the trainer.
  RelationClassifier(std::vector<std::string> labels, std::vector<std::string> types, std::vector<std::uint8_t> allowed,
                     std::vector<float> thresholds, detail::Perceptron model);
  RelationClassifier() = default;

  // Index of a type in types(), or -1.
  int type_index(const std::string& type) const;
  // Whether label l is allowed between types th and tt (seen in training).
  bool allowed(int th, int tt, int l) const {
    return allowed_[(static_cast<std::size_t>(th) * types_.size() + tt) * labels_.size() + l] != 0;
  }
  bool any_allowed(int th, int tt) const;
  const detail::Perceptron& model() const { return model_; }
  const std::vector<float>& thresholds() const { return thresholds_; }

 private:
  std::vector<std::string> labels_;  // Wikidata property ids
  std::vector<std::string> types_;   // entity types
  std::vector<std::uint8_t> allowed_;
  std::vector<float> thresholds_;  // per label, on the raw perceptron score
  detail::Perceptron model_;
};

namespace detail {

// The hashed strings of one entity that its pair features read, so that a
// pair costs no string work unless the two entities share a sentence.
struct EntityKeys {
  std::uint64_t type = 0;                           // hash of the type
  std::uint64_t type_bar = 0;                       // FNV-1a state after "type|"
  std::uint64_t name = 0;                           // hash of the name
  std::uint64_t name_as_tail[2] = {0, 0};           // "name <title", "name <other"
  std::uint64_t name_as_head[2] = {0, 0};           // "name >title", "name >other"
  std::uint64_t head_word_h = 0, head_word_t = 0;   // "h word", "t word"
  std::uint64_t head_word_space = 0;                // FNV-1a state after "word "
  std::vector<std::uint64_t> govs, govs_t, govs_h;  // distinct governors: "gov", "t gov", "h gov"
  std::vector<int> sentences;                       // distinct sentences with a mention, ascending
};

// Per-document view the features read: each entity's mentions with their
// syntactic heads. Built once per document.
struct PairContext {
  const Document* doc = nullptr;
  std::span<const PairEntity> entities;
  std::vector<std::vector<int>> heads;                        // per entity, per mention: head word (0-based)
  std::vector<int> rank;                                      // order of first appearance
  std::vector<std::string> names;                             // lower-cased text of the longest mention
  std::vector<std::string> head_words;                        // lemma of that mention's head word
  std::vector<int> first_sentence;                            // first sentence with a mention
  std::vector<std::vector<std::pair<int, int>>> by_sentence;  // per sentence: (first word, entity) of each mention
  std::vector<std::vector<int>> in_order;  // per entity: its mention indexes by sentence (ties in mention order)
  std::vector<EntityKeys> keys;            // per entity
};
PairContext make_pair_context(const Document& doc, std::span<const PairEntity> entities);

// The pooled, sorted, de-duplicated features of the ordered pair (h, t).
void pair_features(const PairContext& ctx, int h, int t, std::vector<std::uint64_t>& out);

}  // namespace detail
}  // namespace relgraph
