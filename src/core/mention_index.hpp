// The mentions of each sentence of a document (indices into
// Document::mentions, in increasing order), so that a loop over "the mentions
// of sentence s" costs that sentence's mentions, not the whole document's:
// coreference, relation extraction and graph building stay linear in the
// length of a document. Build it after the mentions are final, or add() each
// mention appended later. Tests: tests/core_test.cpp (MentionIndex*)
#pragma once
#include <span>
#include <vector>

#include "relgraph/document.hpp"

namespace relgraph::detail {

class MentionIndex {
 public:
  MentionIndex() = default;
  explicit MentionIndex(const Document& doc) : by_sentence_(doc.sentences.size()) {
    for (int m = 0; m < static_cast<int>(doc.mentions.size()); ++m) add(m, doc.mentions[m].span.sentence);
  }
  // Mention `m` (appended after the others) lies in sentence `sentence`;
  // mentions outside the document's sentences are left out.
  void add(int m, int sentence) {
    if (sentence >= 0 && sentence < static_cast<int>(by_sentence_.size())) by_sentence_[sentence].push_back(m);
  }
  // The mentions of `sentence` in increasing order; empty when out of range.
  std::span<const int> of(int sentence) const {
    if (sentence < 0 || sentence >= static_cast<int>(by_sentence_.size())) return {};
    return by_sentence_[sentence];
  }

 private:
  std::vector<std::vector<int>> by_sentence_;
};

}  // namespace relgraph::detail
