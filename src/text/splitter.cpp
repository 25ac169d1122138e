// Sentence boundary decisions: hard rules, the perceptron features shared with
// the trainer (splitter_trainer.cpp), and the splitter model file.
// Tests: tests/tokenizer_test.cpp
#include "text/splitter.hpp"

#include <algorithm>
#include <span>

#include "core/model_io.hpp"
#include "relgraph/error.hpp"
#include "text/chars.hpp"

namespace relgraph {
namespace {

std::string_view form_of(std::string_view text, const SurfaceToken& t) { return text.substr(t.begin, t.end - t.begin); }

std::string lower_capped(std::string_view s) {
  if (s.size() > 24) return "<long>";
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

char32_t first_cp(std::string_view s) {
  std::size_t len;
  return s.empty() ? 0 : detail::decode_utf8(s, 0, len);
}
char32_t last_cp(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t k = s.size() - 1;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  std::size_t len;
  return detail::decode_utf8(s, k, len);
}

// Coarse class of a character: upper, lower, digit, terminal, closing, other.
char char_class(char32_t c) {
  if (c == 0) return '0';
  if (detail::is_upper(c)) return 'X';
  if (detail::is_letter(c)) return 'x';
  if (detail::is_digit(c)) return 'd';
  if (detail::is_terminal(c)) return '.';
  if (detail::is_closing(c)) return ')';
  if (detail::is_opening(c)) return '(';
  if (c == ',' || c == ';' || c == ':') return ',';
  if (detail::is_hyphen(c)) return '-';
  return '#';
}

// Word shape with runs collapsed: "Smith" -> "Xx", "U.S." -> "X.X.", "3,000" -> "d,d".
std::string shape(std::string_view s) {
  std::string r;
  std::size_t len;
  for (std::size_t i = 0; i < s.size() && r.size() < 8; i += len) {
    char c = char_class(detail::decode_utf8(s, i, len));
    if (r.empty() || r.back() != c) r += c;
  }
  return r;
}

bool ends_line_with_final_punctuation(std::string_view text, const std::vector<SurfaceToken>& tokens, std::size_t i) {
  for (int back = 0; back < 3 && i + 1 > static_cast<std::size_t>(back); ++back) {
    char32_t c = last_cp(form_of(text, tokens[i - back]));
    if (detail::is_terminal(c)) return true;
    if (!detail::is_closing(c)) return false;
  }
  return false;
}

bool is_abbreviation(std::string_view form, const TokenizerLexicon& lex) {
  if (form.size() < 2 || form.back() != '.') return false;
  if (lex.abbreviations.count(lower_capped(form))) return true;
  // Initials: "J." or "U.S."-like tokens the tokenizer joined.
  return form.size() == 2 || (form.size() <= 8 && form.find('.') < form.size() - 1);
}

// Punctuation rule used when no model is loaded.
bool rule_boundary(std::string_view text, const std::vector<SurfaceToken>& tokens, std::size_t i,
                   const TokenizerLexicon& lex) {
  std::string_view f = form_of(text, tokens[i]);
  std::string_view next = form_of(text, tokens[i + 1]);
  char32_t n = first_cp(next);
  if (detail::is_letter(n) && !detail::is_upper(n)) return false;
  char32_t last = last_cp(f);
  if (detail::is_closing(last) && i > 0 && !detail::is_closing(n)) {
    char32_t before = last_cp(form_of(text, tokens[i - 1]));
    return detail::is_terminal(before) && (f.size() == 1 || !detail::is_alnum(first_cp(f)));
  }
  if (!detail::is_terminal(last) || detail::is_closing(n) || detail::is_terminal(n)) return false;
  return !is_abbreviation(f, lex) || f == "." || f == "...";
}

}  // namespace

namespace detail {

std::optional<bool> forced_boundary(std::string_view text, const std::vector<SurfaceToken>& tokens, std::size_t i,
                                    int words) {
  if (i + 1 >= tokens.size()) return true;
  const SurfaceToken& next = tokens[i + 1];
  if (next.newlines_before >= 2) return true;
  if (next.newlines_before == 1) {
    // A line without final punctuation is a headline or a paragraph of its
    // own; after final punctuation a line break ends the sentence unless the
    // next line goes on in lower case (hard-wrapped text).
    if (!ends_line_with_final_punctuation(text, tokens, i)) return true;
    std::size_t len;
    char32_t c = detail::decode_utf8(text, next.begin, len);
    if (!(detail::is_letter(c) && !detail::is_upper(c))) return true;
  }
  if (words >= kMaxSentenceWords) return true;
  return std::nullopt;
}

void splitter_features(std::string_view text, const std::vector<SurfaceToken>& tokens, std::size_t i, int words,
                       const TokenizerLexicon& lexicon, std::vector<std::uint64_t>& out) {
  auto form = [&](std::ptrdiff_t k) -> std::string_view {
    if (k < 0) return "<s>";
    if (k >= static_cast<std::ptrdiff_t>(tokens.size())) return "</s>";
    return form_of(text, tokens[k]);
  };
  auto p = static_cast<std::ptrdiff_t>(i);
  std::string_view f0 = form(p), f1 = form(p + 1), fm1 = form(p - 1), f2 = form(p + 2);
  std::uint64_t w0 = detail::hash_str(lower_capped(f0)), w1 = detail::hash_str(lower_capped(f1));
  std::uint64_t wm1 = detail::hash_str(lower_capped(fm1)), w2 = detail::hash_str(lower_capped(f2));
  std::uint64_t s0 = detail::hash_str(shape(f0)), s1 = detail::hash_str(shape(f1));
  std::uint64_t sm1 = detail::hash_str(shape(fm1)), s2 = detail::hash_str(shape(f2));
  const SurfaceToken* nt = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
  std::uint64_t gap = !nt ? 3 : nt->newlines_before ? 2 : nt->space_before ? 1 : 0;
  std::uint64_t abbr = is_abbreviation(f0, lexicon) ? 1 : 0;
  std::uint64_t c0 = static_cast<unsigned char>(char_class(last_cp(f0)));
  std::uint64_t c1 = static_cast<unsigned char>(char_class(first_cp(f1)));
  std::uint64_t len = static_cast<std::uint64_t>(std::min(words, 40) / 4);
  // Orthography of the next word: lower case, a capitalised common word, a capitalised other word.
  char32_t n0 = first_cp(f1);
  std::uint64_t orth = !detail::is_letter(n0)                            ? c1
                       : !detail::is_upper(n0)                           ? 'l'
                       : lexicon.lowercase_words.count(lower_capped(f1)) ? 'C'
                                                                         : 'N';
  std::uint64_t t = 0;
  out.push_back(detail::feature(t++, 1));
  out.push_back(detail::feature(t++, w0));
  out.push_back(detail::feature(t++, w1));
  out.push_back(detail::feature(t++, wm1));
  out.push_back(detail::feature(t++, w2));
  out.push_back(detail::feature(t++, s0, s1));
  out.push_back(detail::feature(t++, w0, s1));
  out.push_back(detail::feature(t++, s0, w1));
  out.push_back(detail::feature(t++, s0, s1, gap));
  out.push_back(detail::feature(t++, wm1, w0));
  out.push_back(detail::feature(t++, w0, w1));
  out.push_back(detail::feature(t++, gap));
  out.push_back(detail::feature(t++, abbr, s1));
  out.push_back(detail::feature(t++, c0, c1, gap));
  out.push_back(detail::feature(t++, len, s0));
  out.push_back(detail::feature(t++, sm1, s0, s1));
  out.push_back(detail::feature(t++, s1, s2));
  out.push_back(detail::feature(t++, w1, s2));
  out.push_back(detail::feature(t++, abbr, w0, c1));
  out.push_back(detail::feature(t++, orth, s0));
  out.push_back(detail::feature(t++, orth, abbr, gap));
  out.push_back(detail::feature(t++, orth, w0));
  out.push_back(detail::feature(t++, c0, orth, len));
  out.push_back(detail::feature(t++, wm1, w0, w1));
  out.push_back(detail::feature(t++, orth, w1));
}

}  // namespace detail

SentenceSplitter::SentenceSplitter() : lexicon_(TokenizerLexicon::builtin()) {}

SentenceSplitter::SentenceSplitter(TokenizerLexicon learned, detail::Perceptron model)
    : learned_(std::move(learned)), lexicon_(TokenizerLexicon::builtin()), model_(std::move(model)) {
  lexicon_.merge(learned_);
}

namespace {
std::vector<std::string> sorted(const std::unordered_set<std::string>& set) {
  std::vector<std::string> v(set.begin(), set.end());
  std::sort(v.begin(), v.end());
  return v;
}
}  // namespace

void SentenceSplitter::save(const std::string& path) const {
  if (!model_) throw Error(ErrorKind::InvalidArgument, "cannot save '" + path + "': the splitter has no trained model");
  detail::ModelWriter out("splitter", kFormatVersion);
  out.strings(sorted(learned_.abbreviations));
  out.strings(sorted(learned_.hyphen_prefixes));
  std::vector<std::string> keys;
  for (const auto& [k, v] : learned_.multiword) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  out.strings(keys);
  for (const auto& k : keys) out.vec(learned_.multiword.at(k));
  out.strings(sorted(learned_.lowercase_words));
  model_->save(out);
  out.save(path);
}

SentenceSplitter SentenceSplitter::load(const std::string& path) {
  detail::ModelReader in(path, "splitter", kFormatVersion);
  TokenizerLexicon lex;
  for (auto& a : in.strings()) lex.abbreviations.insert(std::move(a));
  for (auto& h : in.strings()) lex.hyphen_prefixes.insert(std::move(h));
  auto keys = in.strings();
  for (const auto& k : keys) {
    auto lengths = in.vec<std::uint8_t>();
    std::size_t sum = 0;
    for (auto l : lengths) sum += l;
    if (lengths.size() < 2 || sum != k.size()) in.fail("corrupt multiword entry '" + k + "'");
    lex.multiword[k] = std::move(lengths);
  }
  if (in.version() >= 2)
    for (auto& w : in.strings()) lex.lowercase_words.insert(std::move(w));
  auto model = detail::Perceptron::load(in);
  if (model.num_classes() != 2) in.fail("expected 2 classes, found " + std::to_string(model.num_classes()));
  in.finish();
  return SentenceSplitter(std::move(lex), std::move(model));
}

std::vector<bool> SentenceSplitter::split(std::string_view text, const std::vector<SurfaceToken>& tokens) const {
  std::vector<bool> ends(tokens.size(), false);
  std::vector<std::uint64_t> features;
  int words = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    words += tokens[i].words;
    bool end;
    if (auto forced = detail::forced_boundary(text, tokens, i, words)) {
      end = *forced;
    } else if (model_) {
      features.clear();
      detail::splitter_features(text, tokens, i, words, lexicon_, features);
      float scores[2] = {0, 0};
      model_->score(features, scores);
      end = scores[1] > scores[0];
    } else {
      end = rule_boundary(text, tokens, i, lexicon_);
    }
    ends[i] = end;
    if (end) words = 0;
  }
  return ends;
}

}  // namespace relgraph
