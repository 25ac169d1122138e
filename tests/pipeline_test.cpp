// Pipeline assembly (layer checks, make_pipeline) and the graph builder on
// hand-built Documents with mentions, entities and propositions.
#include "relgraph/pipeline.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/kgscore.hpp"
#include "relations/fact_filters.hpp"
#include "relations/phrase.hpp"
#include "relgraph/error.hpp"
#include "relgraph/extract.hpp"

namespace relgraph {
namespace {

class FakeStage : public Stage {
 public:
  FakeStage(std::string name, std::vector<Layer> needs, std::vector<Layer> adds)
      : name_(std::move(name)), needs_(std::move(needs)), adds_(std::move(adds)) {}
  std::string name() const override { return name_; }
  std::vector<Layer> needs() const override { return needs_; }
  std::vector<Layer> adds() const override { return adds_; }
  void process(Document& doc) const override { doc.id += "+" + name_; }

 private:
  std::string name_;
  std::vector<Layer> needs_, adds_;
};

TEST(Pipeline, RejectsAStageWhoseInputIsMissing) {
  Pipeline p;
  p.add(std::make_unique<FakeStage>("tokenizer", std::vector<Layer>{}, std::vector<Layer>{Layer::Tokens}));
  try {
    p.add(std::make_unique<FakeStage>("parser", std::vector<Layer>{Layer::Tags}, std::vector<Layer>{Layer::Deps}));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidArgument);
    EXPECT_NE(std::string(e.what()).find("'parser' needs tags"), std::string::npos) << e.what();
  }
  EXPECT_THROW(p.add(nullptr), Error);
}

TEST(Pipeline, RunsStagesInOrder) {
  Pipeline p;
  p.add(std::make_unique<FakeStage>("a", std::vector<Layer>{}, std::vector<Layer>{Layer::Tokens}));
  p.add(std::make_unique<FakeStage>("b", std::vector<Layer>{Layer::Tokens}, std::vector<Layer>{}));
  Document doc;
  p.run(doc);
  EXPECT_EQ(doc.id, "+a+b");
}

TEST(MakePipeline, StopsAtTheRequestedLayer) {
  PipelineOptions o;
  o.until = Layer::Metadata;
  auto p = make_pipeline(o);
  ASSERT_EQ(p.stages().size(), 1u);
  EXPECT_EQ(p.stages()[0]->name(), "metadata");
  o.until = Layer::Tokens;
  auto q = make_pipeline(o);
  ASSERT_EQ(q.stages().size(), 2u);
  Document doc;
  doc.text = "Headline Without Stop\n\nThe council approved the new budget on Monday after a long debate.\n";
  q.run(doc);
  EXPECT_EQ(doc.metadata.title, "Headline Without Stop");
  EXPECT_FALSE(doc.sentences.empty());
}

// A one-sentence document: words "form/UPOS/head/deprel" (head 1-based).
Document parsed(const std::string& spec) {
  Document doc;
  doc.id = "test.txt";
  Sentence s;
  std::istringstream in(spec);
  std::string w;
  while (in >> w) {
    std::vector<std::string> f;
    std::size_t pos = 0;
    for (auto slash = w.find('/'); slash != std::string::npos; slash = w.find('/', pos)) {
      f.push_back(w.substr(pos, slash - pos));
      pos = slash + 1;
    }
    f.push_back(w.substr(pos));
    Token t;
    t.form = f[0];
    if (!doc.text.empty()) doc.text += ' ';
    t.begin = doc.text.size();
    doc.text += t.form;
    t.end = doc.text.size();
    t.upos = f.size() > 1 ? f[1] : "X";
    t.head = f.size() > 2 ? std::stoi(f[2]) : 0;
    t.deprel = f.size() > 3 ? f[3] : "dep";
    s.tokens.push_back(t);
  }
  s.begin = 0;
  s.end = doc.text.size();
  doc.sentences.push_back(s);
  return doc;
}

Span span(const Document& doc, int first, int last) {  // words [first, last), 0-based
  const auto& t = doc.sentences[0].tokens;
  return {0, first, last, t[first].begin, t[last - 1].end};
}

int mention(Document& doc, int first, int last, const std::string& type, const std::string& value = "") {
  EntityMention m;
  m.span = span(doc, first, last);
  m.text = std::string(doc.slice(m.span.begin, m.span.end));
  m.type = type;
  m.value = value;
  doc.mentions.push_back(m);
  return static_cast<int>(doc.mentions.size()) - 1;
}

void entity(Document& doc, const std::string& label, const std::string& type, std::vector<int> mentions) {
  Entity e;
  e.label = label;
  e.type = type;
  e.mentions = mentions;
  for (int m : mentions) doc.mentions[m].entity = static_cast<int>(doc.entities.size());
  doc.entities.push_back(e);
}

Argument arg(const Document& doc, const std::string& role, int first, int last, int head) {
  Argument a;
  a.role = role;
  a.span = span(doc, first, last);
  a.text = std::string(doc.slice(a.span.begin, a.span.end));
  a.head = head;
  return a;
}

std::vector<std::string> facts(const KnowledgeGraph& g) {
  std::vector<std::string> out;
  for (auto e : g.canonical_edges()) out.push_back(describe(g, e));
  return out;
}

const RelationEdge* find_edge(const KnowledgeGraph& g, const std::string& dump) {
  for (auto e : g.canonical_edges())
    if (describe(g, e) == dump) return &g.edge(e);
  return nullptr;
}

TEST(BuildGraph, EntitiesFactsAndEventAttributes) {
  // "Jane Doe met with John Roe in Paris in 2019 ."
  Document doc = parsed(
      "Jane/PROPN/2/compound Doe/PROPN/3/nsubj met/VERB/0/root with/ADP/6/case John/PROPN/6/compound Roe/PROPN/3/obl "
      "in/ADP/8/case Paris/PROPN/3/obl in/ADP/10/case 2019/NUM/3/obl ./PUNCT/3/punct");
  entity(doc, "Jane Doe", "Person", {mention(doc, 0, 2, "PER")});
  entity(doc, "John Roe", "Person", {mention(doc, 4, 6, "PER")});
  entity(doc, "Paris", "Place", {mention(doc, 7, 8, "LOC")});
  mention(doc, 9, 10, "DATE", "2019");
  Proposition p;
  p.sentence = 0;
  p.relation = "met with";
  p.canonical = "met";
  p.relation_words = {2, 3};
  p.confidence = 0.8;
  p.args = {arg(doc, "subj", 0, 2, 1), arg(doc, "with", 4, 6, 5), arg(doc, "in", 7, 8, 7), arg(doc, "in", 9, 10, 9)};
  doc.propositions.push_back(p);
  GraphOptions o;
  o.article = false;
  auto g = build_graph(doc, o);
  EXPECT_EQ(facts(g), std::vector<std::string>{"(Jane Doe)-[met]->(John Roe)"});
  const RelationEdge* r = find_edge(g, "(Jane Doe)-[met]->(John Roe)");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->attributes.at("place"), "Paris");
  EXPECT_EQ(r->attributes.at("date"), "2019");
  EXPECT_EQ(r->surface, "met with");
  ASSERT_EQ(r->evidence.size(), 1u);
  EXPECT_EQ(r->evidence[0].sentence, 0);
  EXPECT_EQ(r->evidence[0].text, doc.text);
  EXPECT_EQ(r->evidence[0].begin, 0u);
  EXPECT_EQ(g.num_entities(), 3u);  // Jane Doe, John Roe, Paris (no node for the date)
}

