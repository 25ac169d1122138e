// Tests for src/io: every exporter and importer, byte-identical round trips,
// hostile labels, bad input, rendering, and real consumers (cgraph agread,
// dot, Boost read_graphml, networkx, jsonld.js, rdflib).
#include "relgraph/io.hpp"

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <boost/graph/graphml.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>
#include <typeinfo>

#include "core/files.hpp"
#include "io/cgraph.hpp"
#include "io/codec.hpp"
#include "relgraph/error.hpp"
#include "support/builders.hpp"

using namespace relgraph;
namespace fs = std::filesystem;

namespace {

// Labels that break naive writers: quotes, markup, backslashes (also before a
// quote and at the end), newlines, tabs, DOT syntax and non-ASCII.
const std::vector<std::string> kHostile = {"Say \"hi\" <b> & 'bye'",
                                           "back\\slash\\",
                                           "a\\\"b",
                                           "line one\nline two\r\nthree",
                                           "tab\there",
                                           "]; node [ shape=box",
                                           "Caf\xC3\xA9 O\xE2\x80\x99Neil",
                                           "<html>",
                                           "@id",
                                           "x,y;z",
                                           " padded "};

EntityNode entity(const std::string& label, const std::string& type) {
  EntityNode n;
  n.label = label;
  n.type = type;
  return n;
}

Evidence evidence(int sentence, std::size_t begin, std::size_t end, const std::string& text) {
  Evidence e;
  e.document = "doc \"1\".txt";
  e.sentence = sentence;
  e.begin = begin;
  e.end = end;
  e.text = text;
  return e;
}

// A small graph exercising every field, with hostile strings everywhere.
KnowledgeGraph rich_graph() {
  KnowledgeGraph g;
  g.properties()["title"] = "A \"test\" <graph> & more\n";
  g.properties()["attr.tricky"] = "escaped name";
  auto ada = entity("Ada Lovelace", "Person");
  ada.aliases = {"Ada", "Countess of Lovelace"};
  ada.mentions = {{"doc.txt", 0, 0, 12}, {"doc.txt", 2, 40, 43}};
  ada.attributes["title"] = "Countess";
  ada.attributes["label"] = "collides with a GraphML field";
  auto a = g.add_entity(ada);
  auto org = entity("Analytical Engine Society", "Organization");
  auto o = g.add_entity(org);
  auto money = entity("$100 million", "Money");
  money.value = "USD 100000000";
  auto m = g.add_entity(money);
  auto odd = entity("Widget", "Gadget Type/2");  // a type outside the schema.org mapping
  auto w = g.add_entity(odd);
  auto untyped = entity("Something", "");
  auto u = g.add_entity(untyped);
  std::vector<KnowledgeGraph::Vertex> hostile;
  for (const auto& label : kHostile) hostile.push_back(g.add_entity(entity(label, "Thing")));

  RelationEdge founded;
  founded.predicate = "founded";
  founded.surface = "helped found";
  founded.confidence = 0.85;
  founded.evidence = {evidence(0, 0, 50, "Ada helped found the \"Society\".\tTab"), evidence(3, 60, 90, "Again.")};
  founded.attributes["date"] = "1843";
  g.add_relation(a, o, founded);
  RelationEdge paid;
  paid.predicate = "paid";
  paid.confidence = 1.0;
  paid.modality = "reported";
  g.add_relation(o, m, paid);
  RelationEdge denied = paid;
  denied.modality = "";
  denied.negated = true;
  denied.confidence = 0.3;
  g.add_relation(o, m, denied);
  RelationEdge weird;
  weird.predicate = "had a \"meeting\" with\\";
  weird.surface = "had a meeting with";
  weird.confidence = 0.123456789;
  g.add_relation(a, w, weird);
  RelationEdge self;
  self.predicate = "related to";
  g.add_relation(u, u, self);
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    RelationEdge r;
    r.predicate = kHostile[(i + 1) % kHostile.size()];
    r.confidence = 0.5;
    r.evidence = {evidence(static_cast<int>(i), i, i + 1, kHostile[i])};
    g.add_relation(hostile[i], a, r);
  }
  return g;
}

std::string write(const KnowledgeGraph& g, const std::string& format) {
  std::ostringstream out;
  make_exporter(format)->write(g, out);
  return out.str();
}

KnowledgeGraph read(const std::string& text, const std::string& format) {
  std::istringstream in(text);
  return make_importer(format)->read(in, "test." + format);
}

std::string temp_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("rg_io_" + name + "_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir.string();
}

// Entities and facts compared field by field (through the dumps and nodes).
void expect_same_graph(const KnowledgeGraph& a, const KnowledgeGraph& b) {
  ASSERT_EQ(a.num_entities(), b.num_entities());
  ASSERT_EQ(a.num_relations(), b.num_relations());
  auto va = a.canonical_vertices(), vb = b.canonical_vertices();
  for (std::size_t i = 0; i < va.size(); ++i) {
    const EntityNode &x = a.node(va[i]), &y = b.node(vb[i]);
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.label, y.label);
    EXPECT_EQ(x.type, y.type);
    EXPECT_EQ(x.aliases, y.aliases);
    EXPECT_EQ(x.mentions, y.mentions);
    EXPECT_EQ(x.value, y.value);
    EXPECT_EQ(x.attributes, y.attributes);
  }
  auto ea = a.canonical_edges(), eb = b.canonical_edges();
  for (std::size_t i = 0; i < ea.size(); ++i) {
    EXPECT_EQ(describe(a, ea[i]), describe(b, eb[i]));
    const RelationEdge &x = a.edge(ea[i]), &y = b.edge(eb[i]);
    EXPECT_EQ(x.surface, y.surface);
    EXPECT_EQ(x.confidence, y.confidence);
    EXPECT_EQ(x.evidence, y.evidence);
    EXPECT_EQ(x.attributes, y.attributes);
  }
  EXPECT_EQ(a.properties(), b.properties());
}

}  // namespace

