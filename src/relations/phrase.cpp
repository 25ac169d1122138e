// literal_phrase(): the short phrase of a literal node, in steps: drop the
// asides, trim the edges, cut at a comma after the head (not one inside a
// list of conjuncts, graph.literal_list), render, strip a
// possessive ending and unpaired quotes. Tests: tests/pipeline_test.cpp
#include "relations/phrase.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>
#include <span>

#include "core/resources.hpp"
#include "core/strings.hpp"

namespace relgraph {
namespace detail {
namespace {

std::string lower(std::string_view s) { return relgraph::detail::ascii_lower(s); }

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

// determiners.tsv: form -> kind (article, demonstrative, possessive).
std::string_view determiner_kind(const std::string& word) {
  static const Lexicon& lex = Resources::shared().lexicon("determiners");
  return lex.value(word);
}

struct Keep {
  const std::vector<Token>& toks;
  int first, last;
  std::vector<bool> keep;
  void drop(int i) {
    keep[i] = false;
    for (int j = first; j < last; ++j)
      if (toks[j].head - 1 == i && keep[j]) drop(j);
  }
};

// Relative clauses, appositions, parentheticals and, for a nominal head, the
// clause material hanging on it (a copula, adverbial clauses).
void drop_asides(Keep& k, const Argument& arg) {
  // not English: UD relation labels
  static const std::set<std::string> asides = {"acl:relcl", "appos", "parataxis", "dislocated", "vocative",
                                               "advcl",     "cop",   "aux",       "aux:pass",   "expl"};
  static const std::set<std::string> clause_parts = {"advcl", "cop", "aux", "aux:pass", "expl"};
  const auto& toks = k.toks;
  int n = static_cast<int>(toks.size());
  bool nominal = arg.head >= 0 && arg.head < n && (toks[arg.head].upos == "NOUN" || toks[arg.head].upos == "PROPN");
  for (int i = k.first; i < k.last; ++i) {
    int h = toks[i].head - 1;
    if (!nominal && clause_parts.count(toks[i].deprel)) continue;  // "the plan would fail" keeps "would"
    // An adverbial clause deep inside a participle ("men suspected of planning
    // the attack") is part of it; only the head's own asides go.
    bool deep_advcl = toks[i].deprel == "advcl" && h != arg.head && h >= 0 && toks[h].deprel.rfind("acl", 0) == 0 &&
                      toks[h].deprel != "acl:relcl";
    if (i != arg.head && h >= k.first && h < k.last && asides.count(toks[i].deprel) && k.keep[i] && !deep_advcl)
      k.drop(i);
  }
}

// A date inside a phrase ("the magazine in October 2017") belongs to the
// event, not to the concept.
// `mentions`: those of the argument's sentence.
void drop_dates(Keep& k, const Document& doc, const Argument& arg, std::span<const int> mentions) {
  const auto& toks = k.toks;
  for (int mi : mentions) {
    const auto& m = doc.mentions[mi];
    if (m.type != "DATE" && m.type != "TIME") continue;
    for (int i = std::max(k.first, m.span.first); i < std::min(k.last, m.span.last); ++i) {
      int h = toks[i].head - 1;
      bool top = h < m.span.first || h >= m.span.last;  // the date's own head word
      if (top && i != arg.head && h != -1 && k.keep[i] &&
          (toks[i].deprel.rfind("nmod", 0) == 0 || toks[i].deprel.rfind("obl", 0) == 0))
        k.drop(i);
    }
  }
}

// Leading determiners, possessive pronouns, complementizers, punctuation and
// a preposition governing the whole phrase ("during his visit to Kyiv") go.
void trim_front(std::vector<int>& words, const std::vector<Token>& toks, const Argument& arg) {
  while (!words.empty()) {
    const auto& t = toks[words.front()];
    std::string_view kind = determiner_kind(lower(t.form));
    bool possessive = t.upos == "PRON" && (t.xpos == "PRP$" || kind == "possessive");
    bool det = t.upos == "DET" && (kind == "article" || kind == "demonstrative");
    bool governing_case = t.upos == "ADP" && t.deprel == "case" && t.head - 1 == arg.head;
    if (t.upos == "PUNCT" || t.upos == "SCONJ" || possessive || det || governing_case)
      words.erase(words.begin());
    else
      break;
  }
}

// A fronted phrase before a comma that precedes the head ("in particular,
// terrorist groups"), punctuation left at the edge of a removed aside
// ("visit , aims") and everything after a comma following the head go.
void trim_commas(std::vector<int>& words, const std::vector<Token>& toks, const Argument& arg, bool lists) {
  for (std::size_t k = words.size(); k-- > 0;) {
    if (words[k] < arg.head && toks[words[k]].form == ",") {
      words.erase(words.begin(), words.begin() + static_cast<long>(k) + 1);
      break;
    }
  }
  for (std::size_t k = 0; k < words.size();) {
    bool gap_before = k > 0 && words[k - 1] != words[k] - 1;
    bool gap_after = k + 1 < words.size() && words[k + 1] != words[k] + 1;
    if (toks[words[k]].upos == "PUNCT" && (gap_before || gap_after) && toks[words[k]].form != "\"")
      words.erase(words.begin() + static_cast<long>(k));
    else
      ++k;
  }
  auto kept = [&](int w) { return std::find(words.begin(), words.end(), w) != words.end(); };
  // A comma between conjuncts of the phrase ("weeds, pests and diseases")
  // belongs to it: UD hangs it on the next conjunct.
  auto in_list = [&](int comma) {
    if (!lists) return false;
    int c = toks[comma].head - 1;
    if (c <= comma || c >= static_cast<int>(toks.size()) || toks[c].deprel != "conj" || !kept(c)) return false;
    int first = toks[c].head - 1;
    return first >= 0 && first < comma && first != arg.head && kept(first);
  };
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (toks[words[k]].form == "," && words[k] > arg.head && k >= 1 && !in_list(words[k])) {
      words.resize(k);
      break;
    }
  }
}

bool function_word(const Token& t) {
  const auto& u = t.upos;
  return u == "PUNCT" || u == "ADP" || u == "CCONJ" || u == "SCONJ" || u == "DET" || u == "PART" || u == "AUX";
}

// A possessive ending ("Doe's", "Jones’") belongs to the larger phrase;
// quotes that lost their partner go.
std::string strip_edges(std::string out) {
  for (std::string_view suf : {"\xE2\x80\x99s", "'s", "\xE2\x80\x99", "'"}) {
    if (out.size() > suf.size() + 1 && out.compare(out.size() - suf.size(), suf.size(), suf) == 0) {
      out.resize(out.size() - suf.size());
      break;
    }
  }
  for (std::string_view q : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D"}) {
    if (out.size() >= q.size() && out.compare(0, q.size(), q) == 0) out.erase(0, q.size());
    if (out.size() >= q.size() && out.compare(out.size() - q.size(), q.size(), q) == 0)
      out.resize(out.size() - q.size());
  }
  return out;
}

}  // namespace

std::vector<int> phrase_words(const Document& doc, const Argument& arg, const std::vector<int>& relation) {
  std::vector<int> mentions;
  for (int m = 0; m < static_cast<int>(doc.mentions.size()); ++m)
    if (doc.mentions[m].span.sentence == arg.span.sentence) mentions.push_back(m);
  return phrase_words(doc, arg, relation, mentions);
}

std::vector<int> phrase_words(const Document& doc, const Argument& arg, const std::vector<int>& relation,
                              std::span<const int> mentions) {
  const Span& sp = arg.span;
  const auto& toks = doc.sentences[sp.sentence].tokens;
  int n = static_cast<int>(toks.size());
  Keep k{toks, std::max(0, sp.first), std::min(n, sp.last), std::vector<bool>(n, false)};
  for (int i = k.first; i < k.last; ++i) k.keep[i] = true;
  drop_asides(k, arg);
  for (int w : relation)
    if (w != arg.head && w >= k.first && w < k.last && k.keep[w]) k.drop(w);
  drop_dates(k, doc, arg, mentions);
  std::vector<int> words;
  for (int i = k.first; i < k.last; ++i)
    if (k.keep[i]) words.push_back(i);
  return words;
}

std::string render_words(const Document& doc, const std::vector<int>& words, int sentence) {
  const auto& toks = doc.sentences[sentence].tokens;
  std::string out;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const Token& t = toks[words[k]];
    if (k > 0) {
      const Token& prev = toks[words[k - 1]];
      if (t.begin == prev.begin && t.end == prev.end) continue;  // multiword token parts share a span
      bool adjacent = words[k] == words[k - 1] + 1;
      if (!adjacent || prev.space_after || t.begin > prev.end) out += ' ';
    }
    if (t.end <= doc.text.size() && t.begin < t.end)
      out.append(doc.slice(t.begin, t.end));
    else
      out += t.form;
  }
  return out;
}

