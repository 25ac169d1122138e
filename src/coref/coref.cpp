// Multi-pass sieve coreference within one article (see coref.hpp).
// Tests: tests/coref_test.cpp
#include "coref/coref.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <numeric>
#include <optional>

#include "core/lexicon.hpp"
#include "core/resources.hpp"
#include "relgraph/error.hpp"

namespace relgraph {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string join(const std::vector<std::string>& w, std::size_t from = 0, std::size_t to = std::string::npos) {
  std::string out;
  for (std::size_t i = from; i < std::min(to, w.size()); ++i) {
    if (!out.empty()) out += ' ';
    out += w[i];
  }
  return out;
}

// Drops a trailing possessive: "Sales'" / "Sales’" / "Doe's" / "Doe’s".
std::string strip_possessive(std::string s) {
  for (std::string_view suf : {"\xE2\x80\x99s", "'s", "\xE2\x80\x99", "'"}) {
    if (s.size() > suf.size() + 1 && s.compare(s.size() - suf.size(), suf.size(), suf) == 0) {
      s.resize(s.size() - suf.size());
      break;
    }
  }
  return s;
}

bool is_value_type(const std::string& type) {
  static const std::set<std::string> values = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"};
  return values.count(type) > 0;
}

enum class Kind { Named, Nominal, Pronoun };

// Per-mention working state.
struct Item {
  Kind kind = Kind::Named;
  std::string key;        // merge key (named and keyed nominal mentions)
  std::string etype;      // graph type: Person, Organization, Country, Place, Thing
  std::string label;      // the best label this mention offers
  std::vector<std::string> name;  // name words (titles stripped)
  int head = -1;          // head word (0-based) in its sentence
  bool active = false;    // takes part in coreference
};

std::string graph_type(const EntityMention& m) {
  if (m.type == "PER") return "Person";
  if (m.type == "ORG") return m.subtype == "Country" ? "Country" : "Organization";
  if (m.type == "LOC" || m.type == "GPE") return m.subtype == "Country" ? "Country" : "Place";
  if (m.type == "EVENT") return "Event";
  if (m.type == "PRODUCT") return "Product";
  return "Thing";
}

bool compatible(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a == "Person" || b == "Person") return false;
  auto place = [](const std::string& t) { return t == "Country" || t == "Place"; };
  if (place(a) && place(b)) return true;
  // Recognisers often call a country an organisation ("the US said").
  return (a == "Country" && b == "Organization") || (a == "Organization" && b == "Country");
}

class Resolver {
 public:
  Resolver(Document& doc, const CorefTables& t) : doc_(doc), t_(t) {}
  void run();

 private:
  // --- tree helpers ---
  const Token& tok(int s, int i) const { return doc_.sentences[s].tokens[i]; }
  int ntok(int s) const { return static_cast<int>(doc_.sentences[s].tokens.size()); }
  int head_of(int s, int i) const { return tok(s, i).head - 1; }  // -1 = root or unset
  const std::vector<int>& children(int s, int i) const { return kids_[s][i]; }
  int span_head(int s, int first, int last) const;
  std::pair<int, int> subtree(int s, int i) const;
  bool has_case(int s, int i, const std::string& word) const;
  int mention_at(int s, int i) const;  // named/nominal mention containing word i, or -1
  bool in_body(const Span& sp) const;
  Span make_span(int s, int first, int last) const;
  int add_mention(int s, int first, int last, const std::string& type, const std::string& subtype, Kind kind,
                  const std::string& etype);

  // --- union-find over mentions ---
  int find(int m) { return parent_[m] == m ? m : parent_[m] = find(parent_[m]); }
  void unite(int a, int b);
  bool same(int a, int b) { return find(a) == find(b); }

  // --- sieves ---
  void prepare();
  bool title_phrase(int m) const;
  void key_named(int m);
  void state_agents();
  void exact_match();
  void acronyms();
  void parenthetical_acronyms();
  std::string possessor_country(int m) const;
  void retype_by_apposition();
  void name_variants();
  void appositions();
  void surnames();
  bool is_title(const std::string& word) const;
  int title_run(int s, int end) const;
  void surface_apposition(int m);
  bool person_shaped(int m) const;
  void definite_descriptions();
  void pronouns();
  void build_entities();

  std::string country_of(const std::string& word) const;  // demonym / country name -> canonical
  std::string cluster_type(int root);
  std::vector<int> members(int root);
  long position(int m) const { return static_cast<long>(doc_.mentions[m].span.sentence) * 100000 + doc_.mentions[m].span.first; }

  Document& doc_;
  const CorefTables& t_;
  std::vector<std::vector<std::vector<int>>> kids_;
  std::vector<Item> items_;
  std::vector<int> parent_;
  std::vector<std::vector<int>> at_;  // per sentence: word -> mention index (named/nominal), -1
  std::map<int, std::vector<std::string>> roles_;       // cluster root -> role phrases
  std::map<int, char> gender_;                          // cluster root -> 'm' / 'f'
  std::map<std::string, std::set<std::string>> kind_nouns_;  // name key -> its appositive nouns ("group")
};

int Resolver::span_head(int s, int first, int last) const {
  int best = last - 1;
  for (int i = first; i < last; ++i) {
    int h = head_of(s, i);
    if (tok(s, i).head < 0) return last - 1;  // no parse: the last word
    if (h < first || h >= last) best = i;
  }
  return best;
}

std::pair<int, int> Resolver::subtree(int s, int i) const {
  int lo = i, hi = i;
  std::function<void(int)> walk = [&](int x) {
    lo = std::min(lo, x);
    hi = std::max(hi, x);
    for (int c : children(s, x)) walk(c);
  };
  walk(i);
  return {lo, hi + 1};
}

bool Resolver::has_case(int s, int i, const std::string& word) const {
  for (int c : children(s, i))
    if ((tok(s, c).deprel == "case" || tok(s, c).deprel == "mark") && lower(tok(s, c).form) == word) return true;
  return false;
}

int Resolver::mention_at(int s, int i) const { return at_[s][i]; }

bool Resolver::in_body(const Span& sp) const {
  const auto& md = doc_.metadata;
  if (md.body_end <= md.body_begin) return true;
  return sp.begin >= md.body_begin && sp.end <= md.body_end;
}

