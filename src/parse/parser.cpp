// Parser inference, model files and the pipeline stage (see parser.hpp).
// Tests: tests/parser_test.cpp
#include "parse/parser.hpp"

#include "core/resources.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/files.hpp"
#include "parse/features.hpp"
#include "parse/projective.hpp"
#include "parse/repair.hpp"
#include "parse/transition.hpp"
#include "parse/weights.hpp"
#include "relgraph/error.hpp"

namespace relgraph {

namespace {
constexpr const char* kComponent = "parser";
constexpr const char* kSystem = "arc-hybrid/root-last/pseudo-projective-head";
// Bump when features.cpp changes meaning. 2: word classes (stored in the model
// after the labels; an empty table gives exactly the features of set 1, which is still read).
constexpr std::uint32_t kFeatureSet = 2;
}  // namespace

Parser::Parser(Model model)
    : labels_(std::move(model.labels)),
      weights_(std::make_shared<const parse::PackedWeights>(model.weights)),
      clusters_(std::make_shared<const detail::WordClusters>(std::move(model.cluster_keys),
                                                            std::move(model.cluster_ids))) {
  index();
}

Parser::Parser(std::vector<std::string> labels, parse::PackedWeights weights, detail::WordClusters clusters)
    : labels_(std::move(labels)),
      weights_(std::make_shared<const parse::PackedWeights>(std::move(weights))),
      clusters_(std::make_shared<const detail::WordClusters>(std::move(clusters))) {
  index();
}

std::size_t Parser::num_features() const { return weights_ ? weights_->num_features() : 0; }

void Parser::index() {
  auto it = std::find(labels_.begin(), labels_.end(), "root");
  if (it == labels_.end()) throw Error(ErrorKind::Model, "parser model has no 'root' label");
  root_label_ = static_cast<int>(it - labels_.begin());
  if (weights_->num_classes() != parse::num_transitions(static_cast<int>(labels_.size())))
    throw Error(ErrorKind::Model, "parser model has " + std::to_string(weights_->num_classes()) + " transitions for " +
                                      std::to_string(labels_.size()) + " labels");
  base_label_.assign(labels_.size(), 0);
  for (std::size_t l = 0; l < labels_.size(); ++l) {
    auto base = parse::base_label(labels_[l]);
    auto b = std::find(labels_.begin(), labels_.end(), base);
    base_label_[l] = b == labels_.end() ? static_cast<int>(l) : static_cast<int>(b - labels_.begin());
  }
}

std::string Parser::to_bytes() const {
  if (!weights_) throw Error(ErrorKind::InvalidArgument, "cannot save a parser without a model");
  detail::ModelWriter out(kComponent, kFormatVersion);
  out.str(kSystem);
  out.pod<std::uint32_t>(kFeatureSet);
  out.strings(labels_);
  out.vec(clusters_ ? clusters_->keys() : std::vector<std::uint64_t>{});
  out.vec(clusters_ ? clusters_->packed() : std::vector<std::uint32_t>{});
  weights_->save(out);
  return out.bytes();
}

void Parser::save(const std::string& path) const { detail::write_atomic(path, to_bytes()); }

Parser Parser::read(detail::ModelReader& in) {
  std::string system = in.str();
  if (system != kSystem) in.fail("unknown transition system '" + system + "' (this build has '" + kSystem + "')");
  auto features = in.pod<std::uint32_t>();
  if (features != kFeatureSet && features != 1)
    in.fail("feature set " + std::to_string(features) + " differs from this build's (" + std::to_string(kFeatureSet) +
            ")");
  auto labels = in.strings();
  if (labels.empty() || labels.size() > 30000) in.fail("bad label count " + std::to_string(labels.size()));
  std::vector<std::uint64_t> cluster_keys;
  std::vector<std::uint32_t> cluster_ids;
  if (features >= 2) {
    cluster_keys = in.vec<std::uint64_t>();
    cluster_ids = in.vec<std::uint32_t>();
    if (cluster_keys.size() != cluster_ids.size()) in.fail("word class keys and classes differ in length");
  }
  auto weights = parse::PackedWeights::load(in);
  in.finish();
  try {
    return Parser(std::move(labels), std::move(weights),
                  detail::WordClusters(std::move(cluster_keys), std::move(cluster_ids)));
  } catch (const Error& e) {
    in.fail(e.what());
  }
}

Parser Parser::load(const std::string& path) {
  // Mapped, and the weights are used in place (core/perceptron.hpp).
  detail::ModelReader in(path, kComponent, kFormatVersion);
  return read(in);
}

Parser Parser::from_bytes(std::string bytes, const std::string& name) {
  auto in = detail::ModelReader::from_bytes(std::move(bytes), name, kComponent, kFormatVersion);
  return read(in);
}

void Parser::parse(Sentence& sentence) const {
  const int n = static_cast<int>(sentence.tokens.size());
  if (n == 0) return;
  if (!weights_) throw Error(ErrorKind::InvalidArgument, "parse() called on a parser without a model");
  const int num_labels = static_cast<int>(labels_.size());
  parse::WordHashes words;
  words.prepare(sentence, clusters_.get());
  parse::State st;
  st.reset(n);
  std::vector<std::uint64_t> features;
  features.reserve(160);
  std::vector<float> scores(weights_->num_classes());
  while (!st.terminal()) {
    parse::extract_features(st, words, features);
    std::fill(scores.begin(), scores.end(), 0.0f);
    weights_->score(features, scores.data());
    int t = parse::best_allowed(st, scores.data(), num_labels, root_label_);
    int l = parse::label_of(t);
    st.apply(t, l < 0 ? 0 : base_label_[l]);
  }
  std::vector<int> heads(n);
  std::vector<std::string> labels(n);
  for (int i = 0; i < n; ++i) {
    heads[i] = st.head[i] == n ? 0 : st.head[i] + 1;
    labels[i] = labels_[st.label[i]];
  }
  parse::deprojectivize(heads, labels);
  std::vector<std::string> upos(n), forms(n);
  std::vector<bool> glued(n, false);
  for (int i = 0; i < n; ++i) {
    upos[i] = sentence.tokens[i].upos;
    forms[i] = sentence.tokens[i].form;
    if (i + 1 < n) glued[i] = sentence.tokens[i].end == sentence.tokens[i + 1].begin;
  }
  parse::repair(heads, labels, upos, forms, glued);
  for (int i = 0; i < n; ++i) {
    sentence.tokens[i].head = heads[i];
    sentence.tokens[i].deprel = std::move(labels[i]);
  }
}

namespace {

class ParserStage : public Stage {
 public:
  explicit ParserStage(Parser parser) : parser_(std::move(parser)) {}
  std::string name() const override { return "parser"; }
  std::vector<Layer> needs() const override { return {Layer::Tokens, Layer::Tags}; }
  std::vector<Layer> adds() const override { return {Layer::Deps}; }
  void process(Document& doc) const override {
    for (auto& s : doc.sentences) parser_.parse(s);
  }

 private:
  Parser parser_;
};

}  // namespace

std::unique_ptr<Stage> make_parser_stage(const PipelineOptions& options) {
  return std::make_unique<ParserStage>(Parser::load(options.models() + "/parser.bin"));
}

}  // namespace relgraph
