// Internal: a name that modifies a common noun through a preposition ("teams
// from Ulmaria", "the mayor's office in Varnholt", "an attempt by Jo Arn")
// is a fact of its own, (the noun's phrase)-[preposition]->(the name), so
// that a name the text gives only as a modifier still reaches the graph.
// Thread safety: a free function over const data.
// Tests: tests/relations_test.cpp (NamedModifiers*)
#pragma once
#include <span>
#include <vector>

#include "relgraph/document.hpp"

namespace relgraph::detail {

inline constexpr const char* kNamedModifierRule = "relations.named_modifier";

// Propositions of sentence `sentence` (parsed; `mentions` its mentions in
// increasing order): for each name (a PER/ORG/LOC/MISC ... mention, not a
// value, role or pronoun) whose head hangs as nmod, with a one-word
// preposition of schemas/lexicon/modifier_prepositions.tsv, on a common noun
// that no name covers and that is not capitalised inside the sentence, (the noun with its compounds, adjectives and
// numbers)- [preposition]->(the name). attributes["construction"] = "np", attributes["rule"] = kNamedModifierRule. A
// later conjunct of such a name
// ("from Ulmaria, Kelt and Varn") takes the same noun and preposition.
std::vector<Proposition> named_modifiers(const Document& doc, int sentence, std::span<const int> mentions);

}  // namespace relgraph::detail
