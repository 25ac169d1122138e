// Tagger and lemmatizer training (averaged perceptron, greedy decoding with
// predicted history) and gold-tokenization scoring. Tests: tests/tagger_test.cpp
#include "tag/tagger_trainer.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <random>
#include <unordered_map>

#include "core/perceptron_trainer.hpp"
#include "relgraph/error.hpp"
#include "tag/features.hpp"

namespace relgraph {
namespace {

// Fisher-Yates with our own draw so the order is the same on every standard library.
template <class T>
void shuffle(std::vector<T>& v, std::mt19937_64& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng() % i]);
}

std::string fmt(const char* f, double a, double b = 0, double c = 0) {
  char buf[128];
  std::snprintf(buf, sizeof buf, f, a, b, c);
  return buf;
}

// Most frequent key of a count table (ties: the smallest key).
template <class K>
K most_frequent(const std::map<K, int>& counts, int* best_count = nullptr) {
  K best{};
  int n = -1;
  for (const auto& [k, c] : counts)
    if (c > n) best = k, n = c;
  if (best_count) *best_count = n;
  return best;
}

struct TagSet {
  std::vector<std::string> upos, xpos;
  std::map<std::pair<std::string, std::string>, int> id;
  int of(const Token& t) const {
    auto it = id.find({t.upos, t.xpos});
    return it == id.end() ? -1 : it->second;
  }
};

TagSet collect_tags(const Document& train) {
  TagSet set;
  for (const auto& s : train.sentences)
    for (const auto& t : s.tokens) set.id.emplace(std::pair{t.upos, t.xpos}, 0);
  int n = 0;
  for (auto& [k, v] : set.id) {
    v = n++;
    set.upos.push_back(k.first);
    set.xpos.push_back(k.second);
  }
  if (set.id.size() > 60000) throw Error(ErrorKind::InvalidArgument, "too many tag classes in training data");
  return set;
}

void build_dictionary(const Document& train, const TagSet& tags, const TaggerTrainOptions& opt, Tagger::Model& m) {
  std::map<std::string, std::map<int, int>> counts;
  for (const auto& s : train.sentences)
    for (const auto& t : s.tokens) ++counts[t.form][tags.of(t)];
  for (const auto& [form, by_tag] : counts) {
    int total = 0, best = 0;
    for (const auto& [tag, c] : by_tag) total += c;
    int tag = most_frequent(by_tag, &best);
    if (total >= opt.dict_min_count && best >= opt.dict_min_share * total) {
      m.dict_keys.push_back(detail::hash_str(form));
      m.dict_tags.push_back(static_cast<std::uint16_t>(tag));
    }
  }
}

// Ambiguity classes of words seen at least twice (so that training, like
// tagging new text, meets words without one).
void build_ambiguity(const Document& train, const TagSet& tags, Tagger::Model& m) {
  std::map<std::string, std::map<int, int>> counts;
  for (const auto& s : train.sentences)
    for (const auto& t : s.tokens) ++counts[detail::ascii_lower(t.form)][tags.of(t)];
  for (const auto& [lower, by_tag] : counts) {
    int total = 0;
    for (const auto& [tag, c] : by_tag) total += c;
    if (total < 2) continue;
    std::uint64_t amb = 0x616d62ull;
    for (const auto& [tag, c] : by_tag)
      if (c >= 0.05 * total) amb = detail::hash_mix(amb, static_cast<std::uint64_t>(tag + 1));
    m.amb_keys.push_back(detail::hash_str(lower));
    m.amb_values.push_back(amb);
  }
}

// One sentence, pre-hashed, with its gold tag classes.
struct Example {
  std::vector<detail::WordInfo> words;
  std::vector<int> gold;
};

