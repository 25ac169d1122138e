// Neo4j bulk-import CSV, Neo4j Cypher and Kuzu Cypher exports of a knowledge
// graph (see neo4j_export.hpp). Tests: tests/neo4j_test.cpp, tests/db_test.cpp
#include "io/neo4j_export.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <set>

#include "core/files.hpp"
#include "io/codec.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {
namespace {

// --- shared helpers -----------------------------------------------------------

std::set<std::string> node_documents(const EntityNode& n) {
  std::set<std::string> docs;
  for (const auto& m : n.mentions)
    if (!m.document.empty()) docs.insert(m.document);
  return docs;
}

std::set<std::string> edge_documents(const RelationEdge& r) {
  std::set<std::string> docs;
  for (const auto& ev : r.evidence)
    if (!ev.document.empty()) docs.insert(ev.document);
  return docs;
}

std::vector<std::string> evidence_texts(const RelationEdge& r) {
  std::vector<std::string> out;
  for (const auto& ev : r.evidence) out.push_back(ev.text);
  return out;
}

std::string sanitize_identifier(const std::string& s) {
  std::string out;
  for (unsigned char c : s) out += std::isalnum(c) ? static_cast<char>(c) : '_';
  return out;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string json_object(const std::map<std::string, std::string>& m) {
  std::string out = "{";
  for (const auto& [k, v] : m) {
    if (out.size() > 1) out += ',';
    out += json_string(k);
    out += ':';
    out += json_string(v);
  }
  return out + "}";
}

// Attribute keys as extra columns / properties, the same in the CSV files and
// the Cypher script: letters, digits and '_', never empty, never starting with a
// digit, never clashing with a fixed column or with each other ("type" ->
// "attr_type", "" -> "attr_", "1st" -> "attr_1st").
std::map<std::string, std::string> attribute_columns(const std::set<std::string>& keys,
                                                     const std::set<std::string>& reserved) {
  std::map<std::string, std::string> out;
  std::set<std::string> used = reserved;
  for (const auto& k : keys) {
    std::string col = sanitize_identifier(k);
    if (col.empty() || std::isdigit(static_cast<unsigned char>(col[0])) || used.count(col)) col = "attr_" + col;
    while (used.count(col)) col += "_";
    used.insert(col);
    out[k] = col;
  }
  return out;
}

// Fixed node and relationship properties an attribute may not take the name of.
// not English: node and edge property names
const std::set<std::string> kNodeColumns = {"id", "label", "type", "aliases", "value", "mentions", "documents"};
// not English: edge property names
const std::set<std::string> kEdgeColumns = {"predicate", "surface",  "confidence", "negated",
                                            "modality",  "evidence", "documents"};

std::set<std::string> node_attribute_keys(const KnowledgeGraph& graph) {
  std::set<std::string> keys;
  for (auto v : graph.canonical_vertices())
    for (const auto& [k, val] : graph.graph()[v].attributes) keys.insert(k);
  return keys;
}

std::set<std::string> edge_attribute_keys(const KnowledgeGraph& graph) {
  std::set<std::string> keys;
  for (auto e : graph.canonical_edges())
    for (const auto& [k, val] : graph.graph()[e].attributes) keys.insert(k);
  return keys;
}

// A double that stays a float in Neo4j and Kuzu ("1" would be an integer).
std::string float_text(double v) {
  if (!std::isfinite(v)) v = 0.0;
  std::string s = format_number(v);
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

// --- CSV ----------------------------------------------------------------------

// Newlines inside fields would need --multiline-fields; a space reads the same.
std::string flatten(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string csv_string(const std::string& s) {
  if (s.empty()) return "";
  std::string out = "\"";
  for (char c : flatten(s)) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Neo4j splits arrays on ';' (its default --array-delimiter), so an element's
// own ';' becomes ','.
template <class Range>
std::string csv_array(const Range& items) {
  std::string joined;
  bool first = true;
  for (std::string item : items) {
    for (char& c : item)
      if (c == ';') c = ',';
    joined += (first ? "" : ";") + item;
    first = false;
  }
  return csv_string(joined);
}

void csv_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << fields[i];
  out << "\n";
}

class NodesCsv : public Exporter {
 public:
  std::string name() const override { return "neo4j-nodes"; }
  void write(const KnowledgeGraph& graph, std::ostream& out) const override {
    const auto& g = graph.graph();
    auto vertices = graph.canonical_vertices();
    auto columns = attribute_columns(node_attribute_keys(graph), kNodeColumns);
    std::vector<std::string> header = {
        "id:ID", "label", "type", "aliases:string[]", "value", "mentions:int", "documents:string[]"};
    for (const auto& [k, col] : columns) header.push_back(col);
    header.push_back(":LABEL");
    csv_row(out, header);
    for (auto v : vertices) {
      const EntityNode& n = g[v];
      std::vector<std::string> row = {csv_string(n.id),
                                      csv_string(n.label),
                                      csv_string(n.type),
                                      csv_array(n.aliases),
                                      csv_string(n.value),
                                      std::to_string(n.mentions.size()),
                                      csv_array(node_documents(n))};
      for (const auto& [k, col] : columns) {
        auto it = n.attributes.find(k);
        row.push_back(it == n.attributes.end() ? "" : csv_string(it->second));
      }
      row.push_back(csv_string("Entity;" + node_label(n.type)));
      csv_row(out, row);
    }
  }
};

class RelationshipsCsv : public Exporter {
 public:
  std::string name() const override { return "neo4j-relationships"; }
  void write(const KnowledgeGraph& graph, std::ostream& out) const override {
    const auto& g = graph.graph();
    auto edges = graph.canonical_edges();
    auto columns = attribute_columns(edge_attribute_keys(graph), kEdgeColumns);
    std::vector<std::string> header = {":START_ID", ":END_ID",           "predicate",
                                       "surface",   "confidence:double", "negated:boolean",
                                       "modality",  "evidence:string[]", "documents:string[]"};
    for (const auto& [k, col] : columns) header.push_back(col);
    header.push_back(":TYPE");
    csv_row(out, header);
    for (auto e : edges) {
      const RelationEdge& r = g[e];
      std::vector<std::string> row = {csv_string(g[boost::source(e, g)].id),
                                      csv_string(g[boost::target(e, g)].id),
                                      csv_string(r.predicate),
                                      csv_string(r.surface),
                                      float_text(r.confidence),
                                      r.negated ? "true" : "false",
                                      csv_string(r.modality),
                                      csv_array(evidence_texts(r)),
                                      csv_array(edge_documents(r))};
      for (const auto& [k, col] : columns) {
        auto it = r.attributes.find(k);
        row.push_back(it == r.attributes.end() ? "" : csv_string(it->second));
      }
      row.push_back(csv_string(edge_type(r)));
      csv_row(out, row);
    }
  }
};

// --- Cypher -------------------------------------------------------------------

std::string cypher_string(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out + "'";
}

std::string cypher_name(const std::string& s) {
  std::string out = "`";
  for (char c : s) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

// A property key as Cypher reads it: a plain identifier as is, anything else
// (spaces, a leading digit) back-quoted. Callers never pass an empty key.
std::string property_key(const std::string& key) {
  bool plain = !key.empty() && !std::isdigit(static_cast<unsigned char>(key[0])) && sanitize_identifier(key) == key;
  return plain ? key : cypher_name(key);
}

template <class Range>
std::string cypher_list(const Range& items) {
  std::string out = "[";
  bool first = true;
  for (const auto& item : items) {
    out += (first ? "" : ", ") + cypher_string(item);
    first = false;
  }
  return out + "]";
}

// A property map; empty strings and lists are left out (absent = null).
class Props {
 public:
  Props& str(const std::string& key, const std::string& value) {
    if (!value.empty()) add(key, cypher_string(value));
    return *this;
  }
  template <class Range>
  Props& list(const std::string& key, const Range& values) {
    if (!values.empty()) add(key, cypher_list(values));
    return *this;
  }
  Props& raw(const std::string& key, const std::string& value) {
    add(key, value);
    return *this;
  }
  std::string text() const { return "{" + body_ + "}"; }

 private:
  void add(const std::string& key, const std::string& value) {
    body_ += (body_.empty() ? "" : ", ") + property_key(key) + ": " + value;
  }
  std::string body_;
};

std::string header_comment(const KnowledgeGraph& graph, const std::string& how) {
  return "// relgraph knowledge graph: " + std::to_string(graph.num_entities()) + " entities, " +
         std::to_string(graph.num_relations()) + " relations. " + how + "\n";
}

class Neo4jCypher : public Exporter {
 public:
  std::string name() const override { return "cypher"; }
  void write(const KnowledgeGraph& graph, std::ostream& out) const override {
    const auto& g = graph.graph();
    out << header_comment(graph, "Load: cypher-shell -f FILE (idempotent: MERGE on ids).");
    out << "CREATE CONSTRAINT relgraph_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n";
    auto node_keys = attribute_columns(node_attribute_keys(graph), kNodeColumns);
    auto edge_keys = attribute_columns(edge_attribute_keys(graph), kEdgeColumns);
    for (auto v : graph.canonical_vertices()) {
      const EntityNode& n = g[v];
      Props p;
      p.str("label", n.label).str("type", n.type).list("aliases", n.aliases).str("value", n.value);
      p.raw("mentions", std::to_string(n.mentions.size())).list("documents", node_documents(n));
      for (const auto& [k, val] : n.attributes) p.str(node_keys.at(k), val);
      out << "MERGE (e:Entity {id: " << cypher_string(n.id) << "}) SET e:" << cypher_name(node_label(n.type))
          << ", e += " << p.text() << ";\n";
    }
    for (auto e : graph.canonical_edges()) {
      const RelationEdge& r = g[e];
      // The identity of a fact (predicate, polarity, modality) goes in the
      // MERGE pattern, so re-running the script never duplicates it.
      Props id, p;
      id.raw("predicate", cypher_string(r.predicate)).raw("negated", r.negated ? "true" : "false");
      id.raw("modality", cypher_string(r.modality));
      p.str("surface", r.surface).raw("confidence", float_text(r.confidence));
      p.list("evidence", evidence_texts(r)).list("documents", edge_documents(r));
      for (const auto& [k, val] : r.attributes) p.str(edge_keys.at(k), val);
      out << "MATCH (a:Entity {id: " << cypher_string(g[boost::source(e, g)].id)
          << "}), (b:Entity {id: " << cypher_string(g[boost::target(e, g)].id)
          << "}) MERGE (a)-[r:" << cypher_name(edge_type(r)) << " " << id.text() << "]->(b) SET r += " << p.text()
          << ";\n";
    }
  }
};

const char* kKuzuEntityTable =
    "CREATE NODE TABLE IF NOT EXISTS Entity(id STRING, label STRING, type STRING, aliases STRING[], "
    "value STRING, mentions INT64, documents STRING[], attributes STRING, PRIMARY KEY (id));\n";
const char* kKuzuRelationTable =
    "CREATE REL TABLE IF NOT EXISTS Relation(FROM Entity TO Entity, type STRING, predicate STRING, "
    "surface STRING, confidence DOUBLE, negated BOOLEAN, modality STRING, evidence STRING[], "
    "documents STRING[], attributes STRING);\n";

class KuzuCypher : public Exporter {
 public:
  std::string name() const override { return "kuzu-cypher"; }
  void write(const KnowledgeGraph& graph, std::ostream& out) const override {
    const auto& g = graph.graph();
    out << header_comment(graph, "Load into Kuzu statement by statement (one a line).");
    out << kKuzuEntityTable << kKuzuRelationTable;
    for (auto v : graph.canonical_vertices()) {
      const EntityNode& n = g[v];
      Props p;
      p.raw("id", cypher_string(n.id)).str("label", n.label).str("type", n.type).list("aliases", n.aliases);
      p.str("value", n.value).raw("mentions", std::to_string(n.mentions.size()));
      p.list("documents", node_documents(n));
      if (!n.attributes.empty()) p.str("attributes", json_object(n.attributes));
      out << "CREATE (:Entity " << p.text() << ");\n";
    }
    for (auto e : graph.canonical_edges()) {
      const RelationEdge& r = g[e];
      Props p;
      p.raw("type", cypher_string(edge_type(r))).raw("predicate", cypher_string(r.predicate));
      p.str("surface", r.surface).raw("confidence", float_text(r.confidence));
      p.raw("negated", r.negated ? "true" : "false").raw("modality", cypher_string(r.modality));
      p.list("evidence", evidence_texts(r)).list("documents", edge_documents(r));
      if (!r.attributes.empty()) p.str("attributes", json_object(r.attributes));
      out << "MATCH (a:Entity), (b:Entity) WHERE a.id = " << cypher_string(g[boost::source(e, g)].id)
          << " AND b.id = " << cypher_string(g[boost::target(e, g)].id) << " CREATE (a)-[:Relation " << p.text()
          << "]->(b);\n";
    }
  }
};

// --- Kuzu bulk load -----------------------------------------------------------

// Kuzu's CSV list literal ([a,b]) has no way to quote a ',' inside an element,
// and evidence sentences are full of them, so list columns hold their elements
// joined by the unit separator (U+001F, which no text here contains: one
// inside an element becomes a space) and the COPY statement splits them into
// STRING[] with regexp_split_to_array. An empty list is an empty field (null).
constexpr char kUnitSeparator = '\x1f';

template <class Range>
std::string kuzu_csv_list(const Range& items) {
  std::string joined;
  bool first = true;
  for (std::string item : items) {
    for (char& c : item)
      if (c == kUnitSeparator) c = ' ';
    joined += (first ? "" : std::string(1, kUnitSeparator)) + item;
    first = false;
  }
  return csv_string(joined);
}

class KuzuEntitiesCsv : public Exporter {
 public:
  std::string name() const override { return "kuzu-entities"; }
  void write(const KnowledgeGraph& graph, std::ostream& out) const override {
    const auto& g = graph.graph();
    // not English: Kuzu column names
    csv_row(out, {"id", "label", "type", "aliases", "value", "mentions", "documents", "attributes"});
    for (auto v : graph.canonical_vertices()) {
      const EntityNode& n = g[v];
      csv_row(out, {csv_string(n.id), csv_string(n.label), csv_string(n.type), kuzu_csv_list(n.aliases),
                    csv_string(n.value), std::to_string(n.mentions.size()), kuzu_csv_list(node_documents(n)),
                    n.attributes.empty() ? "" : csv_string(json_object(n.attributes))});
    }
  }
};

class KuzuRelationsCsv : public Exporter {
 public:
  std::string name() const override { return "kuzu-relations"; }
  void write(const KnowledgeGraph& graph, std::ostream& out) const override {
    const auto& g = graph.graph();
    // not English: Kuzu column names
    csv_row(out, {"from", "to", "type", "predicate", "surface", "confidence", "negated", "modality", "evidence",
                  "documents", "attributes"});
    for (auto e : graph.canonical_edges()) {
      const RelationEdge& r = g[e];
      csv_row(out,
              {csv_string(g[boost::source(e, g)].id), csv_string(g[boost::target(e, g)].id), csv_string(edge_type(r)),
               csv_string(r.predicate), csv_string(r.surface), float_text(r.confidence), r.negated ? "true" : "false",
               csv_string(r.modality), kuzu_csv_list(evidence_texts(r)), kuzu_csv_list(edge_documents(r)),
               r.attributes.empty() ? "" : csv_string(json_object(r.attributes))});
    }
  }
};

// The schema and two COPY statements reading the CSV files by the names
// save_neo4j_directory gives them (Kuzu resolves them against its working
// directory, so the script is run from that directory).
class KuzuLoad : public Exporter {
 public:
  std::string name() const override { return "kuzu-load"; }
  void write(const KnowledgeGraph& graph, std::ostream& out) const override {
    out << header_comment(graph, "Bulk load: cd into this directory, then kuzu DB < kuzu-load.cypher.");
    out << kKuzuEntityTable << kKuzuRelationTable;
    auto list = [&](const std::string& col) { return "regexp_split_to_array(" + col + ", '\\\\x1f')"; };
    out << "COPY Entity FROM (LOAD WITH HEADERS (id STRING, label STRING, type STRING, aliases STRING, "
           "value STRING, mentions INT64, documents STRING, attributes STRING) FROM 'kuzu-entities.csv' "
           "(HEADER=true) RETURN id, label, type, "
        << list("aliases") << ", value, mentions, " << list("documents") << ", attributes);\n";
    out << "COPY Relation FROM (LOAD WITH HEADERS (`from` STRING, `to` STRING, type STRING, predicate STRING, "
           "surface STRING, confidence DOUBLE, negated BOOLEAN, modality STRING, evidence STRING, "
           "documents STRING, attributes STRING) FROM 'kuzu-relations.csv' (HEADER=true) RETURN `from`, `to`, "
           "type, predicate, surface, confidence, negated, modality, "
        << list("evidence") << ", " << list("documents") << ", attributes);\n";
  }
};

}  // namespace

std::string relationship_type(const std::string& predicate) {
  std::string out;
  bool gap = false;
  for (unsigned char c : predicate) {
    if (std::isalnum(c) || c >= 0x80) {
      if (gap && !out.empty()) out += '_';
      gap = false;
      out += static_cast<char>(std::toupper(c));
    } else {
      gap = true;
    }
  }
  if (out.empty()) return "RELATED_TO";
  if (std::isdigit(static_cast<unsigned char>(out[0]))) out = "R_" + out;
  return out;
}

std::string edge_type(const RelationEdge& edge) {
  auto label = edge.attributes.find("wikidata_label");
  if (!wikidata_property(edge).empty() && !wikidata_inverse(edge) && label != edge.attributes.end())
    return relationship_type(label->second);
  return relationship_type(edge.predicate);
}

std::string node_label(const std::string& type) {
  std::string out = sanitize_identifier(type);
  if (out.empty()) return "Thing";
  if (std::isdigit(static_cast<unsigned char>(out[0]))) out = "T_" + out;
  return out;
}

std::unique_ptr<Exporter> make_neo4j_nodes_exporter() { return std::make_unique<NodesCsv>(); }
std::unique_ptr<Exporter> make_neo4j_relationships_exporter() { return std::make_unique<RelationshipsCsv>(); }
std::unique_ptr<Exporter> make_cypher_exporter() { return std::make_unique<Neo4jCypher>(); }
std::unique_ptr<Exporter> make_kuzu_cypher_exporter() { return std::make_unique<KuzuCypher>(); }
std::unique_ptr<Exporter> make_kuzu_entities_exporter() { return std::make_unique<KuzuEntitiesCsv>(); }
std::unique_ptr<Exporter> make_kuzu_relations_exporter() { return std::make_unique<KuzuRelationsCsv>(); }
std::unique_ptr<Exporter> make_kuzu_load_exporter() { return std::make_unique<KuzuLoad>(); }

void save_neo4j_directory(const KnowledgeGraph& graph, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error(ErrorKind::Io, "cannot create directory '" + dir + "': " + ec.message());
  auto file = [&](const char* name) { return (std::filesystem::path(dir) / name).string(); };
  const std::pair<const char*, std::unique_ptr<Exporter>> outputs[] = {
      {"nodes.csv", make_neo4j_nodes_exporter()},
      {"relationships.csv", make_neo4j_relationships_exporter()},
      {"import.cypher", make_cypher_exporter()},
      {"kuzu.cypher", make_kuzu_cypher_exporter()},
      {"kuzu-entities.csv", make_kuzu_entities_exporter()},
      {"kuzu-relations.csv", make_kuzu_relations_exporter()},
      {"kuzu-load.cypher", make_kuzu_load_exporter()},
  };
  for (const auto& output : outputs)  // (clang 14 cannot capture structured bindings)
    write_atomic(file(output.first), [&](std::ostream& out) { output.second->write(graph, out); });
}

}  // namespace relgraph::detail
