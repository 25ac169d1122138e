// End-to-end tests of `relgraph parse`, `relgraph eval ud` and `relgraph train
// tokenizer` through the built binary (skipped when it is not built).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/builders.hpp"

namespace fs = std::filesystem;
using relgraph::testing::run_command;

namespace {

class TextCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "build the relgraph binary first";
    dir_ = fs::path(::testing::TempDir()) / ("text_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string write(const std::string& name, const std::string& content) {
    auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  int relgraph(const std::string& args, std::string* out, std::string* err = nullptr) {
    return run_command("'" + std::string(RELGRAPH_BINARY) + "' " + args, out, err);
  }
  std::string models_flag() const { return " --models '" + std::string(RELGRAPH_SOURCE_DIR) + "/models'"; }
  fs::path dir_;
};

const char* kGold =
    "# newdoc id = d1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# newpar id = p2\n"
    "# text = Tom's cat sleeps.\n"
    "1-2\tTom's\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tTom\tTom\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
    "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
    "3\tcat\tcat\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
    "4\tsleeps\tsleep\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n";

}  // namespace

TEST_F(TextCli, ParsePrintsConlluWithRangesAndOffsets) {
  auto in = write("in.txt", "I don't know.\n\nHi there");
  std::string out, err;
  ASSERT_EQ(relgraph("parse '" + in + "' --until tokens" + models_flag(), &out, &err), 0) << err;
  EXPECT_NE(out.find("# text = I don't know."), std::string::npos) << out;
  EXPECT_NE(out.find("2-3\tdon't\t"), std::string::npos) << out;
  EXPECT_NE(out.find("3\tn't\t"), std::string::npos) << out;
  EXPECT_NE(out.find("TokenRange=0:1"), std::string::npos) << out;
  EXPECT_NE(out.find("# newpar\n# sent_id = 2\n# text = Hi there"), std::string::npos) << out;
}

TEST_F(TextCli, ParseReadsWordListsFromTheSchemasGiven) {
  // A copy of schemas/ whose clitic list lacks "ll": "she'll" is no longer split.
  const fs::path schemas = dir_ / "schemas";
  fs::copy(fs::path(RELGRAPH_SOURCE_DIR) / "schemas", schemas, fs::copy_options::recursive);
  std::ofstream(schemas / "lexicon" / "clitics.tsv", std::ios::trunc) << "# test list\ns\nm\nd\nre\nve\n";
  auto in = write("in.txt", "I think she'll go.");
  std::string out, err;
  ASSERT_EQ(relgraph("parse '" + in + "' --until tokens" + models_flag(), &out, &err), 0) << err;
  EXPECT_NE(out.find("\t'll\t"), std::string::npos) << out;
  ASSERT_EQ(
      relgraph("parse '" + in + "' --until tokens --schemas '" + schemas.string() + "'" + models_flag(), &out, &err), 0)
      << err;
  EXPECT_EQ(out.find("\t'll\t"), std::string::npos) << out;
}

TEST_F(TextCli, ParsePretokenizedKeepsWords) {
  auto in = write("pre.txt", "I do n't know .\nHi\n");
  std::string out, err;
  ASSERT_EQ(relgraph("parse --pretokenized --until tokens -o '" + (dir_ / "o.conllu").string() + "' '" + in + "'" +
                         models_flag(),
                     &out, &err),
            0)
      << err;
  std::ifstream f(dir_ / "o.conllu");
  std::string conllu((std::istreambuf_iterator<char>(f)), {});
  EXPECT_NE(conllu.find("3\tn't\t"), std::string::npos) << conllu;
  EXPECT_EQ(conllu.find("2-3"), std::string::npos) << conllu;
  EXPECT_NE(conllu.find("# text = Hi"), std::string::npos) << conllu;
}

TEST_F(TextCli, ParseRejectsBadInputClearly) {
  std::string out, err;
  auto empty = write("empty.txt", "");
  EXPECT_NE(relgraph("parse '" + empty + "' --until tokens", &out, &err), 0);
  EXPECT_NE(err.find("empty.txt"), std::string::npos) << err;
  auto binary = write("nul.txt", std::string("a\0b", 3));
  EXPECT_NE(relgraph("parse '" + binary + "' --until tokens", &out, &err), 0);
  EXPECT_NE(err.find("NUL"), std::string::npos) << err;
  EXPECT_NE(relgraph("parse '" + (dir_ / "missing.txt").string() + "'", &out, &err), 0);
  EXPECT_NE(err.find("missing.txt"), std::string::npos) << err;
}

TEST_F(TextCli, EvalUdScoresTokenizationAndSystemFiles) {
  auto gold = write("gold.conllu", kGold);
  std::string out, err;
  ASSERT_EQ(relgraph("eval ud '" + gold + "' --until tokens" + models_flag(), &out, &err), 0) << err;
  EXPECT_NE(out.find("== raw text"), std::string::npos) << out;
  EXPECT_NE(out.find("Tokens     |    100.00 |    100.00 |    100.00"), std::string::npos) << out;
  EXPECT_NE(out.find("Sentences  |    100.00 |    100.00 |    100.00"), std::string::npos) << out;
  EXPECT_EQ(out.find("UPOS"), std::string::npos) << out;

  ASSERT_EQ(relgraph("eval ud '" + gold + "' --system '" + gold + "' --json", &out, &err), 0) << err;
  EXPECT_NE(out.find("\"system file\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"LAS\": {\"precision\": 100.00, \"recall\": 100.00, \"f1\": 100.00"), std::string::npos) << out;

  EXPECT_NE(relgraph("eval ud '" + gold + "' --mode nonsense", &out, &err), 0);
  EXPECT_NE(err.find("nonsense"), std::string::npos) << err;
}

TEST_F(TextCli, TrainTokenizerWritesModelAndMeta) {
  auto gold = write("train.conllu", kGold);
  auto model = (dir_ / "splitter.bin").string();
  std::string out, err;
  ASSERT_EQ(
      relgraph("train tokenizer --train '" + gold + "' --dev '" + gold + "' --epochs 2 -o '" + model + "'", &out, &err),
      0)
      << err;
  EXPECT_TRUE(fs::exists(model));
  std::ifstream meta(dir_ / "splitter.meta.json");
  std::string json((std::istreambuf_iterator<char>(meta)), {});
  EXPECT_NE(json.find("\"command\": \"relgraph train tokenizer --train"), std::string::npos) << json;
  EXPECT_NE(json.find("\"dev_sentence_f1\""), std::string::npos) << json;
}

TEST_F(TextCli, HelpOnEverySubcommand) {
  std::string out;
  for (const char* cmd : {"parse --help", "eval ud --help", "train tokenizer --help"}) {
    EXPECT_EQ(relgraph(cmd, &out), 0) << cmd;
    EXPECT_NE(out.find("Usage"), std::string::npos) << cmd;
  }
}
