// CoNLL 2018 shared-task evaluation (a C++ port of conll18_ud_eval.py's
// alignment and scores). Tests: tests/ud_eval_test.cpp
#include "text/ud_eval.hpp"

#include <algorithm>
#include <cstdint>

#include "core/strings.hpp"
#include "relgraph/error.hpp"

namespace relgraph {
namespace {

constexpr std::size_t kRoot = SIZE_MAX;

struct EvalWord {
  std::size_t start = 0, end = 0;  // span of its surface token in the non-whitespace text
  bool multiword = false;
  const Token* token = nullptr;
  std::size_t head = kRoot;  // global index of the head word, kRoot for the root
};

struct Side {
  std::string chars;  // all non-whitespace characters of the forms
  std::vector<EvalWord> words;
  std::vector<std::pair<std::size_t, std::size_t>> tokens, sentences;
};

std::string lower(std::string_view s) { return relgraph::detail::ascii_lower(s); }

// Appends the non-whitespace characters of `form`; returns its span.
std::pair<std::size_t, std::size_t> add_chars(std::string& chars, const std::string& form) {
  std::size_t start = chars.size();
  for (char c : form)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') chars += c;
  return {start, chars.size()};
}

Side build_side(const Document& doc) {
  Side side;
  for (const auto& s : doc.sentences) {
    std::size_t first_word = side.words.size();
    std::size_t sentence_start = side.chars.size();
    std::size_t mw = 0;
    for (std::size_t i = 0; i < s.tokens.size();) {
      if (mw < s.multiword.size() && s.multiword[mw].first == static_cast<int>(i + 1) &&
          s.multiword[mw].last >= s.multiword[mw].first) {
        const auto& m = s.multiword[mw++];
        auto span = add_chars(side.chars, m.form);
        side.tokens.push_back(span);
        for (int k = m.first; k <= m.last && k <= static_cast<int>(s.tokens.size()); ++k)
          side.words.push_back({span.first, span.second, true, &s.tokens[k - 1], kRoot});
        i = static_cast<std::size_t>(std::max(m.last, m.first));
      } else {
        auto span = add_chars(side.chars, s.tokens[i].form);
        side.tokens.push_back(span);
        side.words.push_back({span.first, span.second, false, &s.tokens[i], kRoot});
        ++i;
      }
    }
    std::size_t n = side.words.size() - first_word;
    for (std::size_t w = first_word; w < side.words.size(); ++w) {
      int h = side.words[w].token->head;
      side.words[w].head = h >= 1 && static_cast<std::size_t>(h) <= n ? first_word + h - 1 : kRoot;
    }
    if (side.chars.size() > sentence_start) side.sentences.push_back({sentence_start, side.chars.size()});
  }
  return side;
}

UdScore span_score(const std::vector<std::pair<std::size_t, std::size_t>>& gold,
                   const std::vector<std::pair<std::size_t, std::size_t>>& system) {
  UdScore score{gold.size(), system.size(), 0, 0};
  std::size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (gold[gi].first < system[si].first) {
      ++gi;
    } else if (system[si].first < gold[gi].first) {
      ++si;
    } else {
      if (gold[gi].second == system[si].second) ++score.correct;
      ++gi;
      ++si;
    }
  }
  return score;
}

bool beyond_end(const std::vector<EvalWord>& words, std::size_t i, std::size_t end) {
  if (i >= words.size()) return true;
  if (words[i].multiword) return words[i].start >= end;
  return words[i].end > end;
}

std::size_t extend_end(const EvalWord& w, std::size_t end) { return w.multiword && w.end > end ? w.end : end; }

// Aligns a region containing multiword tokens by LCS over lower-cased forms.
void align_region(const std::vector<EvalWord>& gold, const std::vector<EvalWord>& system, std::size_t gs,
                  std::size_t ge, std::size_t ss, std::size_t se, std::vector<std::size_t>& sys_to_gold) {
  std::size_t n = ge - gs, m = se - ss;
  if (n == 0 || m == 0) return;
  std::vector<std::string> gf(n), sf(m);
  for (std::size_t g = 0; g < n; ++g) gf[g] = lower(gold[gs + g].token->form);
  for (std::size_t s = 0; s < m; ++s) sf[s] = lower(system[ss + s].token->form);
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t g = n; g-- > 0;)
    for (std::size_t s = m; s-- > 0;) {
      int v = gf[g] == sf[s] ? 1 + lcs[g + 1][s + 1] : 0;
      lcs[g][s] = std::max({v, lcs[g + 1][s], lcs[g][s + 1]});
    }
  std::size_t g = 0, s = 0;
  while (g < n && s < m) {
    if (gf[g] == sf[s]) {
      sys_to_gold[ss + s] = gs + g;
      ++g;
      ++s;
    } else if (lcs[g][s] == lcs[g + 1][s]) {
      ++g;
    } else {
      ++s;
    }
  }
}

