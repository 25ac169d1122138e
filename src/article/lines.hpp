// Lines and words of a page's text, shared by the metadata and furniture
// finders (internal to src/article). Tests: tests/article_test.cpp
#pragma once
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.hpp"

namespace relgraph::article_text {

struct Line {
  std::size_t begin = 0;  // byte span of the trimmed line in the text
  std::size_t end = 0;
  std::string_view text;
};

inline bool is_space(char c) { return relgraph::detail::ascii_space(c); }

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  // A UTF-8 BOM or non-breaking space at either end counts as space.
  for (std::string_view ws : {std::string_view("\xEF\xBB\xBF"), std::string_view("\xC2\xA0")}) {
    while (s.substr(0, ws.size()) == ws) s.remove_prefix(ws.size());
    while (s.size() >= ws.size() && s.substr(s.size() - ws.size()) == ws) s.remove_suffix(ws.size());
  }
  return s;
}

inline std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    std::string_view t = trim(raw);
    if (!t.empty()) {
      std::size_t b = static_cast<std::size_t>(t.data() - text.data());
      lines.push_back({b, b + t.size(), t});
    }
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return lines;
}

inline std::vector<std::string> words_of(std::string_view s) { return relgraph::detail::split_words(s); }

inline std::string lower(std::string_view s) { return relgraph::detail::ascii_lower(s); }

inline bool ends_sentence(std::string_view s) {
  static const std::array<std::string_view, 9> enders = {".", "!", "?", "\"", "'", ")", "\xE2\x80\x9D", "\xE2\x80\x99",
                                                         ":"};
  for (auto e : enders)
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
  return false;
}

// A real paragraph: running prose, not a label, headline or link list.
inline bool is_paragraph(const Line& line) {
  auto n = words_of(line.text).size();
  return (n >= 8 && ends_sentence(line.text)) || n >= 30;
}

}  // namespace relgraph::article_text
