// Internal: finds clause-level predicate-argument structures in a UD tree.
// extractor.cpp renders them as Propositions (for the graph) and as CaRB
// tuples. Tests: tests/relations_test.cpp (through the public API).
#pragma once
#include <string>
#include <vector>

#include "relations/schema.hpp"
#include "relgraph/document.hpp"

namespace relgraph::detail {

// One argument: its head, its words (sorted, without the marker) and the
// preposition / complementizer words introducing it.
struct Slot {
  std::string role;  // "subj", "obj", "iobj", "comp", "attr", or the preposition ("in", "according to")
  int head = -1;
  std::vector<int> words;
  std::vector<int> marker;  // case / mark words ("in", "that")
  bool pronoun = false;
  bool inherited = false;  // taken from another clause (conj verb, relative clause, control)
  bool distributed = false;  // already one conjunct of a coordination: not expanded again
};

struct Clause {
  Construction kind = Construction::Verb;
  int pred = -1;           // the main predicate word (last verb of an xcomp chain, predicate noun)
  std::vector<int> verbs;  // the relation's content words (verb chain, "to", particles)
  std::vector<int> aux;    // auxiliaries, copula and negation (CaRB keeps them)
  std::string synthetic;   // "is" / "has" when the relation has no word of its own
  Slot subj;
  std::vector<Slot> args;  // objects and obliques in sentence order
  int agent = -1;          // index in args of a passive's agent, -1 if none
  bool passive = false;
  bool negated = false;
  std::string modality;
  std::string attribution;
  std::string lemma;         // lemma for the canonical lookup
  std::string object_lemma;  // head lemma of the object (canonical triggers "direct money to")
  int chain = 1;             // verbs in the xcomp chain
  int depth = 0;             // clause embedding depth
  bool generic = false;    // a title with no role in the schema ("author Jane Doe")
  bool distributed = false;  // one of several coordinated variants
};

// Every clause of the sentence, coordination already distributed (one Clause
// per combination of coordinated subjects / objects). `text` is the document
// text (for attribution strings).
std::vector<Clause> find_clauses(const Sentence& sentence, const RelationSchema& schema);

// Words of a slot as text: forms joined by single spaces.
std::string words_text(const Sentence& sentence, const std::vector<int>& words);

}  // namespace relgraph::detail
