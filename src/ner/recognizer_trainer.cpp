// Averaged-perceptron training loop for the entity recognizer (see
// recognizer_trainer.hpp). Tests: tests/ner_test.cpp
#include "ner/recognizer_trainer.hpp"

#include <algorithm>
#include <random>

#include "core/perceptron_trainer.hpp"
#include "ner/bilou.hpp"
#include "ner/context.hpp"
#include "ner/features.hpp"
#include "ner/viterbi.hpp"
#include "relgraph/error.hpp"

namespace relgraph::ner {

namespace {

struct Example {
  std::vector<int> gold;        // BILOU class ids
  std::vector<TokenInfo> info;  // first-stage features, prepared once
};

// The training set: sentences (contiguous, so a discourse is a span), their
// gold labels and features, the discourses and each discourse's fold.
struct TrainSet {
  std::vector<Sentence> sentences;
  std::vector<Example> examples;
  std::vector<std::pair<int, int>> discourses;
  std::vector<int> fold;  // per discourse
};

// Lower-cased copies of every n-th sentence that has a mention (ASCII
// letters), with the index of the sentence each copies.
std::vector<std::pair<std::size_t, Iob2Sentence>> lowercase_copies(const std::vector<Iob2Sentence>& data,
                                                                   const std::vector<std::string>& types, int every) {
  std::vector<std::pair<std::size_t, Iob2Sentence>> out;
  if (every <= 0) return out;
  int with_mention = 0;
  for (std::size_t i = 0; i < data.size(); ++i) {
    const auto& s = data[i];
    bool mention =
        std::any_of(s.tags.begin(), s.tags.end(), [&](const std::string& t) { return clean_tag(t, types) != "O"; });
    if (!mention || with_mention++ % every != 0) continue;
    Iob2Sentence copy = s;
    for (auto& f : copy.forms)
      for (auto& c : f)
        if (c >= 'A' && c <= 'Z') c += 32;
    copy.newdoc = "lower-cased copy";  // a discourse of its own
    if (copy.forms != s.forms) out.push_back({i, std::move(copy)});
  }
  return out;
}

TrainSet make_train_set(const std::vector<Iob2Sentence>& train, const std::vector<std::string>& labels,
                        const TrainOptions& options, const FeatureExtractor& fx) {
  std::vector<Iob2Sentence> data = train;
  const auto copies = lowercase_copies(train, options.types, options.lowercase_every);
  for (const auto& [origin, copy] : copies) data.push_back(copy);
  TrainSet set;
  set.sentences = std::move(iob2_document(data, "train").sentences);
  const auto& annotate = options.annotate_train ? options.annotate_train : options.annotate;
  for (std::size_t s = 0; s < data.size(); ++s) {
    Example ex;
    if (annotate) annotate(set.sentences[s]);
    std::vector<std::string> tags;
    for (const auto& t : data[s].tags) tags.push_back(clean_tag(t, options.types));
    for (const auto& l : iob2_to_bilou(tags))
      ex.gold.push_back(static_cast<int>(std::find(labels.begin(), labels.end(), l) - labels.begin()));
    fx.prepare(set.sentences[s], ex.info);
    set.examples.push_back(std::move(ex));
  }
  set.discourses = discourses(set.sentences);
  // Folds by discourse; a lower-cased copy goes with the sentence it copies.
  std::vector<int> discourse_of(data.size());
  for (std::size_t d = 0; d < set.discourses.size(); ++d)
    for (int s = set.discourses[d].first; s < set.discourses[d].second; ++s) discourse_of[s] = static_cast<int>(d);
  const int folds = std::max(options.context_folds, 1);
  set.fold.resize(set.discourses.size());
  int originals = 0;
  for (std::size_t d = 0; d < set.discourses.size(); ++d) {
    const int first = set.discourses[d].first;
    if (static_cast<std::size_t>(first) < train.size())
      set.fold[d] = originals++ % folds;
    else
      set.fold[d] = set.fold[discourse_of[copies[first - train.size()].first]];
  }
  return set;
}

// Dev sentences as one annotated document with their gold tags (prepared once).
struct DevSet {
  Document doc;
  std::vector<std::vector<std::string>> gold;
};

DevSet make_dev_set(const std::vector<Iob2Sentence>& dev, const std::vector<std::string>& types,
                    const std::function<void(Sentence&)>& annotate) {
  DevSet d{iob2_document(dev, "dev"), {}};
  for (std::size_t s = 0; s < dev.size(); ++s) {
    if (annotate) annotate(d.doc.sentences[s]);
    std::vector<std::string> g;
    for (const auto& t : dev[s].tags) g.push_back(clean_tag(t, types));
    d.gold.push_back(std::move(g));
  }
  return d;
}

NerScores score(const EntityRecognizer& model, const DevSet& dev) {
  NerScores scores;
  const auto predicted = model.label(std::span<const Sentence>(dev.doc.sentences));
  for (std::size_t s = 0; s < dev.gold.size(); ++s) scores.add(dev.gold[s], predicted[s]);
  return scores;
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
                const std::vector<std::vector<TokenInfo>>* infos, const std::vector<std::size_t>& order,
                const BilouTransitions& transitions) {
  std::vector<std::uint64_t> feats;
  Lattice lattice;
  int errors = 0;
  for (std::size_t idx : order) {
    const auto& ex = examples[idx];
    const auto& info = infos ? (*infos)[idx] : ex.info;
    fill_lattice(trainer, fx, info, transitions.size, lattice, feats);
    auto pred = viterbi(lattice, transitions);
    for (std::size_t i = 0; i < pred.size(); ++i) errors += pred[i] != ex.gold[i];
    if (pred != ex.gold) update_sentence(trainer, fx, info, ex.gold, pred, feats);
    for (std::size_t i = 0; i < pred.size(); ++i) trainer.tick();
  }
  return errors;
}

// What one stage's training needs besides its examples.
struct StageSpec {
  const FeatureExtractor* fx;
  const std::vector<std::vector<TokenInfo>>* infos;  // nullptr: the examples' own (first stage)
  int epochs;
  // A whole recognizer from this stage's averaged weights (scored on dev).
  std::function<EntityRecognizer(detail::Perceptron)> assemble;
};

// Trains one stage on examples[subset]; keeps the epoch with the best dev F1
// (the last one without dev).
EntityRecognizer train_stage(const TrainSet& set, std::vector<std::size_t> order, const DevSet* dev,
                             const StageSpec& spec, const TrainOptions& options, const std::string& name,
                             TrainReport& rep) {
  const BilouTransitions transitions(bilou_labels(options.types));
  detail::PerceptronTrainer trainer(transitions.size);
  std::mt19937 rng(options.seed);
  rep.dev_f1.clear();
  EntityRecognizer best;
  double best_f1 = -1;
  for (int epoch = 1; epoch <= spec.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    int errors = train_epoch(trainer, *spec.fx, set.examples, spec.infos, order, transitions);
    const std::string head = name + " epoch " + std::to_string(epoch) + ": " + std::to_string(errors) + " errors";
    if (!dev) {
      if (epoch == spec.epochs) best = spec.assemble(trainer.average(options.min_weight)), rep.best_epoch = epoch;
      if (options.progress) options.progress(head);
      continue;
    }
    auto model = spec.assemble(trainer.average(options.min_weight));
    auto scores = score(model, *dev);
    rep.dev_f1.push_back(scores.overall.f1());
    if (options.progress) options.progress(head + ", dev F1 " + std::to_string(100 * scores.overall.f1()));
    if (scores.overall.f1() > best_f1) {
      best_f1 = scores.overall.f1();
      best = std::move(model);
      rep.best_epoch = epoch;
      rep.dev = scores;
    }
  }
  return best;
}

}  // namespace

NerScores evaluate(const EntityRecognizer& model, const std::vector<Iob2Sentence>& gold,
                   const std::vector<std::string>& types, const std::function<void(Sentence&)>& annotate) {
  auto dev = make_dev_set(gold, types, model.model().use_pos ? annotate : std::function<void(Sentence&)>{});
  return score(model, dev);
}

EntityRecognizer train_recognizer(const std::vector<Iob2Sentence>& train, const std::vector<Iob2Sentence>& dev,
                                  const TrainOptions& options, TrainReport* report) {
  if (train.empty()) throw Error(ErrorKind::InvalidArgument, "NER training: no training sentences");
  if (options.epochs < 1)
    throw Error(ErrorKind::InvalidArgument, "NER training: epochs must be >= 1, got " + std::to_string(options.epochs));
  const auto labels = bilou_labels(options.types);
  EntityRecognizer::Model base;
  base.labels = labels;
  base.use_pos = static_cast<bool>(options.annotate);
  if (options.gazetteer)
    for (const auto& [k, b] : options.gazetteer->feature_table())
      base.gaz_keys.push_back(k), base.gaz_bits.push_back(b);
  if (options.clusters) base.cluster_keys = options.clusters->keys(), base.cluster_ids = options.clusters->packed();
  GazetteerFeatures gaz_table(base.gaz_keys, base.gaz_bits);
  const detail::WordClusters clusters(base.cluster_keys, base.cluster_ids);
  const FeatureExtractor fx(&gaz_table, base.use_pos, &clusters), fx2(&gaz_table, base.use_pos, &clusters, true);
  const TrainSet set = make_train_set(train, labels, options, fx);
  const DevSet dev_set = make_dev_set(dev, options.types, options.annotate);
  const DevSet* dev_ptr = dev.empty() ? nullptr : &dev_set;

  TrainReport local;
  TrainReport& rep = report ? *report : local;
  rep = {};
  auto one_stage = [&](detail::Perceptron w) {
    auto m = base;
    m.weights = std::move(w);
    return EntityRecognizer(std::move(m));
  };
  std::vector<std::size_t> all(set.examples.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  auto stage1 = train_stage(set, all, dev_ptr, {&fx, nullptr, options.epochs, one_stage}, options, "stage 1", rep);
  rep.first_stage_epoch = rep.best_epoch;
  rep.first_stage_dev = rep.dev;
  rep.first_stage_dev_f1 = rep.dev_f1;
  if (options.context_folds < 2) return stage1;

  // First-stage labels of each training discourse from a first stage that did not see it.
  std::vector<std::vector<int>> s1(set.examples.size());
  for (int f = 0; f < options.context_folds; ++f) {
    std::vector<std::size_t> subset;
    for (std::size_t d = 0; d < set.discourses.size(); ++d)
      if (set.fold[d] != f)
        for (int s = set.discourses[d].first; s < set.discourses[d].second; ++s) subset.push_back(s);
    TrainReport fold_rep;
    auto model = train_stage(set, subset, nullptr, {&fx, nullptr, rep.first_stage_epoch, one_stage}, options,
                             "fold " + std::to_string(f + 1), fold_rep);
    for (std::size_t d = 0; d < set.discourses.size(); ++d) {
      if (set.fold[d] != f) continue;
      const auto [b, e] = set.discourses[d];
      auto ids = model.label_ids(std::span<const Sentence>(set.sentences).subspan(b, e - b), true);
      for (int s = b; s < e; ++s) s1[s] = std::move(ids[s - b]);
    }
  }
  std::vector<std::vector<TokenInfo>> infos(set.examples.size());
  for (std::size_t i = 0; i < infos.size(); ++i) infos[i] = set.examples[i].info;
  const auto types = label_types(labels);
  for (const auto& [b, e] : set.discourses)
    add_context(std::span(infos).subspan(b, e - b), std::span<const std::vector<int>>(s1).subspan(b, e - b), types);
  const detail::Perceptron& first = stage1.model().weights;
  auto two_stage = [&](detail::Perceptron w) {
    auto m = base;
    m.weights = first;
    m.context_weights = std::move(w);
    return EntityRecognizer(std::move(m));
  };
  const int epochs2 = options.context_epochs > 0 ? options.context_epochs : options.epochs;
  return train_stage(set, all, dev_ptr, {&fx2, &infos, epochs2, two_stage}, options, "stage 2", rep);
}

}  // namespace relgraph::ner