TEST(BuildGraph, AnAmountKeepsWhatItCounts) {
  // "Acme lost 30 percent of its old customers in May ." / "... lost 30 percent in May ."
  Document doc = parsed(
      "Acme/PROPN/2/nsubj lost/VERB/0/root 30/NUM/4/nummod percent/NOUN/2/obj of/ADP/8/case its/PRON/8/nmod:poss "
      "old/ADJ/8/amod customers/NOUN/4/nmod in/ADP/10/case May/PROPN/2/obl ./PUNCT/2/punct");
  entity(doc, "Acme", "Organization", {mention(doc, 0, 1, "ORG")});
  mention(doc, 2, 4, "PERCENT", "30%");
  Proposition p;
  p.sentence = 0;
  p.relation = "lost";
  p.relation_words = {1};
  p.args = {arg(doc, "subj", 0, 1, 0), arg(doc, "obj", 2, 10, 3)};
  doc.propositions.push_back(p);
  GraphOptions o;
  o.article = false;
  EXPECT_EQ(facts(build_graph(doc, o)), std::vector<std::string>{"(Acme)-[lost]->(30 percent of its old customers)"});
  o.disable = {"graph.value_of_phrase"};
  EXPECT_EQ(facts(build_graph(doc, o)), std::vector<std::string>{"(Acme)-[lost]->(30 percent)"});
}

TEST(BuildGraph, LiteralsNegationAndModality) {
  // "Acme did not fund the new bridge , which opened in 2010 ."
  Document doc = parsed(
      "Acme/PROPN/4/nsubj did/AUX/4/aux not/PART/4/advmod fund/VERB/0/root the/DET/7/det new/ADJ/7/amod "
      "bridge/NOUN/4/obj ,/PUNCT/10/punct which/PRON/10/nsubj opened/VERB/7/acl:relcl in/ADP/12/case 2010/NUM/10/obl "
      "./PUNCT/4/punct");
  entity(doc, "Acme", "Organization", {mention(doc, 0, 1, "ORG")});
  Proposition p;
  p.sentence = 0;
  p.relation = "fund";
  p.canonical = "funded";
  p.negated = true;
  p.modality = "reported";
  p.attribution = "the mayor";
  p.args = {arg(doc, "subj", 0, 1, 0), arg(doc, "obj", 4, 12, 6)};
  doc.propositions.push_back(p);
  GraphOptions o;
  o.article = false;
  auto g = build_graph(doc, o);
  ASSERT_EQ(facts(g), std::vector<std::string>{"(Acme)-[!funded?reported]->(new bridge)"});
  const RelationEdge* r = find_edge(g, "(Acme)-[!funded?reported]->(new bridge)");
  EXPECT_EQ(r->attributes.at("attribution"), "the mayor");
  auto v = g.find_by_key(entity_key("new bridge"));
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(g.node(*v).type, "Literal");
}

TEST(BuildGraph, UnresolvedPronounsMakeNoFact) {
  Document doc = parsed("They/PRON/2/nsubj praised/VERB/0/root Acme/PROPN/2/obj ./PUNCT/2/punct");
  entity(doc, "Acme", "Organization", {mention(doc, 2, 3, "ORG")});
  Proposition p;
  p.sentence = 0;
  p.relation = "praised";
  p.args = {arg(doc, "subj", 0, 1, 0), arg(doc, "obj", 2, 3, 2)};
  doc.propositions.push_back(p);
  GraphOptions o;
  o.article = false;
  EXPECT_TRUE(facts(build_graph(doc, o)).empty());
}

TEST(BuildGraph, ArticleNodeAndFurniture) {
  Document doc = parsed("Acme/PROPN/2/nsubj praised/VERB/0/root Zed/PROPN/2/obj ./PUNCT/2/punct");
  entity(doc, "Acme", "Organization", {mention(doc, 0, 1, "ORG")});
  entity(doc, "Zed", "Organization", {mention(doc, 2, 3, "ORG")});
  doc.metadata.title = "Acme Praises Zed";
  doc.metadata.author = "Jane Doe";
  doc.metadata.publisher = "Daily Planet";
  doc.metadata.date_published = "2020-02-14";
  Proposition p;
  p.sentence = 0;
  p.relation = "praised";
  p.args = {arg(doc, "subj", 0, 1, 0), arg(doc, "obj", 2, 3, 2)};
  doc.propositions.push_back(p);
  auto g = build_graph(doc);
  auto f = facts(g);
  for (const char* want :
       {"(Jane Doe)-[author of]->(Acme Praises Zed)", "(Acme Praises Zed)-[publisher]->(Daily Planet)",
        "(Acme Praises Zed)-[datePublished]->(2020-02-14)", "(Acme Praises Zed)-[mentions]->(Acme)",
        "(Acme Praises Zed)-[mentions]->(Zed)", "(Acme)-[praised]->(Zed)"})
    EXPECT_NE(std::find(f.begin(), f.end(), want), f.end()) << want;
  auto article = g.find_by_key(entity_key("Acme Praises Zed"));
  ASSERT_TRUE(article.has_value());
  EXPECT_EQ(g.node(*article).type, "CreativeWork");
  EXPECT_EQ(g.node(*article).attributes.at("schemaType"), "NewsArticle");
  EXPECT_EQ(g.properties().at("datePublished"), "2020-02-14");

  // Diagrams leave out entities that take part in no fact.
  GraphOptions lean;
  lean.article_mentions = false;
  lean.isolated = false;
  entity(doc, "Lonely", "Person", {mention(doc, 1, 2, "PER")});
  EXPECT_FALSE(build_graph(doc, lean).find_by_key(entity_key("Lonely")).has_value());
  EXPECT_TRUE(build_graph(doc).find_by_key(entity_key("Lonely")).has_value());

  // The same sentence in the page header (outside the body) gives no fact.
  doc.metadata.body_begin = doc.text.size();
  doc.metadata.body_end = doc.text.size() + 10;
  GraphOptions o;
  o.article = false;
  EXPECT_TRUE(facts(build_graph(doc, o)).empty());
}

