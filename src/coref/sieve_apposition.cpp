// The apposition pass: coref.apposition_kind ("al-Shabaab, the militant
// group" is an organisation), and per mention coref.apposition ("John Roe,
// the US envoy"), coref.apposition_surface (the same when the parse missed it)
// and coref.role ("French Interior Minister Jane Doe").
// Tests: tests/coref_test.cpp (Sieve*)
#include <algorithm>
#include <cctype>

#include "coref/resolver.hpp"

namespace relgraph::coref_impl {

// Nouns in apposition to mention m: its appositive governor or dependents,
// and a noun right after ", " whatever the parse attached it to.
std::vector<int> Resolver::kind_partners(int m) const {
  const auto& it = items_[m];
  int s = doc_.mentions[m].span.sentence, h = it.head;
  std::vector<int> partners;
  if (tok(s, h).deprel == "appos" && head_of(s, h) >= 0) partners.push_back(head_of(s, h));
  for (int c : children(s, h))
    if (tok(s, c).deprel == "appos") partners.push_back(c);
  int after = doc_.mentions[m].span.last;
  if (after + 1 < ntok(s) && tok(s, after).form == ",") {
    for (int g = after + 1; g < std::min(ntok(s), after + 6); ++g) {
      if (tok(s, g).upos != "NOUN") continue;
      auto d = tok(s, g).deprel;
      int first = subtree(s, g).first;
      if ((d == "appos" || d == "parataxis" || d == "dep" || d == "conj") && (first == after || first == after + 1))
        partners.push_back(g);
      break;
    }
  }
  return partners;
}

// "al-Shabaab, the Somali militant group": a name the recogniser took for a
// person but whose apposition is an organisation noun is an organisation,
// and so is every other mention of the same name. Organisations are not
// retyped, but keep their kind noun ("the group" may name them later).
void Resolver::retype_by_apposition() {
  std::set<std::string> keys;
  for (int m = 0; m < nitems(); ++m) {
    auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || (it.etype != "Person" && it.etype != "Organization") || it.head < 0)
      continue;
    int s = doc_.mentions[m].span.sentence;
    for (int g : kind_partners(m)) {
      if (tok(s, g).upos != "NOUN" || mention_at(s, g) >= 0) continue;
      std::string noun = lower(tok(s, g).lemma.empty() ? tok(s, g).form : tok(s, g).lemma);
      if (!words("organisation_nouns", noun)) continue;
      if (it.etype == "Person") keys.insert(it.key);
      kind_nouns_[it.key].insert(noun);
    }
  }
  if (keys.empty()) return;
  for (int m = 0; m < nitems(); ++m) {
    auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || it.etype != "Person" || !keys.count(it.key)) continue;
    doc_.mentions[m].type = "ORG";
    key_named(m);
  }
}

// Start of a run of capitalised words ending just before `end` that holds a
// title word ("French Interior Minister", "Minister of Justice"); `end` if none.
int Resolver::title_run(int s, int end) const {
  int first = end;
  bool title = false;
  for (int j = end - 1; j >= 0 && j >= end - 6; --j) {
    const Token& t = tok(s, j);
    bool cap = !t.form.empty() && std::isupper(static_cast<unsigned char>(t.form[0]));
    bool inner = (words("title_prepositions", lower(t.form)) || t_.words.is_definite_article(t.form)) && j + 1 < end;
    if (!cap && !inner) break;
    if (blocks(s, j)) break;
    if (t.upos == "VERB" || t.upos == "AUX" || t.upos == "PUNCT") break;
    title |= is_title(t.form);
    first = j;
  }
  return title ? first : end;
}

// Two or three capitalised words, no preposition or conjunction, no title:
// shaped like a personal name even if the recogniser said ORG.
bool Resolver::person_shaped(int m) const {
  const auto& n = items_[m].name;
  if (items_[m].etype != "Organization" || n.size() < 2 || n.size() > 3) return false;
  for (const auto& w : n)
    if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0])) || is_title(w) || !country_of(w).empty())
      return false;
  return true;
}

// A role mention over words [first, last) of sentence s for mention m, with
// the full role phrase as its canonical text.
void Resolver::add_role(int m, int s, int first, int last, const std::string& role, const std::string& etype) {
  int nm = add_mention(s, first, last, doc_.mentions[m].type, "Role", Kind::Nominal, etype);
  doc_.mentions[nm].canonical = role;
  unite(nm, m);
  add_role_phrase(find(m), role);
}