Span Resolver::make_span(int s, int first, int last) const {
  Span sp;
  sp.sentence = s;
  sp.first = first;
  sp.last = last;
  sp.begin = tok(s, first).begin;
  sp.end = tok(s, last - 1).end;
  return sp;
}

int Resolver::add_mention(int s, int first, int last, const std::string& type, const std::string& subtype, Kind kind,
                          const std::string& etype) {
  EntityMention m;
  m.span = make_span(s, first, last);
  m.text = std::string(doc_.slice(m.span.begin, m.span.end));
  m.type = type;
  m.subtype = subtype;
  doc_.mentions.push_back(m);
  int idx = static_cast<int>(doc_.mentions.size()) - 1;
  Item it;
  it.kind = kind;
  it.etype = etype;
  it.head = span_head(s, first, last);
  it.active = true;
  items_.push_back(it);
  parent_.push_back(idx);
  if (kind != Kind::Pronoun)
    for (int i = first; i < last; ++i)
      if (at_[s][i] < 0) at_[s][i] = idx;
  return idx;
}

void Resolver::unite(int a, int b) {
  a = find(a);
  b = find(b);
  if (a == b) return;
  if (position(a) > position(b)) std::swap(a, b);  // the earlier mention stays root
  parent_[b] = a;
  for (auto& r : roles_[b]) roles_[a].push_back(r);
  roles_.erase(b);
  if (gender_.count(b) && !gender_.count(a)) gender_[a] = gender_[b];
}

std::string Resolver::country_of(const std::string& word) const {
  std::string l = lower(strip_possessive(word));
  if (auto it = t_.demonyms.find(l); it != t_.demonyms.end()) return it->second;
  if (auto it = t_.countries.find(l); it != t_.countries.end()) return it->second;
  return "";
}

std::vector<int> Resolver::members(int root) {
  std::vector<int> out;
  for (int m = 0; m < static_cast<int>(items_.size()); ++m)
    if (items_[m].active && find(m) == root) out.push_back(m);
  return out;
}

std::string Resolver::cluster_type(int root) {
  std::map<std::string, int> votes;
  for (int m : members(root))
    if (items_[m].kind != Kind::Pronoun) votes[items_[m].etype] += items_[m].kind == Kind::Named ? 2 : 1;
  if (votes.count("Country")) return "Country";  // a country acting is still the country
  std::string best = "Thing";
  int n = 0;
  for (auto& [t, v] : votes)
    if (v > n) best = t, n = v;
  return best;
}

// ---------------------------------------------------------------------------

// The first word that is no country word is a title, followed by a
// preposition or ending the phrase ("Ambassador to", "Prime Minister").
bool Resolver::title_phrase(int m) const {
  const auto& sp = doc_.mentions[m].span;
  for (int i = sp.first; i < sp.last; ++i) {
    const std::string& w = tok(sp.sentence, i).form;
    if (!country_of(w).empty() || lower(w) == "the") continue;
    if (!is_title(w)) return false;
    if (i + 1 == sp.last) return true;
    std::string next = lower(tok(sp.sentence, i + 1).form);
    return next == "to" || next == "of" || next == "for" || is_title(tok(sp.sentence, i + 1).form);
  }
  return false;
}

void Resolver::prepare() {
  kids_.assign(doc_.sentences.size(), {});
  at_.assign(doc_.sentences.size(), {});
  for (int s = 0; s < static_cast<int>(doc_.sentences.size()); ++s) {
    kids_[s].assign(ntok(s), {});
    at_[s].assign(ntok(s), -1);
    for (int i = 0; i < ntok(s); ++i) {
      int h = head_of(s, i);
      if (h >= 0 && h < ntok(s)) kids_[s][h].push_back(i);
    }
  }
  items_.assign(doc_.mentions.size(), Item{});
  parent_.resize(doc_.mentions.size());
  std::iota(parent_.begin(), parent_.end(), 0);
  for (int m = 0; m < static_cast<int>(doc_.mentions.size()); ++m) {
    auto& em = doc_.mentions[m];
    em.entity = -1;
    const auto& sp = em.span;
    if (is_value_type(em.type) || em.subtype == "Nominal" || em.subtype == "Pronoun" || em.subtype == "Role") continue;
    if (sp.sentence < 0 || sp.sentence >= static_cast<int>(doc_.sentences.size()) || sp.empty() ||
        sp.last > ntok(sp.sentence) || !in_body(sp))
      continue;
    int head = span_head(sp.sentence, sp.first, sp.last);
    if (em.type == "ORG" && title_phrase(m)) continue;  // "US Ambassador to Peru" is a role, not an organisation
    // A demonym names its country only as a modifier ("French troops");
    // as a noun it names people ("250 Americans"), not the country.
    if (em.type == "NORP") {
      const Token& h = tok(sp.sentence, head);
      bool modifier = h.upos == "ADJ" || h.deprel == "amod" || h.deprel == "compound" || h.deprel == "nmod:poss";
      if (!modifier) continue;
    }
    items_[m].active = true;
    items_[m].head = head;
    for (int i = sp.first; i < sp.last; ++i) at_[sp.sentence][i] = m;
    key_named(m);
  }
}

