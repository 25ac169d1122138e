// Phrase trimming for literal graph nodes: the short phrase an argument that
// is no entity stands for (relgraph::literal_phrase in relgraph/extract.hpp),
// built from small named steps. Word lists: schemas/lexicon/determiners.tsv.
// Tests: tests/pipeline_test.cpp (LiteralPhrase*)
#pragma once
#include <span>
#include <string>
#include <vector>

#include "relgraph/extract.hpp"

namespace relgraph::detail {

// Words [first, last) of the argument's sentence that survive the asides
// (relative clauses, appositions, clause material of a nominal head, the
// predicate's own words and dates hanging inside the phrase), in order.
std::vector<int> phrase_words(const Document& doc, const Argument& arg, const std::vector<int>& relation);
// The same with the mentions of the argument's sentence given (MentionIndex::of).
std::vector<int> phrase_words(const Document& doc, const Argument& arg, const std::vector<int>& relation,
                              std::span<const int> mentions);

// relgraph::literal_phrase with the mentions of the argument's sentence given,
// for callers that take many phrases from one document. `lists`: a comma
// between conjuncts of the phrase ("weeds, pests and diseases") does not cut
// it (rule kLiteralListRule); false cuts at every comma after the head.
inline constexpr const char* kLiteralListRule = "graph.literal_list";
std::string sentence_literal_phrase(const Document& doc, const Argument& arg, int max_words,
                                    const std::vector<int>& relation, std::span<const int> mentions, bool lists = true);

// The words rendered with the document's own spacing; parts of one
// multiword token are written once.
std::string render_words(const Document& doc, const std::vector<int>& words, int sentence);

}  // namespace relgraph::detail
