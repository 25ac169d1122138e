// CaRB formats and scorer (see carb.hpp for the matching rules).
// Tests: tests/carb_test.cpp
#include "relations/carb.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "core/lexicon.hpp"
#include "core/strings.hpp"
#include "relgraph/error.hpp"

namespace relgraph {
namespace {
using detail::split_tabs;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view strip(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

template <class F>
void for_each_line(std::string_view content, F f) {
  std::size_t start = 0, number = 0;
  while (start < content.size()) {
    auto nl = content.find('\n', start);
    auto line = content.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    ++number;
    f(line, number);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

// Token overlap of one slot: gold words found among the predicted words,
// each predicted word used at most once.
std::size_t overlap(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  std::vector<bool> used(predicted.size(), false);
  std::size_t n = 0;
  for (const auto& w : gold) {
    for (std::size_t i = 0; i < predicted.size(); ++i) {
      if (!used[i] && predicted[i] == w) {
        used[i] = true;
        ++n;
        break;
      }
    }
  }
  return n;
}

// Arguments as two slots: arg1 and everything after it joined.
std::vector<std::string> two_slots(const std::vector<std::string>& args) {
  if (args.size() < 2) return args;
  std::string rest;
  for (std::size_t i = 1; i < args.size(); ++i) rest += (i > 1 ? " " : "") + args[i];
  return {args[0], rest};
}

CarbMatch tuple_match(const std::string& gold_rel, const std::vector<std::string>& gold_args,
                      const std::string& sys_rel, const std::vector<std::string>& sys_args) {
  std::size_t p_num = 0, p_den = 0, r_num = 0, r_den = 0;
  auto gw = tokens(gold_rel), pw = tokens(sys_rel);
  p_den += pw.size();
  r_den += gw.size();
  std::size_t m = overlap(gw, pw);
  if (m == 0) return {};
  p_num += m;
  r_num += m;
  for (std::size_t i = 0; i < gold_args.size(); ++i) {
    auto g = tokens(gold_args[i]);
    r_den += g.size();
    std::vector<std::string> p;
    if (i < sys_args.size()) {
      p = tokens(sys_args[i]);
      p_den += p.size();
    }
    m = overlap(g, p);
    if (m == 0 && i < 2) return {};
    p_num += m;
    r_num += m;
  }
  CarbMatch out;
  out.precision = p_den ? static_cast<double>(p_num) / static_cast<double>(p_den) : 0.0;
  out.recall = r_den ? static_cast<double>(r_num) / static_cast<double>(r_den) : 0.0;
  return out;
}

bool is_punct(unsigned char c) { return c < 128 && std::ispunct(c); }

}  // namespace

std::string carb_sentence_key(std::string_view sentence) {
  std::string s(sentence);
  for (const char* esc : {"-LRB-", "-RRB-", "-LSB-", "-RSB-", "-LCB-", "-RCB-"})
    for (auto pos = s.find(esc); pos != std::string::npos; pos = s.find(esc)) s.erase(pos, 5);
  std::string out;
  for (unsigned char c : s)
    if (!is_space(static_cast<char>(c)) && !is_punct(c)) out += static_cast<char>(c);
  return out;
}

std::vector<CarbExtraction> read_carb_gold(std::string_view content, const std::string& source) {
  std::vector<CarbExtraction> out;
  for_each_line(content, [&](std::string_view line, std::size_t number) {
    line = strip(line);
    if (line.empty()) return;
    auto f = split_tabs(line);
    if (f.size() < 2)
      throw Error(ErrorKind::Format, source + ":" + std::to_string(number) +
                                         ": expected sentence<TAB>relation<TAB>arguments, found " +
                                         std::to_string(f.size()) + " field(s)");
    CarbExtraction e;
    e.sentence = std::string(strip(f[0]));
    e.relation = std::string(strip(f[1]));
    for (std::size_t i = 2; i < f.size(); ++i) {
      // The reference reader drops context arguments ("C: ...").
      if (f[i].find("C: ") != std::string_view::npos) continue;
      e.args.emplace_back(strip(f[i]));
    }
    out.push_back(std::move(e));
  });
  return out;
}

std::vector<CarbExtraction> read_carb_system(std::string_view content, const std::string& source) {
  std::vector<CarbExtraction> out;
  for_each_line(content, [&](std::string_view line, std::size_t number) {
    line = strip(line);
    if (line.empty()) return;
    auto f = split_tabs(line);
    std::string where = source + ":" + std::to_string(number);
    if (f.size() < 3)
      throw Error(ErrorKind::Format, where + ": expected sentence<TAB>confidence<TAB>relation<TAB>arguments, found " +
                                         std::to_string(f.size()) + " field(s)");
    CarbExtraction e;
    e.sentence = std::string(f[0]);
    auto conf = strip(f[1]);
    auto [ptr, ec] = std::from_chars(conf.data(), conf.data() + conf.size(), e.confidence);
    if (ec != std::errc() || ptr != conf.data() + conf.size() || !std::isfinite(e.confidence))
      throw Error(ErrorKind::Format, where + ": confidence '" + std::string(conf) + "' is not a number");
    e.relation = std::string(f[2]);
    for (std::size_t i = 3; i < f.size(); ++i) e.args.emplace_back(f[i]);
    out.push_back(std::move(e));
  });
  return out;
}

std::string format_carb_line(const CarbExtraction& e) {
  auto clean = [](std::string s) {
    for (char& c : s)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return s;
  };
  char conf[32];
  auto [end, ec] = std::to_chars(conf, conf + sizeof conf, e.confidence, std::chars_format::fixed, 4);
  std::string out =
      clean(e.sentence) + "\t" + std::string(conf, ec == std::errc() ? end : conf) + "\t" + clean(e.relation);
  for (const auto& a : e.args) {
    out += '\t';
    out += clean(a);
  }
  return out;
}

CarbMatch carb_match(const CarbExtraction& gold, const CarbExtraction& system) {
  auto g = two_slots(gold.args), s = two_slots(system.args);
  CarbMatch straight = tuple_match(gold.relation, g, system.relation, s);
  // Reported speech: gold may put the speaker second ("said" | statement | speaker).
  bool said = false;
  static const auto speech = detail::WordSet::load("speech_verb_forms");
  for (const auto& verb : speech.words()) said = said || gold.relation.find(verb) != std::string::npos;
  if (!said) return straight;
  std::vector<std::string> reversed = s;
  if (system.args.size() >= 2) {
    std::string rest;
    for (std::size_t i = 1; i < system.args.size(); ++i) rest += (i > 1 ? " " : "") + system.args[i];
    reversed = {rest, system.args[0]};
  }
  CarbMatch rev = tuple_match(gold.relation, g, system.relation, reversed);
  // The reference takes the larger [precision, recall] pair lexicographically.
  if (rev.precision > straight.precision || (rev.precision == straight.precision && rev.recall > straight.recall))
    return rev;
  return straight;
}

CarbScore score_carb(const std::vector<CarbExtraction>& gold, const std::vector<CarbExtraction>& system) {
  CarbScore score;
  // Group by sentence key, keeping gold order.
  std::vector<std::string> gold_keys;
  std::unordered_map<std::string, std::vector<const CarbExtraction*>> gold_by, sys_by;
  for (const auto& g : gold) {
    auto k = carb_sentence_key(g.sentence);
    if (!gold_by.count(k)) gold_keys.push_back(k);
    gold_by[k].push_back(&g);
  }
  for (const auto& s : system) sys_by[carb_sentence_key(s.sentence)].push_back(&s);
  std::vector<double> thresholds;
  for (const auto& s : system) thresholds.push_back(s.confidence);
  std::sort(thresholds.begin(), thresholds.end());
  thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
  std::size_t nt = thresholds.size();
  std::vector<double> p(nt, 0), pl(nt, 0), r(nt, 0), rl(nt, 0);
  score.gold_tuples = gold.size();
  score.gold_sentences = gold_keys.size();
  score.system_tuples = system.size();

  for (const auto& key : gold_keys) {
    const auto& gs = gold_by[key];
    static const std::vector<const CarbExtraction*> kNone;
    auto it = sys_by.find(key);
    const auto& ss = it == sys_by.end() ? kNone : it->second;
    if (!ss.empty()) ++score.system_sentences_matched;
    std::vector<std::vector<CarbMatch>> m(gs.size(), std::vector<CarbMatch>(ss.size()));
    for (std::size_t i = 0; i < gs.size(); ++i)
      for (std::size_t j = 0; j < ss.size(); ++j) m[i][j] = carb_match(*gs[i], *ss[j]);
    std::vector<double> confs;
    for (const auto* s : ss) confs.push_back(s->confidence);
    std::sort(confs.begin(), confs.end());
    confs.erase(std::unique(confs.begin(), confs.end()), confs.end());
    std::size_t prev = 0;
    for (double conf : confs) {
      std::size_t c = std::lower_bound(thresholds.begin(), thresholds.end(), conf) - thresholds.begin();
      std::vector<std::size_t> kept;
      for (std::size_t j = 0; j < ss.size(); ++j)
        if (ss[j]->confidence >= conf) kept.push_back(j);
      double recall_num = 0;
      for (std::size_t i = 0; i < gs.size(); ++i) {
        double best = 0;
        for (auto j : kept) best = std::max(best, m[i][j].recall);
        recall_num += best;
      }
      // One-to-one greedy matching by precision.
      double precision_num = 0;
      std::vector<bool> row_used(gs.size(), false), col_used(ss.size(), false);
      std::size_t rounds = std::min(gs.size(), kept.size());
      for (std::size_t t = 0; t < rounds; ++t) {
        double best = -1;
        std::size_t bi = 0, bj = 0;
        for (std::size_t i = 0; i < gs.size(); ++i) {
          if (row_used[i]) continue;
          for (auto j : kept) {
            if (col_used[j]) continue;
            if (m[i][j].precision > best) best = m[i][j].precision, bi = i, bj = j;
          }
        }
        row_used[bi] = col_used[bj] = true;
        precision_num += m[bi][bj].precision;
      }
      for (std::size_t t = prev; t <= c; ++t) {
        p[t] += precision_num;
        pl[t] += static_cast<double>(kept.size());
        r[t] += recall_num;
        rl[t] += static_cast<double>(gs.size());
      }
      prev = c + 1;
    }
    for (std::size_t t = prev; t < nt; ++t) rl[t] += static_cast<double>(gs.size());
  }

  std::vector<double> prec(nt), rec(nt);
  int best = -1;
  double best_f1 = -1;
  for (std::size_t t = 0; t < nt; ++t) {
    prec[t] = pl[t] > 0 ? p[t] / pl[t] : 1.0;
    rec[t] = rl[t] > 0 ? r[t] / rl[t] : 0.0;
    double f1 = prec[t] + rec[t] > 0 ? 2 * prec[t] * rec[t] / (prec[t] + rec[t]) : 0.0;
    score.curve.push_back({thresholds[t], prec[t], rec[t]});
    if (f1 > best_f1) best_f1 = f1, best = static_cast<int>(t);
  }
  if (best >= 0) {
    score.precision = prec[best];
    score.recall = rec[best];
    score.f1 = best_f1;
    score.threshold = thresholds[best];
  }
  // Area under P(R), the point (R=0, P=1) appended; recall falls as the threshold rises.
  std::vector<double> xs = rec, ys = prec;
  xs.push_back(0);
  ys.push_back(1);
  double area = 0;
  for (std::size_t i = 0; i + 1 < xs.size(); ++i) area += (xs[i] - xs[i + 1]) * (ys[i] + ys[i + 1]) / 2;
  score.auc = nt ? area : 0.0;
  return score;
}

}  // namespace relgraph
