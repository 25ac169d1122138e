// RDF triples -> knowledge graph, the inverse of the N-Triples and JSON-LD
// exports (vocabulary from schemas/context.jsonld). Tests: tests/rdf_in_test.cpp
#include "io/rdf_graph.hpp"

#include <rapidjson/document.h>

#include <limits>
#include <map>
#include <set>

#include "io/codec.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {
namespace {

const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

// Full IRIs of the context's terms and prefixes.
class Vocabulary {
 public:
  Vocabulary() {
    rapidjson::Document doc;
    doc.Parse(jsonld_context().data(), jsonld_context().size());
    if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("@context"))
      throw Error(ErrorKind::Internal, "the embedded JSON-LD context is not valid JSON");
    const auto& ctx = doc["@context"];
    for (const auto& m : ctx.GetObject())
      if (m.value.IsString()) prefixes_[m.name.GetString()] = m.value.GetString();
    for (const auto& m : ctx.GetObject()) {
      const auto& v = m.value.IsObject() ? m.value["@id"] : m.value;
      if (v.IsString()) terms_[m.name.GetString()] = expand(v.GetString());
    }
    for (const auto& t : jsonld_entity_types()) types_[term(t)] = t;
  }
  std::string term(const std::string& name) const {
    auto it = terms_.find(name);
    if (it == terms_.end()) throw Error(ErrorKind::Internal, "the JSON-LD context does not define '" + name + "'");
    return it->second;
  }
  std::string prefix(const std::string& name) const { return prefixes_.at(name); }
  // Entity type of a class IRI: a context type, rg:<encoded>, else the IRI's
  // last segment (a foreign class such as http://example.org/ns#Ship).
  std::string type_name(const std::string& iri, const std::string& where) const {
    if (auto it = types_.find(iri); it != types_.end()) return it->second;
    const std::string& rg = prefixes_.at("rg");
    if (iri.starts_with(rg)) return percent_decode(std::string_view(iri).substr(rg.size()), where);
    return local_name(iri);
  }
  static std::string local_name(const std::string& iri) {
    auto cut = iri.find_last_of("#/");
    return cut == std::string::npos || cut + 1 == iri.size() ? iri : iri.substr(cut + 1);
  }

 private:
  std::string expand(const std::string& compact) const {
    auto colon = compact.find(':');
    if (colon == std::string::npos) return compact;
    auto it = prefixes_.find(compact.substr(0, colon));
    return it == prefixes_.end() ? compact : it->second + compact.substr(colon + 1);
  }
  std::map<std::string, std::string> prefixes_, terms_, types_;
};

std::string node_key(const RdfTerm& t) { return (t.kind == RdfTerm::Kind::Blank ? "_:" : "") + t.value; }

class Builder {
 public:
  Builder(const std::vector<RdfTriple>& triples, std::string source) : source_(std::move(source)) {
    for (const auto& t : triples) by_subject_[node_key(t.subject)].push_back(&t);
    rdf_type_ = kRdf + "type";
    ent_ = vocab_.prefix("ent");
    rel_ = vocab_.prefix("rel");
  }

