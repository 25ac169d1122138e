// Reference inside argument phrases (see descriptions.hpp).
// Tests: tests/coref_test.cpp (Descriptions*)
#include "coref/descriptions.hpp"

#include <cctype>

#include "core/resources.hpp"
#include "core/strings.hpp"

namespace relgraph::detail {
namespace {

std::string lower(std::string_view s) { return ascii_lower(s); }

const Lexicon& words(const char* name) { return Resources::shared().lexicon(name); }

}  // namespace

RelativePronoun relative_pronoun_in(const Document& doc, const Argument& a) {
  RelativePronoun r;
  if (a.span.sentence < 0 || a.span.empty()) return r;
  static const Lexicon& relatives = words("relativizers");
  const auto& toks = doc.sentences[a.span.sentence].tokens;
  for (int i = a.span.first; i < a.span.last && i < static_cast<int>(toks.size()); ++i) {
    std::string w = lower(toks[i].form);
    if (relatives.value(w) != "pronoun") continue;
    bool after_of = i > a.span.first && lower(toks[i - 1].form) == "of";
    if (after_of || i == a.span.first) {
      r.word = i;
      r.form = w;
      r.after_of = after_of;
      return r;
    }
  }
  return r;
}

std::string relative_antecedent(const Document& doc, int s, int before) {
  const auto& toks = doc.sentences[s].tokens;
  int j = before - 1;
  while (j >= 0 && toks[j].upos == "PUNCT") --j;
  if (j < 0 || (toks[j].upos != "NOUN" && toks[j].upos != "PROPN")) return "";
  int lo = j;
  for (int i = j - 1; i >= 0; --i) {
    const auto& d = toks[i].deprel;
    if (toks[i].head - 1 == j && (d == "nummod" || d == "amod" || d == "compound") && i == lo - 1)
      lo = i;
    else
      break;
  }
  return std::string(doc.slice(toks[lo].begin, toks[j].end));
}

namespace {

// The anchor word, before looking at the mentions; -1 if none.
int appositive_governor(const Document& doc, const Argument& a) {
  if (a.span.sentence < 0 || a.head < 0) return -1;
  const auto& toks = doc.sentences[a.span.sentence].tokens;
  const Token& h = toks[a.head];
  int g = h.head - 1;
  if (h.deprel != "appos" || h.upos != "NOUN" || g < 0 || (toks[g].upos != "NOUN" && toks[g].upos != "PROPN"))
    return -1;
  return g;
}

bool in_entity(const EntityMention& m, int sentence, int word) {
  return m.span.sentence == sentence && m.span.first <= word && word < m.span.last && m.entity >= 0;
}

}  // namespace

int appositive_anchor(const Document& doc, const Argument& a) {
  int g = appositive_governor(doc, a);
  if (g < 0) return -1;
  for (const auto& m : doc.mentions)
    if (in_entity(m, a.span.sentence, g)) return -1;
  return g;
}

int appositive_anchor(const Document& doc, const Argument& a, std::span<const int> sentence_mentions) {
  int g = appositive_governor(doc, a);
  if (g < 0) return -1;
  for (int m : sentence_mentions)
    if (in_entity(doc.mentions[m], a.span.sentence, g)) return -1;
  return g;
}

Description description_of(const Document& doc, const Argument& a) {
  Description d;
  if (a.span.sentence < 0 || a.head < a.span.first || a.head >= a.span.last) return d;
  static const Lexicon& determiners = words("bare_description_determiners");
  const auto& toks = doc.sentences[a.span.sentence].tokens;
  const Token& h = toks[a.head];
  d.head_lemma = lower(h.lemma.empty() ? h.form : h.lemma);
  d.bare_definite = a.head == a.span.last - 1 && a.span.last - a.span.first <= 3 &&
                    determiners.contains(lower(toks[a.span.first].form)) && h.upos == "NOUN";
  return d;
}

bool compound_names(const std::string& compound, const std::string& head) {
  return head.size() >= 4 && compound.size() >= head.size() + 3 &&
         compound.compare(compound.size() - head.size(), head.size(), head) == 0;
}

}  // namespace relgraph::detail
