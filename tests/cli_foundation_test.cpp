// CLI tests for `relgraph convert` and `relgraph render`: run the built binary
// on small hand-written graphs, check outputs, exit codes and messages.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/builders.hpp"

namespace fs = std::filesystem;
using relgraph::testing::run_command;

namespace {

const char* kTriples =
    "subject\tpredicate\tobject\tconfidence\tsubject_type\tobject_type\n"
    "Ada Lovelace\tworked with\tCharles Babbage\t0.9\tPerson\tPerson\n"
    "Charles Babbage\tdesigned\tAnalytical Engine\t0.8\tPerson\tProduct\n"
    "Ada Lovelace\tborn in\tLondon\t1\tPerson\tPlace\n"
    "\"Caf\xC3\xA9 \"\"Le <Pr\xC3\xA9>\"\"\"\tlocated in\tLondon\t0.5\tPlace\tPlace\n";

class FoundationCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "build the relgraph binary first";
    dir_ = fs::temp_directory_path() / ("rg_cli_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    std::ofstream(dir_ / "t.tsv") << kTriples;
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  int run(const std::string& args, std::string* out = nullptr, std::string* err = nullptr) {
    return run_command("cd '" + dir_.string() + "' && '" + RELGRAPH_BINARY + "' " + args, out, err);
  }
  std::string slurp(const std::string& name) {
    std::ifstream in(dir_ / name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::size_t files() {
    std::size_t n = 0;
    for (auto& e : fs::directory_iterator(dir_)) (void)e, ++n;
    return n;
  }
  fs::path dir_;
};

}  // namespace

TEST_F(FoundationCli, HelpOnEachCommand) {
  for (const char* cmd : {"convert", "render"}) {
    std::string out;
    EXPECT_EQ(run(std::string(cmd) + " --help", &out), 0) << cmd;
    EXPECT_NE(out.find("--output"), std::string::npos) << out;
  }
}

TEST_F(FoundationCli, ConvertTsvToEveryFormatAndBack) {
  std::string err;
  ASSERT_EQ(run("convert t.tsv -o g.graphml", nullptr, &err), 0) << err;
  EXPECT_NE(slurp("g.graphml").find("<graphml"), std::string::npos);
  ASSERT_EQ(run("convert g.graphml -o g.jsonld", nullptr, &err), 0) << err;
  ASSERT_EQ(run("convert g.jsonld -o g2.graphml", nullptr, &err), 0) << err;
  EXPECT_EQ(slurp("g.graphml"), slurp("g2.graphml"));
  for (const char* out : {"g.dot", "g.nt", "back.tsv"})
    ASSERT_EQ(run(std::string("convert g.jsonld -o ") + out, nullptr, &err), 0) << err;
  EXPECT_NE(slurp("g.dot").find("digraph"), std::string::npos);
  EXPECT_NE(slurp("back.tsv").find("Caf\xC3\xA9 \"\"Le <Pr\xC3\xA9>\"\""), std::string::npos);
}

TEST_F(FoundationCli, StdinAndStdout) {
  std::string out, err;
  ASSERT_EQ(run("convert - --from tsv -o - --to jsonld < t.tsv", &out, &err), 0) << err;
  EXPECT_NE(out.find("\"@graph\""), std::string::npos);
  // Without --from, piped input is recognised by its first bytes.
  ASSERT_EQ(run("convert - -o - --to tsv < t.tsv", &out, &err), 0) << err;
  EXPECT_EQ(out.substr(0, 8), "subject\t");
  std::ofstream(dir_ / "odd.txt") << "no graph here\n";
  EXPECT_EQ(run("convert - -o - --to tsv < odd.txt", &out, &err), 2);
  EXPECT_NE(err.find("standard input; name it with --from"), std::string::npos) << err;
}

TEST_F(FoundationCli, RenderSvgPngPdf) {
  std::string err;
  for (const char* layout : {"dot", "neato", "fdp", "sfdp"}) {
    ASSERT_EQ(run(std::string("render t.tsv -o g.svg --layout ") + layout, nullptr, &err), 0) << layout << err;
    std::string svg = slurp("g.svg");
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("worked with"), std::string::npos) << layout;   // edge labels are predicates
    EXPECT_NE(svg.find("Entity types"), std::string::npos) << layout;  // the legend
    EXPECT_NE(svg.find("Caf\xC3\xA9 &quot;Le &lt;Pr\xC3\xA9&gt;&quot;"), std::string::npos) << layout;
  }
  ASSERT_EQ(run("render t.tsv -o g.png", nullptr, &err), 0) << err;
  ASSERT_EQ(run("render t.tsv -o g.pdf --no-legend", nullptr, &err), 0) << err;
  EXPECT_EQ(slurp("g.png").substr(1, 3), "PNG");
  EXPECT_EQ(slurp("g.pdf").substr(0, 4), "%PDF");
  std::string out;
  ASSERT_EQ(run("render t.tsv -o - --format svg", &out, &err), 0) << err;
  EXPECT_NE(out.find("<svg"), std::string::npos);
}

TEST_F(FoundationCli, FailuresNameTheCulpritAndLeaveNoFile) {
  std::ofstream(dir_ / "bad.jsonld") << "{\"@graph\": [";
  std::ofstream(dir_ / "bad.graphml") << "<graphml><graph><node id=";
  std::ofstream(dir_ / "bad.tsv") << "subject\tpredicate\n";
  struct Case {
    std::string args, culprit;
    int status;
  };
  const Case cases[] = {
      {"convert missing.tsv -o out.graphml", "missing.tsv", 1},
      {"convert bad.jsonld -o out.graphml", "bad.jsonld' line 1", 1},
      {"convert bad.graphml -o out.jsonld", "bad.graphml", 1},
      {"convert bad.tsv -o out.jsonld", "bad.tsv", 1},
      {"convert t.tsv -o out.xyz", "out.xyz", 2},
      {"convert t.tsv -o out.txt --to graphviz", "graphviz", 2},
      {"convert t.tsv -o no/such/dir/out.jsonld", "no/such/dir", 1},
      {"render t.tsv -o out.gif", "gif", 2},
      {"render bad.jsonld -o out.svg", "bad.jsonld", 1},
      {"render t.tsv -o out.svg --layout circus", "circus", 2},
  };
  std::size_t before = files();
  for (const auto& c : cases) {
    std::string err;
    EXPECT_EQ(run(c.args, nullptr, &err), c.status) << c.args << "\n" << err;
    EXPECT_NE(err.find(c.culprit), std::string::npos) << c.args << "\n" << err;
  }
  EXPECT_EQ(files(), before);  // no partial or temporary output left behind
}
