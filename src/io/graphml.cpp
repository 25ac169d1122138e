// GraphML: a declared <key> for every field and every attribute name; the edge
// predicate is the edge's `label` (what Neo4j APOC, Gephi, yEd and networkx
// read as the edge type); list fields hold JSON text. Read back through
// Boost.PropertyTree's XML parser. Tests: tests/io_test.cpp
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <cmath>
#include <istream>
#include <map>
#include <ostream>
#include <set>

#include "io/codec.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {
namespace {

enum class Domain { Graph, Node, Edge };
const char* domain_name(Domain d) { return d == Domain::Graph ? "graph" : d == Domain::Node ? "node" : "edge"; }

// not English: GraphML attribute keys
const std::set<std::string> kNodeFields = {"label", "type", "aliases", "mentions", "value", "labels"};
// not English: GraphML attribute keys
const std::set<std::string> kEdgeFields = {"label", "surface", "confidence", "negated", "modality", "evidence"};
constexpr std::string_view kAttrPrefix = "attr.";

// Attribute names that would collide with a field (or look escaped) get an
// "attr." prefix; the reader strips exactly one.
std::string attribute_key_name(const std::string& name, Domain d) {
  const auto& fields = d == Domain::Node ? kNodeFields : kEdgeFields;
  bool escape = (d != Domain::Graph && fields.count(name)) || name.compare(0, kAttrPrefix.size(), kAttrPrefix) == 0;
  return escape ? std::string(kAttrPrefix) + name : name;
}

std::string attribute_from_key_name(const std::string& name) {
  return name.compare(0, kAttrPrefix.size(), kAttrPrefix) == 0 ? name.substr(kAttrPrefix.size()) : name;
}

// XML text: escapes markup, keeps \r and (in attributes) \n and \t as
// character references so parsers do not normalise them away.
std::string xml_escape(const std::string& s, bool attribute) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      default:
        if (c < 0x20)
          throw Error(ErrorKind::InvalidArgument, "cannot write GraphML: the value '" + s +
                                                      "' contains a control character XML 1.0 cannot represent");
        out += static_cast<char>(c);
    }
  }
  return out;
}

struct KeyTable {
  // (domain, attribute name) -> key id, for the dynamic attributes.
  std::map<std::pair<Domain, std::string>, std::string> attributes;
};

void declare(std::ostream& out, const std::string& id, Domain d, const std::string& name, const char* type) {
  out << "  <key id=\"" << xml_escape(id, true) << "\" for=\"" << domain_name(d) << "\" attr.name=\""
      << xml_escape(name, true) << "\" attr.type=\"" << type << "\"/>\n";
}

KeyTable declare_keys(const KnowledgeGraph& graph, std::ostream& out) {
  KeyTable keys;
  std::set<std::string> graph_names, node_names, edge_names;
  for (const auto& [k, v] : graph.properties()) graph_names.insert(k);
  for (auto v : boost::make_iterator_range(boost::vertices(graph.graph())))
    for (const auto& [k, val] : graph.node(v).attributes) node_names.insert(k);
  for (auto e : boost::make_iterator_range(boost::edges(graph.graph())))
    for (const auto& [k, val] : graph.edge(e).attributes) edge_names.insert(k);
  auto dynamic = [&](Domain d, const std::set<std::string>& names, const char* prefix) {
    int n = 0;
    for (const auto& name : names) {
      std::string id = prefix + std::to_string(n++);
      declare(out, id, d, attribute_key_name(name, d), "string");
      keys.attributes[{d, name}] = id;
    }
  };
  dynamic(Domain::Graph, graph_names, "g_attr");
  // not English: GraphML attribute keys
  for (const char* f : {"label", "type", "aliases", "mentions", "value", "labels"})
    declare(out, std::string("v_") + f, Domain::Node, f, "string");
  dynamic(Domain::Node, node_names, "v_attr");
  for (const char* f : {"label", "surface", "modality", "evidence"})
    declare(out, std::string("e_") + f, Domain::Edge, f, "string");
  declare(out, "e_confidence", Domain::Edge, "confidence", "double");
  // "true"/"false" as a string: Boost's reader only takes 0/1 for booleans,
  // and Java tools (Neo4j APOC, Gephi) would read 1 as false.
  declare(out, "e_negated", Domain::Edge, "negated", "string");
  dynamic(Domain::Edge, edge_names, "e_attr");
  return keys;
}

void data(std::ostream& out, const char* indent, const std::string& key, const std::string& value) {
  out << indent << "<data key=\"" << xml_escape(key, true) << "\">" << xml_escape(value, false) << "</data>\n";
}

void data_if(std::ostream& out, const char* indent, const std::string& key, const std::string& value) {
  if (!value.empty()) data(out, indent, key, value);
}

