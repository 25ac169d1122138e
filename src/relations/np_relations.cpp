// Relations inside noun phrases around a name (see np_relations.hpp): each
// rule walks the UD tree of one sentence and emits Propositions of the
// construction "np". Tests: tests/np_relations_test.cpp
#include "relations/np_relations.hpp"

#include <algorithm>
#include <cctype>
#include <span>
#include <string_view>

#include "core/mention_index.hpp"
#include "core/resources.hpp"
#include "core/strings.hpp"

namespace relgraph::detail {
namespace {

constexpr const char* kKinship = "relations.np_kinship";
constexpr const char* kRole = "relations.np_role";
constexpr const char* kAffiliation = "relations.np_affiliation";
constexpr const char* kPartOf = "relations.np_part_of";
constexpr const char* kLocation = "relations.np_location";
constexpr const char* kDemonym = "relations.np_demonym";
constexpr const char* kAge = "relations.np_age";

std::string lower(std::string_view s) { return relgraph::detail::ascii_lower(s); }

// Entity kinds as the rules need them. Without a recogniser (no mentions in
// the document) a proper noun may be any kind of name.
enum class Kind { None, Person, Org, Place, Demonym, Other, AnyName };

class Np {
 public:
  // `mentions`: the mentions of the sentence, in increasing order.
  Np(const Document& doc, int sentence, std::span<const int> mentions, const Lexicon* nouns)
      : doc_(doc),
        s_(sentence),
        toks_(doc.sentences[sentence].tokens),
        nouns_(nouns),
        mentions_(mentions),
        kids_(toks_.size()) {
    for (int i = 0; i < size(); ++i)
      if (int h = head(i); h >= 0) kids_[h].push_back(i);
    have_mentions_ = !doc.mentions.empty();
  }

  int size() const { return static_cast<int>(toks_.size()); }
  int head(int i) const {
    int h = toks_[i].head - 1;
    return h >= 0 && h < size() && h != i ? h : -1;
  }
  std::string_view rel(int i) const { return toks_[i].deprel; }
  std::string_view brel(int i) const {
    std::string_view r = toks_[i].deprel;
    return r.substr(0, r.find(':'));
  }
  const std::string& upos(int i) const { return toks_[i].upos; }
  std::string lem(int i) const { return lower(toks_[i].lemma.empty() ? toks_[i].form : toks_[i].lemma); }
  const std::vector<int>& kids(int i) const { return kids_[i]; }

  // The relational noun's row: {noun, relation, kind}, or nullptr.
  const std::vector<std::string>* relational(int i) const {
    if (!nouns_ || (upos(i) != "NOUN" && upos(i) != "PROPN")) return nullptr;
    return nouns_->find(lem(i));
  }

  // The mention over word i (entity and nominal mentions, not values), or -1.
  int mention_at(int i) const {
    for (int m : mentions_) {
      const auto& em = doc_.mentions[m];
      if (i < em.span.first || i >= em.span.last) continue;
      const auto& t = em.type;
      if (t == "DATE" || t == "TIME" || t == "MONEY" || t == "PERCENT" || t == "CARDINAL" || t == "QUANTITY" ||
          t == "ORDINAL")
        continue;
      return m;
    }
    return -1;
  }
  Kind kind(int i) const {
    int m = mention_at(i);
    if (m >= 0) {
      const auto& em = doc_.mentions[m];
      if (em.subtype == "Role" || em.subtype == "Nominal" || em.subtype == "Pronoun") return Kind::Other;
      if (em.type == "PER") return Kind::Person;
      if (em.type == "ORG") return em.subtype == "Country" ? Kind::Place : Kind::Org;
      if (em.type == "LOC" || em.type == "GPE" || em.type == "FAC") return Kind::Place;
      if (em.type == "NORP") return Kind::Demonym;
      return Kind::Other;
    }
    if (upos(i) == "PROPN" && !have_mentions_) return Kind::AnyName;
    return Kind::None;
  }
  bool is(int i, Kind k) const {
    Kind got = kind(i);
    return got == k || (got == Kind::AnyName && k != Kind::Demonym);
  }
  bool named(int i) const {
    Kind k = kind(i);
    return k == Kind::Person || k == Kind::Org || k == Kind::Place || k == Kind::AnyName;
  }

