// Averaged-perceptron training loop for the entity recognizer (see
// recognizer_trainer.hpp). Tests: tests/ner_test.cpp
#include "ner/recognizer_trainer.hpp"

#include <algorithm>
#include <random>

#include "core/perceptron_trainer.hpp"
#include "ner/bilou.hpp"
#include "ner/features.hpp"
#include "ner/viterbi.hpp"
#include "relgraph/error.hpp"

namespace relgraph::ner {

namespace {

struct Example {
  Sentence sentence;
  std::vector<int> gold;  // BILOU class ids
};

std::vector<Example> make_examples(const std::vector<Iob2Sentence>& data, const std::vector<std::string>& labels,
                                   const std::vector<std::string>& types,
                                   const std::function<void(Sentence&)>& annotate) {
  Document doc = iob2_document(data, "train");
  std::vector<Example> out;
  out.reserve(data.size());
  for (std::size_t s = 0; s < data.size(); ++s) {
    std::vector<std::string> tags;
    for (const auto& t : data[s].tags) tags.push_back(clean_tag(t, types));
    Example ex{std::move(doc.sentences[s]), {}};
    if (annotate) annotate(ex.sentence);
    for (const auto& l : iob2_to_bilou(tags))
      ex.gold.push_back(static_cast<int>(std::find(labels.begin(), labels.end(), l) - labels.begin()));
    out.push_back(std::move(ex));
  }
  return out;
}

// Lower-cased copies of every n-th sentence that has a mention (ASCII letters).
std::vector<Iob2Sentence> lowercase_copies(const std::vector<Iob2Sentence>& data, const std::vector<std::string>& types,
                                           int every) {
  std::vector<Iob2Sentence> out;
  if (every <= 0) return out;
  int with_mention = 0;
  for (const auto& s : data) {
    bool mention =
        std::any_of(s.tags.begin(), s.tags.end(), [&](const std::string& t) { return clean_tag(t, types) != "O"; });
    if (!mention || with_mention++ % every != 0) continue;
    Iob2Sentence copy = s;
    for (auto& f : copy.forms)
      for (auto& c : f)
        if (c >= 'A' && c <= 'Z') c += 32;
    if (copy.forms != s.forms) out.push_back(std::move(copy));
  }
  return out;
}

EntityRecognizer snapshot(const detail::PerceptronTrainer& trainer, const std::vector<std::string>& labels,
                          const std::vector<std::pair<std::uint64_t, std::uint16_t>>& gaz, bool use_pos,
                          float min_weight, const detail::WordClusters* clusters) {
  EntityRecognizer::Model m;
  m.labels = labels;
  m.use_pos = use_pos;
  for (const auto& [k, b] : gaz) {
    m.gaz_keys.push_back(k);
    m.gaz_bits.push_back(b);
  }
  if (clusters) m.cluster_keys = clusters->keys(), m.cluster_ids = clusters->packed();
  m.weights = trainer.average(min_weight);
  return EntityRecognizer(std::move(m));
}

// Structured perceptron update for one sentence: where the Viterbi path
// `pred` differs from `gold`, token features move toward the gold label and
// away from the predicted one, and previous-label features toward the gold
// (previous, label) pair and away from the predicted pair.
void update_sentence(detail::PerceptronTrainer& trainer, const FeatureExtractor& fx, const std::vector<TokenInfo>& info,
                     const std::vector<int>& gold, const std::vector<int>& pred, std::vector<std::uint64_t>& feats) {
  for (int i = 0; i < static_cast<int>(gold.size()); ++i) {
    const int g = gold[i], p = pred[i];
    const int gp = i ? gold[i - 1] : -1, pp = i ? pred[i - 1] : -1;
    if (g != p) {
      fx.token_features(info, i, feats);
      trainer.update(feats, g, p);
    }
    if (g == p && gp == pp) continue;
    if (gp == pp) {
      fx.label_features(info, i, gp, feats);
      trainer.update(feats, g, p);
      continue;
    }
    // Different previous labels, different features: one-class updates
    // (PerceptronTrainer::update with guess -1 moves `truth` only).
    fx.label_features(info, i, gp, feats);
    trainer.update(feats, g, -1, 1.0f);
    fx.label_features(info, i, pp, feats);
    trainer.update(feats, p, -1, -1.0f);
  }
}

// One pass over the examples in `order`; returns the number of token errors.
int train_epoch(detail::PerceptronTrainer& trainer, const FeatureExtractor& fx, const std::vector<Example>& examples,
                const std::vector<std::size_t>& order, const BilouTransitions& transitions) {
  std::vector<TokenInfo> info;
  std::vector<std::uint64_t> feats;
  Lattice lattice;
  int errors = 0;
  for (std::size_t idx : order) {
    const auto& ex = examples[idx];
    fx.prepare(ex.sentence, info);
    fill_lattice(trainer, fx, info, transitions.size, lattice, feats);
    auto pred = viterbi(lattice, transitions);
    for (std::size_t i = 0; i < pred.size(); ++i) errors += pred[i] != ex.gold[i];
    if (pred != ex.gold) update_sentence(trainer, fx, info, ex.gold, pred, feats);
    for (std::size_t i = 0; i < pred.size(); ++i) trainer.tick();
  }
  return errors;
}

}  // namespace

NerScores evaluate(const EntityRecognizer& model, const std::vector<Iob2Sentence>& gold,
                   const std::vector<std::string>& types, const std::function<void(Sentence&)>& annotate) {
  Document doc = iob2_document(gold, "gold");
  NerScores scores;
  for (std::size_t s = 0; s < gold.size(); ++s) {
    if (annotate && model.model().use_pos) annotate(doc.sentences[s]);
    std::vector<std::string> g;
    for (const auto& t : gold[s].tags) g.push_back(clean_tag(t, types));
    scores.add(g, model.label(doc.sentences[s]));
  }
  return scores;
}

EntityRecognizer train_recognizer(const std::vector<Iob2Sentence>& train, const std::vector<Iob2Sentence>& dev,
                                  const TrainOptions& options, TrainReport* report) {
  if (train.empty()) throw Error(ErrorKind::InvalidArgument, "NER training: no training sentences");
  if (options.epochs < 1)
    throw Error(ErrorKind::InvalidArgument, "NER training: epochs must be >= 1, got " + std::to_string(options.epochs));
  const auto labels = bilou_labels(options.types);
  const bool use_pos = static_cast<bool>(options.annotate);
  std::vector<Iob2Sentence> augmented = train;
  for (auto& s : lowercase_copies(train, options.types, options.lowercase_every)) augmented.push_back(std::move(s));
  auto examples = make_examples(augmented, labels, options.types,
                                options.annotate_train ? options.annotate_train : options.annotate);
  auto gaz =
      options.gazetteer ? options.gazetteer->feature_table() : std::vector<std::pair<std::uint64_t, std::uint16_t>>{};
  std::vector<std::uint64_t> gaz_keys;
  std::vector<std::uint16_t> gaz_bits;
  for (const auto& [k, b] : gaz) gaz_keys.push_back(k), gaz_bits.push_back(b);
  GazetteerFeatures gaz_table(gaz_keys, gaz_bits);
  FeatureExtractor fx(&gaz_table, use_pos, options.clusters);

  detail::PerceptronTrainer trainer(static_cast<int>(labels.size()));
  const BilouTransitions transitions(labels);
  std::vector<std::size_t> order(examples.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);

  TrainReport local;
  TrainReport& rep = report ? *report : local;
  rep = {};
  EntityRecognizer best;
  double best_f1 = -1;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    int errors = train_epoch(trainer, fx, examples, order, transitions);
    bool last = epoch == options.epochs;
    if (dev.empty()) {
      if (last)
        best = snapshot(trainer, labels, gaz, use_pos, options.min_weight, options.clusters), rep.best_epoch = epoch;
      if (options.progress)
        options.progress("epoch " + std::to_string(epoch) + ": " + std::to_string(errors) + " errors");
      continue;
    }
    auto model = snapshot(trainer, labels, gaz, use_pos, options.min_weight, options.clusters);
    auto scores = evaluate(model, dev, options.types, options.annotate);
    rep.dev_f1.push_back(scores.overall.f1());
    if (options.progress)
      options.progress("epoch " + std::to_string(epoch) + ": " + std::to_string(errors) + " train errors, dev F1 " +
                       std::to_string(100 * scores.overall.f1()));
    if (scores.overall.f1() > best_f1) {
      best_f1 = scores.overall.f1();
      best = std::move(model);
      rep.best_epoch = epoch;
      rep.dev = scores;
    }
  }
  return best;
}

}  // namespace relgraph::ner
