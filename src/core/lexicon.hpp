// Fast read-only views of the word lists in schemas/lexicon/*.tsv (loaded by
// Resources), for lookups on hot paths: no string copy per query.
// Tests: tests/lexicon_test.cpp
//
//   static const auto units = detail::WordSet::load("measure_units");
//   if (units.contains(word)) ...
#pragma once

#include <charconv>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/resources.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The first fields of one lexicon, as a hash set with string_view lookup.
class WordSet {
 public:
  WordSet() = default;
  explicit WordSet(const Lexicon& lexicon) {
    for (const auto& row : lexicon.rows())
      if (set_.insert(row.front()).second) words_.push_back(row.front());
  }
  explicit WordSet(const std::vector<std::string>& words) {
    for (const auto& w : words)
      if (set_.insert(w).second) words_.push_back(w);
  }
  // Only the rows whose field `column` equals `value`.
  WordSet(const Lexicon& lexicon, std::size_t column, std::string_view value) {
    for (const auto& row : lexicon.rows())
      if (column < row.size() && row[column] == value && set_.insert(row.front()).second) words_.push_back(row.front());
  }
  // schemas/lexicon/NAME.tsv of `schemas_dir` ("" = the default schemas directory).
  static WordSet load(std::string_view name, const std::string& schemas_dir = "") {
    return WordSet(Resources::shared(schemas_dir).lexicon(name));
  }
  bool contains(std::string_view word) const { return set_.find(word) != set_.end(); }
  // Entries in file order, without repeats.
  const std::vector<std::string>& words() const { return words_; }
  std::size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string, TransparentHash, std::equal_to<>> set_;
  std::vector<std::string> words_;
};

// Key -> second field of one lexicon (the first row of a repeated key wins).
class WordMap {
 public:
  WordMap() = default;
  explicit WordMap(const Lexicon& lexicon) {
    for (const auto& row : lexicon.rows())
      if (row.size() >= 2) map_.emplace(row[0], row[1]);
  }
  static WordMap load(std::string_view name, const std::string& schemas_dir = "") {
    return WordMap(Resources::shared(schemas_dir).lexicon(name));
  }
  // The value for `key`, or nullptr.
  const std::string* find(std::string_view key) const {
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string, std::string, TransparentHash, std::equal_to<>> map_;
};

// Field `column` of `row` of lexicon `lex` as an integer; throws Error(Format)
// naming the list when it is not one.
inline int int_field(const Lexicon& lex, const std::vector<std::string>& row, std::size_t column) {
  int v = 0;
  const std::string& f = column < row.size() ? row[column] : row.front();
  auto [end, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
  if (column >= row.size() || ec != std::errc() || end != f.data() + f.size())
    throw Error(ErrorKind::Format, "word list '" + lex.name() + "', entry '" + row.front() + "': field " +
                                       std::to_string(column + 1) + " is not an integer");
  return v;
}

// The legal form closing a company name ("Siemens AG", "Acme Inc."): the name
// without it names the same company. schemas/lexicon/company_endings.tsv.
inline bool is_legal_form(std::string_view word) {
  static const WordSet forms(Resources::shared().lexicon("company_endings"), 1, "yes");
  return forms.contains(word);
}

}  // namespace relgraph::detail