void attribute_data(std::ostream& out, const char* indent, const KeyTable& keys, Domain d,
                    const std::map<std::string, std::string>& attributes) {
  for (const auto& [k, v] : attributes) data(out, indent, keys.attributes.at({d, k}), v);
}

class GraphMlExporter : public Exporter {
 public:
  std::string name() const override { return "graphml"; }
  void write(const KnowledgeGraph& graph, std::ostream& out) const override {
    const auto& g = graph.graph();
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    KeyTable keys = declare_keys(graph, out);
    out << "  <graph id=\"G\" edgedefault=\"directed\">\n";
    attribute_data(out, "    ", keys, Domain::Graph, graph.properties());
    for (auto v : graph.canonical_vertices()) {
      const EntityNode& n = g[v];
      out << "    <node id=\"" << xml_escape(n.id, true) << "\">\n";
      data(out, "      ", "v_label", n.label);
      data_if(out, "      ", "v_type", n.type);
      if (!n.aliases.empty()) data(out, "      ", "v_aliases", strings_to_json(n.aliases));
      if (!n.mentions.empty()) data(out, "      ", "v_mentions", mentions_to_json(n.mentions));
      data_if(out, "      ", "v_value", n.value);
      if (!n.type.empty()) data(out, "      ", "v_labels", ":" + n.type);
      attribute_data(out, "      ", keys, Domain::Node, n.attributes);
      out << "    </node>\n";
    }
    std::size_t index = 0;
    for (auto e : graph.canonical_edges()) {
      const RelationEdge& r = g[e];
      if (!std::isfinite(r.confidence))
        throw Error(ErrorKind::InvalidArgument,
                    "cannot write GraphML: the confidence of " + describe(graph, e) + " is not a finite number");
      out << "    <edge id=\"e" << index++ << "\" source=\"" << xml_escape(g[boost::source(e, g)].id, true)
          << "\" target=\"" << xml_escape(g[boost::target(e, g)].id, true) << "\">\n";
      data(out, "      ", "e_label", r.predicate);
      data_if(out, "      ", "e_surface", r.surface);
      data(out, "      ", "e_confidence", format_number(r.confidence));
      data(out, "      ", "e_negated", r.negated ? "true" : "false");
      data_if(out, "      ", "e_modality", r.modality);
      if (!r.evidence.empty()) data(out, "      ", "e_evidence", evidence_to_json(r.evidence));
      attribute_data(out, "      ", keys, Domain::Edge, r.attributes);
      out << "    </edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
  }
};

// Reading -------------------------------------------------------------------

using boost::property_tree::ptree;

class Reader {
 public:
  Reader(std::string source, std::string label_key) : source_(std::move(source)), label_key_(std::move(label_key)) {}

  KnowledgeGraph read(std::istream& in) {
    ptree doc;
    try {
      boost::property_tree::read_xml(in, doc);
    } catch (const boost::property_tree::xml_parser_error& e) {
      throw Error(ErrorKind::Format,
                  "'" + source_ + "' line " + std::to_string(e.line()) + ": invalid XML: " + e.message());
    }
    auto root = doc.get_child_optional("graphml");
    if (!root) throw Error(ErrorKind::Format, "'" + source_ + "': no <graphml> root element");
    for (const auto& [tag, child] : *root)
      if (tag == "key") read_key(child);
    auto graph_element = root->get_child_optional("graph");
    if (!graph_element) throw Error(ErrorKind::Format, "'" + source_ + "': no <graph> element");
    KnowledgeGraph graph;
    std::map<std::string, KnowledgeGraph::Vertex> ids;
    for (const auto& [tag, child] : *graph_element) {
      if (tag == "data") {
        auto [name, value] = field(child, Domain::Graph, "<graph>");
        graph.properties()[attribute_from_key_name(name)] = value;
      } else if (tag == "node") {
        read_node(graph, child, ids);
      }
    }
    for (const auto& [tag, child] : *graph_element)
      if (tag == "edge") read_edge(graph, child, ids);
    graph.canonicalize();
    return graph;
  }

 private:
  struct Key {
    Domain domain;
    std::string name;
    bool any = false;  // declared for="all"
  };

  [[noreturn]] void fail(const std::string& what) const {
    throw Error(ErrorKind::Format, "'" + source_ + "': " + what);
  }

  std::string attr(const ptree& element, const char* name, const std::string& where) const {
    auto value = element.get_optional<std::string>(std::string("<xmlattr>.") + name);
    if (!value) fail(where + " has no " + name + " attribute");
    return *value;
  }

  void read_key(const ptree& element) {
    std::string id = attr(element, "id", "a <key>");
    std::string domain = element.get<std::string>("<xmlattr>.for", "all");
    Domain d = domain == "graph" ? Domain::Graph : domain == "node" ? Domain::Node : Domain::Edge;
    if (domain != "graph" && domain != "node" && domain != "edge" && domain != "all")
      fail("key '" + id + "' is for '" + domain + "'; relgraph reads graph, node, edge and all keys only");
    // "attr.name" contains the path separator '.', so look it up with another one.
    auto name = element.get_optional<std::string>(ptree::path_type("<xmlattr>/attr.name", '/'));
    keys_[id] = {d, name ? *name : id, domain == "all"};
  }