// "the US envoy to Peru, John Roe" when the parse missed the apposition.
void Resolver::surface_apposition(int m) {
  const EntityMention em = doc_.mentions[m];  // a copy: add_mention() grows doc_.mentions
  int s = em.span.sentence;
  if (em.span.first < 2 || tok(s, em.span.first - 1).form != ",") return;
  // Back from the comma to the article that opens the nominal phrase.
  int start = -1, title = -1;
  for (int j = em.span.first - 2; j >= 0 && j >= em.span.first - 15; --j) {
    const Token& t = tok(s, j);
    if (t.form == "," || t.upos == "VERB" || t.upos == "AUX" || t.upos == "SCONJ") break;
    if (blocks(s, j)) break;
    if ((t.upos == "NOUN" || t.upos == "PROPN") && is_title(t.form) && title < 0) title = j;
    if (t.upos == "DET" && t_.words.is_article(t.form)) {
      start = j + 1;
      break;
    }
  }
  if (start < 0 || title < 0 || start > title) return;
  if (items_[m].etype != "Person")
    for (int x : members(find(m)))
      if (items_[x].kind == Kind::Named) items_[x].etype = "Person";
  std::string role(doc_.slice(tok(s, start).begin, tok(s, em.span.first - 2).end));
  add_role(m, s, start, title + 1, role, "Person");
}

// Role words of partner g of mention m: g's subtree without the name,
// determiners, edge punctuation and leading function words ("and his Saudi
// counterpart"); false if nothing is left.
bool Resolver::apposition_role(int m, int g, std::vector<int>& out, std::string& role) const {
  int s = doc_.mentions[m].span.sentence;
  auto [lo, hi] = subtree(s, g);
  auto [mlo, mhi] = subtree(s, items_[m].head);
  out.clear();
  for (int i = lo; i < hi; ++i) {
    if (i >= mlo && i < mhi) continue;
    if (head_of(s, i) == g && tok(s, i).deprel == "det") continue;
    out.push_back(i);
  }
  while (!out.empty() && tok(s, out.back()).upos == "PUNCT") out.pop_back();
  auto leading = [&](const Token& t) {
    return t.upos == "PUNCT" || t.upos == "ADP" || t.upos == "DET" || t.upos == "CCONJ" || t.xpos == "PRP$";
  };
  while (!out.empty() && leading(tok(s, out.front()))) out.erase(out.begin());
  if (out.empty()) return false;
  role.clear();
  for (int i : out) {
    if (!role.empty() && tok(s, i).begin > 0 && doc_.text[tok(s, i).begin - 1] == ' ')
      role += ' ';
    else if (!role.empty() && i > 0 && tok(s, i - 1).space_after && tok(s, i).begin != tok(s, i - 1).end)
      role += ' ';
    role += tok(s, i).form;
  }
  return true;
}

// A nominal partner of the name in the parse: the governor of an appositive
// name or an appositive noun of it. Returns whether a role was added.
bool Resolver::parse_appositions(int m) {
  const Item it = items_[m];  // a copy: add_mention() grows items_
  int s = doc_.mentions[m].span.sentence;
  int h = it.head;
  std::vector<int> partners;
  if (tok(s, h).deprel == "appos" && head_of(s, h) >= 0) partners.push_back(head_of(s, h));
  for (int c : children(s, h))
    if (tok(s, c).deprel == "appos") partners.push_back(c);
  bool added = false;
  for (int g : partners) {
    // Titles are often capitalised ("the US Ambassador"), so a proper noun
    // outside any name counts as a nominal partner too.
    if ((tok(s, g).upos != "NOUN" && tok(s, g).upos != "PROPN") || mention_at(s, g) >= 0) continue;
    std::vector<int> words;
    std::string role;
    if (!apposition_role(m, g, words, role)) continue;
    // The nominal mention covers pre-modifiers and the head noun only, so
    // names inside post-modifiers ("branch of X") keep their own mentions.
    int first = words.front();
    if (first > g) continue;
    int blocked = -1;  // the last word of a name among the role's words
    for (int i = first; i <= g; ++i)
      if (blocks(s, i)) blocked = i;
    // "an Acme lawyer, Bo Tan": a name modifying the role keeps its mention;
    // the role mention covers the words after it ("lawyer").
    if (blocked >= 0) {
      if (!enabled(kNamedModifier) || blocked == g || tok(s, g).upos != "NOUN" || it.etype != "Person" ||
          items_[mention_at(s, blocked)].etype == "Person")
        continue;
      first = blocked + 1;
      while (first < g && tok(s, first).upos == "PART") ++first;  // "Acme's lawyer"
    }
    add_role(m, s, first, g + 1, role, items_[m].etype);
    added = true;
  }
  return added;
}