// Factory ---------------------------------------------------------------------

TEST(Factory, KnowsEveryFormat) {
  // Other formats may be registered after these.
  auto exporters = exporter_names(), importers = importer_names();
  EXPECT_EQ(std::vector<std::string>(exporters.begin(), exporters.begin() + 5),
            (std::vector<std::string>{"jsonld", "graphml", "dot", "tsv", "ntriples"}));
  EXPECT_EQ(std::vector<std::string>(importers.begin(), importers.begin() + 3),
            (std::vector<std::string>{"jsonld", "graphml", "tsv"}));
  for (const auto& n : exporter_names()) EXPECT_EQ(make_exporter(n)->name(), n);
  for (const auto& n : importer_names()) EXPECT_EQ(make_importer(n)->name(), n);
  try {
    make_exporter("neo4j");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidArgument);
    EXPECT_NE(std::string(e.what()).find("'neo4j'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(make_importer("dot"), Error);
}

TEST(Factory, FormatFromPath) {
  const std::pair<std::string, std::string> cases[] = {
      {"a.jsonld", "jsonld"}, {"dir.v2/a.JSON", "jsonld"}, {"g.graphml", "graphml"}, {"g.dot", "dot"}, {"g.gv", "dot"},
      {"t.tsv", "tsv"},       {"x.nt", "ntriples"}};
  for (const auto& [path, format] : cases) EXPECT_EQ(format_from_path(path), format) << path;
  for (const char* bad : {"noext", "a.txt", "dir.tsv/file", "-"}) {
    try {
      format_from_path(bad);
      FAIL() << bad;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
  }
}

// Codec -------------------------------------------------------------------------

TEST(Codec, NumbersAndPercentEncoding) {
  for (double v : {0.0, 1.0, 0.85, 0.1 + 0.2, 1e-7, 123456.789})
    EXPECT_EQ(detail::parse_number(detail::format_number(v), "x"), v);
  EXPECT_EQ(detail::format_number(1.0), "1");
  EXPECT_THROW(detail::parse_number("0.5x", "x"), Error);
  EXPECT_THROW(detail::parse_number("nan", "x"), Error);
  for (const auto& s : kHostile) EXPECT_EQ(detail::percent_decode(detail::percent_encode(s), "x"), s);
  EXPECT_EQ(detail::percent_encode("a b/é"), "a%20b%2F%C3%A9");
  EXPECT_THROW(detail::percent_decode("bad%2", "x"), Error);
  EXPECT_THROW(detail::percent_decode("bad%zz", "x"), Error);
}

// Round trips -------------------------------------------------------------------

TEST(RoundTrip, JsonLdAndGraphMlCarryEverythingByteIdentically) {
  KnowledgeGraph g = rich_graph();
  for (const char* format : {"jsonld", "graphml"}) {
    SCOPED_TRACE(format);
    std::string first = write(g, format);
    KnowledgeGraph back = read(first, format);
    expect_same_graph(g, back);
    EXPECT_EQ(write(back, format), first);
  }
}

TEST(RoundTrip, CrossFormat) {
  KnowledgeGraph g = rich_graph();
  std::string jsonld = write(g, "jsonld");
  KnowledgeGraph via_graphml = read(write(read(jsonld, "jsonld"), "graphml"), "graphml");
  EXPECT_EQ(write(via_graphml, "jsonld"), jsonld);
}

TEST(RoundTrip, TsvIsStableAndKeepsTriples) {
  KnowledgeGraph g = rich_graph();
  std::string first = write(g, "tsv");
  KnowledgeGraph back = read(first, "tsv");
  EXPECT_EQ(write(back, "tsv"), first);
  EXPECT_EQ(back.num_relations(), g.num_relations());
  std::vector<std::string> a, b;
  for (auto e : g.canonical_edges()) a.push_back(describe(g, e));
  for (auto e : back.canonical_edges()) b.push_back(describe(back, e));
  EXPECT_EQ(a, b);
}

TEST(RoundTrip, InsertionOrderDoesNotChangeExports) {
  KnowledgeGraph a = rich_graph(), b;
  // Rebuild the same graph in reverse edge order.
  auto edges = a.canonical_edges();
  for (auto v : a.canonical_vertices()) b.add_entity(a.node(v));
  b.properties() = a.properties();
  for (auto it = edges.rbegin(); it != edges.rend(); ++it) {
    const auto& ga = a.graph();
    auto s = *b.find_by_id(a.node(boost::source(*it, ga)).id), o = *b.find_by_id(a.node(boost::target(*it, ga)).id);
    b.add_relation(s, o, a.edge(*it));
  }
  for (const auto& f : exporter_names()) EXPECT_EQ(write(a, f), write(b, f)) << f;
}

// TSV ---------------------------------------------------------------------------

TEST(Tsv, HeaderAndQuoting) {
  KnowledgeGraph g;
  auto s = g.add_entity(entity("A \"quoted\" name", "Person"));
  auto o = g.add_entity(entity("B", "Place"));
  RelationEdge r;
  r.predicate = "went to";
  r.confidence = 0.75;
  r.evidence = {evidence(4, 0, 5, "line\nbreak"), evidence(2, 0, 5, "")};
  g.add_relation(s, o, r);
  EXPECT_EQ(
      write(g, "tsv"),
      "subject\tpredicate\tobject\tconfidence\tsentence\tevidence\tsubject_id\tobject_id\tsubject_type\t"
      "object_type\tnegated\tmodality\twikidata\n"
      "\"A \"\"quoted\"\" name\"\twent to\tB\t0.75\t3,5\t\"line\nbreak\"\tquoted_name\tb\tPerson\tPlace\tfalse\t\t\n");
}

TEST(GraphMl, ReadsGraphsMadeElsewhere) {
  // As networkx and other tools write it: generic key ids, a for="all" key,
  // no relgraph-specific fields; node labels default to the node ids.
  KnowledgeGraph g = read(R"(<?xml version="1.0" encoding="utf-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="edge" attr.name="label" attr.type="string"/>
  <key id="d1" for="all" attr.name="weight" attr.type="double"/>
  <key id="d2" for="node" attr.name="type" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="Ada"><data key="d2">Person</data><data key="d1">2</data></node>
    <node id="London"/>
    <edge source="Ada" target="London"><data key="d0">lived in</data><data key="d1">0.5</data></edge>
  </graph>
</graphml>)",
                          "graphml");
  ASSERT_EQ(g.num_relations(), 1u);
  auto e = g.canonical_edges().front();
  EXPECT_EQ(describe(g, e), "(Ada)-[lived in]->(London)");
  EXPECT_EQ(g.edge(e).attributes.at("weight"), "0.5");
  EXPECT_EQ(g.node(*g.find_by_id("Ada")).type, "Person");
  EXPECT_EQ(g.node(*g.find_by_id("Ada")).attributes.at("weight"), "2");
}

TEST(Tsv, ReadsTriplesMadeElsewhere) {
  // Only the three required columns, any order, CRLF line ends, a blank line.
  KnowledgeGraph g = read("object\tsubject\tpredicate\r\nBerlin\tAda\tvisited\r\n\r\nParis\tAda\tvisited\r\n", "tsv");
  EXPECT_EQ(g.num_entities(), 3u);
  std::vector<std::string> dumps;
  for (auto e : g.canonical_edges()) dumps.push_back(describe(g, e));
  EXPECT_EQ(dumps, (std::vector<std::string>{"(Ada)-[visited]->(Berlin)", "(Ada)-[visited]->(Paris)"}));
}

// Bad input ---------------------------------------------------------------------

TEST(BadInput, ErrorsNameTheCulprit) {
  struct Case {
    std::string format, text, expect;
  };
  const Case cases[] = {
      {"jsonld", "{\"@graph\": [", "test.jsonld' line 1"},
      {"jsonld", "{\n\n  \"@graph\": [}", "line 3"},
      {"jsonld", "[]", "top level"},
      {"jsonld", "{\"@context\": {}}", "@graph"},
      {"jsonld", "{\"@graph\": [{\"@id\": \"ent:a\"}]}", "name"},
      {"jsonld", "{\"@graph\": [{\"@id\": \"a\", \"name\": \"A\"}]}", "'a'"},
      {"jsonld", "{\"@graph\": [{\"@id\": \"ent:a\", \"name\": \"A\", \"colour\": 1}]}", "colour"},
      {"jsonld",
       "{\"@graph\": [{\"@type\": \"Relation\", \"subject\": \"ent:x\", \"predicate\": \"rel:p\", "
       "\"object\": \"ent:x\"}]}",
       "'x'"},
      {"graphml", "<graphml><graph>", "test.graphml' line"},
      {"graphml", "<html/>", "<graphml>"},
      {"graphml", "<graphml><graph><node id=\"a\"><data key=\"nokey\">x</data></node></graph></graphml>", "nokey"},
      {"graphml",
       "<graphml><key id=\"l\" for=\"edge\" attr.name=\"label\"/><graph><edge source=\"a\" target=\"b\">"
       "<data key=\"l\">p</data></edge></graph></graphml>",
       "'a'"},
      {"graphml", "<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"a\"/></graph></graphml>", "no label"},
      {"tsv", "", "empty"},
      {"tsv", "subject\tobject\nA\tB\n", "predicate"},
      {"tsv", "subject\tpredicate\tobject\nA\tp\n", "line 2"},
      {"tsv", "subject\tpredicate\tobject\tconfidence\nA\tp\tB\thigh\n", "'high'"},
      {"tsv", "subject\tpredicate\tobject\n\"A\tp\tB\n", "never closed"},
      {"tsv", "subject\tpredicate\tobject\nA\tp\tB\n\tq\tC\n", "line 3"},
  };
  for (const auto& c : cases) {
    try {
      read(c.text, c.format);
      ADD_FAILURE() << c.format << " accepted: " << c.text;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
      EXPECT_NE(std::string(e.what()).find(c.expect), std::string::npos) << c.text << " -> " << e.what();
    }
  }
}

// RapidJSON 1.1.0's exact number parser turned a zero with a large exponent
// or many decimals into garbage (0E0111 read as 1.28e+294).
TEST(JsonLd, ZeroWithAnExponentReadsAsZero) {
  for (const char* zero : {"0E0111", "-0.0e-300", "0e+23", "0e0", "0.000000000000000000000000000000"}) {
    std::string json = write(rich_graph(), "jsonld");
    auto at = json.find("\"confidence\": ");
    ASSERT_NE(at, std::string::npos);
    at += std::string("\"confidence\": ").size();
    json.replace(at, json.find_first_of(",\n}", at) - at, zero);
    KnowledgeGraph g = read(json, "jsonld");
    std::size_t zeros = 0;
    for (auto e : g.canonical_edges()) zeros += g.edge(e).confidence == 0.0;
    EXPECT_EQ(zeros, 1u) << zero;
  }
}

TEST(SaveLoad, AtomicAndNamesFiles) {
  auto dir = temp_dir("save");
  KnowledgeGraph g = rich_graph();
  for (const char* ext : {"jsonld", "graphml", "tsv"}) {
    std::string path = dir + "/g." + ext;
    save_graph(g, path);
    EXPECT_EQ(detail::read_file(path), write(g, ext == std::string("jsonld") ? "jsonld" : ext));
    EXPECT_EQ(write(load_graph(path), ext), write(load_graph(path, ext), ext));
  }
  // Missing input, unknown extension, unwritable output: errors, no file left.
  try {
    load_graph(dir + "/missing.jsonld");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    EXPECT_NE(std::string(e.what()).find("missing.jsonld"), std::string::npos);
  }
  EXPECT_THROW(save_graph(g, dir + "/g.xyz"), Error);
  EXPECT_THROW(save_graph(g, dir + "/no/such/dir/g.tsv"), Error);
  EXPECT_THROW(save_graph(g, "-"), Error);  // stdout needs an explicit format
  // A malformed input does not overwrite anything.
  std::ofstream(dir + "/bad.tsv") << "nonsense\n";
  EXPECT_THROW(load_graph(dir + "/bad.tsv"), Error);
  std::size_t files = 0;
  for (auto& e : fs::directory_iterator(dir)) (void)e, ++files;
  EXPECT_EQ(files, 4u);
  fs::remove_all(dir);
}

// DOT through cgraph ---------------------------------------------------------------

TEST(Dot, ReadBackByCgraphWithExactLabels) {
  KnowledgeGraph g = rich_graph();
  std::string dot = write(g, "dot");
  Agraph_t* h = agmemread(dot.c_str());
  ASSERT_NE(h, nullptr) << dot;
  auto unescape = [](const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\' && i + 1 < s.size()) ++i;
      out += s[i];
    }
    return out;
  };
  EXPECT_EQ(static_cast<std::size_t>(agnnodes(h)), g.num_entities());
  EXPECT_EQ(static_cast<std::size_t>(agnedges(h)), g.num_relations());
  for (auto v : g.canonical_vertices()) {
    const EntityNode& n = g.node(v);
    Agnode_t* node = agnode(h, const_cast<char*>(detail::dot_escape(n.id).c_str()), 0);
    ASSERT_NE(node, nullptr) << n.id;
    EXPECT_EQ(unescape(agget(node, const_cast<char*>("label"))), n.label);
    EXPECT_EQ(unescape(agget(node, const_cast<char*>("type"))), n.type);
  }
  std::multiset<std::string> predicates, expected;
  for (Agnode_t* n = agfstnode(h); n; n = agnxtnode(h, n))
    for (Agedge_t* e = agfstout(h, n); e; e = agnxtout(h, e))
      predicates.insert(unescape(agget(e, const_cast<char*>("label"))));
  for (auto e : g.canonical_edges()) expected.insert(g.edge(e).predicate);
  EXPECT_EQ(predicates, expected);
  agclose(h);
}

TEST(Dot, RenderedByDotCommand) {
  auto dir = temp_dir("dot");
  save_graph(rich_graph(), dir + "/g.dot");
  std::string out, err;
  int rc = relgraph::testing::run_command("dot -Tsvg '" + dir + "/g.dot'", &out, &err);
  if (rc == 127) GTEST_SKIP() << "Graphviz 'dot' is not installed";
  EXPECT_EQ(rc, 0) << err;
  EXPECT_NE(out.find("<svg"), std::string::npos);
  EXPECT_NE(out.find("Caf\xC3\xA9 O\xE2\x80\x99Neil"), std::string::npos);
  fs::remove_all(dir);
}

// JSON-LD context and schema ---------------------------------------------------

TEST(JsonLd, EmbeddedContextIsSchemasContext) {
  std::string file = detail::read_file(std::string(RELGRAPH_SOURCE_DIR) + "/schemas/context.jsonld");
  EXPECT_EQ(detail::jsonld_context(), file) << "run tools/gen-jsonld-context.sh";
  rapidjson::Document ctx;
  ctx.Parse(file.c_str());
  ASSERT_TRUE(ctx.IsObject());
  for (const auto& type : detail::jsonld_entity_types())
    EXPECT_TRUE(ctx["@context"].HasMember(type.c_str())) << type << " is not mapped in the context";
}

namespace {

// Validates `json` against schemas/graph.schema.json; "" if valid, else the failing keyword.
std::string schema_errors(const std::string& json) {
  static rapidjson::Document schema_doc = [] {
    rapidjson::Document d;
    d.Parse(detail::read_file(std::string(RELGRAPH_SOURCE_DIR) + "/schemas/graph.schema.json").c_str());
    return d;
  }();
  EXPECT_FALSE(schema_doc.HasParseError());
  rapidjson::SchemaDocument schema(schema_doc);
  rapidjson::SchemaValidator validator(schema);
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  if (doc.HasParseError()) return "not JSON";
  if (doc.Accept(validator)) return "";
  rapidjson::StringBuffer where;
  validator.GetInvalidDocumentPointer().StringifyUriFragment(where);
  return std::string(validator.GetInvalidSchemaKeyword()) + " at " + where.GetString();
}

}  // namespace

TEST(JsonLd, OutputMatchesJsonSchema) {
  EXPECT_EQ(schema_errors(write(rich_graph(), "jsonld")), "");
  EXPECT_EQ(schema_errors(write(KnowledgeGraph(), "jsonld")), "");
  const std::string context = "\"@context\": {}, ";
  const std::string bad[] = {
      "{" + context +
          "\"@graph\": [{\"@type\": \"Relation\", \"subject\": \"ent:a\", \"predicate\": \"rel:p\", "
          "\"object\": \"ent:b\", \"negated\": false}]}",                                     // no confidence
      "{" + context + "\"@graph\": [{\"@id\": \"ent:a\", \"name\": \"\"}]}",                  // empty name
      "{" + context + "\"@graph\": [{\"@id\": \"ent:a\", \"name\": \"A\", \"colour\": 1}]}",  // unknown key
      "{" + context + "\"@graph\": [{\"@id\": \"a\", \"name\": \"A\"}]}",                     // not an ent: id
      "{\"@graph\": []}",                                                                     // no context
  };
  for (const auto& json : bad) EXPECT_NE(schema_errors(json), "") << json;
}

// Real consumers ------------------------------------------------------------------

namespace {

const char* kPython = "/usr/bin/python3";

bool python_has(const std::string& module) {
  return relgraph::testing::run_command(std::string(kPython) + " -c 'import " + module + "'") == 0;
}

// Triples the JSON-LD (and N-Triples) export denotes, counted from the graph.
std::size_t expected_triples(const KnowledgeGraph& g) {
  std::size_t n = g.properties().empty() ? 0 : 1 + 3 * g.properties().size();
  for (auto v : g.canonical_vertices()) {
    const EntityNode& e = g.node(v);
    n += (e.type.empty() ? 0 : 1) + 1 + e.aliases.size() + (e.value.empty() ? 0 : 1) + 5 * e.mentions.size() +
         3 * e.attributes.size();
  }
  for (auto e : g.canonical_edges()) {
    const RelationEdge& r = g.edge(e);
    n += (!r.negated && r.modality.empty() ? 1 : 0) + 4 + (r.surface.empty() ? 0 : 1) + 2 +
         (r.modality.empty() ? 0 : 1) + 6 * r.evidence.size() + 3 * r.attributes.size();
  }
  return n;
}

}  // namespace

TEST(Consumers, BoostReadGraphml) {
  struct V {
    std::string label, type;
  };
  struct E {
    std::string label;
    double confidence = 0;
    std::string negated;
  };
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, V, E>;
  KnowledgeGraph kg = rich_graph();
  G g;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("label", boost::get(&V::label, g));
  dp.property("type", boost::get(&V::type, g));
  dp.property("label", boost::get(&E::label, g));
  dp.property("confidence", boost::get(&E::confidence, g));
  dp.property("negated", boost::get(&E::negated, g));
  std::istringstream in(write(kg, "graphml"));
  boost::read_graphml(in, g, dp);
  // Boost's reader trims and collapses whitespace in values (its XML parser
  // runs with trim_whitespace); compare modulo that.
  auto squeeze = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      bool space = c == ' ' || c == '\n' || c == '\t';  // a \r (written &#13;) survives
      if (space && (out.empty() || out.back() == ' ')) continue;
      out += space ? ' ' : c;
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  ASSERT_EQ(boost::num_vertices(g), kg.num_entities());
  ASSERT_EQ(boost::num_edges(g), kg.num_relations());
  auto vs = kg.canonical_vertices();
  for (std::size_t i = 0; i < vs.size(); ++i) {
    EXPECT_EQ(g[i].label, squeeze(kg.node(vs[i]).label));
    EXPECT_EQ(g[i].type, kg.node(vs[i]).type);
  }
  std::multiset<std::string> got, want;
  for (auto e : boost::make_iterator_range(boost::edges(g)))
    got.insert(g[e].label + (g[e].negated == "true" ? " (negated)" : "") + " " + std::to_string(g[e].confidence));
  for (auto e : kg.canonical_edges())
    want.insert(squeeze(kg.edge(e).predicate) + (kg.edge(e).negated ? " (negated)" : "") + " " +
                std::to_string(kg.edge(e).confidence));
  EXPECT_EQ(got, want);
}

TEST(Consumers, NetworkxReadGraphml) {
  if (!python_has("networkx")) GTEST_SKIP() << "python3-networkx is not installed";
  auto dir = temp_dir("nx");
  KnowledgeGraph kg = rich_graph();
  save_graph(kg, dir + "/g.graphml");
  // networkx prints {node id: label} and [[source, target, label]] as JSON.
  std::string script =
      "import json, sys, networkx as nx\n"
      "g = nx.read_graphml(sys.argv[1])\n"
      "print(json.dumps({'nodes': {n: d['label'] for n, d in g.nodes(data=True)},\n"
      "                  'types': {n: d.get('type', '') for n, d in g.nodes(data=True)},\n"
      "                  'edges': sorted([s, t, d['label']] for s, t, d in g.edges(data=True)),\n"
      "                  'directed': g.is_directed(), 'multi': g.is_multigraph()}))\n";
  std::ofstream(dir + "/read.py") << script;
  std::string out, err;
  ASSERT_EQ(
      relgraph::testing::run_command(std::string(kPython) + " " + dir + "/read.py " + dir + "/g.graphml", &out, &err),
      0)
      << err;
  rapidjson::Document doc;
  doc.Parse(out.c_str());
  ASSERT_TRUE(doc.IsObject()) << out;
  EXPECT_TRUE(doc["directed"].GetBool());
  EXPECT_TRUE(doc["multi"].GetBool());
  ASSERT_EQ(doc["nodes"].MemberCount(), kg.num_entities());
  for (auto v : kg.canonical_vertices()) {
    const EntityNode& n = kg.node(v);
    ASSERT_TRUE(doc["nodes"].HasMember(n.id.c_str())) << n.id;
    EXPECT_EQ(std::string(doc["nodes"][n.id.c_str()].GetString()), n.label);
    EXPECT_EQ(std::string(doc["types"][n.id.c_str()].GetString()), n.type);
  }
  std::vector<std::string> got, want;
  for (const auto& e : doc["edges"].GetArray())
    got.push_back(std::string(e[0].GetString()) + "|" + e[1].GetString() + "|" + e[2].GetString());
  const auto& g = kg.graph();
  for (auto e : kg.canonical_edges())
    want.push_back(g[boost::source(e, g)].id + "|" + g[boost::target(e, g)].id + "|" + g[e].predicate);
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(got, want);
  fs::remove_all(dir);
}

TEST(Consumers, JsonLdJsSafeModeAndRdflib) {
  std::string js = std::string(RELGRAPH_SOURCE_DIR) + "/tests/js";
  if (!fs::exists(js + "/node_modules/jsonld")) GTEST_SKIP() << "run tools/install-deps.sh (npm ci in tests/js)";
  if (!python_has("rdflib")) GTEST_SKIP() << "python3-rdflib is not installed";
  auto dir = temp_dir("rdf");
  KnowledgeGraph kg = rich_graph();
  save_graph(kg, dir + "/g.jsonld");
  save_graph(kg, dir + "/g.nt");
  std::string out, err;
  ASSERT_EQ(relgraph::testing::run_command("node " + js + "/to-nquads.js " + dir + "/g.jsonld", &out, &err), 0) << err;
  detail::write_atomic(dir + "/g.nq", out);
  std::size_t want = expected_triples(kg);
  // rdflib parses both the jsonld.js output and our own N-Triples; the two
  // graphs must be isomorphic (same triples up to blank node names).
  std::string script =
      "import sys, rdflib\n"
      "from rdflib.compare import isomorphic\n"
      "q = rdflib.ConjunctiveGraph(); q.parse(sys.argv[1], format='nquads')\n"
      "n = rdflib.Graph(); n.parse(sys.argv[2], format='nt')\n"
      "qg = rdflib.Graph()\n"
      "for t in q.triples((None, None, None)): qg.add(t)\n"
      "j = rdflib.Graph(); j.parse(sys.argv[3], format='json-ld')\n"
      "print(len(qg), len(n), isomorphic(qg, n), isomorphic(j, n))\n";
  std::ofstream(dir + "/check.py") << script;
  ASSERT_EQ(relgraph::testing::run_command(
                std::string(kPython) + " " + dir + "/check.py " + dir + "/g.nq " + dir + "/g.nt " + dir + "/g.jsonld",
                &out, &err),
            0)
      << err;
  // rdflib's own JSON-LD parser must agree too (last field).
  EXPECT_EQ(out, std::to_string(want) + " " + std::to_string(want) + " True True\n") << "files kept in " << dir;
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(Consumers, KgscoreReadsOurTsv) {
  std::string scorer = std::string(RELGRAPH_SOURCE_DIR) + "/../shared/eval/kgscore.py";
  if (!fs::exists(scorer)) GTEST_SKIP() << "../shared/eval/kgscore.py is absent";
  auto dir = temp_dir("kgscore");
  KnowledgeGraph kg = rich_graph();
  save_graph(kg, dir + "/g.tsv");
  // A reference with two facts whose arguments carry quotes and newlines; the
  // scorer must find both (its csv reader has to undo our quoting).
  std::ofstream(dir + "/gold.json") << R"({"entities": [
      {"id": "ada", "name": "Ada Lovelace", "aliases": []},
      {"id": "soc", "name": "Analytical Engine Society", "aliases": []},
      {"id": "say", "name": "Say \"hi\" <b> & 'bye'", "aliases": []},
      {"id": "lines", "name": "line one line two three", "aliases": []}],
    "triples": [{"n": 1, "s": "ada", "p": ["founded"], "o": "soc"},
                {"n": 2, "s": "say", "p": ["back\\slash"], "o": "ada"},
                {"n": 3, "s": "lines", "p": ["tab here"], "o": "ada"}]})";
  std::string out, err;
  ASSERT_EQ(relgraph::testing::run_command(
                std::string(kPython) + " " + scorer + " " + dir + "/gold.json " + dir + "/g.tsv", &out, &err),
            0)
      << err;
  EXPECT_NE(out.find("3/3 reference facts found"), std::string::npos) << out;
  EXPECT_NE(out.find("triples: " + std::to_string(kg.num_relations()) + " extracted"), std::string::npos) << out;
  fs::remove_all(dir);
}

