// Internal: coordinated names read off the mentions' order, so that a clause
// whose subject is one name of a list ("Ann Lee of the Green Party, Tom Chen
// and Mary Wu were elected") states its fact for every name, even where the
// parser attached the list's members wrongly (long lists of names with
// of-phrases and possessors are a common parse error).
// Thread safety: free functions over const data.
// Tests: tests/relations_test.cpp (NameList*)
#pragma once
#include <span>
#include <vector>

#include "relgraph/document.hpp"

namespace relgraph::detail {

// The rule's name, for PipelineOptions::disable.
inline constexpr const char* kNameListRule = "relations.name_list";

// The names coordinated with mention `m` of sentence `sentence` (indices into
// Document::mentions, in sentence order, `m` among them), or {m} alone. Two
// neighbouring names of the same type belong to one list when only these
// words lie between them: an affiliation of the first ("of/from [the]
// Capitalised Words"), a separator ("," / "and" / "as well as") and modifiers
// of the second (a possessor "Acme's", lower-case adjectives and nouns:
// "union leader"). The last separator must hold "and" or "as well as", and
// the last name must not be a possessor ("... and Lee's son"): an apposition
// ("Lee, Bo's lawyer") is no list. `mentions`: the sentence's mentions in
// increasing order.
std::vector<int> coordinated_names(const Document& doc, int sentence, std::span<const int> mentions, int m);

// Copies of the clause proposition `p` (a verb or copula) with each other
// name of its subject's list (a list before the relation words) as subject,
// and of its object's list (after them) as object. Empty when neither
// argument is such a name.
std::vector<Proposition> distribute_over_names(const Document& doc, const Proposition& p,
                                               std::span<const int> mentions);

// "Acme's Ann Lee and Tom Chen": copies of the membership `p` (subject a
// person, object the organisation whose possessive stands right before the
// person) for the later names of the person's list that have no possessor
// or of/from-phrase of their own.
inline constexpr const char* kSharedPossessorRule = "relations.shared_possessor";
std::vector<Proposition> share_possessor(const Document& doc, const Proposition& p, std::span<const int> mentions);

// "assisted by former members, including Ann Lee and Tom Chen": copies of
// the clause proposition `p` (verb or copula) with each name the object
// phrase gives as an example ("including" / "such as" and a list of names
// right after the object's head) as the object.
inline constexpr const char* kExamplesRule = "relations.named_examples";
std::vector<Proposition> named_examples(const Document& doc, const Proposition& p, std::span<const int> mentions);

// Are the proposition's subject and object two names of one list? ("Ann Lee,
// Tom Chen and Mary Wu": a parse that reads "Ann Lee, Tom Chen" as an
// apposition makes "Ann Lee is Tom Chen".)
inline constexpr const char* kListAppositionRule = "relations.list_apposition";
bool same_list(const Document& doc, const Proposition& p, std::span<const int> mentions);

}  // namespace relgraph::detail
