// Tests for `relgraph eval kg DIR...` (kg_pairs, mean_kg, score_kg_set) and the
// `--disable RULE` plumbing of extract, entities, eval kg, eval ner and
// `relgraph rules`, on an invented article and a hand-made reference graph.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/kgscore.hpp"
#include "relgraph/error.hpp"
#include "support/builders.hpp"

namespace fs = std::filesystem;

namespace relgraph {
namespace {

const char* kArticle =
    "Harbour town opens new bridge\n\n"
    "Mayor Clara Voss met engineer Tomas Brenn in Eastport on Monday. "
    "Voss praised the new bridge over the Lune river.\n";

const char* kGold = R"({"entities": [
    {"id": "voss", "name": "Clara Voss", "aliases": ["Voss", "the mayor"]},
    {"id": "brenn", "name": "Tomas Brenn", "aliases": ["Brenn"]},
    {"id": "eastport", "name": "Eastport", "aliases": []}],
  "triples": [
    {"n": 1, "s": "voss", "p": ["met", "met with"], "o": "brenn", "symmetric": true},
    {"n": 2, "s": "voss", "p": ["praised"], "o": {"literal": "new bridge"}}]})";

class EvalKg : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("rg_evalkg_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "set");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const fs::path& path, const std::string& text) { std::ofstream(dir_ / path) << text; }
  bool have_models() const { return fs::exists(fs::path(RELGRAPH_SOURCE_DIR) / "models" / "parser.bin"); }
  int run(const std::string& args, std::string* out = nullptr, std::string* err = nullptr) {
    return testing::run_command("cd '" + dir_.string() + "' && '" + RELGRAPH_BINARY + "' " + args, out, err);
  }
  fs::path dir_;
};

TEST_F(EvalKg, PairsTextsWithReferenceGraphsByName) {
  write("set/b.txt", kArticle);
  write("set/b.gold.json", kGold);
  write("set/a.txt", kArticle);
  write("set/a.gold.json", kGold);
  write("set/lonely.gold.json", kGold);  // no text: skipped
  write("set/notes.txt", "no reference graph");
  auto pairs = kg_pairs((dir_ / "set").string());
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].name, "a");
  EXPECT_EQ(pairs[1].name, "b");
  EXPECT_EQ(fs::path(pairs[1].text).filename(), "b.txt");
  EXPECT_EQ(fs::path(pairs[1].gold).filename(), "b.gold.json");
}

TEST_F(EvalKg, MissingOrEmptyDirectoryIsAnError) {
  EXPECT_THROW(kg_pairs((dir_ / "absent").string()), Error);
  EXPECT_THROW(kg_pairs((dir_ / "set").string()), Error);
}

TEST(MeanKg, SumsCountsAndAveragesRates) {
  KgScore a, b;
  a.extracted = 10, a.gold = 4, a.found = 1, a.recall = 0.25, a.matched_share = 0.1, a.entity_recall = 0.5;
  a.fragmentation = 1.0;
  b.extracted = 20, b.gold = 2, b.found = 2, b.recall = 1.0, b.matched_share = 0.3, b.entity_recall = 1.0;
  b.fragmentation = 2.0;
  KgScore m = mean_kg({a, b});
  EXPECT_EQ(m.extracted, 30);
  EXPECT_EQ(m.gold, 6);
  EXPECT_EQ(m.found, 3);
  EXPECT_NEAR(m.recall, 0.625, 1e-12);  // the mean of the articles, not 3/6
  EXPECT_NEAR(m.matched_share, 0.2, 1e-12);
  EXPECT_NEAR(m.entity_recall, 0.75, 1e-12);
  EXPECT_NEAR(m.fragmentation, 1.5, 1e-12);
  EXPECT_EQ(mean_kg({}).recall, 0.0);
}

