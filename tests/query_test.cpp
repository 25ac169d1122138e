// GraphQuery on a small hand-built graph with known answers: name resolution
// (aliases, case, ambiguity, typos), stats, neighbours, facts, paths,
// centrality and subgraphs; plus the `relgraph query` CLI when it is built.
#include "relgraph/query.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "relgraph/error.hpp"
#include "relgraph/io.hpp"
#include "support/builders.hpp"

namespace relgraph {
namespace {

Evidence ev(const std::string& doc, int sentence, const std::string& text) {
  return {.document = doc, .sentence = sentence, .begin = 0, .end = text.size(), .text = text};
}

// Undirected skeleton: a 6-cycle Alice-Acme-Paris-France-Carol-Bob-Alice,
// two pendants (Dave, Eve) on Acme, and one isolated entity.
KnowledgeGraph sample_graph() {
  KnowledgeGraph g;
  auto person = [&](const std::string& label, std::vector<std::string> aliases = {}) {
    return g.add_entity({.id = "", .label = label, .type = "Person", .aliases = aliases});
  };
  auto alice = person("Alice Smith");
  auto bob = person("Bob Smith");
  auto carol = person("Carol Jones", {"C. Jones"});
  auto dave = person("Dave Brown");
  auto eve = person("Eve White");
  auto acme = g.add_entity({.id = "", .label = "Acme Corp", .type = "Organization", .aliases = {"Acme"}});
  auto paris = g.add_entity({.id = "", .label = "Paris", .type = "Place"});
  auto france = g.add_entity({.id = "", .label = "France", .type = "Country"});
  g.add_entity({.id = "", .label = "Lonely Entity", .type = "Thing"});
  auto rel = [&](auto s, auto o, const std::string& p, double conf, const std::string& text) {
    g.add_relation(s, o, {.predicate = p, .surface = p, .confidence = conf, .evidence = {ev("d1.txt", 0, text)}});
  };
  rel(alice, acme, "works for", 0.9, "Alice Smith works for Acme.");
  rel(bob, alice, "met", 0.8, "Bob Smith met Alice Smith.");
  rel(carol, bob, "met", 0.7, "Carol Jones met Bob Smith.");
  rel(acme, paris, "based in", 0.9, "Acme is based in Paris.");
  rel(paris, france, "capital of", 1.0, "Paris is the capital of France.");
  rel(carol, france, "visited", 0.6, "Carol Jones visited France.");
  rel(dave, acme, "works for", 0.9, "Dave Brown works for Acme.");
  rel(eve, acme, "works for", 0.9, "Eve White works for Acme.");
  return g;
}

class QueryTest : public ::testing::Test {
 protected:
  KnowledgeGraph g = sample_graph();
  GraphQuery q{g};
  std::string label(Vertex v) const { return g.node(v).label; }
};

TEST_F(QueryTest, ResolvesNames) {
  struct Case {
    std::string name, label;
  } cases[] = {
      {"Alice Smith", "Alice Smith"}, {"alice smith", "Alice Smith"}, {"  ALICE   SMITH ", "Alice Smith"},
      {"Acme", "Acme Corp"},          {"acme corp", "Acme Corp"},     {"c. jones", "Carol Jones"},
      {"C Jones", "Carol Jones"},     {"Jones", "Carol Jones"},       {"france", "France"},
      {"acme_corp", "Acme Corp"},
  };
  for (const auto& c : cases) EXPECT_EQ(label(q.resolve(c.name)), c.label) << c.name;
}

TEST_F(QueryTest, AmbiguousNameListsCandidates) {
  auto found = q.lookup("Smith");
  EXPECT_EQ(found.matches.size(), 2u);
  try {
    q.resolve("smith");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidArgument);
    std::string msg = e.what();
    EXPECT_NE(msg.find("ambiguous"), std::string::npos) << msg;
    EXPECT_NE(msg.find("Alice Smith (Person)"), std::string::npos) << msg;
    EXPECT_NE(msg.find("Bob Smith (Person)"), std::string::npos) << msg;
  }
}

TEST_F(QueryTest, UnknownNameSuggestsCloseOnes) {
  struct Case {
    std::string name, suggestion;
  } cases[] = {
      {"Alise Smith", "Alice Smith"}, {"Frnace", "France"}, {"Acme Corporation", "Acme Corp"}, {"Jnes", "Carol Jones"}};
  for (const auto& c : cases) {
    try {
      q.resolve(c.name);
      ADD_FAILURE() << "expected an error for " << c.name;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::NotFound);
      EXPECT_NE(std::string(e.what()).find(c.suggestion), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(q.resolve("Zanzibar Quux"), Error);
  EXPECT_THROW(q.resolve(""), Error);
  EXPECT_TRUE(q.lookup("Zanzibar Quux").candidates.empty());
}

TEST_F(QueryTest, Stats) {
  auto s = q.stats();
  EXPECT_EQ(s.entities, 9u);
  EXPECT_EQ(s.relations, 8u);
  EXPECT_EQ(s.evidence, 8u);
  EXPECT_EQ(s.documents, 1u);
  EXPECT_EQ(s.by_type.at("Person"), 5u);
  EXPECT_EQ(s.by_type.at("Organization"), 1u);
  EXPECT_EQ(s.by_predicate.at("works for"), 3u);
  EXPECT_EQ(s.by_predicate.at("met"), 2u);
  EXPECT_EQ(s.components, 2u);
  EXPECT_EQ(s.component_sizes, (std::vector<std::size_t>{8, 1}));
  EXPECT_EQ(s.isolated, 1u);
}

TEST_F(QueryTest, EntitiesByType) {
  std::vector<std::string> people;
  for (auto v : q.entities("person")) people.push_back(label(v));
  EXPECT_EQ(people, (std::vector<std::string>{"Alice Smith", "Bob Smith", "Carol Jones", "Dave Brown", "Eve White"}));
  EXPECT_EQ(q.entities().size(), 9u);
  EXPECT_TRUE(q.entities("Spaceship").empty());
}

TEST_F(QueryTest, NeighborsByDepth) {
  auto acme = q.resolve("Acme");
  std::vector<std::string> one, two;
  for (const auto& n : q.neighbors(acme, 1)) one.push_back(label(n.vertex));
  EXPECT_EQ(one, (std::vector<std::string>{"Alice Smith", "Dave Brown", "Eve White", "Paris"}));
  for (const auto& n : q.neighbors(acme, 2))
    if (n.distance == 2) two.push_back(label(n.vertex) + "<-" + label(n.via));
  EXPECT_EQ(two, (std::vector<std::string>{"Bob Smith<-Alice Smith", "France<-Paris"}));
  EXPECT_TRUE(q.neighbors(q.resolve("Lonely Entity"), 3).empty());
  EXPECT_THROW(q.neighbors(acme, 0), Error);
}

TEST_F(QueryTest, FactsWithEvidence) {
  auto facts = q.facts(q.resolve("Alice Smith"));
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(describe(g, facts[0].edge), "(Alice Smith)-[works for]->(Acme Corp)");
  EXPECT_TRUE(facts[0].outgoing);
  EXPECT_EQ(describe(g, facts[1].edge), "(Bob Smith)-[met]->(Alice Smith)");
  EXPECT_FALSE(facts[1].outgoing);
  ASSERT_EQ(g.edge(facts[1].edge).evidence.size(), 1u);
  EXPECT_EQ(g.edge(facts[1].edge).evidence[0].text, "Bob Smith met Alice Smith.");
}

TEST_F(QueryTest, ShortestPathIgnoresDirection) {
  struct Case {
    std::string from, to;
    std::vector<std::string> hops;  // describe() of each hop's fact
  } cases[] = {
      {"Bob Smith", "France", {"(Carol Jones)-[met]->(Bob Smith)", "(Carol Jones)-[visited]->(France)"}},
      {"Dave Brown", "Paris", {"(Dave Brown)-[works for]->(Acme Corp)", "(Acme Corp)-[based in]->(Paris)"}},
      {"Paris", "Paris", {}},
  };
  for (const auto& c : cases) {
    auto p = q.path(q.resolve(c.from), q.resolve(c.to));
    ASSERT_TRUE(p) << c.from << " -> " << c.to;
    std::vector<std::string> hops;
    for (const auto& h : p->hops) hops.push_back(describe(g, h.edge));
    EXPECT_EQ(hops, c.hops) << c.from << " -> " << c.to;
    EXPECT_EQ(p->vertices.size(), c.hops.size() + 1);
  }
  auto p = q.path(q.resolve("Bob Smith"), q.resolve("France"));
  EXPECT_FALSE(p->hops[0].forward);
  EXPECT_TRUE(p->hops[1].forward);
  EXPECT_FALSE(q.path(q.resolve("Acme"), q.resolve("Lonely Entity")));
}

TEST_F(QueryTest, PathPrefersConfidentFactsAmongEqualLengths) {
  KnowledgeGraph h;
  auto a = h.add_entity({.id = "", .label = "A"});
  auto b = h.add_entity({.id = "", .label = "B"});
  auto c = h.add_entity({.id = "", .label = "C"});
  auto d = h.add_entity({.id = "", .label = "D"});
  h.add_relation(a, b, {.predicate = "weak", .surface = "", .confidence = 0.1});
  h.add_relation(b, d, {.predicate = "weak", .surface = "", .confidence = 0.1});
  h.add_relation(a, c, {.predicate = "strong", .surface = "", .confidence = 0.9});
  h.add_relation(c, d, {.predicate = "strong", .surface = "", .confidence = 0.9});
  GraphQuery hq(h);
  auto p = hq.path(a, d);
  ASSERT_TRUE(p);
  ASSERT_EQ(p->vertices.size(), 3u);
  EXPECT_EQ(h.node(p->vertices[1]).label, "C");
}

TEST_F(QueryTest, CentralityRanksTheHubFirst) {
  for (auto by : {Centrality::PageRank, Centrality::Betweenness, Centrality::Degree}) {
    auto top = q.central(by, 3);
    ASSERT_EQ(top.size(), 3u) << to_string(by);
    EXPECT_EQ(label(top[0].vertex), "Acme Corp") << to_string(by);
    EXPECT_GE(top[0].score, top[1].score);
  }
  EXPECT_EQ(q.central(Centrality::Degree, 0).size(), 9u);
  EXPECT_DOUBLE_EQ(q.central(Centrality::Degree, 1)[0].score, 4.0);
}

TEST(QueryCentrality, KnownBetweennessOnAStar) {
  // Undirected betweenness of a star's centre with 3 leaves = 3 leaf pairs.
  KnowledgeGraph h;
  auto hub = h.add_entity({.id = "", .label = "Hub"});
  for (std::string leaf : {"L1", "L2", "L3"})
    h.add_relation(h.add_entity({.id = "", .label = leaf}), hub, {.predicate = "near"});
  GraphQuery hq(h);
  auto r = hq.central(Centrality::Betweenness, 0);
  EXPECT_EQ(h.node(r[0].vertex).label, "Hub");
  EXPECT_DOUBLE_EQ(r[0].score, 3.0);
  EXPECT_DOUBLE_EQ(r[1].score, 0.0);
  double total = 0;
  for (const auto& x : hq.central(Centrality::PageRank, 0)) total += x.score;
  EXPECT_NEAR(total, 1.0, 1e-9);
  EXPECT_THROW(centrality_from_string("closeness"), Error);
  EXPECT_EQ(centrality_from_string("PageRank"), Centrality::PageRank);
}

TEST_F(QueryTest, SubgraphKeepsFactsAmongKeptEntities) {
  auto sub = q.subgraph(q.resolve("Paris"), 1);
  EXPECT_EQ(sub.num_entities(), 3u);  // Paris, Acme Corp, France
  EXPECT_EQ(sub.num_relations(), 2u);
  GraphQuery sq(sub);
  EXPECT_NO_THROW(sq.resolve("acme"));
  auto all = q.subgraph(q.resolve("Paris"), 10);
  EXPECT_EQ(all.num_entities(), 8u);
  EXPECT_EQ(all.num_relations(), 8u);
}

// filter_graph on the sample: each row names the filter and the entities left.
TEST_F(QueryTest, FilterKeepsThePartWorthShowing) {
  auto labels = [](const KnowledgeGraph& k) {
    std::string out;
    for (auto v : k.canonical_vertices()) out += (out.empty() ? "" : ", ") + k.node(v).label;
    return out;
  };
  struct Case {
    std::string what;
    double min_confidence;
    std::size_t top;
    std::string focus;
    int hops;
    bool isolated;
    std::string entities;
    std::size_t facts;
  } cases[] = {
      {"everything", 0, 0, "", 1, true,
       "Acme Corp, Alice Smith, Bob Smith, Carol Jones, Dave Brown, Eve White, France, Lonely Entity, Paris", 8},
      {"no lone entities", 0, 0, "", 1, false,
       "Acme Corp, Alice Smith, Bob Smith, Carol Jones, Dave Brown, Eve White, France, Paris", 8},
      // 0.8 drops Carol's two facts and so Carol; the isolated entity had no facts and stays.
      {"confident", 0.8, 0, "", 1, true,
       "Acme Corp, Alice Smith, Bob Smith, Dave Brown, Eve White, France, Lonely Entity, Paris", 6},
      {"focus 1 hop", 0, 0, "acme", 1, true, "Acme Corp, Alice Smith, Dave Brown, Eve White, Paris", 4},
      {"focus 0 hops", 0, 0, "France", 0, true, "France", 0},
      {"focus 2 hops, confident", 0.95, 0, "France", 2, true, "France, Paris", 1},
      {"top 1", 0, 1, "", 1, true, "Acme Corp", 0},
      {"top 1 keeps the focus", 0, 1, "Dave Brown", 1, true, "Acme Corp, Dave Brown", 1},
  };
  for (const auto& c : cases) {
    GraphFilter filter;
    filter.min_confidence = c.min_confidence;
    filter.top = c.top;
    filter.focus = c.focus;
    filter.hops = c.hops;
    filter.isolated = c.isolated;
    KnowledgeGraph f = filter_graph(g, filter);
    EXPECT_EQ(labels(f), c.entities) << c.what;
    EXPECT_EQ(f.num_relations(), c.facts) << c.what;
  }
  GraphFilter unknown;
  unknown.focus = "Nobody Known";
  EXPECT_THROW(filter_graph(g, unknown), Error);
}

TEST(NameDistance, Levenshtein) {
  EXPECT_EQ(name_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(name_distance("Paris", "paris"), 0u);
  EXPECT_EQ(name_distance("", "abc"), 3u);
}

// The CLI, when the binary has been built (it is, by the default build).
class QueryCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "relgraph binary not built";
    dir = std::filesystem::temp_directory_path() / ("rg_query_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    path = (dir / "g.jsonld").string();
    save_graph(sample_graph(), path);
  }
  void TearDown() override {
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }
  int run(const std::string& args, std::string* out, std::string* err = nullptr) {
    return testing::run_command(std::string(RELGRAPH_BINARY) + " query " + args, out, err);
  }
  std::filesystem::path dir;
  std::string path;
};

TEST_F(QueryCli, CommandsPrintAnswers) {
  std::string out, err;
  ASSERT_EQ(run(path + " path 'bob smith' france", &out, &err), 0) << err;
  EXPECT_NE(out.find("Carol Jones"), std::string::npos) << out;
  EXPECT_NE(out.find("Carol Jones visited France."), std::string::npos) << out;
  ASSERT_EQ(run(path + " central --by betweenness -n 1 --json", &out, &err), 0) << err;
  EXPECT_NE(out.find("\"Acme Corp\""), std::string::npos) << out;
  ASSERT_EQ(run(path + " stats --json", &out, &err), 0) << err;
  EXPECT_NE(out.find("\"entities\":9"), std::string::npos) << out;
  ASSERT_EQ(run(path + " facts acme", &out, &err), 0) << err;
  EXPECT_NE(out.find("Dave Brown works for Acme."), std::string::npos) << out;
  auto sub = (dir / "sub.graphml").string();
  ASSERT_EQ(run(path + " subgraph Paris --depth 1 -o " + sub, &out, &err), 0) << err;
  EXPECT_EQ(load_graph(sub).num_entities(), 3u);
}

TEST_F(QueryCli, JsonIsParseableAndComplete) {
  std::string out, err;
  ASSERT_EQ(run(path + " entities --type person --json", &out, &err), 0) << err;
  rapidjson::Document d;
  d.Parse(out.c_str());
  ASSERT_TRUE(d.IsArray()) << out;
  EXPECT_EQ(d.Size(), 5u);
  ASSERT_EQ(run(path + " neighbors acme --depth 2 --json", &out, &err), 0) << err;
  d.Parse(out.c_str());
  ASSERT_TRUE(d.IsObject()) << out;
  EXPECT_EQ(d["neighbors"].Size(), 6u);
  ASSERT_EQ(run(path + " path dave paris --json", &out, &err), 0) << err;
  d.Parse(out.c_str());
  ASSERT_TRUE(d.IsObject()) << out;
  ASSERT_EQ(d["hops"].Size(), 2u);
  EXPECT_STREQ(d["hops"][0]["fact"]["evidence"][0]["text"].GetString(), "Dave Brown works for Acme.");
  ASSERT_EQ(run(path + " facts 'C. Jones' --json", &out, &err), 0) << err;
  d.Parse(out.c_str());
  EXPECT_EQ(d["facts"].Size(), 2u);
}

TEST_F(QueryCli, BadInputsFailWithMessages) {
  std::string out, err;
  EXPECT_NE(run(path + " facts Smith", &out, &err), 0);
  EXPECT_NE(err.find("Alice Smith"), std::string::npos) << err;
  EXPECT_NE(run(path + " neighbors Frnace", &out, &err), 0);
  EXPECT_NE(err.find("France"), std::string::npos) << err;
  auto junk = (dir / "junk.jsonld").string();
  std::ofstream(junk) << "this is not a graph";
  EXPECT_NE(run(junk + " stats", &out, &err), 0);
  EXPECT_NE(err.find("junk.jsonld"), std::string::npos) << err;
  EXPECT_NE(run((dir / "missing.graphml").string() + " stats", &out, &err), 0);
  EXPECT_EQ(run(path + " path acme 'lonely entity'", &out, &err), 1);
  EXPECT_NE(err.find("not connected"), std::string::npos) << err;
  EXPECT_NE(run(path + " central --by closeness", &out, &err), 0);
  EXPECT_NE(err.find("closeness"), std::string::npos) << err;
}

}  // namespace
}  // namespace relgraph

namespace relgraph {
namespace {

// An article node naming every entity must not make everything two hops apart.
TEST(QueryArticleMentions, LeftOutOfPathsAndCentralityUnlessAsked) {
  KnowledgeGraph g;
  auto a = g.add_entity({.id = "", .label = "Ann Lee", .type = "Person"});
  auto b = g.add_entity({.id = "", .label = "Ben Ode", .type = "Person"});
  auto c = g.add_entity({.id = "", .label = "Cal Ray", .type = "Person"});
  auto d = g.add_entity({.id = "", .label = "Dee Fox", .type = "Person"});  // only mentioned
  auto article = g.add_entity({.id = "", .label = "Local News Story", .type = "CreativeWork"});
  g.add_relation(a, b, {.predicate = "met", .surface = "met", .confidence = 0.9});
  g.add_relation(b, c, {.predicate = "met", .surface = "met", .confidence = 0.9});
  for (auto v : {a, b, c, d})
    g.add_relation(
        article, v,
        {.predicate = "mentions", .surface = "mentions", .confidence = 1.0, .attributes = {{"source", "metadata"}}});
  GraphQuery q(g);
  EXPECT_EQ(q.path(a, c)->hops.size(), 2u);
  EXPECT_EQ(g.node(q.path(a, c)->vertices[1]).label, "Ben Ode");
  EXPECT_FALSE(q.path(a, article));
  EXPECT_EQ(g.node(q.central(Centrality::Degree, 1)[0].vertex).label, "Ben Ode");
  EXPECT_EQ(q.stats().components, 3u);  // the article and Dee Fox stand alone
  EXPECT_EQ(q.facts(a).size(), 2u);     // facts still list the mention
  EXPECT_EQ(q.subgraph(b, 1).num_relations(), 2u);
  GraphQuery with(g, {.article_mentions = true});
  EXPECT_EQ(with.path(a, article)->hops.size(), 1u);
  EXPECT_EQ(g.node(with.central(Centrality::Degree, 1)[0].vertex).label, "Local News Story");
  EXPECT_EQ(with.stats().components, 1u);
}

}  // namespace
}  // namespace relgraph
