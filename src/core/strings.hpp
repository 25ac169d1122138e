// Small string helpers shared by the file readers (CoNLL-U, IOB2, CaRB).
// Tests: tests/core_test.cpp
#pragma once
#include <string_view>
#include <vector>

namespace relgraph::detail {

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

}  // namespace relgraph::detail
