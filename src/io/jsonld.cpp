// JSON-LD (RapidJSON) with the @context of schemas/context.jsonld inlined.
// Entities are schema.org things carrying direct rel:<predicate> links for
// asserted facts; every fact is also reified (rdf:Statement) with confidence,
// polarity, modality, evidence and attributes, so nothing is lost and the
// importer rebuilds the graph exactly. Tests: tests/io_test.cpp, tests/js/.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <istream>
#include <iterator>
#include <limits>
#include <ostream>
#include <utility>

#include "core/files.hpp"
#include "io/codec.hpp"
#include "io/rdf_graph.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {

std::string_view jsonld_context() {
  static constexpr std::string_view context =
#include "io/jsonld_context.inc"
      ;
  return context;
}

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;
using Value = rapidjson::Value;

constexpr std::string_view kEntityPrefix = "ent:";
constexpr std::string_view kRelationPrefix = "rel:";
constexpr std::string_view kVocabPrefix = "rg:";
constexpr std::string_view kWikidataPrefix = "wdt:";

// The key of a fact's direct link: wdt:P108 for a typed edge, else rel:<predicate>.
std::string link_key(const RelationEdge& r) {
  std::string property = wikidata_property(r);
  if (!property.empty()) return std::string(kWikidataPrefix) + property;
  return std::string(kRelationPrefix) + percent_encode(r.predicate);
}