// One perceptron pass over the sentences in `order` (shuffled first). With
// `first` (the first pass's tags per sentence) it trains the second pass.
void train_pass(const std::vector<Example>& examples, std::vector<std::size_t>& order, std::mt19937_64& rng,
                const std::unordered_map<std::uint64_t, std::uint16_t>& dict,
                const std::vector<std::vector<int>>* first, detail::PerceptronTrainer& model) {
  shuffle(order, rng);
  std::vector<std::uint64_t> features;
  std::vector<float> scores(model.num_classes());
  for (std::size_t idx : order) {
    const Example& ex = examples[idx];
    const int n = static_cast<int>(ex.gold.size());
    int prev1 = -1, prev2 = -1;
    for (int i = 0; i < n; ++i) {
      int guess;
      if (auto it = dict.find(ex.words[i + 2].form); it != dict.end()) {
        guess = it->second;
      } else {
        detail::tag_features(ex.words, i, prev1, prev2, features);
        if (first) {
          const auto& f = (*first)[idx];
          detail::right_features(ex.words, i, prev1, i + 1 < n ? f[i + 1] : -1, i + 2 < n ? f[i + 2] : -1, features);
        }
        std::fill(scores.begin(), scores.end(), 0.0f);
        model.score(features, scores);
        guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        model.tick();
        if (ex.gold[i] >= 0) model.update(features, ex.gold[i], guess);
      }
      prev2 = prev1;
      prev1 = guess;
    }
  }
}

// What a pass needs besides its options.
struct PassData {
  const std::vector<Example>& examples;
  const std::unordered_map<std::uint64_t, std::uint16_t>& dict;
  const std::vector<std::vector<int>>* first;  // first-pass tags: train the second pass
};

struct PassResult {
  Tagger tagger;
  int iteration = 0;
};

// Trains one pass for up to `iterations` on the sentences in `subset`.
// With dev, keeps the iteration with the best dev UPOS+XPOS; `base` supplies the
// rest of the model (and the first pass when training the second).
PassResult train_one_pass(const PassData& data, std::vector<std::size_t> subset, int iterations, std::uint64_t seed,
                          const Tagger::Model& base, const Document* dev, const TaggerTrainOptions& opt,
                          const std::string& label) {
  detail::PerceptronTrainer model(static_cast<int>(base.upos.size()));
  std::mt19937_64 rng(seed);
  PassResult result;
  double best = -1;
  for (int it = 1; it <= iterations; ++it) {
    auto t0 = std::chrono::steady_clock::now();
    train_pass(data.examples, subset, rng, data.dict, data.first, model);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    bool last = it == iterations;
    std::string line = label + " iteration " + std::to_string(it) + fmt(": %.1f s", secs);
    if (!dev && !last) {
      if (opt.progress) opt.progress(line);
      continue;
    }
    Tagger::Model m = base;
    (data.first ? m.tagger2 : m.tagger) = model.average(opt.min_weight);
    Tagger candidate(std::move(m));
    TaggerScores scores = dev ? evaluate_tagger(candidate, *dev, false) : TaggerScores{};
    if (opt.progress)
      opt.progress(line +
                   (dev ? fmt(", dev UPOS %.2f XPOS %.2f both %.2f", scores.upos, scores.xpos, scores.upos_xpos) : ""));
    if (dev ? (opt.pick_best ? scores.upos_xpos > best : last) : last) {
      best = scores.upos_xpos;
      result.tagger = std::move(candidate);
      result.iteration = it;
    }
  }
  return result;
}

// First-pass tags of every training sentence from models that did not see
// it (k-fold jackknifing), so the second pass learns from realistic errors.
std::vector<std::vector<int>> jackknife_first_pass(const PassData& data, int iterations, const Tagger::Model& base,
                                                   const TaggerTrainOptions& opt) {
  constexpr std::size_t kFolds = 4;
  std::vector<std::vector<int>> tags(data.examples.size());
  for (std::size_t fold = 0; fold < kFolds; ++fold) {
    std::vector<std::size_t> rest;
    for (std::size_t i = 0; i < data.examples.size(); ++i)
      if (i % kFolds != fold) rest.push_back(i);
    PassResult r = train_one_pass(data, rest, iterations, opt.seed + 101 * (fold + 1), base, nullptr, opt,
                                  "fold " + std::to_string(fold + 1) + "/" + std::to_string(kFolds));
    const auto& model = r.tagger.model().tagger;
    for (std::size_t i = fold; i < data.examples.size(); i += kFolds)
      tags[i] = detail::greedy_tags(data.examples[i].words, data.dict, model, nullptr);
  }
  return tags;
}

