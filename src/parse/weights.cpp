// Packed perceptron weights for parsing (see weights.hpp). Tests: tests/parser_test.cpp
#include "parse/weights.hpp"

#include "core/model_io.hpp"

namespace relgraph::parse {

PackedWeights::PackedWeights(const detail::Perceptron& weights) {
  // The perceptron's serialized form is its only public view of keys and entries.
  detail::ModelWriter out("packed", 1);
  weights.save(out);
  auto in = detail::ModelReader::from_bytes(out.bytes(), "packed weights", "packed", 1);
  in.pod<std::int32_t>();
  auto keys = in.vec<std::uint64_t>();
  auto offsets = in.vec<std::uint32_t>();
  entries_ = in.vec<detail::Perceptron::Entry>();
  std::size_t cap = 16;
  while (cap < keys.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  slots_.assign(cap, Slot{});
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::uint64_t s = keys[i] & mask_;
    while (slots_[s].key != 0) s = (s + 1) & mask_;
    slots_[s] = Slot{keys[i], offsets[i], offsets[i + 1]};
  }
}

}  // namespace relgraph::parse