// First word of a compound title in front of person mention m ("French
// Interior Minister Jane Doe"), the span's first word if none.
int Resolver::title_start(int m) const {
  const EntityMention& em = doc_.mentions[m];
  int s = em.span.sentence;
  int first = em.span.first;
  // Words to the left whose heads lead into the name without leaving the phrase.
  auto reaches_name = [&](int j, int f) {
    for (int x = j, steps = 0; steps < 10; ++steps) {
      int h = head_of(s, x);
      if (h < f || h >= em.span.last) return false;
      if (h >= em.span.first) return true;
      x = h;
    }
    return false;
  };
  for (int f = em.span.first - 1; f >= 0 && f >= em.span.first - 8; --f) {
    const Token& t = tok(s, f);
    // A hyphen written without spaces joins a title's parts ("Secretary-General").
    bool hyphen = t.form == "-" && !t.space_after && f > 0 && !tok(s, f - 1).space_after;
    bool of = t.upos == "ADP" && words("title_prepositions", lower(t.form));
    bool of_the = t.upos == "DET" && t_.words.is_definite_article(t.form) && f > 0 &&
                  words("title_prepositions", lower(tok(s, f - 1).form));
    bool word = t.upos == "NOUN" || t.upos == "PROPN" || t.upos == "ADJ" || of || of_the || hyphen;
    if (!word || blocks(s, f)) break;
    bool ok = true;
    for (int j = f; j < em.span.first && ok; ++j) ok = reaches_name(j, f);
    if (ok) first = f;
  }
  // Parses of long capitalised runs are often wrong: fall back to the
  // surface, a run of capitalised words (with "of", "the") holding a title.
  return std::min(first, title_run(s, em.span.first));
}

void Resolver::title_before(int m) {
  const EntityMention em = doc_.mentions[m];  // a copy: add_mention() grows doc_.mentions
  int s = em.span.sentence;
  int first = title_start(m);
  // A hyphenated title is whole even when the parse split it ("Secretary[flat of UN] -General").
  if (first > 0 && first < em.span.first && tok(s, first).form == "-" && !tok(s, first - 1).space_after &&
      mention_at(s, first - 1) < 0)
    --first;
  // A title never starts with a function word or a hyphen.
  while (first < em.span.first &&
         (tok(s, first).upos == "ADP" || tok(s, first).upos == "DET" || tok(s, first).form == "-"))
    ++first;
  // A title has a noun of its own, not only a country's name ("the United States Bo Tan").
  bool has_noun = false;
  for (int j = first; j < em.span.first; ++j)
    has_noun |= (tok(s, j).upos == "NOUN" || tok(s, j).upos == "PROPN") && country_of(tok(s, j).form).empty() &&
                mention_at(s, j) < 0;
  if (first >= em.span.first || !has_noun) return;
  std::string role(doc_.slice(tok(s, first).begin, tok(s, em.span.first - 1).end));
  add_role(m, s, first, em.span.first, role, "Person");
}

void Resolver::appositions() {
  int n = nitems();
  for (int m = 0; m < n; ++m) {
    const Item it = items_[m];  // a copy: the rules grow items_
    if (!it.active || it.kind != Kind::Named || (it.etype != "Person" && it.etype != "Organization")) continue;
    if (tok(doc_.mentions[m].span.sentence, it.head).head < 0) continue;
    bool added = enabled(kApposition) && parse_appositions(m);
    if (!added && (it.etype == "Person" || person_shaped(m)) && enabled(kSurfaceApposition)) surface_apposition(m);
    if (it.etype == "Person" && enabled(kRole)) title_before(m);
  }
}

}  // namespace relgraph::coref_impl
