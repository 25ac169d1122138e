// Parser training: dynamic oracle, perceptron loop with error exploration,
// dev scoring and model selection (see parser_trainer.hpp).
// Tests: tests/parser_test.cpp
#include "parse/parser_trainer.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <unordered_map>

#include "core/perceptron_trainer.hpp"
#include "parse/features.hpp"
#include "parse/projective.hpp"
#include "relgraph/error.hpp"

namespace relgraph {

namespace parse {

void oracle_costs(const State& st, const std::vector<int>& gold_head, const std::vector<int>& gold_label,
                  const std::vector<std::vector<int>>& gold_children, int num_labels, int root,
                  std::vector<int>& costs) {
  costs.assign(num_transitions(num_labels), -1);
  const int n = st.n, b = st.b, s0 = st.s(0), s1 = st.s(1);
  // In arc-hybrid the words left of b without a head are exactly the stack.
  auto on_stack = [&](int k) { return k >= 0 && k < b && st.head[k] < 0; };
  if (st.can_shift()) {
    int c = 0;
    if (gold_head[b] != s0 && on_stack(gold_head[b])) ++c;
    // The root word can only reach ROOT from the bottom of the stack.
    if (gold_head[b] == n && s0 >= 0) ++c;
    for (int d : gold_children[b])
      if (on_stack(d)) ++c;
    costs[0] = c;
  }
  if (s0 < 0) return;
  int lost_children = 0;  // s0's dependents still in the buffer are lost by popping s0
  for (int d : gold_children[s0])
    if (d >= b) ++lost_children;
  const int h = gold_head[s0];
  if (st.can_left()) {
    int c = lost_children;
    // ROOT is reachable for s0 only from the bottom of the stack.
    if (b < n && ((s1 >= 0 && h == s1) || (h > b && h < n) || (h == n && s1 < 0))) ++c;
    for (int l = 0; l < num_labels; ++l) {
      int t = transition(Move::Left, l);
      if (st.allowed(t, root)) costs[t] = c + (h == b && l != gold_label[s0] ? 1 : 0);
    }
  }
  if (st.can_right()) {
    int c = lost_children + (h >= b && h < n ? 1 : 0);
    for (int l = 0; l < num_labels; ++l) {
      int t = transition(Move::Right, l);
      if (st.allowed(t, root)) costs[t] = c + (h == s1 && l != gold_label[s0] ? 1 : 0);
    }
  }
}

}  // namespace parse

namespace {

std::string_view universal(std::string_view rel) { return rel.substr(0, rel.find(':')); }

// One training sentence, projectivized, in the State's numbering.
struct Example {
  const Sentence* sentence = nullptr;
  std::vector<int> head;  // 0-based, n = ROOT
  std::vector<int> label;
  std::vector<std::vector<int>> children;
  parse::WordHashes words;
};

std::string sentence_name(const Sentence& s, std::size_t index) {
  auto it = s.comments.find("sent_id");
  return it != s.comments.end() ? "sentence '" + it->second + "'" : "sentence " + std::to_string(index + 1);
}

// Projectivizes the training trees and builds the label set.
struct Prepared {
  std::vector<std::string> labels;
  std::vector<int> base;  // per label: its base label's id
  std::vector<Example> examples;
  std::size_t nonprojective = 0, lifts = 0;
};

Prepared prepare(const std::vector<Sentence>& train, int min_lift_count, const detail::WordClusters* clusters) {
  Prepared out;
  std::vector<std::vector<int>> heads(train.size());
  std::vector<std::vector<std::string>> rels(train.size());
  std::map<std::string, std::size_t> counts;
  for (std::size_t i = 0; i < train.size(); ++i) {
    const Sentence& s = train[i];
    if (s.tokens.empty()) continue;
    int roots = 0;
    for (const Token& t : s.tokens) {
      heads[i].push_back(t.head);
      rels[i].push_back(t.deprel);
      if (t.head == 0) ++roots;
      if (t.deprel.empty() || t.deprel.find('|') != std::string::npos)
        throw Error(ErrorKind::InvalidInput, sentence_name(s, i) + ": bad relation '" + t.deprel + "'");
    }
    if (roots != 1)
      throw Error(ErrorKind::InvalidInput, sentence_name(s, i) + " has " + std::to_string(roots) + " roots");
    try {
      int lifts = parse::projectivize(heads[i], rels[i]);
      if (lifts) ++out.nonprojective, out.lifts += lifts;
    } catch (const Error& e) {
      throw Error(ErrorKind::InvalidInput, sentence_name(s, i) + ": " + e.what());
    }
    for (const auto& r : rels[i]) ++counts[r];
  }
  // Rare lifted labels keep only their base (the lift is then not undone).
  std::map<std::string, std::size_t> kept;
  for (const auto& [r, c] : counts) {
    bool lifted = r.find('|') != std::string::npos;
    kept[lifted && static_cast<int>(c) < min_lift_count ? std::string(parse::base_label(r)) : r] += c;
  }
  std::vector<std::pair<std::string, std::size_t>> order(kept.begin(), kept.end());
  std::stable_sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.second > b.second; });
  std::unordered_map<std::string, int> id;
  for (const auto& [r, c] : order) {
    id[r] = static_cast<int>(out.labels.size());
    out.labels.push_back(r);
  }
  for (const auto& r : out.labels) {
    auto it = id.find(std::string(parse::base_label(r)));
    out.base.push_back(it == id.end() ? id[r] : it->second);
  }
  for (std::size_t i = 0; i < train.size(); ++i) {
    const int n = static_cast<int>(heads[i].size());
    if (n == 0) continue;
    Example ex;
    ex.sentence = &train[i];
    ex.children.resize(n + 1);
    for (int d = 0; d < n; ++d) {
      int h = heads[i][d] == 0 ? n : heads[i][d] - 1;
      ex.head.push_back(h);
      auto it = id.find(rels[i][d]);
      ex.label.push_back(it != id.end() ? it->second : id.at(std::string(parse::base_label(rels[i][d]))));
      ex.children[h].push_back(d);
    }
    ex.head.push_back(-1);  // ROOT itself
    ex.label.push_back(-1);
    ex.words.prepare(train[i], clusters);
    out.examples.push_back(std::move(ex));
  }
  if (!id.count("root")) throw Error(ErrorKind::InvalidInput, "training data has no 'root' relation");
  return out;
}

double uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// Tag noise: each word's tags may be swapped for those of another occurrence
// of the same form, as a tagger would confuse them.
class TagNoise {
 public:
  explicit TagNoise(const std::vector<Example>& examples) {
    for (const auto& ex : examples)
      for (std::size_t i = 0; i + 2 < ex.words.w.size(); ++i)
        seen_[ex.words.w[i]].push_back({ex.words.p[i], ex.words.u[i]});
  }
  void apply(const Example& ex, double prob, std::mt19937_64& rng, parse::WordHashes& out) const {
    out = ex.words;
    if (prob <= 0) return;
    for (std::size_t i = 0; i + 2 < out.w.size(); ++i) {
      if (uniform(rng) >= prob) continue;
      const auto& tags = seen_.at(out.w[i]);
      const auto& pick = tags[rng() % tags.size()];
      out.p[i] = pick.first;
      out.u[i] = pick.second;
    }
  }

 private:
  std::unordered_map<std::uint64_t, std::vector<std::pair<std::uint64_t, std::uint64_t>>> seen_;
};

struct Trainer {
  const Prepared& data;
  const ParserTrainOptions& options;
  detail::PerceptronTrainer perceptron;
  int root = 0;
  std::mt19937_64 rng;
  std::vector<std::uint64_t> features;
  std::vector<float> scores;
  std::vector<int> costs;

  Trainer(const Prepared& d, const ParserTrainOptions& o)
      : data(d), options(o), perceptron(parse::num_transitions(static_cast<int>(d.labels.size()))), rng(o.seed) {
    root = static_cast<int>(std::find(d.labels.begin(), d.labels.end(), "root") - d.labels.begin());
    scores.resize(perceptron.num_classes());
  }

  // Trains on one sentence; returns {transitions, errors}.
  std::pair<std::size_t, std::size_t> learn(const Example& ex, const parse::WordHashes& words, bool explore) {
    const int num_labels = static_cast<int>(data.labels.size());
    const int n = static_cast<int>(ex.head.size()) - 1;
    parse::State st;
    st.reset(n);
    std::size_t steps = 0, errors = 0;
    while (!st.terminal()) {
      parse::extract_features(st, words, features);
      std::fill(scores.begin(), scores.end(), 0.0f);
      perceptron.score(features, scores);
      parse::oracle_costs(st, ex.head, ex.label, ex.children, num_labels, root, costs);
      int pred = parse::best_allowed(st, scores.data(), num_labels, root);
      int min_cost = -1;
      for (int c : costs)
        if (c >= 0 && (min_cost < 0 || c < min_cost)) min_cost = c;
      int gold = -1;
      for (std::size_t t = 0; t < costs.size(); ++t)
        if (costs[t] == min_cost && (gold < 0 || scores[t] > scores[gold])) gold = static_cast<int>(t);
      if (costs[pred] > min_cost) {
        perceptron.update(features, gold, pred);
        ++errors;
      }
      perceptron.tick();
      ++steps;
      int next = explore && uniform(rng) < options.explore_prob ? pred : gold;
      int l = parse::label_of(next);
      st.apply(next, l < 0 ? 0 : data.base[l]);
    }
    return {steps, errors};
  }
};

