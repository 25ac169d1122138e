// Statements attributed by "according to X" (see attribution.hpp).
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

Argument argument(const Document& doc, int sentence, int head, std::vector<int> words, const std::string& role) {
  const auto& toks = doc.sentences[sentence].tokens;
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  Argument a;
  a.role = role;
  a.head = head;
  a.span = {sentence, words.front(), words.back() + 1, toks[words.front()].begin, toks[words.back()].end};
  bool contiguous = words.back() - words.front() + 1 == static_cast<int>(words.size());
  if (contiguous && a.span.end <= doc.text.size()) {
    a.text = std::string(doc.slice(a.span.begin, a.span.end));
  } else {
    for (int w : words) a.text += (a.text.empty() ? "" : " ") + toks[w].form;
  }
  for (int m = 0; m < static_cast<int>(doc.mentions.size()); ++m) {
    const auto& sp = doc.mentions[m].span;
    if (sp.sentence == sentence && sp.first <= head && head < sp.last) {
      a.mention = m;
      break;
    }
  }
  return a;
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

}  // namespace

std::vector<Proposition> Attribution::find(const Document& doc, int sentence) const {
  std::vector<Proposition> out;
  if (!enabled_ || sentence < 0 || sentence >= static_cast<int>(doc.sentences.size())) return out;
  const auto& toks = doc.sentences[sentence].tokens;
  for (const auto& tk : toks)
    if (tk.head < 0) return out;  // unparsed
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
    Proposition p;
    p.sentence = sentence;
    p.relation = "according to";
    p.lemma = "according to";
    p.canonical = "said";
    p.args = {argument(doc, sentence, speaker, who, "subj"), argument(doc, sentence, v, said, "comp")};
    p.confidence = 0.5;
    p.attributes["construction"] = "attribution";
    p.attributes["rule"] = rule_names().front();
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace relgraph::detail
