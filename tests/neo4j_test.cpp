// Neo4j import CSV, Neo4j Cypher and Kuzu Cypher exports: headers, quoting,
// relationship types, attribute columns, directory output. Loading into a real
// database is tests/db_test.cpp.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/neo4j_export.hpp"
#include "relgraph/error.hpp"
#include "relgraph/io.hpp"
#include "support/builders.hpp"

namespace relgraph {
namespace {

KnowledgeGraph small_graph() {
  KnowledgeGraph g;
  auto a = g.add_entity({.id = "", .label = "Dave O'Brien", .type = "Person", .aliases = {"O'Brien; Dave"}});
  auto b = g.add_entity({.id = "", .label = "Acme", .type = "Organization", .attributes = {{"type", "private"}}});
  Evidence ev{.document = "a.txt", .sentence = 0, .begin = 0, .end = 10, .text = "He said \"hi\";\nthen left."};
  g.add_relation(a, b,
                 {.predicate = "works for",
                  .surface = "works for",
                  .confidence = 1.0,
                  .evidence = {ev},
                  .attributes = {{"since", "2001"}}});
  g.add_relation(a, b, {.predicate = "left", .surface = "left", .confidence = 0.5, .negated = true});
  return g;
}

std::string write(const std::string& format, const KnowledgeGraph& g) {
  std::ostringstream out;
  make_exporter(format)->write(g, out);
  return out.str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(Neo4jNames, RelationshipTypesAndLabels) {
  struct Case {
    std::string predicate, type;
  } cases[] = {{"met", "MET"},           {"met with", "MET_WITH"},    {"sought to increase", "SOUGHT_TO_INCREASE"},
               {"  is-a ", "IS_A"},      {"", "RELATED_TO"},          {"---", "RELATED_TO"},
               {"3 times", "R_3_TIMES"}, {"holds role", "HOLDS_ROLE"}};
  for (const auto& c : cases) EXPECT_EQ(detail::relationship_type(c.predicate), c.type) << c.predicate;
  EXPECT_EQ(detail::node_label("CreativeWork"), "CreativeWork");
  EXPECT_EQ(detail::node_label(""), "Thing");
  EXPECT_EQ(detail::node_label("Geo-Political Entity"), "Geo_Political_Entity");
}

TEST(Neo4jCsv, NodesHaveImportHeadersAndQuotedFields) {
  auto rows = lines(write("neo4j-nodes", small_graph()));
  ASSERT_EQ(rows.size(), 3u);
  // The attribute "type" clashes with the fixed column and is renamed.
  EXPECT_EQ(rows[0], "id:ID,label,type,aliases:string[],value,mentions:int,documents:string[],attr_type,:LABEL");
  EXPECT_EQ(rows[1], R"("acme","Acme","Organization",,,0,,"private","Entity;Organization")");
  EXPECT_EQ(rows[2], R"("dave_o_brien","Dave O'Brien","Person","O'Brien, Dave",,0,,,"Entity;Person")");
}

TEST(Neo4jCsv, RelationshipsHaveImportHeadersAndFlatFields) {
  auto rows = lines(write("neo4j-relationships", small_graph()));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0],
            ":START_ID,:END_ID,predicate,surface,confidence:double,negated:boolean,modality,evidence:string[],"
            "documents:string[],since,:TYPE");
  // Newline flattened, quote doubled, ';' inside an array element made ','.
  EXPECT_EQ(rows[1], R"("dave_o_brien","acme","left","left",0.5,true,,,,,"LEFT")");
  EXPECT_EQ(
      rows[2],
      R"("dave_o_brien","acme","works for","works for",1.0,false,,"He said ""hi"", then left.","a.txt","2001","WORKS_FOR")");
}

TEST(Neo4jCypher, MergesNodesAndFactsIdempotently) {
  auto rows = lines(write("cypher", small_graph()));
  ASSERT_EQ(rows.size(), 6u);  // comment, constraint, 2 nodes, 2 facts
  EXPECT_EQ(rows[1], "CREATE CONSTRAINT relgraph_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;");
  EXPECT_EQ(rows[3],
            "MERGE (e:Entity {id: 'dave_o_brien'}) SET e:`Person`, e += {label: 'Dave O\\'Brien', type: 'Person', "
            "aliases: ['O\\'Brien; Dave'], mentions: 0};");
  EXPECT_EQ(rows[5],
            "MATCH (a:Entity {id: 'dave_o_brien'}), (b:Entity {id: 'acme'}) MERGE (a)-[r:`WORKS_FOR` {predicate: "
            "'works for', negated: false, modality: ''}]->(b) SET r += {surface: 'works for', confidence: 1.0, "
            "evidence: ['He said \"hi\";\\nthen left.'], documents: ['a.txt'], since: '2001'};");
}

TEST(Neo4jCypher, KuzuScriptDeclaresSchemaFirst) {
  auto rows = lines(write("kuzu-cypher", small_graph()));
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_TRUE(rows[1].starts_with("CREATE NODE TABLE IF NOT EXISTS Entity(")) << rows[1];
  EXPECT_TRUE(rows[2].starts_with("CREATE REL TABLE IF NOT EXISTS Relation(FROM Entity TO Entity")) << rows[2];
  EXPECT_EQ(
      rows[3],
      R"(CREATE (:Entity {id: 'acme', label: 'Acme', type: 'Organization', mentions: 0, attributes: '{"type":"private"}'});)");
  EXPECT_NE(rows[5].find("negated: true"), std::string::npos) << rows[5];
}

// Attribute keys a Cypher map cannot hold as written: empty, a leading digit,
// a space, a clash with a fixed property.
KnowledgeGraph awkward_keys_graph() {
  KnowledgeGraph g;
  EntityNode ann, bolt;
  ann.label = "Ann Lee";
  ann.type = "Person";
  ann.attributes = {{"", "x"}, {"2nd", "y"}};
  bolt.label = "Bolt Ltd";
  bolt.type = "Organization";
  bolt.attributes = {{"label", "z"}};
  RelationEdge joined;
  joined.predicate = joined.surface = "joined";
  joined.confidence = 1.0;
  joined.attributes = {{"", "last year"}, {"1st time", "yes"}, {"surface", "s"}};
  g.add_relation(g.add_entity(ann), g.add_entity(bolt), joined);
  return g;
}

TEST(Neo4jCypher, AttributeKeysAreValidPropertyNames) {
  auto rows = lines(write("cypher", awkward_keys_graph()));
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[2],
            "MERGE (e:Entity {id: 'ann_lee'}) SET e:`Person`, e += {label: 'Ann Lee', type: 'Person', mentions: 0, "
            "attr_: 'x', attr_2nd: 'y'};");
  EXPECT_NE(rows[3].find("attr_label: 'z'"), std::string::npos) << rows[3];
  EXPECT_NE(rows[4].find("attr_: 'last year', attr_1st_time: 'yes', attr_surface: 's'}"), std::string::npos) << rows[4];
  // The CSV pair names the same columns.
  EXPECT_EQ(lines(write("neo4j-relationships", awkward_keys_graph()))[0],
            ":START_ID,:END_ID,predicate,surface,confidence:double,negated:boolean,modality,evidence:string[],"
            "documents:string[],attr_,attr_1st_time,attr_surface,:TYPE");
}

