// Sieve coref.definite: definite descriptions ("the ambassador", "the
// ministry", "the country", "the group") name the most recent fitting entity
// of the last five sentences. Tests: tests/coref_test.cpp (Sieve*)
#include <algorithm>
#include <cctype>

#include "coref/resolver.hpp"

namespace relgraph::coref_impl {

// Whether mention m may be what "the <mods> <head>" in sentence s names.
bool Resolver::description_fits(int m, int s, const std::string& head, const std::vector<int>& mods) {
  const auto& it = items_[m];
  int root = find(m);
  bool ok = false;
  if (it.etype == "Person") {
    // A role of the person: "the ambassador", "the US ambassador".
    for (const auto& r : roles_[root]) {
      auto rw = split_words(lower(r));
      bool head_ok = false;
      for (auto& w : rw) head_ok |= (w == head || w == head + "s");
      bool mods_ok = true;
      for (int c : mods)
        if (std::find(rw.begin(), rw.end(), lower(tok(s, c).form)) == rw.end()) mods_ok = false;
      ok |= head_ok && mods_ok;
    }
    return ok;
  }
  if (it.kind != Kind::Named) return false;
  auto words = split_words(lower(it.label));
  if (it.etype == "Organization" && words.size() >= 2) {
    // The organisation's own head noun: "the ministry", "the institute".
    auto of = std::find(words.begin(), words.end(), "of");
    std::string h = of != words.end() && of != words.begin() ? *(of - 1) : words.back();
    ok = h == head && mods.empty();
  }
  std::string_view kind = t_.words.value("description_nouns", head);
  if (kind == "country" && it.etype == "Country" && mods.empty()) ok = true;
  // "the company": a company, or an organisation of no known kind (most firms are not in the tables).
  if (kind == "company" && it.etype == "Organization" &&
      (doc_.mentions[m].subtype == "Company" || doc_.mentions[m].subtype.empty()))
    ok = true;
  if (kind == "organisation" && it.etype == "Organization") ok = true;
  // "the city": a city; "the province": any place below a country.
  const std::string& sub = doc_.mentions[m].subtype;
  if (kind == "city" && it.etype == "Place" && mods.empty() && sub == "City") ok = true;
  if (kind == "place" && it.etype == "Place" && mods.empty()) ok = true;

  // The noun an apposition gave the name: "X, the militant group ... the group".
  if (auto kn = kind_nouns_.find(it.key); kn != kind_nouns_.end() && kn->second.count(head) && mods.empty()) ok = true;
  return ok;
}

// The most recent fitting mention within five sentences before word i, -1 if none.
int Resolver::description_antecedent(int s, int i, const std::string& head, const std::vector<int>& mods) {
  long here = static_cast<long>(s) * 100000 + i;
  int pick = -1;
  long best = -1;
  for (int ms = std::max(0, s - 5); ms <= s; ++ms)  // ties: one sentence, the earliest index first
    for (int m : in_sentence_.of(ms)) {
      const auto& it = items_[m];
      if (!it.active || it.kind == Kind::Pronoun || position(m) >= here) continue;
      if (description_fits(m, s, head, mods) && position(m) > best) best = position(m), pick = m;
    }
  return pick;
}

void Resolver::definite_descriptions() {
  for (int s = 0; s < nsent(); ++s) {
    for (int i = 0; i < ntok(s); ++i) {
      const Token& t = tok(s, i);
      // A lower-case word the tagger called a proper noun is a common noun ("the ministry").
      bool lower_propn = t.upos == "PROPN" && !t.form.empty() && std::islower(static_cast<unsigned char>(t.form[0]));
      if ((t.upos != "NOUN" && !lower_propn) || mention_at(s, i) >= 0 ||
          (t.xpos != "NN" && t.xpos != "NNP" && !t.xpos.empty()))
        continue;
      if (!word_in_body(s, i)) continue;
      int det = -1;
      std::vector<int> mods;
      for (int c : children(s, i)) {
        if (c < i && tok(s, c).deprel == "det" && t_.words.is_singular_definite(tok(s, c).form))
          det = c;
        else if (c < i && (tok(s, c).deprel == "amod" || tok(s, c).deprel == "compound"))
          mods.push_back(c);
      }
      if (det < 0) continue;
      int pick = description_antecedent(s, i, lower(t.lemma.empty() ? t.form : t.lemma), mods);
      if (pick < 0) continue;
      int first = det + 1;
      for (int c : mods) first = std::min(first, c);
      int nm = add_mention(s, first, i + 1, doc_.mentions[pick].type, "Nominal", Kind::Nominal, items_[pick].etype);
      unite(nm, pick);
    }
  }
}

}  // namespace relgraph::coref_impl