  // The words of the phrase headed by h: its subtree without clauses,
  // appositions, coordination, case markers and the words in `exclude`.
  std::vector<int> phrase(int h, const std::vector<int>& exclude = {}) const {
    std::vector<int> out{h};
    for (int k : kids_[h]) {
      auto b = brel(k);
      if (b == "case" || b == "punct" || b == "appos" || b == "acl" || b == "conj" || b == "cc" || b == "parataxis" ||
          b == "advcl" || b == "dep")
        continue;
      collect(k, out);
    }
    std::erase_if(out, [&](int w) { return std::find(exclude.begin(), exclude.end(), w) != exclude.end(); });
    std::sort(out.begin(), out.end());
    while (!out.empty() && (upos(out.front()) == "PUNCT" || upos(out.front()) == "ADP")) out.erase(out.begin());
    while (!out.empty() && (upos(out.back()) == "PUNCT" || brel(out.back()) == "case")) out.pop_back();
    return out;
  }
  void collect(int i, std::vector<int>& out) const {
    out.push_back(i);
    for (int k : kids_[i]) collect(k, out);
  }
  // A name's own words: the mention over it, else itself with its flat and
  // proper-noun compound parts.
  std::vector<int> name_words(int h) const {
    int m = mention_at(h);
    std::vector<int> out;
    if (m >= 0 && kind(h) != Kind::Other) {
      const auto& sp = doc_.mentions[m].span;
      for (int i = sp.first; i < sp.last; ++i)
        if (brel(i) != "case" && upos(i) != "PUNCT") out.push_back(i);
      if (!out.empty()) return out;
    }
    out.push_back(h);
    for (int k : kids_[h])
      if (brel(k) == "flat" || (brel(k) == "compound" && upos(k) == "PROPN")) collect(k, out);
    std::sort(out.begin(), out.end());
    return out;
  }

  Argument argument(int h, std::vector<int> words, const std::string& role) const {
    Argument a;
    a.role = role;
    a.head = h;
    if (words.empty()) words = {h};
    std::sort(words.begin(), words.end());
    a.span.sentence = s_;
    a.span.first = words.front();
    a.span.last = words.back() + 1;
    a.span.begin = toks_[a.span.first].begin;
    a.span.end = toks_[a.span.last - 1].end;
    bool contiguous = words.back() - words.front() + 1 == static_cast<int>(words.size());
    if (contiguous && a.span.end <= doc_.text.size() && a.span.begin <= a.span.end) {
      a.text = detail::squeeze_spaces(doc_.slice(a.span.begin, a.span.end));
    } else {
      for (int w : words) a.text += (a.text.empty() ? "" : " ") + toks_[w].form;
    }
    a.mention = mention_at(h);
    return a;
  }

  // A role, common-noun or pronoun mention, not a name.
  static bool descriptive(const EntityMention& m) {
    return m.subtype == "Role" || m.subtype == "Nominal" || m.subtype == "Pronoun";
  }
  // The word of words [first, last) whose head lies outside them.
  int span_head(int first, int last) const {
    for (int i = last - 1; i >= first; --i) {
      int h = head(i);
      if (h < first || h >= last) return i;
    }
    return last - 1;
  }
  // "Jo Bell of the Green Party", "Unity's Ann Lee" read off the mentions'
  // order when the parse missed the link (long coordinated name lists): a
  // person's mention, "of"/"from" (and "the"), an organisation's mention; or
  // an organisation's mention, "'s", a person's.
  void linear_affiliations(std::vector<Proposition>& out, const char* rule) const {
    std::vector<int> starts(toks_.size(), -1);
    for (int m : mentions_) {
      const auto& sp = doc_.mentions[m].span;
      if (sp.first >= 0 && sp.last <= size() && !sp.empty() && !descriptive(doc_.mentions[m])) starts[sp.first] = m;
    }
    auto words = [](const Span& sp) {
      std::vector<int> w;
      for (int i = sp.first; i < sp.last; ++i) w.push_back(i);
      return w;
    };
    for (int m : mentions_) {
      const auto& em = doc_.mentions[m];
      const auto& sp = em.span;
      if (sp.empty() || sp.last >= size() || descriptive(em)) continue;
      std::string next = lower(toks_[sp.last].form);
      int j = sp.last + 1;
      if (em.type == "PER" && (next == "of" || next == "from")) {
        if (j < size() && lower(toks_[j].form) == "the") ++j;
        if (j >= size() || starts[j] < 0 || doc_.mentions[starts[j]].type != "ORG") continue;
        const auto& org = doc_.mentions[starts[j]].span;
        emit(out, rule, argument(span_head(sp.first, sp.last), words(sp), "subj"),
             argument(span_head(org.first, org.last), words(org), "obj"), "member of", "member_of", -1, 0.5);
      } else if (em.type == "ORG" && (next == "'s" || next == "\xE2\x80\x99s")) {
        if (j >= size() || starts[j] < 0 || doc_.mentions[starts[j]].type != "PER") continue;
        const auto& per = doc_.mentions[starts[j]].span;
        emit(out, rule, argument(span_head(per.first, per.last), words(per), "subj"),
             argument(span_head(sp.first, sp.last), words(sp), "obj"), "member of", "member_of", -1, 0.5);
      }
    }
  }

