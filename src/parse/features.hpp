// The parser's one feature function, shared by training and inference:
// Zhang & Nivre (2011) style templates over the stack, the buffer, the
// leftmost/rightmost children, valency, distance and label sets, as 64-bit
// hashes (no strings are built per transition).
// Internal to src/parse. Tests: tests/parser_test.cpp
#pragma once
#include <cstdint>
#include <vector>

#include "core/word_clusters.hpp"
#include "parse/transition.hpp"
#include "relgraph/document.hpp"

namespace relgraph::parse {

// Per-word hashes computed once per sentence. Entries [0, n) are the words,
// n is ROOT and n + 1 stands for "no such word".
struct WordHashes {
  std::vector<std::uint64_t> w;  // normalised form (lower case, digits -> 0)
  std::vector<std::uint64_t> p;  // XPOS
  std::vector<std::uint64_t> u;  // UPOS
  std::vector<std::uint64_t> c;  // packed word classes (core/word_clusters.hpp); empty = none
  void prepare(const Sentence& sentence, const detail::WordClusters* clusters = nullptr);
};

// Replaces the contents of `out` with the features of `state`.
void extract_features(const State& state, const WordHashes& words, std::vector<std::uint64_t>& out);

}  // namespace relgraph::parse
