// Surface tokenization (UD English-EWT conventions, exact byte spans) and the
// assembly of sentences and words from surface tokens and splitter decisions.
// Tests: tests/tokenizer_test.cpp
#include "text/tokenizer.hpp"

#include <algorithm>

#include "core/lexicon.hpp"
#include "text/chars.hpp"
#include "text/splitter.hpp"

namespace relgraph {
namespace {

// The clitics split off after an apostrophe ("she's", "I'll"), lower case: schemas/lexicon/clitics.tsv.
bool is_clitic(std::string_view s) {
  static const auto clitics = detail::WordSet::load("clitics");
  return clitics.contains(s);
}

using detail::decode_utf8;

std::string ascii_lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && ascii_lower(s.substr(0, prefix.size())) == prefix;
}

// Scans one whitespace-free chunk text[b, e) into surface tokens.
class ChunkScanner {
 public:
  ChunkScanner(std::string_view text, const TokenizerLexicon& lexicon, std::vector<SurfaceToken>& out)
      : text_(text), lex_(lexicon), out_(out) {}

  void scan(std::size_t b, std::size_t e, std::uint8_t newlines, bool space) {
    first_ = true;
    newlines_ = newlines;
    space_ = space;
    chunk_begin_ = b;
    if (scan_link(b, e)) return;
    scan_pieces(b, e);
  }

 private:
  char32_t at(std::size_t i, std::size_t e, std::size_t& len) const {
    if (i >= e) {
      len = 0;
      return 0;
    }
    return decode_utf8(text_.substr(0, e), i, len);
  }
  char32_t at(std::size_t i, std::size_t e) const {
    std::size_t len;
    return at(i, e, len);
  }
  // Code point ending just before byte i (i > lo).
  char32_t before(std::size_t i, std::size_t lo) const {
    std::size_t k = i - 1;
    while (k > lo && (static_cast<unsigned char>(text_[k]) & 0xC0) == 0x80) --k;
    std::size_t len;
    return decode_utf8(text_.substr(0, i), k, len);
  }

  void emit(std::size_t b, std::size_t e) {
    SurfaceToken t;
    t.begin = b;
    t.end = e;
    if (first_) {
      t.newlines_before = newlines_;
      t.space_before = space_;
      first_ = false;
    }
    split_multiword(t);
    out_.push_back(t);
  }

