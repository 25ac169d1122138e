// Constrained first-order Viterbi over a BILOU lattice (see viterbi.hpp).
// Tests: tests/ner_test.cpp (Viterbi.*)
#include "ner/viterbi.hpp"

#include <limits>

#include "ner/bilou.hpp"

namespace relgraph::ner {

BilouTransitions::BilouTransitions(const std::vector<std::string>& labels) : size(static_cast<int>(labels.size())) {
  allowed.assign(static_cast<std::size_t>(size + 1) * size, 0);
  may_end.assign(size, 0);
  for (int p = 0; p <= size; ++p)
    for (int c = 0; c < size; ++c)
      allowed[p * size + c] = bilou_allowed(p == size ? std::string_view() : std::string_view(labels[p]), labels[c]);
  for (int c = 0; c < size; ++c) may_end[c] = bilou_may_end(labels[c]);
}

void Lattice::resize(int tokens, int num_labels) {
  n = tokens;
  labels = num_labels;
  emit.assign(static_cast<std::size_t>(tokens) * num_labels, 0.0f);
  trans.assign(static_cast<std::size_t>(tokens) * (num_labels + 1) * num_labels, 0.0f);
}

void LabelScoreCache::scores(const detail::Perceptron& weights, int num_labels, const LabelPart* parts, int count,
                             const float** out) {
  constexpr std::size_t kMaxFloats = std::size_t{1} << 20;  // 4 MB: start over beyond
  const std::size_t size = static_cast<std::size_t>(num_labels + 1) * num_labels;
  if (scores_.size() + static_cast<std::size_t>(count) * size > kMaxFloats) clear();
  std::size_t at[kMaxLabelParts];
  for (int k = 0; k < count; ++k) {
    auto [it, added] = offset_.try_emplace(parts[k], scores_.size());
    at[k] = it->second;
    if (!added) continue;
    scores_.resize(at[k] + size, 0.0f);
    for (int p = 0; p <= num_labels; ++p) {
      const std::uint64_t l1 = static_cast<std::uint64_t>((p == num_labels ? -1 : p) + 2);
      const std::uint64_t f = detail::feature(parts[k].tmpl, l1, parts[k].a, parts[k].b);
      weights.score(std::span<const std::uint64_t>(&f, 1), &scores_[at[k] + static_cast<std::size_t>(p) * num_labels]);
    }
  }
  for (int k = 0; k < count; ++k) out[k] = scores_.data() + at[k];  // after every resize
}

void LabelScoreCache::clear() {
  offset_.clear();
  scores_.clear();
}

void fill_lattice(const detail::Perceptron& weights, const FeatureExtractor& fx, const std::vector<TokenInfo>& info,
                  int num_labels, Lattice& lattice, std::vector<std::uint64_t>& feats, LabelScoreCache& cache) {
  const int n = static_cast<int>(info.size());
  const std::size_t L = static_cast<std::size_t>(num_labels);
  lattice.resize(n, num_labels);
  LabelPart parts[kMaxLabelParts];
  const float* part_scores[kMaxLabelParts];
  for (int i = 0; i < n; ++i) {
    fx.token_features(info, i, feats);
    weights.score(feats, {&lattice.emit_at(i, 0), L});
    const int count = fx.label_parts(info[i], parts);
    cache.scores(weights, num_labels, parts, count, part_scores);
    for (int p = i == 0 ? num_labels : 0; p < (i == 0 ? num_labels + 1 : num_labels); ++p) {
      float* row = lattice.trans_row(i, p);
      for (int k = 0; k < count; ++k) {
        const float* add = part_scores[k] + static_cast<std::size_t>(p) * L;
        for (std::size_t c = 0; c < L; ++c) row[c] += add[c];
      }
    }
  }
}

std::vector<int> viterbi(const Lattice& lat, const BilouTransitions& t) {
  const int n = lat.n, L = lat.labels;
  if (n == 0) return {};
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  std::vector<float> best(static_cast<std::size_t>(n) * L, kNone);
  std::vector<int> back(static_cast<std::size_t>(n) * L, -1);
  const float* row = lat.trans_row(0, L);
  for (int c = 0; c < L; ++c)
    if (t.ok(L, c)) best[c] = lat.emit[c] + row[c];
  for (int i = 1; i < n; ++i) {
    const float* prev_best = &best[static_cast<std::size_t>(i - 1) * L];
    float* cur = &best[static_cast<std::size_t>(i) * L];
    int* bp = &back[static_cast<std::size_t>(i) * L];
    for (int p = 0; p < L; ++p) {
      if (prev_best[p] == kNone) continue;
      const float* tr = lat.trans_row(i, p);
      for (int c = 0; c < L; ++c) {
        if (!t.ok(p, c)) continue;
        float s = prev_best[p] + tr[c];
        if (s > cur[c]) cur[c] = s, bp[c] = p;
      }
    }
    for (int c = 0; c < L; ++c)
      if (cur[c] != kNone) cur[c] += lat.emit[static_cast<std::size_t>(i) * L + c];
  }
  // O and U- can always end a sentence and follow anything that may end, so
  // a valid path exists whenever labels include O.
  const float* last = &best[static_cast<std::size_t>(n - 1) * L];
  int c = -1;
  for (int k = 0; k < L; ++k)
    if (t.may_end[k] && last[k] != kNone && (c < 0 || last[k] > last[c])) c = k;
  std::vector<int> out(n, 0);
  for (int i = n - 1; i >= 0 && c >= 0; --i) {
    out[i] = c;
    c = back[static_cast<std::size_t>(i) * L + c];
  }
  return out;
}

}  // namespace relgraph::ner
