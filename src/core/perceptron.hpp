// Averaged perceptron over hashed sparse features, shared by the tagger,
// parser and entity recognizer. Features are 64-bit hashes (see feature());
// weights are stored sparsely: for each feature only the classes it has a
// non-zero weight for. Inference is const and thread-safe.
// Training lives in perceptron_trainer.hpp. Tests: tests/core_test.cpp
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
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
  Perceptron();
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
  // Adds each feature's weights into scores[0..num_classes). Lookups are
  // prefetched in batches: scoring is bound by memory latency, not arithmetic.
  // Sums in feature order, entry order, so any layout gives the same floats.
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const { score(features, scores.data()); }
  void score(std::span<const std::uint64_t> features, float* scores) const {
    constexpr std::size_t kBatch = 64;
    std::uint32_t begin[kBatch], end[kBatch];
    bool bad = false;
    for (std::size_t base = 0; base < features.size(); base += kBatch) {
      const std::size_t count = std::min(kBatch, features.size() - base);
      const std::uint64_t* f = features.data() + base;
      for (std::size_t k = 0; k < count; ++k) __builtin_prefetch(&slots_[f[k] & mask_]);
      for (std::size_t k = 0; k < count; ++k) {
        begin[k] = end[k] = 0;
        std::uint64_t s = f[k] & mask_;
        for (std::uint64_t left = mask_;; --left, s = (s + 1) & mask_) {
          const Slot& slot = slots_[s];
          if (slot.key == f[k]) {
            begin[k] = slot.begin;
            end[k] = slot.end;
            bad |= slot.end > num_entries_;
            __builtin_prefetch(entries_ + slot.begin);
            break;
          }
          if (slot.key == 0 || left == 0) break;
        }
      }
      if (bad) [[unlikely]]
        corrupt();
      for (std::size_t k = 0; k < count; ++k)
        for (std::uint32_t i = begin[k]; i < end[k]; ++i) scores[entries_[i].cls] += entries_[i].weight;
    }
  }

  // One feature's weights, found once and added many times: adding the ranges
  // of sorted features in order gives the floats score() gives for them.
  struct Range {
    std::uint32_t begin = 0, end = 0;
  };
  // The slots of a mapped file are not scanned when it loads (that would
  // read every page of them at each start): lookups check what they read
  // instead. Probes stop after every slot was seen, and a range past the
  // entries throws. (Entry classes are checked at load.)
  Range find(std::uint64_t feature) const {
    std::uint64_t s = feature & mask_;
    for (std::uint64_t left = mask_;; --left, s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.key == feature) {
        if (slot.end > num_entries_) [[unlikely]]
          corrupt();
        return {slot.begin, slot.end};
      }
      if (slot.key == 0 || left == 0) return {};
    }
  }
  // Starts loading the slot find(feature) reads first. (GCC drops a
  // __builtin_prefetch whose address takes a loop to compute; the asm stays.)
  void prefetch(std::uint64_t feature) const {
#if defined(__x86_64__) && defined(__GNUC__)
    asm volatile("prefetcht0 %0" : : "m"(slots_[feature & mask_]));
#else
    __builtin_prefetch(&slots_[feature & mask_]);
#endif
  }
  void add(Range r, float* scores) const {
    for (std::uint32_t i = r.begin; i < r.end; ++i) scores[entries_[i].cls] += entries_[i].weight;
  }

  // Writes the inference layout itself (the open-addressing slots and the
  // entries, 8-byte aligned), so load() maps it without copying or hashing.
  void save(ModelWriter& out) const;
  // Reads that layout in place (the weights keep the reader's storage alive),
  // or the older sorted-arrays layout, which it indexes.
  static Perceptron load(ModelReader& in);

  // One slot per feature: its key (0 = empty) and the range of its entries.
  struct Slot {
    std::uint64_t key;
    std::uint32_t begin, end;
  };

 private:
  struct Table;
  void build(const std::vector<std::uint64_t>& keys, const std::vector<std::uint32_t>& offsets,
             std::vector<Entry> entries);
  void use(std::shared_ptr<const Table> table);
  // Throws Error(Model) naming the file the weights came from.
  [[noreturn]] void corrupt() const;
  int num_classes_ = 0;
  std::size_t num_features_ = 0;
  std::uint64_t mask_ = 0;
  // Immutable and shared, so copies are cheap; the raw pointers point into it.
  std::shared_ptr<const Table> table_;
  const Slot* slots_ = nullptr;
  const Entry* entries_ = nullptr;
  std::uint32_t num_entries_ = 0;
};

}  // namespace relgraph::detail
