// The knowledge graph store: entity merging by canonical key, fact merging by
// identity, canonical ordering and Boost.Graph algorithms. Tests: tests/graph_test.cpp
#include "relgraph/graph.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <boost/graph/incremental_components.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <cstdlib>
#include <tuple>

#include "core/utf8.hpp"
#include "relgraph/error.hpp"

namespace relgraph {
namespace {

using detail::append_utf8;
using detail::next_code_point;

// Punctuation, symbols and spaces that separate words in a key: ASCII
// non-alphanumerics, Latin-1 punctuation, the General Punctuation block
// (dashes, curly quotes, ellipsis), CJK punctuation and full-width ASCII punctuation.
bool is_separator(char32_t cp) {
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
  if (cp >= 0xA0 && cp <= 0xBF) return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return true;
  return (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F);
}

// Lower-cases ASCII and Latin-1 letters; other scripts are kept as written.
char32_t to_lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  return cp;
}

bool is_article(const std::string& word) { return word == "the" || word == "a" || word == "an"; }

// Label preference when two labels share a key: no leading article, then the
// longer one, then the lexicographically smaller (so merging is order-independent).
bool better_label(const std::string& a, const std::string& b) {
  auto starts_with_article = [](const std::string& s) {
    auto sp = s.find(' ');
    std::string first = s.substr(0, sp);
    std::transform(first.begin(), first.end(), first.begin(), [](unsigned char c) { return std::tolower(c); });
    return sp != std::string::npos && is_article(first);
  };
  bool aa = starts_with_article(a), ba = starts_with_article(b);
  if (aa != ba) return !aa;
  if (a.size() != b.size()) return a.size() > b.size();
  return a < b;
}

// Type preference: a specific type beats "" and "Thing"; between two specific
// types the lexicographically smaller wins, so merging is order-independent.
// A known entity type beats a literal, which beats "Thing" and no type: the
// node an entity shares with a phrase of the same words stays the entity.
bool better_type(const std::string& a, const std::string& b) {
  auto rank = [](const std::string& t) { return t.empty() ? 0 : t == "Thing" ? 1 : t == "Literal" ? 2 : 3; };
  if (rank(a) != rank(b)) return rank(a) > rank(b);
  return a < b;
}

// Non-empty wins; between two non-empty values the smaller wins.
void merge_value(std::string& into, const std::string& from) {
  if (from.empty()) return;
  if (into.empty() || from < into) into = from;
}

void merge_map(std::map<std::string, std::string>& into, const std::map<std::string, std::string>& from) {
  for (const auto& [k, v] : from) {
    auto [it, inserted] = into.emplace(k, v);
    if (!inserted && v < it->second) it->second = v;
  }
}

template <class T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// `into` and `from` are sorted and unique (every vector of mentions and
// evidence is kept so). An entity or fact stated again and again gets its new
// mentions after the old ones, so they are appended without sorting all: a
// long document's graph is built in linear time.
template <class T>
void union_into(std::vector<T>& into, const std::vector<T>& from) {
  if (into.empty() || from.empty() || into.back() < from.front()) {
    into.insert(into.end(), from.begin(), from.end());
    return;
  }
  into.insert(into.end(), from.begin(), from.end());
  sort_unique(into);
}

void normalise_aliases(EntityNode& n) {
  sort_unique(n.aliases);
  std::erase(n.aliases, n.label);
  std::erase(n.aliases, std::string());
}

std::string hex_id(const std::string& label) {
  static const char* digits = "0123456789abcdef";
  std::string id = "entity_";
  for (unsigned char c : label) {
    id += digits[c >> 4];
    id += digits[c & 15];
  }
  return id;
}

// Key used to index nodes: entity_key, or the label itself when the label has
// no letters or digits (so "?" and "!" stay apart).
std::string index_key(const std::string& label) {
  std::string key = entity_key(label);
  return key.empty() ? label : key;
}

auto edge_identity(const KnowledgeGraph::Graph& g, KnowledgeGraph::Edge e) {
  const RelationEdge& r = g[e];
  return std::tie(g[boost::source(e, g)].id, r.predicate, g[boost::target(e, g)].id, r.negated, r.modality);
}

auto edge_rest(const RelationEdge& r) { return std::tie(r.surface, r.confidence, r.evidence, r.attributes); }

// Canonical composition (NFC) and Unicode case folding, so a name typed with
// combining accents or in capitals ("Jose\u0301", "STRASSE") keys like its
// composed, lower-case spelling ("José", "Straße" -> "strasse"). Text that is
// not valid UTF-8 is keyed as it is.
std::string fold(const std::string& label) {
  utf8proc_uint8_t* folded = nullptr;
  auto n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(label.data()), static_cast<utf8proc_ssize_t>(label.size()),
                   &folded, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (n < 0) return label;
  std::string out(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(n));
  std::free(folded);
  return out;
}

}  // namespace

