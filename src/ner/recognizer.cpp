// Entity recognizer inference: model I/O and constrained Viterbi BILOU
// decoding. The pipeline stage is in entity_stage.cpp. Tests: tests/ner_test.cpp
#include "ner/recognizer.hpp"

#include <atomic>

#include "core/files.hpp"
#include "ner/bilou.hpp"
#include "ner/context.hpp"
#include "ner/features.hpp"
#include "ner/viterbi.hpp"
#include "relgraph/error.hpp"

namespace relgraph {

struct EntityRecognizer::Tables {
  ner::GazetteerFeatures gazetteer;
  std::shared_ptr<const detail::WordClusters> clusters;  // shared with the tagger's when equal
  ner::BilouTransitions transitions;
  std::vector<std::uint8_t> types;  // label_types() of the labels
  std::uint64_t id = next_id();     // tells this model's label score caches from another's
  static std::uint64_t next_id() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
  }
};

namespace {

// This thread's label score caches for the model `id` (both stages).
ner::LabelScoreCache* label_caches(std::uint64_t id) {
  thread_local std::uint64_t owner = 0;
  thread_local ner::LabelScoreCache caches[2];
  if (owner != id) {
    caches[0].clear();
    caches[1].clear();
    owner = id;
  }
  return caches;
}

}  // namespace

EntityRecognizer::EntityRecognizer(Model model) : EntityRecognizer(std::move(model), nullptr, nullptr) {}

EntityRecognizer::EntityRecognizer(Model model, const ner::GazetteerFeatures* gazetteer,
                                   std::shared_ptr<const detail::WordClusters> clusters)
    : model_(std::move(model)) {
  const int n = static_cast<int>(model_.labels.size());
  if (n == 0 || model_.labels[0] != "O") throw Error(ErrorKind::Model, "NER model: the first label must be 'O'");
  if (model_.weights.num_classes() != n && model_.weights.num_features() > 0)
    throw Error(ErrorKind::Model, "NER model: " + std::to_string(model_.weights.num_classes()) +
                                      " weight classes for " + std::to_string(n) + " labels");
  if (model_.gaz_keys.size() != model_.gaz_bits.size())
    throw Error(ErrorKind::Model, "NER model: gazetteer keys and bits differ in length");
  auto tables = std::make_shared<Tables>();
  tables->gazetteer = gazetteer ? *gazetteer : ner::GazetteerFeatures(model_.gaz_keys, model_.gaz_bits);
  tables->clusters =
      clusters ? std::move(clusters) : detail::WordClusters::shared(model_.cluster_keys, model_.cluster_ids);
  tables->transitions = ner::BilouTransitions(model_.labels);
  tables->types = ner::label_types(model_.labels);
  if (model_.two_stage() && model_.context_weights.num_classes() != n)
    throw Error(ErrorKind::Model, "NER model: second-stage weights do not match the label set");
  tables_ = std::move(tables);
}

std::vector<std::vector<int>> EntityRecognizer::label_ids(std::span<const Sentence> sentences,
                                                          bool first_stage_only) const {
  if (model_.labels.empty()) throw Error(ErrorKind::Internal, "EntityRecognizer used without a model");
  const int n_labels = static_cast<int>(model_.labels.size());
  const std::size_t n = sentences.size();
  ner::FeatureExtractor fx(&tables_->gazetteer, model_.use_pos, tables_->clusters.get());
  std::vector<std::vector<ner::TokenInfo>> info(n);
  std::vector<std::vector<int>> out(n);
  std::vector<std::uint64_t> feats;
  ner::Lattice lattice;
  ner::LabelScoreCache* caches = label_caches(tables_->id);
  for (std::size_t s = 0; s < n; ++s) {
    fx.prepare(sentences[s], info[s]);
    ner::fill_lattice(model_.weights, fx, info[s], n_labels, lattice, feats, caches[0]);
    out[s] = ner::viterbi(lattice, tables_->transitions);
  }
  if (!model_.two_stage() || first_stage_only) return out;
  for (const auto& [begin, end] : ner::discourses(sentences))
    ner::add_context(std::span(info).subspan(begin, end - begin),
                     std::span<const std::vector<int>>(out).subspan(begin, end - begin), tables_->types);
  ner::FeatureExtractor fx2(&tables_->gazetteer, model_.use_pos, tables_->clusters.get(), true);
  for (std::size_t s = 0; s < n; ++s) {
    ner::fill_lattice(model_.context_weights, fx2, info[s], n_labels, lattice, feats, caches[1]);
    out[s] = ner::viterbi(lattice, tables_->transitions);
  }
  return out;
}

