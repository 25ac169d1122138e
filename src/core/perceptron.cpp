// Averaged perceptron inference (sparse hashed weights) and its two file
// layouts: the mapped inference image and the older sorted arrays.
// Tests: tests/core_test.cpp
#include "core/perceptron.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "relgraph/error.hpp"

namespace relgraph::detail {

namespace {
// Marks the image layout where the older layout has its class count (> 0).
constexpr std::int32_t kImageTag = -1;

// The class check load() makes on every entry of a mapped model (the slots
// are checked by the lookups that read them): a branch-free loop, compiled
// twice and chosen at run time, so that CPUs with AVX2 scan 32 bytes a step
// while the binary still runs on any x86-64 (target_clones, GCC's function
// multi-versioning).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define RELGRAPH_AVX2_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define RELGRAPH_AVX2_CLONES
#endif

RELGRAPH_AVX2_CLONES std::uint16_t max_class(const Perceptron::Entry* entries, std::size_t n) {
  std::uint16_t max = 0;
  for (std::size_t i = 0; i < n; ++i) max = std::max(max, entries[i].cls);
  return max;
}
}  // namespace

struct Perceptron::Table {
  std::vector<Slot> own_slots;  // built in memory (training, older files) ...
  std::vector<Entry> own_entries;
  std::shared_ptr<const void> storage;  // ... or viewed in a mapped file
  std::span<const Slot> slots;
  std::span<const Entry> entries;
  std::string source;  // the model file, for messages
};

Perceptron::Perceptron() {
  static const auto empty = [] {
    auto t = std::make_shared<Table>();
    t->own_slots.assign(1, Slot{0, 0, 0});  // never empty, so score() needs no check
    t->slots = t->own_slots;
    return std::shared_ptr<const Table>(std::move(t));
  }();
  use(empty);
}

Perceptron::Perceptron(int num_classes, const std::vector<std::uint64_t>& keys,
                       const std::vector<std::uint32_t>& offsets, std::vector<Entry> entries)
    : num_classes_(num_classes) {
  build(keys, offsets, std::move(entries));
}

void Perceptron::use(std::shared_ptr<const Table> table) {
  table_ = std::move(table);
  slots_ = table_->slots.data();
  entries_ = table_->entries.data();
  num_entries_ = static_cast<std::uint32_t>(table_->entries.size());
  mask_ = table_->slots.size() - 1;
}

void Perceptron::corrupt() const {
  throw Error(ErrorKind::Model, "cannot read model '" + table_->source + "': corrupt perceptron weights");
}

void Perceptron::build(const std::vector<std::uint64_t>& keys, const std::vector<std::uint32_t>& offsets,
                       std::vector<Entry> entries) {
  auto t = std::make_shared<Table>();
  std::size_t cap = 16;
  while (cap < keys.size() * 2) cap <<= 1;
  const std::uint64_t mask = cap - 1;
  t->own_slots.assign(cap, Slot{0, 0, 0});
  num_features_ = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::uint64_t s = keys[i] & mask;
    while (t->own_slots[s].key != 0 && t->own_slots[s].key != keys[i]) s = (s + 1) & mask;
    if (t->own_slots[s].key != 0) continue;  // duplicate key: the first one wins, as in lookups
    t->own_slots[s] = Slot{keys[i], offsets[i], offsets[i + 1]};
    ++num_features_;
  }
  t->own_entries = std::move(entries);
  t->slots = t->own_slots;
  t->entries = t->own_entries;
  use(std::move(t));
}

void Perceptron::save(ModelWriter& out) const {
  out.pod<std::int32_t>(kImageTag);
  out.pod<std::int32_t>(num_classes_);
  out.pod<std::uint64_t>(num_features_);
  out.aligned_vec(table_->slots);
  // Padding bytes zeroed explicitly: identical models give byte-identical files.
  std::vector<Entry> entries(table_->entries.size());
  std::memset(static_cast<void*>(entries.data()), 0, entries.size() * sizeof(Entry));
  for (std::size_t i = 0; i < entries.size(); ++i) {
    entries[i].cls = table_->entries[i].cls;
    entries[i].weight = table_->entries[i].weight;
  }
  out.aligned_vec(std::span<const Entry>(entries));
}

Perceptron Perceptron::load(ModelReader& in) {
  auto n = in.pod<std::int32_t>();
  Perceptron p;
  if (n != kImageTag) {  // the older layout: keys, offsets and entries, indexed here
    auto keys = in.vec<std::uint64_t>();
    auto offsets = in.vec<std::uint32_t>();
    auto entries = in.vec<Entry>();
    if (n <= 0 || offsets.size() != keys.size() + 1 || offsets.back() != entries.size())
      in.fail("corrupt perceptron weights");
    for (std::size_t i = 1; i < offsets.size(); ++i)
      if (offsets[i] < offsets[i - 1]) in.fail("corrupt perceptron weights");
    for (const auto& e : entries)
      if (e.cls >= n) in.fail("corrupt perceptron weights (class out of range)");
    for (auto k : keys)
      if (k == 0) in.fail("corrupt perceptron weights (zero key)");
    p.num_classes_ = n;
    p.build(keys, offsets, std::move(entries));
    return p;
  }
  n = in.pod<std::int32_t>();
  auto features = in.pod<std::uint64_t>();
  auto slots = in.aligned_view<Slot>();
  auto entries = in.aligned_view<Entry>();
  // The slots are not read here: score() and find() check each slot they use,
  // so a start reads just the slot pages its lookups need.
  if (n <= 0 || slots.empty() || (slots.size() & (slots.size() - 1)) != 0 || features >= slots.size() ||
      entries.size() > UINT32_MAX)
    in.fail("corrupt perceptron weights");
  if (!entries.empty() && max_class(entries.data(), entries.size()) >= n)
    in.fail("corrupt perceptron weights (class out of range)");
  auto t = std::make_shared<Table>();
  t->storage = in.storage();
  t->slots = slots;
  t->entries = entries;
  t->source = in.name();
  p.num_classes_ = n;
  p.num_features_ = features;
  p.use(std::move(t));
  return p;
}

}  // namespace relgraph::detail
