// Accuracy and load time of the committed models/parser.bin on UD English-EWT
// dev and test with gold tokenization, with gold tags and with tags predicted
// by models/tagger.bin (label "accuracy"; skips without the data or models).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "parse/parser.hpp"
#include "parse/parser_trainer.hpp"
#include "support/builders.hpp"
#include "tag/tagger.hpp"
#include "text/conllu.hpp"

using namespace relgraph;

namespace {
const std::string kModels = std::string(RELGRAPH_SOURCE_DIR) + "/models";
}

TEST(ParserAccuracy, EwtWithGoldTags) {
  if (!std::filesystem::exists(kModels + "/parser.bin")) GTEST_SKIP() << "models/parser.bin not present";
  auto start = std::chrono::steady_clock::now();
  Parser parser = Parser::load(kModels + "/parser.bin");
  double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("models/parser.bin loaded in %.1f ms\n", load_ms);
  EXPECT_LT(load_ms, 500.0);  // well under 100 ms on an idle machine; slack for shared CI
  struct Case {
    std::string file;
    double uas, las;
  };
  // About one point below the scores recorded in models/parser.meta.json.
  const Case cases[] = {
      {"ud-english-ewt/en_ewt-ud-dev.conllu", 87.0, 84.5},
      {"ud-english-ewt/en_ewt-ud-test.conllu", 87.0, 84.5},
  };
  for (const auto& c : cases) {
    std::string path = relgraph::testing::data_file(c.file);
    if (path.empty()) GTEST_SKIP() << c.file << " not present";
    AttachmentScores s = evaluate_parser(parser, read_conllu_file(path).sentences);
    EXPECT_GT(s.words, 20000u);
    EXPECT_GE(s.uas(), c.uas) << c.file;
    EXPECT_GE(s.las(), c.las) << c.file;
  }
}

TEST(ParserAccuracy, EwtWithPredictedTags) {
  if (!std::filesystem::exists(kModels + "/parser.bin")) GTEST_SKIP() << "models/parser.bin not present";
  if (!std::filesystem::exists(kModels + "/tagger.bin")) GTEST_SKIP() << "models/tagger.bin not present";
  Parser parser = Parser::load(kModels + "/parser.bin");
  Tagger tagger = Tagger::load(kModels + "/tagger.bin");
  struct Case {
    std::string file;
    double uas, las;
  };
  // The targets on test are UAS 85 / LAS 82; about one point of slack below measured.
  const Case cases[] = {
      {"ud-english-ewt/en_ewt-ud-dev.conllu", 83.5, 80.5},
      {"ud-english-ewt/en_ewt-ud-test.conllu", 84.5, 81.5},
  };
  for (const auto& c : cases) {
    std::string path = relgraph::testing::data_file(c.file);
    if (path.empty()) GTEST_SKIP() << c.file << " not present";
    auto sentences = read_conllu_file(path).sentences;
    for (auto& s : sentences) tagger.tag(s);
    AttachmentScores s = evaluate_parser(parser, sentences);
    EXPECT_GE(s.uas(), c.uas) << c.file;
    EXPECT_GE(s.las(), c.las) << c.file;
  }
}
