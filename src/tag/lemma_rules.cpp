// English inflection rules for unseen words (see lemma_rules.hpp).
// Tests: tests/tagger_test.cpp
#include "tag/lemma_rules.hpp"

#include <array>

#include "tag/features.hpp"

namespace relgraph {
namespace {

struct Rule {
  std::string_view tags;    // space-separated Penn tags the rule applies to
  std::string_view suffix;  // ending to replace
  std::string_view with;    // replacement
  std::size_t min_stem;     // bytes that must remain before the ending
};

// Longest endings first within a tag group; the first matching rule wins.
constexpr std::array kRules = {
    Rule{"NNS NNPS VBZ", "sses", "ss", 1}, Rule{"NNS NNPS VBZ", "ies", "y", 2}, Rule{"NNS NNPS VBZ", "ches", "ch", 1},
    Rule{"NNS NNPS VBZ", "shes", "sh", 1}, Rule{"NNS NNPS VBZ", "xes", "x", 1}, Rule{"NNS NNPS VBZ", "zzes", "zz", 1},
    Rule{"NNS NNPS VBZ", "ss", "ss", 0},   Rule{"NNS NNPS VBZ", "us", "us", 1}, Rule{"NNS NNPS VBZ", "is", "is", 1},
    Rule{"NNS NNPS VBZ", "s", "", 2},      Rule{"VBG", "ying", "y", 1},         Rule{"VBG", "ing", "", 2},
    Rule{"VBD VBN", "ied", "y", 2},        Rule{"VBD VBN", "eed", "ee", 1},     Rule{"VBD VBN", "ed", "", 2},
    Rule{"JJR RBR", "ier", "y", 2},        Rule{"JJR RBR", "er", "", 2},        Rule{"JJS RBS", "iest", "y", 2},
    Rule{"JJS RBS", "est", "", 2},
};

bool has_tag(std::string_view tags, std::string_view xpos) {
  while (!tags.empty()) {
    auto sp = tags.find(' ');
    if (tags.substr(0, sp) == xpos) return true;
    if (sp == std::string_view::npos) break;
    tags.remove_prefix(sp + 1);
  }
  return false;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// "stopp" -> "stop" (but "fall", "miss", "buzz" keep their doubles).
std::string undouble(std::string stem) {
  std::size_t n = stem.size();
  if (n >= 3 && stem[n - 1] == stem[n - 2] && !is_vowel(stem[n - 1]) && stem[n - 1] != 'l' && stem[n - 1] != 's' &&
      stem[n - 1] != 'z')
    stem.pop_back();
  return stem;
}

}  // namespace

std::string rule_lemma(std::string_view form, std::string_view upos, std::string_view xpos) {
  std::string word = upos == "PROPN" ? std::string(form) : detail::ascii_lower(form);
  for (const Rule& r : kRules) {
    if (!has_tag(r.tags, xpos) || word.size() < r.suffix.size() + r.min_stem) continue;
    if (std::string_view(word).substr(word.size() - r.suffix.size()) != r.suffix) continue;
    std::string stem = word.substr(0, word.size() - r.suffix.size());
    bool verb_or_adj = r.with.empty() && (xpos[0] == 'V' || xpos[0] == 'J' || xpos[0] == 'R');
    return verb_or_adj ? undouble(stem) : stem + std::string(r.with);
  }
  return word;
}

}  // namespace relgraph
