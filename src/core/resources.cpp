// Loads schemas/lexicon/*.tsv into immutable tables (see resources.hpp).
// Tests: tests/core_test.cpp
#include "core/resources.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

#include "core/files.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {

Lexicon::Lexicon(std::string name, const std::string& path, std::string_view content) : name_(std::move(name)) {
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos <= content.size()) {
    std::size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') {
      if (end == content.size()) break;
      continue;
    }
    std::vector<std::string> fields;
    std::size_t f = 0;
    while (true) {
      std::size_t tab = line.find('\t', f);
      fields.emplace_back(line.substr(f, tab == std::string_view::npos ? std::string_view::npos : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    if (fields.front().empty())
      throw Error(ErrorKind::Format, "'" + path + "' line " + std::to_string(line_no) + ": the first field is empty");
    if (columns_ == 0) columns_ = fields.size();
    if (fields.size() != columns_)
      throw Error(ErrorKind::Format, "'" + path + "' line " + std::to_string(line_no) + ": expected " +
                                         std::to_string(columns_) + " tab-separated fields, found " +
                                         std::to_string(fields.size()));
    index_.emplace(fields.front(), rows_.size());
    rows_.push_back(std::move(fields));
    if (end == content.size()) break;
  }
}

bool Lexicon::contains(std::string_view key) const { return index_.find(std::string(key)) != index_.end(); }

const std::vector<std::string>* Lexicon::find(std::string_view key) const {
  auto it = index_.find(std::string(key));
  return it == index_.end() ? nullptr : &rows_[it->second];
}

std::string_view Lexicon::value(std::string_view key, std::string_view fallback) const {
  const auto* row = find(key);
  if (!row || row->size() < 2) return fallback;
  return (*row)[1];
}

std::vector<std::string> Lexicon::keys() const {
  std::vector<std::string> out;
  out.reserve(rows_.size());
  for (const auto& r : rows_) out.push_back(r.front());
  return out;
}

std::shared_ptr<const Resources> Resources::load(const std::string& schemas_dir) {
  namespace fs = std::filesystem;
  auto res = std::make_shared<Resources>();
  res->dir_ = schemas_dir;
  const fs::path dir = fs::path(schemas_dir) / "lexicon";
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw Error(ErrorKind::NotFound, "schemas directory '" + schemas_dir + "' has no lexicon/ folder");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".tsv" && e.path().filename() != "word_clusters.tsv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::string name = p.stem().string();
    res->lexicons_.emplace(name, Lexicon(name, p.string(), read_file(p.string())));
  }
  return res;
}

const Resources& Resources::shared(const std::string& schemas_dir) {
  static std::mutex mu;
  static auto* cache = new std::map<std::string, std::shared_ptr<const Resources>>();  // lives until exit
  const std::string dir = schemas_dir.empty() ? data_dir("RELGRAPH_SCHEMAS", "schemas") : schemas_dir;
  std::lock_guard lock(mu);
  auto& slot = (*cache)[dir];
  if (!slot) slot = load(dir);
  return *slot;
}

const Lexicon& Resources::lexicon(std::string_view name) const {
  auto it = lexicons_.find(std::string(name));
  if (it == lexicons_.end())
    throw Error(ErrorKind::NotFound, "missing word list '" + dir_ + "/lexicon/" + std::string(name) + ".tsv'");
  return it->second;
}

bool Resources::has_lexicon(std::string_view name) const { return lexicons_.count(std::string(name)) > 0; }

std::string data_dir(const char* env, const char* sub) {
  if (const char* v = std::getenv(env); v && *v) return v;
  if (std::filesystem::is_directory(sub)) return sub;
  return std::string(RELGRAPH_SOURCE_DIR) + "/" + sub;
}

}  // namespace relgraph::detail
