// Averaged perceptron inference (sparse hashed weights). Tests: tests/core_test.cpp
#include "core/perceptron.hpp"

#include <cstring>

namespace relgraph::detail {

Perceptron::Perceptron(int num_classes, const std::vector<std::uint64_t>& keys,
                       const std::vector<std::uint32_t>& offsets, std::vector<Entry> entries)
    : num_classes_(num_classes), entries_(std::move(entries)) {
  build(keys, offsets);
}

void Perceptron::build(const std::vector<std::uint64_t>& keys, const std::vector<std::uint32_t>& offsets) {
  num_features_ = keys.size();
  std::size_t cap = 16;
  while (cap < keys.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  slot_key_.assign(cap, 0);
  slot_begin_.assign(cap, 0);
  slot_end_.assign(cap, 0);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::uint64_t s = keys[i] & mask_;
    while (slot_key_[s] != 0) s = (s + 1) & mask_;
    slot_key_[s] = keys[i];
    slot_begin_[s] = offsets[i];
    slot_end_[s] = offsets[i + 1];
  }
}

void Perceptron::score(std::span<const std::uint64_t> features, std::span<float> scores) const {
  if (slot_key_.empty()) return;
  for (std::uint64_t f : features) {
    std::uint64_t s = f & mask_;
    while (true) {
      std::uint64_t k = slot_key_[s];
      if (k == f) {
        for (std::uint32_t i = slot_begin_[s]; i < slot_end_[s]; ++i) scores[entries_[i].cls] += entries_[i].weight;
        break;
      }
      if (k == 0) break;
      s = (s + 1) & mask_;
    }
  }
}

void Perceptron::save(ModelWriter& out) const {
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> offsets{0};
  std::vector<Entry> entries;
  keys.reserve(num_features_);
  entries.reserve(entries_.size());
  for (std::size_t s = 0; s < slot_key_.size(); ++s) {
    if (!slot_key_[s]) continue;
    keys.push_back(slot_key_[s]);
    for (std::uint32_t i = slot_begin_[s]; i < slot_end_[s]; ++i) {
      // Padding bytes zeroed explicitly: identical models give byte-identical files.
      entries.emplace_back();
      std::memset(static_cast<void*>(&entries.back()), 0, sizeof(Entry));
      entries.back().cls = entries_[i].cls;
      entries.back().weight = entries_[i].weight;
    }
    offsets.push_back(static_cast<std::uint32_t>(entries.size()));
  }
  out.pod<std::int32_t>(num_classes_);
  out.vec(keys);
  out.vec(offsets);
  out.vec(entries);
}

Perceptron Perceptron::load(ModelReader& in) {
  auto n = in.pod<std::int32_t>();
  auto keys = in.vec<std::uint64_t>();
  auto offsets = in.vec<std::uint32_t>();
  auto entries = in.vec<Entry>();
  if (n <= 0 || offsets.size() != keys.size() + 1 || offsets.back() != entries.size())
    in.fail("corrupt perceptron weights");
  for (std::size_t i = 1; i < offsets.size(); ++i)
    if (offsets[i] < offsets[i - 1]) in.fail("corrupt perceptron weights");
  for (const auto& e : entries)
    if (e.cls >= n) in.fail("corrupt perceptron weights (class out of range)");
  return Perceptron(n, keys, offsets, std::move(entries));
}

}  // namespace relgraph::detail
