// Questions asked of a saved knowledge graph: statistics, entity lists,
// neighbourhoods, facts with evidence, shortest connections, centrality and
// subgraphs. Runs Boost.Graph algorithms (BFS, Dijkstra, PageRank, Brandes
// betweenness, connected components) on views of KnowledgeGraph.
//
// Ownership: a GraphQuery keeps a reference to the graph it was built on and
// an index of its names; the graph must outlive it and must not change.
// Thread safety: every member is const; one GraphQuery serves many threads.
// Errors: resolve() throws Error(NotFound) for an unknown name and
// Error(InvalidArgument) for an ambiguous one, both listing close candidates.
// Library functions return data; the CLI (src/cli/cmd_query.cpp) prints it.
//
//   auto g = relgraph::load_graph("news.jsonld");
//   relgraph::GraphQuery q(g);
//   auto p = q.path(q.resolve("Lopez"), q.resolve("norway"));
//   for (const auto& hop : p->hops) ... hop.evidence ...
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "relgraph/graph.hpp"

namespace relgraph {

using Vertex = KnowledgeGraph::Vertex;
using Edge = KnowledgeGraph::Edge;

struct GraphStats {
  std::size_t entities = 0;
  std::size_t relations = 0;
  std::size_t evidence = 0;                         // pieces of evidence over all relations
  std::size_t documents = 0;                        // distinct documents named by evidence or mentions
  std::map<std::string, std::size_t> by_type;       // entity type -> count
  std::map<std::string, std::size_t> by_predicate;  // predicate -> count
  std::size_t components = 0;                       // weakly connected components
  std::vector<std::size_t> component_sizes;         // largest first
  std::size_t isolated = 0;                         // entities with no relation
};

// One fact (edge) seen from an entity: `outgoing` when the entity is the subject.
struct Fact {
  Edge edge;
  Vertex subject;
  Vertex object;
  bool outgoing = true;
};

// An entity reached by breadth-first search from a start entity.
struct Neighbor {
  Vertex vertex;
  int distance = 0;         // hops from the start
  Vertex via;               // the entity it was reached from (its BFS parent)
  std::vector<Edge> edges;  // every fact linking `via` and `vertex`
};

// One step of a path: from -> to through `edge`; `forward` is false when the
// fact points from `to` to `from` (paths ignore edge direction).
struct Hop {
  Vertex from;
  Vertex to;
  Edge edge;
  bool forward = true;
};

struct GraphPath {
  std::vector<Vertex> vertices;  // start ... end
  std::vector<Hop> hops;         // vertices.size() - 1 steps
};

enum class Centrality { PageRank, Betweenness, Degree };
// "pagerank", "betweenness", "degree"; throws Error(InvalidArgument) otherwise.
Centrality centrality_from_string(const std::string& name);
const char* to_string(Centrality by) noexcept;

struct Ranked {
  Vertex vertex;
  double score = 0.0;
};

// What a name matched: the candidates are labels, best first.
struct NameLookup {
  std::vector<Vertex> matches;          // 1 = resolved, 0 = unknown, >1 = ambiguous
  std::vector<std::string> candidates;  // close names for the error message
};

struct QueryOptions {
  // An article node's `mentions` edges (metadata: the article names every
  // entity) make every two entities of an article two hops apart. neighbors,
  // path, central, subgraph and the components of stats leave them out
  // unless this is set; facts and the counts of stats always include them.
  bool article_mentions = false;
};

// True for an article's `mentions` edge (predicate "mentions", attribute source=metadata).
bool is_article_mention(const RelationEdge& edge);

class GraphQuery {
 public:
  explicit GraphQuery(const KnowledgeGraph& graph, const QueryOptions& options = {});

  // Resolves a name to one entity: the id, the label or an alias
  // (case-insensitive, also after entity_key() normalisation), else a label
  // containing it as whole words ("Lopez" -> "Maria Lopez") when exactly one
  // does. Throws as described above.
  Vertex resolve(const std::string& name) const;
  NameLookup lookup(const std::string& name, std::size_t max_candidates = 5) const;

  GraphStats stats() const;
  // Entities of one type (case-insensitive; "" = all), sorted by label.
  std::vector<Vertex> entities(const std::string& type = "") const;
  // Entities within `depth` hops (edge direction ignored), nearest first.
  std::vector<Neighbor> neighbors(Vertex start, int depth = 1) const;
  // Every fact the entity takes part in, subject or object.
  std::vector<Fact> facts(Vertex v) const;
  // Fewest-hop connection (edge direction ignored; ties go to the more
  // confident facts), or nullopt if the two are not connected.
  std::optional<GraphPath> path(Vertex from, Vertex to) const;
  // The `k` most central entities (0 = all), highest score first.
  std::vector<Ranked> central(Centrality by, std::size_t k = 10) const;
  // The entities within `depth` hops of `start` and every fact among them.
  KnowledgeGraph subgraph(Vertex start, int depth) const;

  const KnowledgeGraph& graph() const { return graph_; }

 private:
  const KnowledgeGraph& graph_;
  QueryOptions options_;
  std::multimap<std::string, Vertex> labels_;   // folded label and id -> entity
  std::multimap<std::string, Vertex> aliases_;  // folded alias, entity_key() forms -> entity
};

// The part of a graph worth showing: noise control for exports, pictures and
// queries. Steps run in this order: facts below `min_confidence` go (and the
// entities they alone connected); with `focus`, only entities within `hops`
// of it stay; with `top`, only the `top` entities of highest PageRank (the
// focus entity always stays); without `isolated`, entities with no fact go.
// Throws resolve()'s errors for an unknown or ambiguous `focus`.
struct GraphFilter {
  double min_confidence = 0.0;
  std::size_t top = 0;  // 0 = all
  std::string focus{};  // entity name, alias or id; "" = the whole graph
  int hops = 1;
  bool isolated = true;
  bool article_mentions = true;  // keep an article's `mentions` edges
};
KnowledgeGraph filter_graph(const KnowledgeGraph& graph, const GraphFilter& filter);

// Case-insensitive edit distance (Levenshtein) between two names.
std::size_t name_distance(const std::string& a, const std::string& b);

}  // namespace relgraph
