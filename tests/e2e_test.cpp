// End to end: the bundled sample article through the whole pipeline with the
// committed models, checking a handful of facts and merges and the
// reference-graph scores with slack. Skips when a model is missing.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/files.hpp"
#include "pipeline/kgscore.hpp"
#include "relgraph/extract.hpp"
#include "relgraph/io.hpp"
#include "support/builders.hpp"

namespace relgraph {
namespace {

const std::string kSample = std::string(RELGRAPH_SOURCE_DIR) + "/samples/us-tunisia-counterterrorism.txt";

bool models_present() {
  for (const char* m : {"tagger.bin", "parser.bin", "ner.bin"})
    if (!std::filesystem::exists(std::string(RELGRAPH_SOURCE_DIR) + "/models/" + m)) return false;
  return std::filesystem::exists(kSample);
}

class SampleArticle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!models_present()) return;
    PipelineOptions o;
    o.models_dir = std::string(RELGRAPH_SOURCE_DIR) + "/models";
    o.schemas_dir = std::string(RELGRAPH_SOURCE_DIR) + "/schemas";
    auto pipeline = make_pipeline(o);
    doc_ = new Document(annotate(detail::read_text(kSample), "us-tunisia-counterterrorism.txt", pipeline));
    graph_ = new KnowledgeGraph(build_graph(*doc_));
  }
  static void TearDownTestSuite() {
    delete doc_;
    delete graph_;
    doc_ = nullptr;
    graph_ = nullptr;
  }
  void SetUp() override {
    if (!graph_) GTEST_SKIP() << "models/ (tagger, parser, ner) or the sample are missing";
  }
  static std::vector<std::string> labels_of(const std::string& type) {
    std::vector<std::string> out;
    for (auto v : graph_->canonical_vertices())
      if (graph_->node(v).type == type) out.push_back(graph_->node(v).label);
    return out;
  }
  static bool has_edge(const std::string& s, const std::string& predicate_word, const std::string& o) {
    const auto& g = graph_->graph();
    for (auto e : graph_->canonical_edges()) {
      const auto& from = g[boost::source(e, g)].label;
      const auto& to = g[boost::target(e, g)].label;
      bool ends = (from == s && to == o) || (from == o && to == s);
      if (ends && g[e].predicate.find(predicate_word) != std::string::npos) return true;
    }
    return false;
  }
  static Document* doc_;
  static KnowledgeGraph* graph_;
};
Document* SampleArticle::doc_ = nullptr;
KnowledgeGraph* SampleArticle::graph_ = nullptr;

TEST_F(SampleArticle, Metadata) {
  const auto& m = doc_->metadata;
  EXPECT_FALSE(m.title.empty());
  EXPECT_EQ(m.date_published.substr(0, 10), "2018-09-12");
  EXPECT_FALSE(m.author.empty());
  EXPECT_GT(m.body_begin, 0u);
  EXPECT_LT(m.body_end, doc_->text.size());
}

TEST_F(SampleArticle, OneNodePerEntity) {
  auto people = labels_of("Person");
  EXPECT_NE(std::find(people.begin(), people.end(), "Nathan Sales"), people.end());
  EXPECT_EQ(std::find(people.begin(), people.end(), "Sales"), people.end());  // merged into Nathan Sales
  auto countries = labels_of("Country");
  EXPECT_NE(std::find(countries.begin(), countries.end(), "United States"), countries.end());
  EXPECT_NE(std::find(countries.begin(), countries.end(), "Tunisia"), countries.end());
  for (const char* fragment : {"US", "U.S.", "America", "Tunisian"})
    EXPECT_EQ(std::find(countries.begin(), countries.end(), fragment), countries.end()) << fragment;
}

TEST_F(SampleArticle, ArticleNode) {
  auto works = labels_of("CreativeWork");
  ASSERT_EQ(works.size(), 1u);
  EXPECT_TRUE(has_edge(doc_->metadata.author, "author", works[0]));
  EXPECT_TRUE(has_edge(works[0], "mentions", "Tunisia"));
}

TEST_F(SampleArticle, SomeFacts) {
  EXPECT_TRUE(has_edge("Nathan Sales", "met", "Hisham El-Fratti"));
  EXPECT_TRUE(has_edge("Nathan Sales", "visit", "Tunisia"));
  EXPECT_TRUE(has_edge("Tunisia", "cooperates with", "United States"));             // "cooperation between X and Y"
  EXPECT_TRUE(has_edge("Tunisia", "acquired", "8 Black Hawk UH-60M helicopters"));  // "acquisition of ... by X"
  EXPECT_TRUE(has_edge("Nathan Sales", "discuss", "Tunisian-American security cooperation"));  // purpose clause
}

TEST_F(SampleArticle, ReferenceScoresWithSlack) {
  std::string gold = std::string(RELGRAPH_DATA_DIR) + "/../eval/us-tunisia-counterterrorism.gold.json";
  if (!std::filesystem::exists(gold)) GTEST_SKIP() << "no reference graph at " << gold;
  GraphOptions o;
  o.article_mentions = false;  // the TSV export's default
  auto g = build_graph(*doc_, o);
  std::ostringstream tsv;
  make_exporter("tsv")->write(g, tsv);
  KgScore s = score_kg(detail::read_file(gold), gold, tsv.str(), "sample.tsv");
  EXPECT_GE(s.recall, 0.8);
  EXPECT_GE(s.entity_recall, 0.85);
  EXPECT_LE(s.fragmentation, 1.2);
}

}  // namespace
}  // namespace relgraph

namespace relgraph {
namespace {

// Every document of EWT dev (weblogs, emails, reviews, answers) through the
// whole pipeline and the graph builder: odd text must never crash a stage
// (a parse repair once closed a loop on one such document). Skips without
// the data or the models.
TEST(ManyDocuments, EwtDevDocumentsBuildGraphs) {
  std::string dev = testing::data_file("ud-english-ewt/en_ewt-ud-dev.conllu");
  if (dev.empty() || !models_present()) GTEST_SKIP() << "EWT dev or models absent";
  std::vector<std::string> docs;
  std::string text = detail::read_text(dev);
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    std::string_view line(text.data() + pos, (nl == std::string::npos ? text.size() : nl) - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    if (line.rfind("# newdoc", 0) == 0 || docs.empty()) docs.emplace_back();
    if (line.rfind("# text = ", 0) == 0) docs.back() += std::string(line.substr(9)) + " ";
  }
  PipelineOptions o;
  o.models_dir = std::string(RELGRAPH_SOURCE_DIR) + "/models";
  o.schemas_dir = std::string(RELGRAPH_SOURCE_DIR) + "/schemas";
  auto pipeline = make_pipeline(o);
  std::size_t facts = 0;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].empty()) continue;
    Document doc = annotate(docs[i], "ewt-dev-" + std::to_string(i), pipeline);
    facts += build_graph(doc).num_relations();
  }
  EXPECT_GT(docs.size(), 50u);
  EXPECT_GT(facts, 100u);
}

}  // namespace
}  // namespace relgraph