TEST(BuildGraph, ARoleNamingTheEntityItselfIsNoRole) {
  // "officers of the Border Police ( BP )": the nominal is in apposition with the acronym.
  Document doc = parsed("officers/NOUN/0/root of/ADP/4/case the/DET/4/det Border/PROPN/1/nmod Police/PROPN/4/flat");
  int name = mention(doc, 3, 5, "ORG");
  int role = mention(doc, 0, 5, "ORG");
  doc.mentions[role].subtype = "Role";
  doc.mentions[role].canonical = "officers of the Border Police";
  entity(doc, "Border Police", "Organization", {name, role});
  GraphOptions o;
  o.article = false;
  EXPECT_TRUE(facts(build_graph(doc, o)).empty());
}

TEST(BuildGraph, RolesFromCoreference) {
  Document doc =
      parsed("French/ADJ/2/amod Minister/PROPN/4/compound Jane/PROPN/4/compound Doe/PROPN/5/nsubj spoke/VERB/0/root");
  int name = mention(doc, 2, 4, "PER");
  int role = mention(doc, 0, 2, "PER");
  doc.mentions[role].subtype = "Role";
  doc.mentions[role].canonical = "French Minister";
  entity(doc, "Jane Doe", "Person", {name, role});
  GraphOptions o;
  o.article = false;
  int french = mention(doc, 0, 1, "NORP");
  doc.mentions[french].canonical = "France";
  auto g = build_graph(doc, o);
  EXPECT_EQ(facts(g), std::vector<std::string>{"(Jane Doe)-[holds role]->(Minister)"});
  EXPECT_EQ(find_edge(g, "(Jane Doe)-[holds role]->(Minister)")->attributes.at("country"), "France");
}

TEST(BuildGraph, ARoleNamingAnOrganisationKeepsItsTitle) {
  // "<role words> Bo Tan spoke": a role mention over the words before the name, with the
  // organisation or place named inside it. A title before the name stays the role and the
  // organisation gets an edge; a title with "of", "for" or "at" is the edge alone; "to"
  // stays part of the title.
  struct Row {
    std::string role;  // word/UPOS/head/deprel; Bo Tan follows
    int org_first, org_last;
    std::string org_label, org_type;
    std::vector<std::string> with, without;
  };
  const std::vector<Row> rows = {
      {"Varn/PROPN/2/compound spokesman/NOUN/4/compound",
       0,
       1,
       "Varn",
       "Organization",
       {"(Bo Tan)-[holds role]->(spokesman)", "(Bo Tan)-[spokesman of]->(Varn)"},
       {"(Bo Tan)-[holds role]->(Varn spokesman)"}},
      {"Varn/PROPN/3/nmod:poss 's/PART/1/case lawyer/NOUN/5/compound",
       0,
       1,
       "Varn",
       "Organization",
       {"(Bo Tan)-[holds role]->(lawyer)", "(Bo Tan)-[lawyer of]->(Varn)"},
       {"(Bo Tan)-[holds role]->(Varn 's lawyer)"}},
      {"president/NOUN/6/compound of/ADP/5/case the/DET/5/det Varn/PROPN/5/compound League/PROPN/1/nmod",
       3,
       5,
       "Varn League",
       "Organization",
       {"(Bo Tan)-[president of]->(Varn League)"},
       {"(Bo Tan)-[holds role]->(president of the Varn League)"}},
      {"head/NOUN/6/compound of/ADP/5/case the/DET/5/det Varn/PROPN/5/compound region/NOUN/1/nmod",
       3,
       4,
       "Varn",
       "Place",
       {"(Bo Tan)-[head of]->(Varn region)"},
       {"(Bo Tan)-[holds role]->(head of the Varn region)"}},
      {"envoy/NOUN/4/compound to/ADP/3/case Peru/PROPN/1/nmod",
       2,
       3,
       "Peru",
       "Country",
       {"(Bo Tan)-[holds role]->(envoy to Peru)"},
       {"(Bo Tan)-[holds role]->(envoy to Peru)"}},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.role);
    Document doc = parsed(r.role + " Bo/PROPN/0/compound Tan/PROPN/0/nsubj spoke/VERB/0/root");
    int n = static_cast<int>(doc.sentences[0].tokens.size());
    int name = mention(doc, n - 3, n - 1, "PER");
    int role = mention(doc, 0, n - 3, "PER");
    doc.mentions[role].subtype = "Role";
    doc.mentions[role].canonical = doc.mentions[role].text;
    entity(doc, "Bo Tan", "Person", {name, role});
    entity(doc, r.org_label, r.org_type,
           {mention(doc, r.org_first, r.org_last, r.org_type == "Person" ? "PER" : "ORG")});
    GraphOptions o;
    o.article = false;
    EXPECT_EQ(facts(build_graph(doc, o)), r.with);
    o.disable = {"graph.role_title"};
    EXPECT_EQ(facts(build_graph(doc, o)), r.without);
  }
}

TEST(BuildGraph, ARoleFactNamingAnOrganisationAlreadyLinkedAddsNoEdge) {
  // "Bo Tan is president of the Varn League ; Bo Tan was elected president of it": the copula's
  // role becomes the edge, unless an edge between the two already says it.
  Document doc = parsed(
      "Bo/PROPN/2/compound Tan/PROPN/3/nsubj is/AUX/0/root president/NOUN/3/attr of/ADP/7/case the/DET/7/det "
      "Varn/PROPN/7/compound League/PROPN/4/nmod");
  entity(doc, "Bo Tan", "Person", {mention(doc, 0, 2, "PER")});
  entity(doc, "Varn League", "Organization", {mention(doc, 6, 8, "ORG")});
  Proposition p;
  p.sentence = 0;
  p.relation = "is";
  p.canonical = "holds_role";
  p.relation_words = {2};
  p.args = {arg(doc, "subj", 0, 2, 1), arg(doc, "attr", 3, 8, 3)};
  doc.propositions = {p};
  GraphOptions o;
  o.article = false;
  EXPECT_EQ(facts(build_graph(doc, o)), std::vector<std::string>{"(Bo Tan)-[president of]->(Varn League)"});
  Proposition q = p;
  q.relation = "was elected president of";
  q.canonical = "";
  q.args[1] = arg(doc, "obj", 5, 8, 7);
  doc.propositions.push_back(q);
  EXPECT_EQ(facts(build_graph(doc, o)), std::vector<std::string>{"(Bo Tan)-[was elected president of]->(Varn League)"});
  o.disable = {"graph.role_title"};
  EXPECT_EQ(facts(build_graph(doc, o)),
            (std::vector<std::string>{"(Bo Tan)-[holds role]->(president of the Varn League)",
                                      "(Bo Tan)-[was elected president of]->(Varn League)"}));
}

