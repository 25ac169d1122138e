// Statements attributed by "according to X" and quotations running over
// several sentences (see attribution.hpp).
// Tests: tests/np_relations_test.cpp (Attribution.*)
#include "relations/attribution.hpp"

#include <algorithm>
#include <cctype>

#include "core/strings.hpp"

namespace relgraph::detail {
namespace {

std::string lower(std::string_view s) { return relgraph::detail::ascii_lower(s); }

struct Tree {
  const std::vector<Token>& toks;
  std::vector<std::vector<int>> kids;
  explicit Tree(const std::vector<Token>& t) : toks(t), kids(t.size()) {
    for (int i = 0; i < size(); ++i)
      if (int h = head(i); h >= 0) kids[h].push_back(i);
  }
  int size() const { return static_cast<int>(toks.size()); }
  int head(int i) const {
    int h = toks[i].head - 1;
    return h >= 0 && h < size() && h != i ? h : -1;
  }
  void collect(int i, std::vector<int>& out) const {
    out.push_back(i);
    for (int k : kids[i]) collect(k, out);
  }
  // "according" (with "to" as its fixed part or the next word) among i's case markers.
  bool according_to(int i) const {
    for (int c : kids[i]) {
      if (lower(toks[c].form) != "according" || c >= i) continue;
      for (int f : kids[c])
        if (lower(toks[f].form) == "to") return true;
      if (c + 1 < size() && lower(toks[c + 1].form) == "to") return true;
    }
    return false;
  }
};

// The argument over `words` of `sentence`; its mention is the first of the
// sentence's mentions (`index`) containing the head.
Argument argument(const Document& doc, const MentionIndex& index, int sentence, int head, std::vector<int> words,
                  const std::string& role) {
  const auto& toks = doc.sentences[sentence].tokens;
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  Argument a;
  a.role = role;
  a.head = head;
  a.span = {sentence, words.front(), words.back() + 1, toks[words.front()].begin, toks[words.back()].end};
  bool contiguous = words.back() - words.front() + 1 == static_cast<int>(words.size());
  if (contiguous && a.span.end <= doc.text.size()) {
    a.text = detail::squeeze_spaces(doc.slice(a.span.begin, a.span.end));
  } else {
    for (int w : words) a.text += (a.text.empty() ? "" : " ") + toks[w].form;
  }
  for (int m : index.of(sentence)) {
    const auto& sp = doc.mentions[m].span;
    if (sp.sentence == sentence && sp.first <= head && head < sp.last) {
      a.mention = m;
      break;
    }
  }
  return a;
}

// The attribution fact "speaker said statement" (canonical "said"), worded `relation` / `lemma`.
Proposition attribution_fact(int sentence, Argument speaker, Argument statement, const char* relation,
                             const char* lemma, const std::string& rule) {
  Proposition p;
  p.sentence = sentence;
  p.relation = relation;
  p.lemma = lemma;
  p.canonical = "said";
  p.args = {std::move(speaker), std::move(statement)};
  p.confidence = 0.5;
  p.attributes["construction"] = "attribution";
  p.attributes["rule"] = rule;
  return p;
}

void trim(const Tree& t, std::vector<int>& w) {
  std::sort(w.begin(), w.end());
  auto edge = [&](int i) {
    const auto& u = t.toks[i].upos;
    return u == "PUNCT" || u == "CCONJ" || t.toks[i].deprel == "mark";
  };
  while (!w.empty() && edge(w.front())) w.erase(w.begin());
  while (!w.empty() && edge(w.back())) w.pop_back();
}

// Is byte `at` inside a quotation, counting quotation marks from byte
// `from`? Straight quotes toggle, curly ones open and close. A quotation may
// run on into the next paragraph: a mark opening that paragraph while one is
// open continues it (news style), it does not close it.
bool open_at(const std::string& text, std::size_t from, std::size_t at) {
  at = std::min(at, text.size());
  bool open = false;
  for (std::size_t i = from; i < at; ++i) {
    bool par_start = i >= 2 && text[i - 1] == '\n' && text[i - 2] == '\n';
    if (text[i] == '"') open = (par_start && open) || !open;
    if (text.compare(i, 3, "\xE2\x80\x9C") == 0) open = true;
    if (text.compare(i, 3, "\xE2\x80\x9D") == 0) open = false;
  }
  return open;
}

bool parsed(const Sentence& s) {
  for (const auto& tk : s.tokens)
    if (tk.head < 0) return false;
  return !s.tokens.empty();
}

}  // namespace

std::vector<Proposition> Attribution::find(const Document& doc, int sentence) const {
  return find(doc, sentence, MentionIndex(doc));
}

std::vector<Proposition> Attribution::find(const Document& doc, int sentence, const MentionIndex& mentions) const {
  std::vector<Proposition> out;
  if (sentence < 0 || sentence >= static_cast<int>(doc.sentences.size())) return out;
  if (!parsed(doc.sentences[sentence])) return out;
  if (according_to_) according_to(doc, sentence, mentions, out);
  if (quotes_) quote_continuation(doc, sentence, mentions, out);
  if (quoted_clauses_) quoted_clause(doc, sentence, mentions, out);
  if (introduced_) introduced_statement(doc, sentence, mentions, out);
  if (quoted_spans_) quoted_span(doc, sentence, mentions, out);
  return out;
}

bool quote_mark(const std::string& form) {
  return form == "\"" || form == "``" || form == "''" || form == "\xE2\x80\x9C" || form == "\xE2\x80\x9D";
}

// A speech verb with a subject and a loose clause (parataxis) after it that
// opens with a quotation mark: the clause, and each loose clause it runs on
// into, is a statement of the subject.
void Attribution::quoted_clause(const Document& doc, int sentence, const MentionIndex& mentions,
                                std::vector<Proposition>& out) const {
  const auto& toks = doc.sentences[sentence].tokens;
  Tree t(toks);
  for (int v = 0; v < t.size(); ++v) {
    if (!speech_verbs_.contains(lower(toks[v].lemma))) continue;
    int subj = -1;
    for (int c : t.kids[v])
      if (toks[c].deprel == "nsubj") subj = c;
    if (subj < 0) continue;
    for (int k : t.kids[v]) {
      if (toks[k].deprel != "parataxis" || k < v) continue;
      bool quoted = false;
      for (int i = v + 1; i < k; ++i) quoted = quoted || quote_mark(toks[i].form);
      if (!quoted) continue;
      std::vector<int> statements = {k};
      for (int c : t.kids[k])
        if (toks[c].deprel == "parataxis" && c > k) statements.push_back(c);
      std::vector<int> who;
      t.collect(subj, who);
      trim(t, who);
      for (int st : statements) {
        std::vector<int> said;
        t.collect(st, said);
        if (st == k)
          std::erase_if(said, [&](int w) {
            for (int o : statements)
              for (int x = w; x >= 0 && x != k; x = t.head(x))
                if (x == o && o != k) return true;
            return false;
          });
        trim(t, said);
        if (who.empty() || said.size() < 3) continue;
        out.push_back(attribution_fact(sentence, argument(doc, mentions, sentence, subj, who, "subj"),
                                       argument(doc, mentions, sentence, st, said, "comp"), "said", "say",
                                       rule_names()[2]));
      }
    }
  }
}

// A sentence that starts inside a quotation opened in one of the few
// sentences before it, whose speech verb outside the quotation has a
// subject: that subject said this sentence's main clause.
void Attribution::quote_continuation(const Document& doc, int sentence, const MentionIndex& mentions,
                                     std::vector<Proposition>& out) const {
  const Sentence& cur = doc.sentences[sentence];
  constexpr int kReach = 6;  // sentences a quotation is followed back
  for (int s = sentence - 1; s >= 0 && s >= sentence - kReach; --s) {
    const Sentence& prev = doc.sentences[s];
    std::size_t from = prev.begin;
    if (!open_at(doc.text, from, cur.begin)) {
      // No mark since: the sentence lies inside the quotation (look further
      // back) or there is none.
      bool marks = false;
      for (std::size_t i = from; i < cur.begin && i < doc.text.size(); ++i)
        marks = marks || doc.text[i] == '"' || doc.text.compare(i, 2, "\xE2\x80") == 0;
      if (marks) return;
      continue;
    }
    if (!parsed(prev)) return;
    Tree t(prev.tokens);
    for (int v = 0; v < t.size(); ++v) {
      if (!speech_verbs_.contains(lower(prev.tokens[v].lemma)) || open_at(doc.text, from, prev.tokens[v].begin))
        continue;
      int subj = -1;
      for (int c : t.kids[v])
        if (prev.tokens[c].deprel == "nsubj") subj = c;
      if (subj < 0) continue;
      Tree q(cur.tokens);
      int root = -1;
      for (int i = 0; i < q.size(); ++i)
        if (q.head(i) < 0 && cur.tokens[i].deprel == "root") root = i;
      if (root < 0) return;
      std::vector<int> who, said;
      t.collect(subj, who);
      q.collect(root, said);
      trim(t, who);
      trim(q, said);
      if (who.empty() || said.size() < 3) return;
      out.push_back(attribution_fact(sentence, argument(doc, mentions, s, subj, who, "subj"),
                                     argument(doc, mentions, sentence, root, said, "comp"), "said", "say",
                                     rule_names()[1]));
      return;
    }
    return;
  }
}

// A sentence with no speech verb of its own that an earlier speech sentence
// introduces: one ending in a colon, whose statements fill the paragraph
// after it, or one followed by a quotation opening the next sentence, whose
// statements run to the quotation's close. The speech verb's subject said
// the sentence's main clause.
void Attribution::introduced_statement(const Document& doc, int sentence, const MentionIndex& mentions,
                                       std::vector<Proposition>& out) const {
  constexpr int kReach = 6;  // sentences followed back to the introduction
  const Sentence& cur = doc.sentences[sentence];
  auto speaks = [&](const Sentence& s) {
    return std::any_of(s.tokens.begin(), s.tokens.end(),
                       [&](const Token& t) { return speech_verbs_.contains(lower(t.lemma)); });
  };
  auto paragraph_break = [&](std::size_t from, std::size_t to) {
    to = std::min(to, doc.text.size());
    return from < to && doc.text.substr(from, to - from).find("\n\n") != std::string::npos;
  };
  if (speaks(cur)) return;
  for (int j = sentence - 1; j >= 0 && j >= sentence - kReach; --j) {
    const Sentence& intro = doc.sentences[j];
    const Sentence& first = doc.sentences[j + 1];
    bool colon = !intro.tokens.empty() && intro.tokens.back().form == ":";
    if (!colon && !speaks(intro)) {
      if (paragraph_break(first.begin, cur.begin)) return;
      continue;
    }
    if (!parsed(intro)) return;
    bool quotation = !first.tokens.empty() && quote_mark(first.tokens.front().form) &&
                     !open_at(doc.text, intro.begin, first.begin) && !paragraph_break(intro.end, first.begin) &&
                     (j + 1 == sentence || open_at(doc.text, first.begin, cur.begin));
    if (colon && paragraph_break(first.begin, cur.begin)) return;
    if (!colon && !quotation) return;
    Tree t(intro.tokens);
    for (int v = 0; v < t.size(); ++v) {
      bool verb = colon ? t.head(v) < 0 && intro.tokens[v].upos == "VERB"
                        : speech_verbs_.contains(lower(intro.tokens[v].lemma));
      if (!verb || open_at(doc.text, intro.begin, intro.tokens[v].begin)) continue;
      int subj = -1;
      for (int c : t.kids[v])
        if (intro.tokens[c].deprel == "nsubj") subj = c;
      if (subj < 0) continue;
      Tree q(cur.tokens);
      int root = -1;
      for (int i = 0; i < q.size(); ++i)
        if (q.head(i) < 0 && cur.tokens[i].deprel == "root") root = i;
      if (root < 0) return;
      std::vector<int> who, said;
      t.collect(subj, who);
      q.collect(root, said);
      trim(t, who);
      trim(q, said);
      if (who.empty() || said.size() < 3) return;
      out.push_back(attribution_fact(sentence, argument(doc, mentions, j, subj, who, "subj"),
                                     argument(doc, mentions, sentence, root, said, "comp"), "said", "say",
                                     rule_names()[3]));
      return;
    }
    return;
  }
}

// A speech verb with a subject outside the quotations of its sentence: each
// quotation with a verb that the parse does not make the verb's complement
// or loose clause (those are the clause rules' and quoted_clause's) is a
// statement of the subject, as quoted.
void Attribution::quoted_span(const Document& doc, int sentence, const MentionIndex& mentions,
                              std::vector<Proposition>& out) const {
  const Sentence& cur = doc.sentences[sentence];
  const auto& toks = cur.tokens;
  // A sentence starting inside a quotation is quote_continuation's.
  std::size_t paragraph = doc.text.rfind("\n\n", std::min(cur.begin, doc.text.size()));
  if (open_at(doc.text, paragraph == std::string::npos ? 0 : paragraph + 2, cur.begin)) return;
  Tree t(toks);
  // Quotations as [first, last) token ranges; one still open runs to the end.
  std::vector<std::pair<int, int>> spans;
  int open = -1;
  for (int i = 0; i < t.size(); ++i) {
    const auto& f = toks[i].form;
    if (!quote_mark(f)) continue;
    bool opens = f == "``" || f == "\xE2\x80\x9C" || (f == "\"" && open < 0);
    if (opens && open < 0) {
      open = i + 1;
    } else if (!opens && open >= 0) {
      spans.emplace_back(open, i);
      open = -1;
    }
  }
  if (open >= 0) spans.emplace_back(open, t.size());
  auto inside = [&](int i) {
    return std::any_of(spans.begin(), spans.end(), [&](const auto& s) { return s.first <= i && i < s.second; });
  };
  for (int v = 0; v < t.size(); ++v) {
    if (!speech_verbs_.contains(lower(toks[v].lemma)) || inside(v)) continue;
    int subj = -1;
    for (int c : t.kids[v])
      if (toks[c].deprel == "nsubj" && !inside(c)) subj = c;
    if (subj < 0) continue;
    std::vector<int> who;
    t.collect(subj, who);
    std::erase_if(who, inside);
    trim(t, who);
    if (who.empty()) continue;
    for (const auto& [first, last] : spans) {
      int head = -1;
      bool verb = false;
      for (int i = first; i < last; ++i) {
        int h = t.head(i);
        if (head < 0 && (h < first || h >= last)) head = i;
        verb = verb || toks[i].upos == "VERB" || toks[i].upos == "AUX";
      }
      if (head < 0 || !verb) continue;
      const auto& u = toks[head].upos;
      if (u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM") continue;  // a name or title, not a statement
      const auto& d = toks[head].deprel;
      if (t.head(head) == v && (d == "ccomp" || d == "parataxis")) continue;
      std::vector<int> said;
      for (int i = first; i < last; ++i) said.push_back(i);
      trim(t, said);
      if (said.size() < 3) continue;
      out.push_back(attribution_fact(sentence, argument(doc, mentions, sentence, subj, who, "subj"),
                                     argument(doc, mentions, sentence, head, said, "comp"), "said", "say",
                                     rule_names()[4]));
    }
    return;
  }
}

void Attribution::according_to(const Document& doc, int sentence, const MentionIndex& mentions,
                               std::vector<Proposition>& out) const {
  const auto& toks = doc.sentences[sentence].tokens;
  Tree t(toks);
  for (int k = 0; k < t.size(); ++k) {
    if (!t.according_to(k)) continue;
    int v = t.head(k);
    if (v < 0) continue;
    bool predicate = toks[v].upos == "VERB" || toks[v].upos == "AUX";
    for (int c : t.kids[v]) predicate = predicate || toks[c].deprel == "cop";
    if (!predicate) continue;
    // The speaker: the source phrase, or the name in apposition to it
    // ("according to the team's coach, Al Moe").
    int speaker = k;
    for (int c : t.kids[k])
      if (toks[c].deprel == "appos" && toks[c].upos == "PROPN") speaker = c;
    std::vector<int> who;
    if (speaker == k) {
      who.push_back(k);
      for (int c : t.kids[k]) {
        const auto& d = toks[c].deprel;
        if (d == "case" || d == "punct" || d == "appos" || d.rfind("acl", 0) == 0 || d == "conj" || d == "cc") continue;
        t.collect(c, who);
      }
    } else {
      t.collect(speaker, who);
    }
    trim(t, who);
    // The statement: the clause without its source.
    std::vector<int> own, said;
    t.collect(k, own);
    t.collect(v, said);
    std::erase_if(said, [&](int w) { return std::find(own.begin(), own.end(), w) != own.end(); });
    trim(t, said);
    if (who.empty() || said.size() < 2) continue;
    out.push_back(attribution_fact(sentence, argument(doc, mentions, sentence, speaker, who, "subj"),
                                   argument(doc, mentions, sentence, v, said, "comp"), "according to", "according to",
                                   rule_names().front()));
  }
}

}  // namespace relgraph::detail
