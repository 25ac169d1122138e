// Entity recognizer inference: model I/O and constrained greedy BILOU
// decoding. The pipeline stage is in entity_stage.cpp. Tests: tests/ner_test.cpp
#include "ner/recognizer.hpp"

#include <algorithm>
#include <limits>

#include "core/files.hpp"
#include "ner/bilou.hpp"
#include "ner/features.hpp"
#include "relgraph/error.hpp"

namespace relgraph {

struct EntityRecognizer::GazetteerIndex {
  ner::GazetteerFeatures table;
};

EntityRecognizer::EntityRecognizer(Model model) : model_(std::move(model)) {
  const int n = static_cast<int>(model_.labels.size());
  if (n == 0 || model_.labels[0] != "O")
    throw Error(ErrorKind::Model, "NER model: the first label must be 'O'");
  if (model_.weights.num_classes() != n && model_.weights.num_features() > 0)
    throw Error(ErrorKind::Model, "NER model: " + std::to_string(model_.weights.num_classes()) +
                                      " weight classes for " + std::to_string(n) + " labels");
  allowed_.assign(n + 1, std::vector<bool>(n, false));
  may_end_.assign(n, false);
  for (int p = 0; p <= n; ++p)
    for (int c = 0; c < n; ++c)
      allowed_[p][c] = ner::bilou_allowed(p == n ? std::string_view() : model_.labels[p], model_.labels[c]);
  for (int c = 0; c < n; ++c) may_end_[c] = ner::bilou_may_end(model_.labels[c]);
  auto index = std::make_shared<GazetteerIndex>();
  if (model_.gaz_keys.size() != model_.gaz_bits.size())
    throw Error(ErrorKind::Model, "NER model: gazetteer keys and bits differ in length");
  index->table = ner::GazetteerFeatures(model_.gaz_keys, model_.gaz_bits);
  gaz_ = std::move(index);
}

std::vector<int> EntityRecognizer::label_ids(const Sentence& sentence) const {
  if (model_.labels.empty()) throw Error(ErrorKind::Internal, "EntityRecognizer used without a model");
  const int n_labels = static_cast<int>(model_.labels.size());
  const int n = static_cast<int>(sentence.tokens.size());
  ner::FeatureExtractor fx(gaz_ ? &gaz_->table : nullptr, model_.use_pos);
  std::vector<ner::TokenInfo> info;
  fx.prepare(sentence, info);
  std::vector<std::uint64_t> feats;
  std::vector<float> scores(n_labels);
  std::vector<int> out(n, 0);
  int prev = -1, prev2 = -1;
  for (int i = 0; i < n; ++i) {
    fx.extract(info, i, prev, prev2, feats);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.weights.score(feats, scores);
    const auto& allowed = allowed_[prev < 0 ? n_labels : prev];
    int best = -1;
    float best_score = -std::numeric_limits<float>::infinity();
    for (int c = 0; c < n_labels; ++c) {
      if (!allowed[c] || (i == n - 1 && !may_end_[c])) continue;
      if (scores[c] > best_score) {
        best_score = scores[c];
        best = c;
      }
    }
    // "O", U- and L- of the open type always remain, so `best` is set.
    out[i] = best;
    prev2 = prev;
    prev = best;
  }
  return out;
}

std::vector<std::string> EntityRecognizer::label(const Sentence& sentence) const {
  std::vector<std::string> labels;
  for (int id : label_ids(sentence)) labels.push_back(model_.labels[id]);
  return ner::bilou_to_iob2(labels);
}

namespace {
constexpr const char* kComponent = "ner";
}

std::string EntityRecognizer::to_bytes() const {
  detail::ModelWriter w(kComponent, kFormatVersion);
  w.strings(model_.labels);
  w.pod<std::uint8_t>(model_.use_pos ? 1 : 0);
  w.vec(model_.gaz_keys);
  w.vec(model_.gaz_bits);
  model_.weights.save(w);
  return w.bytes();
}

void EntityRecognizer::save(const std::string& path) const { detail::write_atomic(path, to_bytes()); }

EntityRecognizer EntityRecognizer::read(detail::ModelReader& in) {
  Model m;
  m.labels = in.strings();
  m.use_pos = in.pod<std::uint8_t>() != 0;
  m.gaz_keys = in.vec<std::uint64_t>();
  m.gaz_bits = in.vec<std::uint16_t>();
  m.weights = detail::Perceptron::load(in);
  in.finish();
  if (m.labels.empty() || m.labels[0] != "O") in.fail("bad label set");
  for (const auto& l : m.labels)
    if (l != "O" && std::string("BILU").find(ner::label_prefix(l)) == std::string::npos)
      in.fail("bad label '" + l + "'");
  if (m.weights.num_classes() != static_cast<int>(m.labels.size())) in.fail("weights do not match the label set");
  if (m.gaz_keys.size() != m.gaz_bits.size()) in.fail("gazetteer keys and bits differ in length");
  return EntityRecognizer(std::move(m));
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
