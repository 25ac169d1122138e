// From recognizer output to typed mentions: runs the recognizer on each
// sentence, adds gazetteer names it missed (countries, world regions,
// international organisations, demonyms), assigns subtypes and canonical
// names, adds rule-based values, and fills Document::mentions and
// Token::ner. Tests: tests/ner_test.cpp
#pragma once
#include <string>
#include <vector>

#include "ner/gazetteer.hpp"
#include "ner/recognizer.hpp"
#include "relgraph/document.hpp"

namespace relgraph::ner {

struct AnnotateOptions {
  bool gazetteer_names = true;  // add gazetteer names the recognizer missed
  bool values = true;           // DATE, MONEY, PERCENT, QUANTITY, CARDINAL
  // Rules over the recognizer's spans: capitalised names headed by a cue word
  // ("Ministry of Justice") are ORG; roles ("UK Ambassador to Peru") are split.
  bool rules = true;
};

// Replaces doc.mentions and every Token::ner.
void annotate_entities(Document& doc, const EntityRecognizer& recognizer, const Gazetteer& gazetteer,
                       const AnnotateOptions& options = {});

// Sets type, subtype and canonical of a PER/ORG/LOC mention from the
// gazetteer and organisation cue words (`m.text` and `m.type` must be set;
// `words` are the mention's word forms).
void refine_mention(EntityMention& m, const std::vector<std::string_view>& words, const Gazetteer& gazetteer);

}  // namespace relgraph::ner
