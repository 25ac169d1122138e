// Packed perceptron weights for parsing (see weights.hpp). Tests: tests/parser_test.cpp
#include "parse/weights.hpp"

namespace relgraph::parse {

namespace {
struct Arrays {
  std::int32_t num_classes = 0;
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> offsets;
  std::vector<detail::Perceptron::Entry> entries;
};

// The layout of detail::Perceptron::save, with the same checks as its load().
Arrays read_arrays(detail::ModelReader& in) {
  Arrays a;
  a.num_classes = in.pod<std::int32_t>();
  a.keys = in.vec<std::uint64_t>();
  a.offsets = in.vec<std::uint32_t>();
  a.entries = in.vec<detail::Perceptron::Entry>();
  if (a.num_classes <= 0 || a.offsets.size() != a.keys.size() + 1 || a.offsets.back() != a.entries.size())
    in.fail("corrupt perceptron weights");
  for (std::size_t i = 1; i < a.offsets.size(); ++i)
    if (a.offsets[i] < a.offsets[i - 1]) in.fail("corrupt perceptron weights");
  for (const auto& e : a.entries)
    if (e.cls >= a.num_classes) in.fail("corrupt perceptron weights (class out of range)");
  for (auto k : a.keys)
    if (k == 0) in.fail("corrupt perceptron weights (zero key)");
  return a;
}
}  // namespace

PackedWeights::PackedWeights(const detail::Perceptron& weights) {
  // The perceptron's serialized form is its only public view of keys and entries.
  detail::ModelWriter out("packed", 1);
  weights.save(out);
  auto in = detail::ModelReader::from_bytes(out.bytes(), "packed weights", "packed", 1);
  Arrays a = read_arrays(in);
  build(a.num_classes, a.keys, a.offsets, std::move(a.entries));
}

PackedWeights PackedWeights::load(detail::ModelReader& in) {
  Arrays a = read_arrays(in);
  PackedWeights w;
  w.build(a.num_classes, a.keys, a.offsets, std::move(a.entries));
  return w;
}

void PackedWeights::build(int num_classes, const std::vector<std::uint64_t>& keys,
                          const std::vector<std::uint32_t>& offsets, std::vector<detail::Perceptron::Entry> entries) {
  num_classes_ = num_classes;
  num_features_ = keys.size();
  entries_ = std::move(entries);
  std::size_t cap = 16;
  while (cap < keys.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  slots_.assign(cap, Slot{});
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::uint64_t s = keys[i] & mask_;
    while (slots_[s].key != 0) {
      if (slots_[s].key == keys[i]) break;  // duplicate key: keep the first
      s = (s + 1) & mask_;
    }
    if (slots_[s].key == 0) slots_[s] = Slot{keys[i], offsets[i], offsets[i + 1]};
  }
}

void PackedWeights::save(detail::ModelWriter& out) const {
  // Keys in ascending order, so equal weights always give equal bytes.
  std::vector<const Slot*> used;
  used.reserve(num_features_);
  for (const auto& s : slots_)
    if (s.key) used.push_back(&s);
  std::sort(used.begin(), used.end(), [](const Slot* a, const Slot* b) { return a->key < b->key; });
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> offsets{0};
  std::vector<detail::Perceptron::Entry> entries;
  keys.reserve(used.size());
  entries.reserve(entries_.size());
  for (const Slot* s : used) {
    keys.push_back(s->key);
    entries.insert(entries.end(), entries_.begin() + s->begin, entries_.begin() + s->end);
    offsets.push_back(static_cast<std::uint32_t>(entries.size()));
  }
  out.pod<std::int32_t>(num_classes_);
  out.vec(keys);
  out.vec(offsets);
  out.vec(entries);
}

}  // namespace relgraph::parse
