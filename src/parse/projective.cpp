// Pseudo-projective transformation (see projective.hpp). Tests: tests/parser_test.cpp
#include "parse/projective.hpp"

#include <algorithm>
#include <deque>

#include "relgraph/error.hpp"

namespace relgraph::parse {

std::string_view base_label(std::string_view label) {
  auto bar = label.find('|');
  return bar == std::string_view::npos ? label : label.substr(0, bar);
}

namespace {

// heads is 0-based storage of 1-based words: heads[i] is the head of word i+1.
bool dominates(const std::vector<int>& heads, int h, int k) {
  for (std::size_t steps = 0; k != 0 && steps <= heads.size(); ++steps) {
    if (k == h) return true;
    k = heads[k - 1];
  }
  return h == 0;
}

bool arc_projective(const std::vector<int>& heads, int d) {
  int h = heads[d - 1];
  if (h == 0) return true;
  for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k)
    if (!dominates(heads, h, k)) return false;
  return true;
}

void check_tree(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  for (int d = 1; d <= n; ++d) {
    int h = heads[d - 1];
    if (h < 0 || h > n || h == d)
      throw Error(ErrorKind::InvalidInput, "word " + std::to_string(d) + " has an invalid head " + std::to_string(h));
    int k = d;
    for (int steps = 0; k != 0; ++steps) {
      if (steps > n) throw Error(ErrorKind::InvalidInput, "the heads form a cycle through word " + std::to_string(d));
      k = heads[k - 1];
    }
  }
}

}  // namespace

bool is_projective(const std::vector<int>& heads) {
  // With the root arc drawn from position 0, a tree is projective iff no two arcs cross.
  const int n = static_cast<int>(heads.size());
  for (int d1 = 1; d1 <= n; ++d1) {
    int a1 = std::min(d1, heads[d1 - 1]), b1 = std::max(d1, heads[d1 - 1]);
    for (int d2 = d1 + 1; d2 <= n; ++d2) {
      int a2 = std::min(d2, heads[d2 - 1]), b2 = std::max(d2, heads[d2 - 1]);
      if ((a1 < a2 && a2 < b1 && b1 < b2) || (a2 < a1 && a1 < b2 && b2 < b1)) return false;
    }
  }
  return true;
}

int projectivize(std::vector<int>& heads, std::vector<std::string>& labels) {
  check_tree(heads);
  if (is_projective(heads)) return 0;
  const int n = static_cast<int>(heads.size());
  const std::vector<int> original = heads;
  std::vector<bool> lifted(n, false);
  int lifts = 0;
  while (true) {
    int best = -1, best_len = 0;
    for (int d = 1; d <= n; ++d) {
      if (arc_projective(heads, d)) continue;
      int len = std::abs(heads[d - 1] - d);
      if (best < 0 || len < best_len) best = d, best_len = len;
    }
    if (best < 0) break;
    if (!lifted[best - 1]) {
      int syntactic_head = original[best - 1];
      std::string head_label(base_label(labels[syntactic_head - 1]));
      labels[best - 1].append(1, '|').append(head_label);
      lifted[best - 1] = true;
    }
    heads[best - 1] = heads[heads[best - 1] - 1];
    ++lifts;
  }
  return lifts;
}

void deprojectivize(std::vector<int>& heads, std::vector<std::string>& labels) {
  const int n = static_cast<int>(heads.size());
  std::vector<int> todo;
  for (int d = 1; d <= n; ++d)
    if (labels[d - 1].find('|') != std::string::npos) todo.push_back(d);
  if (todo.empty()) return;
  auto depth = [&](int d) {
    int k = 0;
    for (int steps = 0; d != 0 && steps <= n; ++steps) d = heads[d - 1], ++k;
    return k;
  };
  std::vector<int> depths(n + 1);
  for (int d : todo) depths[d] = depth(d);
  std::stable_sort(todo.begin(), todo.end(), [&](int a, int b) { return depths[a] < depths[b]; });

  std::vector<std::vector<int>> children(n + 1);  // in word order
  for (int d = 1; d <= n; ++d) children[heads[d - 1]].push_back(d);
  std::deque<int> queue;
  for (int d : todo) {
    const std::string& label = labels[d - 1];
    const auto bar = label.find('|');
    const std::string wanted = label.substr(bar + 1);
    int found = -1;
    queue.clear();
    for (int c : children[heads[d - 1]])
      if (c != d) queue.push_back(c);
    while (!queue.empty() && found < 0) {
      int x = queue.front();
      queue.pop_front();
      if (base_label(labels[x - 1]) == wanted) {
        found = x;
        break;
      }
      for (int c : children[x])
        if (c != d) queue.push_back(c);
    }
    labels[d - 1] = label.substr(0, bar);
    if (found > 0) {
      // Move d between the child lists (kept sorted) instead of rebuilding them: long sentences stay linear.
      auto& from = children[heads[d - 1]];
      from.erase(std::find(from.begin(), from.end(), d));
      auto& to = children[found];
      to.insert(std::lower_bound(to.begin(), to.end(), d), d);
      heads[d - 1] = found;
    }
  }
}

}  // namespace relgraph::parse
