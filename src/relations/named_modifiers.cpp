// Facts of names that modify a common noun (see named_modifiers.hpp).
// Tests: tests/relations_test.cpp (NamedModifiers*)
#include "relations/named_modifiers.hpp"

#include <algorithm>
#include <string>

#include "core/lexicon.hpp"
#include "core/strings.hpp"

namespace relgraph::detail {

namespace {

bool is_value(const std::string& t) {
  return t == "DATE" || t == "TIME" || t == "MONEY" || t == "PERCENT" || t == "CARDINAL" || t == "QUANTITY" ||
         t == "ORDINAL" || t == "NORP";
}

std::string_view base_rel(const Token& t) {
  std::string_view r = t.deprel;
  return r.substr(0, r.find(':'));
}

Argument make_argument(const Document& doc, int sentence, int head, int first, int last, int mention,
                       const std::string& role) {
  const auto& toks = doc.sentences[sentence].tokens;
  Argument a;
  a.role = role;
  a.head = head;
  a.mention = mention;
  a.span = {sentence, first, last, toks[first].begin, toks[last - 1].end};
  a.text = squeeze_spaces(doc.slice(a.span.begin, a.span.end));
  return a;
}

}  // namespace

std::vector<Proposition> named_modifiers(const Document& doc, int sentence, std::span<const int> mentions) {
  static const auto kPreps = WordSet::load("modifier_prepositions");
  std::vector<Proposition> out;
  const auto& toks = doc.sentences[sentence].tokens;
  const int n = static_cast<int>(toks.size());
  auto head = [&](int i) {
    int h = toks[i].head - 1;
    return h >= 0 && h < n && h != i ? h : -1;
  };
  auto mention_over = [&](int i) {
    for (int m : mentions) {
      const auto& em = doc.mentions[m];
      if (em.span.first <= i && i < em.span.last) return m;
    }
    return -1;
  };
  for (int m : mentions) {
    const auto& em = doc.mentions[m];
    if (is_value(em.type) || em.subtype == "Role" || em.subtype == "Nominal" || em.subtype == "Pronoun") continue;
    if (em.span.first < 0 || em.span.last > n || em.span.first >= em.span.last) continue;
    // The name's head: its word whose head lies outside it.
    int y = -1;
    for (int i = em.span.last - 1; i >= em.span.first && y < 0; --i)
      if (int h = head(i); h < em.span.first || h >= em.span.last) y = i;
    if (y < 0) continue;
    // "teams from Ulmaria, Kelt and Varn": a later conjunct takes the first one's noun and preposition.
    int first_conjunct = y;
    while (toks[first_conjunct].deprel == "conj" && head(first_conjunct) >= 0) first_conjunct = head(first_conjunct);
    if (toks[first_conjunct].deprel != "nmod") continue;
    int g = head(first_conjunct);
    if (g < 0 || g > y || toks[g].upos != "NOUN" || mention_over(g) >= 0) continue;
    // A capitalised noun inside a sentence is part of a name the recogniser
    // missed ("the Daughters of ..."), not a description.
    const bool initial = g == 0 || (g == 1 && toks[0].upos == "DET");
    if (!initial && !toks[g].form.empty() && toks[g].form[0] >= 'A' && toks[g].form[0] <= 'Z') continue;
    std::string prep;
    for (int k = 0; k < n; ++k)
      if (head(k) == first_conjunct && base_rel(toks[k]) == "case" && k < first_conjunct)
        prep = ascii_lower(toks[k].form);
    if (!kPreps.contains(prep)) continue;
    // The noun with the compounds, adjectives and numbers right before it.
    int first = g;
    while (first > 0 && head(first - 1) == g) {
      auto r = base_rel(toks[first - 1]);
      if (r != "compound" && r != "amod" && r != "nummod") break;
      --first;
    }
    Proposition p;
    p.sentence = sentence;
    p.relation = prep;
    p.args = {make_argument(doc, sentence, g, first, g + 1, -1, "subj"),
              make_argument(doc, sentence, y, em.span.first, em.span.last, m, "obj")};
    p.confidence = 0.4;
    p.attributes["construction"] = "np";
    p.attributes["rule"] = kNamedModifierRule;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace relgraph::detail