TEST(BuildGraph, DefiniteDescriptionReusesAnEarlierConcept) {
  Document doc = parsed(
      "Acme/PROPN/2/nsubj published/VERB/0/root a/DET/5/det long/ADJ/5/amod report/NOUN/2/obj ;/PUNCT/2/punct "
      "the/DET/8/det report/NOUN/9/nsubj criticised/VERB/2/parataxis Zed/PROPN/9/obj");
  entity(doc, "Acme", "Organization", {mention(doc, 0, 1, "ORG")});
  entity(doc, "Zed", "Organization", {mention(doc, 9, 10, "ORG")});
  Proposition p1;
  p1.sentence = 0;
  p1.relation = "published";
  p1.args = {arg(doc, "subj", 0, 1, 0), arg(doc, "obj", 2, 5, 4)};
  Proposition p2;
  p2.sentence = 0;
  p2.relation = "criticised";
  p2.args = {arg(doc, "subj", 6, 8, 7), arg(doc, "obj", 9, 10, 9)};
  doc.propositions = {p2, p1};  // order of the list does not matter
  GraphOptions o;
  o.article = false;
  EXPECT_EQ(facts(build_graph(doc, o)),
            (std::vector<std::string>{"(Acme)-[published]->(long report)", "(long report)-[criticised]->(Zed)"}));
}

TEST(BuildGraph, PredicatesAndJunkFilters) {
  // "Acme denied the claim ; 2019 saw growth ; the plan is a failure ; Acme is Acme’s brand"
  Document doc = parsed(
      "Acme/PROPN/2/nsubj denied/VERB/0/root the/DET/4/det claim/NOUN/2/obj 2019/NUM/6/nsubj saw/VERB/2/parataxis "
      "growth/NOUN/6/obj the/DET/9/det plan/NOUN/12/nsubj is/AUX/12/cop a/DET/12/det failure/NOUN/2/parataxis "
      "Acme’s/PROPN/14/nmod:poss brand/NOUN/2/dep Zed/PROPN/2/dep");
  entity(doc, "Acme", "Organization", {mention(doc, 0, 1, "ORG"), mention(doc, 12, 13, "ORG")});
  entity(doc, "Zed", "Organization", {mention(doc, 14, 15, "ORG")});
  mention(doc, 4, 5, "DATE", "2019");
  auto prop = [&](std::string rel, std::string canonical, Argument s, Argument o, bool copula = false) {
    Proposition p;
    p.sentence = 0;
    p.relation = rel;
    p.canonical = canonical;
    p.args = {s, o};
    if (copula) p.attributes["construction"] = "copula";
    doc.propositions.push_back(p);
  };
  prop("denied", "said", arg(doc, "subj", 0, 1, 0), arg(doc, "obj", 2, 4, 3));
  prop("saw", "", arg(doc, "subj", 4, 5, 4), arg(doc, "obj", 6, 7, 6));
  prop("is", "", arg(doc, "subj", 7, 9, 8), arg(doc, "attr", 10, 12, 11), true);
  prop("is", "", arg(doc, "subj", 0, 1, 0), arg(doc, "attr", 12, 14, 13), true);
  prop("is branch of", "branch_of", arg(doc, "subj", 0, 1, 0), arg(doc, "obj", 14, 15, 14), true);
  GraphOptions o;
  o.article = false;
  auto g = build_graph(doc, o);
  EXPECT_EQ(facts(g), (std::vector<std::string>{"(Acme)-[branch of]->(Zed)", "(Acme)-[denied]->(claim)"}));
  EXPECT_EQ(find_edge(g, "(Acme)-[denied]->(claim)")->attributes.at("canonical"), "said");
}

TEST(PredicateLabel, CanonicalWithSurfaceWhenItSaysMore) {
  struct Case {
    const char* relation;
    const char* canonical;
    bool clausal;
    const char* label;
  };
  const Case cases[] = {
      {"met with", "met", false, "met"},
      {"visit to", "visited", false, "visited"},
      {"had a meeting with", "met", false, "met (had a meeting with)"},
      {"have joined", "member_of", false, "member of (have joined)"},
      {"is branch of", "branch_of", false, "branch of"},
      {"is", "branch_of", false, "branch of"},
      {"goalkeeper of", "member_of", false, "member of (goalkeeper of)"},  // a shared "of" says nothing
      {"is member of", "member_of", false, "member of"},
      {"stressed", "said", false, "stressed"},
      {"concluded", "signed", true, "concluded"},
      {"Praised", "", false, "praised"},
  };
  for (const auto& c : cases) {
    Proposition p;
    p.relation = c.relation;
    p.canonical = c.canonical;
    EXPECT_EQ(predicate_label(p, c.clausal), c.label) << c.relation;
  }
}

TEST(BuildGraph, MisparsedPrepositionHeadFallsBackToTheEntity) {
  // "Doe met with Minister Roe" with "with" parsed as the oblique itself.
  Document doc = parsed("Doe/PROPN/2/nsubj met/VERB/0/root with/ADP/2/obl Minister/PROPN/3/flat Roe/PROPN/3/flat");
  entity(doc, "Jane Doe", "Person", {mention(doc, 0, 1, "PER")});
  entity(doc, "John Roe", "Person", {mention(doc, 4, 5, "PER")});
  Proposition p;
  p.sentence = 0;
  p.relation = "met";
  p.canonical = "met";
  p.args = {arg(doc, "subj", 0, 1, 0), arg(doc, "obj", 2, 5, 2)};
  doc.propositions.push_back(p);
  GraphOptions o;
  o.article = false;
  EXPECT_EQ(facts(build_graph(doc, o)), std::vector<std::string>{"(Jane Doe)-[met]->(John Roe)"});
}