std::string entity_key(const std::string& raw_label) {
  const std::string label = fold(raw_label);
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < label.size();) {
    char32_t cp = next_code_point(label, i);
    if (is_separator(cp)) {
      if (!words.back().empty()) words.emplace_back();
    } else {
      append_utf8(words.back(), to_lower(cp));
    }
  }
  if (words.back().empty()) words.pop_back();
  std::size_t first = words.size() > 1 && is_article(words.front()) ? 1 : 0;
  std::string key;
  for (std::size_t i = first; i < words.size(); ++i) {
    if (!key.empty()) key += ' ';
    key += words[i];
  }
  return key;
}

std::string entity_id(const std::string& label) {
  std::string key = entity_key(label);
  if (key.empty()) return hex_id(label);
  std::replace(key.begin(), key.end(), ' ', '_');
  return key;
}

KnowledgeGraph::Vertex KnowledgeGraph::add_entity(EntityNode node) {
  if (node.label.empty()) throw Error(ErrorKind::InvalidArgument, "cannot add an entity with an empty label");
  std::string key = index_key(node.label);
  sort_unique(node.mentions);
  if (auto found = by_key_.find(key); found != by_key_.end()) {
    EntityNode& n = g_[found->second];
    n.aliases.insert(n.aliases.end(), node.aliases.begin(), node.aliases.end());
    n.aliases.push_back(node.label);
    n.aliases.push_back(n.label);
    if (better_label(node.label, n.label)) n.label = node.label;
    normalise_aliases(n);
    if (better_type(node.type, n.type)) n.type = node.type;
    union_into(n.mentions, node.mentions);
    merge_value(n.value, node.value);
    merge_map(n.attributes, node.attributes);
    return found->second;
  }
  if (node.id.empty()) node.id = entity_id(node.label);
  if (by_id_.count(node.id)) {  // an explicit id that another key already uses
    std::string base = node.id;
    for (int n = 2; by_id_.count(node.id); ++n) node.id = base + "_" + std::to_string(n);
  }
  normalise_aliases(node);
  std::string id = node.id;
  Vertex v = boost::add_vertex(std::move(node), g_);
  by_key_.emplace(std::move(key), v);
  by_id_.emplace(std::move(id), v);
  return v;
}

KnowledgeGraph::Edge KnowledgeGraph::add_relation(Vertex subject, Vertex object, RelationEdge edge) {
  auto n = boost::num_vertices(g_);
  if (subject >= n || object >= n)
    throw Error(ErrorKind::InvalidArgument, "add_relation: vertex " + std::to_string(std::max(subject, object)) +
                                                " does not exist (the graph has " + std::to_string(n) + " entities)");
  if (edge.predicate.empty()) edge.predicate = edge.surface;
  if (edge.predicate.empty())
    throw Error(ErrorKind::InvalidArgument, "add_relation: the relation from '" + g_[subject].label + "' to '" +
                                                g_[object].label + "' has neither a predicate nor a surface wording");
  sort_unique(edge.evidence);
  auto [begin, end] = boost::out_edges(subject, g_);
  auto same = std::find_if(begin, end, [&](Edge e) {
    const RelationEdge& r = g_[e];
    return boost::target(e, g_) == object && r.predicate == edge.predicate && r.negated == edge.negated &&
           r.modality == edge.modality;
  });
  if (same == end) return boost::add_edge(subject, object, std::move(edge), g_).first;
  RelationEdge& r = g_[*same];
  union_into(r.evidence, edge.evidence);
  r.confidence = std::max(r.confidence, edge.confidence);
  merge_value(r.surface, edge.surface);
  merge_map(r.attributes, edge.attributes);
  return *same;
}

