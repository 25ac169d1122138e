// Bounds and types of names from the words around them (see name_rules.hpp).
// Tests: tests/ner_test.cpp (NameRules.*)
#include "ner/name_rules.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "core/lexicon.hpp"
#include "core/strings.hpp"
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

std::vector<TypedSpan> kind_noun_names(const Sentence& s, const Gazetteer& g) {
  static const auto kKinds = detail::WordMap::load("kind_nouns");
  static const auto kMonths = detail::WordSet::load("months");
  static const auto kWeekdays = detail::WordSet::load("weekdays");
  static const auto kJoiners = detail::WordSet::load("name_joiners");
  const int n = static_cast<int>(s.tokens.size());
  // A capitalised word that may be part of the name; "'s" ends it.
  auto name_word = [&](int k) {
    if (k >= n) return false;
    const auto& f = s.tokens[k].form;
    if (!upper_initial(f) || f == "I" || f.find('\'') != std::string::npos) return false;
    std::string l = detail::ascii_lower(f);
    return !kMonths.contains(l) && !kWeekdays.contains(l) && !(phrase_bits(g, s, k, k + 1) & kGazTitle);
  };
  std::vector<TypedSpan> out;
  for (int i = 0; i + 1 < n; ++i) {
    const std::string* type = kKinds.find(s.tokens[i].form);
    if (!type || s.tokens[i].xpos != "NN" || !name_word(i + 1)) continue;
    const bool work = *type == "WORK_OF_ART";
    int last = i + 2;
    for (int j = last; j < n; ++j) {
      if (name_word(j)) {
        last = j + 1;
        continue;
      }
      // "Gone for Ever", "Gone with the Wind": function words inside a title.
      if (!work || !kJoiners.contains(s.tokens[j].form)) break;
    }
    out.push_back({i + 1, last, *type});
    i = last - 1;
  }
  return out;
}

void affiliation_organisations(const Document& doc, std::vector<std::vector<TypedSpan>>& spans) {
  auto words = [&](const Sentence& s, const TypedSpan& t) {
    std::string w;
    for (int k = t.first; k < t.last; ++k) w += std::string(strip_possessive(s.tokens[k].form)) + ' ';
    return w;
  };
  std::unordered_set<std::string> organisations;
  for (std::size_t si = 0; si < spans.size() && si < doc.sentences.size(); ++si) {
    const auto& s = doc.sentences[si];
    const auto& sp = spans[si];
    for (std::size_t k = 1; k < sp.size(); ++k) {
      const auto& person = sp[k - 1];
      const auto& t = sp[k];
      if (person.type != "PER" || t.type != "MISC" || t.first <= person.last) continue;
      const auto& link = s.tokens[person.last].form;
      const int gap = t.first - person.last;
      if ((link != "of" && link != "from") || gap > 2 || (gap == 2 && s.tokens[person.last + 1].form != "the"))
        continue;
      organisations.insert(words(s, t));
    }
  }
  if (organisations.empty()) return;
  for (std::size_t si = 0; si < spans.size() && si < doc.sentences.size(); ++si)
    for (auto& t : spans[si])
      if (t.type == "MISC" && organisations.count(words(doc.sentences[si], t))) t.type = "ORG";
}

}  // namespace relgraph::ner