namespace {

// `mentions`: those of the argument's sentence, or null to look them up.
std::string phrase(const Document& doc, const Argument& arg, int max_words, const std::vector<int>& relation,
                   const std::span<const int>* mentions, bool lists) {
  const Span& sp = arg.span;
  if (sp.sentence < 0 || sp.sentence >= static_cast<int>(doc.sentences.size()) || sp.empty()) return trim(arg.text);
  const auto& toks = doc.sentences[sp.sentence].tokens;
  std::vector<int> words = mentions ? phrase_words(doc, arg, relation, *mentions) : phrase_words(doc, arg, relation);
  trim_front(words, toks, arg);
  trim_commas(words, toks, arg, lists);
  if (static_cast<int>(words.size()) > max_words) words.resize(max_words);
  while (!words.empty() && function_word(toks[words.back()])) words.pop_back();
  return trim(strip_edges(render_words(doc, words, sp.sentence)));
}

}  // namespace

std::string sentence_literal_phrase(const Document& doc, const Argument& arg, int max_words,
                                    const std::vector<int>& relation, std::span<const int> mentions, bool lists) {
  return phrase(doc, arg, max_words, relation, &mentions, lists);
}

}  // namespace detail

std::string literal_phrase(const Document& doc, const Argument& arg, int max_words, const std::vector<int>& relation) {
  return detail::phrase(doc, arg, max_words, relation, nullptr, true);
}

}  // namespace relgraph
