// Relation classifier training: candidate pairs, perceptron epochs, threshold
// tuning on held-out training documents. Tests: tests/docred_test.cpp
#include "relations/classifier_trainer.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "core/perceptron_trainer.hpp"
#include "relgraph/error.hpp"

namespace relgraph {

namespace {

// Candidate pairs of a set of documents with their features and gold labels.
struct Instances {
  std::vector<std::uint64_t> features;
  std::vector<std::size_t> begin{0};
  std::vector<std::vector<int>> gold;  // label indices
  std::vector<std::uint16_t> types;    // th * num_types + tt
  std::vector<int> doc;                // document index
  std::size_t size() const { return gold.size(); }
  std::span<const std::uint64_t> row(std::size_t i) const {
    return {features.data() + begin[i], begin[i + 1] - begin[i]};
  }
};

struct Tables {
  std::vector<std::string> labels, types;
  std::vector<std::uint8_t> allowed;
  int label(const std::string& p) const {
    auto it = std::lower_bound(labels.begin(), labels.end(), p);
    return it != labels.end() && *it == p ? static_cast<int>(it - labels.begin()) : -1;
  }
  int type(const std::string& t) const {
    for (std::size_t i = 0; i < types.size(); ++i)
      if (types[i] == t) return static_cast<int>(i);
    return -1;
  }
  bool allowed_at(int pair, int l) const { return allowed[static_cast<std::size_t>(pair) * labels.size() + l] != 0; }
};

Tables make_tables(std::span<const RelationDocument> docs, const RelationTrainOptions& o) {
  Tables t;
  t.types = o.types;
  std::set<std::string> labels;
  for (const auto& d : docs)
    for (const auto& f : d.facts) labels.insert(f.property);
  if (labels.empty()) throw Error(ErrorKind::InvalidArgument, "train relations: no fact to learn from");
  t.labels.assign(labels.begin(), labels.end());
  const std::size_t nt = t.types.size();
  t.allowed.assign(nt * nt * t.labels.size(), 0);
  for (const auto& d : docs)
    for (const auto& f : d.facts) {
      int th = t.type(d.entities.at(f.head).type), tt = t.type(d.entities.at(f.tail).type);
      if (th < 0 || tt < 0) continue;
      t.allowed[(th * nt + tt) * t.labels.size() + t.label(f.property)] = 1;
    }
  return t;
}

bool any_allowed(const Tables& t, int pair) {
  for (std::size_t l = 0; l < t.labels.size(); ++l)
    if (t.allowed_at(pair, static_cast<int>(l))) return true;
  return false;
}

Instances make_instances(std::span<const RelationDocument> docs, const std::vector<int>& which, const Tables& t) {
  Instances out;
  std::vector<std::uint64_t> feats;
  const int nt = static_cast<int>(t.types.size());
  for (int d : which) {
    const auto& rd = docs[d];
    auto ctx = detail::make_pair_context(*rd.doc, rd.entities);
    std::map<std::pair<int, int>, std::vector<int>> facts;
    for (const auto& f : rd.facts) facts[{f.head, f.tail}].push_back(t.label(f.property));
    const int n = static_cast<int>(rd.entities.size());
    std::vector<int> type(n);
    for (int e = 0; e < n; ++e) type[e] = t.type(rd.entities[e].type);
    for (int h = 0; h < n; ++h)
      for (int tl = 0; tl < n; ++tl) {
        if (h == tl || type[h] < 0 || type[tl] < 0) continue;
        const int pair = type[h] * nt + type[tl];
        if (!any_allowed(t, pair)) continue;
        detail::pair_features(ctx, h, tl, feats);
        out.features.insert(out.features.end(), feats.begin(), feats.end());
        out.begin.push_back(out.features.size());
        auto it = facts.find({h, tl});
        out.gold.push_back(it == facts.end() ? std::vector<int>{} : it->second);
        out.types.push_back(static_cast<std::uint16_t>(pair));
        out.doc.push_back(d);
      }
  }
  return out;
}

detail::Perceptron train_weights(const Instances& data, const Tables& t, const RelationTrainOptions& o) {
  detail::PerceptronTrainer trainer(static_cast<int>(t.labels.size()));
  std::vector<std::size_t> order(data.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(o.seed);
  std::vector<float> scores(t.labels.size());
  std::vector<char> is_gold(t.labels.size());
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (auto i : order) {
      auto row = data.row(i);
      std::fill(scores.begin(), scores.end(), 0.0f);
      trainer.score(row, scores);
      std::fill(is_gold.begin(), is_gold.end(), 0);
      for (int l : data.gold[i]) is_gold[l] = 1;
      for (std::size_t l = 0; l < t.labels.size(); ++l) {
        if (!t.allowed_at(data.types[i], static_cast<int>(l))) continue;
        if (is_gold[l] && scores[l] <= o.margin) trainer.update(row, static_cast<int>(l), -1, 1.0f);
        if (!is_gold[l] && scores[l] > -o.margin) trainer.update(row, static_cast<int>(l), -1, -1.0f);
      }
      trainer.tick();
    }
  }
  return trainer.average(o.min_weight);
}

double f1(int tp, int pred, int gold) { return pred + gold ? 2.0 * tp / (pred + gold) : 0.0; }

using Candidates = std::vector<std::pair<float, bool>>;  // (score, correct)

void sort_by_score(Candidates& c) {
  std::sort(c.begin(), c.end(), [](auto& a, auto& b) { return a.first > b.first; });
}

// Midpoint below the i-th best score (the threshold that keeps the first i + 1).
float cut_after(const Candidates& c, std::size_t i) {
  return i + 1 < c.size() ? (c[i].first + c[i + 1].first) / 2 : c[i].first - 1e-3f;
}

// The threshold maximising micro F1 over sorted candidates, with `gold` true
// facts in all (found or not); returns (threshold, F1).
std::pair<float, double> best_f1_threshold(const Candidates& c, int gold) {
  float best = c.empty() ? 0.0f : c.front().first + 1.0f;
  double best_f1 = 0;
  int tp = 0;
  for (std::size_t i = 0; i < c.size(); ++i) {
    tp += c[i].second;
    if (i + 1 < c.size() && c[i + 1].first == c[i].first) continue;
    double f = f1(tp, static_cast<int>(i + 1), gold);
    if (f > best_f1) best_f1 = f, best = cut_after(c, i);
  }
  return {best, best_f1};
}

// One relation's threshold: a prediction raises micro F1 when its precision
// exceeds half the F1, so keep the top block with the most tp - f1/2 * pred;
// none at all when no block gains.
float gain_threshold(const Candidates& c, double micro_f1) {
  float best = c.empty() ? 0.0f : c.front().first + 1.0f;
  double best_gain = 0;
  int tp = 0;
  for (std::size_t i = 0; i < c.size(); ++i) {
    tp += c[i].second;
    if (i + 1 < c.size() && c[i + 1].first == c[i].first) continue;
    double gain = tp - micro_f1 / 2 * static_cast<double>(i + 1);
    if (gain > best_gain) best_gain = gain, best = cut_after(c, i);
  }
  return best;
}

struct Tuning {
  std::vector<Candidates> by_label;
  int gold = 0;  // true facts of the held-out documents
};

void collect(const detail::Perceptron& model, const Instances& dev, std::span<const RelationDocument> docs,
             const std::vector<int>& which, const Tables& t, Tuning& out) {
  const std::size_t nl = t.labels.size();
  out.by_label.resize(nl);
  std::vector<float> scores(nl);
  for (std::size_t i = 0; i < dev.size(); ++i) {
    std::fill(scores.begin(), scores.end(), 0.0f);
    model.score(dev.row(i), scores);
    for (std::size_t l = 0; l < nl; ++l) {
      if (!t.allowed_at(dev.types[i], static_cast<int>(l))) continue;
      bool ok = std::find(dev.gold[i].begin(), dev.gold[i].end(), static_cast<int>(l)) != dev.gold[i].end();
      out.by_label[l].push_back({scores[l], ok});
    }
  }
  for (int d : which) out.gold += static_cast<int>(docs[d].facts.size());
}

std::vector<float> thresholds_from(Tuning& tuning) {
  Candidates all;
  for (auto& c : tuning.by_label) {
    sort_by_score(c);
    all.insert(all.end(), c.begin(), c.end());
  }
  sort_by_score(all);
  const double micro_f1 = best_f1_threshold(all, tuning.gold).second;
  std::vector<float> out;
  for (const auto& c : tuning.by_label) out.push_back(gain_threshold(c, micro_f1));
  return out;
}

}  // namespace

RelationClassifier train_relation_classifier(std::span<const RelationDocument> docs,
                                             const RelationTrainOptions& options) {
  const Tables t = make_tables(docs, options);
  // Thresholds from held-out scores: inner folds over the training documents.
  std::vector<float> thresholds(t.labels.size(), 0.0f);
  const int k = std::min<int>(options.tune_folds, static_cast<int>(docs.size()));
  if (k >= 2) {
    Tuning tuning;
    for (int f = 0; f < k; ++f) {
      std::vector<int> train, held;
      for (int d = 0; d < static_cast<int>(docs.size()); ++d) (d % k == f ? held : train).push_back(d);
      auto inner = train_weights(make_instances(docs, train, t), t, options);
      collect(inner, make_instances(docs, held, t), docs, held, t, tuning);
    }
    thresholds = thresholds_from(tuning);
  }
  std::vector<int> all(docs.size());
  std::iota(all.begin(), all.end(), 0);
  auto model = train_weights(make_instances(docs, all, t), t, options);
  return RelationClassifier(t.labels, t.types, t.allowed, std::move(thresholds), std::move(model));
}

}  // namespace relgraph
