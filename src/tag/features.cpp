// Tagger and lemmatizer feature templates (Collins 2002 / Honnibal 2013
// style). Tests: tests/tagger_test.cpp
#include "tag/features.hpp"

#include <algorithm>

#include "core/perceptron.hpp"

namespace relgraph::detail {
namespace {

enum Template : std::uint64_t {
  kBias,
  kLower,
  kForm,
  kSuffix1,
  kPrefix1 = kSuffix1 + 4,
  kShape = kPrefix1 + 4,
  kFlags,
  kPrev1,
  kPrev2,
  kPrev12,
  kPrev1Word,
  kPrevWord,
  kPrevSuffix3,
  kPrev2Word,
  kNextWord,
  kNextSuffix3,
  kNext2Word,
  kPrevWordWord,
  kWordNextWord,
  kNextShape,
  kPrevShape,
  kPrev1NextWord,
  kPrev1Suffix3,
  kAmb,
  kAmbPrev1,
  kAmbNext,
  kAmbNext2,
  kAmbPrev,
  kAmbAmbNext,
  kAmbSuffix3,
  kClusterFine,
  kClusterMiddle,
  kClusterSuffix,
  kClusterPrev,
  kClusterNext,
  kClusterPrev1Tag,
  kClusterAmb,
  // second pass
  kNext1Tag = 60,
  kNext2Tag,
  kNext12Tags,
  kNext1TagWord,
  kPrevNextTags,
  kNext1TagAmb,
  kNext1TagSuffix3,
  kNext1TagNextWord,
  // lemmatizer
  kLemTag = 100,
  kLemSuffix,
  kLemTagSuffix = kLemSuffix + 6,
  kLemFlags = kLemTagSuffix + 6,
  kLemLength,
};

constexpr std::uint64_t kStart = 0x5354415254ull, kEnd = 0x454e44ull, kRare = 0x52415245ull;

bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Word shape with runs collapsed: "Obama" -> "Xx", "U.S." -> "X.X.", "3,000" -> "d,d".
std::string shape_of(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    char k = is_upper(c) ? 'X' : is_lower(c) ? 'x' : is_digit(c) ? 'd' : c >= 0x80 ? 'u' : static_cast<char>(c);
    if (out.empty() || out.back() != k) out += k;
    if (out.size() >= 12) break;
  }
  return out;
}

std::uint64_t flags_of(std::string_view s, bool first) {
  bool digit = false, hyphen = false, upper = false, lower = false;
  for (unsigned char c : s) {
    digit |= is_digit(c);
    hyphen |= c == '-';
    upper |= is_upper(c);
    lower |= is_lower(c);
  }
  bool init_cap = !s.empty() && is_upper(static_cast<unsigned char>(s[0]));
  return (digit ? 1 : 0) | (hyphen ? 2 : 0) | (init_cap ? 4 : 0) | (upper && !lower ? 8 : 0) | (first ? 16 : 0);
}

}  // namespace

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (is_upper(static_cast<unsigned char>(c))) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void describe_words(const Sentence& sentence, const AmbiguityLexicon& lexicon, std::vector<WordInfo>& out,
                    const WordClusters* clusters) {
  const bool with_clusters = clusters && !clusters->empty();
  out.clear();
  out.resize(sentence.tokens.size() + 4);
  for (int pad : {0, 1}) {
    WordInfo& s = out[pad];
    WordInfo& e = out[out.size() - 1 - pad];
    s.form = s.lower = s.shape = s.ambiguity = kStart + pad;
    e.form = e.lower = e.shape = e.ambiguity = kEnd + pad;
    for (int k = 0; k < 4; ++k) s.prefix[k] = s.suffix[k] = kStart, e.prefix[k] = e.suffix[k] = kEnd;
    if (with_clusters) s.cluster = kHasCluster | (0xFFFEull << 16), e.cluster = kHasCluster | (0xFFFDull << 16);
  }
  std::string lower;
  for (std::size_t i = 0; i < sentence.tokens.size(); ++i) {
    std::string_view form = sentence.tokens[i].form;
    lower = ascii_lower(form);
    WordInfo& w = out[i + 2];
    w.form = hash_str(form);
    w.lower = hash_str(lower);
    w.shape = hash_str(shape_of(form));
    w.flags = flags_of(form, i == 0);
    if (with_clusters) w.cluster = kHasCluster | clusters->find(form);
    auto amb = lexicon.find(w.lower);
    w.ambiguity = amb == lexicon.end() ? 0 : amb->second;
    // Words seen once or never: their identity cannot generalise (and would
    // bloat the model), so word features see one "rare" value instead.
    if (!w.ambiguity) w.form = w.lower = kRare;
    std::string_view l = lower;
    for (std::size_t k = 0; k < 4; ++k) {
      std::size_t n = std::min(k + 1, l.size());
      w.prefix[k] = hash_str(l.substr(0, n));
      w.suffix[k] = hash_str(l.substr(l.size() - n));
    }
  }
}

