// Named rules over the recognizer's typed spans that fix the bounds or the
// type of a name from the words around it: a country after an organisation's
// name. The entity stage switches each off by its rule name
// (PipelineOptions::disable). Internal to src/ner.
// Tests: tests/ner_test.cpp (NameRules.*)
#pragma once
#include <vector>

#include "ner/bilou.hpp"
#include "ner/gazetteer.hpp"
#include "relgraph/document.hpp"

namespace relgraph::ner {

inline constexpr const char* kCountrySuffixRule = "ner.country_suffix";

// "Ohio State University of the US", "University of Leeds of the UK"[ORG]:
// an organisation's name that ends in "of the <country>" is cut before "of"
// into the organisation and the country (LOC) when the part before is a name
// of its own: it holds an of/for-phrase already or a place's name.
// "University of the Philippines", "National Museum of the Philippines" stay whole.
std::vector<TypedSpan> split_country_suffix(const Sentence& sentence, const Gazetteer& gazetteer,
                                            const std::vector<TypedSpan>& spans);

}  // namespace relgraph::ner
