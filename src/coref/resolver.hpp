// The coreference resolver's working state and its sieves (internal to the
// coref stage). Each sieve is a named rule ("coref.acronym") that
// PipelineOptions::disable can switch off; sieves.cpp lists them in run order.
// Tests: tests/coref_test.cpp
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/mention_index.hpp"
#include "coref/coref.hpp"

namespace relgraph::coref_impl {

std::string lower(std::string_view s);
std::vector<std::string> split_words(std::string_view s);
std::string join(const std::vector<std::string>& w, std::size_t from = 0, std::size_t to = std::string::npos);
// Drops a trailing possessive: "Jones'" / "Jones’" / "Doe's" / "Doe’s".
std::string strip_possessive(std::string s);
bool is_value_type(const std::string& type);
std::string graph_type(const EntityMention& m);
// Graph types that may share an entity (a country may be tagged ORG).
bool compatible(const std::string& a, const std::string& b);

enum class Kind { Named, Nominal, Pronoun };

// Per-mention working state.
struct Item {
  Kind kind = Kind::Named;
  std::string key;                // merge key (named and keyed nominal mentions)
  std::string etype;              // graph type: Person, Organization, Country, Place, Thing
  std::string label;              // the best label this mention offers
  std::vector<std::string> name;  // name words (titles stripped)
  int head = -1;                  // head word (0-based) in its sentence
  bool active = false;            // takes part in coreference
};

class Resolver;

// Rules applied per mention by the apposition pass.
inline constexpr const char* kApposition = "coref.apposition";                    // "John Roe, the US envoy"
inline constexpr const char* kSurfaceApposition = "coref.apposition_surface";     // the same when the parse missed it
inline constexpr const char* kRole = "coref.role";                                // "French Interior Minister Jane Doe"
inline constexpr const char* kNamedModifier = "coref.apposition_named_modifier";  // "an [Acme] lawyer, Bo Tan"
// Rule of the alias pass.
inline constexpr const char* kOrgHead = "coref.org_head";  // "Church of Scientology ... the Church"
// Rule of the bracket-acronym pass.
inline constexpr const char* kAcronymRetype = "coref.acronym_retype";  // "Zorbian News Agency (ZNA) ... said ZNA"[PER]
// Rules of the definite-description pass.
inline constexpr const char* kUniqueDescription = "coref.definite_unique";  // the only fitting entity, any distance
// How far back (in sentences) coref.definite_unique looks: further than any
// news article, and a bound that keeps one very long document linear.
inline constexpr int kUniqueDescriptionReach = 250;
// Rule of the group pass.
inline constexpr const char* kTheyOrganisation = "coref.they_organisation";  // "Acme denied it: ... They said"
// Rule of the pronoun pass.
inline constexpr const char* kSubjectIt = "coref.subject_it";               // "Acme grew. It hired ..."
inline constexpr const char* kItNearerSubject = "coref.it_nearer_subject";  // "... the plant closed after it"

// One sieve: a rule name and the pass that applies it.
struct Sieve {
  const char* name;
  void (Resolver::*run)();
};
// The sieves in run order (a sieve may run more than once).
const std::vector<Sieve>& sieves();
// Every rule name the stage knows: the sieves and the per-mention apposition rules.
std::vector<std::string> rule_names();

class Resolver {
 public:
  Resolver(Document& doc, const CorefTables& t, const std::vector<std::string>& disabled)
      : doc_(doc), t_(t), disabled_(disabled) {}
  void run();

  // --- sieves (in sieve_*.cpp) ---
  void state_agents();
  void exact_match();
  void acronyms();
  void parenthetical_acronyms();
  void bracket_expansions();
  void retype_by_apposition();
  void name_variants();
  void compass_names();
  void country_short_names();
  void appositions();
  void surnames();
  void persons_not_places();
  void definite_descriptions();
  void pronouns();
  void quote_speakers();
  void groups();
  void group_descriptions();

 private:
  bool enabled(std::string_view rule) const;
  // --- tree helpers ---
  const Token& tok(int s, int i) const { return doc_.sentences[s].tokens[i]; }
  int ntok(int s) const { return static_cast<int>(doc_.sentences[s].tokens.size()); }
  int nsent() const { return static_cast<int>(doc_.sentences.size()); }
  int nitems() const { return static_cast<int>(items_.size()); }
  int head_of(int s, int i) const { return tok(s, i).head - 1; }  // -1 = root or unset
  const std::vector<int>& children(int s, int i) const { return kids_[s][i]; }
  int span_head(int s, int first, int last) const;
  std::pair<int, int> subtree(int s, int i) const;
  bool has_case(int s, int i, const std::string& word) const;
  int mention_at(int s, int i) const { return at_[s][i]; }  // named/nominal mention containing word i, or -1
  bool in_body(const Span& sp) const;
  bool word_in_body(int s, int i) const { return in_body(make_span(s, i, i + 1)); }
  Span make_span(int s, int first, int last) const;
  int add_mention(int s, int first, int last, const std::string& type, const std::string& subtype, Kind kind,
                  const std::string& etype);
  bool words(const char* list, const std::string& word) const { return t_.words.in(list, word); }
  // A mention other than a country over word j ends a title or role phrase.
  bool blocks(int s, int j) const { return mention_at(s, j) >= 0 && items_[mention_at(s, j)].etype != "Country"; }