// sys_to_gold[i]: the gold word aligned with system word i, or kRoot.
std::vector<std::size_t> align_words(const std::vector<EvalWord>& gold, const std::vector<EvalWord>& system) {
  std::vector<std::size_t> sys_to_gold(system.size(), kRoot);
  std::size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (gold[gi].multiword || system[si].multiword) {
      std::size_t end;
      if (gold[gi].multiword) {
        end = gold[gi].end;
        if (!system[si].multiword && system[si].start < gold[gi].start) ++si;
      } else {
        end = system[si].end;
        if (!gold[gi].multiword && gold[gi].start < system[si].start) ++gi;
      }
      std::size_t gs = gi, ss = si;
      while (!beyond_end(gold, gi, end) || !beyond_end(system, si, end)) {
        if (gi < gold.size() && (si >= system.size() || gold[gi].start <= system[si].start)) {
          end = extend_end(gold[gi], end);
          ++gi;
        } else {
          end = extend_end(system[si], end);
          ++si;
        }
      }
      align_region(gold, system, gs, gi, ss, si, sys_to_gold);
    } else if (gold[gi].start == system[si].start && gold[gi].end == system[si].end) {
      sys_to_gold[si++] = gi++;
    } else if (gold[gi].start <= system[si].start) {
      ++gi;
    } else {
      ++si;
    }
  }
  return sys_to_gold;
}

std::string universal(const std::string& deprel) { return deprel.substr(0, deprel.find(':')); }

// FEATS restricted to the universal features the CoNLL 2018 script compares
// (language-specific ones such as Typo, NumForm, ExtPos are dropped).
std::string universal_feats(const std::string& feats) {
  // not English: UD feature names
  static constexpr std::string_view kUniversal[] = {"PronType", "NumType", "Poss",   "Reflex", "Foreign",  "Abbr",
                                                    "Gender",   "Animacy", "Number", "Case",   "Definite", "Degree",
                                                    "VerbForm", "Mood",    "Tense",  "Aspect", "Voice",    "Evident",
                                                    "Polarity", "Person",  "Polite"};
  std::string out;
  std::size_t start = 0;
  while (start < feats.size()) {
    std::size_t bar = feats.find('|', start);
    if (bar == std::string::npos) bar = feats.size();
    std::string_view f(feats.data() + start, bar - start);
    std::string_view name = f.substr(0, f.find('='));
    if (std::find(std::begin(kUniversal), std::end(kUniversal), name) != std::end(kUniversal)) {
      if (!out.empty()) out += '|';
      out += f;
    }
    start = bar + 1;
  }
  return out;
}

void check_same_text(const Side& gold, const Side& system) {
  if (gold.chars == system.chars) return;
  std::size_t i = 0;
  while (i < gold.chars.size() && i < system.chars.size() && gold.chars[i] == system.chars[i]) ++i;
  auto context = [&](const std::string& s) { return "'" + s.substr(i, 20) + "'"; };
  throw Error(ErrorKind::InvalidInput, "the system and gold texts differ at non-whitespace character " +
                                           std::to_string(i) + ": gold " + context(gold.chars) + ", system " +
                                           context(system.chars));
}

}  // namespace

