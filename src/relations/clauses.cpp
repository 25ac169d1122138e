// Clause finding over a Universal Dependencies tree: predicates (verbs,
// copular predicates, appositions, titles, possessives, event nominals) and
// their arguments, with coordination distributed and negation, modality and
// attribution collected. Each construction is a named rule (rule_names())
// that PipelineOptions::disable can switch off. Tests: tests/relations_test.cpp
#include "relations/clauses.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "core/strings.hpp"

namespace relgraph::detail {
namespace {

constexpr std::size_t kMaxVariants = 12;  // coordinated combinations per clause

std::string lower(std::string_view s) { return relgraph::detail::ascii_lower(s); }

std::string_view base_rel(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

class Tree {
 public:
  Tree(const Sentence& s, const RelationSchema& schema, const ClauseLexicon& lex)
      : s_(s), schema_(schema), lex_(lex), kids_(s.tokens.size()) {
    for (int i = 0; i < size(); ++i)
      if (int h = head(i); h >= 0) kids_[h].push_back(i);
    // A word tagged as a noun or adjective that governs a direct object is a
    // mistagged verb ("The government fears the spread", "jets use the base").
    verb_.resize(s.tokens.size());
    for (int i = 0; i < size(); ++i) {
      const auto& u = tok(i).upos;
      verb_[i] = u == "VERB" || ((u == "NOUN" || u == "ADJ") && !has_cop(i) && child(i, "obj") >= 0);
    }
  }

  int size() const { return static_cast<int>(s_.tokens.size()); }
  const Token& tok(int i) const { return s_.tokens[i]; }
  int head(int i) const {
    int h = s_.tokens[i].head - 1;
    return h >= 0 && h < size() && h != i ? h : -1;
  }
  const std::vector<int>& kids(int i) const { return kids_[i]; }
  std::string_view rel(int i) const { return tok(i).deprel; }
  std::string_view brel(int i) const { return base_rel(tok(i).deprel); }
  std::string lem(int i) const { return lower(tok(i).lemma.empty() ? tok(i).form : tok(i).lemma); }
  const RelationSchema& schema() const { return schema_; }
  const ClauseLexicon& lex() const { return lex_; }

  int child(int i, std::string_view deprel) const {
    for (int k : kids_[i])
      if (rel(k) == deprel) return k;
    return -1;
  }
  int child_base(int i, std::string_view base) const {
    for (int k : kids_[i])
      if (brel(k) == base) return k;
    return -1;
  }
  bool is_verb(int i) const { return verb_[i]; }
  bool is_nominal(int i) const {
    const auto& u = tok(i).upos;
    return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" || u == "X" || u == "SYM";
  }
  bool is_pronoun(int i) const { return tok(i).upos == "PRON"; }
  bool is_relative(int i) const {
    if (tok(i).feats.find("PronType=Rel") != std::string::npos) return true;
    return lex_.relativizers.contains(lower(tok(i).form));
  }
  bool is_negation(int i) const {
    return (brel(i) == "advmod" || rel(i) == "neg" || brel(i) == "det") && lex_.negation.contains(lower(tok(i).form));
  }
  bool has_cop(int i) const { return child(i, "cop") >= 0; }

  // The words of i's subtree, leaving out the top-level children whose
  // relation is in `skip`, trimmed of punctuation at both ends.
  std::vector<int> subtree(int i, std::initializer_list<std::string_view> skip) const {
    std::vector<int> out{i};
    for (int k : kids_[i]) {
      auto r = rel(k), b = brel(k);
      bool drop = false;
      for (auto sk : skip) drop = drop || r == sk || b == sk;
      if (!drop) collect(k, out);
    }
    std::sort(out.begin(), out.end());
    trim(out);
    return out;
  }
  void collect(int i, std::vector<int>& out) const {
    out.push_back(i);
    for (int k : kids_[i]) collect(k, out);
  }
  void trim(std::vector<int>& w) const {
    while (!w.empty() && tok(w.front()).upos == "PUNCT") w.erase(w.begin());
    while (!w.empty() && tok(w.back()).upos == "PUNCT") w.pop_back();
    // Unbalanced quotes or brackets left at an edge read badly and never match.
    while (!w.empty() && (tok(w.back()).upos == "PUNCT" || tok(w.back()).deprel == "cc")) w.pop_back();
  }

  // "the volume of security and military cooperation": a bare conjunct (no
  // determiner, possessor or preposition) after an of-phrase of a determined
  // head coordinates inside that phrase, whatever the parse attached it to.
  bool nested_conj(int k) const {
    int h = head(k);
    if (h < 0 || rel(k) != "conj" || k < h || child_base(h, "det") < 0) return false;
    for (int c : kids_[k]) {
      auto b = brel(c);
      if (b == "det" || b == "case" || rel(c) == "nmod:poss" || b == "nummod") return false;
    }
    for (int m : kids_[h])
      if (brel(m) == "nmod" && m > h && m < k) {
        for (int c : kids_[m])
          if (brel(c) == "case" && lower(tok(c).form) == "of") return true;
      }
    return false;
  }
  // "students and faculty members of the colleges": an of-phrase on the last
  // of two bare common nouns qualifies both; they stay one argument.
  bool shared_modifier_conj(int k) const {
    int h = head(k);
    if (h < 0 || rel(k) != "conj" || k < h || tok(h).upos != "NOUN" || tok(k).upos != "NOUN") return false;
    for (int c : kids_[h])
      if ((brel(c) == "nmod" || brel(c) == "det" || rel(c) == "nmod:poss" || brel(c) == "acl") && c != k) return false;
    for (int c : kids_[k])
      if (brel(c) == "det" || rel(c) == "nmod:poss") return false;
    for (int c : kids_[k])
      if (brel(c) == "nmod" && c > k && marker_text(markers(c)) == "of") return true;
    return false;
  }

  // Case marker words of an oblique / nmod head, multiword ones included
  // ("according to", "because of", "out of").
  std::vector<int> markers(int i) const {
    std::vector<int> out;
    for (int k : kids_[i])
      if (brel(k) == "case" && k < i) {
        out.push_back(k);
        for (int f : kids_[k])
          if (brel(f) == "fixed") out.push_back(f);
      }
    std::sort(out.begin(), out.end());
    return out;
  }
  std::string marker_text(const std::vector<int>& m) const {
    std::string out;
    for (int w : m) {
      if (!out.empty()) out += ' ';
      out += lower(tok(w).form);
    }
    return out;
  }

 private:
  const Sentence& s_;
  const RelationSchema& schema_;
  const ClauseLexicon& lex_;
  std::vector<std::vector<int>> kids_;
  std::vector<bool> verb_;
};

// Top-level dependents never part of an argument's words.
// not English: UD relation labels
const std::initializer_list<std::string_view> kArgSkip = {"acl:relcl", "appos",      "conj", "cc",  "punct",
                                                          "parataxis", "case",       "mark", "dep", "discourse",
                                                          "vocative",  "reparandum", "advcl"};

// An argument slot headed by `h`: its words without relative clauses,
// appositions and coordinated siblings; the marker separately.
Slot make_slot(const Tree& t, int h, std::string role) {
  Slot s;
  s.head = h;
  s.role = std::move(role);
  s.words = t.subtree(h, kArgSkip);
  bool nested = false;
  for (int k : t.kids(h))
    if (t.nested_conj(k) || t.shared_modifier_conj(k)) {
      t.collect(k, s.words);
      nested = true;
    }
  if (nested) {
    std::sort(s.words.begin(), s.words.end());
    t.trim(s.words);
  }
  s.marker = t.markers(h);
  s.pronoun = t.is_pronoun(h);
  return s;
}

// A clausal argument (ccomp, csubj): the whole clause minus its complementizer.
Slot make_clause_slot(const Tree& t, int h, std::string role) {
  Slot s;
  s.head = h;
  s.role = std::move(role);
  s.words = t.subtree(h, {"mark", "punct"});
  for (int k : t.kids(h))
    if (t.brel(k) == "mark" && k < h) s.marker.push_back(k);
  return s;
}

// The coordinated alternatives of a slot: itself plus its conj siblings
// (only those of a compatible kind: nouns with nouns, clauses with clauses).
std::vector<Slot> alternatives(const Tree& t, const Slot& slot) {
  std::vector<Slot> out{slot};
  if (slot.head < 0 || slot.role == "comp" || slot.distributed) return out;
  for (int k : t.kids(slot.head)) {
    if (t.rel(k) != "conj" || k < slot.head || out.size() >= 6 || t.nested_conj(k) || t.shared_modifier_conj(k))
      continue;  // a conjunct before its head is a parse error
    if (t.is_nominal(slot.head) != t.is_nominal(k)) continue;
    Slot alt = make_slot(t, k, slot.role);
    // "by X and ..., according to Y": a source is no coordinated argument.
    if (t.marker_text(alt.marker) == "according to" && t.marker_text(slot.marker) != "according to") continue;
    if (alt.marker.empty()) alt.marker = slot.marker;
    alt.inherited = slot.inherited;
    out.push_back(std::move(alt));
  }
  return out;
}

class Finder {
 public:
  Finder(const Tree& t, const ClauseRules& rules) : t_(t), rules_(rules) {}

  // A construction that finds predicates: it looks at one word and adds the clauses it heads.
  struct Unit {
    Rule rule;
    void (Finder::*run)(int);
  };

  std::vector<Clause> run() {
    // Tried on every word, in this order.
    static constexpr Unit kPredicates[] = {
        {Rule::Copula, &Finder::copula_at},         {Rule::Verb, &Finder::verb_at},
        {Rule::Apposition, &Finder::apposition},    {Rule::Title, &Finder::title_at},
        {Rule::Possessive, &Finder::possessive_at}, {Rule::EventNominal, &Finder::event_nominal_at},
        {Rule::Modifier, &Finder::modifiers_at},
    };
    for (int i = 0; i < t_.size(); ++i) {
      if (t_.tok(i).head < 0) return out_;  // unparsed sentence
      // A cycle (from a malformed input parse) would make every subtree walk endless.
      int x = i;
      for (int steps = 0; x >= 0 && steps <= t_.size(); ++steps) x = t_.head(x);
      if (x >= 0) return out_;
    }
    for (int i = 0; i < t_.size(); ++i)
      for (const auto& unit : kPredicates)
        if (on(unit.rule)) (this->*unit.run)(i);
    return out_;
  }

 private:
  bool on(Rule r) const { return rules_.on(r); }
  bool noun_phrase(int i) const { return t_.is_nominal(i) && !t_.is_verb(i); }

  void copula_at(int i) {
    if (t_.has_cop(i)) copula(i);
  }
  void verb_at(int i) {
    if (!t_.has_cop(i) && is_verbal_predicate(i)) verbal(i);
  }
  void title_at(int n) {
    if (noun_phrase(n) && t_.tok(n).upos == "PROPN") title(n);
  }
  void possessive_at(int n) {
    if (!noun_phrase(n)) return;
    if (int p = t_.child(n, "nmod:poss"); p >= 0 && t_.tok(p).upos != "PRON") {
      possessive(n, p);
    } else if (!t_.schema().canonical(Construction::Possessive, t_.lem(n), "", "").empty()) {
      // "the report of the commission": an of-phrase naming the work's maker.
      for (int k : t_.kids(n))
        if (t_.rel(k) == "nmod" && k > n && t_.tok(k).upos == "PROPN" && t_.marker_text(t_.markers(k)) == "of") {
          possessive(n, k);
          break;
        }
    }
  }
  void event_nominal_at(int n) {
    if (noun_phrase(n) && t_.tok(n).upos == "NOUN" && !t_.has_cop(n)) event_nominal(n);
  }
  void modifiers_at(int n) {
    if (noun_phrase(n) && (t_.tok(n).upos == "NOUN" || t_.tok(n).upos == "PROPN")) modifiers(n);
  }

  bool is_verbal_predicate(int i) const {
    const auto& u = t_.tok(i).upos;
    auto r = t_.brel(i);
    if (u == "AUX") {
      // Main-verb "be"/"have" ("there is", "has a house"): not an auxiliary or copula of something else.
      if (r == "aux" || r == "cop") return false;
    } else if (!t_.is_verb(i)) {
      return false;
    }
    if (r == "amod" || r == "compound" || r == "case" || r == "mark" || r == "fixed" || r == "flat" || r == "det" ||
        r == "advmod" || r == "reparandum")
      return false;
    // A controlled xcomp verb belongs to its governor's chain.
    if (r == "xcomp" && controlled(i) && object_controller(i) < 0 && !purpose(i)) return false;
    if (gerund_marker(i) >= 0) return false;
    return true;
  }
  // "entered the country to fight it": a to-infinitive after its governor's
  // object, under no control verb, is a purpose clause (parsed as xcomp).
  bool purpose(int x) const {
    if (!on(Rule::PurposeClause) || t_.rel(x) != "xcomp" || !infinitive(x)) return false;
    int h = t_.head(x);
    if (h < 0) return false;
    for (int k : t_.kids(h))
      if ((t_.rel(k) == "obj" || t_.rel(k) == "iobj") && k < x) return true;
    return false;
  }
  bool infinitive(int x) const {
    for (int k : t_.kids(x))
      if ((t_.brel(k) == "mark" || t_.brel(k) == "aux") && t_.lem(k) == "to" && k < x) return true;
    return false;
  }
  // The object that is the understood subject of a complement: "enabled the
  // army to train recruits", "asked him to leave"; -1 if there is none.
  int object_controller(int x) const {
    int h = t_.head(x);
    if (!on(Rule::ObjectControl) || h < 0 || t_.child_base(x, "nsubj") >= 0 || !t_.is_verb(x)) return -1;
    auto r = t_.rel(x);
    if (r != "xcomp" && !(r == "advcl" && infinitive(x))) return -1;
    int o = t_.child(h, "obj");
    if (o < 0) o = t_.child(h, "iobj");
    if (o < 0 || o > x) return -1;
    if (t_.lex().object_control.contains(t_.lem(h))) return o;
    return -1;
  }
  // An xcomp verb read as part of its governor's relation: "sought to
  // increase", "started working"; not "heard the work performed".
  // "is charged with reviewing the plans", "succeeded in building a road": a
  // gerund after a preposition that completes its verb continues the chain
  // (by/without/after ... gerunds say how or when: see verb_args).
  int gerund_marker(int x) const {
    if (!on(Rule::GerundChain) || t_.brel(x) != "advcl" || t_.tok(x).xpos != "VBG" || t_.head(x) < 0 ||
        x < t_.head(x) || !t_.is_verb(t_.head(x)) || t_.child_base(x, "nsubj") >= 0)
      return -1;
    for (int d : t_.kids(x))
      if ((t_.brel(d) == "mark" || t_.brel(d) == "case") && d < x && d > t_.head(x) &&
          t_.lex().complement_preps.contains(t_.lem(d)))
        return d;
    return -1;
  }
  bool chained(int x) const {
    if (gerund_marker(x) >= 0) return true;
    if (t_.rel(x) != "xcomp" || !t_.is_verb(x) || !controlled(x) || object_controller(x) >= 0 || x < t_.head(x) ||
        purpose(x))
      return false;
    if (t_.tok(x).xpos == "VBG") return true;
    for (int k : t_.kids(x))
      if (t_.brel(k) == "mark" && t_.lem(k) == "to") return true;
    return false;
  }
  bool controlled(int x) const {
    int h = t_.head(x);
    if (h < 0) return false;
    if (t_.child_base(x, "nsubj") >= 0) return false;
    return t_.is_verb(h) || t_.tok(h).upos == "AUX";
  }

  // Subject of predicate p: its own nsubj/csubj, or one inherited from the
  // clause it is coordinated with, the noun a relative clause or participle
  // modifies, or the governor of a controlled complement / adverbial clause.
  Slot subject(int p, int depth = 0) const {
    Slot none;
    if (depth > 8) return none;
    for (int k : t_.kids(p)) {
      auto r = t_.brel(k);
      if (r == "nsubj") {
        if (t_.is_relative(k) && t_.kids(k).empty()) {
          // "X, which ...": the relative pronoun stands for the noun it follows.
          int antecedent = t_.rel(p) == "acl:relcl" ? t_.head(p) : preceding_noun(k);
          if (antecedent >= 0) {
            Slot s = make_slot(t_, antecedent, "subj");
            std::vector<int> own;
            t_.collect(p, own);
            std::erase_if(s.words, [&](int w) { return contains(own, w) || w >= k; });
            t_.trim(s.words);
            s.inherited = true;
            if (!s.words.empty()) return s;
          }
        }
        return make_slot(t_, k, "subj");
      }
      if (r == "csubj") return make_clause_slot(t_, k, "subj");
    }
    // A mistagged verb's subject was read as a compound of it: "jets[compound] use[NOUN] bases".
    if (t_.tok(p).upos != "VERB" && t_.tok(p).upos != "AUX" && t_.is_verb(p)) {
      Slot s;
      for (int k : t_.kids(p))
        if ((t_.brel(k) == "compound" || t_.brel(k) == "amod") && k < p) {
          t_.collect(k, s.words);
          if (t_.is_nominal(k)) s.head = k;
        }
      if (s.head >= 0) {
        s.role = "subj";
        std::sort(s.words.begin(), s.words.end());
        return s;
      }
    }
    int h = t_.head(p);
    if (h < 0) return none;
    auto r = t_.rel(p);
    Slot s;
    if (int o = object_controller(p); o >= 0) {
      s = make_slot(t_, o, "subj");
      s.inherited = true;
      return s;
    }
    bool predicate_noun = t_.has_cop(h) || t_.rel(h) == "xcomp";
    bool after_comma = p > 0 && t_.tok(p - 1).form == ",";
    if (r == "acl" && t_.tok(p).xpos == "VBG" && predicate_noun && after_comma) {
      // "X became a member, teaming with Y": a participle after a predicate
      // noun and a comma describes the clause's subject, not the noun.
      s = subject(h, depth + 1);
    } else if (r == "acl:relcl" || (r == "acl" && t_.child(p, "mark") < 0 && t_.tok(p).xpos != "VB")) {
      s = make_slot(t_, h, "subj");
      // The modified noun without the modifying clause itself, and without
      // the clause around it when the noun is a predicate ("X was a pioneer who ...").
      std::vector<int> own;
      t_.collect(p, own);
      if (predicate_noun)
        for (int k : t_.kids(h)) {
          auto b = t_.brel(k);
          if (b == "nsubj" || b == "cop" || b == "aux" || b == "advmod" || b == "mark" || b == "cc" || b == "advcl" ||
              b == "obl" || b == "parataxis")
            t_.collect(k, own);
        }
      std::erase_if(s.words, [&](int w) { return contains(own, w); });
      t_.trim(s.words);
    } else if (int w = with_absolute(p); w >= 0) {
      s = make_slot(t_, w, "subj");
    } else if (r == "conj" || r == "xcomp" || (r == "advcl" && (t_.tok(p).xpos == "VBG" || infinitive(p)))) {
      // A coordinated nominal predicate ("is a footballer and coach") shares its head's subject too.
      s = subject(h, depth + 1);
    }
    if (s.head >= 0) s.inherited = true;
    return s;
  }

  // "The race ended with Lee winning a cup": a gerund clause right after a
  // "with" phrase of the same head has that phrase's noun as its subject
  // (an absolute construction the parse split in two). -1 if not.
  int with_absolute(int p) const {
    int h = t_.head(p);
    if (!on(Rule::WithAbsolute) || h < 0 || t_.brel(p) != "advcl" || t_.tok(p).xpos != "VBG") return -1;
    for (int k : t_.kids(h)) {
      if (k >= p || t_.brel(k) != "obl" || !t_.is_nominal(k) || t_.marker_text(t_.markers(k)) != "with") continue;
      std::vector<int> words;
      t_.collect(k, words);
      if (*std::max_element(words.begin(), words.end()) == p - 1) return k;
    }
    return -1;
  }

  // The noun a relative pronoun follows ("the band, who ..."), when the
  // parse did not attach the clause to it; -1 if the previous word is no noun.
  int preceding_noun(int pronoun) const {
    int i = pronoun - 1;
    while (i >= 0 && t_.tok(i).upos == "PUNCT") --i;
    if (i < 0 || (t_.tok(i).upos != "NOUN" && t_.tok(i).upos != "PROPN")) return -1;
    // Climb to the head of a compound / flat name.
    while (t_.head(i) >= 0 && (t_.brel(i) == "compound" || t_.brel(i) == "flat") && t_.head(i) > i) i = t_.head(i);
    return i;
  }

  // Negation, modality and attribution from a predicate's own dependents
  // and from the clauses it is embedded in.
  void attributes(Clause& c, const std::vector<int>& chain) const {
    for (int v : chain)
      for (int k : t_.kids(v)) {
        if (t_.is_negation(k) && t_.brel(k) != "det") c.negated = true;
        if (t_.brel(k) == "aux") set_modality(c, t_.lem(k), t_.tok(k).form);
      }
    // "no" as a determiner of the subject or object negates the statement ("no one came").
    for (const Slot* s : {&c.subj}) {
      if (s->head >= 0)
        for (int k : t_.kids(s->head))
          if (t_.brel(k) == "det" && t_.lem(k) == "no") c.negated = true;
    }
    for (const auto& a : c.args)
      if (a.head >= 0)
        for (int k : t_.kids(a.head))
          if (t_.brel(k) == "det" && t_.lem(k) == "no") c.negated = true;
    // Walk up: conditionals, reported speech.
    int p = chain.front();
    for (int guard = 0; guard < 32; ++guard) {
      // "X, he said" attaches the speech verb as parataxis of the reported clause.
      for (int k : t_.kids(p))
        if (t_.brel(k) == "parataxis" && t_.schema().is_attribution_verb(t_.lem(k)) && c.attribution.empty()) {
          if (int s = t_.child_base(k, "nsubj"); s >= 0 && k > chain.front()) {
            c.attribution = words_of(make_slot(t_, s, "subj").words);
            if (c.modality.empty()) c.modality = "reported";
          }
        }
      for (int k : t_.kids(p))
        if (t_.brel(k) == "mark") {
          auto m = t_.lem(k);
          if (m == "if" || m == "unless" || m == "whether") c.modality = "hypothetical";
        }
      int h = t_.head(p);
      if (h < 0) break;
      auto r = t_.brel(p);
      if (r == "ccomp" && t_.schema().is_attribution_verb(t_.lem(h)) && c.attribution.empty()) {
        Slot s = subject(h);
        if (s.head >= 0) c.attribution = words_of(s.words);
        if (c.modality.empty()) c.modality = "reported";
      }
      if (r != "ccomp" && r != "conj" && r != "advcl" && r != "xcomp" && r != "parataxis") break;
      ++c.depth;
      p = h;
    }
  }
  void set_modality(Clause& c, const std::string& lemma, const std::string& form) const {
    // Future first, then possible, then hypothetical (modal_auxiliaries.tsv).
    auto rank = [](const std::string* m) { return !m ? 3 : *m == "future" ? 0 : *m == "possible" ? 1 : 2; };
    const std::string* by_lemma = t_.lex().modal_by_lemma.find(lemma);
    const std::string* by_form = t_.lex().modal_by_form.find(lower(form));
    const std::string* m = rank(by_form) < rank(by_lemma) ? by_form : by_lemma;
    if (m && (c.modality.empty() || c.modality == "future")) c.modality = *m;
  }
  std::string words_of(const std::vector<int>& w) const {
    std::string out;
    for (int i : w) {
      if (!out.empty()) out += ' ';
      out += t_.tok(i).form;
    }
    return out;
  }

  // Objects and obliques of one verb of the chain.
  void verb_args(Clause& c, int v) {
    for (int k : t_.kids(v)) {
      auto r = t_.rel(k);
      auto b = t_.brel(k);
      if (r == "obj" || r == "iobj") {
        Slot s = make_slot(t_, k, std::string(r));
        // "the book that he wrote": the relative pronoun stands for the noun modified.
        if (t_.is_relative(k) && t_.rel(v) == "acl:relcl" && t_.head(v) >= 0) {
          s = make_slot(t_, t_.head(v), std::string(r));
          s.inherited = true;
        }
        c.args.push_back(std::move(s));
      } else if (b == "ccomp") {
        c.args.push_back(make_clause_slot(t_, k, "comp"));
      } else if (r == "xcomp" && !chained(k)) {
        // "became president", "heard the work performed", "made him leave".
        c.args.push_back(t_.is_verb(k) ? make_clause_slot(t_, k, "attr") : make_slot(t_, k, "attr"));
      } else if (on(Rule::GerundAdverbial) && b == "advcl" && t_.tok(k).xpos == "VBG" && k > v &&
                 t_.child_base(k, "nsubj") < 0) {
        // "clarified by adding potato", "left without paying": a gerund clause
        // introduced by a preposition says how or when.
        int m = -1;
        for (int d : t_.kids(k))
          if ((t_.brel(d) == "mark" || t_.brel(d) == "case") && d < k) m = d;
        if (m < 0) continue;
        if (!t_.lex().adverbial_preps.contains(t_.lem(m))) continue;
        Slot s = make_clause_slot(t_, k, t_.lem(m));
        s.marker = {m};
        std::erase(s.words, m);
        c.args.push_back(std::move(s));
      } else if (on(Rule::TimeAdverbial) && b == "advmod" && t_.child_base(k, "obl") >= 0 && !t_.is_negation(k)) {
        // "two years later", "a week ago": a measured time adverbial.
        Slot s;
        s.role = "";
        s.head = k;
        t_.collect(k, s.words);
        std::sort(s.words.begin(), s.words.end());
        t_.trim(s.words);
        c.args.push_back(std::move(s));
      } else if (b == "obl") {
        if (int o = t_.child(v, "obj");
            o >= 0 && stray_agent(o) == k && !t_.schema().canonical(Construction::Nominal, t_.lem(o), "", "").empty())
          continue;  // the agent of the object's event: see event_nominal
        Slot s = make_slot(t_, k, "");
        s.role = t_.marker_text(s.marker);
        if (t_.is_relative(k) && t_.head(v) >= 0 && t_.rel(v) == "acl:relcl") {
          s.words = t_.subtree(t_.head(v), kArgSkip);
          s.head = t_.head(v);
          s.inherited = true;
        }
        if (s.role == "according to") {
          if (c.attribution.empty()) c.attribution = words_of(s.words);
          if (c.modality.empty()) c.modality = "reported";
          continue;
        }
        // A fronted "By the end of ..." is a time, not the agent.
        bool agent = r == "obl:agent" || (c.passive && s.role == "by" && k > v);
        if (agent) c.agent = static_cast<int>(c.args.size());
        int to = on(Rule::FromTo) ? range_end(s) : -1;
        if (to >= 0) {
          std::vector<int> end;
          t_.collect(to, end);
          std::erase_if(s.words, [&](int w) { return contains(end, w); });
          t_.trim(s.words);
        }
        c.args.push_back(std::move(s));
        if (to >= 0) c.args.push_back(make_slot(t_, to, "to"));
      }
    }
  }

  // "changed from the old system to the new one", "moved from Lyon to Paris":
  // the parse often hangs the to-phrase on the from-phrase; it is an argument
  // of the verb of its own. A range of numbers ("from 9 to 10") stays one.
  int range_end(const Slot& from) const {
    if (from.role != "from" || from.head < 0) return -1;
    const auto& u = t_.tok(from.head).upos;
    if (u != "NOUN" && u != "PROPN") return -1;
    for (int k : t_.kids(from.head))
      if (t_.brel(k) == "nmod" && k > from.head && t_.marker_text(t_.markers(k)) == "to" &&
          (t_.tok(k).upos == "NOUN" || t_.tok(k).upos == "PROPN"))
        return k;
    return -1;
  }

  // Relation words contributed by one verb: itself, particles, auxiliaries,
  // negation, and adverbs inside the verb group ("has often refused").
  void verb_words(Clause& c, int v, bool first) {
    c.verbs.push_back(v);
    int first_aux = v;
    for (int k : t_.kids(v)) {
      auto r = t_.rel(k);
      if (r == "compound:prt")
        c.verbs.push_back(k);
      else if (t_.brel(k) == "aux") {
        if (first || t_.lem(k) != "to")
          c.aux.push_back(k);
        else
          c.verbs.push_back(k);  // infinitival "to" inside the chain: "sought to increase"
        if (t_.brel(k) == "aux" && t_.rel(k) == "aux:pass") c.passive = true;
        first_aux = std::min(first_aux, k);
      } else if (t_.is_negation(k) && t_.brel(k) != "det") {
        c.aux.push_back(k);
      } else if (r == "mark" && !first && t_.lem(k) == "to") {
        c.verbs.push_back(k);
      } else if (!first && k == gerund_marker(v)) {
        c.verbs.push_back(k);  // "charged with reviewing"
      }
    }
    for (int k : t_.kids(v))
      if (t_.brel(k) == "advmod" && k > first_aux && k < v && !t_.is_negation(k) && t_.kids(k).empty())
        c.aux.push_back(k);
    if (t_.child(v, "nsubj:pass") >= 0) c.passive = true;
  }

  void verbal(int v) {
    Clause c;
    c.kind = Construction::Verb;
    std::vector<int> chain{v};
    int cur = v;
    verb_words(c, v, true);
    // A past participle modifying a noun is a reduced passive: "pressure caused by heat".
    // (A past form there is the participle mistagged: "the aid provided to X".)
    if (on(Rule::Passive) && t_.rel(v) == "acl" && (t_.tok(v).xpos == "VBN" || t_.tok(v).xpos == "VBD") &&
        t_.head(v) >= 0 && t_.child_base(v, "nsubj") < 0 && t_.child(v, "obj") < 0) {  // a passive takes no object
      c.passive = true;
      int h = t_.head(v);
      c.synthetic = be(h);
    }
    for (int guard = 0; guard < 6; ++guard) {
      int x = -1;
      for (int k : t_.kids(cur))
        if (chained(k)) x = k;
      if (x < 0) break;
      chain.push_back(x);
      verb_words(c, x, false);
      cur = x;
    }
    c.pred = cur;
    c.chain = static_cast<int>(chain.size());
    c.lemma = t_.lem(cur);
    c.subj = subject(v);
    // "have crossed the lines and returned": a conjunct verb without
    // auxiliaries of its own shares its head's.
    // A finite conjunct ("were separated from them and consisted of …") has none to share.
    const auto& vx = t_.tok(v).xpos;
    bool finite = vx == "VBD" || vx == "VBZ" || vx == "VBP";
    if (on(Rule::SharedAux) && t_.rel(v) == "conj" && t_.head(v) >= 0 && t_.is_verb(t_.head(v)) &&
        t_.child_base(v, "aux") < 0 && t_.child_base(v, "nsubj") < 0 && !finite) {
      for (int k : t_.kids(t_.head(v)))
        if (t_.brel(k) == "aux" && k < v) {
          c.aux.push_back(k);
          if (t_.rel(k) == "aux:pass") c.passive = true;
          set_modality(c, t_.lem(k), t_.tok(k).form);
        }
    }
    for (int v2 : chain) verb_args(c, v2);
    // "returned to work", "hopes to win": a chain with nothing after it keeps
    // its last verb as the complement ("returned" | "to work").
    if (on(Rule::ChainComplement) && c.args.empty() && chain.size() > 1) {
      int last = chain.back();
      std::vector<int> own;
      t_.collect(last, own);
      std::erase_if(c.verbs, [&](int w) { return contains(own, w); });
      std::erase_if(c.aux, [&](int w) { return contains(own, w); });
      chain.pop_back();
      c.pred = chain.back();
      c.chain = static_cast<int>(chain.size());
      c.lemma = t_.lem(c.pred);
      Slot x;
      x.role = "attr";
      x.head = last;
      x.words = t_.subtree(last, {"punct"});
      c.args.push_back(std::move(x));
    }
    // A coordinated verb without an object shares a following object of its head: "bought and sold shares".
    if (on(Rule::SharedObject) && t_.rel(v) == "conj" && t_.head(v) >= 0) {
      bool has_obj = false;
      for (const auto& a : c.args) has_obj = has_obj || a.role == "obj";
      int h = t_.head(v);
      if (!has_obj && t_.is_verb(h))
        if (int o = t_.child(h, "obj"); o > v) {
          Slot s = make_slot(t_, o, "obj");
          s.inherited = true;
          c.args.push_back(std::move(s));
        }
    }
    relative_gap(c, v);
    reported_clause(c, v);
    for (const auto& a : c.args)
      if (a.role == "obj") {
        c.object_lemma = t_.lem(a.head);
        break;
      }
    attributes(c, chain);
    finish(std::move(c));
  }

  // "The board is not considering it, officials said": a speech verb
  // attached as parataxis reports the clause it hangs from.
  void reported_clause(Clause& c, int v) {
    if (!on(Rule::ReportedClause) || t_.brel(v) != "parataxis" || t_.head(v) < 0 ||
        !t_.schema().is_attribution_verb(t_.lem(v)))
      return;
    for (const auto& a : c.args)
      if (a.role == "comp" || a.role == "obj") return;
    int h = t_.head(v);
    Slot s;
    s.role = "comp";
    s.head = h;
    std::vector<int> own;
    t_.collect(v, own);
    t_.collect(h, s.words);
    std::erase_if(s.words, [&](int w) { return contains(own, w); });
    std::sort(s.words.begin(), s.words.end());
    t_.trim(s.words);
    if (!s.words.empty()) c.args.push_back(std::move(s));
  }

  // A relative clause without a relative pronoun ("the book he wrote", "the
  // limits Westerners believe in"): the modified noun fills the gap, as the
  // object of a stranded preposition or else as the direct object.
  void relative_gap(Clause& c, int v) {
    if (!on(Rule::RelativeGap) || t_.rel(v) != "acl:relcl" || t_.head(v) < 0) return;
    for (int k : t_.kids(v))
      if (t_.is_relative(k)) return;
    int antecedent = t_.head(v);
    for (auto& a : c.args)
      if (a.head >= 0 && t_.tok(a.head).upos == "ADP" && a.words.size() == 1) {
        Slot s = make_slot(t_, antecedent, t_.lem(a.head));
        s.marker = {a.head};
        s.inherited = true;
        a = s;
        return;
      }
    if (c.subj.head < 0 || c.subj.inherited) return;
    for (const auto& a : c.args)
      if (a.role == "obj" || a.role == "comp" || a.role == "attr") return;
    Slot s = make_slot(t_, antecedent, "obj");
    s.marker.clear();
    s.inherited = true;
    c.args.push_back(std::move(s));
  }

  // "X is a footballer", "X is in Paris", "X was happy": the predicate
  // nominal/adjective carries the subject and the copula.
  void copula(int p) {
    Clause c;
    c.kind = Construction::Copula;
    c.pred = p;
    c.lemma = t_.lem(p);
    for (int k : t_.kids(p)) {
      auto b = t_.brel(k);
      if (b == "cop" || b == "aux" || t_.is_negation(k)) {
        if (t_.is_negation(k) && b != "det") c.negated = true;
        if (t_.is_negation(k) && b == "det") continue;
        c.aux.push_back(k);
        if (b == "aux") set_modality(c, t_.lem(k), t_.tok(k).form);
      }
    }
    c.subj = subject(p);
    Slot attr = make_slot(t_, p, "attr");
    // The predicate's own clause dependents are not part of its noun phrase.
    std::vector<int> drop;
    for (int k : t_.kids(p)) {
      auto b = t_.brel(k);
      if (b == "nsubj" || b == "csubj" || b == "cop" || b == "aux" || b == "obl" || b == "advmod" || b == "expl" ||
          b == "ccomp" || b == "xcomp" || t_.is_negation(k)) {
        std::vector<int> sub;
        t_.collect(k, sub);
        drop.insert(drop.end(), sub.begin(), sub.end());
      }
    }
    std::erase_if(attr.words, [&](int w) { return contains(drop, w); });
    t_.trim(attr.words);
    if (attr.words.empty()) return;
    // "X is in Paris": the predicate's preposition belongs to the relation.
    c.verbs = attr.marker;
    c.args.push_back(attr);
    // A noun predicate "member of Y" exposes its nmod for canonical lookup ("member_of").
    for (int k : t_.kids(p))
      if (t_.rel(k) == "nmod") {
        c.object_lemma = t_.marker_text(t_.markers(k));
        break;
      }
    for (int k : t_.kids(p))
      if (t_.brel(k) == "obl") {
        Slot s = make_slot(t_, k, "");
        s.role = t_.marker_text(s.marker);
        if (s.role == "according to") {
          c.attribution = words_of(s.words);
          c.modality = "reported";
          continue;
        }
        c.args.push_back(std::move(s));
      }
    attributes(c, {p});
    finish(std::move(c));
  }

  // "the doctor, Erasistratus": an apposition describes the noun it follows.
  void apposition(int n) {
    if (!noun_phrase(n)) return;
    auto r = t_.rel(n);
    // (An "apposition" with its own preposition, "over six months", is a misparse.)
    // Nor is a counted stretch of time ("..., over six months,").
    bool time_span = t_.child_base(n, "nummod") >= 0 && t_.lex().time_units.contains(t_.lem(n));
    // Two names side by side with no punctuation between are one name the parse split
    // ("renamed to Iowa[head] Traction Railroad[appos]", "Freddie[head] Mac 10[appos] %"), not an apposition.
    bool split_name = false;
    if (r == "appos" && t_.head(n) >= 0 && t_.head(n) < n && t_.tok(t_.head(n)).upos == "PROPN" &&
        (t_.tok(n).upos == "PROPN" || t_.tok(n).upos == "NUM")) {
      split_name = true;
      for (int k = t_.head(n) + 1; k < n; ++k)
        if (t_.tok(k).upos == "PUNCT") split_name = false;
    }
    if (r == "appos" && t_.head(n) >= 0 && t_.is_nominal(t_.head(n)) && t_.child_base(n, "case") < 0 && !time_span &&
        !split_name) {
      Clause c;
      c.kind = Construction::Apposition;
      c.pred = n;
      c.lemma = t_.lem(n);
      c.subj = make_slot(t_, t_.head(n), "subj");
      c.args.push_back(make_slot(t_, n, "attr"));
      c.args.back().marker.clear();
      // The name is what the description is about: "the doctor, Erasistratus" -> (Erasistratus)-[is]->(the doctor).
      if (t_.tok(n).upos == "PROPN" && t_.tok(t_.head(n)).upos != "PROPN") {
        std::swap(c.subj.words, c.args.back().words);
        std::swap(c.subj.head, c.args.back().head);
        c.lemma = t_.lem(t_.head(n));
      }
      c.synthetic = be(c.subj.head);
      if (int k = t_.child(n, "nmod"); k >= 0) c.object_lemma = t_.marker_text(t_.markers(k));
      c.depth = 1;
      finish(std::move(c));
    }
  }

  // "the office in Paris" -> (the office)-[is in]->(Paris); "wealthy
  // aristocrat" -> (aristocrat)-[is]->(wealthy). Weak evidence: scored low,
  // and kept as Propositions only when a canonical relation applies.
  void modifiers(int n) {
    if (t_.has_cop(n)) return;
    for (int m : t_.kids(n)) {
      if (t_.rel(m) != "nmod" || t_.markers(m).empty() || m < n) continue;
      Slot arg = make_slot(t_, m, "");
      arg.role = t_.marker_text(arg.marker);
      if (arg.role == "of" || arg.role == "'s") continue;
      Clause c;
      c.kind = Construction::Modifier;
      c.pred = n;
      c.synthetic = be(n);
      c.lemma = t_.lem(n);
      c.subj = make_slot(t_, n, "subj");
      std::erase_if(c.subj.words, [&](int w) { return w >= arg.marker.front(); });
      t_.trim(c.subj.words);
      c.args.push_back(std::move(arg));
      c.depth = 1;
      finish(std::move(c));
    }
    for (int a : t_.kids(n)) {
      if (t_.rel(a) != "amod" || t_.tok(a).upos != "ADJ" || a > n || !t_.kids(a).empty()) continue;
      if (t_.lex().vague_adjectives.contains(t_.lem(a))) continue;
      Clause c;
      c.kind = Construction::Modifier;
      c.pred = n;
      c.synthetic = be(n);
      c.lemma = "be";
      c.subj.role = "subj";
      c.subj.head = n;
      for (int k : t_.kids(n))
        if (k > a && (t_.brel(k) == "compound" || t_.brel(k) == "flat" || t_.brel(k) == "amod"))
          t_.collect(k, c.subj.words);
      c.subj.words.push_back(n);
      for (int k : t_.kids(n))
        if (k > n && t_.brel(k) == "flat") t_.collect(k, c.subj.words);
      std::sort(c.subj.words.begin(), c.subj.words.end());
      Slot attr;
      attr.role = "attr";
      attr.head = a;
      attr.words = {a};
      c.args.push_back(attr);
      c.depth = 1;
      finish(std::move(c));
    }
  }
  // "Interior Minister John Smith": a name whose compound modifiers hold a
  // title word listed in the schema (holds_role).
  void title(int n) {
    if (t_.rel(n) == "compound" || t_.rel(n) == "flat") return;
    int title_word = -1;
    for (int k : t_.kids(n))
      if ((t_.rel(k) == "compound" || t_.rel(k) == "nmod:desc") && k < n &&
          !t_.schema().canonical(Construction::Title, t_.lem(k), "", "").empty())
        title_word = k;
    // Any common noun right before a name describes it too ("author Jane
    // Doe", "keyboardist Lee"); without a schema title it is no role.
    if (title_word < 0)
      for (int k : t_.kids(n))
        if ((t_.rel(k) == "compound" || t_.rel(k) == "nmod:desc") && k < n && t_.tok(k).upos == "NOUN" &&
            (t_.tok(k).xpos == "NN" || t_.tok(k).xpos == "NNS") && t_.head(k) == n) {
          bool next_is_name = k + 1 < t_.size() && t_.tok(k + 1).upos == "PROPN";
          if (next_is_name) title_word = k;
        }
    if (title_word < 0) return;
    bool generic = t_.schema().canonical(Construction::Title, t_.lem(title_word), "", "").empty();
    std::vector<int> title_words, name_words;
    for (int k : t_.kids(n)) {
      auto b = t_.brel(k);
      if (k < title_word && (b == "compound" || b == "amod" || t_.rel(k) == "nmod:desc")) t_.collect(k, title_words);
      if (k == title_word) t_.collect(k, title_words);
      if (k > title_word && (b == "compound" || b == "flat")) t_.collect(k, name_words);
    }
    name_words.push_back(n);
    for (int k : t_.kids(n))
      if (t_.brel(k) == "flat" && !contains(name_words, k)) t_.collect(k, name_words);
    std::sort(title_words.begin(), title_words.end());
    std::sort(name_words.begin(), name_words.end());
    Clause c;
    c.kind = Construction::Title;
    c.generic = generic;
    c.pred = title_word;
    c.synthetic = be(n);
    c.lemma = t_.lem(title_word);
    c.subj.role = "subj";
    c.subj.head = n;
    c.subj.words = name_words;
    Slot role;
    role.role = "attr";
    role.head = title_word;
    role.words = title_words;
    c.args.push_back(role);
    c.depth = 1;
    finish(std::move(c));
  }

  // "King's grandmother" -> (King)-[has]->(grandmother).
  void possessive(int n, int p) {
    if (!t_.schema().canonical(Construction::Nominal, t_.lem(n), "", "").empty()) return;  // an event: see below
    Clause c;
    c.kind = Construction::Possessive;
    c.pred = n;
    c.synthetic = "has";
    // A work and its maker ("the commission's report" -> published) when the
    // schema lists the noun under "poss"; plain possession otherwise.
    c.lemma = t_.schema().canonical(Construction::Possessive, t_.lem(n), "", "").empty() ? "have" : t_.lem(n);
    c.subj = make_slot(t_, p, "subj");
    // The possessor's clitic ('s) is not part of its name.
    std::erase_if(c.subj.words, [&](int w) { return t_.brel(w) == "case"; });
    Slot thing = make_slot(t_, n, "obj");
    thing.marker.clear();
    std::vector<int> poss;
    t_.collect(p, poss);
    std::erase_if(thing.words, [&](int w) { return contains(poss, w); });
    // Keep only the noun and its close modifiers: drop nmods' subtrees too.
    std::vector<int> drop;
    for (int k : t_.kids(n))
      if (t_.brel(k) == "nmod" || t_.brel(k) == "acl") t_.collect(k, drop);
    std::erase_if(thing.words, [&](int w) { return contains(drop, w) && w != n; });
    t_.trim(thing.words);
    if (thing.words.empty()) return;
    c.args.push_back(thing);
    c.depth = 1;
    finish(std::move(c));
  }

  // "Smith's visit to France", "the acquisition of 8 helicopters by X":
  // a nominal listed in the schema, its possessor or by-phrase as agent.
  void event_nominal(int n) {
    auto lemma = t_.lem(n);
    if (t_.schema().canonical(Construction::Nominal, lemma, "", "").empty()) return;
    Clause c;
    c.kind = Construction::Nominal;
    c.pred = n;
    c.lemma = lemma;
    c.verbs = {n};
    std::vector<Slot> rest;
    for (int k : t_.kids(n)) {
      auto r = t_.rel(k);
      if (r == "nmod:poss") {
        c.subj = make_slot(t_, k, "subj");
        std::erase_if(c.subj.words, [&](int w) { return t_.brel(w) == "case"; });
      } else if (t_.brel(k) == "nmod") {
        Slot s = make_slot(t_, k, "");
        s.role = t_.marker_text(s.marker);
        if (s.role == "by" && c.subj.head < 0) {
          s.role = "subj";
          s.marker.clear();
          c.subj = s;
        } else if (on(Rule::BetweenParties) && s.role == "between" && c.subj.head < 0 && rest.empty()) {
          // "cooperation between X and Y": the parties, X as subject.
          auto alts = alternatives(t_, s);
          if (alts.size() < 2) continue;
          c.subj = alts[0];
          c.subj.distributed = true;
          c.subj.role = "subj";
          c.subj.marker.clear();
          Slot other = alts[1];
          other.role = "with";
          other.marker.clear();
          rest.push_back(std::move(other));
        } else {
          rest.push_back(std::move(s));
        }
      }
    }
    // "facilitated the acquisition of arms by X": an active verb does not take
    // a by-agent, so the by-phrase the parse gave it is the nominal's.
    if (c.subj.head < 0 && t_.rel(n) == "obj") {
      if (int b = stray_agent(n); b >= 0) {
        c.subj = make_slot(t_, b, "subj");
        c.subj.marker.clear();
      }
    }
    // A light verb's object: "X held talks with Y", "X paid a visit to Y".
    if (on(Rule::LightVerb) && c.subj.head < 0 && t_.rel(n) == "obj" && t_.head(n) >= 0 &&
        t_.lex().light_verbs.contains(t_.lem(t_.head(n)))) {
      c.subj = subject(t_.head(n));
      c.depth = 0;
    }
    if (c.subj.head < 0 || rest.empty()) return;
    for (auto& s : rest) {
      if (s.role == "of") {
        s.role = "obj";
        s.marker.clear();
      }
      c.args.push_back(std::move(s));
    }
    std::stable_sort(c.args.begin(), c.args.end(),
                     [](const Slot& a, const Slot& b) { return (a.role == "obj") > (b.role == "obj"); });
    if (!c.args.empty() && c.args.front().role == "obj") c.object_lemma = t_.lem(c.args.front().head);
    if (t_.rel(n) != "obj") c.depth = 1;
    attributes(c, {n});
    finish(std::move(c));
  }

  // The "by" oblique of the active verb whose object is the event nominal n,
  // when n has an of-phrase and no agent of its own; -1 otherwise.
  int stray_agent(int n) const {
    int v = t_.head(n);
    if (!on(Rule::StrayAgent) || v < 0 || !t_.is_verb(v) || t_.child(v, "nsubj:pass") >= 0 ||
        t_.child(v, "aux:pass") >= 0)
      return -1;
    bool has_of = false;
    for (int k : t_.kids(n))
      if (t_.brel(k) == "nmod" && t_.marker_text(t_.markers(k)) == "of") has_of = true;
    if (!has_of) return -1;
    for (int k : t_.kids(v))
      if (t_.brel(k) == "obl" && k > n && t_.marker_text(t_.markers(k)) == "by") return k;
    return -1;
  }

  // Distributes coordination and stores the clause variants.
  void finish(Clause c) {
    std::sort(c.verbs.begin(), c.verbs.end());
    c.verbs.erase(std::unique(c.verbs.begin(), c.verbs.end()), c.verbs.end());
    std::sort(c.aux.begin(), c.aux.end());
    c.aux.erase(std::unique(c.aux.begin(), c.aux.end()), c.aux.end());
    std::erase_if(c.args, [&](const Slot& s) {
      // Empty, or nothing but a stranded preposition / particle.
      return std::all_of(s.words.begin(), s.words.end(),
                         [&](int w) { return t_.tok(w).upos == "ADP" || t_.tok(w).upos == "PART"; });
    });
    // Objects first, then obliques after the predicate, then fronted ones
    // ("In 1941, ..."), each group in sentence order.
    int pred = c.pred;
    std::stable_sort(c.args.begin(), c.args.end(), [pred](const Slot& a, const Slot& b) {
      auto rank = [pred](const Slot& s) {
        if (s.role == "obj" || s.role == "iobj" || s.role == "attr" || s.role == "comp") return 0;
        return (s.marker.empty() ? s.head : s.marker.front()) > pred ? 1 : 2;
      };
      if (rank(a) != rank(b)) return rank(a) < rank(b);
      return a.head < b.head;
    });
    if (c.agent >= 0) {
      // Sorting moved the agent: find it again by its role.
      c.agent = -1;
      if (c.passive)
        for (std::size_t i = 0; i < c.args.size(); ++i)
          if (c.args[i].role == "by") c.agent = static_cast<int>(i);
    }
    std::vector<Clause> variants{c};
    auto expand = [&](auto get) {
      std::vector<Clause> next;
      for (auto v : variants) {
        auto alts = alternatives(t_, get(v));
        for (std::size_t a = 0; a < alts.size() && next.size() < kMaxVariants; ++a) {
          Clause copy = v;
          get(copy) = alts[a];
          copy.distributed = copy.distributed || alts.size() > 1;
          next.push_back(std::move(copy));
        }
      }
      variants = std::move(next);
    };
    if (c.subj.head >= 0) expand([](Clause& x) -> Slot& { return x.subj; });
    for (std::size_t i = 0; i < c.args.size(); ++i) expand([i](Clause& x) -> Slot& { return x.args[i]; });
    for (auto& v : variants) out_.push_back(std::move(v));
  }

  // "is" / "are" for a subject headed by word `h`. Always present tense:
  // following the sentence's tense matched CaRB's gold worse (F1 0.415 vs
  // 0.419 on the development split).
  std::string be(int h) const {
    bool plural = h >= 0 && (t_.tok(h).xpos == "NNS" || t_.tok(h).xpos == "NNPS");
    return plural ? "are" : "is";
  }

  const Tree& t_;
  const ClauseRules& rules_;
  std::vector<Clause> out_;
};

// not English: rule names
constexpr std::array<std::string_view, kRuleCount> kRuleNames = {
    "relations.copula",
    "relations.verb",
    "relations.apposition",
    "relations.title",
    "relations.possessive",
    "relations.event_nominal",
    "relations.modifier",
    "relations.passive",
    "relations.purpose_clause",
    "relations.object_control",
    "relations.gerund_chain",
    "relations.gerund_adverbial",
    "relations.time_adverbial",
    "relations.shared_aux",
    "relations.shared_object",
    "relations.chain_complement",
    "relations.relative_gap",
    "relations.reported_clause",
    "relations.light_verb",
    "relations.stray_agent",
    "relations.between_parties",
    "relations.passive_voice",
    "relations.event_arguments",
    "relations.with_absolute",
    "relations.light_verb_noun",
    "relations.control_object",
    "relations.subjectless_complement",
    "relations.coordinated_passive",
    "relations.object_oblique",
    "relations.from_to",
    "relations.adjective_complement",
};

}  // namespace

const std::array<std::string_view, kRuleCount>& rule_names() { return kRuleNames; }

std::shared_ptr<const ClauseLexicon> ClauseLexicon::load(const std::string& schemas_dir) {
  const auto& res = Resources::shared(schemas_dir);
  auto lex = std::make_shared<ClauseLexicon>();
  lex->object_control = WordSet(res.lexicon("object_control_verbs"));
  lex->complement_preps = WordSet(res.lexicon("complement_prepositions"));
  lex->adverbial_preps = WordSet(res.lexicon("adverbial_gerund_prepositions"));
  lex->time_units = WordSet(res.lexicon("time_units"));
  lex->vague_adjectives = WordSet(res.lexicon("vague_adjectives"));
  lex->light_verbs = WordSet(res.lexicon("light_verbs"));
  lex->relativizers = WordSet(res.lexicon("relativizers"));
  lex->negation = WordSet(res.lexicon("negation_words"));
  lex->place_preps = WordSet(res.lexicon("place_prepositions"));
  lex->adjunct_preps = WordSet(res.lexicon("adjunct_prepositions"));
  std::string lemmas, forms;
  for (const auto& row : res.lexicon("modal_auxiliaries").rows())
    (row.size() > 2 && row[2] == "form" ? forms : lemmas) += row[0] + "\t" + row[1] + "\n";
  lex->modal_by_lemma = WordMap(Lexicon("modal_auxiliaries", "modal_auxiliaries.tsv", lemmas));
  lex->modal_by_form = WordMap(Lexicon("modal_auxiliaries", "modal_auxiliaries.tsv", forms));
  return lex;
}

ClauseRules ClauseRules::from(const std::vector<std::string>& disable, const std::string& schemas_dir) {
  ClauseRules rules;
  rules.lexicon = ClauseLexicon::load(schemas_dir);
  for (const auto& d : disable)
    for (std::size_t i = 0; i < kRuleCount; ++i)
      if (kRuleNames[i] == d) rules.enabled[i] = false;
  return rules;
}

std::string words_text(const Sentence& sentence, const std::vector<int>& words) {
  std::string out;
  for (int i : words) {
    if (!out.empty()) out += ' ';
    out += sentence.tokens[i].form;
  }
  return out;
}

std::vector<Clause> find_clauses(const Sentence& sentence, const RelationSchema& schema, const ClauseRules& rules) {
  static const auto fallback = ClauseLexicon::load();
  Tree tree(sentence, schema, rules.lexicon ? *rules.lexicon : *fallback);
  return Finder(tree, rules).run();
}

std::vector<Clause> find_clauses(const Sentence& sentence, const RelationSchema& schema) {
  static const ClauseRules defaults;
  return find_clauses(sentence, schema, defaults);
}

}  // namespace relgraph::detail
