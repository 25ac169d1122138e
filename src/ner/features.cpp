// Recognizer features (see features.hpp). Tests: tests/ner_test.cpp
#include "ner/features.hpp"

#include <algorithm>

#include "core/perceptron.hpp"
#include "ner/gazetteer.hpp"

namespace relgraph::ner {

using detail::feature;
using detail::hash_str;

GazetteerFeatures::GazetteerFeatures(const std::vector<std::uint64_t>& keys, const std::vector<std::uint16_t>& bits) {
  struct Own {
    std::vector<std::uint64_t> keys;  // 0 = empty slot
    std::vector<std::uint16_t> bits;
  };
  auto own = std::make_shared<Own>();
  std::size_t cap = 16;
  while (cap < keys.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  own->keys.assign(cap, 0);
  own->bits.assign(cap, 0);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::uint64_t k = keys[i] ? keys[i] : 1;
    std::uint64_t s = k & mask_;
    while (own->keys[s] != 0 && own->keys[s] != k) s = (s + 1) & mask_;
    if (own->keys[s] == 0) ++size_;
    own->keys[s] = k;
    own->bits[s] |= bits[i];
  }
  keys_ = own->keys;
  bits_ = own->bits;
  storage_ = std::move(own);
}

std::uint16_t GazetteerFeatures::find(std::uint64_t key) const {
  if (keys_.empty()) return 0;
  std::uint64_t k = key ? key : 1;
  std::uint64_t s = k & mask_;
  for (std::uint64_t left = mask_;; --left, s = (s + 1) & mask_) {
    if (keys_[s] == k) return bits_[s];
    if (keys_[s] == 0 || left == 0) return 0;
  }
}

void GazetteerFeatures::save(detail::ModelWriter& out) const {
  out.pod<std::uint64_t>(size_);
  out.aligned_vec(keys_);
  out.aligned_vec(bits_);
}

GazetteerFeatures GazetteerFeatures::load(detail::ModelReader& in) {
  GazetteerFeatures g;
  g.size_ = in.pod<std::uint64_t>();
  g.keys_ = in.aligned_view<std::uint64_t>();
  g.bits_ = in.aligned_view<std::uint16_t>();
  const std::size_t n = g.keys_.size();
  if (g.bits_.size() != n || (n & (n - 1)) != 0 || g.size_ > n) in.fail("corrupt gazetteer feature table");
  g.mask_ = n ? n - 1 : 0;
  g.storage_ = in.storage();
  return g;
}

std::string_view strip_possessive(std::string_view w) {
  for (std::string_view suffix : {"\xE2\x80\x99s", "\xE2\x80\x99", "'s"}) {
    if (w.size() > suffix.size() + 1 && w.ends_with(suffix)) return w.substr(0, w.size() - suffix.size());
  }
  return w;
}

std::string word_shape(std::string_view word) {
  std::string shape;
  char last = 0;
  int run = 0;
  for (unsigned char c : word) {
    char k = (c >= 'A' && c <= 'Z')   ? 'X'
             : (c >= 'a' && c <= 'z') ? 'x'
             : (c >= '0' && c <= '9') ? 'd'
             : c >= 0x80              ? 'x'
                                      : static_cast<char>(c);
    if (c >= 0x80 && (c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 2) shape += k;
  }
  return shape;
}

namespace {

enum Flag : std::uint8_t { kCap = 1, kAllCaps = 2, kDigit = 4, kHyphen = 8, kFirst = 16, kPeriod = 32 };

std::uint8_t flags_of(std::string_view w, bool first) {
  std::uint8_t f = first ? kFirst : 0;
  bool upper = false, lower = false;
  for (unsigned char c : w) {
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
    if (c >= '0' && c <= '9') f |= kDigit;
    if (c == '-') f |= kHyphen;
    if (c == '.') f |= kPeriod;
  }
  if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') f |= kCap;
  if (upper && !lower) f |= kAllCaps;
  return f;
}

std::string lower_ascii(std::string_view w) {
  std::string s(w);
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c += 32;
  return s;
}

// Templates: one number per feature kind (changing them changes the model).
// clang-format off
enum Tmpl : std::uint64_t {
  kBias, kForm, kLower, kShape, kPrefix, kSuffix = kPrefix + 3, kFlags = kSuffix + 4, kPos = kFlags + 1,
  kPosPrev, kPosNext, kPosBigram, kLowerPrev, kLowerPrev2, kLowerNext, kLowerNext2, kShapePrev, kShapeNext,
  kShapeTri, kFlagsPrev, kFlagsNext, kGaz, kGazPrev, kGazNext, kGazWord, kLabel, kLabelShape,
  kLabelGaz, kDict, kDictContext, kNames, kNamesCap, kNamesContext, kLabelNames, kCasing,
  kCasingShape, kClusterCoarse, kClusterMiddle, kClusterFine, kClusterPrev, kClusterNext, kClusterFlags,
  kClusterPrevFine, kClusterNextFine, kLabelCluster, kClusterCasing, kClusterPrev2, kClusterNext2,
  kCtxLabel, kCtxLabels, kCtxMajority, kCtxType,
};
// clang-format on

// Web text is often written all in lower case, all in capitals or in title
// case, where capital letters say little about names: the class lets the
// model weigh the shape features differently.
std::uint8_t sentence_casing(const Sentence& sentence, const std::vector<TokenInfo>& info) {
  int words = 0, capitalised = 0, all_caps = 0;
  for (std::size_t i = 0; i < info.size(); ++i) {
    const auto& form = sentence.tokens[i].form;
    bool letter =
        std::any_of(form.begin(), form.end(), [](unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; });
    if (!letter || (info[i].flags & kDigit)) continue;
    ++words;
    capitalised += (info[i].flags & kCap) != 0 && !(info[i].flags & kFirst);
    all_caps += (info[i].flags & kAllCaps) != 0;
  }
  if (words < 3) return 0;
  if (capitalised == 0) return 1;
  if (all_caps * 10 >= words * 6) return 2;
  if (capitalised * 10 >= (words - 1) * 7) return 3;
  return 0;
}

}  // namespace

void FeatureExtractor::prepare(const Sentence& sentence, std::vector<TokenInfo>& info) const {
  const auto& toks = sentence.tokens;
  const int n = static_cast<int>(toks.size());
  info.assign(n, TokenInfo{});
  for (int i = 0; i < n; ++i) {
    std::string_view w = strip_possessive(toks[i].form);
    auto& t = info[i];
    std::string low = lower_ascii(w);
    t.form = hash_str(w);
    t.lower = hash_str(low);
    t.shape = hash_str(word_shape(w));
    t.pos = use_pos_ ? hash_str(toks[i].upos) : 0;
    for (int k = 0; k < 3; ++k)
      t.prefix[k] = low.size() > std::size_t(k + 1) ? hash_str(std::string_view(low).substr(0, k + 1)) : 0;
    for (int k = 0; k < 4; ++k)
      t.suffix[k] = low.size() > std::size_t(k + 1) ? hash_str(std::string_view(low).substr(low.size() - k - 1)) : 0;
    t.flags = flags_of(w, i == 0);
    if (clusters_) t.cluster = clusters_->find(w);
  }
  const std::uint8_t casing = sentence_casing(sentence, info);
  for (auto& t : info) t.casing = casing;
  if (!gaz_ || gaz_->empty()) return;
  // Word-list class of each token, then the longest gazetteer phrase starting
  // at each token; a phrase marks the tokens it covers unless a longer one did.
  constexpr std::uint16_t kWordBits = kGazProper | kGazCommon;
  auto lookup = [&](const PhraseKey& key) {
    std::uint16_t b = 0;
    if (std::uint16_t e = gaz_->find(key.exact); e & kGazExact) b |= e;
    if (std::uint16_t l = gaz_->find(key.lower); l && !(l & kGazExact)) b |= l;
    return b;
  };
  // Longest phrase starting at each token, separately for the tables and
  // the name lists (a name must not hide a country or a cue word).
  constexpr std::uint16_t kNameBits = kGazPersonName | kGazOrgName | kGazPlaceName;
  std::vector<int> covered(n, 0), covered_names(n, 0);
  auto mark = [&](int i, int len, std::uint16_t bits, bool names) {
    auto& cov = names ? covered_names : covered;
    for (int j = i; j < i + len; ++j) {
      if (cov[j] >= len) continue;
      cov[j] = len;
      std::uint8_t pos = len == 1 ? 4 : j == i ? 1 : j == i + len - 1 ? 3 : 2;
      if (names)
        info[j].names = bits, info[j].names_pos = pos;
      else
        info[j].gaz = bits, info[j].gaz_pos = pos;
    }
  };
  for (int i = 0; i < n; ++i) {
    PhraseKey key;
    int best = 0, best_names = 0;
    std::uint16_t best_bits = 0, best_name_bits = 0;
    for (int j = i; j < n && j - i < Gazetteer::kMaxWords; ++j) {
      key.add(strip_possessive(toks[j].form));
      std::uint16_t b = lookup(key);
      if (j == i) info[i].dict = (b & kGazProper ? 1 : 0) | (b & kGazCommon ? 2 : 0);
      if (b & kNameBits) best_names = j - i + 1, best_name_bits = b & kNameBits;
      b &= static_cast<std::uint16_t>(~(kWordBits | kGazExact | kNameBits));
      if (b) best = j - i + 1, best_bits = b;
    }
    if (best) mark(i, best, best_bits, false);
    if (best_names) mark(i, best_names, best_name_bits, true);
  }
}

void FeatureExtractor::token_features(const std::vector<TokenInfo>& info, int i,
                                      std::vector<std::uint64_t>& out) const {
  const int n = static_cast<int>(info.size());
  const TokenInfo& t = info[i];
  static const TokenInfo kStart = [] {
    TokenInfo s;
    s.form = s.lower = s.shape = s.pos = hash_str("<s>");
    return s;
  }();
  static const TokenInfo kEnd = [] {
    TokenInfo s;
    s.form = s.lower = s.shape = s.pos = hash_str("</s>");
    return s;
  }();
  const TokenInfo& p1 = i > 0 ? info[i - 1] : kStart;
  const TokenInfo& p2 = i > 1 ? info[i - 2] : kStart;
  const TokenInfo& n1 = i + 1 < n ? info[i + 1] : kEnd;
  const TokenInfo& n2 = i + 2 < n ? info[i + 2] : kEnd;

  out.clear();
  out.push_back(feature(kBias, 1));
  out.push_back(feature(kForm, t.form));
  out.push_back(feature(kLower, t.lower));
  out.push_back(feature(kShape, t.shape));
  for (int k = 0; k < 3; ++k)
    if (t.prefix[k]) out.push_back(feature(kPrefix + k, t.prefix[k]));
  for (int k = 0; k < 4; ++k)
    if (t.suffix[k]) out.push_back(feature(kSuffix + k, t.suffix[k]));
  out.push_back(feature(kFlags, t.flags));
  out.push_back(feature(kFlagsPrev, p1.flags, t.flags));
  out.push_back(feature(kFlagsNext, t.flags, n1.flags));
  out.push_back(feature(kLowerPrev, p1.lower));
  out.push_back(feature(kLowerPrev2, p2.lower));
  out.push_back(feature(kLowerNext, n1.lower));
  out.push_back(feature(kLowerNext2, n2.lower));
  out.push_back(feature(kShapePrev, p1.shape, t.shape));
  out.push_back(feature(kShapeNext, t.shape, n1.shape));
  out.push_back(feature(kShapeTri, p1.shape, t.shape, n1.shape));
  if (use_pos_) {
    out.push_back(feature(kPos, t.pos));
    out.push_back(feature(kPosPrev, p1.pos, t.pos));
    out.push_back(feature(kPosNext, t.pos, n1.pos));
    out.push_back(feature(kPosBigram, t.pos, t.shape));
  }
  out.push_back(feature(kGaz, t.gaz, t.gaz_pos));
  out.push_back(feature(kGazPrev, p1.gaz, p1.gaz_pos, t.gaz));
  out.push_back(feature(kGazNext, n1.gaz, n1.gaz_pos, t.gaz));
  out.push_back(feature(kGazWord, t.gaz, t.flags & 1, t.lower));
  out.push_back(feature(kNames, t.names, t.names_pos));
  out.push_back(feature(kNamesCap, t.names, t.names_pos, (t.flags & 0x13) | t.dict << 5));
  out.push_back(feature(kNamesContext, p1.names, t.names, n1.names));
  out.push_back(feature(kDict, t.dict, t.flags & 0x13));
  out.push_back(feature(kCasing, t.casing, t.flags & 0x13, t.dict));
  out.push_back(feature(kCasingShape, t.casing, t.shape, p1.flags & 1));
  out.push_back(
      feature(kDictContext, p1.dict | (p1.flags & 1) << 2, t.dict | (t.flags & 1) << 2, n1.dict | (n1.flags & 1) << 2));
  if (clusters_) {
    using detail::WordClusters;
    out.push_back(feature(kClusterCoarse, WordClusters::coarse(t.cluster)));
    out.push_back(feature(kClusterMiddle, WordClusters::middle(t.cluster)));
    out.push_back(feature(kClusterFine, WordClusters::fine(t.cluster)));
    out.push_back(feature(kClusterFlags, WordClusters::fine(t.cluster), t.flags & 0x13));
    out.push_back(feature(kClusterPrev, WordClusters::middle(p1.cluster), WordClusters::middle(t.cluster)));
    out.push_back(feature(kClusterNext, WordClusters::middle(t.cluster), WordClusters::middle(n1.cluster)));
    out.push_back(feature(kClusterPrevFine, WordClusters::fine(p1.cluster)));
    out.push_back(feature(kClusterNextFine, WordClusters::fine(n1.cluster)));
    out.push_back(feature(kClusterCasing, WordClusters::middle(t.cluster), t.casing, t.flags & 0x13));
    out.push_back(feature(kClusterPrev2, WordClusters::middle(p2.cluster)));
    out.push_back(feature(kClusterNext2, WordClusters::middle(n2.cluster)));
  }
  if (context_) context_features(t, p1, n1, out);
}

// Second stage: the first stage's labels here and next door, and the types it
// gave the word elsewhere in the discourse (majority and each type seen).
void FeatureExtractor::context_features(const TokenInfo& t, const TokenInfo& p1, const TokenInfo& n1,
                                        std::vector<std::uint64_t>& out) const {
  out.push_back(feature(kCtxLabel, t.ctx_label));
  out.push_back(feature(kCtxLabels, p1.ctx_label, t.ctx_label, n1.ctx_label));
  int total = 0, major = 0;
  for (int k = 0; k < 4; ++k) {
    total += t.ctx_doc[k];
    if (t.ctx_doc[k] > t.ctx_doc[major]) major = k;
  }
  out.push_back(feature(kCtxMajority, total ? major : 9, std::min(total, 3), t.ctx_type));
  for (int k = 1; k < 4; ++k)
    if (t.ctx_doc[k]) out.push_back(feature(kCtxType, k, 2 * t.ctx_doc[k] >= total, t.flags & kCap));
}

int FeatureExtractor::label_parts(const TokenInfo& t, LabelPart* out) const {
  int n = 0;
  out[n++] = {kLabel, 0, 0};
  out[n++] = {kLabelShape, t.shape, 0};
  out[n++] = {kLabelGaz, t.gaz, t.gaz_pos};
  out[n++] = {kLabelNames, t.names, t.names_pos};
  if (clusters_) out[n++] = {kLabelCluster, detail::WordClusters::middle(t.cluster), 0};
  return n;
}

void FeatureExtractor::label_features(const std::vector<TokenInfo>& info, int i, int prev,
                                      std::vector<std::uint64_t>& out) const {
  const std::uint64_t l1 = static_cast<std::uint64_t>(prev + 2);
  LabelPart parts[kMaxLabelParts];
  const int n = label_parts(info[i], parts);
  out.clear();
  for (int k = 0; k < n; ++k) out.push_back(feature(parts[k].tmpl, l1, parts[k].a, parts[k].b));
}

}  // namespace relgraph::ner
