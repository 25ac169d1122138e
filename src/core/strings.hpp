// Small string helpers shared by the file readers (CoNLL-U, IOB2, CaRB) and
// the rules that read numbers in input text.
// Tests: tests/core_test.cpp
#pragma once
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace relgraph::detail {

// ASCII lower case ("U.S." -> "u.s."); other bytes are kept.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

inline bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// The words of `s` between runs of ASCII white space ("  a b\t" -> {"a", "b"}).
inline std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && ascii_space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !ascii_space(s[i])) ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

// Splits a line at every tab; views point into `line`.

inline std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> cols;
  std::size_t start = 0;
  while (true) {
    auto tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

// The whole of `text` as an integer of type T: optional '-' (for signed T),
// then decimal digits only. std::nullopt for anything else, including a value
// T cannot hold, so input text never throws or overflows:
//   parse_int("42") == 42, parse_int("123456789012345") == nullopt (int),
//   parse_int("") == parse_int("+1") == parse_int("1x") == nullopt.
template <class T = int>
std::optional<T> parse_int(std::string_view text) {
  T value{};
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

}  // namespace relgraph::detail
