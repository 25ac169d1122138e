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