std::optional<KnowledgeGraph::Vertex> KnowledgeGraph::find_by_id(const std::string& id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::optional<KnowledgeGraph::Vertex> KnowledgeGraph::find_by_key(const std::string& key) const {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

void KnowledgeGraph::merge(const KnowledgeGraph& other) {
  if (&other == this) return;  // merging is idempotent; and the loops below would alias
  const Graph& og = other.graph();
  std::vector<Vertex> map(boost::num_vertices(og));
  for (Vertex v : other.canonical_vertices()) map[v] = add_entity(og[v]);
  for (Edge e : other.canonical_edges()) add_relation(map[boost::source(e, og)], map[boost::target(e, og)], og[e]);
  merge_map(properties_, other.properties_);
}

std::vector<KnowledgeGraph::Vertex> KnowledgeGraph::canonical_vertices() const {
  auto [begin, end] = boost::vertices(g_);
  std::vector<Vertex> order(begin, end);
  std::sort(order.begin(), order.end(), [&](Vertex a, Vertex b) { return g_[a].id < g_[b].id; });
  return order;
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::canonical_edges() const {
  auto [begin, end] = boost::edges(g_);
  std::vector<Edge> order(begin, end);
  std::sort(order.begin(), order.end(), [&](Edge a, Edge b) {
    auto ia = edge_identity(g_, a), ib = edge_identity(g_, b);
    if (ia != ib) return ia < ib;
    return edge_rest(g_[a]) < edge_rest(g_[b]);
  });
  return order;
}

void KnowledgeGraph::canonicalize() {
  Graph sorted;
  std::vector<Vertex> map(boost::num_vertices(g_));
  // Both orders are taken first: the properties then move, so the graph is
  // never held twice.
  const auto vertices = canonical_vertices();
  const auto edges = canonical_edges();
  for (Vertex v : vertices) map[v] = boost::add_vertex(std::move(g_[v]), sorted);
  for (Edge e : edges) boost::add_edge(map[boost::source(e, g_)], map[boost::target(e, g_)], std::move(g_[e]), sorted);
  g_ = std::move(sorted);
  reindex();
}

std::vector<std::size_t> KnowledgeGraph::components() const {
  std::size_t n = boost::num_vertices(g_);
  std::vector<std::size_t> rank(n), parent(n);
  boost::disjoint_sets<std::size_t*, std::size_t*> sets(rank.data(), parent.data());
  boost::initialize_incremental_components(g_, sets);
  boost::incremental_components(g_, sets);
  // Renumber the set representatives 0.. in order of first appearance.
  std::vector<std::size_t> component(n), number(n, n);
  std::size_t next = 0;
  for (std::size_t v = 0; v < n; ++v) {
    std::size_t rep = sets.find_set(v);
    if (number[rep] == n) number[rep] = next++;
    component[v] = number[rep];
  }
  return component;
}

void KnowledgeGraph::reindex() {
  by_key_.clear();
  by_id_.clear();
  for (Vertex v : boost::make_iterator_range(boost::vertices(g_))) {
    by_key_.emplace(index_key(g_[v].label), v);
    by_id_.emplace(g_[v].id, v);
  }
}

std::string describe(const KnowledgeGraph& graph, KnowledgeGraph::Edge edge) {
  const auto& g = graph.graph();
  const RelationEdge& r = g[edge];
  std::string out = "(" + g[boost::source(edge, g)].label + ")-[" + (r.negated ? "!" : "") + r.predicate;
  if (!r.modality.empty()) out += "?" + r.modality;
  return out + "]->(" + g[boost::target(edge, g)].label + ")";
}

}  // namespace relgraph