  // "Ann Lee, 45, said": a whole number of years set off by commas (or
  // brackets) right after a person's name is the person's age.
  void ages(std::vector<Proposition>& out, const char* rule) const {
    for (int m : mentions_) {
      const auto& em = doc_.mentions[m];
      const auto& sp = em.span;
      if (em.type != "PER" || descriptive(em) || sp.empty() || sp.last + 2 >= size()) continue;
      const auto& open = toks_[sp.last].form;
      const auto& number = toks_[sp.last + 1];
      const auto& close = toks_[sp.last + 2].form;
      if (!((open == "," && close == ",") || (open == "(" && close == ")")) || number.upos != "NUM") continue;
      if (number.form.empty() || number.form.size() > 3 ||
          !std::all_of(number.form.begin(), number.form.end(), [](unsigned char c) { return std::isdigit(c); }))
        continue;
      int years = std::stoi(number.form);
      if (years < 1 || years > 120) continue;
      std::vector<int> name;
      for (int i = sp.first; i < sp.last; ++i) name.push_back(i);
      emit(out, rule, argument(span_head(sp.first, sp.last), name, "subj"), argument(sp.last + 1, {sp.last + 1}, "obj"),
           "age", "", -1, 0.6);
    }
  }

  // (subject)-[relation]->(object) with its canonical name and rule.
  void emit(std::vector<Proposition>& out, const char* rule, const Argument& subj, const Argument& obj,
            const std::string& relation, const std::string& canonical, int word, double confidence) const {
    if (subj.head == obj.head || subj.text.empty() || obj.text.empty()) return;
    for (const auto& p : out)
      if (p.args[0].head == subj.head && p.args[1].head == obj.head && p.canonical == canonical) return;
    Proposition p;
    p.sentence = s_;
    p.relation = relation;
    if (word >= 0) {
      p.relation_words = {word};
      p.lemma = lem(word);
    }
    p.canonical = canonical;
    p.args = {subj, obj};
    p.confidence = confidence;
    p.attributes["construction"] = "np";
    p.attributes["rule"] = rule;
    out.push_back(std::move(p));
  }

