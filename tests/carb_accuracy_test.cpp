// Accuracy of the relation extractor on the whole CaRB development split,
// through the CLI (`extract --format carb` + `eval carb --json`), with slack
// below the measured scores (docs/relations.md). Label "accuracy"; skips
// without the data, the models or the binary.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "support/builders.hpp"

namespace relgraph {
namespace {

double json_number(const std::string& json, const std::string& key) {
  auto at = json.find("\"" + key + "\":");
  if (at == std::string::npos) return -1;
  return std::stod(json.substr(at + key.size() + 3));
}

TEST(CarbAccuracy, DevelopmentSplit) {
  std::string dev = testing::data_file("carb/dev.txt");
  std::string models = std::string(RELGRAPH_SOURCE_DIR) + "/models";
  if (dev.empty() || !std::filesystem::exists(models + "/parser.bin") || !std::filesystem::exists(RELGRAPH_BINARY))
    GTEST_SKIP() << "needs ../shared/data/carb, models/ and the relgraph binary";
  std::string tsv = ::testing::TempDir() + "carb-dev.tsv";
  std::string out, err;
  ASSERT_EQ(testing::run_command("'" + std::string(RELGRAPH_BINARY) + "' extract --format carb --pretokenized '" + dev +
                                     "' -o '" + tsv + "'",
                                 &out, &err),
            0)
      << err;
  ASSERT_EQ(testing::run_command("'" + std::string(RELGRAPH_BINARY) + "' eval carb --json '" +
                                     testing::data_file("carb/dev.gold.tsv") + "' '" + tsv + "'",
                                 &out, &err),
            0)
      << err;
  EXPECT_GT(json_number(out, "f1"), 0.45) << out;
  EXPECT_GT(json_number(out, "auc"), 0.30) << out;
  // The independent scorer (tools/carb_score.py) gives the same figures.
  std::string theirs;
  if (testing::run_command("python3 -c 'pass'") == 0) {
    ASSERT_EQ(testing::run_command("python3 '" + std::string(RELGRAPH_SOURCE_DIR) + "/tools/carb_score.py' '" +
                                       testing::data_file("carb/dev.gold.tsv") + "' '" + tsv + "'",
                                   &theirs, &err),
              0)
        << err;
    char expected[128];
    std::snprintf(expected, sizeof expected, "precision %.4f recall %.4f F1 %.4f AUC %.4f",
                  json_number(out, "precision"), json_number(out, "recall"), json_number(out, "f1"),
                  json_number(out, "auc"));
    EXPECT_EQ(theirs.substr(0, theirs.find('\n')), expected);
  }
}

}  // namespace
}  // namespace relgraph