void Resolver::key_named(int m) {
  auto& em = doc_.mentions[m];
  auto& it = items_[m];
  it.etype = graph_type(em);
  int s = em.span.sentence;
  std::vector<std::string> words;
  for (int i = em.span.first; i < em.span.last; ++i) words.push_back(tok(s, i).form);
  if (!words.empty()) words.back() = strip_possessive(words.back());
  if (!words.empty() && (lower(words.front()) == "the")) words.erase(words.begin());
  if (it.etype == "Person") {
    // Titles and roles in front of a name are not part of it.
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      std::string l = lower(words[i]);
      if (!l.empty() && l.back() == '.') l.pop_back();
      if (t_.titles.count(l) || t_.titles.count(l + ".")) start = i + 1;
    }
    if (start == 0)
      while (start + 1 < words.size() && !country_of(words[start]).empty()) ++start;
    if (start > 0) {
      std::string role = join(words, 0, start);
      roles_[m].push_back(role);
      std::string first = lower(words[0]);
      if (first == "mr" || first == "mr.") gender_[m] = 'm';
      if (first == "ms" || first == "ms." || first == "mrs" || first == "mrs." || first == "miss") gender_[m] = 'f';
    }
    it.name.assign(words.begin() + static_cast<long>(start), words.end());
  } else {
    it.name = words;
  }
  std::string canonical = em.canonical;
  if (canonical.empty() && it.etype != "Person") canonical = country_of(join(it.name));
  if (!canonical.empty() && !country_of(canonical).empty() && it.etype != "Person") it.etype = "Country";
  it.label = canonical.empty() ? join(it.name) : canonical;
  it.key = name_key(it.label);

  if (it.etype == "Place" || it.etype == "Country") {
    // A capital acting (subject, agent, possessor) stands for its country.
    auto cap = t_.capitals.find(lower(join(it.name)));
    const Token& h = tok(s, it.head);
    bool acting = h.deprel == "nsubj" || h.deprel == "obl:agent" || h.deprel == "nmod:poss" ||
                  ((h.deprel == "obl" || h.deprel == "nmod") && has_case(s, it.head, "by"));
    if (cap != t_.capitals.end() && acting && em.canonical != cap->first) {
      it.etype = "Country";
      it.label = cap->second;
      it.key = name_key(cap->second);
    }
    // "the state of Georgia", "the US state of Georgia": a sub-national sense.
    for (int i = std::max(0, em.span.first - 3); i < em.span.first; ++i) {
      std::string l = lower(tok(s, i).form);
      if (l == "state" || l == "province" || l == "county") {
        it.etype = "Place";
        it.key += "#" + l;
        it.label = join(it.name) + " (" + l + ")";
      }
    }
  }
}

// "French authorities", "US forces", "the Peruvian government": the country acting.
void Resolver::state_agents() {
  static const std::set<std::string> agents = {"authority", "authorities", "government", "administration",
                                               "force",     "forces",      "military",   "army",
                                               "troop",     "troops",      "navy",       "regime",
                                               "cabinet"};
  for (int s = 0; s < static_cast<int>(doc_.sentences.size()); ++s) {
    for (int i = 0; i < ntok(s); ++i) {
      const Token& t = tok(s, i);
      if (t.upos != "NOUN" || !agents.count(lower(t.lemma.empty() ? t.form : t.lemma))) continue;
      if (mention_at(s, i) >= 0) continue;
      if (!in_body(make_span(s, i, i + 1))) continue;
      std::string country;
      int first = i;
      for (int c : children(s, i)) {
        const Token& k = tok(s, c);
        if (c > i || (k.deprel != "amod" && k.deprel != "compound" && k.deprel != "nmod:poss")) continue;
        int cm = mention_at(s, c);
        std::string name = cm >= 0 && items_[cm].etype == "Country" ? items_[cm].label : country_of(k.form);
        if (name.empty()) continue;
        country = name;
        first = std::min(first, cm >= 0 ? doc_.mentions[cm].span.first : c);
      }
      if (country.empty()) continue;
      // Modifiers between the country word and the head ("Tunisian military forces").
      for (int j = first; j < i; ++j)
        if (head_of(s, j) < first || head_of(s, j) > i) country.clear();
      if (country.empty()) continue;
      int m = add_mention(s, first, i + 1, "LOC", "Nominal", Kind::Nominal, "Country");
      items_[m].key = name_key(country);
      items_[m].label = country;
    }
  }
}

void Resolver::exact_match() {
  std::map<std::string, std::vector<int>> by_key;
  for (int m = 0; m < static_cast<int>(items_.size()); ++m)
    if (items_[m].active && !items_[m].key.empty()) by_key[items_[m].key].push_back(m);
  for (auto& [key, ms] : by_key)
    for (std::size_t i = 1; i < ms.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (compatible(items_[ms[i]].etype, items_[ms[j]].etype)) {
          unite(ms[i], ms[j]);
          break;
        }
}

// "the Anti-Terrorism Police Unit (ATPU)": an all-capital word in brackets
// right after a name is that name's acronym, wherever it occurs in the body,
// even where the recogniser missed it. Capitalised words the recogniser left
// out between its name and the bracket ("Unit") join the name.
void Resolver::parenthetical_acronyms() {
  auto acronym_like = [](const std::string& w) {
    int upper = 0, letters = 0;
    for (char c : w) {
      if (std::isupper(static_cast<unsigned char>(c))) ++upper;
      if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
      else if (c != '&' && c != '.') return false;
    }
    return upper >= 2 && upper == letters && letters <= 8;
  };
  std::map<std::string, int> found;  // acronym -> its first mention
  for (int s = 0; s < static_cast<int>(doc_.sentences.size()); ++s) {
    for (int i = 1; i + 2 < ntok(s); ++i) {
      if (tok(s, i).form != "(" || tok(s, i + 2).form != ")" || !acronym_like(tok(s, i + 1).form)) continue;
      if (!in_body(make_span(s, i + 1, i + 2))) continue;
      const int tagged = at_[s][i + 1];  // the recogniser may have tagged the acronym itself
      if (tagged >= 0 && (!items_[tagged].active || items_[tagged].kind != Kind::Named)) continue;
      // The name before the bracket, possibly a few capitalised words short.
      int end = i, m = -1;
      while (end > 0 && at_[s][end - 1] < 0 && end > i - 3 && std::isupper(static_cast<unsigned char>(tok(s, end - 1).form[0])))
        --end;
      if (end > 0) m = at_[s][end - 1];
      if (m < 0 || !items_[m].active || items_[m].kind != Kind::Named || items_[m].etype == "Person") continue;
      if (doc_.mentions[m].span.sentence != s) continue;
      if (end < i) {  // extend the name over the words the recogniser left out
        auto& em = doc_.mentions[m];
        bool plain = em.canonical.empty() || em.canonical == em.text;
        em.span = make_span(s, em.span.first, i);
        em.text = std::string(doc_.slice(em.span.begin, em.span.end));
        if (plain) em.canonical = em.text;
        for (int k = end; k < i; ++k) at_[s][k] = m;
        items_[m].head = span_head(s, em.span.first, em.span.last);
        key_named(m);
      }
      const auto& em = doc_.mentions[m];
      int a = tagged;
      if (a < 0) {
        a = add_mention(s, i + 1, i + 2, em.type, em.subtype, Kind::Named, items_[m].etype);
        key_named(a);
      } else if (!compatible(items_[a].etype, items_[m].etype)) {
        continue;
      }
      unite(a, m);
      found.emplace(tok(s, i + 1).form, a);
    }
  }
  // Later uses of the acronym the recogniser did not tag.
  for (int s = 0; s < static_cast<int>(doc_.sentences.size()); ++s)
    for (int i = 0; i < ntok(s); ++i) {
      auto f = found.find(tok(s, i).form);
      if (f == found.end() || at_[s][i] >= 0 || !in_body(make_span(s, i, i + 1))) continue;
      const auto& em = doc_.mentions[f->second];
      int a = add_mention(s, i, i + 1, em.type, em.subtype, Kind::Named, items_[f->second].etype);
      key_named(a);
      unite(a, f->second);
    }
}

// "al-Shabaab, the Somali militant group": a name the recogniser took for a
// person but whose apposition is an organisation noun is an organisation,
// and so is every other mention of the same name.
void Resolver::retype_by_apposition() {
  static const std::set<std::string> org_nouns = {
      "group",     "organisation", "organization", "movement", "militia",   "party",    "company",
      "firm",      "network",      "faction",      "agency",   "ministry",  "association", "union",
      "alliance",  "coalition",    "army",         "brigade",  "corporation", "bank",   "council",
      "committee", "institute",    "foundation",   "charity",  "club",      "band",     "newspaper",
      "broadcaster", "manufacturer", "retailer",   "insurer",  "airline",   "carmaker", "publisher",
      "branch",    "wing",         "affiliate",    "subsidiary", "offshoot", "division", "franchise"};
  std::set<std::string> keys;
  for (int m = 0; m < static_cast<int>(items_.size()); ++m) {
    auto& it = items_[m];
    // Organisations too: they are not retyped, but their kind noun is kept ("X, the militant group").
    if (!it.active || it.kind != Kind::Named || (it.etype != "Person" && it.etype != "Organization") || it.head < 0)
      continue;
    int s = doc_.mentions[m].span.sentence, h = it.head;
    std::vector<int> partners;
    if (tok(s, h).deprel == "appos" && head_of(s, h) >= 0) partners.push_back(head_of(s, h));
    for (int c : children(s, h))
      if (tok(s, c).deprel == "appos") partners.push_back(c);
    // ", the militant group" right after the name, whatever the parse attached it to.
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
    for (int g : partners) {
      if (tok(s, g).upos != "NOUN" || mention_at(s, g) >= 0) continue;
      std::string noun = lower(tok(s, g).lemma.empty() ? tok(s, g).form : tok(s, g).lemma);
      if (!org_nouns.count(noun)) continue;
      if (it.etype == "Person") keys.insert(it.key);
      kind_nouns_[it.key].insert(noun);  // "the group" may name it later
    }
  }
  if (keys.empty()) return;
  for (int m = 0; m < static_cast<int>(items_.size()); ++m) {
    auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || it.etype != "Person" || !keys.count(it.key)) continue;
    doc_.mentions[m].type = "ORG";
    key_named(m);
  }
}

