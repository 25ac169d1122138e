// The arc-hybrid transition system (Kuhlmann et al. 2011) with the root at
// the end of the buffer (Ballesteros & Nivre 2013), which guarantees exactly
// one root. Words are 0-based; index n is ROOT. Transitions are numbered
//   0 = SHIFT, 1 + 2l = LEFT-ARC with label l, 2 + 2l = RIGHT-ARC with label l.
// Internal to src/parse (used by the parser and its trainer).
// Tests: tests/parser_test.cpp
#pragma once
#include <cstdint>
#include <vector>

namespace relgraph::parse {

enum class Move : std::uint8_t { Shift, Left, Right };

inline int num_transitions(int num_labels) { return 1 + 2 * num_labels; }
inline Move move_of(int t) { return t == 0 ? Move::Shift : ((t - 1) % 2 == 0 ? Move::Left : Move::Right); }
inline int label_of(int t) { return t == 0 ? -1 : (t - 1) / 2; }
inline int transition(Move m, int label) {
  return m == Move::Shift ? 0 : (m == Move::Left ? 1 + 2 * label : 2 + 2 * label);
}

// A parser configuration plus the bookkeeping the features read (children,
// valency, label sets). All arrays have n + 1 entries (ROOT included).
struct State {
  int n = 0;
  int b = 0;               // buffer front; the buffer is b, b+1, ..., n-1, ROOT (= n)
  std::vector<int> stack;  // stack.back() is s0
  std::vector<int> head;   // -1 = not attached yet, n = ROOT
  std::vector<int> label;
  std::vector<int> lc1, lc2, rc1, rc2;    // two leftmost / rightmost children, -1 = none
  std::vector<std::uint8_t> nl, nr;       // number of left / right children (saturating)
  std::vector<std::uint64_t> lset, rset;  // bitsets of children's base labels

  void reset(int words) {
    n = words;
    b = 0;
    stack.clear();
    stack.reserve(words + 1);
    head.assign(n + 1, -1);
    label.assign(n + 1, -1);
    lc1.assign(n + 1, -1);
    lc2.assign(n + 1, -1);
    rc1.assign(n + 1, -1);
    rc2.assign(n + 1, -1);
    nl.assign(n + 1, 0);
    nr.assign(n + 1, 0);
    lset.assign(n + 1, 0);
    rset.assign(n + 1, 0);
  }
  bool terminal() const { return b == n && stack.empty(); }
  int s(std::size_t i) const { return i < stack.size() ? stack[stack.size() - 1 - i] : -1; }

  bool can_shift() const { return b < n; }
  // LEFT-ARC to ROOT only when s0 is the last word on the stack: one root.
  bool can_left() const { return !stack.empty() && (b < n || stack.size() == 1); }
  bool can_right() const { return stack.size() >= 2; }
  // Whether transition t is allowed; `root` is the root label: only LEFT-ARC to
  // ROOT may carry it, and LEFT-ARC to ROOT must carry it.
  bool allowed(int t, int root) const {
    switch (move_of(t)) {
      case Move::Shift:
        return can_shift();
      case Move::Left:
        return can_left() && ((b == n) == (label_of(t) == root));
      case Move::Right:
        return can_right() && label_of(t) != root;
    }
    return false;
  }

  // `base` is the label's unlifted base (for the label sets).
  void apply(int t, int base) {
    switch (move_of(t)) {
      case Move::Shift:
        stack.push_back(b++);
        return;
      case Move::Left: {
        int d = stack.back();
        stack.pop_back();
        attach(b, d, label_of(t), base);
        return;
      }
      case Move::Right: {
        int d = stack.back();
        stack.pop_back();
        attach(stack.back(), d, label_of(t), base);
        return;
      }
    }
  }

 private:
  void attach(int h, int d, int l, int base) {
    head[d] = h;
    label[d] = l;
    std::uint64_t bit = 1ull << (base & 63);
    if (d < h) {
      if (lc1[h] < 0 || d < lc1[h])
        lc2[h] = lc1[h], lc1[h] = d;
      else if (lc2[h] < 0 || d < lc2[h])
        lc2[h] = d;
      if (nl[h] < 255) ++nl[h];
      lset[h] |= bit;
    } else {
      if (rc1[h] < 0 || d > rc1[h])
        rc2[h] = rc1[h], rc1[h] = d;
      else if (rc2[h] < 0 || d > rc2[h])
        rc2[h] = d;
      if (nr[h] < 255) ++nr[h];
      rset[h] |= bit;
    }
  }
};

// The highest-scoring allowed transition (ties broken by a fixed order), or -1 in
// a terminal state. `scores` has num_transitions(num_labels) entries.
inline int best_allowed(const State& st, const float* scores, int num_labels, int root) {
  int best = -1;
  auto consider = [&](int t) {
    if (best < 0 || scores[t] > scores[best]) best = t;
  };
  if (st.can_shift()) consider(0);
  if (st.can_left()) {
    if (st.b == st.n)
      consider(transition(Move::Left, root));
    else
      for (int l = 0; l < num_labels; ++l)
        if (l != root) consider(transition(Move::Left, l));
  }
  if (st.can_right())
    for (int l = 0; l < num_labels; ++l)
      if (l != root) consider(transition(Move::Right, l));
  return best;
}

}  // namespace relgraph::parse
