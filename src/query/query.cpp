// GraphQuery: name resolution and Boost.Graph algorithms over an undirected
// "skeleton" of the knowledge graph (one link per related pair, holding every
// fact between them). Tests: tests/query_test.cpp
#include "relgraph/query.hpp"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/page_rank.hpp>
#include <cctype>
#include <limits>
#include <set>
#include <sstream>

#include "relgraph/error.hpp"

namespace relgraph {
namespace {

// Every fact between one unordered pair of entities.
struct Link {
  std::vector<Edge> edges;
  double weight = 1.0;
};
using Skeleton = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property, Link>;

// Self-loops are dropped: they never shorten a path or carry a path through.
Skeleton make_skeleton(const KnowledgeGraph& kg, const QueryOptions& options) {
  const auto& g = kg.graph();
  Skeleton s(boost::num_vertices(g));
  std::map<std::pair<Vertex, Vertex>, Skeleton::edge_descriptor> links;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    Vertex a = boost::source(e, g), b = boost::target(e, g);
    if (a == b || (!options.article_mentions && is_article_mention(g[e]))) continue;
    auto key = std::minmax(a, b);
    auto it = links.find(key);
    if (it == links.end()) it = links.emplace(key, boost::add_edge(key.first, key.second, s).first).first;
    s[it->second].edges.push_back(e);
  }
  // One hop always costs ~1, so paths stay fewest-hop; a small penalty for
  // low confidence breaks ties between equally short paths.
  for (auto le : boost::make_iterator_range(boost::edges(s))) {
    double best = 0.0;
    for (auto e : s[le].edges) best = std::max(best, std::clamp(g[e].confidence, 0.0, 1.0));
    s[le].weight = 1.0 + 1e-3 * (1.0 - best);
  }
  return s;
}

std::string fold(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (unsigned char c : s) {
    if (std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

// True if `needle` occurs in `hay` as whole space/punctuation-delimited words.
bool contains_words(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return false;
  for (auto pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + 1)) {
    bool left = pos == 0 || !std::isalnum(static_cast<unsigned char>(hay[pos - 1]));
    auto end = pos + needle.size();
    bool right = end == hay.size() || !std::isalnum(static_cast<unsigned char>(hay[end]));
    if (left && right) return true;
  }
  return false;
}

std::vector<Vertex> unique_matches(const std::multimap<std::string, Vertex>& index,
                                   const std::vector<std::string>& keys) {
  std::set<Vertex> found;
  for (const auto& k : keys) {
    if (k.empty()) continue;
    auto [lo, hi] = index.equal_range(k);
    for (auto it = lo; it != hi; ++it) found.insert(it->second);
  }
  return {found.begin(), found.end()};
}

std::string label_with_type(const KnowledgeGraph& kg, Vertex v) {
  const auto& n = kg.node(v);
  return n.type.empty() ? n.label : n.label + " (" + n.type + ")";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

Centrality centrality_from_string(const std::string& name) {
  auto n = fold(name);
  if (n == "pagerank") return Centrality::PageRank;
  if (n == "betweenness") return Centrality::Betweenness;
  if (n == "degree") return Centrality::Degree;
  throw Error(ErrorKind::InvalidArgument,
              "unknown centrality '" + name + "' (expected pagerank, betweenness or degree)");
}

const char* to_string(Centrality by) noexcept {
  switch (by) {
    case Centrality::PageRank:
      return "pagerank";
    case Centrality::Betweenness:
      return "betweenness";
    case Centrality::Degree:
      return "degree";
  }
  return "unknown";
}

std::size_t name_distance(const std::string& a, const std::string& b) {
  auto x = fold(a), y = fold(b);
  std::vector<std::size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

bool is_article_mention(const RelationEdge& edge) {
  auto source = edge.attributes.find("source");
  return edge.predicate == "mentions" && source != edge.attributes.end() && source->second == "metadata";
}

GraphQuery::GraphQuery(const KnowledgeGraph& graph, const QueryOptions& options) : graph_(graph), options_(options) {
  for (auto v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    const auto& n = graph.node(v);
    labels_.emplace(fold(n.label), v);
    if (!n.id.empty() && fold(n.id) != fold(n.label)) labels_.emplace(fold(n.id), v);
    aliases_.emplace(entity_key(n.label), v);
    for (const auto& a : n.aliases) {
      aliases_.emplace(fold(a), v);
      aliases_.emplace(entity_key(a), v);
    }
  }
  // A name indexed twice for one entity would look ambiguous; keep it once.
  for (auto* index : {&labels_, &aliases_}) {
    std::set<std::pair<std::string, Vertex>> seen;
    for (auto it = index->begin(); it != index->end();) it = seen.insert(*it).second ? std::next(it) : index->erase(it);
  }
}

NameLookup GraphQuery::lookup(const std::string& name, std::size_t max_candidates) const {
  NameLookup out;
  auto q = fold(name);
  if (q.empty()) return out;
  out.matches = unique_matches(labels_, {q});
  if (out.matches.empty()) out.matches = unique_matches(aliases_, {q, entity_key(name)});
  if (out.matches.empty()) {
    for (auto v : boost::make_iterator_range(boost::vertices(graph_.graph())))
      if (contains_words(fold(graph_.node(v).label), q)) out.matches.push_back(v);
  }
  if (out.matches.size() > 1) {
    for (auto v : out.matches) out.candidates.push_back(label_with_type(graph_, v));
    std::sort(out.candidates.begin(), out.candidates.end());
    if (max_candidates && out.candidates.size() > max_candidates) out.candidates.resize(max_candidates);
    return out;
  }
  if (!out.matches.empty()) return out;

  // Unknown: rank labels and aliases by substring containment, then edit distance.
  struct Scored {
    std::size_t score;
    std::string text;
  };
  std::map<Vertex, Scored> best;
  auto consider = [&](Vertex v, const std::string& candidate) {
    auto c = fold(candidate);
    std::size_t d = name_distance(q, c);
    // A misspelt surname ("Smyth") is close to one word of a longer label.
    std::istringstream words(c);
    for (std::string w; words >> w;) d = std::min(d, name_distance(q, w) + 1);
    bool sub = c.find(q) != std::string::npos || q.find(c) != std::string::npos;
    std::size_t limit = std::max<std::size_t>(2, q.size() / 3);
    if (!sub && d > limit) return;
    std::size_t score = sub ? 0 : d;
    auto it = best.find(v);
    if (it == best.end() || score < it->second.score) best[v] = {score, label_with_type(graph_, v)};
  };
  for (auto v : boost::make_iterator_range(boost::vertices(graph_.graph()))) {
    consider(v, graph_.node(v).label);
    for (const auto& a : graph_.node(v).aliases) consider(v, a);
  }
  std::vector<Scored> ranked;
  for (auto& [v, s] : best) ranked.push_back(s);
  std::sort(ranked.begin(), ranked.end(),
            [](const Scored& a, const Scored& b) { return std::tie(a.score, a.text) < std::tie(b.score, b.text); });
  for (const auto& s : ranked) {
    if (max_candidates && out.candidates.size() >= max_candidates) break;
    out.candidates.push_back(s.text);
  }
  return out;
}

Vertex GraphQuery::resolve(const std::string& name) const {
  auto found = lookup(name);
  if (found.matches.size() == 1) return found.matches.front();
  if (found.matches.size() > 1)
    throw Error(ErrorKind::InvalidArgument, "name '" + name + "' is ambiguous: it matches " +
                                                std::to_string(found.matches.size()) +
                                                " entities: " + join(found.candidates) + "; give a fuller name");
  std::string msg =
      "no entity named '" + name + "' in the graph (" + std::to_string(graph_.num_entities()) + " entities)";
  if (!found.candidates.empty()) msg += "; did you mean: " + join(found.candidates) + "?";
  throw Error(ErrorKind::NotFound, msg);
}

GraphStats GraphQuery::stats() const {
  const auto& g = graph_.graph();
  GraphStats s;
  s.entities = graph_.num_entities();
  s.relations = graph_.num_relations();
  std::set<std::string> docs;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    ++s.by_type[g[v].type.empty() ? "(none)" : g[v].type];
    for (const auto& m : g[v].mentions)
      if (!m.document.empty()) docs.insert(m.document);
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    ++s.by_predicate[g[e].predicate];
    s.evidence += g[e].evidence.size();
    for (const auto& ev : g[e].evidence)
      if (!ev.document.empty()) docs.insert(ev.document);
  }
  s.documents = docs.size();
  auto sk = make_skeleton(graph_, options_);
  std::vector<int> component(boost::num_vertices(sk));
  s.components = component.empty() ? 0 : boost::connected_components(sk, component.data());
  s.component_sizes.assign(s.components, 0);
  for (int c : component) ++s.component_sizes[c];
  std::sort(s.component_sizes.rbegin(), s.component_sizes.rend());
  for (auto v : boost::make_iterator_range(boost::vertices(sk)))
    if (boost::degree(v, sk) == 0) ++s.isolated;
  return s;
}

std::vector<Vertex> GraphQuery::entities(const std::string& type) const {
  auto want = fold(type);
  std::vector<Vertex> out;
  for (auto v : boost::make_iterator_range(boost::vertices(graph_.graph())))
    if (want.empty() || fold(graph_.node(v).type) == want) out.push_back(v);
  std::sort(out.begin(), out.end(),
            [&](Vertex a, Vertex b) { return std::tie(graph_.node(a).label, a) < std::tie(graph_.node(b).label, b); });
  return out;
}

std::vector<Neighbor> GraphQuery::neighbors(Vertex start, int depth) const {
  if (depth < 1)
    throw Error(ErrorKind::InvalidArgument, "depth must be at least 1 (got " + std::to_string(depth) + ")");
  auto sk = make_skeleton(graph_, options_);
  auto n = boost::num_vertices(sk);
  std::vector<int> dist(n, -1);
  std::vector<Vertex> parent(n);
  std::vector<Skeleton::edge_descriptor> through(n);
  dist[start] = 0;
  parent[start] = start;
  struct Recorder : boost::default_bfs_visitor {
    std::vector<int>* dist;
    std::vector<Vertex>* parent;
    std::vector<Skeleton::edge_descriptor>* through;
    void tree_edge(Skeleton::edge_descriptor e, const Skeleton& g) const {
      auto u = boost::source(e, g), v = boost::target(e, g);
      (*dist)[v] = (*dist)[u] + 1;
      (*parent)[v] = u;
      (*through)[v] = e;
    }
  } rec;
  rec.dist = &dist;
  rec.parent = &parent;
  rec.through = &through;
  boost::breadth_first_search(sk, start, boost::visitor(rec));
  std::vector<Neighbor> out;
  for (Vertex v = 0; v < n; ++v) {
    if (v == start || dist[v] < 1 || dist[v] > depth) continue;
    out.push_back({v, dist[v], parent[v], sk[through[v]].edges});
  }
  std::sort(out.begin(), out.end(), [&](const Neighbor& a, const Neighbor& b) {
    return std::tie(a.distance, graph_.node(a.vertex).label, a.vertex) <
           std::tie(b.distance, graph_.node(b.vertex).label, b.vertex);
  });
  return out;
}

std::vector<Fact> GraphQuery::facts(Vertex v) const {
  const auto& g = graph_.graph();
  std::vector<Fact> out;
  for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) out.push_back({e, v, boost::target(e, g), true});
  for (auto e : boost::make_iterator_range(boost::in_edges(v, g)))
    if (boost::source(e, g) != v) out.push_back({e, boost::source(e, g), v, false});
  std::stable_sort(out.begin(), out.end(), [&](const Fact& a, const Fact& b) {
    const auto& oa = graph_.node(a.outgoing ? a.object : a.subject).label;
    const auto& ob = graph_.node(b.outgoing ? b.object : b.subject).label;
    return std::make_tuple(!a.outgoing, std::cref(g[a.edge].predicate), std::cref(oa)) <
           std::make_tuple(!b.outgoing, std::cref(g[b.edge].predicate), std::cref(ob));
  });
  return out;
}

std::optional<GraphPath> GraphQuery::path(Vertex from, Vertex to) const {
  const auto& g = graph_.graph();
  if (from == to) return GraphPath{{from}, {}};
  auto sk = make_skeleton(graph_, options_);
  auto n = boost::num_vertices(sk);
  std::vector<Vertex> pred(n);
  std::vector<double> dist(n);
  boost::dijkstra_shortest_paths(
      sk, from,
      boost::predecessor_map(pred.data()).distance_map(dist.data()).weight_map(boost::get(&Link::weight, sk)));
  if (pred[to] == to) return std::nullopt;
  GraphPath p;
  for (Vertex v = to; v != from; v = pred[v]) p.vertices.push_back(v);
  p.vertices.push_back(from);
  std::reverse(p.vertices.begin(), p.vertices.end());
  for (std::size_t i = 0; i + 1 < p.vertices.size(); ++i) {
    Vertex a = p.vertices[i], b = p.vertices[i + 1];
    const auto& link = sk[boost::edge(a, b, sk).first];
    // The most confident fact stands for the hop; an asserted one over a negated one.
    auto best = *std::max_element(link.edges.begin(), link.edges.end(), [&](Edge x, Edge y) {
      return std::make_tuple(!g[x].negated, g[x].confidence) < std::make_tuple(!g[y].negated, g[y].confidence);
    });
    p.hops.push_back({a, b, best, boost::source(best, g) == a});
  }
  return p;
}

std::vector<Ranked> GraphQuery::central(Centrality by, std::size_t k) const {
  const auto& g = graph_.graph();
  auto n = boost::num_vertices(g);
  std::vector<double> score(n, 0.0);
  if (by == Centrality::Degree) {
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
      if (!options_.article_mentions && is_article_mention(g[e])) continue;
      score[boost::source(e, g)] += 1;
      score[boost::target(e, g)] += 1;
    }
  } else if (by == Centrality::Betweenness) {
    auto sk = make_skeleton(graph_, options_);
    if (n) boost::brandes_betweenness_centrality(sk, boost::centrality_map(score.data()));
  } else if (n) {
    // PageRank over both directions of every link: who said what to whom
    // matters less here than how connected an entity is.
    auto sk = make_skeleton(graph_, options_);
    using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
    Directed d(n);
    for (auto e : boost::make_iterator_range(boost::edges(sk))) {
      boost::add_edge(boost::source(e, sk), boost::target(e, sk), d);
      boost::add_edge(boost::target(e, sk), boost::source(e, sk), d);
    }
    boost::graph::page_rank(d, boost::make_iterator_property_map(score.begin(), boost::get(boost::vertex_index, d)),
                            boost::graph::n_iterations(50));
    double total = 0.0;
    for (double x : score) total += x;
    if (total > 0)
      for (double& x : score) x /= total;
  }
  std::vector<Ranked> out;
  for (Vertex v = 0; v < n; ++v) out.push_back({v, score[v]});
  std::sort(out.begin(), out.end(), [&](const Ranked& a, const Ranked& b) {
    if (a.score != b.score) return a.score > b.score;
    return std::tie(graph_.node(a.vertex).label, a.vertex) < std::tie(graph_.node(b.vertex).label, b.vertex);
  });
  if (k && out.size() > k) out.resize(k);
  return out;
}

KnowledgeGraph GraphQuery::subgraph(Vertex start, int depth) const {
  const auto& g = graph_.graph();
  std::vector<Vertex> keep{start};
  for (const auto& nb : neighbors(start, depth)) keep.push_back(nb.vertex);
  std::sort(keep.begin(), keep.end());
  KnowledgeGraph out;
  out.properties() = graph_.properties();
  std::map<Vertex, Vertex> mapped;
  for (auto v : keep) mapped[v] = out.add_entity(g[v]);
  for (auto v : keep)
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      auto it = mapped.find(boost::target(e, g));
      if (it == mapped.end() || (!options_.article_mentions && is_article_mention(g[e]))) continue;
      out.add_relation(mapped[v], it->second, g[e]);
    }
  out.canonicalize();
  return out;
}

}  // namespace relgraph
