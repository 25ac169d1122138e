// Sieves on names: coref.exact (equal keys), coref.alias (Jane Doe / Doe /
// J. Doe; Ministry of Justice / French Ministry of Justice; Siemens / Siemens
// AG), coref.surname (a surname the recogniser missed) and
// coref.person_not_place (a person's name the recogniser took for a place).
// Tests: tests/coref_test.cpp (Sieve*)
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/lexicon.hpp"
#include "coref/resolver.hpp"

namespace relgraph::coref_impl {
namespace {

// Longer names a name is compared with (see name_variants); a news article
// has a handful, a degenerate text of repeated names could have millions.
constexpr int kMaxVariantCandidates = 1000;

std::vector<std::string> lower_all(const std::vector<std::string>& v) {
  std::vector<std::string> out;
  for (auto& x : v) out.push_back(lower(x));
  return out;
}

}  // namespace

void Resolver::exact_match() {
  std::map<std::string, std::vector<int>> by_key;
  for (int m = 0; m < nitems(); ++m)
    if (items_[m].active && !items_[m].key.empty()) by_key[items_[m].key].push_back(m);
  for (auto& [key, ms] : by_key)
    for (std::size_t i = 1; i < ms.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (compatible(items_[ms[i]].etype, items_[ms[j]].etype)) {
          unite(ms[i], ms[j]);
          break;
        }
}

// The country a possessor before the mention names ("Russia's Foreign
// Ministry" -> Russia), "" if none.
std::string Resolver::possessor_country(int m) const {
  const auto& sp = doc_.mentions[m].span;
  int s = sp.sentence, i = sp.first;
  if (i >= 2 && (tok(s, i - 1).form == "'s" || tok(s, i - 1).form == "\xE2\x80\x99s" || tok(s, i - 1).form == "'"))
    return country_of(tok(s, i - 2).form);
  if (i >= 1) return country_of(tok(s, i - 1).form);  // "Russia Foreign Ministry", a possessive glued to the word
  return "";
}

// Person name `a` is a shorter form of `b`: Doe / J. Doe / Jane -> Jane Doe,
// "bin Salman" -> Mohammed bin Salman, "Lula" -> Luiz Inacio Lula da Silva.
bool Resolver::person_variant(const Item& it, const Item& other, const std::vector<std::string>& a,
                              const std::vector<std::string>& b, bool& by_last_words) const {
  if (other.etype != "Person") return false;
  bool match = false;
  if (a.size() == 1)
    match = b.back() == a[0];
  else if (a.size() == 2 && a[0].size() <= 2 && a[0][0] == b[0][0])
    match = a[1] == b.back();
  if (!match && a.size() >= 2 && std::equal(a.begin(), a.end(), b.end() - static_cast<long>(a.size())))
    match = true, by_last_words = true;
  if (!match && a.size() == 1 && a[0].size() >= 2 && std::isupper(static_cast<unsigned char>(it.name[0][0])) &&
      std::find(b.begin(), b.end(), a[0]) != b.end())
    match = true, by_last_words = true;
  return match;
}

// Organisation name `a` (mention m) is contained in `b`: a suffix when the
// extra words name a country ("Ministry of Justice" / "French Ministry of
// Justice"), a prefix before a preposition ("Peace Institute" / "Peace
// Institute for Asian Studies") or before a legal form ("Siemens AG").
bool Resolver::organisation_variant(int m, const Item& other, const std::vector<std::string>& a,
                                    const std::vector<std::string>& b) const {
  const Item& it = items_[m];
  std::size_t extra = b.size() - a.size();
  if (std::equal(a.begin(), a.end(), b.begin() + static_cast<long>(extra))) {
    bool match = true;
    for (std::size_t i = 0; i < extra; ++i)
      if (country_of(other.name[i]).empty() && b[i] != "us" && b[i] != "u.s.") match = false;
    // "Russia's Foreign Ministry" is not the "Japanese Foreign Ministry".
    std::string own = possessor_country(m);
    if (match && !own.empty())
      for (std::size_t i = 0; i < extra; ++i) {
        std::string c = country_of(other.name[i]);
        if (b[i] == "us" || b[i] == "u.s.") c = "United States";
        if (!c.empty() && c != own) match = false;
      }
    if (match) return true;
  }
  if (b.size() == a.size() + 1 && std::equal(a.begin(), a.end(), b.begin()) && detail::is_legal_form(other.name.back()))
    return true;
  if (a.size() >= 2 && std::equal(a.begin(), a.end(), b.begin()) && words("name_continuations", b[a.size()]) &&
      std::isupper(static_cast<unsigned char>(it.name[0][0])))
    return true;
  return a.size() == 1 && b.size() >= 2 && after_the(m) && enabled(kOrgHead) && organisation_head(b) == a[0];
}

// The head noun of an organisation's name: "church" in "church of scientology".
std::string Resolver::organisation_head(const std::vector<std::string>& b) {
  auto of = std::find(b.begin(), b.end(), "of");
  return of != b.end() && of != b.begin() ? *(of - 1) : b.back();
}

// Mention m follows a definite article ("the Church").
bool Resolver::after_the(int m) const {
  const auto& sp = doc_.mentions[m].span;
  return sp.first > 0 && t_.words.is_definite_article(tok(sp.sentence, sp.first - 1).form);
}

// Rule coref.org_head, first part: a one-word "person" after "the" that is
// the head noun of an organisation in the text is that organisation's short
// name ("the Church" for "Church of Scientology"): no person's name follows "the".
void Resolver::retype_organisation_heads() {
  if (!enabled(kOrgHead)) return;
  std::set<std::string> heads;
  for (const auto& it : items_)
    if (it.active && it.kind == Kind::Named && it.etype == "Organization" && it.name.size() >= 2)
      heads.insert(organisation_head(lower_all(it.name)));
  for (int m = 0; m < nitems(); ++m) {
    auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || it.etype != "Person" || it.name.size() != 1 || !after_the(m)) continue;
    if (!heads.count(lower(it.name[0]))) continue;
    doc_.mentions[m].type = "ORG";
    key_named(m);
  }
}

// One candidate cluster, or for a person several share the name with, the
// most recent one before the mention ("bin Salman" between two people named
// "... bin Salman" stays apart). -1 if undecided.
int Resolver::variant_pick(int m, const std::vector<int>& cands, bool by_last_words) {
  std::set<int> roots;
  for (int o : cands) roots.insert(find(o));
  if (roots.size() == 1) return cands[0];
  int pick = -1;
  if (items_[m].etype == "Person" && !by_last_words) {
    long best = -1;
    for (int o : cands)
      if (position(o) < position(m) && position(o) > best) best = position(o), pick = o;
  }
  return pick;
}

void Resolver::name_variants() {
  retype_organisation_heads();
  int n = nitems();
  // Every variant rule needs the shorter name's last word among the longer
  // name's words, so named items are indexed by their (lower-cased) words,
  // and a name is compared with at most kMaxVariantCandidates longer names
  // that share its last word: linear time on any text.
  std::vector<std::vector<std::string>> lowered(n);
  std::unordered_map<std::string, std::vector<int>> by_word;
  // Items of one type and name are alike to every variant rule, so a name is
  // tested once against each such form, however often the text repeats it.
  std::map<std::pair<std::string, std::vector<std::string>>, int> forms;
  std::vector<int> form(n, -1);
  for (int o = 0; o < n; ++o) {
    if (!items_[o].active || items_[o].kind != Kind::Named) continue;
    lowered[o] = lower_all(items_[o].name);
    std::set<std::string> words(lowered[o].begin(), lowered[o].end());
    for (const auto& w : words) by_word[w].push_back(o);
    form[o] = forms.try_emplace({items_[o].etype, items_[o].name}, static_cast<int>(forms.size())).first->second;
  }
  enum : signed char { kUntested = 0, kNoMatch, kMatch, kMatchByLastWords };
  std::vector<signed char> tested(forms.size(), kUntested);
  std::vector<int> touched;
  for (int m = 0; m < n; ++m) {
    const auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || it.name.empty()) continue;
    const auto& a = lowered[m];
    auto sharing = by_word.find(a.back());
    if (sharing == by_word.end()) continue;
    std::vector<int> cands;
    bool by_last_words = false;  // matched as the last words of a fuller name
    int looked = 0;
    for (int f : touched) tested[f] = kUntested;
    touched.clear();
    for (int o : sharing->second) {
      const auto& other = items_[o];
      if (o == m || other.name.size() <= a.size()) continue;
      if (++looked > kMaxVariantCandidates) break;
      if (same(m, o)) continue;
      auto& result = tested[form[o]];
      if (result == kUntested) {
        touched.push_back(form[o]);
        const auto& b = lowered[o];
        bool match = false, last_words = false;
        if (!compatible(it.etype, other.etype))
          match = false;
        else if (it.etype == "Person")
          match = person_variant(it, other, a, b, last_words);
        else if (other.etype != "Person")
          match = organisation_variant(m, other, a, b);
        result = !match ? kNoMatch : last_words ? kMatchByLastWords : kMatch;
      }
      if (result == kNoMatch) continue;
      if (result == kMatchByLastWords) by_last_words = true;
      cands.push_back(o);
    }
    if (cands.empty()) continue;
    int pick = variant_pick(m, cands, by_last_words);
    if (pick >= 0) unite(m, pick);
  }
}

