// The coreference stage: tables, word lists and the sieve loop's entry point
// (the sieves themselves are in sieve_*.cpp, see resolver.hpp and coref.hpp).
// Tests: tests/coref_test.cpp
#include "coref/coref.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>

#include "core/resources.hpp"
#include "coref/resolver.hpp"
#include "relgraph/error.hpp"

namespace relgraph {
namespace {

using coref_impl::join;
using coref_impl::lower;
using coref_impl::split_words;
using coref_impl::strip_possessive;

class CorefStage : public Stage {
 public:
  CorefStage(CorefTables t, std::vector<std::string> disabled) : t_(std::move(t)), disabled_(std::move(disabled)) {}
  std::string name() const override { return "coref"; }
  std::vector<Layer> needs() const override {
    return {Layer::Metadata, Layer::Tokens, Layer::Tags, Layer::Lemmas, Layer::Deps, Layer::Entities};
  }
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
    if (std::isalnum(u) || u >= 0x80)
      out += static_cast<char>(std::tolower(u));
    else if (c == ' ' || c == '-' || c == '\t')
      out += ' ';
    // dots and other punctuation vanish: "U.S." -> "us"
  }
  auto words = split_words(out);
  if (!words.empty() && words[0] == "the") words.erase(words.begin());
  return join(words);
}

CorefTables load_coref_tables(const std::string& schemas_dir) {
  CorefTables t;
  const auto& gazetteer = detail::Resources::shared(schemas_dir).gazetteer();
  for (const auto& row : gazetteer.demonyms.rows()) t.demonyms[lower(row[0])] = row[1];
  for (const auto& country : gazetteer.countries) {
    const std::string& canonical = country.canonical;
    t.countries[lower(canonical)] = canonical;
    for (const auto& n : country.names) {
      t.countries[lower(n)] = canonical;
      t.countries[name_key(n)] = canonical;
    }
    t.countries[lower(country.alpha2)] = canonical;  // "US", "UK"
    for (const auto& c : country.capitals) {
      t.capitals[lower(c)] = canonical;
      // "Washington D.C." is called "Washington" when it acts.
      for (std::string_view suffix : {" D.C.", " DC", " City"})
        if (c.size() > suffix.size() && c.compare(c.size() - suffix.size(), suffix.size(), suffix) == 0)
          t.capitals[lower(c.substr(0, c.size() - suffix.size()))] = canonical;
    }
  }
  // Two-letter codes that are also English words must not become countries.
  const auto& resources = detail::Resources::shared(schemas_dir);
  for (const auto& w : resources.lexicon("two_letter_words").keys())
    if (w != "us") t.countries.erase(w);
  t.countries["u.s."] = t.countries.count("us") ? t.countries["us"] : "United States";
  for (const auto& row : gazetteer.person_titles.rows()) t.titles.insert(lower(row[0]));
  for (const auto& row : gazetteer.regions.rows()) t.regions.insert(lower(row[0]));
  for (const auto& w : resources.lexicon("title_abbreviations").keys()) t.titles.insert(w);
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