TEST(BuildGraph, DefiniteDescriptionOfAnEventNoun) {
  // "Doe’s visit to Peru ; the visit included Lima"
  Document doc = parsed(
      "Doe’s/PROPN/2/nmod:poss visit/NOUN/0/root to/ADP/4/case Peru/PROPN/2/nmod ;/PUNCT/2/punct "
      "the/DET/7/det visit/NOUN/8/nsubj included/VERB/2/parataxis Lima/PROPN/8/obj");
  entity(doc, "Jane Doe", "Person", {mention(doc, 0, 1, "PER")});
  entity(doc, "Peru", "Country", {mention(doc, 3, 4, "LOC")});
  entity(doc, "Lima", "Place", {mention(doc, 8, 9, "LOC")});
  Proposition p1;
  p1.sentence = 0;
  p1.relation = "visit to";
  p1.canonical = "visited";
  p1.relation_words = {1, 2};
  p1.attributes["construction"] = "nominal";
  p1.args = {arg(doc, "subj", 0, 1, 0), arg(doc, "to", 3, 4, 3)};
  Proposition p2;
  p2.sentence = 0;
  p2.relation = "included";
  p2.args = {arg(doc, "subj", 5, 7, 6), arg(doc, "obj", 8, 9, 8)};
  doc.propositions = {p1, p2};
  GraphOptions o;
  o.article = false;
  EXPECT_EQ(facts(build_graph(doc, o)),
            (std::vector<std::string>{"(Doe’s visit to Peru)-[included]->(Lima)", "(Jane Doe)-[visited]->(Peru)"}));
}

TEST(BuildGraph, AnExtraEntityTakesItsOwnPrepositionOnly) {
  // "Acme met with Zed at Orb": the relation holds the first oblique's "with".
  Document doc =
      parsed("Acme/PROPN/2/nsubj met/VERB/0/root with/ADP/4/case Zed/PROPN/2/obl at/ADP/6/case Orb/PROPN/2/obl");
  entity(doc, "Acme", "Organization", {mention(doc, 0, 1, "ORG")});
  entity(doc, "Zed", "Organization", {mention(doc, 3, 4, "ORG")});
  entity(doc, "Orb", "Organization", {mention(doc, 5, 6, "ORG")});
  Proposition p;
  p.sentence = 0;
  p.relation = "met with";
  p.relation_words = {1, 2};
  p.args = {arg(doc, "subj", 0, 1, 0), arg(doc, "with", 3, 4, 3), arg(doc, "at", 5, 6, 5)};
  doc.propositions.push_back(p);
  GraphOptions o;
  o.article = false;
  auto g = build_graph(doc, o);
  EXPECT_EQ(facts(g), (std::vector<std::string>{"(Acme)-[met at]->(Orb)", "(Acme)-[met with]->(Zed)"}));
}

TEST(BuildGraph, ComplexPrepositionBeforeAnExtraEntity) {
  // "Acme signed the deal in cooperation with Zed"
  Document doc = parsed(
      "Acme/PROPN/2/nsubj signed/VERB/0/root the/DET/4/det deal/NOUN/2/obj in/ADP/6/case "
      "cooperation/NOUN/2/obl with/ADP/8/case Zed/PROPN/2/obl");
  entity(doc, "Acme", "Organization", {mention(doc, 0, 1, "ORG")});
  entity(doc, "Zed", "Organization", {mention(doc, 7, 8, "ORG")});
  Proposition p;
  p.sentence = 0;
  p.relation = "signed";
  p.relation_words = {1};
  p.args = {arg(doc, "subj", 0, 1, 0), arg(doc, "obj", 2, 4, 3), arg(doc, "in", 5, 6, 5), arg(doc, "with", 7, 8, 7)};
  doc.propositions.push_back(p);
  GraphOptions o;
  o.article = false;
  auto g = build_graph(doc, o);
  EXPECT_EQ(facts(g), (std::vector<std::string>{"(Acme)-[in cooperation with]->(Zed)", "(Acme)-[signed]->(deal)"}));
  EXPECT_EQ(find_edge(g, "(Acme)-[signed]->(deal)")->attributes.at("in"), "cooperation");
}

TEST(BuildGraph, ObjectAfterTheRelationNoun) {
  // "Zed is the armed branch of Acme"
  Document doc = parsed(
      "Zed/PROPN/6/nsubj is/AUX/6/cop the/DET/6/det armed/ADJ/6/amod branch/NOUN/0/root of/ADP/7/case "
      "Acme/PROPN/5/nmod");
  entity(doc, "Zed", "Organization", {mention(doc, 0, 1, "ORG")});
  entity(doc, "Acme", "Organization", {mention(doc, 6, 7, "ORG")});
  Proposition p;
  p.sentence = 0;
  p.relation = "is";
  p.canonical = "branch_of";
  p.args = {arg(doc, "subj", 0, 1, 0), arg(doc, "attr", 2, 7, 4)};
  doc.propositions.push_back(p);
  GraphOptions o;
  o.article = false;
  auto g = build_graph(doc, o);
  EXPECT_EQ(facts(g), std::vector<std::string>{"(Zed)-[branch of]->(Acme)"});
  EXPECT_EQ(find_edge(g, "(Zed)-[branch of]->(Acme)")->attributes.at("object_phrase"), "armed branch of Acme");
}

TEST(BuildGraph, AppositiveNounNamesItsAnchor) {
  // "debate over the bases , a claim which Acme denied"
  Document doc = parsed(
      "debate/NOUN/0/root over/ADP/4/case the/DET/4/det bases/NOUN/1/nmod ,/PUNCT/7/punct a/DET/7/det "
      "claim/NOUN/1/appos which/PRON/10/obj Acme/PROPN/10/nsubj denied/VERB/7/acl:relcl");
  entity(doc, "Acme", "Organization", {mention(doc, 8, 9, "ORG")});
  Proposition p;
  p.sentence = 0;
  p.relation = "denied";
  p.relation_words = {9};
  p.args = {arg(doc, "subj", 8, 9, 8), arg(doc, "obj", 5, 7, 6)};
  doc.propositions.push_back(p);
  GraphOptions o;
  o.article = false;
  EXPECT_EQ(facts(build_graph(doc, o)), std::vector<std::string>{"(Acme)-[denied]->(debate over the bases)"});
}