// Rule coref.compass_name: "the North" alone names the one country of the
// article whose name opens with that compass word ("North Korea"), whatever
// type the recogniser gave it. Not regions: "the South" of a country is no
// "South Province".
void Resolver::compass_names() {
  std::map<std::string, std::set<int>> places;  // compass word -> clusters of countries it opens
  std::map<std::string, int> place_of;          // compass word -> one mention of such a country
  for (int m = 0; m < nitems(); ++m) {
    const auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || it.name.size() < 2 || it.etype != "Country") continue;
    std::string w = lower(it.name[0]);
    if (!words("compass_words", w)) continue;
    places[w].insert(find(m));
    place_of[w] = m;
  }
  for (int m = 0; m < nitems(); ++m) {
    auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || it.name.size() != 1 || !after_the(m)) continue;
    std::string w = lower(it.name[0]);
    auto p = places.find(w);
    if (p == places.end() || p->second.size() != 1 || same(m, place_of[w])) continue;
    int to = place_of[w];
    doc_.mentions[m].type = doc_.mentions[to].type;
    doc_.mentions[m].subtype = doc_.mentions[to].subtype;
    it.etype = items_[to].etype;
    unite(m, to);
  }
}

// Rule coref.country_short_name: a one-word name that ends the name of
// exactly one country of the article ("Varnia" after "South Varnia") is that
// country, whatever type the recogniser gave it; not when the word is a
// country or a world region itself ("Africa" is no "South Africa"), nor a
// word of a person's full name.
void Resolver::country_short_names() {
  std::map<std::string, std::set<int>> countries;  // last word -> clusters of countries it ends
  std::map<std::string, int> country_of_word;      // last word -> one mention of such a country
  std::set<std::string> person_words;
  for (int m = 0; m < nitems(); ++m) {
    const auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || it.name.size() < 2) continue;
    if (it.etype == "Person")
      for (const auto& w : it.name) person_words.insert(lower(w));
    if (it.etype != "Country") continue;
    std::string w = lower(it.name.back());
    countries[w].insert(find(m));
    country_of_word[w] = m;
  }
  for (int m = 0; m < nitems(); ++m) {
    auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || it.name.size() != 1) continue;
    std::string w = lower(strip_possessive(it.name[0]));
    auto c = countries.find(w);
    if (c == countries.end() || c->second.size() != 1 || same(m, country_of_word[w])) continue;
    if (!country_of(w).empty() || t_.regions.count(w) || person_words.count(w)) continue;
    int to = country_of_word[w];
    doc_.mentions[m].type = doc_.mentions[to].type;
    doc_.mentions[m].subtype = doc_.mentions[to].subtype;
    it.etype = items_[to].etype;
    unite(m, to);
  }
}

