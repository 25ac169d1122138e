// Merging is associative and order-independent: shards merged in any order or
// grouping equal the graph built in one pass (compared as canonical JSON-LD),
// through the library and through `relgraph merge`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "relgraph/io.hpp"
#include "support/builders.hpp"

namespace relgraph {
namespace {

struct Fact {
  std::string subject, subject_type, predicate, object, object_type, doc, sentence;
  std::vector<std::string> subject_aliases = {};
};

// Three articles' facts. They overlap on purpose: the same entity under
// different spellings and aliases, the same fact from two documents, and a
// value the third shard makes more specific (Thing -> Organization).
const std::vector<std::vector<Fact>> kShards = {
    {{"Ada Lovelace",
      "Person",
      "met",
      "Charles Babbage",
      "Person",
      "a1",
      "Ada Lovelace met Charles Babbage.",
      {"Lovelace"}},
     {"Charles Babbage", "Person", "designed", "Analytical Engine", "Product", "a1", "Babbage designed it."}},
    {{"ada lovelace", "Person", "met", "Charles Babbage", "Person", "a2", "Lovelace met Babbage in 1833.", {"Ada"}},
     {"The Royal Society", "Thing", "elected", "Charles Babbage", "Person", "a2", "The society elected him."}},
    {{"Royal Society", "Organization", "based in", "London", "Place", "a3", "The Royal Society is in London."},
     {"Ada Lovelace", "Person", "lived in", "London", "Place", "a3", "She lived in London."},
     {"Charles Babbage", "Person", "designed", "Analytical Engine", "Product", "a3", "He designed the engine."}},
};

void add_facts(KnowledgeGraph& g, const std::vector<Fact>& facts) {
  for (const auto& f : facts) {
    auto s = g.add_entity({.id = "", .label = f.subject, .type = f.subject_type, .aliases = f.subject_aliases});
    auto o = g.add_entity({.id = "", .label = f.object, .type = f.object_type});
    Evidence ev{.document = f.doc, .sentence = 0, .begin = 0, .end = f.sentence.size(), .text = f.sentence};
    g.add_relation(s, o, {.predicate = f.predicate, .surface = f.predicate, .confidence = 0.5, .evidence = {ev}});
  }
}

KnowledgeGraph shard(std::size_t i) {
  KnowledgeGraph g;
  add_facts(g, kShards[i]);
  return g;
}

std::string canonical_jsonld(KnowledgeGraph g) {
  g.canonicalize();
  std::ostringstream out;
  make_exporter("jsonld")->write(g, out);
  return out.str();
}

std::string one_pass() {
  KnowledgeGraph g;
  for (const auto& facts : kShards) add_facts(g, facts);
  return canonical_jsonld(std::move(g));
}

TEST(Merge, AnyOrderEqualsOnePass) {
  auto expected = one_pass();
  std::vector<std::size_t> order{0, 1, 2};
  int permutations = 0;
  do {
    KnowledgeGraph g;
    for (auto i : order) g.merge(shard(i));
    EXPECT_EQ(canonical_jsonld(std::move(g)), expected) << order[0] << order[1] << order[2];
    ++permutations;
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_EQ(permutations, 6);
}

TEST(Merge, Associative) {
  auto expected = one_pass();
  KnowledgeGraph left = shard(0);  // (0 + 1) + 2
  left.merge(shard(1));
  left.merge(shard(2));
  KnowledgeGraph right_tail = shard(1);  // 0 + (1 + 2)
  right_tail.merge(shard(2));
  KnowledgeGraph right = shard(0);
  right.merge(right_tail);
  KnowledgeGraph reversed = shard(2);  // 2 + (1 + 0)
  KnowledgeGraph inner = shard(1);
  inner.merge(shard(0));
  reversed.merge(inner);
  EXPECT_EQ(canonical_jsonld(std::move(left)), expected);
  EXPECT_EQ(canonical_jsonld(std::move(right)), expected);
  EXPECT_EQ(canonical_jsonld(std::move(reversed)), expected);
}

TEST(Merge, MergesEntitiesAndEvidence) {
  KnowledgeGraph g;
  for (std::size_t i = 0; i < kShards.size(); ++i) g.merge(shard(i));
  // Ada Lovelace, Charles Babbage, Analytical Engine, Royal Society, London.
  EXPECT_EQ(g.num_entities(), 5u);
  // met (2 pieces of evidence), designed (2), elected, based in, lived in.
  EXPECT_EQ(g.num_relations(), 5u);
  auto ada = g.find_by_key(entity_key("Ada Lovelace"));
  ASSERT_TRUE(ada);
  auto edges = boost::out_edges(*ada, g.graph());
  std::size_t met_evidence = 0;
  for (auto e : boost::make_iterator_range(edges))
    if (g.edge(e).predicate == "met") met_evidence = g.edge(e).evidence.size();
  EXPECT_EQ(met_evidence, 2u);
  EXPECT_EQ(g.node(*ada).type, "Person");
  auto society = g.find_by_key(entity_key("Royal Society"));
  ASSERT_TRUE(society);
  EXPECT_EQ(g.node(*society).type, "Organization");
}

TEST(Merge, EmptyGraphIsNeutral) {
  auto expected = canonical_jsonld(shard(0));
  KnowledgeGraph left;
  left.merge(shard(0));
  KnowledgeGraph right = shard(0);
  right.merge(KnowledgeGraph{});
  EXPECT_EQ(canonical_jsonld(std::move(left)), expected);
  EXPECT_EQ(canonical_jsonld(std::move(right)), expected);
}

// `relgraph merge` over files in two orders gives byte-identical output.
TEST(MergeCli, FilesInAnyOrderGiveIdenticalBytes) {
  if (!std::filesystem::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "relgraph binary not built";
  auto dir = std::filesystem::temp_directory_path() / ("rg_merge_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::vector<std::string> files;
  for (std::size_t i = 0; i < kShards.size(); ++i) {
    // Mixed formats on purpose: merge reads each by its extension.
    files.push_back((dir / ("shard" + std::to_string(i) + (i == 1 ? ".graphml" : ".jsonld"))).string());
    save_graph(shard(i), files.back());
  }
  std::string bin = RELGRAPH_BINARY, out, err;
  auto a = (dir / "a.jsonld").string(), b = (dir / "b.jsonld").string();
  ASSERT_EQ(testing::run_command(bin + " merge " + files[0] + " " + files[1] + " " + files[2] + " -o " + a, &out, &err),
            0)
      << err;
  ASSERT_EQ(testing::run_command(bin + " merge " + files[2] + " " + files[0] + " " + files[1] + " -o " + b, &out, &err),
            0)
      << err;
  EXPECT_EQ(canonical_jsonld(load_graph(a)), canonical_jsonld(load_graph(b)));
  EXPECT_EQ(canonical_jsonld(load_graph(a)), one_pass());
  // Merging a merged result again changes nothing.
  auto c = (dir / "c.jsonld").string();
  ASSERT_EQ(testing::run_command(bin + " merge " + a + " " + files[1] + " -o " + c, &out, &err), 0) << err;
  EXPECT_EQ(canonical_jsonld(load_graph(c)), one_pass());
  // A file that is not a graph fails, naming it, and writes nothing.
  auto junk = (dir / "junk.jsonld").string(), d = (dir / "d.jsonld").string();
  testing::run_command("printf 'not a graph' > " + junk);
  EXPECT_NE(testing::run_command(bin + " merge " + files[0] + " " + junk + " -o " + d, &out, &err), 0);
  EXPECT_NE(err.find("junk.jsonld"), std::string::npos) << err;
  EXPECT_FALSE(std::filesystem::exists(d));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace relgraph
