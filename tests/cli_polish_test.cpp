// What a new user meets on the command line: suggestions for a mistyped
// subcommand, piped input without `-`, global flags on either side of the
// subcommand, -q/-v everywhere, --min-confidence on every graph command,
// sentence numbers from 1 in every format, convert --to neo4j, query stats'
// relationship types, progress only on a terminal, and pictures that drop
// lone entities, choose a part (--top, --focus) and refuse huge graphs fast.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/builders.hpp"

namespace fs = std::filesystem;
using relgraph::testing::run_command;

namespace {

// Invented facts: sentence numbers count from 1 in TSV.
const char* kTriples =
    "subject\tpredicate\tobject\tconfidence\tsentence\tevidence\tsubject_type\tobject_type\n"
    "Ada Lovelace\tworked with\tCharles Babbage\t0.9\t1\tAda Lovelace worked with Charles Babbage.\tPerson\tPerson\n"
    "Charles Babbage\tdesigned\tAnalytical Engine\t0.8\t2\tBabbage designed the engine.\tPerson\tProduct\n"
    "Ada Lovelace\tborn in\tLondon\t1\t3\tLovelace was born in London.\tPerson\tPlace\n"
    "Mary Somerville\tmentored\tAda Lovelace\t0.4\t4\tSomerville mentored Lovelace.\tPerson\tPerson\n";

class PolishCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "build the relgraph binary first";
    dir_ = fs::temp_directory_path() / ("rg_polish_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    std::ofstream(dir_ / "t.tsv") << kTriples;
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  std::string bin() const { return std::string("'") + RELGRAPH_BINARY + "'"; }
  // Runs in the test directory; stdin is /dev/null unless `args` redirects it.
  int run(const std::string& args, std::string* out = nullptr, std::string* err = nullptr) {
    return run_command("cd '" + dir_.string() + "' && " + bin() + " " + args, out, err);
  }
  int shell(const std::string& line, std::string* out = nullptr, std::string* err = nullptr) {
    return run_command("cd '" + dir_.string() + "' && " + line, out, err);
  }
  std::string slurp(const std::string& name) {
    std::ifstream in(dir_ / name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  fs::path dir_;
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_F(PolishCli, SuggestsTheCommandMeant) {
  struct Case {
    std::string args, message;
  } cases[] = {
      {"extrct t.txt", "'extrct' is not a relgraph command; did you mean 'extract'?"},
      {"-v qurey t.tsv stats", "'qurey' is not a relgraph command; did you mean 'query'?"},
      {"eval kgg x", "'kgg' is not a relgraph eval command; did you mean 'kg'?"},
      {"frobnicate", "'frobnicate' is not a relgraph command (see relgraph --help)"},
  };
  for (const auto& c : cases) {
    std::string err;
    EXPECT_EQ(run(c.args + " < /dev/null", nullptr, &err), 2) << c.args;
    EXPECT_NE(err.find(c.message), std::string::npos) << c.args << "\n" << err;
  }
}

TEST_F(PolishCli, GlobalFlagsBeforeOrAfterTheSubcommand) {
  for (const char* args :
       {"query t.tsv --json stats", "query t.tsv stats --json", "--quiet query t.tsv --json stats"}) {
    std::string out, err;
    ASSERT_EQ(run(args, &out, &err), 0) << args << "\n" << err;
    EXPECT_EQ(out.substr(0, 13), "{\"entities\":5") << args << "\n" << out;
  }
  for (const char* args :
       {"-v convert t.tsv -o a.jsonld", "convert t.tsv -o b.jsonld -v", "convert -v t.tsv -o c.jsonld"}) {
    std::string err;
    ASSERT_EQ(run(args, nullptr, &err), 0) << args << "\n" << err;
    EXPECT_NE(err.find("convert: 5 entities, 4 facts"), std::string::npos) << args << "\n" << err;
  }
  std::string err;
  EXPECT_EQ(run("-q -v rules", nullptr, &err), 2);  // one or the other
}

TEST_F(PolishCli, QuietAndVerboseOnEveryCommand) {
  std::ofstream(dir_ / "a.txt") << "Ada Lovelace met Charles Babbage in London.\n";
  const std::string commands[] = {
      "extract a.txt -o x.tsv",     "parse a.txt -o x.conllu", "entities a.txt",          "render t.tsv -o x.svg",
      "convert t.tsv -o x.graphml", "query t.tsv stats",       "merge t.tsv -o m.jsonld", "rules"};
  for (const auto& c : commands) {
    std::string out, err;
    EXPECT_EQ(run(c + " -q", &out, &err), 0) << c << "\n" << err;
    EXPECT_EQ(err, "") << c;  // quiet: nothing on stderr
    EXPECT_EQ(run(c + " -v", &out, &err), 0) << c << "\n" << err;
  }
  std::string err;
  ASSERT_EQ(run("extract a.txt -o y.tsv -v", nullptr, &err), 0);
  EXPECT_NE(err.find("extract: 1 document(s)"), std::string::npos) << err;
  ASSERT_EQ(run("merge t.tsv -o n.jsonld -v", nullptr, &err), 0);
  EXPECT_NE(err.find("relgraph merge: 1 graphs -> 5 entities"), std::string::npos) << err;
}

TEST_F(PolishCli, PipedInputNeedsNoDash) {
  std::string out, err;
  ASSERT_EQ(shell("cat t.tsv | " + bin() + " convert -o g.jsonld", &out, &err), 0) << err;
  EXPECT_NE(slurp("g.jsonld").find("Charles Babbage"), std::string::npos);
  // The format of piped graphs is recognised, JSON-LD and TSV alike.
  ASSERT_EQ(shell(bin() + " query stats < g.jsonld", &out, &err), 0) << err;
  EXPECT_NE(out.find("entities    5"), std::string::npos) << out;
  ASSERT_EQ(shell(bin() + " render -o p.svg < t.tsv", &out, &err), 0) << err;
  EXPECT_NE(slurp("p.svg").find("<svg"), std::string::npos);
  ASSERT_EQ(shell("echo 'Ada Lovelace met Charles Babbage in London.' | " + bin() + " extract", &out, &err), 0) << err;
  EXPECT_NE(out.find("subject\tpredicate\tobject"), std::string::npos) << out;
  // Without a pipe and without a file: a clear message, not a hang.
  EXPECT_EQ(shell(bin() + " convert -o h.jsonld < /dev/null", &out, &err), 1);
  EXPECT_NE(err.find("standard input is empty"), std::string::npos) << err;
}

TEST_F(PolishCli, ConvertToNeo4jLikeMerge) {
  std::string err;
  ASSERT_EQ(run("convert t.tsv -o neo --to neo4j", nullptr, &err), 0) << err;
  ASSERT_EQ(run("merge t.tsv -o neo-merged --to neo4j", nullptr, &err), 0) << err;
  for (const char* file : {"nodes.csv", "relationships.csv", "import.cypher"}) {
    EXPECT_TRUE(fs::exists(dir_ / "neo" / file)) << file;
    EXPECT_EQ(slurp(std::string("neo/") + file), slurp(std::string("neo-merged/") + file)) << file;
  }
}

TEST_F(PolishCli, SentenceNumbersCountFromOneInEveryFormat) {
  std::string out, err;
  ASSERT_EQ(run("convert t.tsv -o g.jsonld", nullptr, &err), 0) << err;
  EXPECT_NE(slurp("g.jsonld").find("\"sentence\": 3"), std::string::npos);  // born in
  EXPECT_EQ(slurp("g.jsonld").find("\"sentence\": 0"), std::string::npos);
  ASSERT_EQ(run("convert g.jsonld -o g.graphml", nullptr, &err), 0) << err;
  ASSERT_EQ(run("convert g.graphml -o g.nt", nullptr, &err), 0) << err;
  ASSERT_EQ(run("convert g.nt -o back.tsv", nullptr, &err), 0) << err;
  ASSERT_EQ(run("convert t.tsv -o direct.tsv", nullptr, &err), 0) << err;
  EXPECT_EQ(slurp("back.tsv"), slurp("direct.tsv"));  // round trip through JSON-LD, GraphML, N-Triples
  EXPECT_NE(slurp("direct.tsv").find("\t3\tLovelace was born in London."), std::string::npos) << slurp("direct.tsv");
  ASSERT_EQ(run("query t.tsv facts London --json", &out, &err), 0) << err;
  EXPECT_NE(out.find("\"sentence\":3"), std::string::npos) << out;
  ASSERT_EQ(run("query t.tsv facts London", &out, &err), 0) << err;
  EXPECT_NE(out.find("sentence 3: \"Lovelace was born in London.\""), std::string::npos) << out;
  // 0 means unknown, as a missing number does in JSON.
  std::ofstream(dir_ / "zero.tsv") << "subject\tpredicate\tobject\tsentence\tevidence\nA\tmet\tB\t0\tA met B.\n";
  ASSERT_EQ(run("query zero.tsv facts A", &out, &err), 0) << err;
  EXPECT_NE(out.find("    : \"A met B.\""), std::string::npos) << out;
}

TEST_F(PolishCli, MinConfidenceOnEveryGraphCommand) {
  std::string out, err;
  ASSERT_EQ(run("convert t.tsv -o c.tsv --min-confidence 0.85", nullptr, &err), 0) << err;
  EXPECT_EQ(count(slurp("c.tsv"), "\n"), 3u) << slurp("c.tsv");  // header + 0.9 + 1
  ASSERT_EQ(run("query t.tsv --min-confidence 0.85 stats", &out, &err), 0) << err;
  EXPECT_NE(out.find("relations   2"), std::string::npos) << out;
  ASSERT_EQ(run("render t.tsv -o r.svg --min-confidence 0.85", nullptr, &err), 0) << err;
  EXPECT_EQ(slurp("r.svg").find("Somerville"), std::string::npos);
  EXPECT_NE(slurp("r.svg").find("Babbage"), std::string::npos);
  std::ofstream(dir_ / "a.txt") << "Ada Lovelace met Charles Babbage in London. Babbage lives in Paris.\n";
  ASSERT_EQ(run("extract a.txt -o all.tsv", nullptr, &err), 0) << err;
  ASSERT_EQ(run("extract a.txt -o sure.tsv --min-confidence 0.99", nullptr, &err), 0) << err;
  EXPECT_GT(count(slurp("all.tsv"), "\n"), count(slurp("sure.tsv"), "\n")) << slurp("all.tsv");
  EXPECT_EQ(run("convert t.tsv -o d.tsv --min-confidence 2", nullptr, &err), 2);
}

TEST_F(PolishCli, StatsCountRelationshipTypes) {
  std::string out, err;
  ASSERT_EQ(run("query t.tsv stats", &out, &err), 0) << err;
  EXPECT_NE(out.find("relationship types  4\n"), std::string::npos) << out;
  ASSERT_EQ(run("query t.tsv stats --json", &out, &err), 0) << err;
  EXPECT_NE(out.find("\"relationship_types\":4"), std::string::npos) << out;
}

TEST_F(PolishCli, PicturesDropLoneEntitiesAndDrawAPart) {
  std::string err;
  ASSERT_EQ(run("render t.tsv -o focus.svg --focus London --hops 1", nullptr, &err), 0) << err;
  EXPECT_NE(slurp("focus.svg").find(">London<"), std::string::npos);
  EXPECT_NE(slurp("focus.svg").find(">Ada Lovelace<"), std::string::npos);
  EXPECT_EQ(slurp("focus.svg").find("Babbage"), std::string::npos);
  ASSERT_EQ(run("render t.tsv -o top.svg --top 2", nullptr, &err), 0) << err;
  EXPECT_EQ(count(slurp("top.svg"), "class=\"node\""), 3u);  // two entities and the legend
  ASSERT_EQ(run("render t.tsv -o lone.svg --focus London --hops 0", nullptr, &err), 0) << err;
  EXPECT_EQ(count(slurp("lone.svg"), "class=\"node\""), 0u);  // a lone entity is not drawn
  ASSERT_EQ(run("render t.tsv -o kept.svg --focus London --hops 0 --keep-isolated", nullptr, &err), 0) << err;
  EXPECT_EQ(count(slurp("kept.svg"), "class=\"node\""), 2u);  // London and the legend
}

TEST_F(PolishCli, HugeGraphIsRefusedOrDrawnInPartWithinTenSeconds) {
  {
    std::ofstream big(dir_ / "big.tsv");
    big << "subject\tpredicate\tobject\tconfidence\n";
    for (int i = 0; i < 100000; ++i)
      big << "Entity " << i << "\t" << (i % 7 ? "works with" : "is part of") << "\tEntity " << (i * 7919 + 1) % 100000
          << "\t0.5\n";
  }
  // The bound is on CPU time (what the run costs on an idle machine): the test
  // machine's wall time varies several-fold with the other jobs on it.
  auto cpu_seconds = [] {
    rusage u{};
    ::getrusage(RUSAGE_CHILDREN, &u);
    auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return s(u.ru_utime) + s(u.ru_stime);
  };
  auto timed = [&](const std::string& args, std::string* err) {
    double cpu = cpu_seconds();
    auto start = std::chrono::steady_clock::now();
    int status = run(args, nullptr, err);
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(cpu_seconds() - cpu, 10.0) << args;
    EXPECT_LT(wall, 60.0) << args;  // no hang, however busy the machine
    return status;
  };
  std::string err;
  EXPECT_EQ(timed("render big.tsv -o big.png", &err), 2);
  EXPECT_NE(err.find("--top N"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir_ / "big.png"));
  EXPECT_EQ(timed("render big.tsv -o top.svg --top 100", &err), 0) << err;
}

TEST_F(PolishCli, CorpusProgressWithRateAndEtaOnlyOnATerminal) {
  if (run_command("script --version") != 0) GTEST_SKIP() << "script(1) absent (util-linux)";
  fs::create_directories(dir_ / "corpus");
  for (const char* name : {"a.txt", "b.txt", "c.txt"})
    std::ofstream(dir_ / "corpus" / name) << "Ada Lovelace met Charles Babbage in London.\n";
  std::string out, err;
  // script(1) gives the command a terminal; its output is what the terminal showed.
  ASSERT_EQ(shell("script -qec \"" + bin() + " extract corpus -o c1.tsv\" /dev/null", &out, &err), 0) << err;
  EXPECT_NE(out.find("3/3 articles"), std::string::npos) << out;
  EXPECT_NE(out.find("articles/s"), std::string::npos) << out;
  EXPECT_NE(out.find("ETA"), std::string::npos) << out;
  ASSERT_EQ(shell("script -qec \"" + bin() + " extract corpus -o c2.tsv -q\" /dev/null", &out, &err), 0) << err;
  EXPECT_EQ(out.find("articles/s"), std::string::npos) << out;
  ASSERT_EQ(run("extract corpus -o c3.tsv", &out, &err), 0) << err;  // stderr is a pipe: no progress
  EXPECT_EQ(err.find("articles/s"), std::string::npos) << err;
}
