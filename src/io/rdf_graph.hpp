// RDF back into a knowledge graph: the triples relgraph's N-Triples and
// JSON-LD exports denote (entities as ent: IRIs, facts as rdf:Statements),
// whichever tool wrote them. Readers: N-Triples through Serd (ntriples_in.cpp)
// and expanded or flattened JSON-LD (jsonld_expanded.cpp).
// Tests: tests/rdf_in_test.cpp
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/graph.hpp"

namespace relgraph::detail {

struct RdfTerm {
  enum class Kind { Iri, Blank, Literal };
  Kind kind = Kind::Iri;
  std::string value;     // IRI, blank node label (without "_:") or lexical form
  std::string datatype;  // literals: datatype IRI ("" = xsd:string)
};

struct RdfTriple {
  RdfTerm subject, predicate, object;
};

// Rebuilds the graph: entities from ent: IRIs (type, name, alternateName,
// value, mentions, attributes), facts from rdf:Statements, a direct ent -> ent
// link with no Statement behind it as a fact of its own, graph properties from
// the rg:KnowledgeGraph node. Throws Error(Format) naming `source` and the
// offending node on a malformed one (a Statement without subject, a bad number).
KnowledgeGraph graph_from_rdf(const std::vector<RdfTriple>& triples, const std::string& source);

// Triples of an N-Triples document, parsed by Serd; Error(Format) naming
// `source`, the line and Serd's message on a syntax error.
std::vector<RdfTriple> parse_ntriples(std::string_view text, const std::string& source);

// Triples of expanded or flattened JSON-LD (what jsonld.js expand()/flatten()
// or rdflib write: full IRIs, @value objects, no @context). Error(Format)
// naming `source` on JSON that is not such a document.
std::vector<RdfTriple> parse_expanded_jsonld(std::string_view text, const std::string& source);

}  // namespace relgraph::detail
