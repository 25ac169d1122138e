// Hand-written English inflection rules: the lemmatizer's last resort for
// words the model has never seen and cannot classify (no model classes, or
// an edit that does not fit the word). General English morphology only.
// Tests: tests/tagger_test.cpp (table-driven).
#pragma once
#include <string>
#include <string_view>

namespace relgraph {

// Lemma of `form` tagged `upos`/`xpos` (Penn tags): plural nouns, verb
// inflections and comparatives lose their endings ("ponies" -> "pony",
// "stopped" -> "stop", "taller" -> "tall"); proper nouns keep their case,
// other words are lower-cased; anything else is returned as is.
std::string rule_lemma(std::string_view form, std::string_view upos, std::string_view xpos);

}  // namespace relgraph
