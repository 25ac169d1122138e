// Part-of-speech tagger (UPOS + Penn XPOS, predicted jointly as one class),
// lemmatizer and a cheap FEATS guess, all learned from a UD treebank.
//
// Tagger: greedy left-to-right averaged perceptron (src/core/perceptron.hpp)
// with Collins/Honnibal features, plus a dictionary for frequent unambiguous
// words. Lemmatizer: a (form, XPOS) -> edit-script table for words seen in
// training and a perceptron over edit scripts ("strip k chars, append s,
// maybe lower-case") for unseen ones, guarded by the rule table in
// lemma_rules.hpp.
//
// Ownership and threads: a loaded Tagger is immutable; tag() is const and
// uses per-call scratch, so one Tagger serves many threads.
// Errors: load() throws Error(Model) naming the file when it is missing,
// truncated, of a newer format or not a tagger model.
//
//   auto tagger = relgraph::Tagger::load("models/tagger.bin");
//   for (auto& s : doc.sentences) tagger.tag(s);   // fills upos, xpos, lemma, feats
//
// Tests: tests/tagger_test.cpp. Training: tagger_trainer.hpp.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model_io.hpp"
#include "core/perceptron.hpp"
#include "core/word_clusters.hpp"
#include "relgraph/document.hpp"
#include "relgraph/stage.hpp"
#include "tag/features.hpp"

namespace relgraph {

// An edit script turning a word form into its lemma: optionally lower-case
// the form, strip `strip` bytes from its end and append `append`.
struct LemmaEdit {
  bool lower = false;
  std::uint8_t strip = 0;
  std::string append;
  bool operator==(const LemmaEdit&) const = default;
};
// The shortest edit taking `form` to `lemma` (keeping case if that works).
LemmaEdit lemma_edit(std::string_view form, std::string_view lemma);
// Applies an edit; returns `form` unchanged if the edit does not fit it.
std::string apply_lemma_edit(std::string_view form, const LemmaEdit& edit);
// "L|2|e" <-> LemmaEdit, the label form stored in models.
std::string to_string(const LemmaEdit& edit);
LemmaEdit parse_lemma_edit(std::string_view label);

class Tagger {
 public:
  // 2: optional second (right-context) pass. Version 1 files are still read.
  // 3: word classes (core/word_clusters.hpp) stored in the model.
  // 4: weights in the mapped inference layout (core/perceptron.hpp); older
  //    layouts are still read.
  // 5: the word class lookup table stored built and mapped at load, instead
  //    of its key and class lists (Model::cluster_keys/ids stay empty).
  static constexpr std::uint32_t kFormatVersion = 5;

  // Everything a model holds; built by the trainer (tagger_trainer.hpp).
  struct Model {
    std::vector<std::string> upos, xpos;      // per tag class: its UPOS and XPOS
    detail::Perceptron tagger;                // classes = tag classes
    detail::Perceptron tagger2;               // second pass (also sees the first pass's
                                              //   tags of the next words); 0 classes = none
    std::vector<std::uint64_t> dict_keys;     // hash of a frequent unambiguous form ...
    std::vector<std::uint16_t> dict_tags;     // ... and its only tag class
    std::vector<std::uint64_t> amb_keys;      // hash of a lower-cased word seen in training ...
    std::vector<std::uint64_t> amb_values;    // ... and its ambiguity class (features.hpp)
    std::vector<std::string> edits;           // lemma edit scripts (to_string form)
    detail::Perceptron lemmatizer;            // classes = edit scripts
    std::vector<std::uint64_t> lemma_keys;    // hash(form, tag class) of seen words ...
    std::vector<std::uint16_t> lemma_edits;   // ... and their most frequent edit
    std::vector<std::string> feats;           // FEATS strings ("" = none)
    std::vector<std::uint64_t> feats_keys;    // hash(lower form, tag class) or hash(tag class) ...
    std::vector<std::uint16_t> feats_ids;     // ... and the most frequent FEATS
    std::vector<std::uint64_t> cluster_keys;  // word classes (core/word_clusters.hpp); empty = none
    std::vector<std::uint32_t> cluster_ids;
  };

  Tagger() = default;
  explicit Tagger(Model model);
  // Reads a model file written by save(); throws Error(Model) naming `path`.
  static Tagger load(const std::string& path);
  // Same from bytes (tests); `name` is used in messages.
  static Tagger from_bytes(std::string bytes, const std::string& name);
  void save(const std::string& path) const;
  std::string to_bytes() const;

  // Fills upos, xpos, lemma and feats of every token of the sentence.
  void tag(Sentence& sentence) const;
  // Tags only (no lemmas/feats); used by training to score the tagger.
  void tag_only(Sentence& sentence) const;
  // Lemma of `form` given its tag class (see model().upos/xpos).
  std::string lemmatize(std::string_view form, int tag_class) const;
  // True if (form or its lower case, tag class) is in the seen-word lemma table.
  bool seen_lemma(std::string_view form, int tag_class) const;

  int num_tags() const { return static_cast<int>(model_.upos.size()); }
  int tag_class(std::string_view upos, std::string_view xpos) const;  // -1 if unknown
  const Model& model() const { return model_; }
  // Key of a tag class's default FEATS in Model::feats_keys.
  static std::uint64_t feats_class_key(int tag_class);

 private:
  static Tagger read(detail::ModelReader& in);
  detail::ModelWriter writer() const;
  void index();
  std::vector<int> predict(const Sentence& sentence) const;
  std::string guess_lemma(std::string_view form, int tag_class) const;
  std::string feats_for(std::string_view lower, int tag_class) const;
  Model model_;
  std::vector<LemmaEdit> parsed_edits_;
  std::unordered_map<std::uint64_t, std::uint16_t> dict_, lemma_table_, feats_table_;
  detail::AmbiguityLexicon ambiguity_;
  std::shared_ptr<const detail::WordClusters> clusters_;  // shared with other models carrying the same table
};

// The pipeline stage: needs tokens, adds tags and lemmas. Loads
// options.models_dir (or default_models_dir()) + "/tagger.bin".
std::unique_ptr<Stage> make_tagger_stage(const PipelineOptions& options);

}  // namespace relgraph
