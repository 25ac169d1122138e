// The parser's feature templates (see features.hpp). Tests: tests/parser_test.cpp
#include "parse/features.hpp"

#include "core/perceptron.hpp"

namespace relgraph::parse {

using detail::hash_str;

void WordHashes::prepare(const Sentence& sentence, const detail::WordClusters* clusters) {
  const std::size_t n = sentence.tokens.size();
  w.resize(n + 2);
  p.resize(n + 2);
  u.resize(n + 2);
  std::string norm;
  for (std::size_t i = 0; i < n; ++i) {
    const Token& t = sentence.tokens[i];
    norm.assign(t.form);
    for (char& c : norm) {
      if (c >= 'A' && c <= 'Z')
        c = static_cast<char>(c - 'A' + 'a');
      else if (c >= '0' && c <= '9')
        c = '0';
    }
    w[i] = hash_str(norm);
    p[i] = hash_str(t.xpos);
    u[i] = hash_str(t.upos);
  }
  w[n] = p[n] = u[n] = hash_str("<ROOT>");
  w[n + 1] = p[n + 1] = u[n + 1] = hash_str("<NONE>");
  c.clear();
  if (clusters && !clusters->empty()) {
    c.resize(n + 2);
    for (std::size_t i = 0; i < n; ++i) c[i] = clusters->find(sentence.tokens[i].form);
    c[n] = 0xFFFD0000u;      // ROOT: a class of its own at every granularity
    c[n + 1] = 0xFFFC0000u;  // no word
  }
}

namespace {

// Distance between two positions in a few bins; 7 when an end is ROOT or missing.
std::uint64_t distance(int a, int b, int n) {
  if (a < 0 || b < 0 || a >= n || b >= n) return 7;
  int d = b > a ? b - a : a - b;
  return d <= 4 ? d : (d < 10 ? 5 : 6);
}

}  // namespace

void extract_features(const State& st, const WordHashes& words, std::vector<std::uint64_t>& out) {
  out.clear();
  const int n = st.n;
  auto at = [&](int x) { return x < 0 ? n + 1 : x; };
  auto W = [&](int x) { return words.w[at(x)]; };
  auto P = [&](int x) { return words.p[at(x)]; };
  auto U = [&](int x) { return words.u[at(x)]; };
  auto L = [&](int x) -> std::uint64_t { return x >= 0 && x < n ? st.label[x] + 1 : 0; };
  auto child = [&](const std::vector<int>& v, int x) { return x >= 0 ? v[x] : -1; };
  std::uint64_t tmpl = 0;
  auto add = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    out.push_back(detail::feature(tmpl++, a, b, c));
  };