std::vector<int> EntityRecognizer::label_ids(const Sentence& sentence) const {
  return std::move(label_ids(std::span<const Sentence>(&sentence, 1))[0]);
}

std::vector<std::vector<std::string>> EntityRecognizer::label(std::span<const Sentence> sentences) const {
  std::vector<std::vector<std::string>> out;
  for (const auto& ids : label_ids(sentences)) {
    std::vector<std::string> labels;
    for (int id : ids) labels.push_back(model_.labels[id]);
    out.push_back(ner::bilou_to_iob2(labels));
  }
  return out;
}

std::vector<std::string> EntityRecognizer::label(const Sentence& sentence) const {
  return std::move(label(std::span<const Sentence>(&sentence, 1))[0]);
}

namespace {
constexpr const char* kComponent = "ner";
}

std::string EntityRecognizer::to_bytes() const {
  detail::ModelWriter w(kComponent, kFormatVersion);
  w.strings(model_.labels);
  w.pod<std::uint8_t>(model_.use_pos ? 1 : 0);
  (tables_ ? tables_->gazetteer : ner::GazetteerFeatures()).save(w);
  model_.weights.save(w);
  w.pod<std::uint8_t>(model_.two_stage() ? 1 : 0);
  if (model_.two_stage()) model_.context_weights.save(w);
  (tables_ && tables_->clusters ? *tables_->clusters : detail::WordClusters()).save(w);
  return w.bytes();
}

void EntityRecognizer::save(const std::string& path) const { detail::write_atomic(path, to_bytes()); }

EntityRecognizer EntityRecognizer::read(detail::ModelReader& in) {
  // Version 1 had the greedy decoder's feature templates: its weights mean nothing here.
  if (in.version() < 2)
    in.fail("format version 1 (greedy decoder) is no longer read; retrain with 'relgraph train ner'");
  Model m;
  m.labels = in.strings();
  m.use_pos = in.pod<std::uint8_t>() != 0;
  ner::GazetteerFeatures gazetteer;
  if (in.version() >= 6) {
    gazetteer = ner::GazetteerFeatures::load(in);
  } else {
    m.gaz_keys = in.vec<std::uint64_t>();
    m.gaz_bits = in.vec<std::uint16_t>();
  }
  m.weights = detail::Perceptron::load(in);
  if (in.version() >= 3 && in.pod<std::uint8_t>() != 0) m.context_weights = detail::Perceptron::load(in);
  std::shared_ptr<const detail::WordClusters> clusters;
  if (in.version() >= 6) {
    clusters = std::make_shared<const detail::WordClusters>(detail::WordClusters::load(in));
  } else if (in.version() >= 4) {
    m.cluster_keys = in.vec<std::uint64_t>();
    m.cluster_ids = in.vec<std::uint32_t>();
  }
  in.finish();
  if (m.labels.empty() || m.labels[0] != "O") in.fail("bad label set");
  for (const auto& l : m.labels)
    if (l != "O" && std::string("BILU").find(ner::label_prefix(l)) == std::string::npos)
      in.fail("bad label '" + l + "'");
  if (m.weights.num_classes() != static_cast<int>(m.labels.size())) in.fail("weights do not match the label set");
  if (m.two_stage() && m.context_weights.num_classes() != static_cast<int>(m.labels.size()))
    in.fail("second-stage weights do not match the label set");
  if (m.gaz_keys.size() != m.gaz_bits.size()) in.fail("gazetteer keys and bits differ in length");
  if (m.cluster_keys.size() != m.cluster_ids.size()) in.fail("word class keys and classes differ in length");
  return EntityRecognizer(std::move(m), in.version() >= 6 ? &gazetteer : nullptr, std::move(clusters));
}

EntityRecognizer EntityRecognizer::load(const std::string& path) {
  detail::ModelReader in(path, kComponent, kFormatVersion);
  return read(in);
}

EntityRecognizer EntityRecognizer::from_bytes(std::string bytes, const std::string& name) {
  auto in = detail::ModelReader::from_bytes(std::move(bytes), name, kComponent, kFormatVersion);
  return read(in);
}

}  // namespace relgraph
