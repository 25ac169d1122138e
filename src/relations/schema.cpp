// Loads schemas/relations.json and maps surface propositions to canonical
// relations. Tests: tests/relations_test.cpp
#include "relations/schema.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>

#include "core/files.hpp"
#include "relgraph/error.hpp"

namespace relgraph {

const char* to_string(Construction c) noexcept {
  switch (c) {
    case Construction::Verb:
      return "verb";
    case Construction::Nominal:
      return "nominal";
    case Construction::Copula:
      return "copula";
    case Construction::Apposition:
      return "appos";
    case Construction::Title:
      return "title";
    case Construction::Possessive:
      return "poss";
    case Construction::Modifier:
      return "mod";
  }
  return "verb";
}

namespace {

Construction parse_construction(std::string_view s, const std::string& where) {
  for (auto c : {Construction::Verb, Construction::Nominal, Construction::Copula, Construction::Apposition,
                 Construction::Title, Construction::Possessive, Construction::Modifier})
    if (s == to_string(c)) return c;
  throw Error(ErrorKind::Format, where + ": unknown construction '" + std::string(s) + "'");
}

std::string key(Construction c, std::string_view lemma) {
  return std::string(to_string(c)) + "\t" + std::string(lemma);
}

std::string get_string(const rapidjson::Value& obj, const char* field, const std::string& where, bool required) {
  auto it = obj.FindMember(field);
  if (it == obj.MemberEnd()) {
    if (required) throw Error(ErrorKind::Format, where + ": missing \"" + field + "\"");
    return "";
  }
  if (!it->value.IsString()) throw Error(ErrorKind::Format, where + ": \"" + field + "\" must be a string");
  return it->value.GetString();
}

std::vector<std::string> get_strings(const rapidjson::Value& obj, const char* field, const std::string& where) {
  std::vector<std::string> out;
  auto it = obj.FindMember(field);
  if (it == obj.MemberEnd()) return out;
  if (it->value.IsString()) return {it->value.GetString()};
  if (!it->value.IsArray()) throw Error(ErrorKind::Format, where + ": \"" + field + "\" must be a list of strings");
  for (const auto& v : it->value.GetArray()) {
    if (!v.IsString()) throw Error(ErrorKind::Format, where + ": \"" + field + "\" must be a list of strings");
    out.emplace_back(v.GetString());
  }
  return out;
}

bool get_bool(const rapidjson::Value& obj, const char* field, const std::string& where) {
  auto it = obj.FindMember(field);
  if (it == obj.MemberEnd()) return false;
  if (!it->value.IsBool()) throw Error(ErrorKind::Format, where + ": \"" + field + "\" must be true or false");
  return it->value.GetBool();
}

// The "properties" list: each one's names must be relations of `schema`, and
// every relation's "wikidata" must be listed.
std::vector<WikidataProperty> parse_properties(const rapidjson::Value& d, const std::string& source,
                                               const RelationSchema& schema) {
  std::vector<WikidataProperty> out;
  auto property = [&](const std::string& id) {
    return std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.id == id; });
  };
  auto list = d.FindMember("properties");
  if (list == d.MemberEnd()) return out;
  if (!list->value.IsArray()) throw Error(ErrorKind::Format, source + ": \"properties\" must be a list");
  for (const auto& p : list->value.GetArray()) {
    std::string where = source + ": property #" + std::to_string(out.size() + 1);
    if (!p.IsObject()) throw Error(ErrorKind::Format, where + ": must be an object");
    WikidataProperty w;
    w.id = get_string(p, "id", where, true);
    where = source + ": property '" + w.id + "'";
    w.label = get_string(p, "label", where, true);
    w.name = get_string(p, "name", where, true);
    w.explains = get_strings(p, "explains", where);
    w.explains_inverse = get_strings(p, "explains_inverse", where);
    if (property(w.id)) throw Error(ErrorKind::Format, where + ": listed twice");
    for (const auto* names : {&w.explains, &w.explains_inverse})
      for (const auto& n : *names)
        if (!schema.find(n)) throw Error(ErrorKind::Format, where + ": explains unknown relation '" + n + "'");
    out.push_back(std::move(w));
  }
  for (const auto& r : schema.relations())
    if (!r.wikidata.empty() && !property(r.wikidata))
      throw Error(ErrorKind::Format, source + ": relation '" + r.name + "' names property '" + r.wikidata +
                                         "', which \"properties\" does not list");
  return out;
}

}  // namespace

