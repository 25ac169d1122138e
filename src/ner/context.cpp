// Document context of the recognizer's second stage (see context.hpp).
// Tests: tests/ner_test.cpp (Context.*)
#include "ner/context.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "ner/bilou.hpp"

namespace relgraph::ner {

std::vector<std::pair<int, int>> discourses(std::span<const Sentence> sentences) {
  std::vector<std::pair<int, int>> out;
  const int n = static_cast<int>(sentences.size());
  int begin = 0;
  for (int i = 1; i <= n; ++i) {
    bool starts = i < n && (sentences[i].comments.count("newdoc id") || sentences[i].comments.count("newdoc"));
    if (i == n || starts) out.push_back({begin, i}), begin = i;
  }
  return out;
}

std::vector<std::uint8_t> label_types(const std::vector<std::string>& labels) {
  std::vector<std::string> types;
  std::vector<std::uint8_t> out;
  for (const auto& l : labels) {
    if (l == "O" || l.size() < 3) {
      out.push_back(0);
      continue;
    }
    std::string type = l.substr(2);
    auto it = std::find(types.begin(), types.end(), type);
    if (it == types.end()) types.push_back(type), it = types.end() - 1;
    out.push_back(static_cast<std::uint8_t>(it - types.begin() + 1));
  }
  return out;
}

void add_context(std::span<std::vector<TokenInfo>> info, std::span<const std::vector<int>> labels,
                 const std::vector<std::uint8_t>& type_of) {
  auto type = [&](int id) -> std::uint8_t {
    return id >= 0 && id < int(type_of.size()) ? std::min<std::uint8_t>(type_of[id], 3) : 0;
  };
  // Stage-1 types of every occurrence of each word in the discourse.
  std::unordered_map<std::uint64_t, std::array<int, 4>> counts;
  for (std::size_t s = 0; s < info.size(); ++s)
    for (std::size_t i = 0; i < info[s].size(); ++i) ++counts[info[s][i].lower][type(labels[s][i])];
  for (std::size_t s = 0; s < info.size(); ++s)
    for (std::size_t i = 0; i < info[s].size(); ++i) {
      auto& t = info[s][i];
      const int own = type(labels[s][i]);
      t.ctx_label = static_cast<std::uint8_t>(labels[s][i] + 1);
      t.ctx_type = static_cast<std::uint8_t>(own);
      const auto& c = counts[t.lower];
      for (int k = 0; k < 4; ++k) t.ctx_doc[k] = static_cast<std::uint8_t>(std::min(c[k] - (k == own), 255));
    }
}

}  // namespace relgraph::ner
