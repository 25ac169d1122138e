// Internal: finds clause-level predicate-argument structures in a UD tree.
// extractor.cpp renders them as Propositions (for the graph) and as CaRB
// tuples. Tests: tests/relations_test.cpp (through the public API).
#pragma once
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/lexicon.hpp"
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
  bool inherited = false;    // taken from another clause (conj verb, relative clause, control)
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
  bool generic = false;      // a title with no role in the schema ("author Jane Doe")
  bool distributed = false;  // one of several coordinated variants
};

// The clause constructions, each a named rule PipelineOptions::disable can
// switch off ("relations.passive"). The first group finds predicates (one
// function per construction, run on every word in this order); the rest refine
// what they find.
enum class Rule {
  Copula,           // "X is a footballer", "X is in Paris"
  Verb,             // a verb and its arguments
  Apposition,       // "the doctor, Erasistratus"
  Title,            // "Interior Minister John Smith"
  Possessive,       // "King's grandmother", "the report of the commission"
  EventNominal,     // "Smith's visit to France"
  Modifier,         // "the office in Paris", "wealthy aristocrat"
  Passive,          // "pressure caused by heat": a participle modifying a noun
  PurposeClause,    // "entered the country to fight it"
  ObjectControl,    // "enabled the army to train recruits"
  GerundChain,      // "is charged with reviewing the plans"
  GerundAdverbial,  // "clarified by adding potato"
  TimeAdverbial,    // "two years later"
  SharedAux,        // "have crossed the lines and returned"
  SharedObject,     // "bought and sold shares"
  ChainComplement,  // "returned to work"
  RelativeGap,      // "the book he wrote"
  ReportedClause,   // "..., officials said"
  LightVerb,        // "X held talks with Y"
  StrayAgent,       // "facilitated the acquisition of arms by X"
  BetweenParties,   // "cooperation between X and Y"
  // Rendering (extractor.cpp), not clause finding:
  PassiveVoice,    // "Y was covered by X" stays (Y)-[was covered by]->(X) unless a canonical relation fits
  EventArguments,  // "left Lima in 2007": one more proposition per date, place, amount or count
  WithAbsolute,    // "ended with Lee winning the race": Lee is the gerund's subject
  LightVerbNoun,   // "took place in Oslo": (X)-[took place in]->(Oslo)
  ControlObject,   // "urged citizens to vote": the object runs on over its infinitive, (X)-[urged]->(citizens to vote)
  SubjectlessComplement,  // "found [yields by 2050] fell": a complement clause without a subject takes the object
  CoordinatedPassive,     // "Lee was hurt and replaced by Bo": the second passive keeps its voice too
  ObjectOblique,          // "put its troops on alert": (X)-[put troops on]->(alert), an oblique after the object
  FromTo,                 // "moved from Lyon to Paris": the to-phrase the parse hung on the from-phrase is the verb's
  AdjectiveComplement,    // "Wheat is sensitive to ozone": (Wheat)-[is sensitive to]->(ozone)
};
inline constexpr std::size_t kRuleCount = 31;
// Rule names in enum order: "relations.copula", ...
const std::array<std::string_view, kRuleCount>& rule_names();

// English word lists the clause finder consults (schemas/lexicon), loaded once
// when the extractor is built.
struct ClauseLexicon {
  WordSet object_control;    // object_control_verbs.tsv
  WordSet complement_preps;  // complement_prepositions.tsv
  WordSet adverbial_preps;   // adverbial_gerund_prepositions.tsv
  WordSet time_units;        // time_units.tsv
  WordSet vague_adjectives;  // vague_adjectives.tsv
  WordSet light_verbs;       // light_verbs.tsv
  WordSet relativizers;      // relativizers.tsv
  WordSet negation;          // negation_words.tsv
  WordMap modal_by_lemma;    // modal_auxiliaries.tsv, matched on the lemma
  WordMap modal_by_form;     // modal_auxiliaries.tsv, matched on the form
  WordSet place_preps;       // place_prepositions.tsv
  WordSet adjunct_preps;     // adjunct_prepositions.tsv
  static std::shared_ptr<const ClauseLexicon> load(const std::string& schemas_dir = "");
};

// What find_clauses consults besides the schema.
struct ClauseRules {
  std::shared_ptr<const ClauseLexicon> lexicon;  // null = ClauseLexicon::load()
  std::array<bool, kRuleCount> enabled = make_all_enabled();
  bool on(Rule r) const { return enabled[static_cast<std::size_t>(r)]; }
  // Every rule on, except those named in `disable` (names of other stages are ignored).
  static ClauseRules from(const std::vector<std::string>& disable, const std::string& schemas_dir = "");

 private:
  static constexpr std::array<bool, kRuleCount> make_all_enabled() {
    std::array<bool, kRuleCount> a{};
    for (auto& b : a) b = true;
    return a;
  }
};

// Every clause of the sentence, coordination already distributed (one Clause
// per combination of coordinated subjects / objects).
std::vector<Clause> find_clauses(const Sentence& sentence, const RelationSchema& schema, const ClauseRules& rules);
std::vector<Clause> find_clauses(const Sentence& sentence, const RelationSchema& schema);

// Words of a slot as text: forms joined by single spaces.
std::string words_text(const Sentence& sentence, const std::vector<int>& words);

}  // namespace relgraph::detail
