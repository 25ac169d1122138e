// Sieve coref.state_agent: "French authorities", "US forces", "the Peruvian
// government" are the country acting. Tests: tests/coref_test.cpp (Sieve*)
#include <algorithm>

#include "coref/resolver.hpp"

namespace relgraph::coref_impl {

// The country named by the modifiers of agent noun i ("" if none); `first`
// becomes the phrase's first word.
std::string Resolver::agent_country(int s, int i, int& first) const {
  std::string country;
  first = i;
  for (int c : children(s, i)) {
    const Token& k = tok(s, c);
    if (c > i || (k.deprel != "amod" && k.deprel != "compound" && k.deprel != "nmod:poss")) continue;
    int cm = mention_at(s, c);
    std::string name = cm >= 0 && items_[cm].etype == "Country" ? items_[cm].label : country_of(k.form);
    if (name.empty()) continue;
    country = name;
    first = std::min(first, cm >= 0 ? doc_.mentions[cm].span.first : c);
  }
  // Modifiers between the country word and the head ("Norwegian naval forces").
  for (int j = first; j < i; ++j)
    if (head_of(s, j) < first || head_of(s, j) > i) country.clear();
  return country;
}

void Resolver::state_agents() {
  for (int s = 0; s < nsent(); ++s) {
    for (int i = 0; i < ntok(s); ++i) {
      const Token& t = tok(s, i);
      if (t.upos != "NOUN" || !words("state_agent_nouns", lower(t.lemma.empty() ? t.form : t.lemma))) continue;
      if (mention_at(s, i) >= 0 || !word_in_body(s, i)) continue;
      int first = i;
      std::string country = agent_country(s, i, first);
      if (country.empty()) continue;
      int m = add_mention(s, first, i + 1, "LOC", "Nominal", Kind::Nominal, "Country");
      items_[m].key = name_key(country);
      items_[m].label = country;
    }
  }
}

}  // namespace relgraph::coref_impl
