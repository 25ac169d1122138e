// Relation classifier over entity pairs: features pooled over mention pairs,
// per-relation thresholds, model file I/O. Tests: tests/docred_test.cpp
#include "relations/classifier.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "core/strings.hpp"
#include "relgraph/error.hpp"

namespace relgraph {

namespace {

constexpr const char* kComponent = "relations";

// Feature templates; the numbers are part of the model format.
enum Template : std::uint64_t {
  kBias = 1,
  kTypes,
  kHeadRank,
  kTailRank,
  kTailName,
  kHeadName,
  kSentDist,
  kSameSentence,
  kMentionCounts,
  kPath = 10,
  kPathRels,
  kPathLemma,
  kBetweenLemma,
  kBetweenString,
  kConstruction,
  kOrder,
  kWordDist,
  kPrep,
  kHeadGov = 20,
  kTailGov,
  kShortestPath,
  kAdjacent,
  kFirstSentences,
  kTitleGov,
  kHeadWords,
  kCooccur,
  kIntervening = 29,  // entities of the tail's (head's) type between the two mentions
};

std::string lower(std::string_view s) { return relgraph::detail::ascii_lower(s); }

int bucket(int n) {
  if (n <= 3) return n;
  if (n <= 5) return 4;
  if (n <= 8) return 5;
  if (n <= 15) return 6;
  return 7;
}

// The span's syntactic head: the last word whose head lies outside the span.
int span_head(const Sentence& s, const Span& sp) {
  int head = sp.last - 1;
  for (int i = sp.first; i < sp.last; ++i) {
    int h = s.tokens[i].head - 1;
    if (h < sp.first || h >= sp.last) head = i;
  }
  return head;
}

const std::string& lemma_of(const Token& t) { return t.lemma.empty() ? t.form : t.lemma; }

std::string base_rel(const std::string& deprel) {
  auto colon = deprel.find(':');
  return colon == std::string::npos ? deprel : deprel.substr(0, colon);
}

// Lemma of a word's "case" child (the preposition of an nmod/obl), "" if none.
std::string case_of(const Sentence& s, int w) {
  for (std::size_t i = 0; i < s.tokens.size(); ++i)
    if (s.tokens[i].head == w + 1 && base_rel(s.tokens[i].deprel) == "case") return lower(lemma_of(s.tokens[i]));
  return "";
}

bool has_child(const Sentence& s, int w, std::string_view rel) {
  for (const auto& t : s.tokens)
    if (t.head == w + 1 && base_rel(t.deprel) == rel) return true;
  return false;
}

// Ancestors of w (w first), bounded against cycles.
std::vector<int> ancestors(const Sentence& s, int w) {
  std::vector<int> out;
  const int n = static_cast<int>(s.tokens.size());
  while (w >= 0 && w < n && static_cast<int>(out.size()) <= n) {
    out.push_back(w);
    w = s.tokens[w].head - 1;
  }
  return out;
}

struct Path {
  std::string full, rels;
  std::vector<std::string> lemmas;  // words strictly between the two ends
  int length = -1;                  // -1 = no path (not connected or too long)
};

Path dep_path(const Sentence& s, int a, int b) {
  Path p;
  auto up_a = ancestors(s, a), up_b = ancestors(s, b);
  int ia = -1, ib = -1;
  for (std::size_t i = 0; i < up_a.size() && ia < 0; ++i)
    for (std::size_t j = 0; j < up_b.size(); ++j)
      if (up_a[i] == up_b[j]) {
        ia = static_cast<int>(i);
        ib = static_cast<int>(j);
        break;
      }
  if (ia < 0 || ia + ib > 6) return p;
  p.length = ia + ib;
  for (int i = 0; i < ia; ++i) {
    const auto& rel = s.tokens[up_a[i]].deprel;
    p.rels += rel + "<";
    p.full += rel + "<";
    if (up_a[i + 1] != b) {  // the next word is on the path, not its end
      auto lem = lower(lemma_of(s.tokens[up_a[i + 1]]));
      p.full += lem;
      p.lemmas.push_back(lem);
    }
  }
  for (int j = ib - 1; j >= 0; --j) {
    const auto& rel = s.tokens[up_b[j]].deprel;
    p.rels += ">" + rel;
    p.full += ">" + rel;
    if (j > 0) {
      auto lem = lower(lemma_of(s.tokens[up_b[j]]));
      p.full += lem;
      p.lemmas.push_back(lem);
    }
  }
  return p;
}

void add(std::vector<std::uint64_t>& out, Template t, std::uint64_t tp, std::string_view value) {
  out.push_back(detail::feature(t, tp, detail::hash_str(value)));
}

// Features of one mention pair inside one sentence.
void sentence_pair(const Sentence& s, const Span& mh, int hh, const Span& mt, int ht, std::uint64_t tp,
                   std::vector<std::uint64_t>& out) {
  const bool forward = mh.first < mt.first;
  const std::string dir = forward ? ">" : "<";
  add(out, kOrder, tp, dir);
  const int gap = forward ? mt.first - mh.last : mh.first - mt.last;
  add(out, kWordDist, tp, dir + std::to_string(bucket(std::max(gap, 0))));
  if (gap <= 0) return;  // overlapping or adjacent mentions
  const int from = forward ? mh.last : mt.last, to = forward ? mt.first : mh.first;
  if (gap <= 25) {
    std::string between;
    for (int i = from; i < to; ++i) {
      const auto& u = s.tokens[i].upos;
      if (gap > 12 && u != "VERB" && u != "NOUN" && u != "ADP") continue;  // far apart: content words only
      auto lem = lower(lemma_of(s.tokens[i]));
      add(out, kBetweenLemma, tp, dir + lem);
      if (gap <= 4) between += lem + " ";
    }
    if (gap <= 4) add(out, kBetweenString, tp, dir + between);
  }
  Path p = dep_path(s, hh, ht);
  if (p.length < 0) return;
  add(out, kPath, tp, p.full);
  add(out, kPathRels, tp, p.rels);
  for (const auto& lem : p.lemmas) add(out, kPathLemma, tp, lem);
  add(out, kShortestPath, tp, std::to_string(p.length));
  // Constructions.
  const auto& rh = s.tokens[hh].deprel;
  const auto& rt = s.tokens[ht].deprel;
  if (p.length == 1) {
    const auto& rel = s.tokens[hh].head == ht + 1 ? rh : rt;
    const std::string who = s.tokens[hh].head == ht + 1 ? "h" : "t";
    add(out, kConstruction, tp, who + base_rel(rel));
    if (rel == "nmod:poss") add(out, kConstruction, tp, who + "possessive");
    if (rel == "appos") add(out, kConstruction, tp, "apposition");
    if (base_rel(rel) == "compound" || rel == "flat") add(out, kConstruction, tp, "compound");
  }
  if (p.length == 2 && s.tokens[hh].head == s.tokens[ht].head && s.tokens[hh].head > 0) {
    int mid = s.tokens[hh].head - 1;
    if (has_child(s, mid, "cop")) add(out, kConstruction, tp, "copula " + base_rel(rh) + " " + base_rel(rt));
  }
  auto ph = case_of(s, hh), pt = case_of(s, ht);
  if (!pt.empty()) add(out, kPrep, tp, "t:" + pt + " " + p.rels);
  if (!ph.empty()) add(out, kPrep, tp, "h:" + ph + " " + p.rels);
}

// How many other entities of the tail's type, and of the head's, have a
// mention between the two ("in Ulm , Bavaria , Germany": the nearest
// place is the likelier container).
void intervening(const detail::PairContext& ctx, int h, int t, const Span& mh, const Span& mt, std::uint64_t tp,
                 std::vector<std::uint64_t>& out) {
  const int from = std::min(mh.last, mt.last), to = std::max(mh.first, mt.first);
  int same_tail = 0, same_head = 0;
  for (const auto& [first, e] : ctx.by_sentence[mh.sentence]) {
    if (first < from || first >= to || e == h || e == t) continue;
    if (ctx.entities[e].type == ctx.entities[t].type) ++same_tail;
    if (ctx.entities[e].type == ctx.entities[h].type) ++same_head;
  }
  const std::string dir = mh.first < mt.first ? ">" : "<";
  add(out, kIntervening, tp, dir + "t" + std::to_string(std::min(same_tail, 3)));
  add(out, kIntervening, tp, dir + "h" + std::to_string(std::min(same_head, 3)));
}

std::string gov_of(const Sentence& s, int w) {
  const auto& t = s.tokens[w];
  std::string g = t.head > 0 ? lower(lemma_of(s.tokens[t.head - 1])) : "ROOT";
  std::string c = case_of(s, w);
  return base_rel(t.deprel) + (c.empty() ? "" : ":" + c) + " " + g;
}

// hash_str() in two steps, so that the hash of "a b" continues from that of "a ".
constexpr std::uint64_t kFnvBasis = 1469598103934665603ull;
std::uint64_t fnv(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}
std::uint64_t fnv_end(std::uint64_t h) { return h ? h : 1; }

// hash_str(std::to_string(n)) for the small numbers the features print.
std::uint64_t number_hash(int n) {
  static const auto table = [] {
    std::array<std::uint64_t, 8> t{};
    for (int i = 0; i < 8; ++i) t[i] = detail::hash_str(std::to_string(i));
    return t;
  }();
  return n >= 0 && n < 8 ? table[n] : detail::hash_str(std::to_string(n));
}

std::vector<std::uint64_t> distinct(std::vector<std::uint64_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

detail::EntityKeys entity_keys(const detail::PairContext& ctx, int e) {
  using detail::hash_str;
  const auto& entity = ctx.entities[e];
  detail::EntityKeys k;
  k.type = hash_str(entity.type);
  k.type_bar = fnv(fnv(kFnvBasis, entity.type), "|");
  const auto& name = ctx.names[e];
  k.name = hash_str(name);
  k.name_as_tail[0] = hash_str(name + " <title");
  k.name_as_tail[1] = hash_str(name + " <other");
  k.name_as_head[0] = hash_str(name + " >title");
  k.name_as_head[1] = hash_str(name + " >other");
  const auto& word = ctx.head_words[e];
  k.head_word_h = hash_str("h " + word);
  k.head_word_t = hash_str("t " + word);
  k.head_word_space = fnv(fnv(kFnvBasis, word), " ");
  for (std::size_t i = 0; i < entity.mentions.size(); ++i) {
    const auto& m = entity.mentions[i];
    auto gov = gov_of(ctx.doc->sentences[m.sentence], ctx.heads[e][i]);
    k.govs.push_back(hash_str(gov));
    k.govs_t.push_back(hash_str("t " + gov));
    k.govs_h.push_back(hash_str("h " + gov));
    k.sentences.push_back(m.sentence);
  }
  k.govs = distinct(std::move(k.govs));
  k.govs_t = distinct(std::move(k.govs_t));
  k.govs_h = distinct(std::move(k.govs_h));
  std::sort(k.sentences.begin(), k.sentences.end());
  k.sentences.erase(std::unique(k.sentences.begin(), k.sentences.end()), k.sentences.end());
  return k;
}

// The smallest sentence distance between two ascending lists, and how many sentences they share.
std::pair<int, int> sentence_distance(const std::vector<int>& a, const std::vector<int>& b) {
  int min_dist = 1 << 30, shared = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    min_dist = std::min(min_dist, std::abs(a[i] - b[j]));
    if (a[i] == b[j])
      ++shared, ++i, ++j;
    else if (a[i] < b[j])
      ++i;
    else
      ++j;
  }
  return {min_dist, shared};
}

}  // namespace

namespace detail {

PairContext make_pair_context(const Document& doc, std::span<const PairEntity> entities) {
  PairContext ctx;
  ctx.doc = &doc;
  ctx.entities = entities;
  const int n = static_cast<int>(entities.size());
  ctx.heads.resize(n);
  ctx.names.resize(n);
  ctx.head_words.resize(n);
  ctx.first_sentence.assign(n, 1 << 30);
  ctx.by_sentence.resize(doc.sentences.size());
  std::vector<std::pair<std::tuple<int, int>, int>> first(n);
  for (int e = 0; e < n; ++e) {
    std::tuple<int, int> earliest{1 << 30, 0};
    std::size_t longest = 0;
    for (const auto& m : entities[e].mentions) {
      if (m.sentence < 0 || m.sentence >= static_cast<int>(doc.sentences.size()))
        throw Error(ErrorKind::InvalidArgument, "relation classifier: mention in sentence " +
                                                    std::to_string(m.sentence) + " of a document with " +
                                                    std::to_string(doc.sentences.size()));
      const auto& s = doc.sentences[m.sentence];
      if (m.first < 0 || m.last > static_cast<int>(s.tokens.size()) || m.last <= m.first)
        throw Error(ErrorKind::InvalidArgument, "relation classifier: mention words [" + std::to_string(m.first) +
                                                    ", " + std::to_string(m.last) + ") outside sentence " +
                                                    std::to_string(m.sentence));
      ctx.heads[e].push_back(span_head(s, m));
      ctx.by_sentence[m.sentence].push_back({m.first, e});
      if (m.sentence < ctx.first_sentence[e]) ctx.first_sentence[e] = m.sentence;
      earliest = std::min(earliest, std::tuple<int, int>{m.sentence, m.first});
      if (static_cast<std::size_t>(m.last - m.first) > longest || ctx.names[e].empty()) {
        longest = m.last - m.first;
        std::string name;
        for (int i = m.first; i < m.last; ++i) {
          if (i > m.first) name += ' ';
          name += lower(s.tokens[i].form);
        }
        ctx.names[e] = name;
        ctx.head_words[e] = lower(lemma_of(s.tokens[ctx.heads[e].back()]));
      }
    }
    first[e] = {earliest, e};
  }
  ctx.in_order.resize(n);
  for (int e = 0; e < n; ++e) {
    const auto& ms = entities[e].mentions;
    auto& order = ctx.in_order[e];
    for (int i = 0; i < static_cast<int>(ms.size()); ++i) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return ms[a].sentence < ms[b].sentence; });
  }
  std::sort(first.begin(), first.end());
  ctx.rank.assign(n, 0);
  for (int i = 0; i < n; ++i) ctx.rank[first[i].second] = i;
  ctx.keys.reserve(n);
  for (int e = 0; e < n; ++e) ctx.keys.push_back(entity_keys(ctx, e));
  return ctx;
}

}  // namespace detail

