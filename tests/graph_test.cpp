// Tests for src/graph: canonical keys and ids, entity and fact merging,
// canonical ordering, graph merging and Boost.Graph algorithms.
#include "relgraph/graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "relgraph/error.hpp"

using namespace relgraph;

namespace {

EntityNode entity(const std::string& label, const std::string& type = "Thing") {
  EntityNode n;
  n.label = label;
  n.type = type;
  return n;
}

RelationEdge fact(const std::string& predicate, int sentence = 0, double confidence = 0.5) {
  RelationEdge r;
  r.predicate = predicate;
  r.surface = predicate;
  r.confidence = confidence;
  Evidence e;
  e.document = "doc";
  e.sentence = sentence;
  e.text = "sentence " + std::to_string(sentence);
  r.evidence.push_back(e);
  return r;
}

std::vector<std::string> dump(const KnowledgeGraph& g) {
  std::vector<std::string> out;
  for (auto e : g.canonical_edges()) out.push_back(describe(g, e));
  return out;
}

}  // namespace

TEST(EntityKey, Normalises) {
  const std::pair<std::string, std::string> cases[] = {
      {"The U.S.", "u s"},
      {"the United  States", "united states"},
      {"Jean-Luc Picard", "jean luc picard"},
      {"  A  ", "a"},  // a lone article is the name
      {"An Post", "post"},
      {"Caf\xC3\xA9 M\xC3\x9C"
       "LLER",
       "caf\xC3\xA9 m\xC3\xBCller"},  // Latin-1 letters lower-cased
      {"O\xE2\x80\x99"
       "Brien",
       "o brien"},  // curly apostrophe separates
      {"\xE2\x80\x9CQuoted\xE2\x80\x9D", "quoted"},
      {"\xE5\x8C\x97\xE4\xBA\xAC", "\xE5\x8C\x97\xE4\xBA\xAC"},  // other scripts kept
      {"!?", ""},
  };
  for (const auto& [label, key] : cases) EXPECT_EQ(entity_key(label), key) << label;
}

// Unicode forms of one name make one key: composed and decomposed accents
// (NFC), case folding beyond Latin-1 (ß = ss, Greek and Cyrillic capitals).
TEST(EntityKey, FoldsUnicodeForms) {
  const std::pair<std::string, std::string> same[] = {
      {"Jos\u00e9 Mart\u00ednez", "Jose\u0301 Marti\u0301nez"},
      {"Stra\u00dfe AG", "STRASSE AG"},
      {"Stra\u00dfe AG", "strasse ag"},
      {"\u0391\u03b8\u03ae\u03bd\u03b1", "\u0391\u0398\u0389\u039d\u0391"},              // Αθήνα, ΑΘΉΝΑ
      {"\u041c\u043e\u0441\u043a\u0432\u0430", "\u041c\u041e\u0421\u041a\u0412\u0410"},  // Москва, МОСКВА
  };
  for (const auto& [a, b] : same) EXPECT_EQ(entity_key(a), entity_key(b)) << a << " / " << b;
  EXPECT_EQ(entity_key("Jose\u0301"), "jos\u00e9");
  EXPECT_NE(entity_key("Jos\u00e9"), entity_key("Jose"));  // accents still count

  KnowledgeGraph g;
  auto composed = g.add_entity(entity("Jos\u00e9 Mart\u00ednez", "Person"));
  auto decomposed = g.add_entity(entity("Jose\u0301 Marti\u0301nez", "Person"));
  auto upper = g.add_entity(entity("STRASSE AG", "Organization"));
  auto sharp = g.add_entity(entity("Stra\u00dfe AG", "Organization"));
  EXPECT_EQ(composed, decomposed);
  EXPECT_EQ(upper, sharp);
  EXPECT_EQ(g.num_entities(), 2u);
}

TEST(EntityId, DerivesFromKey) {
  EXPECT_EQ(entity_id("Jean-Luc Picard"), "jean_luc_picard");
  EXPECT_EQ(entity_id("The U.S."), "u_s");
  EXPECT_EQ(entity_id("?"), "entity_3f");
}

