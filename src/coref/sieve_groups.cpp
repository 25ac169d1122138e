// Sieve coref.group: a plural pronoun no name took ("they", "them", "their")
// names the group a plural or collective common noun before it introduced:
// "Company officials said they would appeal", "The crew landed. They ...".
// The group's phrase becomes a nominal mention labelled by its own words, so
// the group is one node however often the text says "they".
// Tests: tests/coref_test.cpp (Sieve*)
#include <algorithm>
#include <cctype>
#include <deque>

#include "core/strings.hpp"
#include "coref/resolver.hpp"

namespace relgraph::coref_impl {
namespace {

bool subject(const Token& t) { return t.deprel.rfind("nsubj", 0) == 0; }

constexpr std::size_t kMaxGroupPhrases = 32;

}  // namespace

// Word j heads a phrase that may introduce a group: a plural noun or a
// collective one (schemas/lexicon/group_nouns.tsv, organisation_nouns.tsv)
// that is an argument, outside every name and value, and no unit of measure.
bool Resolver::group_noun(int s, int j) const {
  const Token& k = tok(s, j);
  if (k.upos != "NOUN" || !word_in_body(s, j)) return false;
  // A capitalised noun inside a sentence belongs to a name or title ("Better Idea of Afghan Girls").
  if (j > 0 && !k.form.empty() && std::isupper(static_cast<unsigned char>(k.form[0]))) return false;
  std::string lemma = lower(k.lemma.empty() ? k.form : k.lemma);
  bool collective = words("group_nouns", lemma) || words("organisation_nouns", lemma);
  if (k.xpos != "NNS" && !collective) return false;
  if (words("time_units", lemma) || words("measure_units", lemma)) return false;
  // not English: dependency relations of an argument.
  static const char* const kArgument[] = {"nsubj", "nsubj:pass", "obj",  "iobj",  "obl",
                                          "nmod",  "nmod:poss",  "conj", "appos", "root"};
  if (std::find(std::begin(kArgument), std::end(kArgument), k.deprel) == std::end(kArgument)) return false;
  if (int m = mention_at(s, j); m >= 0 && !group_.count(m)) return false;
  for (int m : in_sentence_.of(s)) {
    const auto& sp = doc_.mentions[m].span;
    if (sp.first <= j && j < sp.last && is_value_type(doc_.mentions[m].type)) return false;
  }
  return true;
}

// The nominal mention of the group headed at word j, made on first use: its
// determiners and modifiers, and a short "of" phrase ("a group of students").
// A bare noun ("the team") only when `bare`: it then names an earlier group.
int Resolver::group_mention(int s, int j, bool bare) {
  if (int m = mention_at(s, j); m >= 0 && group_.count(m)) return m;
  // "asked the schools to pay": the object and its clause are one argument, which a node
  // for the group alone would cut short.
  if (int v = head_of(s, j); v >= 0 && tok(s, j).deprel == "obj")
    for (int c : children(s, v))
      if (c > j && tok(s, c).deprel == "xcomp") return -1;
  int first = j, last = j + 1;
  for (int c : children(s, j)) {
    const std::string& d = tok(s, c).deprel;
    // A quantified phrase ("every team", "many schools") introduces no one group.
    if (c < j && d == "det" && !t_.words.row("determiners", lower(tok(s, c).form))) return -1;
    if (c < j && words("vague_adjectives", lower(tok(s, c).lemma.empty() ? tok(s, c).form : tok(s, c).lemma)))
      return -1;  // "other sites", "several scenarios"
    if (c < j && (d == "det" || d == "amod" || d == "compound" || d == "nummod" || d == "nmod:poss"))
      first = std::min(first, subtree(s, c).first);
    if (c > j && d == "nmod" && has_case(s, c, "of")) {
      auto [lo, hi] = subtree(s, c);
      if (lo == j + 1 && hi - lo <= 4) last = hi;
    }
  }
  for (int i = first; i < j; ++i)
    if (blocks(s, i) && tok(s, i).deprel != "compound" && tok(s, i).deprel != "amod") first = i + 1;
  int label_from = first;
  while (label_from < j && tok(s, label_from).upos == "DET" &&
         t_.words.value("determiners", lower(tok(s, label_from).form)) != "possessive")
    ++label_from;
  // A bare noun ("the team") is too vague to be a node of its own.
  if (label_from == j && last == j + 1 && !bare) return -1;
  const Token& h = tok(s, j);
  bool collective = h.xpos != "NNS";
  int m = add_mention(s, first, last, collective ? "ORG" : "MISC", "Nominal", Kind::Nominal,
                      collective ? "Organization" : "Thing");
  items_[m].label = detail::squeeze_spaces(doc_.slice(tok(s, label_from).begin, tok(s, last - 1).end));
  group_.insert(m);
  return m;
}

// The group a plural pronoun at word i names: within its sentence and the one
// before, the nearest subject that is a group (or a plural pronoun already
// bound to one), else the nearest group; an object pronoun never takes the
// subject of its own clause ("critics blamed them"). -1 if none.
int Resolver::group_antecedent(int s, int i, const std::map<std::pair<int, int>, int>& bound) {
  bool object = !subject(tok(s, i)) && tok(s, i).deprel != "nmod:poss";
  int own_subject = object ? clause_subject(s, i) : -1;
  std::pair<int, int> nearest{-1, -1}, nearest_subject{-1, -1};
  for (int ss = s; ss >= std::max(0, s - 1); --ss)
    for (int j = (ss == s ? i - 1 : ntok(ss) - 1); j >= 0; --j) {
      if (ss == s && j == own_subject) continue;
      if (!bound.count({ss, j}) && !group_noun(ss, j)) continue;
      if (nearest.first < 0) nearest = {ss, j};
      if (nearest_subject.first < 0 && subject(tok(ss, j))) nearest_subject = {ss, j};
    }
  auto pick = nearest_subject;
  if (pick.first < 0) return -1;
  if (auto b = bound.find(pick); b != bound.end()) return b->second;
  return group_mention(pick.first, pick.second);
}

// Lemmas of the adjectives and compounds before group noun j, vague ones left out.
std::set<std::string> Resolver::group_modifiers(int s, int j) const {
  std::set<std::string> out;
  for (int c : children(s, j)) {
    const Token& k = tok(s, c);
    std::string lemma = lower(k.lemma.empty() ? k.form : k.lemma);
    if (c < j && (k.deprel == "amod" || k.deprel == "compound") && !words("vague_adjectives", lemma)) out.insert(lemma);
  }
  return out;
}

// "the team", "this team", "these girls": a definite description of a group
// names the group an earlier phrase with the same noun, the same number and
// (at least) its modifiers introduced. Of several ("the Afghan team", "the
// European team"), the one the article names most often so far; ties go to
// the most recent.
void Resolver::group_descriptions() {
  struct Phrase {
    int s, j;
    std::string lemma;
    bool plural;
    std::set<std::string> mods;
  };
  // Phrases seen so far by noun and number, the most recent kMaxGroupPhrases of each: a
  // news article has a handful, a long text of repeated nouns must not cost quadratic time.
  std::map<std::pair<std::string, bool>, std::deque<Phrase>> seen;
  auto shares = [](const std::set<std::string>& a, const std::set<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const std::string& w) { return b.count(w) > 0; });
  };
  for (int s = 0; s < nsent(); ++s)
    for (int i = 0; i < ntok(s); ++i) {
      if (!group_noun(s, i) || mention_at(s, i) >= 0) continue;
      const Token& t = tok(s, i);
      Phrase here{s, i, lower(t.lemma.empty() ? t.form : t.lemma), t.xpos == "NNS", group_modifiers(s, i)};
      bool definite = false, quantified = false;
      for (int c : children(s, i)) {
        if (c > i || tok(s, c).deprel != "det") continue;
        const auto* r = t_.words.row("determiners", lower(tok(s, c).form));
        quantified |= r == nullptr;
        definite |= r && (*r)[1] != "possessive" && (*r)[2] == "definite";
      }
      if (quantified) continue;
      auto& same = seen[{here.lemma, here.plural}];
      if (definite) {
        const Phrase* pick = nullptr;
        int best_score = 0;
        for (const Phrase& p : same) {
          if (p.mods.empty() || !std::includes(p.mods.begin(), p.mods.end(), here.mods.begin(), here.mods.end()))
            continue;
          int score = 0;
          for (const Phrase& q : same) score += shares(q.mods, p.mods);
          if (score >= best_score) pick = &p, best_score = score;
        }
        if (pick) {
          int g = group_mention(pick->s, pick->j);
          int d = g >= 0 ? group_mention(s, i, true) : -1;
          if (d >= 0) unite(d, g);
        }
      }
      same.push_back(here);
      if (same.size() > kMaxGroupPhrases) same.pop_front();
    }
}

