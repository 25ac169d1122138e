// The coreference stage: tables, word lists and the sieve loop's entry point
// (the sieves themselves are in sieve_*.cpp, see resolver.hpp and coref.hpp).
// Tests: tests/coref_test.cpp
#include "coref/coref.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>

#include "coref/resolver.hpp"
#include "relgraph/error.hpp"

namespace relgraph {
namespace {

using coref_impl::join;
using coref_impl::lower;
using coref_impl::split_words;
using coref_impl::strip_possessive;

std::vector<std::vector<std::string>> read_table(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(ErrorKind::NotFound, "cannot read coreference table '" + path + "'");
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::size_t pos = 0;
    while (pos <= line.size()) {
      auto tab = line.find('\t', pos);
      if (tab == std::string::npos) tab = line.size();
      f.push_back(line.substr(pos, tab - pos));
      pos = tab + 1;
    }
    rows.push_back(std::move(f));
  }
  return rows;
}

class CorefStage : public Stage {
 public:
  CorefStage(CorefTables t, std::vector<std::string> disabled) : t_(std::move(t)), disabled_(std::move(disabled)) {}
  std::string name() const override { return "coref"; }
  std::vector<Layer> needs() const override { return {Layer::Entities, Layer::Deps}; }
  std::vector<Layer> adds() const override { return {Layer::Coref}; }
  std::vector<std::string> rules() const override { return coref_impl::rule_names(); }
  void process(Document& doc) const override { resolve_coreference(doc, t_, disabled_); }

 private:
  CorefTables t_;
  std::vector<std::string> disabled_;
};

}  // namespace

std::string name_key(const std::string& name) {
  std::string s = strip_possessive(name);
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) out += static_cast<char>(std::tolower(u));
    else if (c == ' ' || c == '-' || c == '\t') out += ' ';
    // dots and other punctuation vanish: "U.S." -> "us"
  }
  auto words = split_words(out);
  if (!words.empty() && words[0] == "the") words.erase(words.begin());
  return join(words);
}


CorefTables load_coref_tables(const std::string& schemas_dir) {
  CorefTables t;
  std::string dir = schemas_dir + "/gazetteer/";
  for (auto& row : read_table(dir + "demonyms.tsv"))
    if (row.size() >= 2) t.demonyms[lower(row[0])] = row[1];
  for (auto& row : read_table(dir + "countries.tsv")) {
    if (row.size() < 7) throw Error(ErrorKind::Format, "'" + dir + "countries.tsv': a row has fewer than 7 columns: " + row[0]);
    const std::string& canonical = row[0];
    t.countries[lower(canonical)] = canonical;
    std::size_t pos = 0;
    auto each = [](const std::string& field, const std::function<void(const std::string&)>& f) {
      std::size_t p = 0;
      while (p <= field.size()) {
        auto bar = field.find('|', p);
        if (bar == std::string::npos) bar = field.size();
        if (bar > p) f(field.substr(p, bar - p));
        p = bar + 1;
      }
    };
    (void)pos;
    each(row[6], [&](const std::string& n) {
      t.countries[lower(n)] = canonical;
      t.countries[name_key(n)] = canonical;
    });
    if (row[1].size() == 2) t.countries[lower(row[1])] = canonical;  // "US", "UK"
    each(row[5], [&](const std::string& c) {
      t.capitals[lower(c)] = canonical;
      // "Washington D.C." is called "Washington" when it acts.
      for (std::string_view suffix : {" D.C.", " DC", " City"})
        if (c.size() > suffix.size() && c.compare(c.size() - suffix.size(), suffix.size(), suffix) == 0)
          t.capitals[lower(c.substr(0, c.size() - suffix.size()))] = canonical;
    });
  }
  // Two-letter codes that are also English words must not become countries.
  for (const char* w : {"in", "is", "it", "at", "be", "by", "do", "go", "me", "my", "no", "so", "to", "us", "am", "an", "as", "he", "hi", "id", "la", "ma", "mo", "pa", "pe", "sa", "se", "st", "tv"})
    if (std::string(w) != "us") t.countries.erase(w);
  t.countries["u.s."] = t.countries.count("us") ? t.countries["us"] : "United States";
  for (auto& row : read_table(dir + "person_titles.tsv"))
    if (!row.empty()) t.titles.insert(lower(row[0]));
  for (const char* w : {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "miss", "dr", "dr.", "prof", "prof."}) t.titles.insert(w);
  return t;
}


bool CorefWords::in(std::string_view list, const std::string& word) const { return row(list, word) != nullptr; }

std::string_view CorefWords::value(std::string_view list, const std::string& word) const {
  auto it = lists.find(list);
  return it == lists.end() ? std::string_view() : it->second.value(word);
}

const std::vector<std::string>* CorefWords::row(std::string_view list, const std::string& word) const {
  auto it = lists.find(list);
  return it == lists.end() ? nullptr : it->second.find(word);
}

// determiners.tsv columns: form, kind (article, demonstrative, possessive), definiteness, number.
bool CorefWords::is_article(const std::string& word) const { return value("determiners", lower(word)) == "article"; }

bool CorefWords::is_definite_article(const std::string& word) const {
  const auto* r = row("determiners", lower(word));
  return r && (*r)[1] == "article" && (*r)[2] == "definite";
}

bool CorefWords::is_singular_definite(const std::string& word) const {
  const auto* r = row("determiners", lower(word));
  return r && (*r)[1] != "possessive" && (*r)[2] == "definite" && (*r)[3] != "plural";
}

CorefWords load_coref_words(const detail::Resources& resources) {
  CorefWords w;
  for (const char* name : kCorefWordLists) w.lists.emplace(name, resources.lexicon(name));
  return w;
}

void resolve_coreference(Document& doc, const CorefTables& tables, const std::vector<std::string>& disabled) {
  // Forget an earlier run's additions so the stage can be re-run.
  doc.mentions.erase(std::remove_if(doc.mentions.begin(), doc.mentions.end(),
                                    [](const EntityMention& m) {
                                      return m.subtype == "Nominal" || m.subtype == "Pronoun" || m.subtype == "Role";
                                    }),
                     doc.mentions.end());
  coref_impl::Resolver(doc, tables, disabled).run();
}

std::unique_ptr<Stage> make_coref_stage(const PipelineOptions& options) {
  CorefTables t;
  if (!options.schemas_dir.empty()) t = load_coref_tables(options.schemas_dir);
  t.words = load_coref_words(detail::Resources::shared(options.schemas_dir));
  std::vector<std::string> disabled;
  for (const auto& r : coref_impl::rule_names())
    if (!options.enabled(r)) disabled.push_back(r);
  return std::make_unique<CorefStage>(std::move(t), std::move(disabled));
}

}  // namespace relgraph
