// Named rules over the recognizer's typed spans that fix the bounds or the
// type of a name from the words around it: a country after an organisation's
// name, a name announced by its kind ("the company Acme"), an organisation
// named after a person's "of". The entity stage switches each off by its rule
// name (PipelineOptions::disable). Internal to src/ner.
// Tests: tests/ner_test.cpp (NameRules.*)
#pragma once
#include <vector>

#include "ner/bilou.hpp"
#include "ner/gazetteer.hpp"
#include "relgraph/document.hpp"

namespace relgraph::ner {

inline constexpr const char* kCountrySuffixRule = "ner.country_suffix";
inline constexpr const char* kKindNounNamesRule = "ner.kind_noun_names";
inline constexpr const char* kAffiliationOrgRule = "ner.affiliation_org";

// "Ohio State University of the US", "University of Leeds of the UK"[ORG]:
// an organisation's name that ends in "of the <country>" is cut before "of"
// into the organisation and the country (LOC) when the part before is a name
// of its own: it holds an of/for-phrase already or a place's name.
// "University of the Philippines", "National Museum of the Philippines" stay whole.
std::vector<TypedSpan> split_country_suffix(const Sentence& sentence, const Gazetteer& gazetteer,
                                            const std::vector<TypedSpan>& spans);

// "the company Zentrix UK", "the book Gone for Ever", "in journal Ocean
// Letters": the capitalised words right after a common noun of
// schemas/lexicon/kind_nouns.tsv (tagged as a singular common noun) are a
// name of the noun's type. A work's title may hold lower-case function words
// between capitalised ones. A personal title, a month, a weekday or "I" ends
// the name, and so does a possessive "'s". Returns the new spans;
// merge them with the others (the spans a name covers give way to it).
std::vector<TypedSpan> kind_noun_names(const Sentence& sentence, const Gazetteer& gazetteer);

// "Ann Lee of People Power", "Tom Chen from the VLP": a name of unknown kind
// (MISC) right after a person's name and "of" / "from" [the] is an
// organisation, and so is every MISC name with the same words in the
// document. `spans` holds one list per sentence of `doc`.
void affiliation_organisations(const Document& doc, std::vector<std::vector<TypedSpan>>& spans);

}  // namespace relgraph::ner
