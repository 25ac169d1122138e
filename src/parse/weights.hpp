// The parser's perceptron weights. Since the tagger and the recognizer moved
// to the same inference layout (one open-addressing slot per feature, mapped
// from the model file, see core/perceptron.hpp), this is a thin view of
// detail::Perceptron with the parser's raw-pointer scoring signature.
// Internal to src/parse. Tests: tests/parser_test.cpp
#pragma once
#include <cstdint>
#include <span>

#include "core/model_io.hpp"
#include "core/perceptron.hpp"

namespace relgraph::parse {

class PackedWeights {
 public:
  PackedWeights() = default;
  explicit PackedWeights(const detail::Perceptron& weights) : weights_(weights) {}
  // Reads what detail::Perceptron::save wrote; fails through `in` when corrupt.
  static PackedWeights load(detail::ModelReader& in) { return PackedWeights(detail::Perceptron::load(in)); }
  void save(detail::ModelWriter& out) const { weights_.save(out); }

  int num_classes() const { return weights_.num_classes(); }
  std::size_t num_features() const { return weights_.num_features(); }

  // Adds each feature's weights into scores[0..num_classes).
  void score(std::span<const std::uint64_t> features, float* scores) const { weights_.score(features, scores); }

 private:
  detail::Perceptron weights_;
};

}  // namespace relgraph::parse
