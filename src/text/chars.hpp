// Lenient UTF-8 decoding and the character classes the tokenizer needs.
// Invalid bytes decode as one "symbol" code point each, so scanning never
// stalls or reads past the end. Tests: tests/tokenizer_test.cpp
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace relgraph::detail {

// Decodes the code point at text[i]; sets `len` to its byte length (>= 1).
// An invalid or truncated sequence yields 0xFFFD with len 1.
inline char32_t decode_utf8(std::string_view text, std::size_t i, std::size_t& len) {
  auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    len = 1;
    return b;
  }
  int n = b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
  if (n == 0 || i + n > text.size()) {
    len = 1;
    return 0xFFFD;
  }
  char32_t cp = n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
  for (int k = 1; k < n; ++k) {
    auto c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0) != 0x80) {
      len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  len = static_cast<std::size_t>(n);
  return cp;
}

inline bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
         c == 0xFEFF;
}
inline bool is_newline(char32_t c) { return c == '\n' || c == 0x2028 || c == 0x2029; }
inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Non-ASCII code points are letters unless they fall in a punctuation or
// symbol block; good enough for word boundaries in English text.
inline bool is_letter(char32_t c) {
  if (c < 0x80) return is_ascii_letter(c);
  if (c == 0xFFFD) return false;
  if (c >= 0xA0 && c <= 0xBF) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, currency, arrows, math, shapes
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFE30 && c <= 0xFE6F) return false;
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  if (c >= 0x1F000) return false;  // emoji and pictographs
  return !is_space(c);
}
inline bool is_alnum(char32_t c) { return is_digit(c) || is_letter(c); }
inline bool is_upper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
         (c >= 0x410 && c <= 0x42F);
}
inline bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == '`' || c == 0x2018 || c == 0xB4; }
inline bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013; }
inline bool is_terminal(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
inline bool is_opening(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '<' || c == '"' || c == 0x201C || c == 0x2018 || c == 0xAB ||
         c == '\'' || c == '`';
}
inline bool is_closing(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '>' || c == '"' || c == 0x201D || c == 0x2019 || c == 0xBB ||
         c == '\'';
}

}  // namespace relgraph::detail
