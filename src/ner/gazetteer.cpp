// Loads schemas/gazetteer/*.tsv and answers phrase lookups. Tests: tests/ner_test.cpp
#include "ner/gazetteer.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_set>

#include "core/files.hpp"
#include "core/resources.hpp"
#include "relgraph/error.hpp"

namespace relgraph::ner {

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    auto p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

std::string_view strip_the(std::string_view s) {
  if (s.size() > 4 && (s.substr(0, 4) == "the " || s.substr(0, 4) == "The ")) s.remove_prefix(4);
  return s;
}

// Abbreviations and short all-capital forms must match exactly ("US" but not "us").
bool needs_exact(std::string_view form) {
  bool has_lower = false;
  for (unsigned char c : form) has_lower |= (c >= 'a' && c <= 'z');
  return !has_lower || form.size() <= 3;
}

int rank_of(const GazetteerEntry& e) {
  if (e.subtype == "Country") return 0;
  if (e.type == "ORG") return 1;
  if (e.subtype == "Region") return 2;
  if (e.subtype == "City") return 3;
  if (e.type == "LOC") return 4;
  if (e.type == "NORP") return 5;
  return 6;
}

}  // namespace

void PhraseKey::add(std::string_view word) {
  for (unsigned char c : word) {
    if (c == ' ') continue;
    exact = (exact ^ c) * 1099511628211ull;
    unsigned char l = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    lower = (lower ^ l) * 1099511628211ull;
  }
}

void Gazetteer::add(const GazetteerEntry& entry, std::uint16_t bits, bool exact) {
  std::string_view form = strip_the(entry.form);
  PhraseKey key;
  key.add(form);
  exact = exact || needs_exact(form);
  if (exact) bits |= kGazExact;
  auto& item = exact ? exact_[key.exact] : lower_[key.lower];
  item.bits |= bits;
  int rank = rank_of(entry);
  if (!entry.type.empty() && rank < item.rank) {
    entries_.push_back(entry);
    item.entry = static_cast<int>(entries_.size()) - 1;
    item.rank = rank;
  }
}

Gazetteer Gazetteer::load(const std::string& dir) {
  return from(detail::GazetteerTables::load(dir, /*with_names=*/true));
}

Gazetteer Gazetteer::from(const detail::GazetteerTables& t) {
  Gazetteer g;
  for (const auto& c : t.countries) {
    for (const auto& name : c.names) g.add({name, "LOC", "Country", c.canonical}, kGazCountry);
    for (const auto& cap : c.capitals) g.add({cap, "LOC", "City", cap}, kGazPlace);
  }
  for (const auto& r : t.demonyms.rows()) g.add({r[0], "NORP", "Demonym", r[1]}, kGazDemonym);
  for (const auto& r : t.abbreviations.rows()) g.add({r[0], r[2], r[3], r[1]}, r[2] == "LOC" ? kGazCountry : kGazOrg);
  for (const auto& r : t.regions.rows()) g.add({r[0], "LOC", r[1], r[0]}, kGazRegion);
  for (const auto& r : t.places.rows()) g.add({r[0], "LOC", r[1], r[0]}, kGazPlace);
  for (const auto& r : t.org_cues.rows()) {
    g.add({r[0], "", r[1], ""}, kGazOrgCue);
    g.cues_.emplace(r[0], r[1]);
  }
  for (const auto& r : t.currencies.rows()) g.add_currency(r[0], r[1]);
  for (const auto& r : t.person_titles.rows()) g.add({r[0], "", "", ""}, kGazTitle);
  // Feature-only names: no entry (type ""), so lookups for typing never return them.
  const auto& names = t.names.rows();
  g.lower_.reserve(g.lower_.size() + names.size());  // one rehash instead of a dozen
  g.exact_.reserve(g.exact_.size() + names.size() / 4);
  for (const auto& r : names) {
    std::uint16_t bit = r[1] == "person" ? kGazPersonName : r[1] == "org" ? kGazOrgName : kGazPlaceName;
    g.add({r[0], "", "", ""}, bit, r[2] == "exact");
  }
  return g;
}

void Gazetteer::add_word_list(const std::string& path) {
  if (!std::filesystem::exists(path)) throw Error(ErrorKind::NotFound, "word list '" + path + "' not found");
  std::vector<std::string> words;
  for (auto& w : split(detail::read_file(path), '\n')) {
    if (!w.empty() && w.back() == '\r') w.pop_back();
    if (!w.empty() && w.find('\'') == std::string::npos) words.push_back(std::move(w));
  }
  auto lower = [](std::string s) {
    for (auto& c : s)
      if (c >= 'A' && c <= 'Z') c += 32;
    return s;
  };
  std::unordered_set<std::string> common;
  for (const auto& w : words)
    if (lower(w) == w) common.insert(w);
  for (const auto& w : words) {
    if (common.count(w))
      add({w, "", "", ""}, kGazCommon);
    else if (w[0] >= 'A' && w[0] <= 'Z' && !common.count(lower(w)))
      add({w, "", "", ""}, kGazProper, true);
  }
}

const GazetteerEntry* Gazetteer::find(const PhraseKey& key) const {
  if (auto it = exact_.find(key.exact); it != exact_.end() && it->second.entry >= 0) return &entries_[it->second.entry];
  if (auto it = lower_.find(key.lower); it != lower_.end() && it->second.entry >= 0) return &entries_[it->second.entry];
  return nullptr;
}

const GazetteerEntry* Gazetteer::find(std::string_view phrase) const {
  PhraseKey key;
  key.add(strip_the(phrase));
  return find(key);
}

std::uint16_t Gazetteer::bits(const PhraseKey& key) const {
  std::uint16_t b = 0;
  if (auto it = exact_.find(key.exact); it != exact_.end()) b |= it->second.bits;
  if (auto it = lower_.find(key.lower); it != lower_.end()) b |= it->second.bits;
  return b;
}

std::string Gazetteer::org_subtype(std::span<const std::string_view> words) const {
  // Prefer a two-word cue ("Air Force", "State Department"), then the last one-word cue.
  std::string found;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i + 1 < words.size()) {
      auto it = cues_.find(std::string(words[i]) + " " + std::string(words[i + 1]));
      if (it != cues_.end()) {
        found = it->second;
        ++i;
        continue;
      }
    }
    if (auto it = cues_.find(std::string(words[i])); it != cues_.end()) found = it->second;
  }
  return found;
}

namespace {
std::string lower_copy(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c += 32;
  return out;
}
}  // namespace

void Gazetteer::add_currency(const std::string& form, const std::string& code) {
  currency_[needs_exact(form) ? form : lower_copy(form)] = code;
}

std::string Gazetteer::currency(std::string_view phrase) const {
  if (auto it = currency_.find(std::string(phrase)); it != currency_.end()) return it->second;
  if (needs_exact(phrase)) return "";
  if (auto it = currency_.find(lower_copy(phrase)); it != currency_.end()) return it->second;
  return "";
}

std::vector<std::pair<std::uint64_t, std::uint16_t>> Gazetteer::feature_table() const {
  // Exact keys are told apart from lower-case ones by kGazExact in the stored bits;
  // the recognizer looks both up (features.hpp), so keep them in one table.
  std::vector<std::pair<std::uint64_t, std::uint16_t>> table;
  for (const auto& [k, item] : lower_) table.emplace_back(k, item.bits);
  for (const auto& [k, item] : exact_) table.emplace_back(k, item.bits);
  std::sort(table.begin(), table.end());
  return table;
}

}  // namespace relgraph::ner
