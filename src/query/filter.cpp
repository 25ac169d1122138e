// filter_graph: the part of a graph worth showing (confidence threshold, a
// focus neighbourhood, the most central entities, no lone entities).
// Tests: tests/query_test.cpp (Filter.*)
#include <algorithm>
#include <vector>

#include "relgraph/query.hpp"

namespace relgraph {
namespace {

using Graph = KnowledgeGraph::Graph;

std::size_t degree(const Graph& g, Vertex v) { return boost::in_degree(v, g) + boost::out_degree(v, g); }

// The entities marked in `keep` and the facts among them that `keep_edge` accepts.
template <class EdgePredicate>
KnowledgeGraph copy_if(const KnowledgeGraph& graph, const std::vector<char>& keep, EdgePredicate keep_edge) {
  const auto& g = graph.graph();
  KnowledgeGraph out;
  out.properties() = graph.properties();
  std::vector<Vertex> mapped(boost::num_vertices(g));
  for (auto v : boost::make_iterator_range(boost::vertices(g)))
    if (keep[v]) mapped[v] = out.add_entity(g[v]);
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    auto s = boost::source(e, g), t = boost::target(e, g);
    if (keep[s] && keep[t] && keep_edge(g[e])) out.add_relation(mapped[s], mapped[t], g[e]);
  }
  out.canonicalize();
  return out;
}

KnowledgeGraph drop_edges(const KnowledgeGraph& graph, const GraphFilter& f) {
  const auto& g = graph.graph();
  auto keep_edge = [&](const RelationEdge& r) {
    return r.confidence >= f.min_confidence && (f.article_mentions || !is_article_mention(r));
  };
  // An entity goes when it had facts and every one of them went.
  std::vector<char> keep(boost::num_vertices(g), 0);
  bool dropped = false;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) keep[v] = degree(g, v) == 0;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    if (!keep_edge(g[e])) {
      dropped = true;
      continue;
    }
    keep[boost::source(e, g)] = keep[boost::target(e, g)] = 1;
  }
  if (!dropped) return graph;
  return copy_if(graph, keep, keep_edge);
}

KnowledgeGraph keep_vertices(const KnowledgeGraph& graph, const std::vector<Vertex>& vertices) {
  std::vector<char> keep(graph.num_entities(), 0);
  for (auto v : vertices) keep[v] = 1;
  return copy_if(graph, keep, [](const RelationEdge&) { return true; });
}

}  // namespace

KnowledgeGraph filter_graph(const KnowledgeGraph& graph, const GraphFilter& f) {
  KnowledgeGraph out = drop_edges(graph, f);
  std::string focus_id;
  if (!f.focus.empty()) {
    GraphQuery q(out, {.article_mentions = f.article_mentions});
    auto start = q.resolve(f.focus);
    focus_id = out.node(start).id;
    out = f.hops > 0 ? q.subgraph(start, f.hops) : keep_vertices(out, {start});
  }
  if (f.top > 0 && out.num_entities() > f.top) {
    std::vector<Vertex> chosen;
    for (const auto& r : GraphQuery(out, {.article_mentions = f.article_mentions}).central(Centrality::PageRank, f.top))
      chosen.push_back(r.vertex);
    if (auto v = out.find_by_id(focus_id); v && std::find(chosen.begin(), chosen.end(), *v) == chosen.end())
      chosen.push_back(*v);
    out = keep_vertices(out, chosen);
  }
  if (!f.isolated) {
    std::vector<Vertex> linked;
    for (auto v : boost::make_iterator_range(boost::vertices(out.graph())))
      if (degree(out.graph(), v) > 0) linked.push_back(v);
    if (linked.size() < out.num_entities()) out = keep_vertices(out, linked);
  }
  return out;
}

}  // namespace relgraph
