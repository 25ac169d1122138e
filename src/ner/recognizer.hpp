// Named-entity recognizer for PER / ORG / LOC: an averaged structured
// perceptron (src/core/perceptron.hpp) over BILOU labels with first-order
// Viterbi decoding (viterbi.hpp), with word, affix, shape, context,
// previous-label, POS (when the tagger ran) and gazetteer features. Decoding
// is constrained (bilou.hpp), so the output is always a valid BILOU
// sequence; Token::ner receives it as IOB2.
//
// Ownership and threads: a loaded EntityRecognizer is immutable; label() is
// const and uses per-call scratch, so one recognizer serves many threads.
// Errors: load() throws Error(Model) naming the file when it is missing,
// truncated, of a newer format or not an NER model.
//
//   auto ner = relgraph::EntityRecognizer::load("models/ner.bin");
//   std::vector<std::string> tags = ner.label(sentence);  // IOB2: "B-PER", "O" ...
//
// Tests: tests/ner_test.cpp. Training: recognizer_trainer.hpp.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model_io.hpp"
#include "core/perceptron.hpp"
#include "core/word_clusters.hpp"
#include "relgraph/document.hpp"
#include "relgraph/stage.hpp"

namespace relgraph {

namespace ner {
class GazetteerFeatures;
}

class EntityRecognizer {
 public:
  // 2: Viterbi decoding, features conjoined with the previous label only.
  // 3: optional second stage (document context, context.hpp); version 2 files
  //    are read as one-stage models.
  // 4: + word classes (core/word_clusters.hpp) stored in the model; version 3
  //    files are read without them.
  // 5: weights in the mapped inference layout (core/perceptron.hpp); older
  //    layouts are still read.
  // 6: the gazetteer feature table (ner/features.hpp) and the word class
  //    table stored built and mapped at load, instead of their key lists
  //    (Model::gaz_* and cluster_* stay empty); version 5 files still read.
  static constexpr std::uint32_t kFormatVersion = 6;

  // Everything a model holds; built by the trainer (recognizer_trainer.hpp).
  struct Model {
    std::vector<std::string> labels;          // BILOU classes: "O", "B-PER", "I-PER" ...
    bool use_pos = false;                     // trained with UPOS features (needs the tagger)
    std::vector<std::uint64_t> gaz_keys;      // hash of a lower-cased gazetteer word ...
    std::vector<std::uint16_t> gaz_bits;      // ... and its GazetteerBit mask (gazetteer.hpp);
                                              // empty when read from a file, which holds the table
    std::vector<std::uint64_t> cluster_keys;  // word classes (core/word_clusters.hpp); empty = none
    std::vector<std::uint32_t> cluster_ids;
    detail::Perceptron weights;
    // Second stage, empty for a one-stage model: the same features plus the
    // first stage's labels of this and the other occurrences of each word in
    // the discourse (context.hpp), decoded after the first stage.
    detail::Perceptron context_weights;
    bool two_stage() const { return context_weights.num_features() > 0; }
  };

  EntityRecognizer() = default;
  explicit EntityRecognizer(Model model);
  // Reads a model file written by save(); throws Error(Model) naming `path`.
  static EntityRecognizer load(const std::string& path);
  // Same from bytes (tests); `name` is used in messages.
  static EntityRecognizer from_bytes(std::string bytes, const std::string& name);
  void save(const std::string& path) const;
  std::string to_bytes() const;

  // IOB2 tags ("B-PER", "I-PER", "O" ...) for the sentence's tokens (the
  // sentence is its own discourse).
  std::vector<std::string> label(const Sentence& sentence) const;
  // Same as BILOU class ids (indices into model().labels); used by training and tests.
  std::vector<int> label_ids(const Sentence& sentence) const;
  // IOB2 tags of every sentence; a two-stage model reads the context of each
  // discourse (split at "newdoc id" comments, see context.hpp).
  std::vector<std::vector<std::string>> label(std::span<const Sentence> sentences) const;
  // Same as class ids; `first_stage_only` decodes with the first stage alone (training).
  std::vector<std::vector<int>> label_ids(std::span<const Sentence> sentences, bool first_stage_only = false) const;

  const Model& model() const { return model_; }

 private:
  static EntityRecognizer read(detail::ModelReader& in);
  // `gazetteer`, `clusters`: the tables read from a file; null: built from
  // the model's lists.
  EntityRecognizer(Model model, const ner::GazetteerFeatures* gazetteer,
                   std::shared_ptr<const detail::WordClusters> clusters);
  Model model_;
  struct Tables;  // gazetteer feature table and BILOU transitions, built once per model
  std::shared_ptr<const Tables> tables_;
};

// The pipeline stage: needs tokens (uses tags when present), adds entities:
// fills Token::ner (IOB2) and Document::mentions with PER/ORG/LOC mentions
// (type, finer subtype, canonical name from schemas/gazetteer) and rule-based
// values (DATE, MONEY, PERCENT, CARDINAL, QUANTITY with normalised value).
// Loads options.models_dir + "/ner.bin" and options.schemas_dir + "/gazetteer".
std::unique_ptr<Stage> make_entity_stage(const PipelineOptions& options);

}  // namespace relgraph
