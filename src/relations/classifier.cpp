// Relation classifier over entity pairs: features pooled over mention pairs,
// per-relation thresholds, model file I/O. Tests: tests/docred_test.cpp
#include "relations/classifier.hpp"

#include <algorithm>
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
  std::sort(first.begin(), first.end());
  ctx.rank.assign(n, 0);
  for (int i = 0; i < n; ++i) ctx.rank[first[i].second] = i;
  return ctx;
}

void pair_features(const PairContext& ctx, int h, int t, std::vector<std::uint64_t>& out) {
  out.clear();
  const auto& eh = ctx.entities[h];
  const auto& et = ctx.entities[t];
  const std::uint64_t tp = hash_str(eh.type + "|" + et.type);
  out.push_back(feature(kBias, 0));
  out.push_back(feature(kTypes, tp));
  add(out, kHeadRank, tp, std::to_string(std::min(ctx.rank[h], 4)));
  add(out, kTailRank, tp, std::to_string(std::min(ctx.rank[t], 4)));
  add(out, kTailName, hash_str(eh.type), ctx.names[t]);
  add(out, kTailName, tp, ctx.names[t] + (ctx.rank[h] == 0 ? " <title" : " <other"));
  add(out, kHeadName, tp, ctx.names[h] + (ctx.rank[t] == 0 ? " >title" : " >other"));
  add(out, kHeadName, hash_str(et.type), ctx.names[h]);
  add(out, kHeadWords, tp, "h " + ctx.head_words[h]);
  add(out, kHeadWords, tp, "t " + ctx.head_words[t]);
  add(out, kHeadWords, tp, ctx.head_words[h] + " " + ctx.head_words[t]);
  add(out, kFirstSentences, tp,
      std::to_string(bucket(ctx.first_sentence[h])) + " " + std::to_string(bucket(ctx.first_sentence[t])));
  add(out, kMentionCounts, tp,
      std::to_string(std::min<int>(eh.mentions.size(), 3)) + "," +
          std::to_string(std::min<int>(et.mentions.size(), 3)));
  const auto& doc = *ctx.doc;
  int min_dist = 1 << 30;
  for (std::size_t i = 0; i < eh.mentions.size(); ++i) {
    const auto& mh = eh.mentions[i];
    const auto& sh = doc.sentences[mh.sentence];
    add(out, kHeadGov, tp, gov_of(sh, ctx.heads[h][i]));
    for (std::size_t j = 0; j < et.mentions.size(); ++j) {
      const auto& mt = et.mentions[j];
      int dist = std::abs(mh.sentence - mt.sentence);
      min_dist = std::min(min_dist, dist);
      if (dist != 0) continue;
      sentence_pair(sh, mh, ctx.heads[h][i], mt, ctx.heads[t][j], tp, out);
      intervening(ctx, h, t, mh, mt, tp, out);
    }
  }
  for (std::size_t j = 0; j < et.mentions.size(); ++j) {
    auto gov = gov_of(doc.sentences[et.mentions[j].sentence], ctx.heads[t][j]);
    if (ctx.rank[h] == 0) add(out, kTitleGov, tp, "t " + gov);
    add(out, kTailGov, tp, gov);
  }
  if (ctx.rank[t] == 0)
    for (std::size_t i = 0; i < eh.mentions.size(); ++i)
      add(out, kTitleGov, tp, "h " + gov_of(doc.sentences[eh.mentions[i].sentence], ctx.heads[h][i]));
  std::vector<int> shared;
  for (const auto& mh : eh.mentions)
    for (const auto& mt : et.mentions)
      if (mh.sentence == mt.sentence) shared.push_back(mh.sentence);
  std::sort(shared.begin(), shared.end());
  add(out, kCooccur, tp,
      std::to_string(bucket(static_cast<int>(std::unique(shared.begin(), shared.end()) - shared.begin()))));
  add(out, kSentDist, tp, std::to_string(bucket(min_dist)));
  add(out, kSameSentence, tp, min_dist == 0 ? "1" : "0");
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

std::vector<TypedRelation> RelationClassifier::classify(const Document& doc,
                                                        std::span<const PairEntity> entities) const {
  std::vector<TypedRelation> out;
  auto ctx = detail::make_pair_context(doc, entities);
  std::vector<int> type(entities.size());
  for (std::size_t e = 0; e < entities.size(); ++e) type[e] = type_index(entities[e].type);
  std::vector<std::uint64_t> feats;
  std::vector<float> scores(labels_.size());
  const int n = static_cast<int>(entities.size());
  for (int h = 0; h < n; ++h) {
    if (type[h] < 0) continue;
    for (int t = 0; t < n; ++t) {
      if (t == h || type[t] < 0 || !any_allowed(type[h], type[t])) continue;
      detail::pair_features(ctx, h, t, feats);
      std::fill(scores.begin(), scores.end(), 0.0f);
      model_.score(feats, scores);
      for (std::size_t l = 0; l < labels_.size(); ++l) {
        if (!allowed(type[h], type[t], static_cast<int>(l))) continue;
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