TEST(BuildGraph, RelativePronounAfterOfTakesTheNearestNounPhrase) {
  // "30 farmers , half of whom joined Acme"  (the relative clause misattached)
  Document doc = parsed(
      "30/NUM/2/nummod farmers/NOUN/0/root ,/PUNCT/4/punct half/NOUN/7/nsubj of/ADP/6/case whom/PRON/4/nmod "
      "joined/VERB/2/dep Acme/PROPN/7/obj");
  entity(doc, "Acme", "Organization", {mention(doc, 7, 8, "ORG")});
  Proposition p;
  p.sentence = 0;
  p.relation = "joined";
  p.relation_words = {6};
  p.args = {arg(doc, "subj", 3, 6, 3), arg(doc, "obj", 7, 8, 7)};
  doc.propositions.push_back(p);
  GraphOptions o;
  o.article = false;
  EXPECT_EQ(facts(build_graph(doc, o)), std::vector<std::string>{"(half of 30 farmers)-[joined]->(Acme)"});
}

TEST(LiteralPhrase, ClausesKeepTheirAuxiliaries) {
  Document doc = parsed("the/DET/2/det plan/NOUN/4/nsubj would/AUX/4/aux fail/VERB/0/root");
  EXPECT_EQ(literal_phrase(doc, arg(doc, "comp", 0, 4, 3)), "plan would fail");
}

TEST(BuildGraph, CopulaWithARelationNoun) {
  // "Zed is the armed wing of Acme" (no canonical relation; "of" misparsed as nmod)
  Document doc = parsed(
      "Zed/PROPN/6/nsubj is/AUX/6/cop the/DET/6/det armed/ADJ/6/amod wing/NOUN/0/root of/ADP/5/nmod Acme/PROPN/6/conj");
  entity(doc, "Zed", "Organization", {mention(doc, 0, 1, "ORG")});
  entity(doc, "Acme", "Organization", {mention(doc, 6, 7, "ORG")});
  Proposition p;
  p.sentence = 0;
  p.relation = "is";
  p.relation_words = {1};
  p.attributes["construction"] = "copula";
  p.args = {arg(doc, "subj", 0, 1, 0), arg(doc, "attr", 2, 7, 4)};
  doc.propositions.push_back(p);
  GraphOptions o;
  o.article = false;
  EXPECT_EQ(facts(build_graph(doc, o)), std::vector<std::string>{"(Zed)-[wing of]->(Acme)"});
}

TEST(LiteralPhrase, AListOfConjunctsKeepsItsCommas) {
  // "the spread of weeds , pests and diseases": UD hangs each comma on the next conjunct.
  Document doc = parsed(
      "the/DET/2/det spread/NOUN/0/root of/ADP/4/case weeds/NOUN/2/nmod ,/PUNCT/6/punct pests/NOUN/4/conj "
      "and/CCONJ/8/cc diseases/NOUN/4/conj");
  Argument a = arg(doc, "obj", 0, 8, 1);
  EXPECT_EQ(literal_phrase(doc, a), "spread of weeds , pests and diseases");  // the test text spaces every word
  std::vector<int> all;
  EXPECT_EQ(detail::sentence_literal_phrase(doc, a, 12, {}, all, false), "spread of weeds");
  // Any other comma after the head still cuts: "the farm , near Leeds".
  Document f = parsed("the/DET/2/det farm/NOUN/0/root ,/PUNCT/5/punct near/ADP/5/case Leeds/PROPN/2/nmod");
  EXPECT_EQ(literal_phrase(f, arg(f, "obj", 0, 5, 1)), "farm");
}

TEST(BuildGraph, ANameAfterItsTitleIsTheNode) {
  // "Deputy Minister Bo Tan met Ann Lee" with "Minister" as the subject's head (the name its nmod);
  // "a meeting with Bo Tan" keeps its own node.
  Document doc = parsed(
      "Deputy/PROPN/2/compound Minister/PROPN/5/nsubj Bo/PROPN/4/compound Tan/PROPN/2/nmod met/VERB/0/root "
      "Ann/PROPN/5/obj Lee/PROPN/6/flat a/DET/9/det meeting/NOUN/5/obl with/ADP/11/case Bo/PROPN/9/nmod "
      "Tan/PROPN/11/flat");
  entity(doc, "Bo Tan", "Person", {mention(doc, 2, 4, "PER"), mention(doc, 10, 12, "PER")});
  entity(doc, "Ann Lee", "Person", {mention(doc, 5, 7, "PER")});
  Proposition p;
  p.sentence = 0;
  p.relation = "met";
  p.relation_words = {4};
  p.attributes["construction"] = "verb";
  p.args = {arg(doc, "subj", 0, 4, 1), arg(doc, "obj", 5, 7, 5)};
  Proposition q = p;
  q.args = {arg(doc, "subj", 5, 7, 5), arg(doc, "obj", 7, 12, 8)};
  doc.propositions = {p, q};
  GraphOptions o;
  o.article = false;
  auto got = facts(build_graph(doc, o));
  EXPECT_NE(std::find(got.begin(), got.end(), "(Bo Tan)-[met]->(Ann Lee)"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "(Ann Lee)-[met]->(meeting with Bo Tan)"), got.end());
  o.disable = {"graph.name_after_title"};
  got = facts(build_graph(doc, o));
  EXPECT_EQ(std::find(got.begin(), got.end(), "(Bo Tan)-[met]->(Ann Lee)"), got.end());
}

TEST(BuildGraph, ANameAfterItsTitleEndsBeforeAnAside) {
  // "Envoy Bo Tan , the deputy , met Ann Lee" with "Envoy" as the subject's head and the
  // aside inside the subject's span: the name before the comma is the node.
  Document doc = parsed(
      "Envoy/PROPN/8/nsubj Bo/PROPN/3/compound Tan/PROPN/1/nmod ,/PUNCT/6/punct the/DET/6/det deputy/NOUN/1/appos "
      ",/PUNCT/6/punct met/VERB/0/root Ann/PROPN/8/obj Lee/PROPN/9/flat");
  entity(doc, "Bo Tan", "Person", {mention(doc, 1, 3, "PER")});
  entity(doc, "Ann Lee", "Person", {mention(doc, 8, 10, "PER")});
  Proposition p;
  p.sentence = 0;
  p.relation = "met";
  p.relation_words = {7};
  p.attributes["construction"] = "verb";
  p.args = {arg(doc, "subj", 0, 7, 0), arg(doc, "obj", 8, 10, 8)};
  doc.propositions = {p};
  GraphOptions o;
  o.article = false;
  EXPECT_EQ(facts(build_graph(doc, o)), std::vector<std::string>{"(Bo Tan)-[met]->(Ann Lee)"});
  o.disable = {"graph.name_before_aside"};
  EXPECT_NE(facts(build_graph(doc, o)), std::vector<std::string>{"(Bo Tan)-[met]->(Ann Lee)"});
}

