// Document context for the recognizer's second stage (Krishnan & Manning
// 2006; Ratinov & Roth 2009): the first stage's labels of every other
// occurrence of a word in the same discourse, aggregated by entity type, and
// the first stage's own labels around the token. Internal to src/ner.
// Tests: tests/ner_test.cpp (Context.*)
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "ner/features.hpp"
#include "relgraph/document.hpp"

namespace relgraph::ner {

// Sentences [begin, end) of each discourse: a new one starts at a sentence
// with a "newdoc id" (or "newdoc") comment; without any, all are one.
std::vector<std::pair<int, int>> discourses(std::span<const Sentence> sentences);

// Entity type number of each label: 0 for "O", 1, 2 ... in order of first
// appearance of the types in `labels` ("B-PER" -> 1, "I-PER" -> 1, "B-ORG" -> 2).
std::vector<std::uint8_t> label_types(const std::vector<std::string>& labels);

// Fills the context fields of `info` (TokenInfo::ctx_*), one vector per
// sentence of ONE discourse, from the first stage's label ids `labels` of
// the same sentences; `type_of` is label_types() of the model's labels.
// Words are matched by TokenInfo::lower (lower case, possessive stripped).
void add_context(std::span<std::vector<TokenInfo>> info, std::span<const std::vector<int>> labels,
                 const std::vector<std::uint8_t>& type_of);

}  // namespace relgraph::ner