// Surnames the recogniser missed ("Lopez said") join the person who has them.
void Resolver::surnames() {
  std::map<std::string, std::vector<int>> by_surname;  // surname -> named person mentions
  for (int m = 0; m < nitems(); ++m)
    if (items_[m].active && items_[m].kind == Kind::Named && items_[m].etype == "Person" && items_[m].name.size() >= 2)
      by_surname[items_[m].name.back()].push_back(m);
  for (int s = 0; s < nsent(); ++s) {
    for (int i = 0; i < ntok(s); ++i) {
      const Token& t = tok(s, i);
      if (mention_at(s, i) >= 0 || (t.upos != "PROPN" && t.upos != "NOUN")) continue;
      auto it = by_surname.find(strip_possessive(t.form));
      if (it == by_surname.end() || !word_in_body(s, i)) continue;
      // At a sentence start capitals prove nothing: the word must act there.
      if (i == 0 && t.deprel != "nsubj" && t.deprel != "nsubj:pass") continue;
      long here = static_cast<long>(s) * 100000 + i, best = -1;
      int pick = it->second.front();
      for (int m : it->second)
        if (position(m) < here && position(m) > best) best = position(m), pick = m;
      int nm = add_mention(s, i, i + 1, "PER", "", Kind::Named, "Person");
      items_[nm].name = {strip_possessive(t.form)};
      items_[nm].label = items_[nm].name[0];
      items_[nm].key = name_key(items_[nm].label);
      unite(nm, pick);
    }
  }
}

}  // namespace relgraph::coref_impl

namespace relgraph::coref_impl {

// A name the recogniser called a place (not a country) is a person's when a
// person elsewhere in the text bears it, whole ("Jane Lima") or as surname
// ("Lima said"), unless a place preposition governs it ("flew to Lima").
void Resolver::persons_not_places() {
  std::set<std::string> full, last;
  for (int m = 0; m < nitems(); ++m) {
    const auto& em = doc_.mentions[m];
    const auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || em.type != "PER" || it.name.size() < 2) continue;
    full.insert(lower(join(it.name)));
    last.insert(lower(it.name.back()));
  }
  for (int m = 0; m < nitems(); ++m) {
    auto& em = doc_.mentions[m];
    const auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || (em.type != "LOC" && em.type != "GPE") || em.subtype == "Country")
      continue;
    std::vector<std::string> w;
    for (int i = em.span.first; i < em.span.last; ++i) w.push_back(tok(em.span.sentence, i).form);
    if (w.empty()) continue;
    w.back() = strip_possessive(w.back());
    std::string name = lower(join(w));
    bool person = full.count(name) > 0;
    if (!person && w.size() == 1 && last.count(name)) {
      person = true;
      for (int c : children(em.span.sentence, it.head)) {
        const Token& k = tok(em.span.sentence, c);
        std::string l = lower(k.form);
        if (k.deprel == "case" && (words("place_prepositions", l) || words("motion_prepositions", l))) person = false;
      }
    }
    if (!person) continue;
    em.type = "PER";
    em.subtype.clear();
    em.canonical.clear();
    key_named(m);
  }
}

}  // namespace relgraph::coref_impl