namespace {

std::uint64_t type_pair(const detail::PairContext& ctx, int h, int t) {
  return fnv_end(fnv(ctx.keys[h].type_bar, ctx.entities[t].type));
}

// The features of a pair fall into three parts: the head's, which read only the
// head entity and the tail's type; the tail's, likewise; and the pair's own
// (pair_side() and the pair of head words).
// The first two repeat across pairs, so classify() looks them up once.
void head_side(const detail::PairContext& ctx, int h, std::uint64_t tp, std::uint64_t tail_type, bool tail_title,
               std::vector<std::uint64_t>& out) {
  using detail::feature;
  const auto& k = ctx.keys[h];
  out.push_back(feature(kHeadName, tp, k.name_as_head[tail_title ? 0 : 1]));
  out.push_back(feature(kHeadName, tail_type, k.name));
  out.push_back(feature(kHeadWords, tp, k.head_word_h));
  for (auto g : k.govs) out.push_back(feature(kHeadGov, tp, g));
  if (tail_title)
    for (auto g : k.govs_h) out.push_back(feature(kTitleGov, tp, g));
}

void tail_side(const detail::PairContext& ctx, int t, std::uint64_t tp, std::uint64_t head_type, bool head_title,
               std::vector<std::uint64_t>& out) {
  using detail::feature;
  const auto& k = ctx.keys[t];
  out.push_back(feature(kTailName, head_type, k.name));
  out.push_back(feature(kTailName, tp, k.name_as_tail[head_title ? 0 : 1]));
  out.push_back(feature(kHeadWords, tp, k.head_word_t));
  for (auto g : k.govs) out.push_back(feature(kTailGov, tp, g));
  if (head_title)
    for (auto g : k.govs_t) out.push_back(feature(kTitleGov, tp, g));
}

std::uint64_t head_words_feature(const detail::PairContext& ctx, int h, int t, std::uint64_t tp) {
  return detail::feature(kHeadWords, tp, fnv_end(fnv(ctx.keys[h].head_word_space, ctx.head_words[t])));
}

void pair_side(const detail::PairContext& ctx, int h, int t, std::uint64_t tp, std::vector<std::uint64_t>& out) {
  using detail::feature;
  const auto& eh = ctx.entities[h];
  const auto& et = ctx.entities[t];
  const auto& kh = ctx.keys[h];
  const auto& kt = ctx.keys[t];
  out.push_back(feature(kBias, 0));
  out.push_back(feature(kTypes, tp));
  out.push_back(feature(kHeadRank, tp, number_hash(std::min(ctx.rank[h], 4))));
  out.push_back(feature(kTailRank, tp, number_hash(std::min(ctx.rank[t], 4))));
  auto first = [&](int e) { return std::to_string(bucket(ctx.first_sentence[e])); };
  add(out, kFirstSentences, tp, first(h) + " " + first(t));
  auto count = [](const PairEntity& e) { return std::to_string(std::min<int>(e.mentions.size(), 3)); };
  add(out, kMentionCounts, tp, count(eh) + "," + count(et));
  const auto [min_dist, shared] = sentence_distance(kh.sentences, kt.sentences);
  if (shared > 0) {  // evidence inside each shared sentence, for each pair of mentions there
    // The features are pooled as a set, so the pairs are visited sentence by
    // sentence (a merge of the two entities' mentions), not all against all.
    const auto& doc = *ctx.doc;
    const auto &oh = ctx.in_order[h], &ot = ctx.in_order[t];
    std::size_t a = 0, b = 0;
    while (a < oh.size() && b < ot.size()) {
      int sa = eh.mentions[oh[a]].sentence, sb = et.mentions[ot[b]].sentence;
      if (sa != sb) {
        (sa < sb ? a : b)++;
        continue;
      }
      std::size_t a_end = a, b_end = b;
      while (a_end < oh.size() && eh.mentions[oh[a_end]].sentence == sa) ++a_end;
      while (b_end < ot.size() && et.mentions[ot[b_end]].sentence == sa) ++b_end;
      for (std::size_t x = a; x < a_end; ++x)
        for (std::size_t y = b; y < b_end; ++y) {
          const auto& mh = eh.mentions[oh[x]];
          const auto& mt = et.mentions[ot[y]];
          sentence_pair(doc.sentences[sa], mh, ctx.heads[h][oh[x]], mt, ctx.heads[t][ot[y]], tp, out);
          intervening(ctx, h, t, mh, mt, tp, out);
        }
      a = a_end, b = b_end;
    }
  }
  out.push_back(feature(kCooccur, tp, number_hash(bucket(shared))));
  out.push_back(feature(kSentDist, tp, number_hash(bucket(min_dist))));
  out.push_back(feature(kSameSentence, tp, number_hash(min_dist == 0 ? 1 : 0)));
}

}  // namespace