std::vector<std::pair<std::string, const UdScore*>> UdScores::table() const {
  return {{"Tokens", &tokens}, {"Sentences", &sentences}, {"Words", &words}, {"UPOS", &upos}, {"XPOS", &xpos},
          {"UFeats", &ufeats}, {"Lemmas", &lemmas},       {"UAS", &uas},     {"LAS", &las}};
}

UdScores evaluate_ud(const Document& gold_doc, const Document& system_doc) {
  Side gold = build_side(gold_doc), system = build_side(system_doc);
  check_same_text(gold, system);
  UdScores r;
  r.tokens = span_score(gold.tokens, system.tokens);
  r.sentences = span_score(gold.sentences, system.sentences);
  auto sys_to_gold = align_words(gold.words, system.words);
  UdScore base{gold.words.size(), system.words.size(), 0, 0};
  for (auto g : sys_to_gold) base.aligned += g != kRoot;
  base.correct = base.aligned;
  r.words = r.upos = r.xpos = r.ufeats = r.lemmas = r.uas = r.las = base;
  r.upos.correct = r.xpos.correct = r.ufeats.correct = r.lemmas.correct = r.uas.correct = r.las.correct = 0;
  for (std::size_t s = 0; s < system.words.size(); ++s) {
    std::size_t g = sys_to_gold[s];
    if (g == kRoot) continue;
    const Token& gt = *gold.words[g].token;
    const Token& st = *system.words[s].token;
    r.upos.correct += gt.upos == st.upos;
    r.xpos.correct += gt.xpos == st.xpos;
    r.ufeats.correct += universal_feats(gt.feats) == universal_feats(st.feats);
    r.lemmas.correct += gt.lemma.empty() || gt.lemma == "_" || gt.lemma == st.lemma;
    std::size_t gh = gold.words[g].head, sh = system.words[s].head;
    bool head_ok = sh == kRoot ? gh == kRoot : sys_to_gold[sh] == gh && gh != kRoot;
    if (head_ok && st.head >= 0) {
      ++r.uas.correct;
      r.las.correct += universal(gt.deprel) == universal(st.deprel);
    }
  }
  return r;
}

std::string treebank_raw_text(const Document& gold, std::vector<std::pair<std::size_t, std::size_t>>* spans) {
  std::string text;
  for (const auto& s : gold.sentences) {
    const auto& c = s.comments;
    bool new_par = c.count("newpar") || c.count("newpar id") || c.count("newdoc") || c.count("newdoc id");
    std::string sentence;
    if (auto it = c.find("text"); it != c.end()) {
      sentence = it->second;
    } else {
      std::size_t mw = 0;
      for (std::size_t i = 0; i < s.tokens.size();) {
        bool is_mw = mw < s.multiword.size() && s.multiword[mw].first == static_cast<int>(i + 1);
        const Token& last = s.tokens[is_mw ? std::min<std::size_t>(s.multiword[mw].last, s.tokens.size()) - 1 : i];
        sentence += is_mw ? s.multiword[mw].form : s.tokens[i].form;
        if (last.space_after) sentence += ' ';
        i = is_mw ? static_cast<std::size_t>(std::max(s.multiword[mw++].last, static_cast<int>(i + 1))) : i + 1;
      }
      while (!sentence.empty() && sentence.back() == ' ') sentence.pop_back();
    }
    if (!text.empty()) text += new_par ? "\n\n" : " ";
    if (spans) {
      std::size_t b = sentence.find_first_not_of(" \t"), e = sentence.find_last_not_of(" \t");
      if (b == std::string::npos)
        spans->push_back({text.size(), text.size()});
      else
        spans->push_back({text.size() + b, text.size() + e + 1});
    }
    text += sentence;
  }
  return text;
}

Document strip_annotations(const Document& gold) {
  Document doc = gold;
  for (auto& s : doc.sentences)
    for (auto& t : s.tokens) {
      t.lemma.clear();
      t.upos.clear();
      t.xpos.clear();
      t.feats.clear();
      t.head = -1;
      t.deprel.clear();
      t.ner.clear();
    }
  doc.mentions.clear();
  doc.entities.clear();
  doc.propositions.clear();
  return doc;
}

}  // namespace relgraph