  // (attribute name, text) of a <data> element, checking its key's domain.
  std::pair<std::string, std::string> field(const ptree& element, Domain d, const std::string& where) const {
    std::string key = attr(element, "key", "a <data> of " + where);
    auto it = keys_.find(key);
    if (it == keys_.end()) fail(where + " uses the undeclared key '" + key + "'");
    if (!it->second.any && it->second.domain != d)
      fail(where + " uses key '" + key + "', which is declared for " + domain_name(it->second.domain) + "s");
    return {it->second.name, element.data()};
  }

  void read_node(KnowledgeGraph& graph, const ptree& element, std::map<std::string, KnowledgeGraph::Vertex>& ids) {
    EntityNode n;
    n.id = attr(element, "id", "a <node>");
    std::string where = "node '" + n.id + "'";
    for (const auto& [tag, child] : element) {
      if (tag != "data") continue;
      auto [name, value] = field(child, Domain::Node, where);
      if (name == "label")
        n.label = value;
      else if (name == "type")
        n.type = value;
      else if (name == "aliases")
        n.aliases = strings_from_json(value, "'" + source_ + "' " + where + " aliases");
      else if (name == "mentions")
        n.mentions = mentions_from_json(value, "'" + source_ + "' " + where + " mentions");
      else if (name == "value")
        n.value = value;
      else if (name != "labels")
        n.attributes[attribute_from_key_name(name)] = value;
    }
    if (n.label.empty()) n.label = n.id;
    if (ids.count(n.id)) fail("node id '" + n.id + "' appears twice");
    std::string id = n.id;
    ids[id] = graph.add_entity(std::move(n));
  }

  void read_edge(KnowledgeGraph& graph, const ptree& element,
                 const std::map<std::string, KnowledgeGraph::Vertex>& ids) {
    std::string source = attr(element, "source", "an <edge>"), target = attr(element, "target", "an <edge>");
    std::string where = "edge " + source + " -> " + target;
    auto end = [&](const std::string& id) {
      auto it = ids.find(id);
      if (it == ids.end()) fail(where + " refers to the unknown node '" + id + "'");
      return it->second;
    };
    RelationEdge r;
    for (const auto& [tag, child] : element) {
      if (tag != "data") continue;
      auto [name, value] = field(child, Domain::Edge, where);
      if (name == label_key_)
        r.predicate = value;
      else if (name == "surface")
        r.surface = value;
      else if (name == "confidence")
        r.confidence = parse_number(value, "'" + source_ + "' " + where + " confidence");
      else if (name == "negated")
        r.negated = boolean(value, where);
      else if (name == "modality")
        r.modality = value;
      else if (name == "evidence")
        r.evidence = evidence_from_json(value, "'" + source_ + "' " + where + " evidence");
      else
        r.attributes[attribute_from_key_name(name)] = value;
    }
    if (r.predicate.empty() && r.surface.empty()) fail(where + " has no " + label_key_ + " (predicate)" + label_hint());
    auto s = end(source);
    auto o = end(target);
    graph.add_relation(s, o, std::move(r));
  }

  // Names the edge attributes the file has, for files whose predicate is one of them.
  std::string label_hint() const {
    std::string names;
    for (const auto& [id, key] : keys_)
      if (key.domain == Domain::Edge || key.any) {
        if (!names.empty()) names += ", ";
        names += key.name;
      }
    if (names.empty()) return "";
    return "; name the edge attribute that holds it with --label-key (this file's edge attributes: " + names + ")";
  }

  bool boolean(const std::string& value, const std::string& where) const {
    if (value == "true" || value == "1") return true;
    if (value == "false" || value == "0") return false;
    fail(where + ": negated must be true or false, not '" + value + "'");
  }

  std::string source_, label_key_;
  std::map<std::string, Key> keys_;
};

class GraphMlImporter : public Importer {
 public:
  explicit GraphMlImporter(std::string label_key) : label_key_(std::move(label_key)) {}
  std::string name() const override { return "graphml"; }
  KnowledgeGraph read(std::istream& in, const std::string& source) const override {
    return Reader(source, label_key_).read(in);
  }

 private:
  std::string label_key_;
};

}  // namespace

std::unique_ptr<Exporter> make_graphml_exporter() { return std::make_unique<GraphMlExporter>(); }
std::unique_ptr<Importer> make_graphml_importer() { return std::make_unique<GraphMlImporter>("label"); }
std::unique_ptr<Importer> make_graphml_importer(const std::string& label_key) {
  return std::make_unique<GraphMlImporter>(label_key);
}

}  // namespace relgraph::detail