namespace detail {

void pair_features(const PairContext& ctx, int h, int t, std::vector<std::uint64_t>& out) {
  out.clear();
  const std::uint64_t tp = type_pair(ctx, h, t);
  head_side(ctx, h, tp, ctx.keys[t].type, ctx.rank[t] == 0, out);
  tail_side(ctx, t, tp, ctx.keys[h].type, ctx.rank[h] == 0, out);
  pair_side(ctx, h, t, tp, out);
  out.push_back(head_words_feature(ctx, h, t, tp));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

}  // namespace detail

RelationClassifier::RelationClassifier(std::vector<std::string> labels, std::vector<std::string> types,
                                       std::vector<std::uint8_t> allowed, std::vector<float> thresholds,
                                       detail::Perceptron model)
    : labels_(std::move(labels)),
      types_(std::move(types)),
      allowed_(std::move(allowed)),
      thresholds_(std::move(thresholds)),
      model_(std::move(model)) {
  if (allowed_.size() != types_.size() * types_.size() * labels_.size() || thresholds_.size() != labels_.size())
    throw Error(ErrorKind::Internal, "relation classifier: table sizes do not match the label and type sets");
}

int RelationClassifier::type_index(const std::string& type) const {
  for (std::size_t i = 0; i < types_.size(); ++i)
    if (types_[i] == type) return static_cast<int>(i);
  return -1;
}

bool RelationClassifier::any_allowed(int th, int tt) const {
  for (std::size_t l = 0; l < labels_.size(); ++l)
    if (allowed(th, tt, static_cast<int>(l))) return true;
  return false;
}

namespace {

// A feature and the range of its weights, sorted by feature.
struct Found {
  std::uint64_t key;
  detail::Perceptron::Range range;
  bool operator<(const Found& o) const { return key < o.key; }
};

// The lookups of one document's pairs. An entity's side of its pairs depends
// only on the partner's type (unless the partner is the first entity, whose
// title features are added), so each is looked up once; the pair's own
// features but one come from a few thousand distinct keys, which a
// direct-mapped cache keeps.
class PairLookups {
 public:
  PairLookups(const detail::Perceptron& model, const detail::PairContext& ctx, int types)
      : model_(model), ctx_(ctx), types_(types), sides_(2 * ctx.entities.size() * types), cache_(kCache) {}

