// Typed relations in the graph: Wikidata properties from schemas/relations.json,
// typed edges from Document::typed_facts replacing the open edges they explain,
// and how JSON-LD, N-Triples, TSV and Neo4j write them. Invented sentences.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "io/codec.hpp"
#include "io/neo4j_export.hpp"
#include "relations/schema.hpp"
#include "relations/typed_stage.hpp"
#include "relgraph/extract.hpp"
#include "relgraph/io.hpp"

namespace relgraph {
namespace {

const RelationSchema& schema() {
  static const RelationSchema s = RelationSchema::load(std::string(RELGRAPH_SOURCE_DIR) + "/schemas/relations.json");
  return s;
}

// A one-sentence document from "form/UPOS" words.
Document sentence(const std::vector<std::string>& words) {
  Document doc;
  doc.id = "typed.txt";
  Sentence s;
  for (const auto& w : words) {
    Token t;
    auto slash = w.find('/');
    t.form = w.substr(0, slash);
    t.upos = slash == std::string::npos ? "PROPN" : w.substr(slash + 1);
    t.lemma = t.form;
    if (!doc.text.empty()) doc.text += ' ';
    t.begin = doc.text.size();
    doc.text += t.form;
    t.end = doc.text.size();
    s.tokens.push_back(t);
  }
  s.end = doc.text.size();
  doc.sentences.push_back(s);
  return doc;
}

Span span(const Document& doc, int first, int last) {
  const auto& t = doc.sentences[0].tokens;
  return {0, first, last, t[first].begin, t[last - 1].end};
}

// An entity of one mention over words [first, last); returns its index.
int entity(Document& doc, const std::string& type, int first, int last, const std::string& ner = "PER") {
  EntityMention m;
  m.span = span(doc, first, last);
  m.text = std::string(doc.slice(m.span.begin, m.span.end));
  m.type = ner;
  m.entity = static_cast<int>(doc.entities.size());
  doc.mentions.push_back(m);
  Entity e;
  e.label = m.text;
  e.type = type;
  e.mentions = {static_cast<int>(doc.mentions.size()) - 1};
  doc.entities.push_back(e);
  return m.entity;
}

Argument arg(const Document& doc, const std::string& role, int first, int last) {
  Argument a;
  a.role = role;
  a.span = span(doc, first, last);
  a.text = std::string(doc.slice(a.span.begin, a.span.end));
  a.head = last - 1;
  a.mention = -1;
  for (int m = 0; m < static_cast<int>(doc.mentions.size()); ++m)
    if (doc.mentions[m].span.first == first) a.mention = m;
  return a;
}

void open_fact(Document& doc, const std::string& relation, const std::string& canonical, Argument s, Argument o,
               bool negated = false) {
  Proposition p;
  p.sentence = 0;
  p.relation = relation;
  p.canonical = canonical;
  p.confidence = 0.6;
  p.negated = negated;
  p.args = {std::move(s), std::move(o)};
  doc.propositions.push_back(std::move(p));
}

void typed_fact(Document& doc, int subject, int object, const std::string& property, double confidence = 0.7) {
  TypedFact f;
  f.subject = subject;
  f.object = object;
  f.property = property;
  f.confidence = confidence;
  f.sentence = 0;
  describe_property(f, schema());
  doc.typed_facts.push_back(std::move(f));
}

KnowledgeGraph graph_of(const Document& doc, double alone = 2.0) {
  GraphOptions o;
  o.typed_alone = alone;
  o.article = false;
  o.roles = false;
  return build_graph(doc, o);
}

std::vector<std::string> facts(const KnowledgeGraph& g) {
  std::vector<std::string> out;
  for (auto e : g.canonical_edges()) {
    const auto& r = g.edge(e);
    auto w = r.attributes.find("wikidata");
    out.push_back(describe(g, e) + (w == r.attributes.end() ? "" : " " + w->second));
  }
  return out;
}

TEST(WikidataSchema, PropertiesMapIdsToLabelsAndNames) {
  const auto* p = schema().property("P108");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->label, "employer");
  EXPECT_EQ(p->name, "employed_by");
  EXPECT_EQ(schema().property("P1"), nullptr);
  // Every relation's property is listed; a property named after a relation is
  // that relation's own property, read in the same direction.
  for (const auto& r : schema().relations()) {
    if (!r.wikidata.empty()) {
      EXPECT_NE(schema().property(r.wikidata), nullptr) << r.name;
    }
  }
  for (const auto& prop : schema().properties())
    if (const auto* r = schema().find(prop.name)) {
      EXPECT_EQ(r->wikidata, prop.id) << prop.name;
      EXPECT_FALSE(r->wikidata_inverse) << prop.name;
    }
  // The 96 Re-DocRED properties, each with a distinct name.
  std::set<std::string> names;
  for (const auto& prop : schema().properties()) names.insert(prop.name);
  EXPECT_EQ(names.size(), schema().properties().size());
  EXPECT_GE(schema().properties().size(), 96u);
}

TEST(WikidataSchema, RejectsUnknownRelationsAndUnlistedProperties) {
  const std::string relation = R"({"name": "works_at", "description": "d", "wikidata": "P108", "triggers": []})";
  struct Case {
    std::string properties;
    std::string error;  // "" = accepted
  };
  const Case cases[] = {
      {R"([{"id": "P108", "label": "employer", "name": "employer"}])", ""},
      {R"([{"id": "P108", "label": "employer", "name": "employer", "explains": ["no_such"]}])", "no_such"},
      {R"([{"id": "P17", "label": "country", "name": "country"}])", "P108"},
      {R"([{"id": "P108", "label": "employer", "name": "e"}, {"id": "P108", "label": "x", "name": "x"}])", "twice"},
      {R"([{"id": "P108", "name": "employer"}])", "label"},
  };
  for (const auto& c : cases) {
    std::string json = R"({"version": 1, "relations": [)" + relation + R"(], "properties": )" + c.properties + "}";
    try {
      auto s = RelationSchema::parse(json, "t.json");
      EXPECT_EQ(c.error, "") << c.properties;
    } catch (const Error& e) {
      EXPECT_NE(c.error, "") << e.what();
      EXPECT_NE(std::string(e.what()).find(c.error), std::string::npos) << e.what();
    }
  }
}

TEST(TypedFacts, DescribePropertyNamesTheOpenRelationsItExplains) {
  struct Case {
    std::string property, label, name, explains, explains_inverse;
  };
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
    return out;
  };
  const Case cases[] = {
      {"P108", "employer", "employed_by", "employed_by", "employs"},
      {"P26", "spouse", "spouse_of", "spouse_of", "spouse_of"},  // symmetric: both ways
      {"P50", "author", "author", "", "author_of"},              // read from the work
      {"P17", "country", "country", "located_in", ""},
      {"P99999", "P99999", "P99999", "", ""},  // unknown: the id stands in
  };
  for (const auto& c : cases) {
    TypedFact f;
    f.property = c.property;
    describe_property(f, schema());
    EXPECT_EQ(f.label, c.label) << c.property;
    EXPECT_EQ(f.name, c.name) << c.property;
    EXPECT_EQ(join(f.explains), c.explains) << c.property;
    EXPECT_EQ(join(f.explains_inverse), c.explains_inverse) << c.property;
  }
}