  KnowledgeGraph build() {
    KnowledgeGraph graph;
    const std::string statement = vocab_.term("Relation"), knowledge_graph = vocab_.term("KnowledgeGraph");
    std::vector<std::string> statements;
    for (const auto& [subject, triples] : by_subject_) {
      where_ = "'" + source_ + "': node " + subject;
      bool is_statement = false;
      for (const RdfTriple* t : triples)
        if (t->predicate.value == rdf_type_ && t->object.kind == RdfTerm::Kind::Iri) {
          if (t->object.value == statement) is_statement = true;
          if (t->object.value == knowledge_graph) graph.properties() = attributes(triples);
        }
      if (is_statement)
        statements.push_back(subject);
      else if (subject.starts_with(ent_))
        entity(graph, subject);
    }
    std::set<std::tuple<std::string, std::string, std::string>> stated;
    for (const auto& s : statements) fact(graph, s, stated);
    // Direct links that no Statement stands behind (RDF edited or made elsewhere).
    for (const auto& [subject, triples] : by_subject_) {
      if (!subject.starts_with(ent_)) continue;
      for (const RdfTriple* t : triples) {
        if (!t->predicate.value.starts_with(rel_) || t->object.kind != RdfTerm::Kind::Iri ||
            !t->object.value.starts_with(ent_))
          continue;
        where_ = "'" + source_ + "': node " + subject;
        RelationEdge r;
        r.predicate = percent_decode(std::string_view(t->predicate.value).substr(rel_.size()), where_);
        if (stated.count({subject, r.predicate, t->object.value})) continue;
        r.surface = r.predicate;
        r.confidence = 1.0;
        graph.add_relation(vertex(graph, subject), vertex(graph, t->object.value), std::move(r));
      }
    }
    graph.canonicalize();
    return graph;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const { throw Error(ErrorKind::Format, where_ + " " + what); }

  const std::vector<const RdfTriple*>& about(const std::string& key) const {
    static const std::vector<const RdfTriple*> none;
    auto it = by_subject_.find(key);
    return it == by_subject_.end() ? none : it->second;
  }

  // Values of `term` among `triples`.
  std::vector<const RdfTerm*> values(const std::vector<const RdfTriple*>& triples, const std::string& term) const {
    std::vector<const RdfTerm*> out;
    const std::string iri = vocab_.term(term);
    for (const RdfTriple* t : triples)
      if (t->predicate.value == iri) out.push_back(&t->object);
    return out;
  }

  std::string literal(const std::vector<const RdfTriple*>& triples, const std::string& term) const {
    auto v = values(triples, term);
    if (v.empty()) return "";
    if (v.size() > 1) fail("has " + std::to_string(v.size()) + " values of " + term + " (expected one)");
    if (v[0]->kind != RdfTerm::Kind::Literal) fail("has a " + term + " that is not a literal");
    return v[0]->value;
  }

  std::map<std::string, std::string> attributes(const std::vector<const RdfTriple*>& triples) const {
    std::map<std::string, std::string> out;
    for (const RdfTerm* a : values(triples, "attribute")) {
      const auto& about_a = about(node_key(*a));
      out[literal(about_a, "key")] = literal(about_a, "value");
    }
    return out;
  }

  template <class Span>
  Span span(const RdfTerm& node) const {
    const auto& t = about(node_key(node));
    Span s;
    s.document = literal(t, "document");
    auto integer = [&](const char* term, long long fallback) {
      std::string text = literal(t, term);
      if (text.empty()) return fallback;
      try {
        std::size_t used = 0;
        long long v = std::stoll(text, &used);
        if (used == text.size()) return v;
      } catch (const std::exception&) {
      }
      fail(std::string("has a ") + term + " that is not an integer: '" + text + "'");
    };
    // In range, or an error naming the value: never a silent wrap-around.
    auto bounded = [&](const char* term, long long lo, long long hi) {
      long long v = integer(term, 0);
      if (v < lo || v > hi)
        fail(std::string("has a ") + term + " out of range: " + std::to_string(v) + " (expected " + std::to_string(lo) +
             " to " + std::to_string(hi) + ")");
      return v;
    };
    s.sentence = sentence_index(bounded("sentence", -1, std::numeric_limits<int>::max()));
    s.begin = static_cast<std::size_t>(bounded("begin", 0, std::numeric_limits<long long>::max()));
    s.end = static_cast<std::size_t>(bounded("end", 0, std::numeric_limits<long long>::max()));
    return s;
  }

  void entity(KnowledgeGraph& graph, const std::string& iri) {
    const auto& t = about(iri);
    EntityNode n;
    n.id = percent_decode(std::string_view(iri).substr(ent_.size()), where_);
    n.label = literal(t, "name");
    if (n.label.empty()) n.label = n.id;
    for (const RdfTriple* x : t)
      if (x->predicate.value == rdf_type_ && x->object.kind == RdfTerm::Kind::Iri)
        n.type = vocab_.type_name(x->object.value, where_);
    n.value = literal(t, "value");
    for (const RdfTerm* a : values(t, "alternateName")) n.aliases.push_back(a->value);
    for (const RdfTerm* m : values(t, "mention")) n.mentions.push_back(span<MentionRef>(*m));
    n.attributes = attributes(t);
    vertices_[iri] = graph.add_entity(std::move(n));
  }

  // The vertex of an entity IRI; one only named by a link gets its id as label.
  KnowledgeGraph::Vertex vertex(KnowledgeGraph& graph, const std::string& iri) {
    if (auto it = vertices_.find(iri); it != vertices_.end()) return it->second;
    if (!iri.starts_with(ent_)) fail("links to '" + iri + "', which is not an entity (" + ent_ + "...)");
    entity(graph, iri);
    return vertices_.at(iri);
  }

  void fact(KnowledgeGraph& graph, const std::string& key,
            std::set<std::tuple<std::string, std::string, std::string>>& stated) {
    where_ = "'" + source_ + "': statement " + key;
    const auto& t = about(key);
    auto one_iri = [&](const char* term) {
      auto v = values(t, term);
      if (v.size() != 1 || v[0]->kind != RdfTerm::Kind::Iri) fail(std::string("needs exactly one IRI as ") + term);
      return v[0]->value;
    };
    std::string s = one_iri("subject"), p = one_iri("predicate"), o = one_iri("object");
    RelationEdge r;
    r.predicate = p.starts_with(rel_) ? percent_decode(std::string_view(p).substr(rel_.size()), where_)
                                      : Vocabulary::local_name(p);
    r.surface = literal(t, "surface");
    if (std::string c = literal(t, "confidence"); !c.empty()) r.confidence = parse_number(c, where_ + " confidence");
    std::string negated = literal(t, "negated");
    if (negated != "" && negated != "true" && negated != "false" && negated != "1" && negated != "0")
      fail("has negated '" + negated + "' (expected true or false)");
    r.negated = negated == "true" || negated == "1";
    r.modality = literal(t, "modality");
    for (const RdfTerm* ev : values(t, "evidence")) {
      Evidence e = span<Evidence>(*ev);
      e.text = literal(about(node_key(*ev)), "text");
      r.evidence.push_back(std::move(e));
    }
    r.attributes = attributes(t);
    if (!r.negated && r.modality.empty()) stated.insert({s, r.predicate, o});
    auto sv = vertex(graph, s), ov = vertex(graph, o);
    graph.add_relation(sv, ov, std::move(r));
  }

  Vocabulary vocab_;
  std::string source_, where_, rdf_type_, ent_, rel_;
  std::map<std::string, std::vector<const RdfTriple*>> by_subject_;
  std::map<std::string, KnowledgeGraph::Vertex> vertices_;
};

}  // namespace

KnowledgeGraph graph_from_rdf(const std::vector<RdfTriple>& triples, const std::string& source) {
  return Builder(triples, source).build();
}

}  // namespace relgraph::detail