void tag_features(const std::vector<WordInfo>& words, int i, int prev1, int prev2, std::vector<std::uint64_t>& out) {
  out.clear();
  const WordInfo& w = words[i + 2];
  const WordInfo& p1 = words[i + 1];
  const WordInfo& p2 = words[i];
  const WordInfo& n1 = words[i + 3];
  const WordInfo& n2 = words[i + 4];
  std::uint64_t t1 = static_cast<std::uint64_t>(prev1 + 2), t2 = static_cast<std::uint64_t>(prev2 + 2);
  out.push_back(feature(kBias, 1));
  out.push_back(feature(kLower, w.lower));
  out.push_back(feature(kForm, w.form));
  for (int k = 0; k < 4; ++k) {
    out.push_back(feature(kSuffix1 + k, w.suffix[k]));
    out.push_back(feature(kPrefix1 + k, w.prefix[k]));
  }
  out.push_back(feature(kShape, w.shape));
  out.push_back(feature(kFlags, w.flags));
  out.push_back(feature(kPrev1, t1));
  out.push_back(feature(kPrev2, t2));
  out.push_back(feature(kPrev12, t1, t2));
  out.push_back(feature(kPrev1Word, t1, w.lower));
  out.push_back(feature(kPrevWord, p1.lower));
  out.push_back(feature(kPrevSuffix3, p1.suffix[2]));
  out.push_back(feature(kPrev2Word, p2.lower));
  out.push_back(feature(kNextWord, n1.lower));
  out.push_back(feature(kNextSuffix3, n1.suffix[2]));
  out.push_back(feature(kNext2Word, n2.lower));
  out.push_back(feature(kPrevWordWord, p1.lower, w.lower));
  out.push_back(feature(kWordNextWord, w.lower, n1.lower));
  out.push_back(feature(kNextShape, n1.shape));
  out.push_back(feature(kPrevShape, p1.shape));
  out.push_back(feature(kPrev1NextWord, t1, n1.lower));
  out.push_back(feature(kPrev1Suffix3, t1, w.suffix[2]));
  out.push_back(feature(kAmb, w.ambiguity));
  out.push_back(feature(kAmbPrev1, w.ambiguity, t1));
  out.push_back(feature(kAmbNext, n1.ambiguity));
  out.push_back(feature(kAmbNext2, n2.ambiguity));
  out.push_back(feature(kAmbPrev, p1.ambiguity));
  out.push_back(feature(kAmbAmbNext, w.ambiguity, n1.ambiguity));
  out.push_back(feature(kAmbSuffix3, w.ambiguity, w.suffix[2]));
  if (w.cluster) {
    auto fine = [](std::uint64_t c) { return WordClusters::fine(static_cast<std::uint32_t>(c)); };
    auto middle = [](std::uint64_t c) { return WordClusters::middle(static_cast<std::uint32_t>(c)); };
    out.push_back(feature(kClusterFine, fine(w.cluster)));
    out.push_back(feature(kClusterMiddle, middle(w.cluster)));
    out.push_back(feature(kClusterSuffix, middle(w.cluster), w.suffix[2]));
    out.push_back(feature(kClusterPrev, fine(p1.cluster)));
    out.push_back(feature(kClusterNext, fine(n1.cluster)));
    out.push_back(feature(kClusterPrev1Tag, t1, middle(w.cluster)));
    out.push_back(feature(kClusterAmb, w.ambiguity, fine(w.cluster)));
  }
}

