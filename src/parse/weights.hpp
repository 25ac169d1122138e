// The parser's perceptron weights in a cache-friendly inference layout: one
// open-addressing slot (key + entry range) per feature, so a lookup costs one
// cache miss plus the entries. Reads and writes the same bytes as
// detail::Perceptron::save/load (so trained weights go straight in), and
// scores exactly like detail::Perceptron::score.
// Internal to src/parse. Tests: tests/parser_test.cpp
#pragma once
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "core/model_io.hpp"
#include "core/perceptron.hpp"

namespace relgraph::parse {

class PackedWeights {
 public:
  PackedWeights() = default;
  explicit PackedWeights(const detail::Perceptron& weights);
  // Reads what detail::Perceptron::save wrote; fails through `in` when corrupt.
  static PackedWeights load(detail::ModelReader& in);
  void save(detail::ModelWriter& out) const;

  int num_classes() const { return num_classes_; }
  std::size_t num_features() const { return num_features_; }

  // Adds each feature's weights into scores[0..num_classes). Lookups are
  // prefetched in batches: parsing is bound by memory latency, not arithmetic.
  void score(std::span<const std::uint64_t> features, float* scores) const {
    constexpr std::size_t kBatch = 64;
    std::uint32_t begin[kBatch], end[kBatch];
    for (std::size_t base = 0; base < features.size(); base += kBatch) {
      const std::size_t count = std::min(kBatch, features.size() - base);
      const std::uint64_t* f = features.data() + base;
      for (std::size_t k = 0; k < count; ++k) __builtin_prefetch(&slots_[f[k] & mask_]);
      for (std::size_t k = 0; k < count; ++k) {
        begin[k] = end[k] = 0;
        for (std::uint64_t s = f[k] & mask_;; s = (s + 1) & mask_) {
          const Slot& slot = slots_[s];
          if (slot.key == f[k]) {
            begin[k] = slot.begin;
            end[k] = slot.end;
            __builtin_prefetch(entries_.data() + slot.begin);
            break;
          }
          if (slot.key == 0) break;
        }
      }
      for (std::size_t k = 0; k < count; ++k)
        for (std::uint32_t i = begin[k]; i < end[k]; ++i) scores[entries_[i].cls] += entries_[i].weight;
    }
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t begin = 0, end = 0;
  };
  void build(int num_classes, const std::vector<std::uint64_t>& keys, const std::vector<std::uint32_t>& offsets,
             std::vector<detail::Perceptron::Entry> entries);
  int num_classes_ = 0;
  std::size_t num_features_ = 0;
  std::vector<Slot> slots_{Slot{}};  // never empty, so score() needs no check
  std::uint64_t mask_ = 0;
  std::vector<detail::Perceptron::Entry> entries_;
};

}  // namespace relgraph::parse