void str(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void key_str(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  str(w, value);
}

std::string entity_iri(const std::string& id) { return std::string(kEntityPrefix) + percent_encode(id); }

std::string type_term(const std::string& type) {
  const auto& known = jsonld_entity_types();
  if (std::find(known.begin(), known.end(), type) != known.end()) return type;
  return std::string(kVocabPrefix) + percent_encode(type);
}

void write_attributes(Writer& w, const std::map<std::string, std::string>& attributes) {
  if (attributes.empty()) return;
  w.Key("attribute");
  w.StartArray();
  for (const auto& [k, v] : attributes) {
    w.StartObject();
    key_str(w, "key", k);
    key_str(w, "value", v);
    w.EndObject();
  }
  w.EndArray();
}

template <class Span>
void write_span_fields(Writer& w, const Span& s) {
  key_str(w, "document", s.document);
  w.Key("sentence");
  w.Int64(sentence_number(s.sentence));
  w.Key("begin");
  w.Uint64(s.begin);
  w.Key("end");
  w.Uint64(s.end);
}

// A direct link of an entity: its key (rel:<predicate>, wdt:P108) and the other end's IRI.
using Link = std::pair<std::string, std::string>;

void write_entity(Writer& w, const KnowledgeGraph& graph, KnowledgeGraph::Vertex v, const std::vector<Link>& links) {
  const auto& g = graph.graph();
  const EntityNode& n = g[v];
  w.StartObject();
  key_str(w, "@id", entity_iri(n.id));
  if (!n.type.empty()) key_str(w, "@type", type_term(n.type));
  key_str(w, "name", n.label);
  if (!n.aliases.empty()) {
    w.Key("alternateName");
    w.StartArray();
    for (const auto& a : n.aliases) str(w, a);
    w.EndArray();
  }
  if (!n.value.empty()) key_str(w, "value", n.value);
  if (!n.mentions.empty()) {
    w.Key("mention");
    w.StartArray();
    for (const auto& m : n.mentions) {
      w.StartObject();
      write_span_fields(w, m);
      w.EndObject();
    }
    w.EndArray();
  }
  write_attributes(w, n.attributes);
  // Direct links for asserted facts, grouped by key (a JSON object has each key once).
  std::map<std::string, std::vector<std::string>> by_key;
  std::vector<std::string> order;
  for (const auto& [key, target] : links) {
    auto [it, added] = by_key.try_emplace(key);
    if (added) order.push_back(key);
    it->second.push_back(target);
  }
  for (const auto& key : order) {
    w.Key(key.c_str());
    w.StartArray();
    for (const auto& target : by_key[key]) {
      w.StartObject();
      key_str(w, "@id", target);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

void write_relation(Writer& w, const KnowledgeGraph& graph, KnowledgeGraph::Edge e) {
  const auto& g = graph.graph();
  const RelationEdge& r = g[e];
  if (!std::isfinite(r.confidence))
    throw Error(ErrorKind::InvalidArgument,
                "cannot write JSON-LD: the confidence of " + describe(graph, e) + " is not a finite number");
  w.StartObject();
  key_str(w, "@type", "Relation");
  key_str(w, "subject", entity_iri(g[boost::source(e, g)].id));
  key_str(w, "predicate", std::string(kRelationPrefix) + percent_encode(r.predicate));
  key_str(w, "object", entity_iri(g[boost::target(e, g)].id));
  if (!r.surface.empty()) key_str(w, "surface", r.surface);
  w.Key("confidence");
  // Integral values as JSON integers: JSON-LD makes 1 and 1.0 both xsd:integer,
  // but some processors (rdflib) read 1.0 as xsd:double; 1 means the same to all.
  if (std::trunc(r.confidence) == r.confidence && std::fabs(r.confidence) < 1e15)
    w.Int64(static_cast<std::int64_t>(r.confidence));
  else
    w.Double(r.confidence);
  w.Key("negated");
  w.Bool(r.negated);
  if (!r.modality.empty()) key_str(w, "modality", r.modality);
  if (!r.evidence.empty()) {
    w.Key("evidence");
    w.StartArray();
    for (const auto& ev : r.evidence) {
      w.StartObject();
      write_span_fields(w, ev);
      key_str(w, "text", ev.text);
      w.EndObject();
    }
    w.EndArray();
  }
  write_attributes(w, r.attributes);
  w.EndObject();
}

class JsonLdExporter : public Exporter {
 public:
  std::string name() const override { return "jsonld"; }
  void write(const KnowledgeGraph& graph, std::ostream& out) const override {
    rapidjson::Document context;
    context.Parse(jsonld_context().data(), jsonld_context().size());
    if (context.HasParseError() || !context.IsObject() || !context.HasMember("@context"))
      throw Error(ErrorKind::Internal,
                  "the embedded JSON-LD context is not valid JSON (regenerate it with "
                  "tools/gen-jsonld-context.sh)");
    const auto& g = graph.graph();
    auto edges = graph.canonical_edges();
    // A typed edge read from the property's value is the other end's link.
    std::vector<std::vector<Link>> links(boost::num_vertices(g));
    for (auto e : edges) {
      if (g[e].negated || !g[e].modality.empty()) continue;
      auto from = boost::source(e, g), to = boost::target(e, g);
      if (!wikidata_property(g[e]).empty() && wikidata_inverse(g[e])) std::swap(from, to);
      links[from].emplace_back(link_key(g[e]), entity_iri(g[to].id));
    }

    rapidjson::OStreamWrapper stream(out);
    Writer w(stream);
    w.SetIndent(' ', 2);
    w.StartObject();
    w.Key("@context");
    context["@context"].Accept(w);
    w.Key("@graph");
    w.StartArray();
    if (!graph.properties().empty()) {
      w.StartObject();
      key_str(w, "@type", "KnowledgeGraph");
      write_attributes(w, graph.properties());
      w.EndObject();
    }
    for (auto v : graph.canonical_vertices()) write_entity(w, graph, v, links[v]);
    for (auto e : edges) write_relation(w, graph, e);
    w.EndArray();
    w.EndObject();
    out << '\n';
  }
};

// Reading -------------------------------------------------------------------

// Expanded or flattened JSON-LD: no @context, and the first property of a
// node object is a full IRI ("https://schema.org/name", not "name").
bool is_expanded(const Value& doc) {
  if (doc.IsObject() && doc.HasMember("@context")) return false;
  const Value* nodes = &doc;
  if (doc.IsObject() && doc.HasMember("@graph")) nodes = &doc["@graph"];
  if (!nodes->IsArray()) return false;
  for (const auto& node : nodes->GetArray()) {
    if (!node.IsObject()) return false;
    for (const auto& m : node.GetObject()) {
      std::string_view key(m.name.GetString(), m.name.GetStringLength());
      if (!key.starts_with("@")) return key.find("://") != std::string_view::npos;
    }
  }
  return false;
}

class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  KnowledgeGraph read(const std::string& text) {
    check_json_nesting(text, "'" + source_ + "'");
    std::string scratch;
    std::string_view json = plain_json_zeros(text, scratch);
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
    if (doc.HasParseError())
      throw Error(ErrorKind::Format, "'" + source_ + "' line " + std::to_string(line_of(text, doc.GetErrorOffset())) +
                                         ": invalid JSON: " + rapidjson::GetParseError_En(doc.GetParseError()));
    // Expanded or flattened JSON-LD (jsonld.js, rdflib) is read as RDF.
    if (is_expanded(doc)) return graph_from_rdf(parse_expanded_jsonld(text, source_), source_);
    if (!doc.IsObject())
      throw Error(ErrorKind::Format, "'" + source_ + "': expected a JSON-LD object at the top level");
    const rapidjson::Value& top = doc;  // const iterators: clang finds `==` on mutable ones ambiguous in C++20
    auto items = top.FindMember("@graph");
    if (items == top.MemberEnd() || !items->value.IsArray())
      throw Error(ErrorKind::Format, "'" + source_ + "': no \"@graph\" array (is this relgraph JSON-LD?)");
    KnowledgeGraph graph;
    std::map<std::string, KnowledgeGraph::Vertex> ids;
    const auto& list = items->value.GetArray();
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
      where_ = "'" + source_ + "': @graph item " + std::to_string(i + 1);
      const Value& item = list[i];
      if (!item.IsObject()) fail("is not an object");
      std::string type = optional_string(item, "@type");
      if (type == "Relation") continue;
      if (type == "KnowledgeGraph") {
        graph.properties() = attributes(item);
        continue;
      }
      read_entity(graph, item, type, ids);
    }
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
      where_ = "'" + source_ + "': @graph item " + std::to_string(i + 1);
      if (optional_string(list[i], "@type") == "Relation") read_relation(graph, list[i], ids);
    }
    graph.canonicalize();
    return graph;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const { throw Error(ErrorKind::Format, where_ + " " + what); }

  std::string optional_string(const Value& obj, const char* key) const {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return "";
    if (!it->value.IsString()) fail(std::string("has a non-string \"") + key + "\"");
    std::string value(it->value.GetString(), it->value.GetStringLength());
    if (value.find('\0') != std::string::npos) fail(std::string("has a NUL character (\\u0000) in \"") + key + "\"");
    return value;
  }

  std::string required_string(const Value& obj, const char* key) const {
    if (!obj.HasMember(key)) fail(std::string("has no \"") + key + "\"");
    return optional_string(obj, key);
  }

  const Value* optional_array(const Value& obj, const char* key) const {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return nullptr;
    if (!it->value.IsArray()) fail(std::string("has a non-array \"") + key + "\"");
    return &it->value;
  }

  std::string decode_prefixed(const std::string& iri, std::string_view prefix) const {
    if (iri.compare(0, prefix.size(), prefix) != 0)
      fail("refers to '" + iri + "', which does not start with '" + std::string(prefix) + "'");
    return percent_decode(std::string_view(iri).substr(prefix.size()), where_);
  }

  template <class Span>
  Span span(const Value& v) const {
    if (!v.IsObject()) fail("has a mention or evidence that is not an object");
    Span s;
    s.document = optional_string(v, "document");
    auto integer = [&](const char* key, auto fallback) {
      auto it = v.FindMember(key);
      if (it == v.MemberEnd()) return fallback;
      using T = decltype(fallback);
      if (!it->value.IsInt64() || (it->value.GetInt64() < 0 && key != std::string_view("sentence")) ||
          !std::in_range<T>(it->value.GetInt64()))
        fail(std::string("has a bad \"") + key + "\" (expected an integer)");
      return static_cast<T>(it->value.GetInt64());
    };
    s.sentence = sentence_index(integer("sentence", 0));
    s.begin = integer("begin", std::size_t{0});
    s.end = integer("end", std::size_t{0});
    return s;
  }

  std::map<std::string, std::string> attributes(const Value& obj) const {
    std::map<std::string, std::string> out;
    if (const Value* list = optional_array(obj, "attribute"))
      for (const auto& a : list->GetArray()) {
        if (!a.IsObject()) fail("has an attribute that is not an object");
        out[required_string(a, "key")] = optional_string(a, "value");
      }
    return out;
  }

  void read_entity(KnowledgeGraph& graph, const Value& item, const std::string& type,
                   std::map<std::string, KnowledgeGraph::Vertex>& ids) {
    std::string iri = required_string(item, "@id");
    where_ += " (" + iri + ")";
    EntityNode n;
    n.id = decode_prefixed(iri, kEntityPrefix);
    n.label = required_string(item, "name");
    if (n.label.empty()) fail("has an empty \"name\"");
    n.type = type.compare(0, kVocabPrefix.size(), kVocabPrefix) == 0 ? decode_prefixed(type, kVocabPrefix) : type;
    n.value = optional_string(item, "value");
    if (const Value* list = optional_array(item, "alternateName"))
      for (const auto& a : list->GetArray()) {
        if (!a.IsString()) fail("has a non-string alternateName");
        n.aliases.emplace_back(a.GetString(), a.GetStringLength());
      }
    if (const Value* list = optional_array(item, "mention"))
      for (const auto& m : list->GetArray()) n.mentions.push_back(span<MentionRef>(m));
    n.attributes = attributes(item);
    for (const auto& m : item.GetObject()) {
      std::string_view key(m.name.GetString(), m.name.GetStringLength());
      // not English: JSON-LD keys
      static const std::string_view known[] = {"@id",   "@type",   "name",     "alternateName",
                                               "value", "mention", "attribute"};
      if (key.substr(0, kRelationPrefix.size()) != kRelationPrefix &&
          key.substr(0, kWikidataPrefix.size()) != kWikidataPrefix &&
          std::find(std::begin(known), std::end(known), key) == std::end(known))
        fail("has an unknown property \"" + std::string(key) + "\"");
    }
    if (ids.count(n.id)) fail("repeats the id '" + n.id + "'");
    std::string id = n.id;
    ids[id] = graph.add_entity(std::move(n));
  }

  void read_relation(KnowledgeGraph& graph, const Value& item,
                     const std::map<std::string, KnowledgeGraph::Vertex>& ids) {
    auto endpoint = [&](const char* key) {
      std::string id = decode_prefixed(required_string(item, key), kEntityPrefix);
      auto it = ids.find(id);
      if (it == ids.end()) fail("has a " + std::string(key) + " '" + id + "' that is not an entity of the graph");
      return it->second;
    };
    auto s = endpoint("subject");
    auto o = endpoint("object");
    RelationEdge r;
    r.predicate = decode_prefixed(required_string(item, "predicate"), kRelationPrefix);
    r.surface = optional_string(item, "surface");
    if (auto c = item.FindMember("confidence"); c != item.MemberEnd()) {
      if (!c->value.IsNumber()) fail("has a non-numeric \"confidence\"");
      r.confidence = c->value.GetDouble();
    }
    if (auto n = item.FindMember("negated"); n != item.MemberEnd()) {
      if (!n->value.IsBool()) fail("has a non-boolean \"negated\"");
      r.negated = n->value.GetBool();
    }
    r.modality = optional_string(item, "modality");
    if (const Value* list = optional_array(item, "evidence"))
      for (const auto& ev : list->GetArray()) {
        Evidence e = span<Evidence>(ev);
        e.text = optional_string(ev, "text");
        r.evidence.push_back(std::move(e));
      }
    r.attributes = attributes(item);
    graph.add_relation(s, o, std::move(r));
  }

  std::string source_;
  std::string where_;
};

class JsonLdImporter : public Importer {
 public:
  std::string name() const override { return "jsonld"; }
  KnowledgeGraph read(std::istream& in, const std::string& source) const override {
    std::string text(std::istreambuf_iterator<char>(in), {});
    return Reader(source).read(text);
  }
};

}  // namespace

std::unique_ptr<Exporter> make_jsonld_exporter() { return std::make_unique<JsonLdExporter>(); }
std::unique_ptr<Importer> make_jsonld_importer() { return std::make_unique<JsonLdImporter>(); }

}  // namespace relgraph::detail