TEST(AddEntity, MergesByKeyAndUnionsEverything) {
  KnowledgeGraph g;
  auto n1 = entity("the Acme Corp.", "Thing");
  n1.mentions.push_back({"d", 1, 10, 24});
  n1.attributes["founded"] = "1999";
  auto a = g.add_entity(n1);
  auto n2 = entity("Acme Corp", "Organization");
  n2.aliases = {"Acme"};
  n2.mentions.push_back({"d", 0, 0, 9});
  n2.mentions.push_back({"d", 1, 10, 24});
  auto b = g.add_entity(n2);
  ASSERT_EQ(a, b);
  EXPECT_EQ(g.num_entities(), 1u);
  const EntityNode& n = g.node(a);
  EXPECT_EQ(n.label, "Acme Corp");    // no leading article beats the longer label
  EXPECT_EQ(n.type, "Organization");  // a specific type beats Thing
  EXPECT_EQ(n.id, "acme_corp");
  EXPECT_EQ(n.aliases, (std::vector<std::string>{"Acme", "the Acme Corp."}));
  ASSERT_EQ(n.mentions.size(), 2u);
  EXPECT_EQ(n.mentions[0].sentence, 0);
  EXPECT_EQ(n.attributes.at("founded"), "1999");
  EXPECT_EQ(g.find_by_key("acme corp"), a);
  EXPECT_EQ(g.find_by_id("acme_corp"), a);
  EXPECT_FALSE(g.find_by_id("nope"));
}

TEST(AddEntity, KeepsDifferentLabelsApartAndRejectsEmpty) {
  KnowledgeGraph g;
  auto a = g.add_entity(entity("Jordan", "Country"));
  auto b = g.add_entity(entity("Jordan River", "Place"));
  EXPECT_NE(a, b);
  EXPECT_THROW(g.add_entity(entity("")), Error);
}

TEST(AddEntity, AnEntityTypeBeatsALiteralOfTheSameWords) {
  // Either order: the phrase "Google" and the organisation Google are one Organization node.
  for (bool literal_first : {true, false}) {
    KnowledgeGraph g;
    auto first = g.add_entity(entity("Google", literal_first ? "Literal" : "Organization"));
    auto second = g.add_entity(entity("Google", literal_first ? "Organization" : "Literal"));
    EXPECT_EQ(first, second);
    EXPECT_EQ(g.node(first).type, "Organization");
  }
}

TEST(AddEntity, DisambiguatesCollidingExplicitIds) {
  KnowledgeGraph g;
  auto n1 = entity("Alpha");
  n1.id = "x";
  auto n2 = entity("Beta");
  n2.id = "x";
  auto a = g.add_entity(n1), b = g.add_entity(n2);
  EXPECT_EQ(g.node(a).id, "x");
  EXPECT_EQ(g.node(b).id, "x_2");
}

TEST(AddRelation, SameFactTwiceIsOneEdgeWithTwoEvidence) {
  KnowledgeGraph g;
  auto a = g.add_entity(entity("Ada", "Person"));
  auto b = g.add_entity(entity("London", "Place"));
  auto e1 = g.add_relation(a, b, fact("lived in", 1, 0.4));
  auto e2 = g.add_relation(a, b, fact("lived in", 5, 0.9));
  EXPECT_EQ(e1, e2);
  EXPECT_EQ(g.num_relations(), 1u);
  EXPECT_EQ(g.edge(e1).evidence.size(), 2u);
  EXPECT_DOUBLE_EQ(g.edge(e1).confidence, 0.9);
  // The same evidence again changes nothing.
  g.add_relation(a, b, fact("lived in", 5, 0.1));
  EXPECT_EQ(g.edge(e1).evidence.size(), 2u);
}

TEST(AddRelation, PolarityAndModalityKeepFactsApart) {
  KnowledgeGraph g;
  auto a = g.add_entity(entity("Ada", "Person"));
  auto b = g.add_entity(entity("London", "Place"));
  g.add_relation(a, b, fact("visited"));
  auto neg = fact("visited");
  neg.negated = true;
  g.add_relation(a, b, neg);
  auto rep = fact("visited");
  rep.modality = "reported";
  g.add_relation(a, b, rep);
  g.add_relation(b, a, fact("visited"));
  EXPECT_EQ(dump(g), (std::vector<std::string>{"(Ada)-[visited]->(London)", "(Ada)-[visited?reported]->(London)",
                                               "(Ada)-[!visited]->(London)", "(London)-[visited]->(Ada)"}));
}