TEST(BuildGraph, ANameAfterItsRoleNounIsTheNode) {
  // "Ann Lee met <object>": the object ends in a name after a lower-case role or organisation
  // noun; a description mention without an entity over the head, or a bracketed short form,
  // does not stop it. A common noun before the name keeps the phrase.
  struct Row {
    std::string object;  // word/UPOS/head/deprel, heads counted from the object's first word + 3
    int head;            // the object's head word (0-based in the sentence)
    int name_first, name_last;
    bool description;  // a mention without an entity over the head
    std::string with, without;
  };
  const std::vector<Row> rows = {
      {"the/DET/6/det company/NOUN/6/compound lawyer/NOUN/3/obj Bo/PROPN/8/compound Tan/PROPN/6/nmod", 5, 6, 8, false,
       "(Ann Lee)-[met]->(Bo Tan)", "(Ann Lee)-[met]->(company lawyer Bo Tan)"},
      {"the/DET/6/det news/NOUN/6/compound agency/NOUN/3/obj Kelt/PROPN/8/compound Wire/PROPN/6/nmod "
       "(/PUNCT/10/punct KW/PROPN/8/appos",
       5, 6, 8, true, "(Ann Lee)-[met]->(Kelt Wire)", "(Ann Lee)-[met]->(news agency Kelt Wire)"},
      {"the/DET/6/det opposition/NOUN/6/compound party/NOUN/3/obj Kelt/PROPN/8/compound Union/PROPN/6/nmod", 5, 6, 8,
       false, "(Ann Lee)-[met]->(Kelt Union)", "(Ann Lee)-[met]->(opposition party Kelt Union)"},
      {"the/DET/6/det garden/NOUN/6/compound visit/NOUN/3/obj Bo/PROPN/8/compound Tan/PROPN/6/nmod", 5, 6, 8, false,
       "(Ann Lee)-[met]->(garden visit Bo Tan)", "(Ann Lee)-[met]->(garden visit Bo Tan)"},
  };
  for (const auto& r : rows) {
    Document doc = parsed("Ann/PROPN/3/nsubj Lee/PROPN/1/flat met/VERB/0/root " + r.object);
    int n = static_cast<int>(doc.sentences[0].tokens.size());
    entity(doc, "Ann Lee", "Person", {mention(doc, 0, 2, "PER")});
    entity(doc, doc.sentences[0].tokens[r.name_first].form + " " + doc.sentences[0].tokens[r.name_last - 1].form,
           "Organization", {mention(doc, r.name_first, r.name_last, "ORG")});
    if (r.description) mention(doc, r.head, r.head + 1, "ORG");
    Proposition p;
    p.sentence = 0;
    p.relation = "met";
    p.relation_words = {2};
    p.attributes["construction"] = "verb";
    p.args = {arg(doc, "subj", 0, 2, 0), arg(doc, "obj", 3, n, r.head)};
    doc.propositions = {p};
    GraphOptions o;
    o.article = false;
    auto got = facts(build_graph(doc, o));
    EXPECT_NE(std::find(got.begin(), got.end(), r.with), got.end()) << r.object << "\n"
                                                                    << ::testing::PrintToString(got);
    o.disable = {"graph.name_after_role"};
    got = facts(build_graph(doc, o));
    EXPECT_NE(std::find(got.begin(), got.end(), r.without), got.end()) << r.object << "\n"
                                                                       << ::testing::PrintToString(got);
  }
}

TEST(LiteralPhrase, DatesBelongToTheEvent) {
  Document doc = parsed("the/DET/2/det magazine/NOUN/0/root in/ADP/4/case October/PROPN/2/nmod 2017/NUM/4/nummod");
  mention(doc, 3, 5, "DATE", "2017-10");
  EXPECT_EQ(literal_phrase(doc, arg(doc, "subj", 0, 5, 1)), "magazine");
}

TEST(LiteralPhrase, LeavesOutThePredicate) {
  // "operations led by Rome" as the object of "led": the reduced relative is the relation itself.
  Document doc = parsed("operations/NOUN/0/root led/VERB/1/acl by/ADP/4/case Rome/PROPN/2/obl");
  EXPECT_EQ(literal_phrase(doc, arg(doc, "obj", 0, 4, 0), 12, {1}), "operations");
}

TEST(LiteralPhrase, DropsFrontedPhrasesAsidesAndPossessives) {
  // "in particular , armed groups in Africa"
  Document doc = parsed(
      "in/ADP/2/case particular/ADJ/5/obl ,/PUNCT/2/punct armed/ADJ/5/amod groups/NOUN/0/root in/ADP/7/case "
      "Africa/PROPN/5/nmod");
  EXPECT_EQ(literal_phrase(doc, arg(doc, "subj", 0, 7, 4)), "armed groups in Africa");
  // "the visit , which starts today , aims"  -> relative clause and its commas go
  Document v = parsed(
      "the/DET/2/det visit/NOUN/0/root ,/PUNCT/5/punct which/PRON/5/nsubj starts/VERB/2/acl:relcl "
      "today/NOUN/5/obl:tmod ,/PUNCT/5/punct");
  EXPECT_EQ(literal_phrase(v, arg(v, "subj", 0, 7, 1)), "visit");
  Document d = parsed("Jane/PROPN/2/compound Doe’s/PROPN/0/root");
  EXPECT_EQ(literal_phrase(d, arg(d, "subj", 0, 2, 1)), "Jane Doe");
}

TEST(LiteralPhrase, ShortensArguments) {
  // "the need to strengthen cooperation , which matters , to coordinate the efforts of the two countries in dealing
  // with crimes"
  Document doc = parsed(
      "the/DET/2/det need/NOUN/0/root to/PART/4/mark strengthen/VERB/2/acl cooperation/NOUN/4/obj ,/PUNCT/8/punct "
      "which/PRON/8/nsubj matters/VERB/5/acl:relcl ,/PUNCT/8/punct to/PART/11/mark coordinate/VERB/4/xcomp "
      "the/DET/13/det "
      "efforts/NOUN/11/obj of/ADP/17/case the/DET/17/det two/NUM/17/nummod countries/NOUN/13/nmod in/ADP/19/case "
      "dealing/VERB/11/advcl with/ADP/21/case crimes/NOUN/19/obl");
  Argument a = arg(doc, "obj", 0, 21, 1);
  EXPECT_EQ(literal_phrase(doc, a, 12),
            "need to strengthen cooperation to coordinate the efforts of the two countries");
  EXPECT_EQ(literal_phrase(doc, a, 5), "need to strengthen cooperation");  // no dangling "to"
  EXPECT_EQ(literal_phrase(doc, a, 4), "need to strengthen cooperation");
}