  const int s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const int b0 = st.b, b1 = st.b + 1 <= n ? st.b + 1 : -1, b2 = st.b + 2 <= n ? st.b + 2 : -1;
  const int s0l = child(st.lc1, s0), s0l2 = child(st.lc2, s0), s0r = child(st.rc1, s0), s0r2 = child(st.rc2, s0);
  const int s1l = child(st.lc1, s1), s1r = child(st.rc1, s1), s1r2 = child(st.rc2, s1);
  const int b0l = st.lc1[b0], b0l2 = st.lc2[b0];
  const std::uint64_t s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1), b0w = W(b0), b0p = P(b0);
  const std::uint64_t b1w = W(b1), b1p = P(b1), b2p = P(b2), s2p = P(s2);
  const std::uint64_t s0wp = detail::hash_mix(s0w, s0p), s1wp = detail::hash_mix(s1w, s1p);
  const std::uint64_t b0wp = detail::hash_mix(b0w, b0p), b1wp = detail::hash_mix(b1w, b1p);

  add(1);  // bias
  // Single words.
  add(s0w), add(s0p), add(s0wp), add(U(s0));
  add(s1w), add(s1p), add(s1wp), add(U(s1));
  add(b0w), add(b0p), add(b0wp), add(U(b0));
  add(b1w), add(b1p), add(b1wp);
  add(W(b2)), add(b2p);
  add(W(s2)), add(s2p);
  // Pairs: s0 with b0, s1 with s0.
  add(s0wp, b0wp), add(s0wp, b0w), add(s0w, b0wp), add(s0wp, b0p), add(s0p, b0wp), add(s0w, b0w), add(s0p, b0p);
  add(U(s0), U(b0)), add(b0p, b1p), add(b0w, b1w);
  add(s1wp, s0wp), add(s1wp, s0w), add(s1w, s0wp), add(s1wp, s0p), add(s1p, s0wp), add(s1w, s0w), add(s1p, s0p);
  add(U(s1), U(s0));
  // Three words.
  add(b0p, b1p, b2p), add(s0p, b0p, b1p), add(s1p, s0p, b0p), add(s2p, s1p, s0p), add(s1p, s0p, b1p);
  add(s0p, P(s0l), b0p), add(s0p, P(s0r), b0p), add(s0p, b0p, P(b0l));
  add(s1p, P(s1r), s0p), add(s1p, s0p, P(s0l)), add(s1p, s0p, P(s0r)), add(s1p, P(s1l), s0p);
  add(s1w, s0w, b0p), add(s1p, s0w, b0w);
  // Distance.
  const std::uint64_t d1 = distance(s0, b0, n), d2 = distance(s1, s0, n);
  add(s0w, d1), add(s0p, d1), add(b0w, d1), add(b0p, d1), add(s0w, b0w, d1), add(s0p, b0p, d1);
  add(s1w, d2), add(s1p, d2), add(s0w, d2), add(s0p, d2), add(s1w, s0w, d2), add(s1p, s0p, d2);
  // Valency.
  const std::uint64_t s0vl = s0 >= 0 ? st.nl[s0] : 99, s0vr = s0 >= 0 ? st.nr[s0] : 99, b0vl = st.nl[b0];
  const std::uint64_t s1vl = s1 >= 0 ? st.nl[s1] : 99, s1vr = s1 >= 0 ? st.nr[s1] : 99;
  add(s0w, s0vr), add(s0p, s0vr), add(s0w, s0vl), add(s0p, s0vl), add(b0w, b0vl), add(b0p, b0vl);
  add(s1w, s1vr), add(s1p, s1vr), add(s1w, s1vl), add(s1p, s1vl);
  // Children.
  add(W(s0l)), add(P(s0l)), add(L(s0l)), add(W(s0r)), add(P(s0r)), add(L(s0r));
  add(W(b0l)), add(P(b0l)), add(L(b0l));
  add(W(s1l)), add(P(s1l)), add(L(s1l)), add(W(s1r)), add(P(s1r)), add(L(s1r));
  add(W(s0l2)), add(P(s0l2)), add(L(s0l2)), add(W(s0r2)), add(P(s0r2)), add(L(s0r2));
  add(W(b0l2)), add(P(b0l2)), add(L(b0l2)), add(L(s1r2));
  add(s0p, P(s0l), P(s0l2)), add(s0p, P(s0r), P(s0r2)), add(b0p, P(b0l), P(b0l2)), add(s1p, P(s1r), P(s1r2));
  add(s0p, L(s0l), L(s0l2)), add(s0p, L(s0r), L(s0r2)), add(b0p, L(b0l), L(b0l2));
  add(s0w, L(s0l), b0p), add(s0p, L(s0r), b0p), add(s1p, L(s1r), s0p);
  // Label sets.
  const std::uint64_t s0sl = s0 >= 0 ? st.lset[s0] : 1, s0sr = s0 >= 0 ? st.rset[s0] : 1;
  const std::uint64_t s1sr = s1 >= 0 ? st.rset[s1] : 1, b0sl = st.lset[b0];
  add(s0w, s0sr), add(s0p, s0sr), add(s0w, s0sl), add(s0p, s0sl), add(b0w, b0sl), add(b0p, b0sl);
  add(s1p, s1sr), add(s1w, s1sr);
  // Word classes (models trained with them): what the words are like when
  // the treebank did not show the words themselves.
  if (!words.c.empty()) {
    using detail::WordClusters;
    auto cl = [&](int x) { return static_cast<std::uint32_t>(words.c[at(x)]); };
    const std::uint64_t s0f = WordClusters::fine(cl(s0)), b0f = WordClusters::fine(cl(b0));
    const std::uint64_t s0m = WordClusters::middle(cl(s0)), b0m = WordClusters::middle(cl(b0));
    const std::uint64_t s1m = WordClusters::middle(cl(s1)), b1m = WordClusters::middle(cl(b1));
    add(s0f), add(b0f), add(s0m, s0p), add(b0m, b0p), add(s1m), add(b1m);
    add(s0m, b0m), add(s0f, b0p), add(s0p, b0f), add(s1m, s0m), add(s1p, s0f), add(s0m, b0m, d1);
  }
}

}  // namespace relgraph::parse
