// Averaged perceptron training with lazy averaging. Tests: tests/core_test.cpp
#include "core/perceptron_trainer.hpp"

#include <algorithm>
#include <cmath>

namespace relgraph::detail {

void PerceptronTrainer::score(std::span<const std::uint64_t> features, std::span<float> scores) const {
  for (auto f : features) {
    auto it = rows_.find(f);
    if (it == rows_.end()) continue;
    for (const auto& c : it->second) scores[c.cls] += c.w;
  }
}

void PerceptronTrainer::add(std::uint64_t f, int cls, float delta) {
  auto& row = rows_[f];
  auto it = std::find_if(row.begin(), row.end(), [&](const Cell& c) { return c.cls == cls; });
  if (it == row.end()) {
    row.push_back(Cell{static_cast<std::uint16_t>(cls), 0, 0, now_});
    it = row.end() - 1;
  }
  it->total += static_cast<float>(now_ - it->stamp) * it->w;
  it->stamp = now_;
  it->w += delta;
}

void PerceptronTrainer::update(std::span<const std::uint64_t> features, int truth, int guess, float amount) {
  if (truth == guess) return;
  for (auto f : features) {
    add(f, truth, amount);
    if (guess >= 0) add(f, guess, -amount);
  }
}

Perceptron PerceptronTrainer::average(float min_weight) const {
  std::vector<std::pair<std::uint64_t, const std::vector<Cell>*>> sorted;
  sorted.reserve(rows_.size());
  for (const auto& [k, row] : rows_) sorted.emplace_back(k, &row);
  std::sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.first < b.first; });  // determinism
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> offsets{0};
  std::vector<Perceptron::Entry> entries;
  const double t = std::max<std::uint64_t>(now_, 1);
  for (const auto& [k, row] : sorted) {
    std::size_t before = entries.size();
    for (const auto& c : *row) {
      double total = c.total + static_cast<double>(now_ - c.stamp) * c.w;
      float avg = static_cast<float>(total / t);
      if (avg != 0.0f && std::fabs(avg) >= min_weight) entries.push_back({c.cls, avg});
    }
    if (entries.size() == before) continue;
    std::sort(entries.begin() + before, entries.end(), [](auto& a, auto& b) { return a.cls < b.cls; });
    keys.push_back(k);
    offsets.push_back(static_cast<std::uint32_t>(entries.size()));
  }
  return Perceptron(num_classes_, keys, offsets, std::move(entries));
}

}  // namespace relgraph::detail
