// English knowledge as data: word lists and small tables in schemas/lexicon/*.tsv,
// loaded once per schemas directory with one error policy.
// Tests: tests/core_test.cpp (Resources.*)
//
// File format (schemas/lexicon/NAME.tsv): UTF-8; lines starting with '#' are the
// header (what the list holds and where it came from) or comments; blank lines
// are skipped; every other line is one entry, its fields separated by tabs. All
// entries of a file have the same number of fields. The first field is the key.
//
//   const auto& res = relgraph::detail::Resources::shared(schemas_dir);
//   const auto& forms = res.lexicon("legal_forms");   // throws if the file is missing
//   if (forms.contains(word)) ...
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace relgraph::detail {

// One table: rows of fields in file order, with an index on the first field.
// Immutable after loading; safe to read from many threads.
class Lexicon {
 public:
  Lexicon() = default;
  // Parses `content` (the file's bytes). `path` is used in messages.
  // Throws Error(Format) naming path:line when a row's field count differs.
  Lexicon(std::string name, const std::string& path, std::string_view content);

  const std::string& name() const { return name_; }
  std::size_t size() const { return rows_.size(); }
  std::size_t columns() const { return columns_; }
  // Exact, case-sensitive match on the first field.
  bool contains(std::string_view key) const;
  // The row whose first field is `key` (the first such row), or nullptr.
  const std::vector<std::string>* find(std::string_view key) const;
  // Second field of the row for `key`, or `fallback`.
  std::string_view value(std::string_view key, std::string_view fallback = {}) const;
  // First fields in file order.
  std::vector<std::string> keys() const;
  const std::vector<std::vector<std::string>>& rows() const { return rows_; }

 private:
  std::string name_;
  std::size_t columns_ = 0;
  std::vector<std::vector<std::string>> rows_;
  std::unordered_map<std::string, std::size_t> index_;
};

// Every lexicon of one schemas directory, loaded eagerly when it is created, so
// a malformed file fails when the pipeline is assembled, not while it runs.
// Immutable; one instance serves every stage and thread.
class Resources {
 public:
  // Reads every schemas_dir/lexicon/*.tsv except the large training-only
  // word_clusters.tsv. Throws Error(NotFound) if the directory is missing and
  // Error(Format) naming file and line for a malformed file.
  static std::shared_ptr<const Resources> load(const std::string& schemas_dir);
  // The process-wide instance for `schemas_dir` ("" = default_schemas_dir()),
  // loaded on first use and shared afterwards.
  static const Resources& shared(const std::string& schemas_dir = "");

  const std::string& schemas_dir() const { return dir_; }
  // Throws Error(NotFound) naming schemas/lexicon/NAME.tsv if there is no such file.
  const Lexicon& lexicon(std::string_view name) const;
  bool has_lexicon(std::string_view name) const;

 private:
  std::string dir_;
  std::unordered_map<std::string, Lexicon> lexicons_;
};

}  // namespace relgraph::detail

namespace relgraph::detail {
// The models/ or schemas/ directory: $ENV if set, else `sub` under the working
// directory (a checkout), else the source tree the binary was built from.
std::string data_dir(const char* env, const char* sub);
}  // namespace relgraph::detail
