// Sieve coref.pronoun: personal and possessive pronouns (schemas/lexicon/
// personal_pronouns.tsv) by agreement and recency; rule coref.subject_it lets
// a subject "it" that is no expletive take part. Tests: tests/coref_test.cpp (Sieve*)
#include <algorithm>

#include "coref/resolver.hpp"

namespace relgraph::coref_impl {
namespace {
bool gendered(const std::string& cls) { return cls == "male" || cls == "female"; }
}  // namespace

bool Resolver::pronoun_fits(int m, const std::string& cls) {
  const auto& it = items_[m];
  if (!it.active || it.kind == Kind::Pronoun) return false;
  std::string ty = cluster_type(find(m));
  if (!gendered(cls)) return ty != "Person";
  if (ty != "Person") return false;
  auto g = gender_.find(find(m));
  return g == gender_.end() || g->second == (cls == "male" ? 'm' : 'f');
}

// Nearest plural name before the pronoun decides. An organisation may take
// "they" too, but only when no plural noun comes before the next name: in
// "worked with the FBI to track them", them = the suspects.
int Resolver::plural_antecedent(int s, int i, const std::string& cls) {
  int org_fallback = -1;
  for (int ss = s; ss >= std::max(0, s - 1); --ss) {
    for (int j = (ss == s ? i - 1 : ntok(ss) - 1); j >= 0; --j) {
      const Token& k = tok(ss, j);
      int mm = mention_at(ss, j);
      bool plural_noun = k.xpos == "NNS" || k.xpos == "NNPS";
      // Countries and places are singular.
      bool org = mm >= 0 && cluster_type(find(mm)) == "Organization";
      bool fits = mm >= 0 && items_[mm].head == j && pronoun_fits(mm, cls);
      if (fits && plural_noun) return mm;
      if (fits && org && org_fallback < 0) org_fallback = mm;
      if (plural_noun && k.upos == "NOUN") return -1;
    }
  }
  return org_fallback;
}

// The subject of the clause word i belongs to, following controlled clauses
// to their governor; -1 if none.
int Resolver::clause_subject(int s, int i) const {
  int clause = head_of(s, i);
  while (clause >= 0 && tok(s, clause).upos != "VERB" && tok(s, clause).upos != "AUX") clause = head_of(s, clause);
  int local_subject = -1;
  for (int v = clause; v >= 0 && local_subject < 0;) {
    for (int c : children(s, v))
      if (tok(s, c).deprel.rfind("nsubj", 0) == 0) local_subject = c;
    auto d = tok(s, v).deprel;
    if (local_subject < 0 && (d == "xcomp" || d == "advcl" || d == "conj"))
      v = head_of(s, v);
    else
      break;
  }
  return local_subject;
}

// The most recent fitting mention in the window (one sentence back for
// neuter pronouns, three for people); a neuter pronoun prefers a subject and
// never takes the subject of its own clause ("troops entered the country to
// fight it": it != troops).
int Resolver::singular_antecedent(int s, int i, const std::string& cls, bool subject_only) {
  bool neuter = cls == "neuter";
  long here = static_cast<long>(s) * 100000 + i, best = -1, best_subject = -1;
  int window = neuter ? 1 : 3, pick = -1, subject_pick = -1;
  int local_subject = clause_subject(s, i);
  // Mentions of one position are all in one sentence, so going sentence by
  // sentence keeps the earliest-indexed mention on ties.
  for (int ms = std::max(0, s - window); ms <= s; ++ms)
    for (int m : in_sentence_.of(ms)) {
      const auto& em = doc_.mentions[m];
      if (position(m) >= here || !pronoun_fits(m, cls)) continue;
      if (em.span.sentence == s && em.span.first <= i && i < em.span.last) continue;
      if (neuter && em.span.sentence == s && local_subject >= 0 && em.span.first <= local_subject &&
          local_subject < em.span.last)
        continue;
      if (position(m) > best) best = position(m), pick = m;
      int h = items_[m].head;
      if (neuter && h >= 0 && tok(em.span.sentence, h).deprel.rfind("nsubj", 0) == 0 && position(m) > best_subject)
        best_subject = position(m), subject_pick = m;
    }
  if (subject_only) return subject_pick >= 0 && noun_subject_between(subject_pick, s, i) ? -1 : subject_pick;
  return neuter && subject_pick >= 0 ? subject_pick : pick;
}

// Rule coref.it_nearer_subject: a singular common noun that is a subject
// between mention m and the word i of sentence s, outside any mention ("Acme
// bought the plant. The plant closed after it ..."), is the nearer thing
// "it" may name: the name is too far. Quoted words are another speaker's.
bool Resolver::noun_subject_between(int m, int s, int i) const {
  if (!enabled(kItNearerSubject)) return false;
  const auto& sp = doc_.mentions[m].span;
  for (int ss = sp.sentence; ss <= s; ++ss)
    for (int j = ss == sp.sentence ? sp.last : 0; j < (ss == s ? i : ntok(ss)); ++j) {
      const Token& t = tok(ss, j);
      if (t.upos == "NOUN" && t.xpos == "NN" && t.deprel.rfind("nsubj", 0) == 0 && mention_at(ss, j) < 0 &&
          !quoted(ss, j))
        return true;
    }
  return false;
}

// Subject "it" at word i is an expletive or stands for a clause: "it is
// likely that ...", "it seems ...", "it was Doe who ...", "it rained".
bool Resolver::expletive_it(int s, int i) const {
  int h = head_of(s, i);
  if (h < 0) return true;
  const Token& p = tok(s, h);
  std::string lemma = lower(p.lemma.empty() ? p.form : p.lemma);
  if (words("expletive_predicates", lemma)) return true;
  // A copular predicate ("it was a long day", "it is likely that ...") mostly
  // describes a situation or a clause, not a named thing.
  if (p.upos != "VERB") return true;
  for (int c : children(s, h))
    if (tok(s, c).deprel == "expl") return true;
  return false;
}

// Pronoun at word i of sentence s; `root` and `subj` (the main clause's
// subject mention) allow cataphora in fronted phrases ("During his visit, Doe ...").
void Resolver::pronoun(int s, int i, int root, int subj) {
  const Token& t = tok(s, i);
  const auto* row = t_.words.row("personal_pronouns", lower(t.form));
  if (!row || (t.upos != "PRON" && t.upos != "DET" && !t.upos.empty())) return;
  if (!word_in_body(s, i)) return;
  const std::string& cls = (*row)[1];
  // An object-only pronoun ("it") as subject is mostly expletive or clausal.
  // A subject "it" takes part only as the subject of a verb outside quotes,
  // and names a subject before it ("Acme grew. It hired ...").
  bool subject_it = false;
  if ((*row)[2] == "object" && t.deprel != "obj" && t.deprel != "obl") {
    bool subject = t.deprel == "nsubj" || t.deprel == "nsubj:pass";
    if (!subject || !enabled(kSubjectIt) || expletive_it(s, i) || quoted(s, i)) return;
    subject_it = true;
  }
  bool plural = cls == "plural";
  int pick = -1;
  if (subj >= 0 && root >= 0 && i < root && position(subj) > static_cast<long>(s) * 100000 + i &&
      pronoun_fits(subj, cls) && !plural)
    pick = subj;
  if (pick < 0) pick = plural ? plural_antecedent(s, i, cls) : singular_antecedent(s, i, cls, subject_it);
  if (pick < 0) return;
  int pm = add_mention(s, i, i + 1, doc_.mentions[pick].type, "Pronoun", Kind::Pronoun, items_[pick].etype);
  unite(pm, pick);
  if (gendered(cls)) gender_.emplace(find(pick), cls == "male" ? 'm' : 'f');
}

void Resolver::pronouns() {
  cache_types_ = true;
  type_of_root_.clear();
  for (int s = 0; s < nsent(); ++s) {
    int root = -1, subj = -1;
    for (int i = 0; i < ntok(s); ++i)
      if (tok(s, i).head == 0) root = i;
    if (root >= 0)
      for (int c : children(s, root))
        if (tok(s, c).deprel == "nsubj" && mention_at(s, c) >= 0) subj = mention_at(s, c);
    for (int i = 0; i < ntok(s); ++i) pronoun(s, i, root, subj);
  }
  cache_types_ = false;
  type_of_root_.clear();
}

}  // namespace relgraph::coref_impl
