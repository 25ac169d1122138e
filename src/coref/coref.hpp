// Coreference and entity resolution within one article, in the spirit of
// multi-pass sieve coreference (Lee et al. 2013): precise passes first, each
// pass only adding links the earlier ones could not make.
//
//   1. keys: each named mention gets a key (canonical name, else its text,
//      normalised); capital cities acting as agents ("Paris said") take their
//      country's key; "Georgia" after "the state of" keeps a separate sense.
//      Nominal mentions are created for state agents ("French authorities",
//      "US forces") and keyed by the country.
//   2. exact match of keys.
//   3. acronyms <-> expansions (MoD <-> Ministry of Defence, U.S. <-> United States).
//   4. name variants: Jane Doe / Doe / Ms Doe (never across different first
//      names); organisation names contained in a fuller one (Ministry of
//      Justice <-> French Ministry of Justice).
//   5. appositions and titles: "the UK Ambassador to Peru, John Roe" and
//      "French Interior Minister Jane Doe" make nominal mentions and roles.
//   6. definite descriptions: "the ambassador", "the ministry", "the country".
//   7. pronouns and possessives by agreement and recency.
//   8. definite descriptions of groups ("the crew") and plural pronouns no
//      name took: the group a subject phrase introduced ("Harbour pilots
//      struck. They want pay."), a nominal mention labelled by its own words.
// Each pass is a named sieve (rules(), listed by `relgraph rules`) that
// PipelineOptions::disable switches off.
// English words the sieves compare against are lists in schemas/lexicon/
// (kCorefWordLists), read through detail::Resources when the stage is made.
// The result: Document::entities (label = fullest proper name, graph type,
// aliases, mentions) and EntityMention::entity. Nominal and pronoun mentions
// are appended to Document::mentions (subtype "Nominal" / "Pronoun"), so the
// relation extractor can link arguments to them. Value mentions (DATE,
// MONEY ...) and mentions outside Metadata's body range get no entity.
//
// Thread safety: resolve() is const; tables are immutable after loading.
// Errors: load_coref_tables throws Error(NotFound/Format) naming the file.
// Tests: tests/coref_test.cpp
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/resources.hpp"
#include "relgraph/document.hpp"
#include "relgraph/stage.hpp"

namespace relgraph {

// The word lists (schemas/lexicon/NAME.tsv) the sieves read; keys lower-case.
inline constexpr const char* kCorefWordLists[] = {
    "personal_pronouns",     "honorific_gender",   "subnational_units",   "state_agent_nouns",    "organisation_nouns",
    "acronym_skip_words",    "name_continuations", "description_nouns",   "determiners",          "title_continuations",
    "title_prepositions",    "place_prepositions", "motion_prepositions", "expletive_predicates", "speech_verbs",
    "first_person_pronouns", "role_prepositions",  "group_nouns",         "time_units",           "measure_units",
    "vague_adjectives",      "compass_words"};

struct CorefWords {
  std::map<std::string, detail::Lexicon, std::less<>> lists;  // list name -> its lexicon
  bool in(std::string_view list, const std::string& word) const;
  // Second field of `word`'s row in `list`, "" if absent.
  std::string_view value(std::string_view list, const std::string& word) const;
  const std::vector<std::string>* row(std::string_view list, const std::string& word) const;
  // By determiners.tsv, in any case: "the"; "the", "a", "an"; "the", "this", "that".
  bool is_definite_article(const std::string& word) const;
  bool is_article(const std::string& word) const;
  bool is_singular_definite(const std::string& word) const;
};

// Throws Error(NotFound) naming the first missing list.
CorefWords load_coref_words(const detail::Resources& resources);

// Lexical tables the sieves use; all keys lower-case.
struct CorefTables {
  std::map<std::string, std::string> demonyms;   // "french" -> "France"
  std::map<std::string, std::string> capitals;   // "paris" -> "France"
  std::map<std::string, std::string> countries;  // any country name -> canonical ("the us" -> "United States")
  std::set<std::string> titles;                  // person titles: "minister", "mr", "ambassador"
  std::set<std::string> regions;                 // continents and world regions: "africa", "middle east"
  CorefWords words;                              // English word lists (empty: those sieves find nothing)
};

// Reads schemas_dir/gazetteer/{demonyms,countries,person_titles,regions}.tsv.
CorefTables load_coref_tables(const std::string& schemas_dir);

// Runs every sieve not named in `disabled` over a document with tokens,
// dependencies and mentions.
void resolve_coreference(Document& doc, const CorefTables& tables, const std::vector<std::string>& disabled = {});

// Normalised key of a name: lower case, "the" and possessive 's dropped,
// punctuation removed ("The U.S.'s" -> "us").
std::string name_key(const std::string& name);

// Stage: needs metadata (the body range), tokens, tags, lemmas, dependencies
// and entities, adds coreference. Reads tables from
// options.schemas_dir (empty: no tables, the lexical sieves do nothing) and
// the word lists through detail::Resources; skips the sieves options.disable names.
std::unique_ptr<Stage> make_coref_stage(const PipelineOptions& options);

}  // namespace relgraph
