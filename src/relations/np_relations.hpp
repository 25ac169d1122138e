// Internal: relations stated inside a noun phrase, around a name, with no
// verb: kinship ("Lee's wife Ann Lee", "Ann, the daughter of Lee"), a role
// with its party ("Acme spokesperson Jo Bell", "the coach of Redtown, Al
// Moe"), affiliation ("Jo Bell of the Green Party"), part-of between
// organisations, location ("the Grand Hotel in Lyon", "Dayton, Ohio") and
// origin from a demonym ("the French writer Jean Dupont").
//
// Each construction is a named rule that PipelineOptions::disable can
// switch off. The relational nouns are data: schemas/lexicon/relational_nouns.tsv
// (noun, canonical relation, kind). Rules read UD relations (compound,
// nmod:desc, nmod:poss, nmod, appos, amod, flat) and, when the recogniser
// ran, the entity mentions' types.
// Thread safety: immutable after construction; find() is const.
// Tests: tests/np_relations_test.cpp
#pragma once
#include <span>
#include <string>
#include <vector>

#include "relgraph/document.hpp"

namespace relgraph::detail {

class Lexicon;

class NpRelations {
 public:
  NpRelations() = default;  // no rules: finds nothing
  // `nouns`: the relational_nouns lexicon (must outlive this object);
  // `disabled`: rule names to leave out.
  NpRelations(const Lexicon* nouns, const std::vector<std::string>& disabled);

  // The rule names, e.g. "relations.np_kinship".
  static std::vector<std::string> rule_names();

  // Propositions of sentence `sentence` found inside noun phrases. Each has
  // attributes["construction"] = "np" and attributes["rule"] = its rule name.
  std::vector<Proposition> find(const Document& doc, int sentence) const;
  // The same with the sentence's mentions given (detail::MentionIndex::of).
  std::vector<Proposition> find(const Document& doc, int sentence, std::span<const int> mentions) const;

 private:
  const Lexicon* nouns_ = nullptr;
  std::vector<std::string> enabled_;
};

}  // namespace relgraph::detail
