// Reference inside argument phrases, for the graph builder: the antecedent of
// a relative pronoun ("half of whom"), the anchor an appositive noun restates
// ("..., a claim which ..."), and bare definite descriptions ("the report")
// that name a concept an earlier phrase introduced. Word lists:
// schemas/lexicon/{relative_pronouns,bare_description_determiners}.tsv.
// Tests: tests/coref_test.cpp (Descriptions*)
#pragma once
#include <span>
#include <string>

#include "relgraph/document.hpp"

namespace relgraph::detail {

// A relative pronoun in an argument: the first one that opens the span or
// follows "of" ("half of whom"); word -1 if none.
struct RelativePronoun {
  int word = -1;
  std::string form;       // lower case: "whom"
  bool after_of = false;  // "of whom": the antecedent completes the phrase
};
RelativePronoun relative_pronoun_in(const Document& doc, const Argument& arg);

// The noun phrase (number, adjectives, compounds + noun) nearest before word
// `before` of sentence `s`, skipping punctuation: the antecedent of a
// relative pronoun. "" if the word before is no noun.
std::string relative_antecedent(const Document& doc, int s, int before);

// The governor an appositive noun head of `arg` restates ("debate ..., a
// claim"), when that governor is a noun outside every entity; -1 otherwise.
int appositive_anchor(const Document& doc, const Argument& arg);
// The same, given the mentions of the argument's sentence (MentionIndex::of).
int appositive_anchor(const Document& doc, const Argument& arg, std::span<const int> sentence_mentions);

// The argument's head lemma (lower case) and whether the argument is a bare
// definite description: "the report", "these groups" (at most three words,
// ending in its noun head).
struct Description {
  std::string head_lemma;
  bool bare_definite = false;
};
Description description_of(const Document& doc, const Argument& arg);

// A compound naming the same concept as `head`: "wargame" for "game", after
// at least three letters ("operation" does not name "cooperation"); `head`
// has four letters or more.
bool compound_names(const std::string& compound, const std::string& head);

}  // namespace relgraph::detail