  // URLs and e-mail addresses stay one token; surrounding punctuation is split off.
  bool scan_link(std::size_t b, std::size_t e) {
    std::size_t cb = b, ce = e, len;
    while (cb < ce && detail::is_opening(at(cb, ce, len))) cb += len;
    while (ce > cb) {
      char32_t c = before(ce, cb);
      if (!(detail::is_closing(c) || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?')) break;
      std::size_t k = ce - 1;
      while (k > cb && (static_cast<unsigned char>(text_[k]) & 0xC0) == 0x80) --k;
      ce = k;
    }
    if (ce <= cb) return false;
    std::string_view core = text_.substr(cb, ce - cb);
    bool link = starts_with_ci(core, "http://") || starts_with_ci(core, "https://") || starts_with_ci(core, "ftp://") ||
                starts_with_ci(core, "www.");
    if (!link) {
      auto at_sign = core.find('@');
      link = at_sign != std::string_view::npos && at_sign > 0 && core.find('.', at_sign) != std::string_view::npos &&
             core.find('.', at_sign) + 1 < core.size() && core.find('@', at_sign + 1) == std::string_view::npos;
    }
    if (!link) return false;
    for (std::size_t i = b; i < cb; i += len) {
      at(i, cb, len);
      emit(i, i + len);
    }
    emit(cb, ce);
    scan_pieces(ce, e);
    return true;
  }

  void scan_pieces(std::size_t p, std::size_t e) {
    std::size_t len;
    while (p < e) {
      char32_t c = at(p, e, len);
      std::size_t q;
      if (detail::is_alnum(c)) {
        q = scan_word(p, e);
      } else if (c == '#' && p + 1 < e && detail::is_letter(at(p + 1, e))) {
        q = segment_end(p + 1, e);  // hashtag
      } else if (detail::is_apostrophe(c) && (q = clitic_end(p + len, e)) != 0 && !out_.empty() &&
                 out_.back().end == p && is_word(out_.back())) {
        // "'s" after a word the apostrophe rule did not join (e.g. after a URL).
      } else if (detail::is_apostrophe(c) && p == chunk_begin_ && (q = clitic_end(p + len, e)) == e) {
        // A clitic standing alone: "Jones 's".
      } else if (detail::is_apostrophe(c) && (p == chunk_begin_ || !detail::is_alnum(before(p, chunk_begin_))) &&
                 (q = decade_end(p + len, e)) != 0) {
        // "'68", "'90s".
      } else if ((q = emoticon_end(p, e)) != 0) {
        // ":)", ":-(", ";)" stay one token.
      } else {
        // Punctuation: a run of the same character is one token ("...", "--", "!!").
        // Mixed runs of . ! ? too ("?!", ".?").
        auto terminal = [](char32_t x) { return x == '.' || x == '!' || x == '?'; };
        q = p + len;
        std::size_t l2;
        for (char32_t d; q < e && ((d = at(q, e, l2)) == c || (terminal(c) && terminal(d)));) q += l2;
        // ...but an ellipsis stays apart from the "?" or "!" after it ("...?" = "..." + "?").
        if (c == '.' && q - p > 2) {
          std::size_t dots = p;
          while (dots < q && text_[dots] == '.') ++dots;
          if (dots - p >= 2 && dots < q) q = dots;
        }
      }
      emit(p, q);
      p = q;
    }
  }

  std::size_t emoticon_end(std::size_t p, std::size_t e) const {
    static constexpr std::string_view kEmoticons[] = {":-)", ":-(", ":-D", ":-P", ";-)", ":)", ":(", ";)",
                                                      ":D",  ":P",  ":p",  ";D",  ";P",  "(:", "=)", "<3"};
    for (std::string_view emo : kEmoticons) {
      if (e - p < emo.size() || text_.substr(p, emo.size()) != emo) continue;
      std::size_t q = p + emo.size();
      if (q == e || !detail::is_alnum(at(q, e))) return q;
    }
    return 0;
  }

  bool is_word(const SurfaceToken& t) const {
    std::size_t len;
    return detail::is_alnum(at(t.begin, t.end, len));
  }

  // If text at i (after an apostrophe) is a clitic (s m d ll re ve) ending the
  // word, returns the byte after it, else 0.
  std::size_t clitic_end(std::size_t i, std::size_t e) const {
    std::size_t j = i;
    while (j < e && j - i < 3 && detail::is_ascii_letter(static_cast<unsigned char>(text_[j]))) ++j;
    if (j == i || (j < e && detail::is_alnum(at(j, e)))) return 0;
    std::string s = ascii_lower(text_.substr(i, j - i));
    return is_clitic(s) ? j : 0;
  }

  // One to three digits at i, then no further digit: "3,000", "7,5" (decimal
  // comma); not "11,2000", which is two numbers.
  bool thousands_group(std::size_t i, std::size_t e) const {
    std::size_t k = i;
    while (k < e && k - i <= 3 && detail::is_digit(static_cast<unsigned char>(text_[k]))) ++k;
    return k > i && k - i <= 3;
  }

  // Decade or year after an apostrophe: "'68", "'90s". Returns the end, or 0.
  std::size_t decade_end(std::size_t i, std::size_t e) const {
    auto digit = [&](std::size_t k) { return k < e && detail::is_digit(static_cast<unsigned char>(text_[k])); };
    if (!digit(i) || !digit(i + 1)) return 0;
    std::size_t j = i + 2;
    if (j < e && text_[j] == 's') ++j;
    return j < e && detail::is_alnum(at(j, e)) ? 0 : j;
  }

  bool is_month(std::size_t b, std::size_t e) const {
    if (e - b != 3) return false;
    static constexpr std::string_view kMonths = "jan feb mar apr may jun jul aug sep oct nov dec";
    return kMonths.find(ascii_lower(text_.substr(b, 3))) != std::string_view::npos;
  }

  // Byte end of the alphanumeric segment starting at i.
  std::size_t segment_end(std::size_t i, std::size_t e) const {
    std::size_t len;
    while (i < e && detail::is_alnum(at(i, e, len))) i += len;
    return i;
  }

  bool all_digits(std::size_t b, std::size_t e) const {
    if (b >= e) return false;
    for (std::size_t i = b; i < e; ++i)
      if (!detail::is_digit(static_cast<unsigned char>(text_[i]))) return false;
    return true;
  }

  // Hyphen between text[seg_b, h) and the segment after it: EWT splits
  // hyphenated compounds except after known prefixes and in phone numbers.
  bool keep_hyphen(std::size_t seg_b, std::size_t h, std::size_t next_b, std::size_t e) const {
    std::size_t next_e = segment_end(next_b, e);
    if (all_digits(seg_b, h) && all_digits(next_b, next_e)) {
      std::size_t l = h - seg_b, r = next_e - next_b;
      return (l == 3 && (r == 3 || r == 4)) || (l == 4 && r == 4 && seg_b > 0 && text_[seg_b - 1] == '-') ||
             (l == 5 && r == 4);  // phone numbers, ZIP+4
    }
    // Dates: "01-Feb-02", "1-Jan-2019".
    if (all_digits(seg_b, h) && h - seg_b <= 2 && is_month(next_b, next_e) && next_e + 1 < e &&
        detail::is_hyphen(at(next_e, e)) && all_digits(next_e + 1, segment_end(next_e + 1, e)))
      return true;
    if (is_month(seg_b, h) && seg_b >= 2 && detail::is_hyphen(static_cast<unsigned char>(text_[seg_b - 1])) &&
        detail::is_digit(static_cast<unsigned char>(text_[seg_b - 2])) && all_digits(next_b, next_e) &&
        (next_e - next_b == 2 || next_e - next_b == 4))
      return true;
    if (h - seg_b > 12) return false;
    return lex_.hyphen_prefixes.count(ascii_lower(text_.substr(seg_b, h - seg_b))) > 0;
  }

  // "81K", "300USD", "10am" are split as in EWT ("81 K"); ordinals and
  // plurals stay whole ("21st", "1990s"). Returns the end of the number, or 0.
  std::size_t number_before_unit(std::size_t p, std::size_t e) const {
    // A model designation ("F-16C", "Su-30MKI", "MiG-29K"): letters, a hyphen, then
    // the number with its suffix, one name.
    if (p >= 2 && text_[p - 1] == '-' && detail::is_ascii_letter(static_cast<unsigned char>(text_[p - 2]))) return 0;
    std::size_t i = p;
    auto digit = [&](std::size_t k) { return k < e && detail::is_digit(static_cast<unsigned char>(text_[k])); };
    while (true) {
      while (digit(i)) ++i;
      if (i + 1 < e && (text_[i] == '.' || text_[i] == ',' || text_[i] == ':') && digit(i + 1)) {
        ++i;
        continue;
      }
      break;
    }
    if (i == p || i >= e || !detail::is_ascii_letter(static_cast<unsigned char>(text_[i]))) return 0;
    std::size_t j = i;
    while (j < e && detail::is_ascii_letter(static_cast<unsigned char>(text_[j]))) ++j;
    if (j < e && (detail::is_alnum(at(j, e)) || detail::is_apostrophe(at(j, e)) || detail::is_hyphen(at(j, e))))
      return 0;
    std::string unit = ascii_lower(text_.substr(i, j - i));
    return unit == "s" || unit == "th" || unit == "st" || unit == "nd" || unit == "rd" ? 0 : i;
  }

  std::size_t scan_word(std::size_t p, std::size_t e) {
    if (std::size_t n = number_before_unit(p, e)) return n;
    std::size_t q = p, seg_b = p, len, nlen;
    bool inner_period = false;
    while (true) {
      q = segment_end(q, e);
      if (q >= e) break;
      char32_t c = at(q, e, len);
      char32_t n = at(q + len, e, nlen);
      char32_t prev = before(q, p);
      bool next_alnum = detail::is_alnum(n);
      if (!next_alnum) break;
      bool join = false;
      if (c == '.') {
        join = true;  // U.S, 3.5, e.g, example.com
        inner_period = true;
      } else if ((c == ':' || c == '/') && detail::is_digit(prev) && detail::is_digit(n)) {
        join = true;  // 10:30  9/11
      } else if (c == ',' && detail::is_digit(prev) && thousands_group(q + 1, e)) {
        join = true;  // 3,000 (but "11,2000" is two numbers)
      } else if ((c == '&' && detail::is_letter(prev) && detail::is_letter(n)) || c == '@' || c == '_') {
        join = true;  // AT&T, Q&A, name@HOST, file_name
      } else if (detail::is_apostrophe(c) && c != 0x2018 &&
                 (detail::is_letter(prev) || (detail::is_digit(prev) && n == 's'))) {
        join = true;  // don't, it's, O'Brien, 80's (clitics become multiword tokens later)
      } else if (detail::is_hyphen(c) && keep_hyphen(seg_b, q, q + len, e)) {
        join = true;
      }
      if (!join) break;
      q += len;
      seg_b = q;
    }
    if (q < e && text_[q] == '.' && (q + 1 >= e || text_[q + 1] != '.')) {  // not before "..."
      std::string word = ascii_lower(text_.substr(p, q + 1 - p));
      bool initials = inner_period && q - p <= 8 &&
                      std::none_of(word.begin(), word.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
                      short_segments(word);
      bool single_capital = q - p == 1 && detail::is_upper(static_cast<unsigned char>(text_[p]));
      if (initials || single_capital || (q - p <= 12 && lex_.abbreviations.count(word))) ++q;
    }
    // Plural possessive: "parents'" (unless the chunk opened with a single quote).
    if (q < e && q > p && (text_[q - 1] == 's' || text_[q - 1] == 'S') && detail::is_apostrophe(at(q, e, len)) &&
        at(q, e) != 0x2018 && !detail::is_apostrophe(at(chunk_begin_, e)) && !detail::is_alnum(at(q + len, e)))
      q += len;
    return q;
  }

  // "u.s." / "e.g." / "a.m.": every period-separated part is one or two letters.
  static bool short_segments(const std::string& word) {
    std::size_t run = 0;
    for (char ch : word) {
      if (ch == '.') {
        if (run == 0 || run > 2) return false;
        run = 0;
      } else {
        ++run;
      }
    }
    return true;
  }

  // Multiword tokens as in EWT: learned forms ("cannot", "gonna"), then
  // clitics after an apostrophe (n't 's 'm 'd 'll 're 've, plural s').
  void split_multiword(SurfaceToken& t) const {
    std::size_t n = t.end - t.begin;
    if (n < 2 || n > 40) return;
    std::string_view form = text_.substr(t.begin, n);
    if (n <= 12) {
      auto it = lex_.multiword.find(ascii_lower(form));
      if (it != lex_.multiword.end() && it->second.size() >= 2 && it->second.size() <= t.split.size()) {
        std::size_t sum = 0;
        for (auto l : it->second) sum += l;
        if (sum == n) {
          t.words = static_cast<std::uint8_t>(it->second.size());
          std::copy(it->second.begin(), it->second.end(), t.split.begin());
          return;
        }
      }
    }
    // Last apostrophe in the token.
    std::size_t a = std::string_view::npos, alen = 0, len;
    for (std::size_t i = 0; i < n; i += len) {
      char32_t c = decode_utf8(form, i, len);
      if (detail::is_apostrophe(c) && c != 0x2018) {
        a = i;
        alen = len;
      }
    }
    if (a == std::string_view::npos || a == 0) return;
    std::string suffix = ascii_lower(form.substr(a + alen));
    char32_t prev = before(t.begin + a, t.begin);
    std::size_t cut = 0;
    if (suffix == "t" && a >= 2 && (form[a - 1] == 'n' || form[a - 1] == 'N')) {
      cut = a - 1;
    } else if (is_clitic(suffix) && detail::is_letter(prev)) {
      cut = a;
    } else if (suffix.empty() && (prev == 's' || prev == 'S')) {
      cut = a;
    }
    if (cut == 0 || cut > 255 || n - cut > 255) return;
    t.words = 2;
    t.split[0] = static_cast<std::uint8_t>(cut);
    t.split[1] = static_cast<std::uint8_t>(n - cut);
  }

  std::string_view text_;
  const TokenizerLexicon& lex_;
  std::vector<SurfaceToken>& out_;
  bool first_ = true;
  std::uint8_t newlines_ = 0;
  bool space_ = false;
  std::size_t chunk_begin_ = 0;
};

}  // namespace

TokenizerLexicon TokenizerLexicon::builtin() {
  TokenizerLexicon lex;
  // schemas/lexicon: general English abbreviations that take a period and the
  // prefixes a hyphen does not split off; the trained model adds the treebank's.
  const auto& res = detail::Resources::shared();
  for (const auto& a : res.lexicon("abbreviations").keys()) lex.abbreviations.insert(a);
  for (const auto& p : res.lexicon("hyphen_prefixes").keys()) lex.hyphen_prefixes.insert(p);
  lex.multiword["cannot"] = {3, 3};
  lex.multiword["gonna"] = {3, 2};
  lex.multiword["wanna"] = {3, 2};
  lex.multiword["gotta"] = {3, 2};
  return lex;
}

void TokenizerLexicon::merge(const TokenizerLexicon& other) {
  abbreviations.insert(other.abbreviations.begin(), other.abbreviations.end());
  hyphen_prefixes.insert(other.hyphen_prefixes.begin(), other.hyphen_prefixes.end());
  for (const auto& [k, v] : other.multiword) multiword[k] = v;
  lowercase_words.insert(other.lowercase_words.begin(), other.lowercase_words.end());
}

std::vector<SurfaceToken> tokenize_surface(std::string_view text, std::size_t begin, std::size_t end,
                                           const TokenizerLexicon& lexicon) {
  end = std::min(end, text.size());
  std::vector<SurfaceToken> out;
  out.reserve((end - std::min(begin, end)) / 5 + 1);
  ChunkScanner scanner(text, lexicon, out);
  std::string_view view = text.substr(0, end);
  std::size_t i = begin, len;
  int newlines = 0;
  bool space = false;
  while (i < end) {
    char32_t c = decode_utf8(view, i, len);
    if (detail::is_space(c)) {
      if (detail::is_newline(c)) ++newlines;
      space = true;
      i += len;
      continue;
    }
    std::size_t j = i + len;
    while (j < end) {
      std::size_t l2;
      if (detail::is_space(decode_utf8(view, j, l2))) break;
      j += l2;
    }
    scanner.scan(i, j, static_cast<std::uint8_t>(std::min(newlines, 2)), space);
    newlines = 0;
    space = false;
    i = j;
  }
  return out;
}

Tokenizer::Tokenizer() : splitter_(std::make_shared<SentenceSplitter>()) {}
Tokenizer::Tokenizer(std::shared_ptr<const SentenceSplitter> splitter) : splitter_(std::move(splitter)) {}
Tokenizer::~Tokenizer() = default;

namespace {

// Appends the words of one surface token to `s`.
void add_words(const Document& doc, const SurfaceToken& t, Sentence& s) {
  bool space_after = t.end < doc.text.size() && detail::is_space([&] {
                       std::size_t len;
                       return decode_utf8(doc.text, t.end, len);
                     }());
  if (t.words <= 1) {
    Token w;
    w.form.assign(doc.text, t.begin, t.end - t.begin);
    w.begin = t.begin;
    w.end = t.end;
    w.space_after = space_after;
    s.tokens.push_back(std::move(w));
    return;
  }
  MultiwordToken m;
  m.first = static_cast<int>(s.tokens.size()) + 1;
  m.last = m.first + t.words - 1;
  m.form.assign(doc.text, t.begin, t.end - t.begin);
  m.begin = t.begin;
  m.end = t.end;
  s.multiword.push_back(std::move(m));
  std::size_t pos = t.begin;
  for (int k = 0; k < t.words; ++k) {
    Token w;
    w.form.assign(doc.text, pos, t.split[k]);
    pos += t.split[k];
    w.begin = t.begin;
    w.end = t.end;
    w.space_after = k + 1 < t.words ? false : space_after;
    s.tokens.push_back(std::move(w));
  }
}

}  // namespace

void Tokenizer::tokenize(Document& doc, std::size_t begin, std::size_t end) const {
  auto tokens = tokenize_surface(doc.text, begin, end, splitter_->lexicon());
  auto ends = splitter_->split(doc.text, tokens);
  Sentence cur;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (cur.tokens.empty()) cur.begin = tokens[i].begin;
    add_words(doc, tokens[i], cur);
    if (ends[i]) {
      cur.end = tokens[i].end;
      doc.sentences.push_back(std::move(cur));
      cur = Sentence();
    }
  }
}

void Tokenizer::tokenize(Document& doc) const {
  const auto& m = doc.metadata;
  if (m.body_end > m.body_begin && m.body_end <= doc.text.size())
    tokenize(doc, m.body_begin, m.body_end);
  else
    tokenize(doc, 0, doc.text.size());
}

void tokenize_pretokenized(Document& doc) {
  const std::string& text = doc.text;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    Sentence s;
    std::size_t i = pos;
    while (i < nl) {
      while (i < nl && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) ++i;
      if (i >= nl) break;
      std::size_t j = i;
      while (j < nl && text[j] != ' ' && text[j] != '\t' && text[j] != '\r') ++j;
      Token w;
      w.form = text.substr(i, j - i);
      w.begin = i;
      w.end = j;
      w.space_after = j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n');
      if (s.tokens.empty()) s.begin = i;
      s.end = j;
      s.tokens.push_back(std::move(w));
      i = j;
      if (s.tokens.size() >= static_cast<std::size_t>(kMaxSentenceWords) * 4) {
        doc.sentences.push_back(std::move(s));  // bounded sentence size on degenerate input
        s = Sentence();
      }
    }
    if (!s.tokens.empty()) doc.sentences.push_back(std::move(s));
    pos = nl + 1;
  }
}

}  // namespace relgraph
