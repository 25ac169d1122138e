// Learns the tokenizer lexicon and trains the sentence-boundary perceptron on
// a treebank's reconstructed raw text. Tests: tests/tokenizer_test.cpp
#include "text/splitter_trainer.hpp"

#include <algorithm>
#include <map>
#include <random>

#include "core/perceptron_trainer.hpp"
#include "core/strings.hpp"
#include "text/chars.hpp"
#include "text/ud_eval.hpp"

namespace relgraph {
namespace {

std::string lower(std::string_view s) { return relgraph::detail::ascii_lower(s); }

bool all_letters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return detail::is_ascii_letter(c); });
}

// "u.s." / "dr." / "etc.": letters and inner periods, final period.
bool abbreviation_shape(std::string_view s) {
  if (s.size() < 2 || s.size() > 12 || s.back() != '.' || !detail::is_ascii_letter(s.front())) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c == '.' || detail::is_ascii_letter(c); });
}

struct Counts {
  std::map<std::string, int> yes, no;
  void keep_if_more(std::unordered_set<std::string>& out, int min_yes) const {
    for (const auto& [k, n] : yes) {
      auto it = no.find(k);
      if (n >= min_yes && n > (it == no.end() ? 0 : it->second)) out.insert(k);
    }
  }
};

struct Instance {
  std::vector<std::uint64_t> features;
  int label;
};

struct RawTreebank {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> sentences;
};

RawTreebank raw_treebank(const Document& treebank) {
  RawTreebank raw;
  raw.text = treebank_raw_text(treebank, &raw.sentences);
  return raw;
}

}  // namespace

TokenizerLexicon learn_lexicon(const Document& treebank) {
  Counts abbr, hyphen;
  std::map<std::string, int> mwt_count, single_count, lower_count, upper_count;
  std::map<std::string, std::vector<std::uint8_t>> mwt_split;
  for (const auto& s : treebank.sentences) {
    std::vector<bool> in_mwt(s.tokens.size(), false);
    for (const auto& m : s.multiword) {
      for (int k = m.first; k <= m.last && k <= static_cast<int>(s.tokens.size()); ++k) in_mwt[k - 1] = true;
      std::string key = lower(m.form);
      if (!all_letters(key) || key.size() > 12 || m.last - m.first + 1 > 4) continue;
      std::vector<std::uint8_t> lengths;
      std::string joined;
      for (int k = m.first; k <= m.last && k <= static_cast<int>(s.tokens.size()); ++k) {
        lengths.push_back(static_cast<std::uint8_t>(s.tokens[k - 1].form.size()));
        joined += lower(s.tokens[k - 1].form);
      }
      if (joined != key || lengths.size() < 2) continue;
      ++mwt_count[key];
      mwt_split[key] = lengths;
    }
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      if (in_mwt[i]) continue;
      const Token& t = s.tokens[i];
      std::string low = lower(t.form);
      if (all_letters(low)) {
        ++single_count[low];
        // Case counts away from the sentence start.
        if (i > 0) ++(t.form == low ? lower_count : upper_count)[low];
      }
      if (abbreviation_shape(t.form)) ++abbr.yes[low];
      bool glued_next = i + 1 < s.tokens.size() && !t.space_after && !in_mwt[i + 1];
      if (glued_next && all_letters(low) && s.tokens[i + 1].form == ".") ++abbr.no[low + "."];
      // Hyphenated words kept whole: count their first part.
      auto h = low.find('-');
      if (h != std::string::npos && h > 0 && h + 1 < low.size() && all_letters(low.substr(0, h)) &&
          detail::is_ascii_letter(low[h + 1]))
        ++hyphen.yes[low.substr(0, h)];
      // "X - Y" glued: the treebank split after X.
      if (glued_next && all_letters(low) && s.tokens[i + 1].form == "-" && !s.tokens[i + 1].space_after &&
          i + 2 < s.tokens.size())
        ++hyphen.no[low];
    }
  }
  TokenizerLexicon lex;
  for (const auto& [w, n] : lower_count) {
    auto it = upper_count.find(w);
    if (n >= 3 && n > 2 * (it == upper_count.end() ? 0 : it->second)) lex.lowercase_words.insert(w);
  }
  // Seen at least twice, so one-off typos and oddities stay out.
  abbr.keep_if_more(lex.abbreviations, 2);
  hyphen.keep_if_more(lex.hyphen_prefixes, 2);
  for (const auto& [k, n] : mwt_count) {
    auto it = single_count.find(k);
    if (n >= 3 && n > (it == single_count.end() ? 0 : it->second)) lex.multiword[k] = mwt_split[k];
  }
  return lex;
}

