// The annotation container that flows through every stage of the pipeline:
// Document -> Sentence -> Token, plus the entity mentions and propositions
// later stages add. Each stage fills its own fields in place; stages never
// call each other. Byte offsets always index Document::text (the original,
// unmodified input), so text.substr(t.begin, t.end - t.begin) is the token.
//
// Thread safety: a Document is a plain value; one thread works on it at a time.
#pragma once
#include <algorithm>
#include <cstddef>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relgraph {

// One syntactic word (a CoNLL-U word line).
struct Token {
  std::string form;       // exactly the input's characters (no normalisation)
  std::size_t begin = 0;  // byte span in Document::text; for words inside a
  std::size_t end = 0;    //   multiword token: the span of the whole token
  std::string lemma;
  std::string upos;         // universal POS (NOUN, VERB, PROPN ...)
  std::string xpos;         // Penn Treebank tag (NN, VBD, NNP ...)
  std::string feats;        // CoNLL-U FEATS or "_"-less empty
  int head = -1;            // 1-based index of the head word, 0 = root, -1 = unset
  std::string deprel;       // UD relation with subtype: nsubj, obl:tmod ...
  std::string ner;          // entity tag in BIO/IOB2 form: "B-PER", "I-ORG", "O" or ""
  bool space_after = true;  // false when the next token follows without whitespace
};

// A CoNLL-U multiword token ("don't" = do + n't in EWT), covering words
// [first, last] (1-based, inclusive) of its sentence.
struct MultiwordToken {
  int first = 0;
  int last = 0;
  std::string form;
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct Sentence {
  std::size_t begin = 0;  // byte span of the sentence in Document::text
  std::size_t end = 0;
  std::vector<Token> tokens;  // the words; tokens[i] is word i+1
  std::vector<MultiwordToken> multiword;
  std::map<std::string, std::string> comments;  // CoNLL-U "# key = value" (sent_id, text)
};

// A span of words inside one sentence: words [first, last) (0-based indices
// into Sentence::tokens) and its byte span in Document::text.
struct Span {
  int sentence = -1;
  int first = 0;
  int last = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return last <= first; }
};

// A named entity or value mention found by the recognizer.
struct EntityMention {
  Span span;
  std::string text;       // surface form (slice of Document::text)
  std::string type;       // PER, ORG, LOC, GPE, DATE, MONEY, CARDINAL, QUANTITY, PERCENT ...
  std::string subtype;    // finer kind when known: Country, GovernmentBody, Company ...
  std::string canonical;  // normalised name ("United States" for "U.S.") if known
  std::string value;      // normalised value: "USD 100000000", "2011/2016", "2018-09-12"
  int entity = -1;        // index into Document::entities after coreference, -1 = none
};

// One real-world entity within a document, the result of coreference.
struct Entity {
  std::string label;          // canonical label: the fullest proper name
  std::string type;           // graph type: Person, Organization, Country, Place ...
  std::vector<int> mentions;  // indices into Document::mentions
  std::vector<std::string> aliases;
};

// An argument of a proposition.
struct Argument {
  std::string role;  // "subj", "obj", or the preposition folded in ("in", "to" ...)
  Span span;         // the argument's words
  std::string text;  // surface text of the span
  int head = -1;     // 0-based index (in its sentence) of the argument's head word
  int mention = -1;  // index into Document::mentions when the argument is an entity
};

// A proposition extracted from one sentence: predicate plus arguments.
struct Proposition {
  int sentence = -1;
  std::string relation;             // surface wording of the relation ("met with", "sought to increase")
  std::vector<int> relation_words;  // 0-based word indices forming the relation
  std::string lemma;                // lemma of the main predicate word ("meet")
  std::string canonical;            // canonical predicate from schemas/relations.json, "" if none
  std::vector<Argument> args;       // args[0] is the subject (arg1), the rest arg2, arg3 ...
  double confidence = 0.0;
  bool negated = false;
  std::string modality;                           // "" (asserted), "reported", "hypothetical", "possible", "future"
  std::string attribution;                        // who reported it ("Norwegian Ministry of Health"), "" if none
  std::map<std::string, std::string> attributes;  // amount, date, place attached to the event
};

// Article-level metadata recognised in the text's header and byline.
struct Metadata {
  std::string title;
  std::string author;
  std::string publisher;
  std::string date_published;  // ISO 8601
  std::string dateline;
  std::string section;
  std::size_t body_begin = 0;  // byte offset where the article body starts
  std::size_t body_end = 0;    // byte offset where it ends (page furniture after excluded)
  // Page furniture inside the body (headings, credits, source and link
  // blocks): byte ranges [first, second) whose text states no facts, sorted
  // and disjoint.
  std::vector<std::pair<std::size_t, std::size_t>> furniture;
  // Line breaks (offsets, sorted) that only wrapped a paragraph of
  // hard-wrapped text; the metadata stage turns each into a space in
  // Document::text, so every other byte and offset stays as it was.
  std::vector<std::size_t> soft_breaks;
  bool in_furniture(std::size_t pos) const {
    auto after = std::upper_bound(furniture.begin(), furniture.end(), pos,
                                  [](std::size_t p, const auto& range) { return p < range.first; });
    return after != furniture.begin() && pos < std::prev(after)->second;
  }
};

// A typed relation between two entities, from the relation classifier, read
// in the Wikidata property's direction: subject -[property]-> object.
struct TypedFact {
  int subject = -1;         // index into Document::entities
  int object = -1;          // index into Document::entities
  std::string property;     // Wikidata property id, "P108"
  std::string label;        // its Wikidata label, "employer"
  std::string name;         // its canonical name (schemas/relations.json), "employed_by"
  double confidence = 0.0;  // in (0, 1); above 0.5 (the relation's threshold is passed)
  int sentence = -1;        // evidence: the first sentence naming both, else the subject's first
  // Canonical open relations that state this fact from subject to object
  // ("employed_by"), and from object to subject ("employs").
  std::vector<std::string> explains;
  std::vector<std::string> explains_inverse;
};

struct Document {
  std::string id;    // document name (file path or corpus id)
  std::string text;  // the original input (of an HTML page: its article text; wraps made spaces, see soft_breaks)
  Metadata metadata;
  std::vector<Sentence> sentences;
  std::vector<EntityMention> mentions;
  std::vector<Entity> entities;
  std::vector<Proposition> propositions;
  std::vector<TypedFact> typed_facts;

  std::string_view slice(std::size_t begin, std::size_t end) const {
    return std::string_view(text).substr(begin, end - begin);
  }
};

}  // namespace relgraph
