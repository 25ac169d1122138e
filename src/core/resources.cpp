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

Lexicon::Lexicon(std::string name, const std::string& path, std::string_view content, std::size_t columns)
    : name_(std::move(name)), columns_(columns) {
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
    lines_.push_back(line_no);
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
  const fs::path gazetteer = fs::path(schemas_dir) / "gazetteer";
  if (fs::is_directory(gazetteer, ec))
    res->gazetteer_ = std::make_shared<const GazetteerTables>(GazetteerTables::load(gazetteer.string()));
  return res;
}

const Resources& Resources::shared(const std::string& schemas_dir) {
  static std::mutex mu;
  static auto* cache = new std::map<std::string, std::shared_ptr<const Resources>>();  // lives until exit
  static auto* active = new std::string();  // the last directory asked for by name (make_pipeline's --schemas)
  std::lock_guard lock(mu);
  if (!schemas_dir.empty()) *active = schemas_dir;
  const std::string dir = !active->empty() ? *active : data_dir("RELGRAPH_SCHEMAS", "schemas");
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

const GazetteerTables& Resources::gazetteer() const {
  if (!gazetteer_) throw Error(ErrorKind::NotFound, "schemas directory '" + dir_ + "' has no gazetteer/ folder");
  return *gazetteer_;
}

namespace {

Lexicon read_table(const std::string& dir, const char* name, std::size_t columns) {
  std::string path = dir + "/" + name + ".tsv";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw Error(ErrorKind::NotFound, "gazetteer table '" + path + "' not found");
  return Lexicon(name, path, read_file(path), columns);
}

// "a|b|c" -> {"a", "b", "c"}; empty items are dropped.
std::vector<std::string> split_bars(std::string_view field) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= field.size()) {
    std::size_t bar = field.find('|', pos);
    if (bar == std::string_view::npos) bar = field.size();
    if (bar > pos) out.emplace_back(field.substr(pos, bar - pos));
    pos = bar + 1;
  }
  return out;
}

}  // namespace

GazetteerTables GazetteerTables::load(const std::string& dir, bool with_names) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw Error(ErrorKind::NotFound, "gazetteer directory '" + dir + "' not found");
  GazetteerTables t;
  Lexicon countries = read_table(dir, "countries", 7);
  for (std::size_t i = 0; i < countries.size(); ++i) {
    const auto& r = countries.rows()[i];
    if (r[1].size() != 2 || r[2].size() != 3)
      throw Error(ErrorKind::Format, "'" + dir + "/countries.tsv' line " + std::to_string(countries.line(i)) +
                                         ": expected a two-letter and a three-letter country code, found '" + r[1] +
                                         "' and '" + r[2] + "'");
    t.countries.push_back({r[0], r[1], r[2], r[3], r[4], split_bars(r[5]), split_bars(r[6])});
  }
  t.demonyms = read_table(dir, "demonyms", 2);
  t.abbreviations = read_table(dir, "abbreviations", 4);
  t.regions = read_table(dir, "regions", 2);
  t.places = read_table(dir, "places", 3);
  t.org_cues = read_table(dir, "org_cues", 2);
  t.currencies = read_table(dir, "currencies", 2);
  t.person_titles = read_table(dir, "person_titles", 1);
  if (with_names) t.names = read_table(dir, "names", 3);
  return t;
}

std::string data_dir(const char* env, const char* sub) {
  if (const char* v = std::getenv(env); v && *v) return v;
  if (std::filesystem::is_directory(sub)) return sub;
  // An installed binary: <prefix>/bin/relgraph next to <prefix>/share/relgraph/<sub>.
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path installed = exe.parent_path().parent_path() / "share" / "relgraph" / sub;
    if (std::filesystem::is_directory(installed, ec)) return installed.string();
  }
  return std::string(RELGRAPH_SOURCE_DIR) + "/" + sub;
}

}  // namespace relgraph::detail
