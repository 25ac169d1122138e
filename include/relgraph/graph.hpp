// The knowledge graph: entity nodes and relation edges on a Boost.Graph
// bidirectional adjacency_list with bundled properties. It owns graph data
// and graph algorithms only — no NLP, no file formats, no CLI.
//
// Merging rules: entities are merged by canonical key (type-independent
// normalised label, see entity_key()); the same (subject, predicate, object,
// polarity, modality) stated twice is one edge holding two pieces of evidence.
// Thread safety: none; build a graph on one thread, read it from many.
//
//   KnowledgeGraph g;
//   auto a = g.add_entity({.label = "Ada Lovelace", .type = "Person"});
//   auto b = g.add_entity({.label = "England", .type = "Country"});
//   g.add_relation(a, b, {.predicate = "lived in", .surface = "lived in"});
#pragma once
#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace relgraph {

// Where an entity was mentioned.
struct MentionRef {
  std::string document;
  int sentence = -1;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const MentionRef&) const = default;
  auto operator<=>(const MentionRef&) const = default;
};

// Where a fact was stated.
struct Evidence {
  std::string document;
  int sentence = -1;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;  // the sentence text
  bool operator==(const Evidence&) const = default;
  auto operator<=>(const Evidence&) const = default;
};

// Graph values: every field has a default, so `{.id = "x", .label = "X"}` or
// `{"x", "X", "Person"}` names only the fields that matter.
struct EntityNode {
  std::string id{};      // stable id, derived from the canonical key ("nathan_sales")
  std::string label{};   // canonical label
  std::string type{};    // Person, Organization, Country, Place, Product, Event, Date,
                         // Money, Quantity, Thing, CreativeWork (article), Literal
  std::vector<std::string> aliases{};  // sorted, unique, includes no duplicate of label
  std::vector<MentionRef> mentions{};  // sorted, unique
  std::string value{};   // normalised value for literal/value nodes ("USD 100000000")
  std::map<std::string, std::string> attributes{};  // extra properties (title, datePublished ...)
};

struct RelationEdge {
  std::string predicate{};  // canonical predicate ("met") or the surface wording if none
  std::string surface{};    // the wording in the text ("had a meeting with")
  double confidence = 0.0;
  bool negated = false;
  std::string modality{};   // "" asserted, "reported", "hypothetical", "possible", "future"
  std::vector<Evidence> evidence{};  // sorted, unique
  std::map<std::string, std::string> attributes{};  // amount, date, place, attribution ...
};

class KnowledgeGraph {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                      EntityNode, RelationEdge>;
  using Vertex = Graph::vertex_descriptor;
  using Edge = Graph::edge_descriptor;

  // Adds an entity or merges it into the existing node with the same key
  // (aliases, mentions and attributes are unioned; the longer label wins if
  // `node.label` is a fuller name). Returns the node.
  Vertex add_entity(EntityNode node);

  // Adds a fact or merges it into the identical existing edge (same ends,
  // predicate, polarity and modality): evidence is unioned, confidence is the
  // maximum. Returns the edge.
  Edge add_relation(Vertex subject, Vertex object, RelationEdge edge);

  std::optional<Vertex> find_by_id(const std::string& id) const;
  std::optional<Vertex> find_by_key(const std::string& key) const;

  // Merges another graph into this one (entities by key, edges by identity).
  // Merging is associative and order-independent up to canonical ordering.
  void merge(const KnowledgeGraph& other);

  // Sorts nodes and edges into a canonical order (by id, then predicate ...)
  // so exports are byte-identical whatever order facts were added in.
  void canonicalize();

  // The canonical order without modifying the graph (what exporters iterate):
  // vertices by id; edges by (subject id, predicate, object id, negated,
  // modality, then the remaining fields).
  std::vector<Vertex> canonical_vertices() const;
  std::vector<Edge> canonical_edges() const;

  // Weakly connected components (Boost.Graph incremental_components): one
  // component number per vertex, numbered 0.. in vertex order.
  std::vector<std::size_t> components() const;

  std::size_t num_entities() const { return boost::num_vertices(g_); }
  std::size_t num_relations() const { return boost::num_edges(g_); }
  const Graph& graph() const { return g_; }
  Graph& graph() { return g_; }
  const EntityNode& node(Vertex v) const { return g_[v]; }
  const RelationEdge& edge(Edge e) const { return g_[e]; }

  // Graph-level properties (document title, source ...), exported by formats that carry them.
  std::map<std::string, std::string>& properties() { return properties_; }
  const std::map<std::string, std::string>& properties() const { return properties_; }

 private:
  void reindex();
  Graph g_;
  std::map<std::string, Vertex> by_key_;
  std::map<std::string, Vertex> by_id_;
  std::map<std::string, std::string> properties_;
};

// Canonical merge key of a label: Unicode NFC and case folding (composed and
// decomposed "José" are one key, "Straße AG" and "STRASSE AG" too),
// punctuation and a leading article dropped, whitespace collapsed ("The U.S." -> "u s").
std::string entity_key(const std::string& label);

// Stable id from a label: "Jean-Luc Picard" -> "jean_luc_picard".
std::string entity_id(const std::string& label);

// Compact one-line dump of an edge for tests and messages:
// "(Ada Lovelace)-[met]->(Charles Babbage)", "(A)-[!met]->(B)" when negated,
// "(A)-[met?reported]->(B)" with a modality.
std::string describe(const KnowledgeGraph& graph, KnowledgeGraph::Edge edge);

}  // namespace relgraph