// Golden files ----------------------------------------------------------------------
// RELGRAPH_UPDATE_GOLDEN=1 rewrites tests/golden/io/ from the current exporters.

namespace {

KnowledgeGraph small_graph() {
  KnowledgeGraph g;
  g.properties()["source"] = "hand-built";
  auto ada = entity("Ada Lovelace", "Person");
  ada.aliases = {"Ada"};
  ada.mentions = {{"note.txt", 0, 0, 12}};
  auto a = g.add_entity(ada);
  auto b = g.add_entity(entity("Charles Babbage", "Person"));
  auto e = g.add_entity(entity("Difference Engine \xE2\x80\x9CNo. 2\xE2\x80\x9D", "Product"));
  RelationEdge worked;
  worked.predicate = "worked with";
  worked.surface = "corresponded with";
  worked.confidence = 0.9;
  worked.evidence = {evidence(0, 0, 41, "Ada Lovelace corresponded with Babbage.")};
  g.add_relation(a, b, worked);
  RelationEdge built;
  built.predicate = "built";
  built.confidence = 0.4;
  built.negated = true;
  built.attributes["date"] = "1849";
  g.add_relation(b, e, built);
  return g;
}

}  // namespace

TEST(Golden, EveryExporter) {
  KnowledgeGraph g = small_graph();
  const std::pair<std::string, std::string> files[] = {{"jsonld", "small.jsonld"},
                                                       {"graphml", "small.graphml"},
                                                       {"dot", "small.dot"},
                                                       {"tsv", "small.tsv"},
                                                       {"ntriples", "small.nt"}};
  std::string dir = std::string(RELGRAPH_SOURCE_DIR) + "/tests/golden/io/";
  bool update = std::getenv("RELGRAPH_UPDATE_GOLDEN") != nullptr;
  for (const auto& [format, file] : files) {
    std::string got = write(g, format);
    if (update) {
      fs::create_directories(dir);
      detail::write_atomic(dir + file, got);
      continue;
    }
    ASSERT_TRUE(fs::exists(dir + file)) << "missing golden file " << dir + file;
    EXPECT_EQ(got, detail::read_file(dir + file)) << format << " differs from " << dir + file;
  }
}

