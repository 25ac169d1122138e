// Hard-wrapped text (lines cut at a fixed width, as in e-mail and text dumps):
// finds the line breaks that only wrap a paragraph (see metadata.hpp).
// Tests: tests/article_test.cpp
#include <algorithm>
#include <cctype>
#include <string>

#include "article/lines.hpp"
#include "article/metadata.hpp"

namespace relgraph {
namespace {

using namespace article_text;

// Wrapping shows in at least this many lines, at a width in this range
// (e-mail and text dumps wrap at 60 to 80 columns; longer lines are written
// a paragraph a line).
constexpr std::size_t kMinWrappedLines = 2;
constexpr std::size_t kMinWrapWidth = 30;
constexpr std::size_t kMaxWrapWidth = 150;

// One physical line, measured the two ways a wrapping tool may count its
// width: bytes and UTF-8 code points.
struct Physical {
  std::size_t begin = 0;    // first byte of the line
  std::size_t newline = 0;  // offset of its '\n' (text.size() for the last line)
  std::size_t bytes = 0;    // length up to the last non-space byte, indentation included
  std::size_t chars = 0;
  std::size_t indent = 0;
  std::string_view text;  // trimmed
  bool blank() const { return text.empty(); }
};

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::vector<Physical> physical_lines(std::string_view text) {
  std::vector<Physical> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = std::min(text.find('\n', pos), text.size());
    std::string_view raw = text.substr(pos, nl - pos);
    Physical p;
    p.begin = pos;
    p.newline = nl;
    p.text = trim(raw);
    if (!p.blank()) {
      std::size_t lead = static_cast<std::size_t>(p.text.data() - raw.data());
      p.indent = lead;
      p.bytes = lead + p.text.size();
      p.chars = lead + code_points(p.text);
    }
    out.push_back(p);
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return out;
}

std::string_view first_word(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && !is_space(s[n])) ++n;
  return s.substr(0, n);
}

// A list item starts its own line: "- ", "* ", "• ", "1. ", "2) ", "(a) ".
bool starts_list_item(std::string_view s) {
  for (std::string_view bullet : {"- ", "* ", "+ ", "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x93 ", "\xE2\x80\x94 "})
    if (s.substr(0, bullet.size()) == bullet) return true;
  std::size_t i = s.substr(0, 1) == "(" ? 1 : 0;
  std::size_t digits = i;
  while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
  if (digits == i && i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])) && i + 1 < s.size() &&
      s[i + 1] == ')')
    digits = i + 1;  // "a) ", "(b) "
  if (digits == i || digits - i > 3 || digits + 1 >= s.size()) return false;
  return (s[digits] == '.' || s[digits] == ')') && s[digits + 1] == ' ';
}

// A headline: no final punctuation and nearly every longer word capitalised.
bool looks_like_title(std::string_view s) {
  if (ends_sentence(s) || s.back() == ',') return false;
  int longer = 0, capitalised = 0;
  for (const auto& w : words_of(s)) {
    if (w.size() < 4) continue;
    ++longer;
    if (std::isupper(static_cast<unsigned char>(w[0])) || std::isdigit(static_cast<unsigned char>(w[0]))) ++capitalised;
  }
  return longer >= 2 && capitalised * 5 >= longer * 4;
}

// The q-quantile of the values (q in [0, 1]).
std::size_t quantile(std::vector<std::size_t> v, double q) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

}  // namespace

std::vector<std::size_t> find_soft_breaks(std::string_view text) {
  auto lines = physical_lines(text);
  // Lines followed by another line of the same block are where a wrap can be.
  std::vector<std::size_t> inner_bytes, inner_chars;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].blank() || lines[i + 1].blank()) continue;
    inner_bytes.push_back(lines[i].bytes);
    inner_chars.push_back(lines[i].chars);
  }
  if (inner_chars.size() < kMinWrappedLines) return {};
  // The wrap width: wrapped lines fill up to it, so most inner lines lie just
  // below it; text written a paragraph a line has no such width.
  std::size_t width_chars = quantile(inner_chars, 0.9), width_bytes = quantile(inner_bytes, 0.9);
  if (width_chars < kMinWrapWidth || width_chars > kMaxWrapWidth) return {};
  auto full =
      std::count_if(inner_chars.begin(), inner_chars.end(), [&](std::size_t n) { return n * 10 >= width_chars * 7; });
  if (full * 5 < static_cast<std::ptrdiff_t>(inner_chars.size()) * 3) return {};

  std::vector<std::size_t> soft;
  bool continued = false;  // the line before this one wrapped onto it
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const Physical &line = lines[i], &next = lines[i + 1];
    bool opens_block = !continued;
    continued = false;
    if (line.blank() || next.blank()) continue;
    // The next line's first word would not have fitted on this one.
    std::string_view word = first_word(next.text);
    bool forced = line.chars + 1 + code_points(word) > width_chars || line.bytes + 1 + word.size() > width_bytes;
    if (!forced || next.indent > line.indent || starts_list_item(next.text)) continue;
    if (!parse_date_line(line.text).empty() || !parse_date_line(next.text).empty()) continue;
    if (opens_block && looks_like_title(line.text)) continue;
    soft.push_back(line.newline);
    continued = true;
  }
  return soft;
}

}  // namespace relgraph
