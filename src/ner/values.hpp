// Rule-based values over a tokenized sentence, with normalised values:
//   DATE      "12 Sep 2018" -> 2018-09-12, "Wed, 12 Sep 2018 15:58 GMT" -> 2018-09-12T15:58Z,
//             "October 2017" -> 2017-10, "2015" -> 2015, "from 2011 to 2016" -> 2011/2016,
//             "since 2011" -> 2011/.., "until 2020" -> ../2020 (ISO 8601 points and intervals)
//   MONEY     "$100 million" -> USD 100000000, "€5bn" -> EUR 5000000000, "30 euros" -> EUR 30
//   PERCENT   "12.5 percent", "40%" -> 12.5%, 40%
//   QUANTITY  "300 km" -> 300 km (a number with a unit of measure)
//   CARDINAL  "about 3,000" -> 3000, "8 helicopters" -> 8, "two million" -> 2000000
// Works on token forms, whether the tokenizer split "$100" and "5bn" or not.
// Tests: tests/ner_test.cpp
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/document.hpp"

namespace relgraph::ner {

class Gazetteer;

struct ValueMention {
  int first = 0;  // words [first, last) of the sentence
  int last = 0;
  std::string type;   // DATE, MONEY, PERCENT, QUANTITY, CARDINAL
  std::string value;  // normalised
};

// All values in the sentence, left to right, not overlapping. `gazetteer`
// supplies currency names (nullptr: symbols $ € £ ¥ and ISO codes only).
std::vector<ValueMention> find_values(const Sentence& sentence, const Gazetteer* gazetteer = nullptr);

// Same over bare word forms (tests, pretokenized input).
std::vector<ValueMention> find_values(const std::vector<std::string>& forms, const Gazetteer* gazetteer = nullptr);

// A number written with digits ("3,000", "1.5", "-2") or in words ("eight",
// "twenty"); nullopt otherwise.
std::optional<double> parse_number(std::string_view word);
// 100000000 -> "100000000", 2.5 -> "2.5" (no exponent, no trailing zeros).
std::string format_number(double value);
// Month number from a name or abbreviation ("Sep", "September", "Sept."), 0 if none.
int month_number(std::string_view word);

}  // namespace relgraph::ner