  // --- union-find over mentions ---
  int find(int m) { return parent_[m] == m ? m : parent_[m] = find(parent_[m]); }
  void unite(int a, int b);
  // Adds a role phrase to cluster root r's roles, once: a long article that
  // repeats a role keeps one copy, so the role tests stay cheap.
  void add_role_phrase(int r, const std::string& role);
  bool same(int a, int b) { return find(a) == find(b); }

  // --- keys (resolver.cpp) ---
  void prepare();
  bool keep_named(int m);
  bool title_phrase(int m) const;
  void key_named(int m);
  void strip_person_titles(int m, std::vector<std::string>& words);
  void capital_and_subnational(int m);
  void build_entities();
  std::string entity_label(const std::vector<int>& ms, const std::string& type);

  // --- sieve parts ---
  std::string agent_country(int s, int i, int& first) const;
  int bracket_name(int s, int i);
  void later_acronyms(const std::map<std::string, int>& found);
  std::vector<int> kind_partners(int m) const;
  // Initials of `words`, lower case; without acronym_skip_words unless `all`.
  std::string initials(const std::vector<std::string>& words, bool all) const;
  std::string possessor_country(int m) const;
  bool person_variant(const Item& it, const Item& other, const std::vector<std::string>& a,
                      const std::vector<std::string>& b, bool& by_last_words) const;
  bool organisation_variant(int m, const Item& other, const std::vector<std::string>& a,
                            const std::vector<std::string>& b) const;
  int variant_pick(int m, const std::vector<int>& cands, bool by_last_words);
  static std::string organisation_head(const std::vector<std::string>& name);
  bool after_the(int m) const;
  void retype_organisation_heads();
  bool is_title(const std::string& word) const;
  int title_run(int s, int end) const;
  void surface_apposition(int m);
  bool person_shaped(int m) const;
  bool parse_appositions(int m);
  bool apposition_role(int m, int g, std::vector<int>& words, std::string& role) const;
  void add_role(int m, int s, int first, int last, const std::string& role, const std::string& etype);
  void title_before(int m);
  int title_start(int m) const;
  int description_antecedent(int s, int i, const std::string& head, const std::vector<int>& mods);
  bool description_head(int s, int i) const;
  bool description_fits(int m, int s, const std::string& head, const std::vector<int>& mods);
  void pronoun(int s, int i, int root, int subj);
  bool pronoun_fits(int m, const std::string& cls);
  int plural_antecedent(int s, int i, const std::string& cls);
  int singular_antecedent(int s, int i, const std::string& cls, bool subject_only = false);
  int clause_subject(int s, int i) const;
  bool noun_subject_between(int m, int s, int i) const;
  bool expletive_it(int s, int i) const;
  bool quoted(int s, int i) const { return !quoted_.empty() && quoted_[s][i]; }
  void mark_quotes();
  int mention_headed_at(int s, int i) const;
  int sentence_speaker(int s) const;
  bool group_noun(int s, int j) const;
  int group_mention(int s, int j, bool bare = false);
  std::set<std::string> group_modifiers(int s, int j) const;
  int subject_organisation(int s);
  int group_antecedent(int s, int i, const std::map<std::pair<int, int>, int>& bound);

  std::string country_of(const std::string& word) const;  // demonym / country name -> canonical
  std::string cluster_type(int root);
  std::vector<int> members(int root);
  long position(int m) const {
    return static_cast<long>(doc_.mentions[m].span.sentence) * 100000 + doc_.mentions[m].span.first;
  }

  Document& doc_;
  const CorefTables& t_;
  const std::vector<std::string>& disabled_;
  std::vector<std::vector<std::vector<int>>> kids_;
  std::vector<Item> items_;
  std::vector<int> parent_;
  std::vector<std::vector<int>> cluster_;          // root -> every mention of its cluster, in increasing order
  detail::MentionIndex in_sentence_;               // sentence -> its mentions, in increasing order
  std::vector<std::vector<bool>> quoted_;          // per sentence: word inside a quotation
  std::vector<std::vector<int>> at_;               // per sentence: word -> mention index (named/nominal), -1
  std::map<int, std::vector<std::string>> roles_;  // cluster root -> role phrases
  std::map<int, char> gender_;                     // cluster root -> 'm' / 'f'
  std::map<std::string, std::set<std::string>> kind_nouns_;
  // While the pronoun pass runs, cluster_type() of each root is kept: that pass
  // only adds pronouns, which do not vote, so a cluster's type stays put.
  bool cache_types_ = false;
  std::map<int, std::string> type_of_root_;
  std::set<int> group_;  // nominal mentions coref.group made for a group  // name key -> its appositive nouns ("group")
};

}  // namespace relgraph::coref_impl