TEST(TypedEdges, TakeOverTheOpenEdgesTheyExplainAndKeepTheRest) {
  // Entity 0 is Nora Vale, entity 1 Pinewood Labs; the typed fact is 0 -[property]-> 1.
  struct Case {
    const char* what;
    bool hired;  // "Pinewood Labs hired Nora Vale" (from the organisation), else "Nora Vale works for ..."
    std::string canonical;
    bool negated;
    std::string property;
    double alone;  // GraphOptions::typed_alone
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"same direction",
       false,
       "employed_by",
       false,
       "P108",
       2.0,
       {"(Nora Vale)-[employed by (works for)]->(Pinewood Labs) P108"}},
      {"stated from the other end: kept as stated",
       true,
       "employs",
       false,
       "P108",
       2.0,
       {"(Pinewood Labs)-[employs (hired)]->(Nora Vale) P108"}},
      {"a negated statement is not explained",
       false,
       "employed_by",
       true,
       "P108",
       0.5,
       {"(Nora Vale)-[employed by]->(Pinewood Labs) P108", "(Nora Vale)-[!employed by (works for)]->(Pinewood Labs)"}},
      {"another property leaves it",
       false,
       "employed_by",
       false,
       "P463",
       0.5,
       {"(Nora Vale)-[employed by (works for)]->(Pinewood Labs)", "(Nora Vale)-[member of]->(Pinewood Labs) P463"}},
      {"an open relation without a canonical name stays",
       false,
       "",
       false,
       "P108",
       0.5,
       {"(Nora Vale)-[employed by]->(Pinewood Labs) P108", "(Nora Vale)-[works for]->(Pinewood Labs)"}},
      {"a fact of its own below typed_alone is left out",
       false,
       "",
       false,
       "P108",
       0.9,
       {"(Nora Vale)-[works for]->(Pinewood Labs)"}},
  };
  for (const auto& c : cases) {
    Document doc = c.hired ? sentence({"Pinewood", "Labs", "hired/VERB", "Nora", "Vale", "./PUNCT"})
                           : sentence({"Nora", "Vale", "works/VERB", "for/ADP", "Pinewood", "Labs", "./PUNCT"});
    std::pair<int, int> nora = c.hired ? std::pair{3, 5} : std::pair{0, 2};
    std::pair<int, int> labs = c.hired ? std::pair{0, 2} : std::pair{4, 6};
    int n = entity(doc, "Person", nora.first, nora.second);
    int l = entity(doc, "Organization", labs.first, labs.second, "ORG");
    Argument an = arg(doc, "subj", nora.first, nora.second), al = arg(doc, "obj", labs.first, labs.second);
    if (c.hired)
      open_fact(doc, "hired", c.canonical, al, an, c.negated);
    else
      open_fact(doc, "works for", c.canonical, an, al, c.negated);
    typed_fact(doc, n, l, c.property);
    auto g = graph_of(doc, c.alone);
    EXPECT_EQ(facts(g), c.want) << c.what;
    for (auto e : g.canonical_edges())
      EXPECT_EQ(g.edge(e).attributes.count("wikidata_inverse"), c.hired ? 1u : 0u) << c.what;
  }
}