// Every Cypher script relgraph writes goes through Neo4j's own parser
// (tests/js/check-cypher.js); the Kuzu scripts are loaded by tests/db_test.cpp.
class CypherParserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    js_ = std::filesystem::path(RELGRAPH_SOURCE_DIR) / "tests" / "js";
    if (testing::run_command("node --version") != 0) GTEST_SKIP() << "node is not installed";
    if (!std::filesystem::exists(js_ / "node_modules" / "@neo4j-cypher" / "language-support"))
      GTEST_SKIP() << "tests/js/node_modules absent (run tools/install-deps.sh)";
    dir_ = std::filesystem::temp_directory_path() / ("rg_cypher_" + std::to_string(::getpid()) + "_" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  // Runs the parser over `file`; returns its exit code, `report` its output.
  int parse(const std::filesystem::path& file, std::string* report) {
    std::string err;
    int rc = testing::run_command("node " + (js_ / "check-cypher.js").string() + " " + file.string(), report, &err);
    *report += err;
    return rc;
  }
  std::filesystem::path js_, dir_;
};

TEST_F(CypherParserTest, HandBuiltGraphsParse) {
  for (const auto& g : {small_graph(), awkward_keys_graph()}) {
    detail::save_neo4j_directory(g, (dir_ / "out").string());
    std::string report;
    EXPECT_EQ(parse(dir_ / "out" / "import.cypher", &report), 0) << report;
  }
}

