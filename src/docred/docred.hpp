// (Re-)DocRED documents: reading a split, building pretokenized Documents
// whose token positions align with DocRED's, turning a processed Document
// into the prediction format of ../shared/eval/docred_score.py, writing it,
// and scoring it with the same definitions (mentions, coreference, exact and
// aligned relations). Tests: tests/docred_test.cpp
//
// DocRED's six entity types are PER, ORG, LOC, TIME, NUM and MISC.
// Errors: Error(Format) naming the file and the offending field.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/resources.hpp"
#include "relations/classifier.hpp"
#include "relations/typed_stage.hpp"
#include "relgraph/document.hpp"
#include "relgraph/pipeline.hpp"

namespace relgraph::docred {

// A mention: words [first, last) of sentence `sent` (0-based, DocRED's "pos").
struct Mention {
  int sent = 0;
  int first = 0;
  int last = 0;
  std::string type;  // one of the six types
  auto key() const { return std::tuple(sent, first, last); }
};

struct Fact {
  int h = 0;
  int t = 0;
  std::string r;  // Wikidata property id, "P17"
};

struct GoldDocument {
  std::string title;
  std::vector<std::vector<std::string>> sents;
  std::vector<std::vector<Mention>> entities;  // vertexSet
  std::vector<Fact> facts;                     // labels
};

// Reads a DocRED split (a JSON list of {title, sents, vertexSet, labels}).
std::vector<GoldDocument> read_docred(const std::string& path);
std::vector<GoldDocument> parse_docred(std::string_view json, const std::string& name);

// The document's text: one sentence a line, tokens separated by one space, so
// that the pretokenized pipeline (PipelineOptions::pretokenized) reproduces
// DocRED's tokens. Empty tokens and whitespace inside a token become "_".
Document make_document(const GoldDocument& gold);

// Throws Error(Internal) unless `doc`'s sentences and words align with `gold`'s.
void check_alignment(const Document& doc, const GoldDocument& gold);

// Builds and runs `pipeline` (pretokenized) over every document, in order.
std::vector<Document> process(const std::vector<GoldDocument>& gold, const Pipeline& pipeline);

// DocRED type of a recognised mention ("" = not a DocRED entity: pronouns,
// nominal mentions, ordinals). Types already in DocRED's set pass through.
// (relations/typed_stage.hpp, shared with the typed-relation stage).
using relgraph::docred_type;

// The prediction for one document; entities index into `entities`.
struct PredictedEntity {
  std::string type;
  std::vector<Mention> mentions;
};
struct Prediction {
  std::string title;
  std::vector<PredictedEntity> entities;
  std::vector<TypedRelation> relations;
};

// The gold entities, in vertexSet order (the --gold-entities setting).
Prediction gold_entities(const GoldDocument& gold);
// Entities from the recognised mentions and coreference clusters of `doc`:
// one entity per cluster, value mentions (dates, numbers) as singletons.
// DocRED's mention conventions always apply to a capitalised title between
// quotation marks ("Mess of Blues"): it is one MISC mention, and recognised
// mentions inside it are dropped. With `values`, value mentions follow
// DocRED's bounds too (value_mentions below).
struct ValueLexicons {
  const detail::Lexicon* edges = nullptr;         // value_edges.tsv: word, lead|split|article
  const detail::Lexicon* time_units = nullptr;    // time_units.tsv: lemma
  const detail::Lexicon* number_words = nullptr;  // number_words.tsv: word, value
  // The tables of schemas/lexicon (Resources::shared()).
  static ValueLexicons shared();
};
Prediction predicted_entities(const Document& doc, const std::string& title, const ValueLexicons* values = nullptr);

// The bare values [first, last) inside words [first, last) of `s`: "from 1992
// to 2002" gives 1992 and 2002 (`edges`: word, lead|split).
std::vector<std::pair<int, int>> value_parts(const Sentence& s, int first, int last, const detail::Lexicon& edges);

struct ValueMention {
  int first = 0;
  int last = 0;
  std::string type;  // TIME or NUM
};
// The DocRED value mentions of a recognised TIME or NUM mention [first, last):
// its bare values (value_parts), each widened to DocRED's bounds: a counted
// time unit makes a stretch of time ("two weeks", "two - hour": TIME), a
// hyphenated number word joins its neighbour ("forty - two"), and a decade or
// ordinal keeps its article ("the 1960s", "the 19th century").
std::vector<ValueMention> value_mentions(const Sentence& s, int first, int last, const std::string& type,
                                         const ValueLexicons& lex);

// Spans [first, last) of capitalised titles between quotation marks in `s`,
// trailing sentence punctuation left out.
std::vector<std::pair<int, int>> quoted_titles(const Sentence& s);

// Relation-classifier input for a prediction's entities.
std::vector<PairEntity> classifier_entities(const Prediction& p);

// Fills p.relations with the classifier's relations among p's entities.
void add_relations(Prediction& p, const Document& doc, const RelationClassifier& classifier);

// JSON in docred_score.py's PRED.json format.
std::string write_predictions(const std::vector<Prediction>& predictions);

// The figures of docred_score.py (micro-averaged). Its alignments are the
// script's greedy one-to-one matching (its fallback without scipy).
struct Scores {
  int documents = 0;
  double mention_p = 0, mention_r = 0, mention_f1 = 0, mention_typed_f1 = 0;
  double muc_f1 = 0, b3_f1 = 0, ceafe_f1 = 0, conll_f1 = 0;
  double entity_p = 0, entity_r = 0, entity_f1 = 0;
  double aligned_p = 0, aligned_r = 0, aligned_f1 = 0;
  double exact_p = 0, exact_r = 0, exact_f1 = 0;
};
// Throws Error(InvalidArgument) if the lists differ in length or titles.
Scores score(const std::vector<GoldDocument>& gold, const std::vector<Prediction>& pred);
// The script's text report, last line included.
std::string report_text(const Scores& s);

}  // namespace relgraph::docred