void Resolver::acronyms() {
  static const std::set<std::string> small = {"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "&"};
  auto initials = [](const std::vector<std::string>& words, bool all) {
    std::string out;
    for (const auto& w : words) {
      std::string l = lower(w);
      if (!all && small.count(l)) continue;
      if (!w.empty() && std::isalpha(static_cast<unsigned char>(w[0]))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
    }
    return out;
  };
  for (int m = 0; m < static_cast<int>(items_.size()); ++m) {
    const auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || it.name.size() != 1) continue;
    const std::string& w = it.name[0];
    int upper = 0;
    std::string letters;
    for (char c : w) {
      if (std::isupper(static_cast<unsigned char>(c))) ++upper;
      if (std::isalpha(static_cast<unsigned char>(c))) letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (upper < 2 || letters.size() < 2 || letters.size() > 8 || w.size() > 10) continue;
    std::set<int> hits;
    for (int o = 0; o < static_cast<int>(items_.size()); ++o) {
      const auto& other = items_[o];
      if (!other.active || other.kind != Kind::Named || other.name.size() < 2) continue;
      if (!compatible(it.etype, other.etype) || other.etype == "Person") continue;
      auto words = split_words(other.label);
      if (initials(words, true) == letters || initials(words, false) == letters) hits.insert(find(o));
    }
    if (hits.size() == 1) unite(m, *hits.begin());
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

void Resolver::name_variants() {
  int n = static_cast<int>(items_.size());
  auto lw = [](const std::vector<std::string>& v) {
    std::vector<std::string> out;
    for (auto& x : v) out.push_back(lower(x));
    return out;
  };
  for (int m = 0; m < n; ++m) {
    const auto& it = items_[m];
    if (!it.active || it.kind != Kind::Named || it.name.empty()) continue;
    auto a = lw(it.name);
    std::vector<int> cands;
    bool by_last_words = false;  // matched as the last words of a fuller name
    for (int o = 0; o < n; ++o) {
      const auto& other = items_[o];
      if (o == m || !other.active || other.kind != Kind::Named || same(m, o)) continue;
      if (other.name.size() <= a.size() || !compatible(it.etype, other.etype)) continue;
      auto b = lw(other.name);
      bool match = false;
      if (it.etype == "Person") {
        if (other.etype != "Person") continue;
        // Doe -> Jane Doe; J. Doe -> Jane Doe; Jane -> Jane Doe (single first name).
        if (a.size() == 1) match = b.back() == a[0];
        else if (a.size() == 2 && a[0].size() <= 2 && a[0][0] == b[0][0]) match = a[1] == b.back();
        // "bin Salman" -> Mohammed bin Salman, "Fattah el-Sisi" -> Abdel Fattah el-Sisi: the last words.
        if (!match && a.size() >= 2 && std::equal(a.begin(), a.end(), b.end() - static_cast<long>(a.size())))
          match = true, by_last_words = true;
        // "Lula" -> Luiz Inacio Lula da Silva, "Xi" -> Xi Jinping: any capitalised word of one full name.
        if (!match && a.size() == 1 && a[0].size() >= 2 && std::isupper(static_cast<unsigned char>(it.name[0][0])) &&
            std::find(b.begin(), b.end(), a[0]) != b.end())
          match = true, by_last_words = true;
      } else if (it.etype != "Person" && other.etype != "Person") {
        // Suffix: "Ministry of Justice" in "French Ministry of Justice" when the
        // extra words name a country; prefix: "Peace Institute" in "Peace
        // Institute for Asian Studies" when a preposition follows.
        std::size_t extra = b.size() - a.size();
        if (std::equal(a.begin(), a.end(), b.begin() + static_cast<long>(extra))) {
          match = true;
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
        }
        // "Siemens" and "Siemens AG": a company without its legal form.
        if (!match && b.size() == a.size() + 1 && std::equal(a.begin(), a.end(), b.begin()) &&
            detail::is_legal_form(other.name.back()))
          match = true;
        static const std::set<std::string> preps = {"for", "of", "on", "in", "and"};
        if (!match && a.size() >= 2 && std::equal(a.begin(), a.end(), b.begin()) && preps.count(b[a.size()]) &&
            std::isupper(static_cast<unsigned char>(it.name[0][0])))
          match = true;
      }
      if (match) cands.push_back(o);
    }
    if (cands.empty()) continue;
    std::set<int> roots;
    for (int o : cands) roots.insert(find(o));
    int pick = -1;
    if (roots.size() == 1) {
      pick = cands[0];
    } else if (it.etype == "Person" && !by_last_words) {
      // Several people share the name: the most recent one before this mention.
      // ("bin Salman" between two people named "... bin Salman" stays apart.)
      long best = -1;
      for (int o : cands)
        if (position(o) < position(m) && position(o) > best) best = position(o), pick = o;
    }
    if (pick >= 0) unite(m, pick);
  }
}

bool Resolver::is_title(const std::string& word) const {
  std::string l = lower(word);
  if (t_.titles.count(l)) return true;
  if (!l.empty() && l.back() == '.') l.pop_back();
  return t_.titles.count(l) > 0;
}

// Start of a run of capitalised words ending just before `end` that holds a
// title word ("French Interior Minister", "Minister of Justice"); `end` if none.
int Resolver::title_run(int s, int end) const {
  int first = end;
  bool title = false;
  for (int j = end - 1; j >= 0 && j >= end - 6; --j) {
    const Token& t = tok(s, j);
    std::string l = lower(t.form);
    bool cap = !t.form.empty() && std::isupper(static_cast<unsigned char>(t.form[0]));
    bool inner = (l == "of" || l == "the") && j + 1 < end;
    if (!cap && !inner) break;
    if (mention_at(s, j) >= 0 && items_[mention_at(s, j)].etype != "Country") break;
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

void Resolver::surface_apposition(int m) {
  const EntityMention em = doc_.mentions[m];  // a copy: add_mention() grows doc_.mentions
  int s = em.span.sentence;
  if (em.span.first < 2 || tok(s, em.span.first - 1).form != ",") return;
  // Back from the comma to the determiner that opens the nominal phrase.
  int start = -1, title = -1;
  for (int j = em.span.first - 2; j >= 0 && j >= em.span.first - 15; --j) {
    const Token& t = tok(s, j);
    std::string l = lower(t.form);
    if (t.form == "," || t.upos == "VERB" || t.upos == "AUX" || t.upos == "SCONJ") break;
    if (mention_at(s, j) >= 0 && items_[mention_at(s, j)].etype != "Country") break;
    if ((t.upos == "NOUN" || t.upos == "PROPN") && is_title(t.form) && title < 0) title = j;
    if (t.upos == "DET" && (l == "the" || l == "a" || l == "an")) {
      start = j + 1;
      break;
    }
  }
  if (start < 0 || title < 0 || start > title) return;
  if (items_[m].etype != "Person")
    for (int x : members(find(m)))
      if (items_[x].kind == Kind::Named) items_[x].etype = "Person";
  std::string role(doc_.slice(tok(s, start).begin, tok(s, em.span.first - 2).end));
  int nm = add_mention(s, start, title + 1, em.type, "Role", Kind::Nominal, "Person");
  doc_.mentions[nm].canonical = role;
  unite(nm, m);
  roles_[find(m)].push_back(role);
}

// Surnames the recogniser missed ("Sales said") join the person who has them.
void Resolver::surnames() {
  std::map<std::string, std::vector<int>> by_surname;  // surname -> named person mentions
  for (int m = 0; m < static_cast<int>(items_.size()); ++m)
    if (items_[m].active && items_[m].kind == Kind::Named && items_[m].etype == "Person" && items_[m].name.size() >= 2)
      by_surname[items_[m].name.back()].push_back(m);
  for (int s = 0; s < static_cast<int>(doc_.sentences.size()); ++s) {
    for (int i = 0; i < ntok(s); ++i) {
      const Token& t = tok(s, i);
      if (mention_at(s, i) >= 0 || (t.upos != "PROPN" && t.upos != "NOUN")) continue;
      auto it = by_surname.find(strip_possessive(t.form));
      if (it == by_surname.end() || !in_body(make_span(s, i, i + 1))) continue;
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

void Resolver::appositions() {
  int n = static_cast<int>(items_.size());
  for (int m = 0; m < n; ++m) {
    // Copies: add_mention() below grows items_ and doc_.mentions.
    const Item it = items_[m];
    if (!it.active || it.kind != Kind::Named || (it.etype != "Person" && it.etype != "Organization")) continue;
    const EntityMention em = doc_.mentions[m];
    int s = em.span.sentence;
    int h = it.head;
    if (tok(s, h).head < 0) continue;
    // A nominal partner: the governor of an appositive name, or an appositive noun of the name.
    std::vector<int> partners;
    if (tok(s, h).deprel == "appos" && head_of(s, h) >= 0) partners.push_back(head_of(s, h));
    for (int c : children(s, h))
      if (tok(s, c).deprel == "appos") partners.push_back(c);
    bool added = false;
    for (int g : partners) {
      // Titles are often capitalised ("the US Ambassador"), so a proper noun
      // outside any name counts as a nominal partner too.
      if ((tok(s, g).upos != "NOUN" && tok(s, g).upos != "PROPN") || mention_at(s, g) >= 0) continue;
      auto [lo, hi] = subtree(s, g);
      auto [mlo, mhi] = subtree(s, h);
      // Role phrase: the partner's subtree without the name, determiners and edge punctuation.
      std::vector<int> words;
      for (int i = lo; i < hi; ++i) {
        if (i >= mlo && i < mhi) continue;
        if (head_of(s, i) == g && tok(s, i).deprel == "det") continue;
        words.push_back(i);
      }
      while (!words.empty() && tok(s, words.back()).upos == "PUNCT") words.pop_back();
      // Leading punctuation, prepositions, determiners, conjunctions and
      // possessive pronouns ("and his Saudi counterpart") are no part of a role.
      while (!words.empty() && (tok(s, words.front()).upos == "PUNCT" || tok(s, words.front()).upos == "ADP" ||
                                tok(s, words.front()).upos == "DET" || tok(s, words.front()).upos == "CCONJ" ||
                                tok(s, words.front()).xpos == "PRP$"))
        words.erase(words.begin());
      if (words.empty()) continue;
      std::string role;
      for (int i : words) {
        if (!role.empty() && tok(s, i).begin > 0 && doc_.text[tok(s, i).begin - 1] == ' ') role += ' ';
        else if (!role.empty() && i > 0 && tok(s, i - 1).space_after && tok(s, i).begin != tok(s, i - 1).end) role += ' ';
        role += tok(s, i).form;
      }
      // The nominal mention covers pre-modifiers and the head noun only, so
      // names inside post-modifiers ("branch of X") keep their own mentions.
      int first = words.front();
      if (first > g) continue;
      bool clean = true;
      for (int i = first; i <= g; ++i)
        if (mention_at(s, i) >= 0 && items_[mention_at(s, i)].etype != "Country") clean = false;
      if (!clean) continue;
      int nm = add_mention(s, first, g + 1, doc_.mentions[m].type, "Role", Kind::Nominal, items_[m].etype);
      doc_.mentions[nm].canonical = role;  // the full role phrase
      unite(nm, m);
      roles_[find(m)].push_back(role);
      added = true;
    }
    // "the US envoy to Peru, John Roe" when the parse missed the apposition;
    // a short name the recogniser called an organisation is a person there.
    if (!added && (it.etype == "Person" || person_shaped(m))) surface_apposition(m);
    // Compound titles in front of a name: "French Interior Minister Jane Doe".
    if (it.etype == "Person") {
      // Words to the left whose heads lead into the name without leaving the
      // phrase: "Interior Minister", "Minister of Justice".
      int first = em.span.first;
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
        bool word = t.upos == "NOUN" || t.upos == "PROPN" || t.upos == "ADJ" || (t.upos == "ADP" && lower(t.form) == "of") ||
                    (t.upos == "DET" && lower(t.form) == "the" && f > 0 && lower(tok(s, f - 1).form) == "of") || hyphen;
        if (!word || (mention_at(s, f) >= 0 && items_[mention_at(s, f)].etype != "Country")) break;
        bool ok = true;
        for (int j = f; j < em.span.first && ok; ++j) ok = reaches_name(j, f);
        if (ok) first = f;
      }
      // Parses of long capitalised runs are often wrong: fall back to the
      // surface, a run of capitalised words (with "of", "the") holding a title.
      first = std::min(first, title_run(s, em.span.first));
      // A hyphenated title is whole even when the parse split it ("Secretary[flat of UN] -General").
      if (first > 0 && first < em.span.first && tok(s, first).form == "-" && !tok(s, first - 1).space_after &&
          mention_at(s, first - 1) < 0)
        --first;
      // A title never starts with a function word or a hyphen.
      while (first < em.span.first &&
             (tok(s, first).upos == "ADP" || tok(s, first).upos == "DET" || tok(s, first).form == "-"))
        ++first;
      bool has_noun = false;
      for (int j = first; j < em.span.first; ++j)
        has_noun |= (tok(s, j).upos == "NOUN" || tok(s, j).upos == "PROPN") && country_of(tok(s, j).form).empty();
      if (first < em.span.first && has_noun) {
        std::string role(doc_.slice(tok(s, first).begin, tok(s, em.span.first - 1).end));
        int nm = add_mention(s, first, em.span.first, doc_.mentions[m].type, "Role", Kind::Nominal, "Person");
        doc_.mentions[nm].canonical = role;
        unite(nm, m);
        roles_[find(m)].push_back(role);
      }
    }
  }
}

void Resolver::definite_descriptions() {
  for (int s = 0; s < static_cast<int>(doc_.sentences.size()); ++s) {
    for (int i = 0; i < ntok(s); ++i) {
      const Token& t = tok(s, i);
      // A lower-case word the tagger called a proper noun is a common noun ("the ministry").
      bool lower_propn = t.upos == "PROPN" && !t.form.empty() && std::islower(static_cast<unsigned char>(t.form[0]));
      if ((t.upos != "NOUN" && !lower_propn) || mention_at(s, i) >= 0 ||
          (t.xpos != "NN" && t.xpos != "NNP" && !t.xpos.empty()))
        continue;
      if (!in_body(make_span(s, i, i + 1))) continue;
      int det = -1;
      std::vector<int> mods;
      for (int c : children(s, i)) {
        std::string l = lower(tok(s, c).form);
        if (c < i && tok(s, c).deprel == "det" && (l == "the" || l == "this" || l == "that")) det = c;
        else if (c < i && (tok(s, c).deprel == "amod" || tok(s, c).deprel == "compound")) mods.push_back(c);
      }
      if (det < 0) continue;
      std::string head = lower(t.lemma.empty() ? t.form : t.lemma);
      long here = static_cast<long>(s) * 100000 + i;
      // Candidate clusters: the most recent compatible one within five sentences.
      int pick = -1;
      long best = -1;
      for (int m = 0; m < static_cast<int>(items_.size()); ++m) {
        const auto& it = items_[m];
        if (!it.active || it.kind == Kind::Pronoun || position(m) >= here) continue;
        if (doc_.mentions[m].span.sentence < s - 5) continue;
        int root = find(m);
        bool ok = false;
        if (it.etype == "Person") {
          for (const auto& r : roles_[root]) {
            auto rw = split_words(lower(r));
            bool head_ok = false;
            for (auto& w : rw) head_ok |= (w == head || w == head + "s");
            bool mods_ok = true;
            for (int c : mods) {
              std::string ml = lower(tok(s, c).form);
              if (std::find(rw.begin(), rw.end(), ml) == rw.end()) mods_ok = false;
            }
            ok |= head_ok && mods_ok;
          }
        } else if (it.kind == Kind::Named) {
          auto words = split_words(lower(it.label));
          if (it.etype == "Organization" && words.size() >= 2) {
            // The organisation's own head noun: "the ministry", "the institute".
            auto of = std::find(words.begin(), words.end(), "of");
            std::string h = of != words.end() && of != words.begin() ? *(of - 1) : words.back();
            ok = h == head && mods.empty();
          }
          if (head == "country" && it.etype == "Country" && mods.empty()) ok = true;
          // "the company": a company, or an organisation of no known kind (most firms are not in the tables).
          if ((head == "company" || head == "firm") && it.etype == "Organization" &&
              (doc_.mentions[m].subtype == "Company" || doc_.mentions[m].subtype.empty()))
            ok = true;
          if ((head == "organisation" || head == "organization") && it.etype == "Organization") ok = true;
          // The noun an apposition gave the name: "X, the militant group ... the group".
          if (auto kn = kind_nouns_.find(it.key); kn != kind_nouns_.end() && kn->second.count(head) && mods.empty())
            ok = true;
        }
        if (ok && position(m) > best) best = position(m), pick = m;
      }
      if (pick < 0) continue;
      int first = det + 1;
      for (int c : mods) first = std::min(first, c);
      int nm = add_mention(s, first, i + 1, doc_.mentions[pick].type, "Nominal", Kind::Nominal, items_[pick].etype);
      unite(nm, pick);
    }
  }
}

void Resolver::pronouns() {
  static const std::set<std::string> male = {"he", "him", "his", "himself"};
  static const std::set<std::string> female = {"she", "her", "hers", "herself"};
  static const std::set<std::string> neuter = {"its", "itself", "it"};
  static const std::set<std::string> plural = {"they", "them", "their", "theirs", "themselves"};
  for (int s = 0; s < static_cast<int>(doc_.sentences.size()); ++s) {
    // The main clause subject, for cataphora in fronted phrases ("During his visit, Doe ...").
    int root = -1, subj = -1;
    for (int i = 0; i < ntok(s); ++i)
      if (tok(s, i).head == 0) root = i;
    if (root >= 0)
      for (int c : children(s, root))
        if (tok(s, c).deprel == "nsubj" && mention_at(s, c) >= 0) subj = mention_at(s, c);
    for (int i = 0; i < ntok(s); ++i) {
      const Token& t = tok(s, i);
      std::string l = lower(t.form);
      bool is_m = male.count(l), is_f = female.count(l), is_n = neuter.count(l), is_p = plural.count(l);
      if (!(is_m || is_f || is_n || is_p) || (t.upos != "PRON" && t.upos != "DET" && !t.upos.empty())) continue;
      if (!in_body(make_span(s, i, i + 1))) continue;
      if (l == "it" && t.deprel != "obj" && t.deprel != "obl") continue;  // skip expletive and clausal "it"
      auto fits = [&](int m) {
        const auto& it = items_[m];
        if (!it.active || it.kind == Kind::Pronoun) return false;
        std::string ty = cluster_type(find(m));
        if (is_m || is_f) {
          if (ty != "Person") return false;
          auto g = gender_.find(find(m));
          if (g != gender_.end() && g->second != (is_m ? 'm' : 'f')) return false;
          return true;
        }
        return ty != "Person";
      };
      int pick = -1;
      if (subj >= 0 && root >= 0 && i < root && position(subj) > static_cast<long>(s) * 100000 + i && fits(subj) &&
          !is_p)
        pick = subj;
      if (pick < 0 && is_p) {
        // Nearest plural name before the pronoun decides. An organisation may
        // take "they" too, but only when no plural noun comes before the next
        // name: in "worked with the FBI to track them", them = the suspects.
        int org_fallback = -1;
        bool stop = false;
        for (int ss = s; ss >= std::max(0, s - 1) && pick < 0 && !stop; --ss) {
          for (int j = (ss == s ? i - 1 : ntok(ss) - 1); j >= 0; --j) {
            const Token& k = tok(ss, j);
            int mm = mention_at(ss, j);
            bool plural_noun = k.xpos == "NNS" || k.xpos == "NNPS";
            // Countries and places are singular.
            bool org = mm >= 0 && cluster_type(find(mm)) == "Organization";
            if (mm >= 0 && items_[mm].head == j && fits(mm) && plural_noun) {
              pick = mm;
              break;
            }
            if (mm >= 0 && items_[mm].head == j && fits(mm) && org && org_fallback < 0) org_fallback = mm;
            if (plural_noun && k.upos == "NOUN") {
              stop = true;
              break;
            }
          }
        }
        if (pick < 0 && !stop) pick = org_fallback;
      } else if (pick < 0) {
        long here = static_cast<long>(s) * 100000 + i, best = -1, best_subject = -1;
        int window = is_n ? 1 : 3, subject_pick = -1;
        // The subject of the pronoun's own clause cannot be its antecedent
        // ("troops entered the country to fight it": it != troops).
        int clause = head_of(s, i);
        while (clause >= 0 && tok(s, clause).upos != "VERB" && tok(s, clause).upos != "AUX") clause = head_of(s, clause);
        int local_subject = -1;
        for (int v = clause; v >= 0 && local_subject < 0;) {
          for (int c : children(s, v))
            if (tok(s, c).deprel.rfind("nsubj", 0) == 0) local_subject = c;
          // A controlled clause's subject is its governor's.
          auto d = tok(s, v).deprel;
          if (local_subject < 0 && (d == "xcomp" || d == "advcl" || d == "conj")) v = head_of(s, v);
          else break;
        }
        for (int m = 0; m < static_cast<int>(items_.size()); ++m) {
          const auto& em = doc_.mentions[m];
          if (em.span.sentence < s - window || position(m) >= here || !fits(m)) continue;
          if (em.span.sentence == s && em.span.first <= i && i < em.span.last) continue;
          if (is_n && em.span.sentence == s && local_subject >= 0 && em.span.first <= local_subject &&
              local_subject < em.span.last)
            continue;
          if (position(m) > best) best = position(m), pick = m;
          // Subjects are the more salient antecedents of "it".
          int h = items_[m].head;
          if (is_n && h >= 0 && tok(em.span.sentence, h).deprel.rfind("nsubj", 0) == 0 && position(m) > best_subject)
            best_subject = position(m), subject_pick = m;
        }
        if (is_n && subject_pick >= 0) pick = subject_pick;
      }
      if (pick < 0) continue;
      int pm = add_mention(s, i, i + 1, doc_.mentions[pick].type, "Pronoun", Kind::Pronoun, items_[pick].etype);
      unite(pm, pick);
      if (is_m || is_f) gender_.emplace(find(pick), is_m ? 'm' : 'f');
    }
  }
}

void Resolver::build_entities() {
  doc_.entities.clear();
  std::map<int, int> entity_of_root;
  std::vector<int> roots;
  for (int m = 0; m < static_cast<int>(items_.size()); ++m) {
    if (!items_[m].active) continue;
    int r = find(m);
    if (!entity_of_root.count(r)) {
      entity_of_root[r] = -1;
      roots.push_back(r);
    }
  }
  std::sort(roots.begin(), roots.end(), [&](int a, int b) { return position(a) < position(b); });
  for (int r : roots) {
    auto ms = members(r);
    Entity e;
    e.type = cluster_type(r);
    // Label: the fullest proper name (canonical names first, then the longest).
    std::string label;
    std::size_t best = 0;
    bool canonical = false;
    for (int m : ms) {
      const auto& it = items_[m];
      if (it.kind == Kind::Pronoun || it.label.empty()) continue;
      if (it.kind == Kind::Nominal && it.etype != "Country") continue;
      bool is_canon = !doc_.mentions[m].canonical.empty() && it.kind == Kind::Named;
      if (e.type == "Country" && it.etype != "Country") continue;
      std::size_t words = split_words(it.label).size();
      if ((is_canon && !canonical) || (is_canon == canonical && words > best)) {
        label = it.label;
        best = words;
        canonical = is_canon;
      }
    }
    if (label.empty()) continue;  // only nominal mentions: nothing to name it by
    e.label = label;
    int idx = static_cast<int>(doc_.entities.size());
    std::set<std::string> seen = {label};
    for (int m : ms) {
      e.mentions.push_back(m);
      doc_.mentions[m].entity = idx;
      if (items_[m].kind == Kind::Pronoun) continue;
      std::string alias = strip_possessive(doc_.mentions[m].text);
      if (seen.insert(alias).second) e.aliases.push_back(alias);
    }
    for (const auto& role : roles_[r])
      if (seen.insert(role).second) e.aliases.push_back(role);
    std::sort(e.mentions.begin(), e.mentions.end(), [&](int a, int b) { return position(a) < position(b); });
    doc_.entities.push_back(std::move(e));
  }
}

void Resolver::run() {
  prepare();
  state_agents();
  parenthetical_acronyms();
  retype_by_apposition();
  exact_match();
  acronyms();
  name_variants();
  surnames();
  appositions();
  surnames();  // again: appositions may have shown that a name is a person's
  definite_descriptions();
  pronouns();
  build_entities();
}

class CorefStage : public Stage {
 public:
  explicit CorefStage(CorefTables t) : t_(std::move(t)) {}
  std::string name() const override { return "coref"; }
  std::vector<Layer> needs() const override {
    return {Layer::Metadata, Layer::Tokens, Layer::Tags, Layer::Lemmas, Layer::Deps, Layer::Entities};
  }
  std::vector<Layer> adds() const override { return {Layer::Coref}; }
  void process(Document& doc) const override { resolve_coreference(doc, t_); }

 private:
  CorefTables t_;
};

}  // namespace

std::string name_key(const std::string& name) {
  std::string s = strip_possessive(name);
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) out += static_cast<char>(std::tolower(u));
    else if (c == ' ' || c == '-' || c == '\t') out += ' ';
    // dots and other punctuation vanish: "U.S." -> "us"
  }
  auto words = split_words(out);
  if (!words.empty() && words[0] == "the") words.erase(words.begin());
  return join(words);
}

CorefTables load_coref_tables(const std::string& schemas_dir) {
  CorefTables t;
  const auto& gazetteer = detail::Resources::shared(schemas_dir).gazetteer();
  for (const auto& row : gazetteer.demonyms.rows()) t.demonyms[lower(row[0])] = row[1];
  for (const auto& country : gazetteer.countries) {
    const std::string& canonical = country.canonical;
    t.countries[lower(canonical)] = canonical;
    for (const auto& n : country.names) {
      t.countries[lower(n)] = canonical;
      t.countries[name_key(n)] = canonical;
    }
    t.countries[lower(country.alpha2)] = canonical;  // "US", "UK"
    for (const auto& c : country.capitals) {
      t.capitals[lower(c)] = canonical;
      // "Washington D.C." is called "Washington" when it acts.
      for (std::string_view suffix : {" D.C.", " DC", " City"})
        if (c.size() > suffix.size() && c.compare(c.size() - suffix.size(), suffix.size(), suffix) == 0)
          t.capitals[lower(c.substr(0, c.size() - suffix.size()))] = canonical;
    }
  }
  // Two-letter codes that are also English words must not become countries.
  for (const char* w : {"in", "is", "it", "at", "be", "by", "do", "go", "me", "my", "no", "so", "to", "us", "am", "an", "as", "he", "hi", "id", "la", "ma", "mo", "pa", "pe", "sa", "se", "st", "tv"})
    if (std::string(w) != "us") t.countries.erase(w);
  t.countries["u.s."] = t.countries.count("us") ? t.countries["us"] : "United States";
  for (const auto& row : gazetteer.person_titles.rows()) t.titles.insert(lower(row[0]));
  for (const char* w : {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "miss", "dr", "dr.", "prof", "prof."}) t.titles.insert(w);
  return t;
}

void resolve_coreference(Document& doc, const CorefTables& tables) {
  // Forget an earlier run's additions so the stage can be re-run.
  doc.mentions.erase(std::remove_if(doc.mentions.begin(), doc.mentions.end(),
                                    [](const EntityMention& m) {
                                      return m.subtype == "Nominal" || m.subtype == "Pronoun" || m.subtype == "Role";
                                    }),
                     doc.mentions.end());
  Resolver(doc, tables).run();
}

std::unique_ptr<Stage> make_coref_stage(const PipelineOptions& options) {
  CorefTables t;
  if (!options.schemas_dir.empty()) t = load_coref_tables(options.schemas_dir);
  return std::make_unique<CorefStage>(std::move(t));
}

}  // namespace relgraph