// Seen-word lemma table, FEATS tables and the lemma-edit classifier.
void train_lemmas(const Document& train, const TagSet& tags, const TaggerTrainOptions& opt, Tagger::Model& m) {
  std::map<std::pair<std::string, int>, std::map<std::string, int>> edits_of;  // (form, tag) -> edit -> count
  std::map<int, std::map<std::string, int>> feats_of_tag;
  std::map<std::pair<std::string, int>, std::map<std::string, int>> feats_of_word;
  std::map<std::string, int> edit_ids{{to_string(LemmaEdit{}), 0}};
  for (const auto& s : train.sentences)
    for (const auto& t : s.tokens) {
      int tag = tags.of(t);
      std::string edit = to_string(lemma_edit(t.form, t.lemma));
      ++edits_of[{t.form, tag}][edit];
      edit_ids.emplace(edit, 0);
      std::string feats = t.feats == "_" ? "" : t.feats;
      ++feats_of_tag[tag][feats];
      ++feats_of_word[{detail::ascii_lower(t.form), tag}][feats];
    }
  int n = 0;
  for (auto& [e, id] : edit_ids) {
    id = n++;
    m.edits.push_back(e);
  }
  if (m.edits.size() > 60000) throw Error(ErrorKind::InvalidArgument, "too many lemma edit scripts in training data");

  // Seen words, and one training instance per word type for the classifier
  // (types, not tokens: unseen words behave like rare types, not frequent tokens).
  struct Type {
    std::string form;
    int tag, edit;
  };
  std::vector<Type> types;
  for (const auto& [key, edits] : edits_of) {
    int edit = edit_ids.at(most_frequent(edits));
    m.lemma_keys.push_back(detail::form_tag_key(key.first, key.second));
    m.lemma_edits.push_back(static_cast<std::uint16_t>(edit));
    types.push_back({key.first, key.second, edit});
  }
  detail::PerceptronTrainer classifier(static_cast<int>(m.edits.size()));
  std::mt19937_64 rng(opt.seed ^ 0x6c656d6d61ull);
  std::vector<std::uint64_t> features;
  std::vector<float> scores(m.edits.size());
  for (int it = 0; it < opt.lemma_iterations; ++it) {
    shuffle(types, rng);
    for (const auto& t : types) {
      detail::lemma_features(t.form, t.tag, features);
      std::fill(scores.begin(), scores.end(), 0.0f);
      classifier.score(features, scores);
      int guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
      classifier.tick();
      classifier.update(features, t.edit, guess);
    }
  }
  m.lemmatizer = classifier.average(opt.min_weight);

  std::map<std::string, int> feats_ids;
  auto feats_id = [&](const std::string& f) {
    auto [it, fresh] = feats_ids.emplace(f, static_cast<int>(m.feats.size()));
    if (fresh) m.feats.push_back(f);
    return static_cast<std::uint16_t>(it->second);
  };
  std::map<int, std::string> default_feats;
  for (const auto& [tag, counts] : feats_of_tag) {
    default_feats[tag] = most_frequent(counts);
    m.feats_keys.push_back(Tagger::feats_class_key(tag));
    m.feats_ids.push_back(feats_id(default_feats[tag]));
  }
  for (const auto& [key, counts] : feats_of_word) {
    std::string f = most_frequent(counts);
    if (f == default_feats[key.second]) continue;
    m.feats_keys.push_back(detail::form_tag_key(key.first, key.second));
    m.feats_ids.push_back(feats_id(f));
  }
}

}  // namespace

