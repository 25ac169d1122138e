// Averaged perceptron over hashed sparse features, shared by the tagger,
// parser and entity recognizer. Features are 64-bit hashes (see feature());
// weights are stored sparsely: for each feature only the classes it has a
// non-zero weight for. Inference is const and thread-safe.
// Training lives in perceptron_trainer.hpp. Tests: tests/core_test.cpp
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/model_io.hpp"

namespace relgraph::detail {

// FNV-1a hash of a string, then mixed; never 0.
inline std::uint64_t hash_str(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h ? h : 1;
}
inline std::uint64_t hash_mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t h = a ^ (b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2));
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h ? h : 1;
}
// A feature: template number plus up to three hashed values.
inline std::uint64_t feature(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
  return hash_mix(hash_mix(hash_mix(tmpl + 1, a), b), c);
}

class Perceptron {
 public:
  Perceptron() = default;
  // Built by PerceptronTrainer::average(): `rows` gives, per feature key, the
  // (class, weight) entries.
  struct Entry {
    std::uint16_t cls;
    float weight;
  };
  Perceptron(int num_classes, const std::vector<std::uint64_t>& keys, const std::vector<std::uint32_t>& offsets,
             std::vector<Entry> entries);

  int num_classes() const { return num_classes_; }
  std::size_t num_features() const { return num_features_; }
  // Adds each feature's weights into scores[0..num_classes).
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const;

  void save(ModelWriter& out) const;
  static Perceptron load(ModelReader& in);

 private:
  void build(const std::vector<std::uint64_t>& keys, const std::vector<std::uint32_t>& offsets);
  int num_classes_ = 0;
  std::size_t num_features_ = 0;
  std::uint64_t mask_ = 0;
  std::vector<std::uint64_t> slot_key_;  // open addressing, 0 = empty
  std::vector<std::uint32_t> slot_begin_, slot_end_;
  std::vector<Entry> entries_;
};

}  // namespace relgraph::detail