void right_features(const std::vector<WordInfo>& words, int i, int prev1, int next1, int next2,
                    std::vector<std::uint64_t>& out) {
  const WordInfo& w = words[i + 2];
  const WordInfo& n1 = words[i + 3];
  std::uint64_t t1 = static_cast<std::uint64_t>(prev1 + 2);
  std::uint64_t r1 = static_cast<std::uint64_t>(next1 + 2), r2 = static_cast<std::uint64_t>(next2 + 2);
  out.push_back(feature(kNext1Tag, r1));
  out.push_back(feature(kNext2Tag, r2));
  out.push_back(feature(kNext12Tags, r1, r2));
  out.push_back(feature(kNext1TagWord, r1, w.lower));
  out.push_back(feature(kPrevNextTags, t1, r1));
  out.push_back(feature(kNext1TagAmb, r1, w.ambiguity));
  out.push_back(feature(kNext1TagSuffix3, r1, w.suffix[2]));
  out.push_back(feature(kNext1TagNextWord, r1, n1.lower));
}

void lemma_features(std::string_view form, int tag, std::vector<std::uint64_t>& out) {
  out.clear();
  std::string lower = ascii_lower(form);
  std::string_view l = lower;
  std::uint64_t t = static_cast<std::uint64_t>(tag + 1);
  out.push_back(feature(kLemTag, t));
  for (std::size_t k = 0; k < 6; ++k) {
    std::size_t n = std::min(k + 1, l.size());
    std::uint64_t suffix = hash_str(l.substr(l.size() - n));
    out.push_back(feature(kLemSuffix + k, suffix));
    out.push_back(feature(kLemTagSuffix + k, t, suffix));
  }
  out.push_back(feature(kLemFlags, t, flags_of(form, false)));
  out.push_back(feature(kLemLength, t, std::min<std::size_t>(form.size(), 8)));
}

std::vector<int> greedy_tags(const std::vector<WordInfo>& words,
                             const std::unordered_map<std::uint64_t, std::uint16_t>& dict, const Perceptron& model,
                             const std::vector<int>* first) {
  const std::size_t n = words.size() - 4;
  std::vector<std::uint64_t> features;
  features.reserve(64);
  std::vector<float> scores(model.num_classes());
  std::vector<int> tags(n);
  int prev1 = -1, prev2 = -1;
  for (std::size_t i = 0; i < n; ++i) {
    int c;
    if (auto it = dict.find(words[i + 2].form); it != dict.end()) {
      c = it->second;
    } else {
      tag_features(words, static_cast<int>(i), prev1, prev2, features);
      if (first)
        right_features(words, static_cast<int>(i), prev1, i + 1 < n ? (*first)[i + 1] : -1,
                       i + 2 < n ? (*first)[i + 2] : -1, features);
      std::fill(scores.begin(), scores.end(), 0.0f);
      model.score(features, scores);
      c = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    }
    tags[i] = c;
    prev2 = prev1;
    prev1 = c;
  }
  return tags;
}

std::uint64_t form_tag_key(std::string_view form, int tag) {
  return hash_mix(hash_str(form), static_cast<std::uint64_t>(tag + 1));
}

}  // namespace relgraph::detail