SplitterScore score_splitter(const SentenceSplitter& splitter, const Document& treebank) {
  RawTreebank raw = raw_treebank(treebank);
  auto tokens = tokenize_surface(raw.text, 0, raw.text.size(), splitter.lexicon());
  auto ends = splitter.split(raw.text, tokens);
  std::vector<std::pair<std::size_t, std::size_t>> system;
  std::size_t start = 0;
  bool open = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!open) start = tokens[i].begin, open = true;
    if (ends[i]) system.push_back({start, tokens[i].end}), open = false;
  }
  SplitterScore score;
  score.system = system.size();
  for (const auto& g : raw.sentences) score.gold += g.second > g.first;
  std::size_t gi = 0, si = 0;
  while (gi < raw.sentences.size() && si < system.size()) {
    if (raw.sentences[gi].first < system[si].first) {
      ++gi;
    } else if (system[si].first < raw.sentences[gi].first) {
      ++si;
    } else {
      score.correct += raw.sentences[gi].second == system[si].second;
      ++gi;
      ++si;
    }
  }
  return score;
}

SentenceSplitter train_splitter(const Document& train, const SplitterTrainOptions& options,
                                const std::function<void(const std::string&)>& log) {
  auto say = [&](const std::string& line) {
    if (log) log(line);
  };
  TokenizerLexicon learned = learn_lexicon(train);
  say("lexicon: " + std::to_string(learned.abbreviations.size()) + " abbreviations, " +
      std::to_string(learned.hyphen_prefixes.size()) + " hyphen prefixes, " + std::to_string(learned.multiword.size()) +
      " multiword forms, " + std::to_string(learned.lowercase_words.size()) + " lower-case words");
  TokenizerLexicon lexicon = TokenizerLexicon::builtin();
  lexicon.merge(learned);

  RawTreebank raw = raw_treebank(train);
  auto tokens = tokenize_surface(raw.text, 0, raw.text.size(), lexicon);
  std::vector<std::size_t> gold_ends;
  for (const auto& g : raw.sentences) gold_ends.push_back(g.second);
  std::sort(gold_ends.begin(), gold_ends.end());

  // Instances: every token whose boundary the rules leave open, with the
  // sentence length counted from the previous gold boundary.
  std::vector<Instance> instances;
  int words = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    words += tokens[i].words;
    bool gold_end = std::binary_search(gold_ends.begin(), gold_ends.end(), tokens[i].end);
    if (!detail::forced_boundary(raw.text, tokens, i, words)) {
      Instance inst{{}, gold_end ? 1 : 0};
      detail::splitter_features(raw.text, tokens, i, words, lexicon, inst.features);
      instances.push_back(std::move(inst));
    }
    if (gold_end) words = 0;
  }
  say("instances: " + std::to_string(instances.size()) + " candidate boundaries from " +
      std::to_string(raw.sentences.size()) + " sentences");

  detail::PerceptronTrainer trainer(2);
  std::mt19937_64 rng(options.seed);
  std::vector<std::size_t> order(instances.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    std::size_t errors = 0;
    for (std::size_t k : order) {
      const Instance& inst = instances[k];
      float scores[2] = {0, 0};
      trainer.score(inst.features, scores);
      int guess = scores[1] > scores[0] ? 1 : 0;
      trainer.tick();
      errors += guess != inst.label;
      // A tie counts as a mistake, so that instances without evidence still
      // teach "no boundary" instead of leaving it to rounding in the average.
      if (scores[inst.label] <= scores[1 - inst.label]) trainer.update(inst.features, inst.label, 1 - inst.label);
    }
    say("epoch " + std::to_string(epoch) + ": " + std::to_string(errors) + " training errors");
  }
  detail::Perceptron model = trainer.average(options.min_weight);
  std::size_t errors = 0;
  for (const auto& inst : instances) {
    float scores[2] = {0, 0};
    model.score(inst.features, scores);
    errors += (scores[1] > scores[0] ? 1 : 0) != inst.label;
  }
  say("averaged model: " + std::to_string(errors) + " training errors, " + std::to_string(model.num_features()) +
      " features");
  return SentenceSplitter(std::move(learned), std::move(model));
}

}  // namespace relgraph
