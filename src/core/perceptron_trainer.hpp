// Training side of the averaged perceptron (Collins 2002; lazy averaging with
// timestamps). Not linked into the runtime library. Tests: tests/core_test.cpp
#pragma once
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "core/perceptron.hpp"

namespace relgraph::detail {

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}
  int num_classes() const { return num_classes_; }
  // Scores with the current (not averaged) weights.
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const;
  // Moves weights toward `truth` and away from `guess` by `amount` (no-op if equal).
  void update(std::span<const std::uint64_t> features, int truth, int guess, float amount = 1.0f);
  // Call once per training instance (token, transition), before or after update.
  void tick() { ++now_; }
  // Averaged weights; entries with |w| below `min_weight` are dropped to keep models small.
  Perceptron average(float min_weight = 0.0f) const;

 private:
  struct Cell {
    std::uint16_t cls;
    float w = 0, total = 0;
    std::uint64_t stamp = 0;
  };
  void add(std::uint64_t f, int cls, float delta);
  int num_classes_;
  std::uint64_t now_ = 0;
  std::unordered_map<std::uint64_t, std::vector<Cell>> rows_;
};

}  // namespace relgraph::detail