RelationSchema RelationSchema::parse(std::string_view json, const std::string& source) {
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError())
    throw Error(ErrorKind::Format, source + ": invalid JSON at byte " + std::to_string(d.GetErrorOffset()) + ": " +
                                       rapidjson::GetParseError_En(d.GetParseError()));
  if (!d.IsObject() || !d.HasMember("relations") || !d["relations"].IsArray())
    throw Error(ErrorKind::Format, source + ": expected an object with a \"relations\" list");
  RelationSchema schema;
  for (const auto& r : d["relations"].GetArray()) {
    std::string where = source + ": relation #" + std::to_string(schema.relations_.size() + 1);
    if (!r.IsObject()) throw Error(ErrorKind::Format, where + ": must be an object");
    RelationType type;
    type.name = get_string(r, "name", where, true);
    where = source + ": relation '" + type.name + "'";
    type.description = get_string(r, "description", where, true);
    type.wikidata = get_string(r, "wikidata", where, false);
    type.wikidata_inverse = get_bool(r, "wikidata_inverse", where);
    type.arg_types = get_strings(r, "arg_types", where);
    type.inverse = get_string(r, "inverse", where, false);
    type.symmetric = get_bool(r, "symmetric", where);
    type.attribution = get_bool(r, "attribution", where);
    if (auto it = r.FindMember("triggers"); it != r.MemberEnd()) {
      if (!it->value.IsArray()) throw Error(ErrorKind::Format, where + ": \"triggers\" must be a list");
      for (const auto& t : it->value.GetArray()) {
        if (!t.IsObject()) throw Error(ErrorKind::Format, where + ": each trigger must be an object");
        RelationTrigger trig;
        trig.construction = parse_construction(
            get_string(t, "construction", where, false).empty() ? "verb" : get_string(t, "construction", where, false),
            where);
        trig.lemmas = get_strings(t, "lemma", where);
        trig.prep = get_string(t, "prep", where, false);
        trig.objects = get_strings(t, "object", where);
        trig.passive = get_bool(t, "passive", where);
        if (trig.lemmas.empty()) throw Error(ErrorKind::Format, where + ": a trigger needs \"lemma\"");
        type.triggers.push_back(std::move(trig));
      }
    }
    if (schema.find(type.name)) throw Error(ErrorKind::Format, where + ": defined twice");
    schema.relations_.push_back(std::move(type));
  }
  for (const auto& r : schema.relations_)
    if (!r.inverse.empty() && !schema.find(r.inverse))
      throw Error(ErrorKind::Format, source + ": relation '" + r.name + "' names unknown inverse '" + r.inverse + "'");
  schema.properties_ = parse_properties(d, source, schema);
  schema.index();
  return schema;
}

const WikidataProperty* RelationSchema::property(std::string_view id) const {
  for (const auto& p : properties_)
    if (p.id == id) return &p;
  return nullptr;
}

RelationSchema RelationSchema::load(const std::string& path) { return parse(detail::read_file(path), path); }

void RelationSchema::index() {
  by_lemma_.clear();
  for (int r = 0; r < static_cast<int>(relations_.size()); ++r)
    for (int t = 0; t < static_cast<int>(relations_[r].triggers.size()); ++t) {
      const auto& trig = relations_[r].triggers[t];
      for (const auto& lemma : trig.lemmas) by_lemma_[key(trig.construction, lemma)].emplace_back(r, t);
    }
}

const RelationType* RelationSchema::find(std::string_view name) const {
  for (const auto& r : relations_)
    if (r.name == name) return &r;
  return nullptr;
}

std::string RelationSchema::canonical(Construction c, std::string_view lemma, std::string_view prep,
                                      std::string_view object_lemma, bool passive) const {
  auto it = by_lemma_.find(key(c, lemma));
  if (it == by_lemma_.end()) return "";
  // The most specific trigger wins: one naming a preposition or object beats a bare lemma.
  int best = -1, best_score = -1;
  for (auto [r, t] : it->second) {
    const auto& trig = relations_[r].triggers[t];
    if (trig.passive != passive) continue;
    int score = 0;
    if (!trig.prep.empty()) {
      if (trig.prep != prep) continue;
      score += 2;
    }
    if (!trig.objects.empty()) {
      bool found = false;
      for (const auto& o : trig.objects) found = found || o == object_lemma;
      if (!found) continue;
      score += 2;
    }
    if (score > best_score) best = r, best_score = score;
  }
  return best < 0 ? "" : relations_[best].name;
}

bool RelationSchema::is_attribution_verb(std::string_view lemma) const {
  auto it = by_lemma_.find(key(Construction::Verb, lemma));
  if (it == by_lemma_.end()) return false;
  for (auto [r, t] : it->second)
    if (relations_[r].attribution) return true;
  return false;
}

}  // namespace relgraph
