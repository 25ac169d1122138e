// KnowledgeGraph -> Graphviz cgraph (for DOT export and rendering), the type
// style table and Graphviz error capture. Tests: tests/io_test.cpp
#include "io/cgraph.hpp"

#include <map>
#include <set>

#include "io/codec.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {
namespace {

std::mutex graphviz_mutex;
std::string* current_messages = nullptr;  // guarded by graphviz_mutex

int collect_message(char* message) {
  if (current_messages && message) *current_messages += message;
  return 0;
}

thread_local std::string session_messages;

void set(void* object, const char* name, const std::string& value) {
  agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
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
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Text for a rendered label: escString backslashes, and '&' as "&amp;"
// because Graphviz decodes HTML entities in plain labels ("&eacute;" -> é).
std::string label_text(const std::string& s) {
  std::string out;
  for (char c : dot_escape(s)) {
    if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

// Breaks a label into lines of about `width` bytes at spaces (and at its own
// line breaks), escapes each line with label_text and joins them with the
// escString line break "\n".
std::string wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines(1);
  std::size_t start = 0;
  while (start <= text.size()) {
    auto space = text.find_first_of(" \n", start);
    std::string word = text.substr(start, space == std::string::npos ? std::string::npos : space - start);
    if (!lines.back().empty() && lines.back().size() + 1 + word.size() > width) lines.emplace_back();
    lines.back() += (lines.back().empty() ? "" : " ") + word;
    if (space == std::string::npos) break;
    if (text[space] == '\n') lines.emplace_back();
    start = space + 1;
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "\\n" : "") + label_text(lines[i]);
  return out;
}

std::string type_name(const std::string& type) { return type.empty() ? "Thing" : type; }

void add_legend(Agraph_t* g, const std::set<std::string>& types) {
  std::string html =
      "<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\">"
      "<TR><TD COLSPAN=\"2\"><B>Entity types</B></TD></TR>";
  for (const auto& type : types) {
    TypeStyle s = style_of(type);
    html += "<TR><TD BGCOLOR=\"" + std::string(s.fill) + "\" BORDER=\"1\" COLOR=\"" + s.border +
            "\" WIDTH=\"24\"> </TD><TD ALIGN=\"LEFT\">" + html_escape(type) + " (" + s.shape + ")</TD></TR>";
  }
  html +=
      "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">edge label = predicate</TD></TR>"
      "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT COLOR=\"#C0392B\">red: negated</FONT></TD></TR>"
      "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">dashed: reported, possible, future</TD></TR></TABLE>";
  // The node name cannot clash with entity ids: those never contain spaces.
  Agnode_t* legend = agnode(g, const_cast<char*>("relgraph legend"), 1);
  Agsym_t* label = agattr(g, AGNODE, const_cast<char*>("label"), const_cast<char*>(""));
  char* value = agstrdup_html(g, const_cast<char*>(html.c_str()));
  agxset(legend, label, value);
  agstrfree(g, value);
  set(legend, "shape", "plaintext");
  set(legend, "style", "");
  set(legend, "fillcolor", "white");
  set(legend, "fontsize", "12");
}

void add_node(Agraph_t* g, const EntityNode& n, CgraphPurpose purpose) {
  Agnode_t* node = agnode(g, const_cast<char*>(dot_escape(n.id).c_str()), 1);
  TypeStyle s = style_of(n.type);
  set(node, "shape", s.shape);
  set(node, "style", std::string(s.shape) == "box" ? "filled,rounded" : "filled");
  set(node, "fillcolor", s.fill);
  set(node, "color", s.border);
  if (purpose == CgraphPurpose::Export) {
    set(node, "label", dot_escape(n.label));
    set(node, "type", dot_escape(n.type));
    if (!n.value.empty()) set(node, "value", dot_escape(n.value));
    if (!n.aliases.empty()) set(node, "aliases", dot_escape(strings_to_json(n.aliases)));
    for (const auto& [k, v] : n.attributes) set(node, ("attr_" + k).c_str(), dot_escape(v));
    return;
  }
  set(node, "label", wrap(n.label, 18));
  std::string tooltip = type_name(n.type) + ": " + n.label;
  for (const auto& a : n.aliases) tooltip += "\n  also: " + a;
  set(node, "tooltip", label_text(tooltip));
}

void add_edge(Agraph_t* g, Agnode_t* s, Agnode_t* o, const RelationEdge& r, CgraphPurpose purpose) {
  Agedge_t* edge = agedge(g, s, o, nullptr, 1);
  if (r.negated) set(edge, "color", "#C0392B"), set(edge, "fontcolor", "#C0392B");
  if (!r.modality.empty()) set(edge, "style", "dashed");
  if (purpose == CgraphPurpose::Export) {
    set(edge, "label", dot_escape(r.predicate));
    if (!r.surface.empty()) set(edge, "surface", dot_escape(r.surface));
    set(edge, "confidence", format_number(r.confidence));
    set(edge, "negated", r.negated ? "true" : "false");
    if (!r.modality.empty()) set(edge, "modality", dot_escape(r.modality));
    for (const auto& [k, v] : r.attributes) set(edge, ("attr_" + k).c_str(), dot_escape(v));
    return;
  }
  std::string label = (r.negated ? "not " : "") + r.predicate + (r.modality.empty() ? "" : " (" + r.modality + ")");
  set(edge, "label", wrap(label, 20));
  std::string tooltip = r.surface.empty() ? r.predicate : r.surface;
  if (std::string property = wikidata_property(r); !property.empty()) {
    auto label = r.attributes.find("wikidata_label");
    tooltip += " (Wikidata " + property + (label == r.attributes.end() ? "" : ", " + label->second) +
               (wikidata_inverse(r) ? ", read from the object" : "") + ")";
  }
  if (!r.evidence.empty() && !r.evidence.front().text.empty()) tooltip += "\n" + r.evidence.front().text;
  set(edge, "tooltip", label_text(tooltip));
}

}  // namespace

CgraphSession::CgraphSession() : lock_(graphviz_mutex) {
  session_messages.clear();
  current_messages = &session_messages;
  previous_ = agseterrf(collect_message);
}

CgraphSession::~CgraphSession() {
  agseterrf(previous_);
  current_messages = nullptr;
}

std::string CgraphSession::messages() const {
  std::string m = session_messages;
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

TypeStyle style_of(const std::string& type) {
  static const std::map<std::string, TypeStyle> styles = {
      {"Person", {"ellipse", "#F8CECC", "#B85450"}},    {"Organization", {"box", "#DAE8FC", "#6C8EBF"}},
      {"Country", {"hexagon", "#D5E8D4", "#82B366"}},   {"Place", {"house", "#E2F0CB", "#7A9A45"}},
      {"Product", {"component", "#FFF2CC", "#D6B656"}}, {"Event", {"octagon", "#E1D5E7", "#9673A6"}},
      {"Date", {"note", "#EEEEEE", "#888888"}},         {"Money", {"cds", "#FCE4D6", "#C9824E"}},
      {"Quantity", {"cds", "#FDF0E6", "#C9A27E"}},      {"CreativeWork", {"tab", "#D0E0E3", "#5F8F99"}},
      {"Literal", {"box", "#FFFFFF", "#AAAAAA"}},
  };
  auto it = styles.find(type);
  return it == styles.end() ? TypeStyle{"ellipse", "#F5F5F5", "#666666"} : it->second;
}

std::string dot_escape(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

AgraphPtr build_cgraph(const KnowledgeGraph& graph, CgraphPurpose purpose, bool legend) {
  AgraphPtr g(agopen(const_cast<char*>("relgraph"), Agdirected, nullptr));
  if (!g) throw Error(ErrorKind::Internal, "Graphviz could not create a graph");
  if (purpose == CgraphPurpose::Export)
    for (const auto& [k, v] : graph.properties()) set(g.get(), ("attr_" + k).c_str(), dot_escape(v));
  // Declare defaults once so every node/edge does not repeat them.
  auto node_default = [&](const char* name, const char* value) {
    agattr(g.get(), AGNODE, const_cast<char*>(name), const_cast<char*>(value));
  };
  node_default("fontname", "Helvetica");
  if (purpose == CgraphPurpose::Render) node_default("fontsize", "12"), node_default("margin", "0.12,0.04");
  auto edge_default = [&](const char* name, const char* value) {
    agattr(g.get(), AGEDGE, const_cast<char*>(name), const_cast<char*>(value));
  };
  edge_default("fontname", "Helvetica");
  if (purpose == CgraphPurpose::Render) {
    edge_default("fontsize", "10");
    edge_default("fontcolor", "#333333");
    edge_default("color", "#555555");
    edge_default("arrowsize", "0.7");
  }
  const auto& kg = graph.graph();
  std::vector<Agnode_t*> nodes(boost::num_vertices(kg));
  std::set<std::string> types;
  for (auto v : graph.canonical_vertices()) {
    add_node(g.get(), kg[v], purpose);
    nodes[v] = agnode(g.get(), const_cast<char*>(dot_escape(kg[v].id).c_str()), 0);
    types.insert(type_name(kg[v].type));
  }
  for (auto e : graph.canonical_edges())
    add_edge(g.get(), nodes[boost::source(e, kg)], nodes[boost::target(e, kg)], kg[e], purpose);
  if (legend && !types.empty()) add_legend(g.get(), types);
  return g;
}

}  // namespace relgraph::detail