 private:
  const Document& doc_;
  int s_;
  const std::vector<Token>& toks_;
  const Lexicon* nouns_;
  std::span<const int> mentions_;
  std::vector<std::vector<int>> kids_;
  bool have_mentions_ = false;
};

// Prepositions that tie a relational noun to its party: "coach of",
// "attorney for", "professor at", "representative from".
bool party_marker(const std::string& m) { return m == "of" || m == "for" || m == "at" || m == "from" || m == "with"; }

std::string marker_of(const Np& t, int h) {
  std::string m;
  for (int k : t.kids(h))
    if (t.brel(k) == "case" && k < h) m += (m.empty() ? "" : " ") + t.lem(k);
  return m;
}

bool is_possessive_pronoun(const Np& t, int i) { return t.upos(i) == "PRON" || t.upos(i) == "DET"; }

// Relations whose party can be a state or organisation named by a demonym
// ("the French ambassador" is France's): not kinship, authorship or ownership.
bool takes_state(const std::string& relation) {
  return relation == "leads" || relation == "employed_by" || relation == "member_of";
}

struct Found {
  int noun;    // the relational noun
  int person;  // the name it describes
};

// Relational nouns attached to a name: "coach Al Moe" (compound / nmod:desc
// before the name), "Al Moe, Redtown's coach" and "Redtown's coach, Al Moe"
// (apposition either way).
std::vector<Found> attachments(const Np& t) {
  std::vector<Found> out;
  for (int i = 0; i < t.size(); ++i) {
    if (!t.relational(i)) continue;
    int h = t.head(i);
    auto r = t.rel(i);
    if (h >= 0 && (r == "compound" || r == "nmod:desc") && i < h && t.upos(h) == "PROPN") out.push_back({i, h});
    if (h >= 0 && r == "appos" && t.upos(h) == "PROPN") out.push_back({i, h});
    for (int k : t.kids(i))
      if (t.rel(k) == "appos" && t.upos(k) == "PROPN") out.push_back({i, k});
  }
  return out;
}

}  // namespace

NpRelations::NpRelations(const Lexicon* nouns, const std::vector<std::string>& disabled) : nouns_(nouns) {
  for (const auto& r : rule_names())
    if (std::find(disabled.begin(), disabled.end(), r) == disabled.end()) enabled_.push_back(r);
}

std::vector<std::string> NpRelations::rule_names() {
  return {kKinship, kRole, kAffiliation, kPartOf, kLocation, kDemonym, kAge};
}

std::vector<Proposition> NpRelations::find(const Document& doc, int sentence) const {
  return find(doc, sentence, MentionIndex(doc).of(sentence));
}

std::vector<Proposition> NpRelations::find(const Document& doc, int sentence, std::span<const int> mentions) const {
  std::vector<Proposition> out;
  if (enabled_.empty() || sentence < 0 || sentence >= static_cast<int>(doc.sentences.size())) return out;
  const auto& toks = doc.sentences[sentence].tokens;
  for (const auto& t : toks)
    if (t.head < 0) return out;  // unparsed
  auto on = [&](const char* rule) { return std::find(enabled_.begin(), enabled_.end(), rule) != enabled_.end(); };
  Np t(doc, sentence, mentions, nouns_);

  // Kinship and roles: the relational noun's party is its possessor, its
  // of/for/at-phrase, a name compounded before it or a demonym.
  if (nouns_ && (on(kKinship) || on(kRole) || on(kDemonym))) {
    for (const auto& f : attachments(t)) {
      if (!(t.is(f.person, Kind::Person) || t.kind(f.person) == Kind::None)) continue;
      const auto& row = *t.relational(f.noun);
      const std::string& relation = row[1];
      bool kin = row.size() > 2 && row[2] == "kin";
      const char* rule = kin ? kKinship : kRole;
      Argument person = t.argument(f.person, t.name_words(f.person), "subj");
      std::string noun = t.lem(f.noun);
      auto party = [&](int h, std::vector<int> words, const std::string& marker, const char* which) {
        if (!on(which)) return;
        Argument o = t.argument(h, std::move(words), "obj");
        t.emit(out, which, person, o, noun + " " + marker, relation, f.noun, 0.6);
      };
      // The name holds the party too when the noun is its title ("Lee's coach Al Moe" may hang "Lee's" on the name).
      std::vector<int> holders{f.noun};
      if (t.rel(f.noun) != "appos" && t.head(f.noun) == f.person) holders.push_back(f.person);
      for (int holder : holders)
        for (int k : t.kids(holder)) {
          if (k == f.person || k == f.noun) continue;
          auto r = t.rel(k);
          if (r == "nmod:poss") {
            // "Lee's wife", "her husband" (a pronoun needs coreference to name anyone).
            if (!t.named(k) && t.upos(k) != "NOUN" && !is_possessive_pronoun(t, k)) continue;
            party(k, t.name_words(k).size() > 1 || t.named(k) ? t.name_words(k) : t.phrase(k), "of", rule);
          } else if (holder == f.noun && t.brel(k) == "nmod" && k > f.noun && party_marker(marker_of(t, k))) {
            if (!t.named(k) && t.upos(k) != "NOUN") continue;
            party(k, t.phrase(k, {f.person}), marker_of(t, k), rule);
          } else if (holder == f.person && !kin && t.brel(k) == "nmod" && k > f.person && t.is(k, Kind::Place) &&
                     (marker_of(t, k) == "of" || marker_of(t, k) == "from")) {
            party(k, t.name_words(k), "of", rule);  // "Senator Ann Ray of Ohio"
          } else if (holder == f.noun && !kin && t.brel(k) == "compound" && k < f.noun && t.named(k) &&
                     !t.is(k, Kind::Person)) {
            party(k, t.name_words(k), "of", rule);  // "Acme spokesperson"
          }
        }
      // "the French ambassador Jean Dupont": the demonym's state.
      for (int holder : holders)
        for (int k : t.kids(holder)) {
          if ((t.brel(k) != "amod" && t.brel(k) != "compound") || k > f.noun || t.kind(k) != Kind::Demonym) continue;
          Argument o = t.argument(k, {k}, "obj");
          if (!kin && takes_state(relation) && on(kDemonym)) {
            t.emit(out, kDemonym, person, o, noun + " of", relation, f.noun, 0.5);
          } else if (on(kDemonym)) {
            t.emit(out, kDemonym, person, o, "citizen of", "citizen_of", -1, 0.5);
          }
        }
    }
  }

  for (int y = 0; y < t.size(); ++y) {
    if (!t.named(y) || t.rel(y) == "flat" || (t.rel(y) == "compound" && t.head(y) >= 0 && t.named(t.head(y)))) continue;
    bool person = t.is(y, Kind::Person);
    for (int k : t.kids(y)) {
      auto r = t.rel(k);
      std::string marker = marker_of(t, k);
      // Affiliation: "Jo Bell of the Green Party", "Redtown's Jo Bell".
      if (person && on(kAffiliation) && t.is(k, Kind::Org) && t.kind(y) != Kind::AnyName &&
          (r == "nmod:poss" || (t.brel(k) == "nmod" && k > y && (marker == "of" || marker == "from")))) {
        t.emit(out, kAffiliation, t.argument(y, t.name_words(y), "subj"), t.argument(k, t.name_words(k), "obj"),
               "member of", "member_of", -1, 0.55);
        continue;
      }
      // Origin: "the French writer Jean Dupont", "Swiss banker Al Moe" (a
      // relational title's demonym is handled with its role above).
      if (person && on(kDemonym) && k < y && (t.brel(k) == "amod" || t.brel(k) == "compound" || r == "nmod:desc")) {
        int d = t.kind(k) == Kind::Demonym ? k : -1;
        if (d < 0 && t.upos(k) == "NOUN" && !t.relational(k))
          for (int j : t.kids(k))
            if ((t.brel(j) == "amod" || t.brel(j) == "compound") && t.kind(j) == Kind::Demonym) d = j;
        if (d >= 0)
          t.emit(out, kDemonym, t.argument(y, t.name_words(y), "subj"), t.argument(d, {d}, "obj"), "citizen of",
                 "citizen_of", -1, 0.5);
        continue;
      }
      if (person) continue;
      bool y_org = t.is(y, Kind::Org), y_place = t.is(y, Kind::Place);
      // Part of: "the Research Unit of Acme", "Acme's Research Unit".
      if (on(kPartOf) && y_org && t.kind(y) != Kind::AnyName && t.is(k, Kind::Org) &&
          (r == "nmod:poss" || (t.brel(k) == "nmod" && k > y && marker == "of"))) {
        t.emit(out, kPartOf, t.argument(y, t.name_words(y), "subj"), t.argument(k, t.name_words(k), "obj"), "part of",
               "part_of", -1, 0.5);
        continue;
      }
      // Located in: "the Grand Hotel in Lyon", "Lyon's Grand Hotel", "Dayton, Ohio".
      if (on(kLocation) && (y_org || y_place) && t.kind(y) != Kind::AnyName && t.is(k, Kind::Place) &&
          t.kind(k) != Kind::AnyName) {
        bool in = t.brel(k) == "nmod" && k > y && (marker == "in" || marker == "at" || marker == "near");
        bool poss = r == "nmod:poss" && y_org;
        bool comma = r == "appos" && k > y && k - 1 > y && t.upos(k - 1) == "PUNCT" && t.kids(k).size() <= 2;
        if (in || poss || comma)
          t.emit(out, kLocation, t.argument(y, t.name_words(y), "subj"), t.argument(k, t.name_words(k), "obj"),
                 "located in", "located_in", -1, 0.5);
      }
    }
  }
  if (on(kAffiliation)) t.linear_affiliations(out, kAffiliation);
  if (on(kAge)) t.ages(out, kAge);
  return out;
}

}  // namespace relgraph::detail