// An organisation that was the subject of a sentence outside quotations,
// within three sentences before s, when no subject between it and s could
// take a plural pronoun: "Acme denied the claims: ... She was paid. They
// also said ...". -1 if none.
int Resolver::subject_organisation(int s) {
  for (int ss = s - 1; ss >= std::max(0, s - 3); --ss)
    for (int j = ntok(ss) - 1; j >= 0; --j) {
      const Token& k = tok(ss, j);
      if (!subject(k) || quoted(ss, j)) continue;
      int m = mention_at(ss, j);
      if (m >= 0 && items_[m].head == j && cluster_type(find(m)) == "Organization") return m;
      // Another subject that could be "they" (a plural noun, a group, "they") ends the search.
      bool plural_subject = k.xpos == "NNS" || k.xpos == "NNPS" || m >= 0 ||
                            t_.words.value("personal_pronouns", lower(k.form)) == "plural";
      if (plural_subject) return -1;
    }
  return -1;
}

void Resolver::groups() {
  std::map<std::pair<int, int>, int> bound;  // plural pronoun word -> its antecedent's mention
  std::set<std::pair<int, int>> taken;
  for (int m = 0; m < nitems(); ++m)
    if (items_[m].active && items_[m].kind == Kind::Pronoun) {
      const auto& sp = doc_.mentions[m].span;
      taken.insert({sp.sentence, sp.first});
      if (t_.words.value("personal_pronouns", lower(tok(sp.sentence, sp.first).form)) == "plural")
        bound[{sp.sentence, sp.first}] = m;
    }
  for (int s = 0; s < nsent(); ++s)
    for (int i = 0; i < ntok(s); ++i) {
      const Token& t = tok(s, i);
      if (t.upos != "PRON" && t.upos != "DET") continue;
      if (t_.words.value("personal_pronouns", lower(t.form)) != "plural" || taken.count({s, i})) continue;
      if (!word_in_body(s, i) || quoted(s, i)) continue;
      int g = group_antecedent(s, i, bound);
      if (g < 0 && subject(t) && enabled(kTheyOrganisation)) g = subject_organisation(s);
      if (g < 0) continue;
      int pm = add_mention(s, i, i + 1, doc_.mentions[g].type, "Pronoun", Kind::Pronoun, items_[g].etype);
      unite(pm, g);
      bound[{s, i}] = pm;
    }
}

}  // namespace relgraph::coref_impl
