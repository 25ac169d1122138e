// Bounds and types of names from the words around them (see name_rules.hpp).
// Tests: tests/ner_test.cpp (NameRules.*)
#include "ner/name_rules.hpp"

#include <algorithm>

#include "core/lexicon.hpp"
#include "ner/features.hpp"

namespace relgraph::ner {

namespace {

bool upper_initial(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

std::uint16_t phrase_bits(const Gazetteer& g, const Sentence& s, int first, int last) {
  PhraseKey key;
  for (int k = first; k < last; ++k) key.add(strip_possessive(s.tokens[k].form));
  return g.bits(key);
}

const GazetteerEntry* phrase_entry(const Gazetteer& g, const Sentence& s, int first, int last) {
  PhraseKey key;
  for (int k = first; k < last; ++k) key.add(strip_possessive(s.tokens[k].form));
  return g.find(key);
}

}  // namespace

std::vector<TypedSpan> split_country_suffix(const Sentence& s, const Gazetteer& g,
                                            const std::vector<TypedSpan>& spans) {
  std::vector<TypedSpan> out;
  for (const auto& t : spans) {
    // The last "of the" of the span, with at least two words before it.
    int of = -1;
    for (int k = t.last - 3; k >= t.first + 2; --k)
      if (s.tokens[k].form == "of" && s.tokens[k + 1].form == "the") {
        of = k;
        break;
      }
    const GazetteerEntry* country = of < 0 ? nullptr : phrase_entry(g, s, of + 2, t.last);
    if (t.type != "ORG" || !country || country->subtype != "Country") {
      out.push_back(t);
      continue;
    }
    bool own_name = false;
    for (int k = t.first; k < of && !own_name; ++k) {
      const auto& f = s.tokens[k].form;
      own_name = (k > t.first && (f == "of" || f == "for")) ||
                 (upper_initial(f) && (phrase_bits(g, s, k, k + 1) & (kGazPlace | kGazCountry | kGazRegion)));
    }
    if (!own_name) {
      out.push_back(t);
      continue;
    }
    out.push_back({t.first, of, t.type});
    out.push_back({of + 2, t.last, "LOC"});
  }
  return out;
}

}  // namespace relgraph::ner
