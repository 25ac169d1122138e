// From recognizer output to typed mentions: runs the recognizer on each
// sentence, adds gazetteer names it missed (countries, world regions,
// international organisations, demonyms), assigns subtypes and canonical
// names, adds rule-based values, and fills Document::mentions and
// Token::ner. Tests: tests/ner_test.cpp
#pragma once
#include <string>
#include <vector>

#include "ner/bilou.hpp"
#include "ner/gazetteer.hpp"
#include "ner/recognizer.hpp"
#include "relgraph/document.hpp"
#include "relgraph/stage.hpp"

namespace relgraph::ner {

struct AnnotateOptions {
  bool gazetteer_names = true;  // add gazetteer names the recognizer missed
  bool values = true;           // DATE, MONEY, PERCENT, QUANTITY, CARDINAL
  // Rules over the recognizer's spans: capitalised names headed by a cue word
  // ("Ministry of Justice") are ORG; roles ("UK Ambassador to Peru") are split.
  bool rules = true;
  // One sense per discourse: an untagged recurrence of a (capitalised) name the
  // recognizer found elsewhere in the same document ("newdoc" comments split
  // a Document into several) gets that name's most frequent type.
  bool propagate = true;
  // Rule ner.hyphen_name: a name runs on over an attached hyphen ("Chung-tai").
  bool hyphen_names = true;
  // Rule ner.cue_names: "Fisht Stadium", "the Clean Air Act", "Operation Desert Shield".
  bool cue_names = true;
  // Rule ner.proper_nouns: runs of proper nouns the recognizer left untagged are MISC names.
  bool proper_nouns = true;
  // Rule ner.coordinated_names: "the University of Leeds and the Royal Society" is two names.
  bool coordinated_names = true;
  // Rules of name_rules.hpp: ner.country_suffix, ner.kind_noun_names, ner.affiliation_org.
  bool country_suffix = true;
  bool kind_noun_names = true;
  bool affiliation_org = true;
};

// The rule switches of `options.disable` (the defaults for everything else).
AnnotateOptions annotate_options(const PipelineOptions& options);

// Named rules of the entity stage (PipelineOptions::disable).
inline constexpr const char* kHyphenNameRule = "ner.hyphen_name";
inline constexpr const char* kCueNamesRule = "ner.cue_names";
inline constexpr const char* kProperNounsRule = "ner.proper_nouns";
inline constexpr const char* kCoordinatedNamesRule = "ner.coordinated_names";

// Replaces doc.mentions and every Token::ner.
void annotate_entities(Document& doc, const EntityRecognizer& recognizer, const Gazetteer& gazetteer,
                       const AnnotateOptions& options = {});

// One sense per discourse (AnnotateOptions::propagate): adds to `spans`
// (one list per sentence, sorted by first word) the untagged recurrences of
// names with a capital letter found in the same discourse, typed as most often.
void propagate_names(const Document& doc, std::vector<std::vector<TypedSpan>>& spans);

// "The European Commission fined Google"[ORG]: a lower-case content word between
// capitalised words of a span ("fined"; not "of", "the", "de", "bin" ...) is no part
// of a name, so the span is cut there and both parts keep the type. All-lower-case
// names ("taco bell") are left alone.
std::vector<TypedSpan> split_at_lower_words(const Sentence& sentence, const std::vector<TypedSpan>& spans);

// "the Open University and the Royal Society", "Leeds Institute of Physics and
// Oxford State University": a span that runs over "and" is cut there into two
// names of its type when a determiner opens the second part, or when each part
// holds an organisation cue word of its own (schemas/gazetteer/org_cues.tsv).
// "Food and Drug Administration" (no cue before "and") stays one name.
std::vector<TypedSpan> split_coordinated_names(const Sentence& sentence, const Gazetteer& gazetteer,
                                               const std::vector<TypedSpan>& spans);

// "Cheng Chung-tai", tokenized Chung - tai: a name of two or more words that
// ends right before an attached hyphen runs on over it and the attached word
// after it, unless that word makes a compound adjective (schemas/lexicon/
// hyphen_suffixes.tsv: "New York-based", "US-led") or, after a name that is not
// a person's, is tagged as a participle.
// A one-word name takes only a capitalised continuation ("Hewlett-Packard").
// Spans the longer name covers are dropped. Needs Token::space_after and xpos.
std::vector<TypedSpan> join_hyphenated_names(const Sentence& sentence, const std::vector<TypedSpan>& spans);

// Names of facilities, events, laws and operations by their cue word
// (schemas/lexicon/name_cues.tsv): a run of capitalised words closed ("Fisht
// Stadium"[LOC], "World Cup"[EVENT], "Clean Air Act"[LAW]) or opened
// ("Operation Desert Shield"[EVENT]) by a cue, at least two words, not
// running into a person's name. Returns the new spans; merge them with
// the recognizer's (a span the name covers gives way to it).
std::vector<TypedSpan> cue_names(const Sentence& sentence, const std::vector<TypedSpan>& spans);

// "Fitbit makes sensors": a run of capitalised words the tagger calls proper
// nouns (NNP/NNPS; an all-capital word of two to six letters also when tagged
// as a common noun) that no span covers is a name of unknown kind (MISC),
// unless a word of it is a personal title ("President"), a month or weekday,
// or a country's demonym. Needs xpos. Returns the new spans only.
std::vector<TypedSpan> untagged_proper_nouns(const Sentence& sentence, const Gazetteer& gazetteer,
                                             const std::vector<TypedSpan>& spans);

// "Maria Lopez ... Lopez[ORG] said": a one-word span that is the last word
// of a full (two or more words) person name of the document is that person,
// whatever type the recognizer gave it there.
void surnames_are_persons(const Document& doc, std::vector<std::vector<TypedSpan>>& spans);

// Sets type, subtype and canonical of a PER/ORG/LOC mention from the
// gazetteer and organisation cue words (`m.text` and `m.type` must be set;
// `words` are the mention's word forms).
void refine_mention(EntityMention& m, const std::vector<std::string_view>& words, const Gazetteer& gazetteer);

}  // namespace relgraph::ner