TEST(KgScore, NormalisesLikeTheReferenceScorer) {
  EXPECT_EQ(kg_norm("The U.S. Ambassador’s visit"), (std::vector<std::string>{"u", "s", "ambassador", "visit"}));
  EXPECT_EQ(kg_norm("$1,500.5 million, roughly"), (std::vector<std::string>{"$1,500.5", "million", "roughly"}));
  EXPECT_EQ(kg_norm("West Africa - Maghreb"), (std::vector<std::string>{"west", "africa", "-", "maghreb"}));
}

TEST(KgScore, MatchesEntitiesLiteralsPredicatesAndSymmetry) {
  const std::string gold = R"({"entities": [
      {"id": "doe", "name": "Jane Doe", "aliases": ["Doe", "the minister"]},
      {"id": "roe", "name": "John Roe", "aliases": ["Roe"]},
      {"id": "fr", "name": "France", "aliases": ["France", "Paris"]}],
    "triples": [
      {"n": 1, "s": "doe", "p": ["met", "met with"], "o": "roe", "symmetric": true},
      {"n": 2, "s": "doe", "p": ["discussed"], "o": {"literal": "security cooperation"}},
      {"n": 3, "s": "roe", "p": ["visited"], "o": "fr"}]})";
  const std::string tsv =
      "subject\tpredicate\tobject\tconfidence\n"
      "John Roe\tmet\tJane Doe\t0.9\n"                                    // symmetric: either direction
      "Doe\tdiscussed\t\"the security cooperation between them\"\t0.5\n"  // quoted literal
      "Paris\tvisited\tJohn Roe\t0.5\n"                                   // wrong direction
      "Jane Doe\tpraised\tFrance\t0.5\n";                                 // matches nothing
  KgScore s = score_kg(gold, "gold.json", tsv, "t.tsv");
  EXPECT_EQ(s.extracted, 4);
  EXPECT_EQ(s.found, 2);
  EXPECT_NEAR(s.recall, 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.matched_share, 0.5, 1e-9);
  EXPECT_NEAR(s.entity_recall, 1.0, 1e-9);
  EXPECT_NEAR(s.fragmentation, 5.0 / 3, 1e-9);  // {Jane Doe, Doe}, {John Roe}, {Paris, France}; kgscore.py agrees
  EXPECT_THROW(score_kg("{}", "gold.json", tsv, "t.tsv"), Error);
  EXPECT_THROW(score_kg(gold, "gold.json", "a\tb\n1\t2\n", "t.tsv"), Error);
}

}  // namespace
}  // namespace relgraph

namespace relgraph {
namespace {

// One row per named fact filter: a proposition over "Acme said the plan" with
// the node types and keys of its subject and object, and the filter that
// must drop it ("" = kept).
struct FilterCase {
  std::string expected;
  std::string relation;
  std::string canonical;
  std::string construction;
  std::string subject_type, object_type, subject_key, object_key;
  std::vector<int> relation_words;
  int object_head;  // word index of the object's head
};

TEST(FactFilter, EachNamedFilterDropsItsCaseAndNoOther) {
  // "Acme said the plan quickly" : Acme/PROPN said/VERB the/DET plan/NOUN quickly/ADV
  Document doc = parsed("Acme/PROPN/2/nsubj said/VERB/0/root the/DET/4/det plan/NOUN/2/obj quickly/ADV/2/advmod");
  const std::vector<FilterCase> cases = {
      {"", "said", "", "", "Organization", "Literal", "acme", "plan", {1}, 3},
      {"graph.drop_value_subject", "said", "", "", "Date", "Literal", "2019", "plan", {1}, 3},
      {"graph.drop_plain_title", "said", "", "title", "Person", "Person", "acme", "roe", {1}, 3},
      {"", "said", "holds_role", "title", "Person", "Person", "acme", "roe", {1}, 3},
      {"graph.drop_loose_copula", "is", "", "", "Literal", "Literal", "idea", "plan", {1}, 3},
      {"graph.drop_self_copula", "was", "", "", "Person", "Literal", "acme", "acme s visit", {1}, 3},
      {"graph.drop_possession_artefact", "has", "has", "poss", "Organization", "Literal", "acme", "plan", {1}, 3},
      {"graph.drop_possession_artefact", "has", "has", "", "Organization", "Literal", "acme", "said", {1}, 1},
      {"graph.drop_restating_phrase",
       "known as",
       "",
       "",
       "Literal",
       "Organization",
       "group known as acme",
       "acme",
       {1},
       3},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.expected + " " + c.relation);
    Proposition p;
    p.sentence = 0;
    p.relation = c.relation;
    p.canonical = c.canonical;
    p.relation_words = c.relation_words;
    if (!c.construction.empty()) p.attributes["construction"] = c.construction;
    p.args = {arg(doc, "subj", 0, 1, 0), arg(doc, "obj", c.object_head, c.object_head + 1, c.object_head)};
    detail::FactView fact{
        doc, p, c.subject_type, c.object_type, c.subject_key, c.object_key, c.construction, detail::is_copula(p)};
    EXPECT_EQ(detail::dropping_filter(fact), c.expected);
    // Switched off, the filter lets the fact through.
    if (!c.expected.empty()) {
      EXPECT_EQ(detail::dropping_filter(fact, {c.expected}), "");
    }
  }
  EXPECT_EQ(detail::fact_filters().size(), 6u);
}

TEST(FactFilter, GraphRulesAreNamedAndSwitchable) {
  auto rules = graph_rules();
  // + literal_list, name_after_title/role/before_aside, value_of_phrase, role_title
  ASSERT_EQ(rules.size(), detail::fact_filters().size() + 6);
  EXPECT_NE(std::find(rules.begin(), rules.end(), "graph.literal_list"), rules.end());
  EXPECT_EQ(rules.back(), "graph.role_title");
  EXPECT_EQ(rules.front(), "graph.drop_value_subject");
  // make_pipeline accepts a graph rule in --disable (build_graph applies it) and still refuses unknown names.
  PipelineOptions o;
  o.until = Layer::Sentences;
  o.disable = {"graph.drop_self_copula"};
  EXPECT_NO_THROW(make_pipeline(o));
  o.disable = {"graph.no_such_rule"};
  EXPECT_THROW(make_pipeline(o), Error);
}

}  // namespace
}  // namespace relgraph