// Damaged input -------------------------------------------------------------------
// Truncated or corrupted files must give relgraph::Error (or, by luck, a valid
// graph) — never another exception type, a crash or a hang.

TEST(BadInput, TruncatedAndCorruptedFilesOnlyThrowError) {
  KnowledgeGraph g = rich_graph();
  std::mt19937 rng(7);
  for (const char* format : {"jsonld", "graphml", "tsv"}) {
    std::string good = write(g, format);
    std::vector<std::string> damaged;
    for (std::size_t cut = 0; cut < good.size(); cut += 1 + good.size() / 150) damaged.push_back(good.substr(0, cut));
    for (int i = 0; i < 150; ++i) {
      std::string s = good;
      for (int k = 0; k < 3; ++k) s[rng() % s.size()] = "\"<>&\\\t\n{}[]:,x0"[rng() % 16];
      damaged.push_back(s);
    }
    for (const auto& text : damaged) {
      try {
        read(text, format);
      } catch (const Error&) {
      } catch (const std::exception& e) {
        ADD_FAILURE() << format << ": " << typeid(e).name() << ": " << e.what();
      }
    }
  }
}

// Rendering -----------------------------------------------------------------------

TEST(Render, SvgShowsLabelsExactly) {
  auto dir = temp_dir("render");
  KnowledgeGraph g;
  // Each label is short enough not to wrap; Graphviz would decode "&eacute;" and
  // treat "\N" or "\l" as escapes if the renderer did not protect them.
  const std::vector<std::string> labels = {
      "back\\slash\\", "a\\\"b", "AT&amp;T &eacute;", "\\N \\l", "Caf\xC3\xA9 O\xE2\x80\x99Neil", "]; node ["};
  std::vector<KnowledgeGraph::Vertex> vs;
  for (const auto& l : labels) vs.push_back(g.add_entity(entity(l, "Person")));
  RelationEdge r;
  r.predicate = "x < y & z";
  g.add_relation(vs[0], vs[1], r);
  r.negated = true;
  g.add_relation(vs[1], vs[2], r);
  render_graph(g, dir + "/g.svg");
  std::string svg = detail::read_file(dir + "/g.svg");
  auto xml = [](const std::string& s) {
    std::string out;
    for (char c : s)
      out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : std::string(1, c);
    return out;
  };
  for (const auto& l : labels) EXPECT_NE(svg.find(">" + xml(l) + "</text>"), std::string::npos) << l;
  EXPECT_NE(svg.find(">x &lt; y &amp; z</text>"), std::string::npos);
  EXPECT_NE(svg.find(">not x &lt; y &amp; z</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Person (ellipse)</text>"), std::string::npos);  // the legend
  RenderOptions no_legend;
  no_legend.legend = false;
  render_graph(g, dir + "/plain.svg", no_legend);
  EXPECT_EQ(detail::read_file(dir + "/plain.svg").find("Entity types"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Render, PdfIsTheSameBytesEveryTime) {
  auto dir = temp_dir("render_pdf");
  KnowledgeGraph g = rich_graph();
  render_graph(g, dir + "/a.pdf");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the stamp has whole seconds
  render_graph(g, dir + "/b.pdf");
  std::string a = detail::read_file(dir + "/a.pdf");
  EXPECT_EQ(a, detail::read_file(dir + "/b.pdf"));
  EXPECT_NE(a.find("/CreationDate (D:19700101000000"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Render, FormatsLayoutsAndErrors) {
  auto dir = temp_dir("render2");
  KnowledgeGraph g = rich_graph();
  const std::pair<std::string, std::string> magic[] = {{"g.png", "\x89PNG"}, {"g.pdf", "%PDF"}, {"g.svg", "<?xml"}};
  for (const auto& [file, head] : magic) {
    render_graph(g, dir + "/" + file);
    EXPECT_EQ(detail::read_file(dir + "/" + file).substr(0, head.size()), head) << file;
  }
  for (const char* layout : {"neato", "fdp", "sfdp"}) {
    RenderOptions o;
    o.layout = layout;
    o.format = "svg";
    render_graph(g, dir + "/layout.out", o);
    EXPECT_NE(detail::read_file(dir + "/layout.out").find("<svg"), std::string::npos) << layout;
  }
  RenderOptions bad_layout;
  bad_layout.layout = "circus";
  const std::pair<std::string, RenderOptions> errors[] = {
      {dir + "/x.gif", {}}, {dir + "/noext", {}}, {dir + "/x.svg", bad_layout}, {dir + "/missing/x.svg", {}}};
  for (const auto& [path, options] : errors) {
    try {
      render_graph(g, path, options);
      ADD_FAILURE() << path;
    } catch (const Error& e) {
      std::string what = e.what();
      EXPECT_TRUE(what.find(path) != std::string::npos || what.find("circus") != std::string::npos) << what;
    }
  }
  std::size_t files = 0;
  for (auto& e : fs::directory_iterator(dir)) (void)e, ++files;
  EXPECT_EQ(files, 4u);  // g.png g.pdf g.svg layout.out; nothing from the failures
  fs::remove_all(dir);
}

// Picture size and layout by graph size ----------------------------------------------

namespace {

// About what one news article gives: 100 entities in 14 components (hubs
// with spokes, a few chains), labels of ordinary length.
KnowledgeGraph article_sized_graph() {
  KnowledgeGraph g;
  int n = 0;
  auto add = [&](const std::string& type) {
    ++n;
    return g.add_entity(entity("Invented Name Number " + std::to_string(n), type));
  };
  for (int c = 0; c < 14; ++c) {
    auto hub = add(c % 2 ? "Organization" : "Person");
    int spokes = 2 + (c * 5) % 9;
    auto last = hub;
    for (int i = 0; i < spokes; ++i) {
      auto v = add(i % 3 ? "Place" : "Person");
      RelationEdge r;
      r.predicate = i % 2 ? "spoke with" : "is based in";
      r.confidence = 0.5;
      g.add_relation(c % 3 == 0 ? last : hub, v, r);
      last = v;
    }
  }
  return g;
}

std::pair<unsigned, unsigned> png_size(const std::string& png) {
  auto be32 = [&](std::size_t at) {
    unsigned v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(png.at(at + i));
    return v;
  };
  return {be32(16), be32(20)};  // IHDR width, height
}

}  // namespace

TEST(Render, AutoLayoutFitsAScreen) {
  auto dir = temp_dir("render_size");
  KnowledgeGraph g = article_sized_graph();
  ASSERT_GE(g.num_entities(), 90u);
  render_graph(g, dir + "/g.png");
  auto [w, h] = png_size(detail::read_file(dir + "/g.png"));
  EXPECT_LE(std::max(w, h), 2000u) << w << "x" << h;
  EXPECT_GE(std::max(w, h), 1000u) << w << "x" << h;                 // not shrunk to a thumbnail
  EXPECT_LE(std::max(w, h), 2.5 * std::min(w, h)) << w << "x" << h;  // components packed, not in a row
  RenderOptions any;
  any.max_pixels = 0;
  render_graph(g, dir + "/big.png", any);
  auto [bw, bh] = png_size(detail::read_file(dir + "/big.png"));
  EXPECT_GT(std::max(bw, bh), 2000u);
  fs::remove_all(dir);
}

TEST(Render, RefusesGraphsTooLargeToDrawWithAdvice) {
  KnowledgeGraph g;
  auto prev = g.add_entity(entity("node 0", "Thing"));
  for (std::size_t i = 1; i <= kMaxRenderEntities; ++i) {
    auto v = g.add_entity(entity("node " + std::to_string(i), "Thing"));
    g.add_relation(prev, v, {.predicate = "links"});
    prev = v;
  }
  auto dir = temp_dir("render_refuse");
  try {
    render_graph(g, dir + "/g.svg");
    ADD_FAILURE() << "a picture of " << g.num_entities() << " entities was drawn";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidArgument);
    std::string what = e.what();
    for (const char* advice : {"--top", "--focus", "--min-confidence", ".html"})
      EXPECT_NE(what.find(advice), std::string::npos) << what;
  }
  EXPECT_FALSE(fs::exists(dir + "/g.svg"));
  // The slow layouts have lower caps: dot at 300 entities, neato and fdp at 600.
  KnowledgeGraph chain;
  prev = chain.add_entity(entity("node 0", "Thing"));
  for (int i = 1; i <= 400; ++i) {
    auto v = chain.add_entity(entity("node " + std::to_string(i), "Thing"));
    chain.add_relation(prev, v, {.predicate = "links"});
    prev = v;
  }
  RenderOptions dot;
  dot.layout = "dot";
  try {
    render_graph(chain, dir + "/chain.svg", dot);
    ADD_FAILURE() << "dot drew " << chain.num_entities() << " entities";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("use layout sfdp or auto"), std::string::npos) << e.what();
  }
  RenderOptions neato;
  neato.layout = "neato";
  EXPECT_NO_THROW(render_graph(chain, dir + "/chain.svg", neato));
  fs::remove_all(dir);
}