TEST(TypedEdges, CarryPropertyLabelAndEvidenceAndMakeOneEdge) {
  // "Nora Vale works for Pinewood Labs and Pinewood Labs employs Nora Vale ."
  Document doc = sentence({"Nora", "Vale", "works/VERB", "for/ADP", "Pinewood", "Labs", "and/CCONJ", "Pinewood", "Labs",
                           "employs/VERB", "Nora", "Vale", "./PUNCT"});
  int nora = entity(doc, "Person", 0, 2);
  int labs = entity(doc, "Organization", 4, 6, "ORG");
  doc.entities[nora].mentions.push_back(static_cast<int>(doc.mentions.size()));
  doc.mentions.push_back(doc.mentions[0]);
  doc.mentions.back().span = span(doc, 10, 12);
  doc.entities[labs].mentions.push_back(static_cast<int>(doc.mentions.size()));
  doc.mentions.push_back(doc.mentions[1]);
  doc.mentions.back().span = span(doc, 7, 9);
  open_fact(doc, "works for", "employed_by", arg(doc, "subj", 0, 2), arg(doc, "obj", 4, 6));
  open_fact(doc, "employs", "employs", arg(doc, "subj", 7, 9), arg(doc, "obj", 10, 12));
  typed_fact(doc, nora, labs, "P108", 0.55);
  typed_fact(doc, nora, labs, "P108", 0.65);  // twice: still one edge
  typed_fact(doc, nora, nora, "P3373");       // an entity and itself: no edge
  typed_fact(doc, nora, 7, "P27");            // no such entity: no edge
  auto g = graph_of(doc, 0.5);
  ASSERT_EQ(facts(g), std::vector<std::string>{"(Nora Vale)-[employed by (works for)]->(Pinewood Labs) P108"});
  const RelationEdge& r = g.edge(g.canonical_edges().front());
  EXPECT_EQ(r.surface, "works for");
  EXPECT_EQ(r.attributes.at("wikidata"), "P108");
  EXPECT_EQ(r.attributes.at("wikidata_label"), "employer");
  EXPECT_DOUBLE_EQ(r.confidence, 0.6);  // the open edges', the highest
  ASSERT_EQ(r.evidence.size(), 3u);     // both statements' words and the classifier's sentence
}

KnowledgeGraph typed_graph(const std::string& property = "P108") {
  KnowledgeGraph g;
  auto a = g.add_entity({.id = "nora_vale", .label = "Nora Vale", .type = "Person"});
  auto b = g.add_entity({.id = "pinewood_labs", .label = "Pinewood Labs", .type = "Organization"});
  auto c = g.add_entity({.id = "ivo_brandt", .label = "Ivo Brandt", .type = "Person"});
  RelationEdge typed{.predicate = "employed by", .surface = "works for", .confidence = 0.7};
  typed.attributes = {{"wikidata", property}, {"wikidata_label", "employer"}, {"canonical", "employed by"}};
  g.add_relation(a, b, typed);
  g.add_relation(a, c, {.predicate = "met", .surface = "met", .confidence = 0.8});
  g.canonicalize();
  return g;
}

std::string write(const KnowledgeGraph& g, const std::string& format) {
  std::ostringstream out;
  make_exporter(format)->write(g, out);
  return out.str();
}

TEST(TypedEdgeFormats, RdfWritesTheWikidataDirectProperty) {
  auto g = typed_graph();
  std::string nt = write(g, "ntriples");
  EXPECT_NE(nt.find("<https://w3id.org/relgraph/entity/nora_vale> <http://www.wikidata.org/prop/direct/P108> "
                    "<https://w3id.org/relgraph/entity/pinewood_labs> ."),
            std::string::npos)
      << nt;
  EXPECT_NE(nt.find("<https://w3id.org/relgraph/relation/met>"), std::string::npos);  // open edges as before
  std::string ld = write(g, "jsonld");
  EXPECT_NE(ld.find("\"wdt\": \"http://www.wikidata.org/prop/direct/\""), std::string::npos);
  EXPECT_NE(ld.find("\"wdt:P108\""), std::string::npos) << ld;
  EXPECT_NE(ld.find("\"rel:met\""), std::string::npos);
  // Both read back to the same graph.
  for (const char* format : {"ntriples", "jsonld"}) {
    std::istringstream in(write(g, format));
    auto back = make_importer(format)->read(in, "t");
    EXPECT_EQ(facts(back), facts(g)) << format;
    EXPECT_EQ(write(back, "jsonld"), write(g, "jsonld")) << format;
  }
}

