// Dependency parser: greedy transition-based (arc-hybrid, root at the end of
// the buffer), labelled with full UD relations including subtypes, scored by
// the shared averaged perceptron (src/core/perceptron.hpp) over rich
// non-local features (Zhang & Nivre 2011 style, features.hpp). Trained with a
// dynamic oracle (Goldberg & Nivre 2013); non-projective trees are handled
// by pseudo-projective lifting with the head's relation encoded in the label
// ("obj|ccomp"), undone after parsing (projective.hpp).
//
// Ownership and threads: a loaded Parser is immutable; parse() is const and
// uses per-call scratch, so one Parser serves many threads. Parsing takes
// 2n transitions (linear in the sentence length).
// Errors: load() throws Error(Model) naming the file when it is missing,
// truncated, of a newer format or not a parser model.
//
//   auto parser = relgraph::Parser::load("models/parser.bin");
//   for (auto& s : doc.sentences) parser.parse(s);  // needs upos/xpos; fills head, deprel
//
// Tests: tests/parser_test.cpp. Training: parser_trainer.hpp.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/model_io.hpp"
#include "core/perceptron.hpp"
#include "core/word_clusters.hpp"
#include "relgraph/document.hpp"
#include "relgraph/stage.hpp"

namespace relgraph {
namespace parse {
class PackedWeights;
}

class Parser {
 public:
  // 2: weights in the mapped inference layout (core/perceptron.hpp); version 1
  //    files (sorted arrays) are still read.
  static constexpr std::uint32_t kFormatVersion = 2;

  // What the trainer produces (parser_trainer.hpp). The parser keeps the
  // weights in an inference layout (weights.hpp) that reads and writes the
  // same bytes.
  struct Model {
    std::vector<std::string> labels;  // relation labels, lifted ones as "rel|headrel"
    detail::Perceptron weights;       // classes: transitions (see transition.hpp)
    std::vector<std::uint64_t> cluster_keys;  // word classes (core/word_clusters.hpp); empty = none
    std::vector<std::uint32_t> cluster_ids;
  };

  Parser() = default;
  // Takes trained weights; throws Error(Model) if the labels lack "root" or
  // do not match the number of transitions.
  explicit Parser(Model model);
  // Reads a model file written by save(); throws Error(Model) naming `path`.
  static Parser load(const std::string& path);
  // Same from bytes (tests); `name` is used in messages.
  static Parser from_bytes(std::string bytes, const std::string& name);
  void save(const std::string& path) const;
  std::string to_bytes() const;

  // Fills Token::head (1-based, 0 = root) and Token::deprel of every token.
  // Reads form, upos and xpos (lemma is not needed). Empty sentences are left
  // alone; throws Error(InvalidArgument) on a default-constructed Parser.
  void parse(Sentence& sentence) const;

  const std::vector<std::string>& labels() const { return labels_; }
  std::size_t num_features() const;
  int root_label() const { return root_label_; }

 private:
  Parser(std::vector<std::string> labels, parse::PackedWeights weights, detail::WordClusters clusters);
  static Parser read(detail::ModelReader& in);
  void index();
  std::vector<std::string> labels_;
  // Shared so Parser stays copyable; immutable after construction.
  std::shared_ptr<const parse::PackedWeights> weights_;
  std::shared_ptr<const detail::WordClusters> clusters_;
  int root_label_ = -1;
  std::vector<int> base_label_;  // per label: index of its unlifted base in labels (or itself)
};

// The pipeline stage: needs tokens and tags, adds dependencies. Loads
// options.models_dir (or default_models_dir()) + "/parser.bin".
std::unique_ptr<Stage> make_parser_stage(const PipelineOptions& options);

}  // namespace relgraph
