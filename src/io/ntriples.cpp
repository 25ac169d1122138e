// N-Triples: the same RDF graph that the JSON-LD export denotes (entity
// types from the schemas/context.jsonld mapping, direct rel: links for
// asserted facts, every fact reified as an rdf:Statement), with literals in
// the forms a JSON-LD processor produces. Tests: tests/io_test.cpp
#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>

#include "io/codec.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {
namespace {

const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

// Expands the context's compact IRIs ("schema:Person") and terms.
class Context {
 public:
  Context() {
    doc_.Parse(jsonld_context().data(), jsonld_context().size());
    if (doc_.HasParseError() || !doc_.IsObject() || !doc_.HasMember("@context"))
      throw Error(ErrorKind::Internal, "the embedded JSON-LD context is not valid JSON");
  }
  std::string term(const std::string& name) const {
    const auto& ctx = doc_["@context"];
    auto it = ctx.FindMember(name.c_str());
    if (it == ctx.MemberEnd()) throw Error(ErrorKind::Internal, "the JSON-LD context does not define '" + name + "'");
    const auto& v = it->value.IsObject() ? it->value["@id"] : it->value;
    return expand(v.GetString());
  }
  std::string expand(const std::string& compact) const {
    auto colon = compact.find(':');
    if (colon == std::string::npos) return compact;
    const auto& ctx = doc_["@context"];
    auto it = ctx.FindMember(compact.substr(0, colon).c_str());
    if (it == ctx.MemberEnd() || !it->value.IsString()) return compact;
    return it->value.GetString() + compact.substr(colon + 1);
  }

 private:
  rapidjson::Document doc_;
};

std::string literal(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

// `digits` as an xsd:integer literal.
std::string integer(std::string_view digits) {
  std::string out = "\"";
  out += digits;
  out += "\"^^<";
  out += kXsd;
  out += "integer>";
  return out;
}
std::string integer(long long v) { return integer(std::to_string(v)); }

// A JSON number as JSON-LD turns it into RDF: integral values are
// xsd:integer, others xsd:double in canonical form ("8.5E-1").
std::string number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e18) return integer(static_cast<long long>(v));
  if (std::floor(v) == v && std::fabs(v) < 1e21) {  // integral, but beyond long long
    char digits[32];
    std::snprintf(digits, sizeof digits, "%.0f", v);
    return integer(std::string_view(digits));
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15e", v);
  std::string s = buf;
  auto e = s.find('e');
  std::string mantissa = s.substr(0, e);
  while (mantissa.size() > 1 && mantissa.back() == '0' && mantissa[mantissa.size() - 2] != '.') mantissa.pop_back();
  int exponent = std::stoi(s.substr(e + 1));
  return "\"" + mantissa + "E" + std::to_string(exponent) + "\"^^<" + kXsd + "double>";
}

class Writer {
 public:
  Writer(std::ostream& out, const Context& ctx) : out_(out), ctx_(ctx) {}

  void triple(const std::string& s, const std::string& p, const std::string& o) {
    out_ << s << ' ' << p << ' ' << o << " .\n";
  }
  std::string iri(const std::string& full) const { return "<" + full + ">"; }
  std::string term(const char* name) const { return iri(ctx_.term(name)); }
  std::string entity(const std::string& id) const { return iri(ctx_.expand("ent:" + percent_encode(id))); }
  std::string relation(const std::string& predicate) const {
    return iri(ctx_.expand("rel:" + percent_encode(predicate)));
  }
  std::string type(const std::string& t) const {
    const auto& known = jsonld_entity_types();
    if (std::find(known.begin(), known.end(), t) != known.end()) return term(t.c_str());
    return iri(ctx_.expand("rg:" + percent_encode(t)));
  }
  std::string blank() { return "_:b" + std::to_string(next_blank_++); }

  void attributes(const std::string& subject, const std::map<std::string, std::string>& attributes) {
    for (const auto& [k, v] : attributes) {
      std::string node = blank();
      triple(subject, term("attribute"), node);
      triple(node, term("key"), literal(k));
      triple(node, term("value"), literal(v));
    }
  }

  template <class Span>
  std::string span(const Span& s) {
    std::string node = blank();
    triple(node, term("document"), literal(s.document));
    triple(node, term("sentence"), integer(sentence_number(s.sentence)));
    triple(node, term("begin"), integer(static_cast<long long>(s.begin)));
    triple(node, term("end"), integer(static_cast<long long>(s.end)));
    return node;
  }

 private:
  std::ostream& out_;
  const Context& ctx_;
  std::size_t next_blank_ = 0;
};

class NTriplesExporter : public Exporter {
 public:
  std::string name() const override { return "ntriples"; }
  void write(const KnowledgeGraph& graph, std::ostream& out) const override {
    Context ctx;
    Writer w(out, ctx);
    const auto& g = graph.graph();
    const std::string rdf_type = w.iri(kRdf + "type");
    if (!graph.properties().empty()) {
      std::string node = w.blank();
      w.triple(node, rdf_type, w.term("KnowledgeGraph"));
      w.attributes(node, graph.properties());
    }
    for (auto v : graph.canonical_vertices()) {
      const EntityNode& n = g[v];
      std::string s = w.entity(n.id);
      if (!n.type.empty()) w.triple(s, rdf_type, w.type(n.type));
      w.triple(s, w.term("name"), literal(n.label));
      for (const auto& a : n.aliases) w.triple(s, w.term("alternateName"), literal(a));
      if (!n.value.empty()) w.triple(s, w.term("value"), literal(n.value));
      for (const auto& m : n.mentions) w.triple(s, w.term("mention"), w.span(m));
      w.attributes(s, n.attributes);
    }
    for (auto e : graph.canonical_edges()) {
      const RelationEdge& r = g[e];
      std::string s = w.entity(g[boost::source(e, g)].id), o = w.entity(g[boost::target(e, g)].id);
      if (!r.negated && r.modality.empty()) w.triple(s, w.relation(r.predicate), o);
      if (!std::isfinite(r.confidence))
        throw Error(ErrorKind::InvalidArgument,
                    "cannot write N-Triples: the confidence of " + describe(graph, e) + " is not a finite number");
      std::string st = w.blank();
      w.triple(st, rdf_type, w.term("Relation"));
      w.triple(st, w.term("subject"), s);
      w.triple(st, w.term("predicate"), w.relation(r.predicate));
      w.triple(st, w.term("object"), o);
      if (!r.surface.empty()) w.triple(st, w.term("surface"), literal(r.surface));
      w.triple(st, w.term("confidence"), number(r.confidence));
      w.triple(st, w.term("negated"), std::string("\"") + (r.negated ? "true" : "false") + "\"^^<" + kXsd + "boolean>");
      if (!r.modality.empty()) w.triple(st, w.term("modality"), literal(r.modality));
      for (const auto& ev : r.evidence) {
        std::string node = w.span(ev);
        w.triple(node, w.term("text"), literal(ev.text));
        w.triple(st, w.term("evidence"), node);
      }
      w.attributes(st, r.attributes);
    }
  }
};

}  // namespace

std::unique_ptr<Exporter> make_ntriples_exporter() { return std::make_unique<NTriplesExporter>(); }

}  // namespace relgraph::detail