TEST(TypedEdgeFormats, AnythingButAPropertyIdIsNoWikidataLink) {
  for (const char* bad : {"", "P", "Q5", "P10> <x", "p108", "P12345678901234"}) {
    auto g = typed_graph(bad);
    std::string nt = write(g, "ntriples");
    EXPECT_EQ(nt.find("wikidata.org"), std::string::npos) << bad;
    EXPECT_NE(nt.find("<https://w3id.org/relgraph/relation/employed%20by>"), std::string::npos) << bad << nt;
    EXPECT_EQ(write(g, "jsonld").find("wdt:"), std::string::npos) << bad;
  }
}

TEST(TypedEdgeFormats, TsvNeo4jAndGraphmlShowTheProperty) {
  auto g = typed_graph();
  std::string tsv = write(g, "tsv");
  EXPECT_NE(tsv.find("\tmodality\twikidata\n"), std::string::npos) << tsv;
  EXPECT_NE(tsv.find("Nora Vale\temployed by\tPinewood Labs\t"), std::string::npos);
  EXPECT_NE(tsv.find("\tfalse\t\tP108\n"), std::string::npos) << tsv;
  std::istringstream in(tsv);
  auto back = make_importer("tsv")->read(in, "t.tsv");
  EXPECT_EQ(facts(back), facts(g));
  // Neo4j: the relationship type comes from the Wikidata label, the same in every article.
  for (auto e : g.canonical_edges())
    EXPECT_EQ(detail::edge_type(g.edge(e)), g.edge(e).predicate == "met" ? "MET" : "EMPLOYER");
  std::string graphml = write(g, "graphml");
  EXPECT_NE(graphml.find(">P108</data>"), std::string::npos) << graphml;
  EXPECT_NE(graphml.find(">employer</data>"), std::string::npos);
  std::string dot = write(g, "dot");
  EXPECT_NE(dot.find("attr_wikidata=P108"), std::string::npos) << dot;
}

TEST(TypedEdgeFormats, AnEdgeReadFromThePropertysValueLinksTheOtherWay) {
  KnowledgeGraph g;
  auto labs = g.add_entity({.id = "pinewood_labs", .label = "Pinewood Labs", .type = "Organization"});
  auto nora = g.add_entity({.id = "nora_vale", .label = "Nora Vale", .type = "Person"});
  RelationEdge r{.predicate = "employs", .surface = "hired", .confidence = 0.7};
  r.attributes = {{"wikidata", "P108"}, {"wikidata_label", "employer"}, {"wikidata_inverse", "true"}};
  g.add_relation(labs, nora, r);
  g.canonicalize();
  std::string nt = write(g, "ntriples");
  EXPECT_NE(nt.find("<https://w3id.org/relgraph/entity/nora_vale> <http://www.wikidata.org/prop/direct/P108> "
                    "<https://w3id.org/relgraph/entity/pinewood_labs> ."),
            std::string::npos)
      << nt;
  std::string ld = write(g, "jsonld");
  auto nora_node = ld.find("\"@id\": \"ent:nora_vale\"");
  auto link = ld.find("\"wdt:P108\"");
  auto labs_node = ld.find("\"@id\": \"ent:pinewood_labs\"");
  ASSERT_NE(link, std::string::npos) << ld;
  EXPECT_TRUE(nora_node < link && (labs_node < nora_node || link < labs_node)) << ld;  // on Nora Vale's node
  std::string tsv = write(g, "tsv");
  EXPECT_NE(tsv.find("Pinewood Labs\temploys\tNora Vale\t"), std::string::npos) << tsv;
  EXPECT_NE(tsv.find("\t^P108\n"), std::string::npos) << tsv;
  for (const char* format : {"ntriples", "jsonld", "tsv"}) {
    std::istringstream in(write(g, format));
    auto back = make_importer(format)->read(in, "t");
    EXPECT_EQ(facts(back), facts(g)) << format;
    EXPECT_EQ(back.edge(back.canonical_edges().front()).attributes.count("wikidata_inverse"), 1u) << format;
  }
  EXPECT_EQ(detail::edge_type(g.edge(g.canonical_edges().front())), "EMPLOYS");
}

}  // namespace
}  // namespace relgraph
