// Loads relgraph's database exports into real embedded databases from npm
// (Kuzu via Cypher script and via the neo4j-admin CSV pair; Oxigraph via
// N-Triples and JSON-LD) with tests/db/load.js, and checks that entity and
// relation counts and a multi-hop path come back as relgraph computes them.
// Skips when node or tests/db/node_modules is absent (tools/install-deps.sh).
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "io/neo4j_export.hpp"
#include "relgraph/io.hpp"
#include "relgraph/query.hpp"
#include "support/builders.hpp"

namespace relgraph {
namespace {

namespace fs = std::filesystem;

// Awkward on purpose: quotes, apostrophes, ';', newlines, non-ASCII, an
// attribute named like a fixed column, a negated and a hedged fact, a fact
// with evidence from two documents.
KnowledgeGraph awkward_graph() {
  KnowledgeGraph g;
  auto dave = g.add_entity({.id = "", .label = "Dave O'Brien", .type = "Person", .aliases = {"O'Brien"}});
  auto acme = g.add_entity({.id = "",
                            .label = "Acme \"Widgets\" Corp",
                            .type = "Organization",
                            .aliases = {"Acme; the widget maker"},
                            .mentions = {},
                            .value = "",
                            .attributes = {{"type", "private"}, {"founded", "1999"}}});
  auto jose = g.add_entity({.id = "", .label = "José Müller", .type = "Person"});
  auto paris = g.add_entity({.id = "", .label = "Paris", .type = "Place"});
  auto france = g.add_entity({.id = "", .label = "France", .type = "Country"});
  auto bob = g.add_entity({.id = "", .label = "Bob Smith", .type = "Person"});
  auto carol = g.add_entity({.id = "", .label = "Carol Jones", .type = "Person"});
  auto fact = [&](auto s, auto o, RelationEdge r, const std::string& doc, const std::string& text) {
    r.surface = r.predicate;
    r.confidence = 0.75;
    r.evidence = {{.document = doc, .sentence = 1, .begin = 0, .end = text.size(), .text = text}};
    return g.add_relation(s, o, r);
  };
  fact(dave, acme, {.predicate = "works for", .attributes = {{"since", "2001"}}}, "a.txt",
       "Dave O'Brien works for Acme; he said \"yes\".\nAnd more.");
  fact(acme, paris, {.predicate = "based in"}, "a.txt", "Acme is based in Paris.");
  fact(paris, france, {.predicate = "capital of"}, "b.txt", "Paris is the capital of France.");
  fact(jose, dave, {.predicate = "met"}, "a.txt", "José Müller met Dave O'Brien.");
  fact(jose, dave, {.predicate = "met"}, "b.txt", "Müller met O'Brien again.");
  fact(bob, jose, {.predicate = "met", .negated = true}, "b.txt", "Bob Smith did not meet José Müller.");
  fact(carol, acme, {.predicate = "join", .modality = "possible"}, "b.txt", "Carol Jones may join Acme.");
  fact(bob, carol, {.predicate = "met"}, "b.txt", "Bob Smith met Carol Jones.");
  return g;
}

class DbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_dir = fs::path(RELGRAPH_SOURCE_DIR) / "tests" / "db";
    if (testing::run_command("node --version") != 0) GTEST_SKIP() << "node is not installed";
    if (!fs::exists(db_dir / "node_modules" / "kuzu") || !fs::exists(db_dir / "node_modules" / "oxigraph"))
      GTEST_SKIP() << "tests/db/node_modules absent (run tools/install-deps.sh)";
    dir = fs::temp_directory_path() / ("rg_db_" + std::to_string(::getpid()) + "_" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override {
    if (!dir.empty()) fs::remove_all(dir);
  }

  // Writes every export of `g`, loads them with load.js, returns its JSON.
  rapidjson::Document load(const KnowledgeGraph& g, const std::string& from, const std::string& to) {
    save_graph(g, (dir / "graph.nt").string());
    save_graph(g, (dir / "graph.jsonld").string());
    detail::save_neo4j_directory(g, (dir / "neo4j").string());
    std::string out, err;
    int rc = testing::run_command(
        "node " + (db_dir / "load.js").string() + " " + dir.string() + " '" + from + "' '" + to + "'", &out, &err);
    EXPECT_EQ(rc, 0) << err;
    rapidjson::Document doc;
    doc.Parse(out.c_str());
    EXPECT_FALSE(doc.HasParseError()) << out << err;
    return doc;
  }

  static std::vector<std::string> ids(const rapidjson::Value& array) {
    std::vector<std::string> out;
    for (const auto& v : array.GetArray()) out.emplace_back(v.GetString());
    return out;
  }

  fs::path db_dir, dir;
};

const char* kStores[] = {"kuzu_script", "kuzu_csv", "kuzu_copy", "oxigraph_nt", "oxigraph_jsonld"};

TEST_F(DbTest, AwkwardGraphLoadsIntoKuzuAndOxigraph) {
  auto g = awkward_graph();
  GraphQuery q(g);
  auto from = q.resolve("Dave O'Brien"), to = q.resolve("France");
  auto p = q.path(from, to);
  ASSERT_TRUE(p);
  std::vector<std::string> expected;
  for (auto v : p->vertices) expected.push_back(g.node(v).id);
  ASSERT_EQ(expected.size(), 4u);  // Dave -> Acme -> Paris -> France: a 3-hop path

  auto doc = load(g, g.node(from).id, g.node(to).id);
  ASSERT_TRUE(doc.IsObject());
  for (const char* store : kStores) {
    SCOPED_TRACE(store);
    ASSERT_TRUE(doc.HasMember(store));
    const auto& r = doc[store];
    EXPECT_EQ(r["entities"].GetUint64(), g.num_entities());
    EXPECT_EQ(r["relations"].GetUint64(), g.num_relations());
    EXPECT_EQ(ids(r["path"]), expected);
  }
}

// Kuzu's bulk load keeps list elements whole: commas, ';', quotes and
// brackets inside an element stay in it (only a newline reads as a space).
TEST_F(DbTest, KuzuBulkLoadKeepsListElementsWhole) {
  auto g = awkward_graph();
  auto doc = load(g, g.node(*g.find_by_key("bob smith")).id, g.node(*g.find_by_key("carol jones")).id);
  ASSERT_TRUE(doc.IsObject() && doc.HasMember("kuzu_copy"));
  const auto& copy = doc["kuzu_copy"];
  std::map<std::string, std::vector<std::string>> aliases;
  for (const auto& e : copy["entities_lists"].GetArray())
    if (e["aliases"].IsArray()) aliases[e["id"].GetString()] = ids(e["aliases"]);
  EXPECT_EQ(aliases["acme_widgets_corp"], std::vector<std::string>{"Acme; the widget maker"});
  bool found = false;
  for (const auto& f : copy["facts"].GetArray()) {
    if (std::string(f["src"].GetString()) != "dave_o_brien") continue;
    found = true;
    EXPECT_EQ(ids(f["evidence"]), std::vector<std::string>{"Dave O'Brien works for Acme; he said \"yes\". And more."});
    EXPECT_EQ(ids(f["documents"]), std::vector<std::string>{"a.txt"});
    EXPECT_EQ(std::string(f["attributes"].GetString()), R"({"since":"2001"})");
  }
  EXPECT_TRUE(found);
}

// The sample article's graph, end to end, when the models to extract it exist.
TEST_F(DbTest, SampleArticleGraphLoads) {
  auto sample = fs::path(RELGRAPH_SOURCE_DIR) / "samples" / "us-tunisia-counterterrorism.txt";
  if (!fs::exists(RELGRAPH_BINARY) || !fs::exists(sample)) GTEST_SKIP() << "relgraph binary or sample absent";
  auto graph_file = (dir / "sample.jsonld").string();
  std::string out, err;
  int rc = testing::run_command(std::string(RELGRAPH_BINARY) + " extract " + sample.string() + " -o " + graph_file,
                                &out, &err);
  if (rc != 0 && err.find("model") != std::string::npos) GTEST_SKIP() << "models not trained yet: " << err;
  ASSERT_EQ(rc, 0) << err;
  auto g = load_graph(graph_file);
  ASSERT_GT(g.num_relations(), 0u);
  // A multi-hop path: from the most central entity to the farthest one in its component.
  GraphQuery q(g, {.article_mentions = true});  // the databases walk every edge
  auto hub = q.central(Centrality::Degree, 1).at(0).vertex;
  auto reach = q.neighbors(hub, 100);
  ASSERT_FALSE(reach.empty());
  auto far = reach.back().vertex;
  auto p = q.path(hub, far);
  ASSERT_TRUE(p);
  auto doc = load(g, g.node(hub).id, g.node(far).id);
  ASSERT_TRUE(doc.IsObject());
  for (const char* store : kStores) {
    SCOPED_TRACE(store);
    const auto& r = doc[store];
    EXPECT_EQ(r["entities"].GetUint64(), g.num_entities());
    EXPECT_EQ(r["relations"].GetUint64(), g.num_relations());
    auto route = ids(r["path"]);
    if (std::string(store).starts_with("kuzu")) {
      // Kuzu walks every fact, as GraphQuery does: same length, same ends.
      ASSERT_EQ(route.size(), p->vertices.size());
    } else if (route.empty()) {
      continue;  // RDF links only asserted facts; the path may run through a hedged one.
    } else {
      EXPECT_GE(route.size(), p->vertices.size());
    }
    EXPECT_EQ(route.front(), g.node(hub).id);
    EXPECT_EQ(route.back(), g.node(far).id);
  }
}

}  // namespace
}  // namespace relgraph