TaggerTrainResult train_tagger(const Document& train, const Document* dev, const TaggerTrainOptions& opt) {
  if (opt.iterations < 1) throw Error(ErrorKind::InvalidArgument, "--iterations must be at least 1");
  std::size_t words = 0;
  for (const auto& s : train.sentences) words += s.tokens.size();
  if (words == 0) throw Error(ErrorKind::InvalidArgument, "training data '" + train.id + "' has no words");

  TagSet tags = collect_tags(train);
  Tagger::Model base;
  base.upos = tags.upos;
  base.xpos = tags.xpos;
  build_dictionary(train, tags, opt, base);
  build_ambiguity(train, tags, base);
  if (opt.clusters) base.cluster_keys = opt.clusters->keys(), base.cluster_ids = opt.clusters->packed();
  const detail::WordClusters clusters(base.cluster_keys, base.cluster_ids);
  detail::AmbiguityLexicon lexicon;
  for (std::size_t i = 0; i < base.amb_keys.size(); ++i) lexicon.emplace(base.amb_keys[i], base.amb_values[i]);
  train_lemmas(train, tags, opt, base);
  std::unordered_map<std::uint64_t, std::uint16_t> dict;
  for (std::size_t i = 0; i < base.dict_keys.size(); ++i) dict.emplace(base.dict_keys[i], base.dict_tags[i]);

  std::vector<Example> examples(train.sentences.size());
  for (std::size_t i = 0; i < examples.size(); ++i) {
    detail::describe_words(train.sentences[i], lexicon, examples[i].words, &clusters);
    for (const auto& t : train.sentences[i].tokens) examples[i].gold.push_back(tags.of(t));
  }
  std::vector<std::size_t> all(examples.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;

  PassData first{examples, dict, nullptr};
  PassResult pass1 = train_one_pass(first, all, opt.iterations, opt.seed, base, dev, opt, "pass 1");
  TaggerTrainResult result;
  result.tagger = std::move(pass1.tagger);
  result.best_iteration = pass1.iteration;
  if (opt.second_pass) {
    auto first_tags = jackknife_first_pass(first, pass1.iteration, base, opt);
    PassData second{examples, dict, &first_tags};
    PassResult pass2 =
        train_one_pass(second, all, opt.iterations, opt.seed + 1, result.tagger.model(), dev, opt, "pass 2");
    result.tagger = std::move(pass2.tagger);
    result.best_iteration_second = pass2.iteration;
  }
  if (dev) {
    result.dev = evaluate_tagger(result.tagger, *dev, true);
    if (opt.progress)
      opt.progress("kept iterations " + std::to_string(result.best_iteration) + "/" +
                   std::to_string(result.best_iteration_second) +
                   fmt(": dev UPOS %.2f XPOS %.2f lemma %.2f", result.dev.upos, result.dev.xpos, result.dev.lemma) +
                   fmt(" (unseen %.2f) FEATS %.2f", result.dev.unseen_lemma, result.dev.feats));
  }
  return result;
}

TaggerScores evaluate_tagger(const Tagger& tagger, const Document& gold, bool lemmas) {
  std::vector<Sentence> work;
  work.reserve(gold.sentences.size());
  for (const auto& s : gold.sentences) {
    Sentence copy;
    for (const auto& t : s.tokens) {
      Token w;
      w.form = t.form;
      copy.tokens.push_back(std::move(w));
    }
    work.push_back(std::move(copy));
  }
  std::clock_t t0 = std::clock();  // CPU time: the machine may be busy with other work
  for (auto& s : work) lemmas ? tagger.tag(s) : tagger.tag_only(s);
  TaggerScores r;
  r.seconds = static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
  std::size_t upos = 0, xpos = 0, both = 0, lemma = 0, feats = 0, unseen_ok = 0;
  for (std::size_t i = 0; i < work.size(); ++i)
    for (std::size_t j = 0; j < work[i].tokens.size(); ++j) {
      const Token& g = gold.sentences[i].tokens[j];
      const Token& p = work[i].tokens[j];
      ++r.words;
      upos += g.upos == p.upos;
      xpos += g.xpos == p.xpos;
      both += g.upos == p.upos && g.xpos == p.xpos;
      if (!lemmas) continue;
      lemma += g.lemma == p.lemma;
      feats += (g.feats == "_" ? std::string() : g.feats) == p.feats;
      if (!tagger.seen_lemma(p.form, tagger.tag_class(p.upos, p.xpos))) {
        ++r.unseen_words;
        unseen_ok += g.lemma == p.lemma;
      }
    }
  auto pct = [](std::size_t a, std::size_t b) { return b ? 100.0 * a / b : 0.0; };
  r.upos = pct(upos, r.words);
  r.xpos = pct(xpos, r.words);
  r.upos_xpos = pct(both, r.words);
  r.lemma = pct(lemma, r.words);
  r.feats = pct(feats, r.words);
  r.unseen_lemma = pct(unseen_ok, r.unseen_words);
  return r;
}

}  // namespace relgraph
