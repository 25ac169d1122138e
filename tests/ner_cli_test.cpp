// Command-line tests for `relgraph entities`, `relgraph eval ner` and
// `relgraph train ner` (help and errors). Skips when the binary or models/ner.bin is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/builders.hpp"

using relgraph::testing::run_command;

namespace {

bool ready() {
  return std::filesystem::exists(RELGRAPH_BINARY) &&
         std::filesystem::exists(std::string(RELGRAPH_SOURCE_DIR) + "/models/ner.bin");
}

std::string bin() { return std::string(RELGRAPH_BINARY); }

std::string temp_file(const std::string& name, const std::string& content) {
  auto p = std::filesystem::temp_directory_path() / name;
  std::ofstream(p) << content;
  return p.string();
}

}  // namespace

TEST(NerCli, HelpOnEverySubcommand) {
  if (!std::filesystem::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "relgraph binary not built";
  for (const char* cmd : {"entities", "eval ner", "train ner"}) {
    std::string out;
    EXPECT_EQ(run_command(bin() + " " + cmd + " --help", &out), 0) << cmd;
    EXPECT_NE(out.find("Usage"), std::string::npos) << cmd;
  }
}

TEST(NerCli, EntitiesPrintsIob2ColumnsAndJson) {
  if (!ready()) GTEST_SKIP() << "binary or models/ner.bin absent";
  std::string in = temp_file("rg_ner_in.txt", "John Smith visited Paris in October 2017 .\nHello there .\n");
  std::string out;
  ASSERT_EQ(run_command(bin() + " entities " + in + " --pretokenized --format iob2", &out), 0);
  std::istringstream lines(out);
  std::string line;
  int words = 0, blanks = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) {
      ++blanks;
      continue;
    }
    ++words;
    auto tab1 = line.find('\t'), tab2 = line.rfind('\t');
    ASSERT_NE(tab1, tab2) << line;
    std::string tag = line.substr(tab2 + 1);
    EXPECT_TRUE(tag == "O" || tag.starts_with("B-") || tag.starts_with("I-")) << line;
  }
  EXPECT_EQ(words, 11);
  EXPECT_EQ(blanks, 2);
  ASSERT_EQ(run_command("cat " + in + " | " + bin() + " entities - --pretokenized --json", &out), 0);
  EXPECT_NE(out.find("\"type\": \"DATE\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"value\": \"2017-10\""), std::string::npos) << out;
}

TEST(NerCli, EvalNerScoresAGoldFile) {
  if (!ready()) GTEST_SKIP() << "binary or models/ner.bin absent";
  std::string gold = temp_file("rg_ner_gold.iob2", "1\tMary\tB-PER\n2\tlives\tO\n3\tin\tO\n4\tGermany\tB-LOC\n\n");
  std::string out;
  ASSERT_EQ(run_command(bin() + " eval ner " + gold + " --json", &out), 0);
  EXPECT_NE(out.find("\"overall\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"LOC\""), std::string::npos) << out;
}

TEST(NerCli, ErrorsNameTheCulprit) {
  if (!ready()) GTEST_SKIP() << "binary or models/ner.bin absent";
  std::string in = temp_file("rg_ner_in2.txt", "Hello .\n");
  std::string out, err;
  EXPECT_EQ(run_command(bin() + " entities " + in + " --format xml", &out, &err), 2);
  EXPECT_NE(err.find("xml"), std::string::npos) << err;
  std::string bad = temp_file("rg_ner_bad.iob2", "1\tMary\n");
  EXPECT_EQ(run_command(bin() + " eval ner " + bad, &out, &err), 1);
  EXPECT_NE(err.find("rg_ner_bad.iob2:1"), std::string::npos) << err;
}
