// Sieve coref.definite: definite descriptions ("the ambassador", "the
// ministry", "the country", "the group") name the most recent fitting entity
// of the last five sentences. Tests: tests/coref_test.cpp (Sieve*)
#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "coref/resolver.hpp"

namespace relgraph::coref_impl {

namespace {
// Whether lower(text) contains `word` (ASCII case folding, as lower()): a
// role without the description's head word cannot have it as its own head.
bool contains_lower(std::string_view text, std::string_view word) {
  auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < word.size() && fold(text[i + k]) == word[k]) ++k;
    if (k == word.size()) return true;
  }
  return false;
}
}  // namespace

// Whether mention m may be what "the <mods> <head>" in sentence s names.
// Called for every earlier mention of the article (rule coref.definite_unique),
// so the cheap tests come first and string work is done only when it can tell.
bool Resolver::description_fits(int m, int s, const std::string& head, const std::vector<int>& mods) {
  const auto& it = items_[m];
  if (it.etype == "Person") {
    // A role of the person: "the ambassador", "the US ambassador".
    auto roles = roles_.find(find(m));
    if (roles == roles_.end()) return false;
    for (const auto& r : roles->second) {
      if (!contains_lower(r, head)) continue;
      auto rw = split_words(lower(r));
      // The role's own head: its last word, or the word before its preposition
      // ("ambassador to Peru"); "the match" is not the "match referee".
      auto prep =
          std::find_if(rw.begin(), rw.end(), [&](const std::string& w) { return words("role_prepositions", w); });
      const std::string role_head = prep != rw.begin() && prep != rw.end() ? *(prep - 1) : rw.empty() ? "" : rw.back();
      bool head_ok = role_head == head || role_head == head + "s";
      bool mods_ok = true;
      for (int c : mods)
        if (std::find(rw.begin(), rw.end(), lower(tok(s, c).form)) == rw.end()) mods_ok = false;
      if (head_ok && mods_ok) return true;
    }
    return false;
  }
  if (it.kind != Kind::Named) return false;
  const bool organisation = it.etype == "Organization";
  if (organisation && mods.empty() && contains_lower(it.label, head)) {
    // The organisation's own head noun: "the ministry", "the institute".
    auto words = split_words(lower(it.label));
    if (words.size() >= 2) {
      auto of = std::find(words.begin(), words.end(), "of");
      std::string h = of != words.end() && of != words.begin() ? *(of - 1) : words.back();
      if (h == head) return true;
    }
  }
  if (organisation || it.etype == "Country" || it.etype == "Place") {
    std::string_view kind = t_.words.value("description_nouns", head);
    if (kind == "country" && it.etype == "Country" && mods.empty()) return true;
    // "the company": a company, or an organisation of no known kind (most firms are not in the tables).
    if (kind == "company" && organisation &&
        (doc_.mentions[m].subtype == "Company" || doc_.mentions[m].subtype.empty()))
      return true;
    if (kind == "organisation" && organisation) return true;
    // "the city": a city; "the province": any place below a country.
    const std::string& sub = doc_.mentions[m].subtype;
    if (kind == "city" && it.etype == "Place" && mods.empty() && sub == "City") return true;
    if (kind == "place" && it.etype == "Place" && mods.empty()) return true;
  }
  // The noun an apposition gave the name: "X, the militant group ... the group".
  if (!mods.empty()) return false;
  auto kn = kind_nouns_.find(it.key);
  return kn != kind_nouns_.end() && kn->second.count(head);
}

// The most recent fitting mention within five sentences before word i; else
// (rule coref.definite_unique) the one entity earlier in the article, within
// kUniqueDescriptionReach sentences, that fits ("the church" ten sentences
// after the only church); -1 if none.
int Resolver::description_antecedent(int s, int i, const std::string& head, const std::vector<int>& mods) {
  long here = static_cast<long>(s) * 100000 + i;
  int pick = -1, far_pick = -1;
  long best = -1;
  for (int ms = std::max(0, s - 5); ms <= s; ++ms)  // ties: one sentence, the earliest index first
    for (int m : in_sentence_.of(ms)) {
      const auto& it = items_[m];
      if (!it.active || it.kind == Kind::Pronoun || position(m) >= here) continue;
      if (description_fits(m, s, head, mods) && position(m) > best) best = position(m), pick = m;
    }
  if (pick >= 0 || !enabled(kUniqueDescription)) return pick;
  std::set<int> far_roots;
  for (int ms = std::max(0, s - kUniqueDescriptionReach); ms < s - 5; ++ms)
    for (int m : in_sentence_.of(ms)) {
      const auto& it = items_[m];
      if (!it.active || it.kind == Kind::Pronoun || !description_fits(m, s, head, mods)) continue;
      far_roots.insert(find(m));
      if (far_roots.size() > 1) return pick;  // not unique: no further mention changes that
      far_pick = m;
    }
  if (far_roots.size() == 1) return far_pick;
  return pick;
}

// Word i heads a description: a common noun, or a lower-case word tagged as a
// proper noun ("the ministry").
bool Resolver::description_head(int s, int i) const {
  const Token& t = tok(s, i);
  if (t.upos == "NOUN" && (t.xpos == "NN" || t.xpos == "NNP" || t.xpos.empty())) return true;
  if (t.upos != "PROPN" || t.form.empty() || (t.xpos != "NNP" && !t.xpos.empty())) return false;
  return std::islower(static_cast<unsigned char>(t.form[0])) != 0;
}

void Resolver::definite_descriptions() {
  for (int s = 0; s < nsent(); ++s) {
    for (int i = 0; i < ntok(s); ++i) {
      const Token& t = tok(s, i);
      if (!description_head(s, i) || mention_at(s, i) >= 0) continue;
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
