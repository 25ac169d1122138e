// Relation extraction over the dependency parse: clause-level open
// information extraction (who did what to whom, with what attributes) plus
// the canonical relation from schemas/relations.json when one applies.
//
// Rules read Universal Dependencies relations only (nsubj, obj, obl, xcomp,
// ccomp, acl:relcl, cop, appos, compound, nmod:poss, conj ...), so any parser
// trained on a UD treebank feeds it. Each Proposition keeps the byte spans of
// its arguments and the word indices of its relation; negation, modality,
// conditionals and attribution are attributes, never dropped or asserted.
//
// Ownership and threads: a RelationExtractor is immutable after
// construction; extract() is const and keeps its scratch space per call, so
// one extractor serves many threads.
// Errors: loading the schema throws Error(NotFound / Format) naming the file;
// extract() throws Error(InvalidArgument) for a sentence index out of range.
//
//   auto rx = relgraph::RelationExtractor::load(relgraph::default_schemas_dir());
//   for (int s = 0; s < (int)doc.sentences.size(); ++s)
//     for (auto& p : rx.extract(doc, s)) std::cout << relgraph::dump(doc, p) << "\n";
//   // (Smith)-[met with]->(Jones)
//
// Tests: tests/relations_test.cpp, tests/carb_test.cpp
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/mention_index.hpp"
#include "relations/attribution.hpp"
#include "relations/clauses.hpp"
#include "relations/np_relations.hpp"
#include "relations/schema.hpp"
#include "relgraph/document.hpp"
#include "relgraph/stage.hpp"

namespace relgraph {

// The CaRB rendering of a sentence's propositions: relation then arguments,
// each a string of the sentence's own tokens joined by single spaces.
// Unlike Proposition (normalised for the graph: active voice, negation and
// auxiliaries as attributes), CaRB keeps the surface: auxiliaries and
// negation in the relation ("is not accepted"), passives in their voice,
// arguments after arg2 with their preposition ("in 1941"), and a synthetic
// "is" / "has" for appositions, titles and possessives.
struct CarbTuple {
  std::string relation;
  std::vector<std::string> args;
  double confidence = 0.0;
  std::vector<double> features;  // what the confidence was computed from (tools/fit_relation_confidence.py)
};

class RelationExtractor {
 public:
  explicit RelationExtractor(RelationSchema schema, detail::NpRelations np = {},
                             detail::Attribution attribution = detail::Attribution(false));
  // Reads `schemas_dir`/relations.json and the word lists of schemas_dir/lexicon.
  // `disable` names rules to switch off (relation_rules(): clause constructions,
  // noun-phrase and attribution rules); names of other stages' rules are ignored.
  static RelationExtractor load(const std::string& schemas_dir, const std::vector<std::string>& disable = {});

  // Propositions of sentence `sentence` (0-based) of a parsed document.
  // Uses doc.mentions (when the recognizer ran) to link arguments to entity
  // mentions. Sentences without a dependency parse yield nothing.
  std::vector<Proposition> extract(const Document& doc, int sentence) const;
  // The same with the document's mentions indexed once (for every sentence
  // of a long document; `mentions` must be built from `doc`).
  std::vector<Proposition> extract(const Document& doc, int sentence, const detail::MentionIndex& mentions) const;
  // The same propositions rendered for CaRB (tuples with fewer than two
  // arguments are left out: CaRB cannot match them).
  std::vector<CarbTuple> extract_carb(const Document& doc, int sentence) const;

  const RelationSchema& schema() const { return schema_; }

 private:
  RelationSchema schema_;
  detail::ClauseRules rules_;
  detail::NpRelations np_;
  detail::Attribution attribution_;
  bool name_list_ = true;         // detail::kNameListRule
  bool list_apposition_ = true;   // detail::kListAppositionRule
  bool shared_possessor_ = true;  // detail::kSharedPossessorRule
  bool named_examples_ = true;    // detail::kExamplesRule
  bool named_modifiers_ = true;   // detail::kNamedModifierRule
};

// Names of the clause constructions ("relations.copula", "relations.passive", ...).
std::vector<std::string> relation_rules();

// Plain API with the default schema (default_schemas_dir(), loaded once).
std::vector<Proposition> extract(const Document& doc, int sentence);

// One-line dump for tests and debugging:
//   "(Smith)-[met with]->(Jones)"  "(A)-[met]->(B)-[in]->(Paris)"
// followed by " {canonical neg modality attribution}" parts when present,
// e.g. "(Smith)-[met with]->(Jones) {met}", "(X)-[visit]->(Y) {neg}".
std::string dump(const Document& doc, const Proposition& p);

// The pipeline stage: needs tokens, tags, lemmas, dependencies, entities and
// coreference (arguments link to Document::mentions), adds propositions.
// Reads the schema from options.schemas_dir (or default_schemas_dir()).
std::unique_ptr<Stage> make_relation_stage(const PipelineOptions& options);

}  // namespace relgraph