  // The one pair feature that is new at each pair, so rarely in a cache: its
  // slot is loaded a few pairs ahead.
  void prefetch(int h, int t) const { model_.prefetch(head_words_feature(ctx_, h, t, type_pair(ctx_, h, t))); }

  // Appends the features of the pair (h, t) of type indexes (th, tt).
  void features(int h, int t, int th, int tt, std::vector<Found>& out) {
    const std::uint64_t tp = type_pair(ctx_, h, t);
    const bool h_title = ctx_.rank[h] == 0, t_title = ctx_.rank[t] == 0;
    if (t_title || h_title) {
      keys_.clear();
      head_side(ctx_, h, tp, ctx_.keys[t].type, t_title, keys_);
      tail_side(ctx_, t, tp, ctx_.keys[h].type, h_title, keys_);
      for (auto k : keys_) out.push_back({k, find(k)});
    } else {
      auto& head = sides_[(2 * h) * types_ + tt];
      if (head.empty()) {
        keys_.clear();
        head_side(ctx_, h, tp, ctx_.keys[t].type, false, keys_);
        for (auto k : keys_) head.push_back({k, model_.find(k)});
      }
      auto& tail = sides_[(2 * t + 1) * types_ + th];
      if (tail.empty()) {
        keys_.clear();
        tail_side(ctx_, t, tp, ctx_.keys[h].type, false, keys_);
        for (auto k : keys_) tail.push_back({k, model_.find(k)});
      }
      out.insert(out.end(), head.begin(), head.end());
      out.insert(out.end(), tail.begin(), tail.end());
    }
    keys_.clear();
    pair_side(ctx_, h, t, tp, keys_);
    for (auto k : keys_) out.push_back({k, find(k)});
    const auto words = head_words_feature(ctx_, h, t, tp);
    out.push_back({words, model_.find(words)});
  }