TEST(AddRelation, RejectsBadInput) {
  KnowledgeGraph g;
  auto a = g.add_entity(entity("Ada"));
  EXPECT_THROW(g.add_relation(a, 7, fact("x")), Error);
  RelationEdge empty;
  EXPECT_THROW(g.add_relation(a, a, empty), Error);
  RelationEdge surface_only;
  surface_only.surface = "talked to";
  EXPECT_EQ(g.edge(g.add_relation(a, a, surface_only)).predicate, "talked to");
}

KnowledgeGraph build(bool reversed) {
  std::vector<std::tuple<std::string, std::string, std::string, int>> facts = {
      {"Zed", "met", "Ada", 1}, {"Ada", "met", "Bob", 2}, {"Bob", "paid", "Zed", 3}, {"Ada", "met", "Bob", 4}};
  if (reversed) std::reverse(facts.begin(), facts.end());
  KnowledgeGraph g;
  for (const auto& [s, p, o, i] : facts) g.add_relation(g.add_entity(entity(s)), g.add_entity(entity(o)), fact(p, i));
  return g;
}

TEST(Canonicalize, OrderIsIndependentOfInsertion) {
  auto g1 = build(false), g2 = build(true);
  g1.canonicalize();
  g2.canonicalize();
  ASSERT_EQ(g1.num_entities(), g2.num_entities());
  for (std::size_t v = 0; v < g1.num_entities(); ++v) EXPECT_EQ(g1.node(v).id, g2.node(v).id);
  EXPECT_EQ(g1.node(0).id, "ada");
  EXPECT_EQ(dump(g1), dump(g2));
  EXPECT_EQ(dump(g1), (std::vector<std::string>{"(Ada)-[met]->(Bob)", "(Bob)-[paid]->(Zed)", "(Zed)-[met]->(Ada)"}));
  EXPECT_EQ(g1.find_by_id("zed"), 2u);  // indexes rebuilt
}

TEST(Merge, UnionsEntitiesAndFactsOrderIndependently) {
  KnowledgeGraph a, b;
  a.add_relation(a.add_entity(entity("Ada")), a.add_entity(entity("Bob")), fact("met", 1));
  b.add_relation(b.add_entity(entity("Ada", "Person")), b.add_entity(entity("Bob")), fact("met", 2));
  b.add_relation(b.add_entity(entity("Bob")), b.add_entity(entity("Cy")), fact("called", 3));
  a.properties()["source"] = "a";
  KnowledgeGraph ab = a, ba = b;
  ab.merge(b);
  ba.merge(a);
  ab.canonicalize();
  ba.canonicalize();
  EXPECT_EQ(ab.num_entities(), 3u);
  EXPECT_EQ(ab.num_relations(), 2u);
  EXPECT_EQ(dump(ab), dump(ba));
  EXPECT_EQ(ab.node(*ab.find_by_id("ada")).type, "Person");
  EXPECT_EQ(ba.node(*ba.find_by_id("ada")).type, "Person");
  auto met = ab.canonical_edges().front();
  EXPECT_EQ(ab.edge(met).evidence.size(), 2u);
  EXPECT_EQ(ba.properties().at("source"), "a");
  // Merging a graph into itself, or merging the same graph twice, changes nothing.
  auto before = dump(ab);
  ab.merge(ab);
  ab.merge(b);
  EXPECT_EQ(dump(ab), before);
  EXPECT_EQ(ab.edge(ab.canonical_edges().front()).evidence.size(), 2u);
}

TEST(Components, WeaklyConnected) {
  KnowledgeGraph g;
  auto a = g.add_entity(entity("A")), b = g.add_entity(entity("B")), c = g.add_entity(entity("C"));
  auto d = g.add_entity(entity("D"));
  g.add_relation(b, a, fact("x"));  // direction must not matter
  g.add_relation(c, d, fact("y"));
  auto comp = g.components();
  ASSERT_EQ(comp.size(), 4u);
  EXPECT_EQ(comp[a], comp[b]);
  EXPECT_EQ(comp[c], comp[d]);
  EXPECT_NE(comp[a], comp[c]);
  EXPECT_EQ(comp[a], 0u);
  EXPECT_EQ(comp[c], 1u);
}