std::string format_scores(const AttachmentScores& s) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "UAS %.2f LAS %.2f (full labels %.2f)", s.uas(), s.las(), s.las_full());
  return buf;
}

}  // namespace

AttachmentScores attachment_scores(const std::vector<Sentence>& gold, const std::vector<Sentence>& predicted) {
  if (gold.size() != predicted.size())
    throw Error(ErrorKind::InvalidArgument, "gold has " + std::to_string(gold.size()) + " sentences, prediction " +
                                                std::to_string(predicted.size()));
  AttachmentScores s;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    const auto& g = gold[i].tokens;
    const auto& p = predicted[i].tokens;
    if (g.size() != p.size())
      throw Error(ErrorKind::InvalidArgument, sentence_name(gold[i], i) + ": gold has " + std::to_string(g.size()) +
                                                  " words, prediction " + std::to_string(p.size()));
    for (std::size_t k = 0; k < g.size(); ++k) {
      ++s.words;
      if (g[k].head != p[k].head) continue;
      ++s.heads;
      if (universal(g[k].deprel) == universal(p[k].deprel)) ++s.labelled;
      if (g[k].deprel == p[k].deprel) ++s.labelled_full;
    }
  }
  return s;
}

AttachmentScores evaluate_parser(const Parser& parser, const std::vector<Sentence>& gold) {
  std::vector<Sentence> predicted = gold;
  for (auto& s : predicted) {
    for (auto& t : s.tokens) t.head = -1, t.deprel.clear();
    parser.parse(s);
  }
  return attachment_scores(gold, predicted);
}

Parser train_parser(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                    const ParserTrainOptions& options, ParserTrainReport* report) {
  if (options.iterations < 1) throw Error(ErrorKind::InvalidArgument, "iterations must be at least 1");
  Prepared data = prepare(train, options.min_lift_count, options.clusters);
  if (data.examples.empty()) throw Error(ErrorKind::InvalidInput, "no training sentences");
  ParserTrainReport local;
  ParserTrainReport& rep = report ? *report : local;
  rep = {};
  rep.nonprojective = data.nonprojective;
  rep.lifts = data.lifts;
  if (options.log)
    options.log(std::to_string(data.examples.size()) + " training sentences, " + std::to_string(data.nonprojective) +
                " made projective (" + std::to_string(data.lifts) + " lifts), " + std::to_string(data.labels.size()) +
                " labels");

  Trainer trainer(data, options);
  TagNoise noise(data.examples);
  std::vector<std::size_t> order(data.examples.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  parse::WordHashes noisy;
  Parser best;
  double best_las = -1;
  for (int it = 1; it <= options.iterations; ++it) {
    auto start = std::chrono::steady_clock::now();
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[trainer.rng() % i]);
    std::size_t steps = 0, errors = 0;
    const bool explore = it >= options.explore_from;
    for (std::size_t i : order) {
      const Example& ex = data.examples[i];
      noise.apply(ex, options.tag_noise, trainer.rng, noisy);
      auto [s, e] = trainer.learn(ex, noisy, explore);
      steps += s, errors += e;
    }
    Parser::Model model{data.labels, trainer.perceptron.average(options.min_weight), {}, {}};
    if (options.clusters) model.cluster_keys = options.clusters->keys(), model.cluster_ids = options.clusters->packed();
    Parser parser(std::move(model));
    AttachmentScores scores = dev.empty() ? AttachmentScores{} : evaluate_parser(parser, dev);
    rep.dev.push_back(scores);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (options.log) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "iteration %d/%d: train errors %.2f%%, %zu features, %.1f s, dev ", it,
                    options.iterations, 100.0 * errors / std::max<std::size_t>(steps, 1), parser.num_features(),
                    seconds);
      options.log(buf + (dev.empty() ? std::string("(none)") : format_scores(scores)));
    }
    // Without dev data the last iteration wins.
    if (dev.empty() || scores.las() > best_las) {
      best_las = scores.las();
      best = std::move(parser);
      rep.best_iteration = it;
      rep.final_dev = scores;
    }
  }
  return best;
}

}  // namespace relgraph
