// BILOU label sets, IOB2 <-> BILOU conversion, the transition constraints the
// decoder obeys (so it never emits an invalid sequence) and span extraction.
// Labels are strings "O", "B-PER", "I-PER", "L-PER", "U-PER"; IOB2 tags are
// "O", "B-PER", "I-PER". Tests: tests/ner_test.cpp
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace relgraph::ner {

// "O" followed by B-, I-, L-, U- for each type, in that order.
std::vector<std::string> bilou_labels(const std::vector<std::string>& types);

// Prefix letter ('O', 'B', 'I', 'L', 'U') and type ("" for O) of a label.
char label_prefix(std::string_view label);
std::string_view label_type(std::string_view label);

// May `next` follow `prev`? prev "" means the start of the sentence.
bool bilou_allowed(std::string_view prev, std::string_view next);
// May a sentence end after `label`? (O, L-, U-)
bool bilou_may_end(std::string_view label);
// True if the whole sequence obeys the constraints (and ends properly).
bool valid_bilou(const std::vector<std::string>& labels);

// IOB2 -> BILOU. Lenient like conlleval: an I- that does not continue a
// mention of the same type starts a new one.
std::vector<std::string> iob2_to_bilou(const std::vector<std::string>& tags);
// BILOU -> IOB2 (the input must be valid).
std::vector<std::string> bilou_to_iob2(const std::vector<std::string>& labels);

// A typed span of words [first, last) in one sentence.
struct TypedSpan {
  int first = 0;
  int last = 0;
  std::string type;
  bool operator==(const TypedSpan&) const = default;
};
// Mentions in an IOB2 sequence, read leniently as iob2_to_bilou does.
std::vector<TypedSpan> iob2_spans(const std::vector<std::string>& tags);

}  // namespace relgraph::ner