TEST_F(CypherParserTest, SampleArticleScriptParses) {
  if (!std::filesystem::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "relgraph binary not built";
  std::string out, err, report;
  auto sample = std::filesystem::path(RELGRAPH_SOURCE_DIR) / "samples" / "us-tunisia-counterterrorism.txt";
  ASSERT_EQ(testing::run_command(
                std::string(RELGRAPH_BINARY) + " extract " + sample.string() + " -o " + (dir_ / "g.jsonld").string(),
                &out, &err),
            0)
      << err;
  ASSERT_EQ(testing::run_command(std::string(RELGRAPH_BINARY) + " merge " + (dir_ / "g.jsonld").string() +
                                     " --to neo4j -o " + (dir_ / "neo4j").string(),
                                 &out, &err),
            0)
      << err;
  EXPECT_EQ(parse(dir_ / "neo4j" / "import.cypher", &report), 0) << report;
}

TEST(Neo4jDirectory, WritesAllFilesAndFailsOnUnwritableDirectory) {
  auto dir = std::filesystem::temp_directory_path() / ("rg_neo4j_" + std::to_string(::getpid()));
  detail::save_neo4j_directory(small_graph(), (dir / "out").string());
  for (const char* f : {"nodes.csv", "relationships.csv", "import.cypher", "kuzu.cypher", "kuzu-entities.csv",
                        "kuzu-relations.csv", "kuzu-load.cypher"})
    EXPECT_TRUE(std::filesystem::exists(dir / "out" / f)) << f;
  // A directory under a regular file cannot be created.
  std::ofstream(dir / "file") << "x";
  EXPECT_THROW(detail::save_neo4j_directory(small_graph(), (dir / "file" / "sub").string()), Error);
  std::filesystem::remove_all(dir);
}

TEST(Neo4jCli, MergeAndSubgraphWriteAnImportDirectory) {
  if (!std::filesystem::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "relgraph binary not built";
  auto dir = std::filesystem::temp_directory_path() / ("rg_neo4j_cli_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto graph = (dir / "g.jsonld").string();
  save_graph(small_graph(), graph);
  std::string bin = RELGRAPH_BINARY, out, err;
  ASSERT_EQ(testing::run_command(bin + " merge " + graph + " --to neo4j -o " + (dir / "m").string(), &out, &err), 0)
      << err;
  ASSERT_EQ(testing::run_command(bin + " query " + graph + " subgraph acme --to neo4j -o " + (dir / "s").string(), &out,
                                 &err),
            0)
      << err;
  for (const char* sub : {"m", "s"}) {
    std::ifstream nodes(dir / sub / "nodes.csv");
    std::string header;
    std::getline(nodes, header);
    EXPECT_TRUE(header.starts_with("id:ID,")) << sub << ": " << header;
    EXPECT_TRUE(std::filesystem::exists(dir / sub / "import.cypher")) << sub;
  }
  std::filesystem::remove_all(dir);
}

TEST(Neo4jFormats, RegisteredInTheFactory) {
  for (const char* f :
       {"neo4j-nodes", "neo4j-relationships", "cypher", "kuzu-cypher", "kuzu-entities", "kuzu-relations", "kuzu-load"})
    EXPECT_NO_THROW(make_exporter(f)) << f;
  EXPECT_EQ(format_from_path("g.cypher"), "cypher");
  EXPECT_THROW(make_importer("cypher"), Error);
}

}  // namespace
}  // namespace relgraph
