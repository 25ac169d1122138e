// Tests for src/io: every exporter and importer, byte-identical round trips,
// hostile labels, bad input, rendering, and real consumers (cgraph agread,
// dot, Boost read_graphml, networkx, jsonld.js, rdflib).
#include <gtest/gtest.h>

#include <boost/graph/graphml.hpp>
#include <filesystem>
#include <fstream>
#include <graphviz/cgraph.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <sstream>

#include "core/files.hpp"
#include "io/cgraph.hpp"
#include "io/codec.hpp"
#include "relgraph/error.hpp"
#include "relgraph/io.hpp"
#include "support/builders.hpp"

using namespace relgraph;
namespace fs = std::filesystem;

namespace {

// Labels that break naive writers: quotes, markup, backslashes (also before a
// quote and at the end), newlines, tabs, DOT syntax and non-ASCII.
const std::vector<std::string> kHostile = {
    "Say \"hi\" <b> & 'bye'", "back\\slash\\", "a\\\"b", "line one\nline two\r\nthree", "tab\there",
    "]; node [ shape=box", "Caf\xC3\xA9 O\xE2\x80\x99Neil", "<html>", "@id", "x,y;z", " padded "};

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
  EXPECT_EQ(exporter_names(), (std::vector<std::string>{"jsonld", "graphml", "dot", "tsv", "ntriples"}));
  EXPECT_EQ(importer_names(), (std::vector<std::string>{"jsonld", "graphml", "tsv"}));
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
      {"a.jsonld", "jsonld"}, {"dir.v2/a.JSON", "jsonld"}, {"g.graphml", "graphml"}, {"g.dot", "dot"},
      {"g.gv", "dot"},        {"t.tsv", "tsv"},            {"x.nt", "ntriples"}};
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
  EXPECT_EQ(write(g, "tsv"),
            "subject\tpredicate\tobject\tconfidence\tsentence\tevidence\tsubject_id\tobject_id\tsubject_type\t"
            "object_type\tnegated\tmodality\n"
            "\"A \"\"quoted\"\" name\"\twent to\tB\t0.75\t2,4\t\"line\nbreak\"\tquoted_name\tb\tPerson\tPlace\tfalse\t\n");
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
      {"jsonld", "{\"@graph\": [{\"@type\": \"Relation\", \"subject\": \"ent:x\", \"predicate\": \"rel:p\", "
                 "\"object\": \"ent:x\"}]}", "'x'"},
      {"graphml", "<graphml><graph>", "test.graphml' line"},
      {"graphml", "<html/>", "<graphml>"},
      {"graphml", "<graphml><graph><node id=\"a\"><data key=\"nokey\">x</data></node></graph></graphml>", "nokey"},
      {"graphml", "<graphml><key id=\"l\" for=\"edge\" attr.name=\"label\"/><graph><edge source=\"a\" target=\"b\">"
                  "<data key=\"l\">p</data></edge></graph></graphml>", "'a'"},
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
    for (Agedge_t* e = agfstout(h, n); e; e = agnxtout(h, e)) predicates.insert(unescape(agget(e, const_cast<char*>("label"))));
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
