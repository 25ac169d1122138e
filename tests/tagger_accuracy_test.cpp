// Accuracy of the committed models/tagger.bin on UD English-EWT dev and test
// with gold tokenization (label "accuracy"; skips without the data or model).
#include <gtest/gtest.h>

#include <filesystem>

#include "support/builders.hpp"
#include "tag/tagger.hpp"
#include "tag/tagger_trainer.hpp"
#include "text/conllu.hpp"

using namespace relgraph;

TEST(TaggerAccuracy, EwtDevAndTest) {
  std::string model = std::string(RELGRAPH_SOURCE_DIR) + "/models/tagger.bin";
  if (!std::filesystem::exists(model)) GTEST_SKIP() << "models/tagger.bin not present";
  Tagger tagger = Tagger::load(model);
  struct Case {
    std::string file;
    double upos, xpos, lemma;
  };
  // Slack of ~0.5 point below the scores recorded in models/tagger.meta.json.
  const Case cases[] = {
      {"ud-english-ewt/en_ewt-ud-dev.conllu", 94.5, 94.0, 96.5},
      {"ud-english-ewt/en_ewt-ud-test.conllu", 95.0, 94.5, 96.5},
  };
  for (const auto& c : cases) {
    std::string path = relgraph::testing::data_file(c.file);
    if (path.empty()) GTEST_SKIP() << c.file << " not present";
    TaggerScores s = evaluate_tagger(tagger, read_conllu_file(path));
    EXPECT_GE(s.upos, c.upos) << c.file;
    EXPECT_GE(s.xpos, c.xpos) << c.file;
    EXPECT_GE(s.lemma, c.lemma) << c.file;
    EXPECT_GT(s.words, 20000u);
  }
}