 private:
  static constexpr std::size_t kCache = 16384;
  detail::Perceptron::Range find(std::uint64_t key) {
    Found& f = cache_[key & (kCache - 1)];
    if (f.key != key) f = {key, model_.find(key)};
    return f.range;
  }
  const detail::Perceptron& model_;
  const detail::PairContext& ctx_;
  const int types_;
  std::vector<std::vector<Found>> sides_;  // per entity: as head, as tail; per partner type
  std::vector<Found> cache_;               // key 0 = empty (features are never 0)
  std::vector<std::uint64_t> keys_;
};

}  // namespace

std::vector<TypedRelation> RelationClassifier::classify(const Document& doc,
                                                        std::span<const PairEntity> entities) const {
  std::vector<TypedRelation> out;
  auto ctx = detail::make_pair_context(doc, entities);
  std::vector<int> type(entities.size());
  for (std::size_t e = 0; e < entities.size(); ++e) type[e] = type_index(entities[e].type);
  const int nt = static_cast<int>(types_.size());
  std::vector<std::vector<int>> allowed_labels(nt * nt);
  for (int th = 0; th < nt; ++th)
    for (int tt = 0; tt < nt; ++tt)
      for (int l = 0; l < static_cast<int>(labels_.size()); ++l)
        if (allowed(th, tt, l)) allowed_labels[th * nt + tt].push_back(l);
  PairLookups lookups(model_, ctx, nt);
  constexpr int kAhead = 8;
  std::vector<Found> feats;
  std::vector<float> scores(labels_.size());
  const int n = static_cast<int>(entities.size());
  for (int h = 0; h < n; ++h) {
    if (type[h] < 0) continue;
    for (int t = 0; t < n; ++t) {
      if (t + kAhead < n) lookups.prefetch(h, t + kAhead);
      if (t == h || type[t] < 0) continue;
      const auto& labels = allowed_labels[type[h] * nt + type[t]];
      if (labels.empty()) continue;
      feats.clear();
      lookups.features(h, t, type[h], type[t], feats);
      // As pair_features() and Perceptron::score(): distinct features in order.
      std::sort(feats.begin(), feats.end());
      std::fill(scores.begin(), scores.end(), 0.0f);
      for (std::size_t i = 0; i < feats.size(); ++i)
        if (i == 0 || feats[i].key != feats[i - 1].key) model_.add(feats[i].range, scores.data());
      for (int l : labels) {
        float margin = scores[l] - thresholds_[l];
        if (margin > 0) out.push_back({h, t, labels_[l], static_cast<float>(1.0 / (1.0 + std::exp(-margin)))});
      }
    }
  }
  return out;
}

std::string RelationClassifier::bytes() const {
  detail::ModelWriter w(kComponent, kVersion);
  w.strings(labels_);
  w.strings(types_);
  w.vec(allowed_);
  w.vec(thresholds_);
  model_.save(w);
  return w.bytes();
}

void RelationClassifier::save(const std::string& path) const {
  detail::ModelWriter w(kComponent, kVersion);
  w.strings(labels_);
  w.strings(types_);
  w.vec(allowed_);
  w.vec(thresholds_);
  model_.save(w);
  w.save(path);
}

namespace {
RelationClassifier read(detail::ModelReader& in) {
  auto labels = in.strings();
  auto types = in.strings();
  auto allowed = in.vec<std::uint8_t>();
  auto thresholds = in.vec<float>();
  auto model = detail::Perceptron::load(in);
  in.finish();
  if (allowed.size() != types.size() * types.size() * labels.size() || thresholds.size() != labels.size() ||
      model.num_classes() != static_cast<int>(labels.size()))
    in.fail("relation table sizes do not match the label and type sets");
  return RelationClassifier(std::move(labels), std::move(types), std::move(allowed), std::move(thresholds),
                            std::move(model));
}
}  // namespace

RelationClassifier RelationClassifier::load(const std::string& path) {
  detail::ModelReader in(path, kComponent, kVersion);
  return read(in);
}

RelationClassifier RelationClassifier::from_bytes(std::string bytes, const std::string& name) {
  auto in = detail::ModelReader::from_bytes(std::move(bytes), name, kComponent, kVersion);
  return read(in);
}

}  // namespace relgraph
