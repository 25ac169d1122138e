// `relgraph eval docred` on Re-DocRED dev, end to end: the figures it prints
// equal docred_score.py's on the predictions it writes, and entity figures
// stay above thresholds. Skips when the data, the binary or python3 is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/builders.hpp"

namespace relgraph {
namespace {

TEST(DocredAccuracy, EndToEndFiguresEqualTheScript) {
  const std::string dev = testing::data_file("redocred/dev.json");
  const std::string script = std::string(RELGRAPH_SOURCE_DIR) + "/../shared/eval/docred_score.py";
  if (dev.empty() || !std::filesystem::exists(script) || !std::filesystem::exists(RELGRAPH_BINARY) ||
      testing::run_command("python3 -c 'pass'") != 0)
    GTEST_SKIP() << "Re-DocRED dev, docred_score.py, the binary or python3 absent";
  const auto pred = std::filesystem::temp_directory_path() / ("docred_pred_" + std::to_string(::getpid()) + ".json");
  std::string ours, theirs;
  ASSERT_EQ(testing::run_command(
                "'" + std::string(RELGRAPH_BINARY) + "' eval docred '" + dev + "' -o '" + pred.string() + "'", &ours),
            0);
  ASSERT_EQ(testing::run_command("python3 '" + script + "' '" + dev + "' '" + pred.string() + "'", &theirs), 0);
  std::filesystem::remove(pred);
  EXPECT_EQ(ours, theirs);
  double mention = 0, coref = 0;
  auto at = ours.find("mentionF1=");
  ASSERT_NE(at, std::string::npos);
  ASSERT_EQ(std::sscanf(ours.c_str() + at, "mentionF1=%lf corefF1=%lf", &mention, &coref), 2);
  EXPECT_GE(mention, 70.0);
  EXPECT_GE(coref, 62.0);
}

}  // namespace
}  // namespace relgraph
