// Graphs back from other tools: N-Triples through Serd, JSON-LD that jsonld.js
// or rdflib expanded or flattened, GraphML from networkx with --label-key.
// Each must rebuild the graph relgraph wrote (compared through its JSON-LD).
// The tool-made inputs skip when node/tests/js or Debian's python3 lacks them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/rdf_graph.hpp"
#include "relgraph/error.hpp"
#include "relgraph/io.hpp"
#include "support/builders.hpp"

namespace relgraph {
namespace {

namespace fs = std::filesystem;

// Quotes, a newline, non-ASCII, a ';', attributes on all three levels, a
// negated and a hedged fact, evidence from two documents, an odd type.
KnowledgeGraph awkward_graph() {
  KnowledgeGraph g;
  EntityNode ann, acme, jose, port;
  ann.label = "Ann O'Neil";
  ann.type = "Person";
  ann.aliases = {"O'Neil"};
  ann.mentions = {{"a.txt", 0, 0, 10}, {"b.txt", 2, 5, 12}};
  acme.label = "Acme \"Widgets\" Corp";
  acme.type = "Organization";
  acme.attributes = {{"founded", "1999"}, {"", "empty key"}};
  jose.label = "Jos\u00e9 M\u00fcller";
  jose.type = "Person";
  port.label = "Port of Call";
  port.type = "Harbour Area";  // not a schema.org type
  auto a = g.add_entity(ann), b = g.add_entity(acme), c = g.add_entity(jose), d = g.add_entity(port);
  RelationEdge works;
  works.predicate = works.surface = "works for";
  works.confidence = 0.85;
  works.evidence = {{"a.txt", 0, 0, 30, "Ann O'Neil works for Acme;\nshe said \"yes\"."},
                    {"b.txt", 1, 3, 9, "O'Neil, of Acme"}};
  works.attributes = {{"since", "2001"}};
  RelationEdge denied = works;
  denied.predicate = denied.surface = "met";
  denied.negated = true;
  denied.evidence = {};
  RelationEdge hedged;
  hedged.predicate = hedged.surface = "may visit";
  hedged.confidence = 0.5;
  hedged.modality = "possible";
  g.add_relation(a, b, works);
  g.add_relation(c, a, denied);
  g.add_relation(c, d, hedged);
  g.properties() = {{"title", "A test graph"}};
  return g;
}

std::string as_jsonld(const KnowledgeGraph& g) {
  std::ostringstream out;
  make_exporter("jsonld")->write(g, out);
  return out.str();
}

class RdfInTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("rg_rdf_in_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(RdfInTest, NTriplesReadBackThroughSerdInAnyOrder) {
  auto g = awkward_graph();
  std::ostringstream nt;
  make_exporter("ntriples")->write(g, nt);
  std::vector<std::string> lines;
  std::istringstream in(nt.str());
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::reverse(lines.begin(), lines.end());  // triple stores hand triples back in their own order
  std::string reversed;
  for (const auto& l : lines) reversed += l + "\n";
  std::istringstream back(reversed);
  EXPECT_EQ(as_jsonld(make_importer("ntriples")->read(back, "g.nt")), as_jsonld(g));
  EXPECT_EQ(format_from_path("g.nt"), "ntriples");
}

TEST_F(RdfInTest, NTriplesSyntaxErrorNamesFileAndLine) {
  std::istringstream in(
      "<https://w3id.org/relgraph/entity/a> <https://schema.org/name> \"A\" .\n"
      "<https://w3id.org/relgraph/entity/b> <https://schema.org/name> \"B .\n");
  try {
    make_importer("ntriples")->read(in, "broken.nt");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'broken.nt'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
  }
}

TEST_F(RdfInTest, NTriplesNumbersOutOfRangeAreRefusedByValue) {
  auto g = awkward_graph();
  std::ostringstream nt;
  make_exporter("ntriples")->write(g, nt);
  const std::string sentence = "<https://w3id.org/relgraph/vocab#sentence> \"";
  auto at = nt.str().find(sentence);
  ASSERT_NE(at, std::string::npos) << nt.str();
  for (const char* bad : {"99999999999", "-5"}) {
    std::string text = nt.str();
    auto end = text.find('"', at + sentence.size());
    text.replace(at + sentence.size(), end - at - sentence.size(), bad);
    std::istringstream in(text);
    try {
      make_importer("ntriples")->read(in, "big.nt");
      FAIL() << "no error for sentence " << bad;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("out of range"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
  }
}

// RDF made elsewhere: a direct link with no Statement is a fact, a foreign
// class names the type by its last segment, an unnamed entity keeps its id.
TEST_F(RdfInTest, ForeignTriplesBecomeEntitiesAndFacts) {
  std::istringstream in(
      "<https://w3id.org/relgraph/entity/ann_lee> <https://schema.org/name> \"Ann Lee\" .\n"
      "<https://w3id.org/relgraph/entity/ann_lee> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<http://example.org/ns#Sailor> .\n"
      "<https://w3id.org/relgraph/entity/ann_lee> <https://w3id.org/relgraph/relation/sailed%20to> "
      "<https://w3id.org/relgraph/entity/malta> .\n");
  auto g = make_importer("ntriples")->read(in, "foreign.nt");
  ASSERT_EQ(g.num_entities(), 2u);
  ASSERT_EQ(g.num_relations(), 1u);
  auto e = *boost::edges(g.graph()).first;
  EXPECT_EQ(describe(g, e), "(Ann Lee)-[sailed to]->(malta)");
  EXPECT_EQ(g.node(*g.find_by_key("ann lee")).type, "Sailor");
}

TEST_F(RdfInTest, JsonLdExpandedAndFlattenedByJsonldJs) {
  auto js = fs::path(RELGRAPH_SOURCE_DIR) / "tests" / "js";
  if (testing::run_command("node --version") != 0 || !fs::exists(js / "node_modules" / "jsonld"))
    GTEST_SKIP() << "node or tests/js/node_modules absent (tools/install-deps.sh)";
  auto g = awkward_graph();
  save_graph(g, (dir_ / "g.jsonld").string());
  for (const char* form : {"expand", "flatten"}) {
    SCOPED_TRACE(form);
    auto out = dir_ / (std::string(form) + ".jsonld");
    std::string err;
    ASSERT_EQ(testing::run_command("node " + (js / "jsonld-forms.js").string() + " " + form + " " +
                                       (dir_ / "g.jsonld").string() + " " + out.string(),
                                   nullptr, &err),
              0)
        << err;
    EXPECT_EQ(as_jsonld(load_graph(out.string())), as_jsonld(g));
  }
}

TEST_F(RdfInTest, JsonLdAndNTriplesWrittenByRdflib) {
  const std::string python = "/usr/bin/python3";
  if (testing::run_command(python + " -c 'import rdflib'") != 0) GTEST_SKIP() << "python3-rdflib absent";
  auto g = awkward_graph();
  save_graph(g, (dir_ / "g.nt").string());
  // rdflib parses relgraph's N-Triples and writes them back as JSON-LD
  // (expanded, its default) and as N-Triples of its own.
  std::string err;
  ASSERT_EQ(testing::run_command(python +
                                     " -c 'import rdflib, sys; g = rdflib.Graph(); g.parse(sys.argv[1], "
                                     "format=\"nt\"); g.serialize(sys.argv[2], format=\"json-ld\"); "
                                     "g.serialize(sys.argv[3], format=\"nt\")' " +
                                     (dir_ / "g.nt").string() + " " + (dir_ / "rdflib.jsonld").string() + " " +
                                     (dir_ / "rdflib.nt").string(),
                                 nullptr, &err),
            0)
      << err;
  EXPECT_EQ(as_jsonld(load_graph((dir_ / "rdflib.jsonld").string())), as_jsonld(g));
  EXPECT_EQ(as_jsonld(load_graph((dir_ / "rdflib.nt").string())), as_jsonld(g));
}

TEST_F(RdfInTest, GraphMlFromNetworkxNeedsItsLabelKey) {
  const std::string python = "/usr/bin/python3";
  if (testing::run_command(python + " -c 'import networkx'") != 0) GTEST_SKIP() << "python3-networkx absent";
  auto file = (dir_ / "nx.graphml").string();
  std::string err;
  ASSERT_EQ(testing::run_command(python +
                                     " -c 'import networkx as nx, sys; g = nx.DiGraph(); "
                                     "g.add_edge(\"Ann Lee\", \"Bolt Ltd\", relation=\"works for\", weight=2.5); "
                                     "g.add_edge(\"Bolt Ltd\", \"Malta\", relation=\"based in\"); "
                                     "nx.write_graphml(g, sys.argv[1])' " +
                                     file,
                                 nullptr, &err),
            0)
      << err;
  try {
    load_graph(file);
    FAIL() << "read without --label-key";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("--label-key"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("relation"), std::string::npos) << e.what();
  }
  ImportOptions options;
  options.label_key = "relation";
  auto g = load_graph(file, "", options);
  ASSERT_EQ(g.num_relations(), 2u);
  std::vector<std::string> facts;
  for (auto e : g.canonical_edges()) facts.push_back(describe(g, e));
  EXPECT_EQ(facts, (std::vector<std::string>{"(Ann Lee)-[works for]->(Bolt Ltd)", "(Bolt Ltd)-[based in]->(Malta)"}));
  EXPECT_EQ(g.graph()[g.canonical_edges()[0]].attributes.at("weight"), "2.5");
}

// Gephi's GraphML: key ids that are not the attribute names, node labels in
// a "label" key, the predicate in an edge key its user named.
TEST_F(RdfInTest, GraphMlFromGephi) {
  std::istringstream in(R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key attr.name="label" attr.type="string" for="node" id="label"/>
  <key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
  <key attr.name="weight" attr.type="double" for="edge" id="weight"/>
  <graph edgedefault="directed">
    <node id="0"><data key="label">Ann Lee</data></node>
    <node id="1"><data key="label">Bolt Ltd</data></node>
    <edge id="0" source="0" target="1"><data key="edgelabel">works for</data><data key="weight">1.0</data></edge>
  </graph>
</graphml>
)");
  ImportOptions options;
  options.label_key = "Edge Label";
  auto g = make_importer("graphml", options)->read(in, "gephi.graphml");
  ASSERT_EQ(g.num_relations(), 1u);
  EXPECT_EQ(describe(g, g.canonical_edges()[0]), "(Ann Lee)-[works for]->(Bolt Ltd)");
}

}  // namespace
}  // namespace relgraph
