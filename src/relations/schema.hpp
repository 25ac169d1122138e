// The canonical relation vocabulary (schemas/relations.json): names,
// descriptions, argument types, inverse/symmetric flags, and the triggers
// that map a surface proposition to a canonical relation. Loaded at run time
// and validated against schemas/relations.schema.json by tests.
//
// A trigger matches a proposition when its construction, lemma, folded
// preposition and (optionally) object head lemma all agree:
//   {"construction": "verb", "lemma": "meet", "prep": "with"}   met with -> met
//   {"construction": "verb", "lemma": "direct", "object": ["money"], "prep": "to"}
//   {"construction": "nominal", "lemma": "visit"}                Smith's visit to France
//   {"construction": "verb", "lemma": "bear", "prep": "in", "passive": true}   was born in
// Thread safety: immutable after load(); lookups are const.
// Tests: tests/relations_test.cpp
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace relgraph {

// How a proposition was found in the tree.
// Modifier: noun-phrase internal "X in Y" (nmod) and "wealthy X" (amod).
enum class Construction { Verb, Nominal, Copula, Apposition, Title, Possessive, Modifier };
const char* to_string(Construction c) noexcept;

struct RelationTrigger {
  Construction construction = Construction::Verb;
  std::vector<std::string> lemmas;   // predicate lemmas (lower case)
  std::string prep;                  // folded preposition, "" = any
  std::vector<std::string> objects;  // object head lemmas, empty = any
  bool passive = false;              // matches only the agentless passive ("was born in")
};

struct RelationType {
  std::string name;  // "met", "member_of" ...
  std::string description;
  std::string wikidata;                // Wikidata property ("P108"), "" if none
  bool wikidata_inverse = false;       // the property is read from the object ("employs": P108 of the person)
  std::vector<std::string> arg_types;  // per argument: "Person|Organization" ...
  std::string inverse;                 // name of the inverse relation, "" if none
  bool symmetric = false;
  bool attribution = false;  // a statement verb: its clausal complement is reported speech
  std::vector<RelationTrigger> triggers;
};

// A Wikidata property typed relations carry: "P108", "employer", canonical
// name "employed_by", and the open relations that state it, read from its
// subject (`explains`) or from its object (`explains_inverse`) besides the
// relations that name it with "wikidata".
struct WikidataProperty {
  std::string id;
  std::string label;
  std::string name;
  std::vector<std::string> explains;
  std::vector<std::string> explains_inverse;
};

class RelationSchema {
 public:
  RelationSchema() = default;
  // Parses relations.json content; `source` names it in Error(Format) messages.
  static RelationSchema parse(std::string_view json, const std::string& source);
  // Reads a file; Error(NotFound) if missing, Error(Format) if malformed.
  static RelationSchema load(const std::string& path);

  const std::vector<RelationType>& relations() const { return relations_; }
  const RelationType* find(std::string_view name) const;
  const std::vector<WikidataProperty>& properties() const { return properties_; }
  // The property with id `id` ("P108"), nullptr if the file does not list it.
  const WikidataProperty* property(std::string_view id) const;

  // Canonical relation name for a proposition, "" if none applies.
  // `passive`: the proposition is an agentless passive, whose subject is the
  // one acted on; only triggers marked "passive" apply to it, and only to it.
  std::string canonical(Construction c, std::string_view lemma, std::string_view prep, std::string_view object_lemma,
                        bool passive = false) const;
  // True when `lemma` triggers a relation marked "attribution" (say, announce ...).
  bool is_attribution_verb(std::string_view lemma) const;

 private:
  void index();
  std::vector<RelationType> relations_;
  std::vector<WikidataProperty> properties_;
  // (construction, lemma) -> (relation index, trigger index) candidates
  std::unordered_map<std::string, std::vector<std::pair<int, int>>> by_lemma_;
};

}  // namespace relgraph