TEST_F(EvalKg, DirectoryModeScoresLikeExtractThenScore) {
  if (!have_models() || !fs::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "needs models/ and the relgraph binary";
  write("set/harbour.txt", kArticle);
  write("set/harbour.gold.json", kGold);
  KgSetScore set = score_kg_set(kg_pairs((dir_ / "set").string()), make_pipeline({}));
  ASSERT_EQ(set.articles.size(), 1u);
  const KgScore& s = set.articles[0].score;
  EXPECT_EQ(s.gold, 2);
  EXPECT_GT(s.extracted, 0);
  EXPECT_GE(s.found, 1);  // "Clara Voss met Tomas Brenn"
  EXPECT_EQ(set.mean.recall, s.recall);

  // The same numbers as `extract -o X.tsv` followed by `eval kg GOLD X.tsv`.
  std::string file_mode, dir_mode, err;
  ASSERT_EQ(run("extract set/harbour.txt -o h.tsv", nullptr, &err), 0) << err;
  ASSERT_EQ(run("eval kg set/harbour.gold.json h.tsv", &file_mode, &err), 0) << err;
  ASSERT_EQ(run("eval kg set", &dir_mode, &err), 0) << err;
  std::string rates = file_mode.substr(file_mode.find("recall="));
  EXPECT_NE(dir_mode.find("harbour\t"), std::string::npos) << dir_mode;
  EXPECT_NE(dir_mode.find("mean of 1 articles"), std::string::npos) << dir_mode;
  EXPECT_NE(dir_mode.find(rates.substr(0, rates.find('\n'))), std::string::npos) << dir_mode << "\n" << file_mode;

  // --also (repeatable) adds pairs to the mean; --json gives each article and the mean.
  write("extra.txt", kArticle);
  write("extra.gold.json", kGold);
  std::string json;
  ASSERT_EQ(run("eval kg set --also extra.txt extra.gold.json --also extra.txt extra.gold.json --json", &json, &err), 0)
      << err;
  EXPECT_NE(json.find("\"name\": \"extra\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"mean\": {\"articles\": 3"), std::string::npos) << json;
}

TEST_F(EvalKg, UnknownRuleNameFailsOnEveryCommand) {
  if (!have_models() || !fs::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "needs models/ and the relgraph binary";
  write("set/harbour.txt", kArticle);
  write("set/harbour.gold.json", kGold);
  write("one.txt", kArticle);
  write("one.iob2", "1\tClara\tB-PER\n2\tVoss\tI-PER\n3\tspoke\tO\n");
  for (const char* cmd :
       {"extract one.txt", "extract --format carb one.txt", "entities one.txt", "eval kg set", "eval ner one.iob2"}) {
    std::string out, err;
    EXPECT_NE(run(std::string(cmd) + " --disable no.such-rule", &out, &err), 0) << cmd;
    EXPECT_NE(err.find("no.such-rule"), std::string::npos) << cmd << ": " << err;
  }
  std::string out, err;
  EXPECT_EQ(run("rules", &out, &err), 0) << err;
  EXPECT_EQ(run("rules --json", &out, &err), 0) << err;
  EXPECT_EQ(out.front(), '{');
}

TEST_F(EvalKg, EveryListedRuleCanBeDisabled) {
  if (!have_models() || !fs::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "needs models/ and the relgraph binary";
  std::string rules, err;
  ASSERT_EQ(run("rules", &rules, &err), 0) << err;
  std::string all;
  std::istringstream lines(rules);
  for (std::string line; std::getline(lines, line);) all += (all.empty() ? "" : ",") + line.substr(line.find('\t') + 1);
  write("one.txt", kArticle);
  if (all.empty()) GTEST_SKIP() << "no stage lists a rule yet";
  EXPECT_EQ(run("extract one.txt -o one.tsv --disable " + all, nullptr, &err), 0) << err;
}

TEST_F(EvalKg, DisableTakesOneValueAndLeavesTheInputs) {
  if (!have_models() || !fs::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "needs models/ and the relgraph binary";
  write("one.txt", kArticle);
  std::string err;
  // The input after --disable RULE is an input, not a second rule; --disable repeats and splits at commas.
  EXPECT_EQ(run("extract --disable coref.acronym one.txt -o one.tsv", nullptr, &err), 0) << err;
  EXPECT_EQ(
      run("extract --disable coref.acronym --disable coref.alias,coref.surname one.txt -o two.tsv", nullptr, &err), 0)
      << err;
}

}  // namespace
}  // namespace relgraph
