// Sieves coref.bracket_acronym ("the Police Unit (PU)"), coref.bracket_expansion
// ("the CNV (National Council of Varnia)") and coref.acronym
// (MoD <-> Ministry of Defence). Tests: tests/coref_test.cpp (Sieve*)
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/strings.hpp"
#include "coref/resolver.hpp"

namespace relgraph::coref_impl {
namespace {

bool acronym_like(const std::string& w) {
  int upper = 0, letters = 0;
  for (char c : w) {
    if (std::isupper(static_cast<unsigned char>(c))) ++upper;
    if (std::isalpha(static_cast<unsigned char>(c)))
      ++letters;
    else if (c != '&' && c != '.')
      return false;
  }
  return upper >= 2 && upper == letters && letters <= 8;
}

}  // namespace

// The named, non-person mention right before the bracket at word i of
// sentence s, extended over up to two capitalised words the recogniser left
// out ("Unit"); -1 if none.
int Resolver::bracket_name(int s, int i) {
  int end = i, m = -1;
  while (end > 0 && at_[s][end - 1] < 0 && end > i - 3 &&
         std::isupper(static_cast<unsigned char>(tok(s, end - 1).form[0])))
    --end;
  if (end > 0) m = at_[s][end - 1];
  if (m < 0 || !items_[m].active || items_[m].kind != Kind::Named || items_[m].etype == "Person") return -1;
  if (doc_.mentions[m].span.sentence != s) return -1;
  if (end < i) {  // extend the name over the words the recogniser left out
    auto& em = doc_.mentions[m];
    bool plain = em.canonical.empty() || em.canonical == em.text;
    em.span = make_span(s, em.span.first, i);
    em.text = detail::squeeze_spaces(doc_.slice(em.span.begin, em.span.end));
    if (plain) em.canonical = em.text;
    for (int k = end; k < i; ++k) at_[s][k] = m;
    items_[m].head = span_head(s, em.span.first, em.span.last);
    key_named(m);
  }
  return m;
}

// Later uses of a bracketed acronym the recogniser did not tag.
void Resolver::later_acronyms(const std::map<std::string, int>& found) {
  for (int s = 0; s < nsent(); ++s)
    for (int i = 0; i < ntok(s); ++i) {
      auto f = found.find(tok(s, i).form);
      if (f == found.end() || !word_in_body(s, i)) continue;
      const auto& em = doc_.mentions[f->second];
      if (int t = at_[s][i]; t >= 0) {
        // Rule coref.acronym_retype: the recogniser tagged the acronym alone
        // with another type ("..., said ZCNA"[PER]): the bracket defined it.
        const auto& tm = doc_.mentions[t];
        if (!enabled(kAcronymRetype) || tm.span.first != i || tm.span.last != i + 1 || items_[t].kind != Kind::Named ||
            !items_[t].active || same(t, f->second))
          continue;
        auto& mm = doc_.mentions[t];
        mm.type = em.type;
        mm.subtype = em.subtype;
        items_[t].etype = items_[f->second].etype;
        unite(t, f->second);
        continue;
      }
      int a = add_mention(s, i, i + 1, em.type, em.subtype, Kind::Named, items_[f->second].etype);
      key_named(a);
      unite(a, f->second);
    }
}

// "the Anti-Terrorism Police Unit (ATPU)": an all-capital word in brackets
// right after a name is that name's acronym, wherever it occurs in the body,
// even where the recogniser missed it.
void Resolver::parenthetical_acronyms() {
  std::map<std::string, int> found;  // acronym -> its first mention
  for (int s = 0; s < nsent(); ++s) {
    for (int i = 1; i + 2 < ntok(s); ++i) {
      if (tok(s, i).form != "(" || tok(s, i + 2).form != ")" || !acronym_like(tok(s, i + 1).form)) continue;
      if (!word_in_body(s, i + 1)) continue;
      const int tagged = at_[s][i + 1];  // the recogniser may have tagged the acronym itself
      if (tagged >= 0 && (!items_[tagged].active || items_[tagged].kind != Kind::Named)) continue;
      int m = bracket_name(s, i);
      if (m < 0) continue;
      const auto& em = doc_.mentions[m];
      int a = tagged;
      if (a < 0) {
        a = add_mention(s, i + 1, i + 2, em.type, em.subtype, Kind::Named, items_[m].etype);
        key_named(a);
      } else if (!compatible(items_[a].etype, items_[m].etype)) {
        const auto& am = doc_.mentions[a].span;
        if (!enabled(kAcronymRetype) || am.first != i + 1 || am.last != i + 2) continue;
        doc_.mentions[a].type = em.type;  // the name before the bracket decides
        doc_.mentions[a].subtype = em.subtype;
        items_[a].etype = items_[m].etype;
      }
      unite(a, m);
      found.emplace(tok(s, i + 1).form, a);
    }
  }
  later_acronyms(found);
}

// "the CNV (National Council of Varnia)": an acronym mention right before
// brackets that hold nothing but a capitalised name whose initials are the
// acronym's letters, in any order (a name translated from the language the
// acronym comes from), is that name.
void Resolver::bracket_expansions() {
  for (int s = 0; s < nsent(); ++s) {
    for (int i = 1; i + 2 < ntok(s); ++i) {
      if (tok(s, i).form != "(" || !acronym_like(tok(s, i - 1).form)) continue;
      int a = at_[s][i - 1];
      if (a < 0 || !items_[a].active || items_[a].kind != Kind::Named || items_[a].etype == "Person" ||
          doc_.mentions[a].span.last != i || !word_in_body(s, i))
        continue;
      int close = i + 1;
      while (close < ntok(s) && close <= i + 9 && tok(s, close).form != ")") ++close;
      if (close >= ntok(s) || tok(s, close).form != ")" || close - i < 3) continue;
      std::vector<std::string> name;
      bool ok = true;
      for (int k = i + 1; k < close && ok; ++k) {
        const std::string& f = tok(s, k).form;
        bool cap = std::isupper(static_cast<unsigned char>(f[0])) != 0;
        bool skip = words("acronym_skip_words", lower(f));
        ok = cap || (skip && k > i + 1 && k + 1 < close);
        // Another name inside the brackets must lie wholly inside them.
        if (int o = at_[s][k]; o >= 0 && (doc_.mentions[o].span.first <= i || doc_.mentions[o].span.last > close))
          ok = false;
        name.push_back(f);
      }
      if (!ok) continue;
      std::string letters = lower(tok(s, i - 1).form), got = initials(name, false);
      std::erase(letters, '.');
      std::sort(letters.begin(), letters.end());
      std::sort(got.begin(), got.end());
      if (letters != got) continue;
      const std::string type = doc_.mentions[a].type, subtype = doc_.mentions[a].subtype, etype = items_[a].etype;
      int e = add_mention(s, i + 1, close, type, subtype, Kind::Named, etype);
      doc_.mentions[e].canonical = doc_.mentions[e].text;
      for (int k = i + 1; k < close; ++k) at_[s][k] = e;
      key_named(e);
      items_[e].etype = etype;
      unite(e, a);
    }
  }
}

// The initials of `words`, lower case: of all of them, or without the
// function words of acronym_skip_words.
std::string Resolver::initials(const std::vector<std::string>& words, bool all) const {
  std::string out;
  for (const auto& w : words) {
    if (!all && this->words("acronym_skip_words", lower(w))) continue;
    if (!w.empty() && std::isalpha(static_cast<unsigned char>(w[0])))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
  }
  return out;
}

void Resolver::acronyms() {
  // The names an acronym may stand for, by their initials (with or without the skip words).
  std::map<std::string, std::vector<int>> by_initials;
  for (int o = 0; o < nitems(); ++o) {
    const auto& other = items_[o];
    if (!other.active || other.kind != Kind::Named || other.name.size() < 2 || other.etype == "Person") continue;
    auto words = split_words(other.label);
    std::string all = initials(words, true), some = initials(words, false);
    by_initials[all].push_back(o);
    if (some != all) by_initials[some].push_back(o);
  }
  for (int m = 0; m < nitems(); ++m) {
    const auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || it.name.size() != 1) continue;
    const std::string& w = it.name[0];
    int upper = 0;
    std::string letters;
    for (char c : w) {
      if (std::isupper(static_cast<unsigned char>(c))) ++upper;
      if (std::isalpha(static_cast<unsigned char>(c)))
        letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (upper < 2 || letters.size() < 2 || letters.size() > 8 || w.size() > 10) continue;
    std::set<int> hits;
    if (auto named = by_initials.find(letters); named != by_initials.end())
      for (int o : named->second)
        if (compatible(it.etype, items_[o].etype)) hits.insert(find(o));
    if (hits.size() == 1) unite(m, *hits.begin());
  }
}

}  // namespace relgraph::coref_impl
