// Corpus mode and streaming with a hand-written extractor (one "S|p|O" fact
// a line), so no model is needed: bad articles are reported and skipped,
// thread count and sharding do not change the graph, and the JSONL mapper's
// shards merged by the reduce step equal the one-process graph.
#include "relgraph/corpus.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "relgraph/io.hpp"
#include "relgraph/pipeline.hpp"
#include "support/builders.hpp"

namespace relgraph {
namespace {

namespace fs = std::filesystem;

// "Ada Lovelace|met|Charles Babbage" lines -> facts; a line "FAIL" throws.
ArticleGraph fake_extract(const std::string& text, const std::string& id) {
  ArticleGraph out;
  std::istringstream in(text);
  int sentence = 0;
  for (std::string line; std::getline(in, line); ++sentence) {
    if (line == "FAIL") throw Error(ErrorKind::InvalidInput, "'" + id + "': cannot extract");
    auto a = line.find('|'), b = line.rfind('|');
    if (a == std::string::npos || a == b) continue;
    auto s = out.graph.add_entity({.id = "", .label = line.substr(0, a), .type = "Person"});
    auto o = out.graph.add_entity({.id = "", .label = line.substr(b + 1), .type = "Person"});
    Evidence ev{.document = id, .sentence = sentence, .begin = 0, .end = line.size(), .text = line};
    out.graph.add_relation(
        s, o, {.predicate = line.substr(a + 1, b - a - 1), .surface = "", .confidence = 0.5, .evidence = {ev}});
    out.tokens += 3;
    ++out.sentences;
  }
  return out;
}

std::string canonical_jsonld(KnowledgeGraph g) {
  g.canonicalize();
  std::ostringstream out;
  make_exporter("jsonld")->write(g, out);
  return out.str();
}

const std::vector<std::pair<std::string, std::string>> kArticles = {
    {"a1.txt", "Ada Lovelace|met|Charles Babbage\nCharles Babbage|designed|Analytical Engine\n"},
    {"a2.txt", "Ada Lovelace|met|Charles Babbage\nMary Somerville|taught|Ada Lovelace\n"},
    {"a3.txt", "John Smith|met|Mary Somerville\n"},
    {"a4.txt", "Jane Smith|visited|London\nAda Lovelace|lived in|London\n"},
};

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n')
      out += "\\n";
    else if (c == '"' || c == '\\')
      out += std::string("\\") + c;
    else
      out += c;
  }
  return out;
}

std::string jsonl_of(std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i < last; ++i)
    out += "{\"id\": \"" + kArticles[i].first + "\", \"text\": \"" + json_escape(kArticles[i].second) + "\"}\n";
  return out;
}

class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("rg_corpus_" + std::to_string(::getpid()) + "_" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir / "corpus" / "sub");
    for (std::size_t i = 0; i < kArticles.size(); ++i) std::ofstream(file_of(i)) << kArticles[i].second;
    std::ofstream(dir / "corpus" / ".hidden") << "Ignored|met|Hidden\n";
  }
  void TearDown() override { fs::remove_all(dir); }

  // The graph of all articles built in one pass; `as_files`: ids are the
  // paths the corpus files were written to (as extract_corpus names them).
  std::string one_pass(bool as_files = false) {
    KnowledgeGraph g;
    for (std::size_t i = 0; i < kArticles.size(); ++i)
      g.merge(fake_extract(kArticles[i].second, as_files ? file_of(i) : kArticles[i].first).graph);
    return canonical_jsonld(g);
  }
  std::string file_of(std::size_t i) const {
    return (dir / "corpus" / (i % 2 ? "sub/" : "") / kArticles[i].first).string();
  }
  fs::path dir;
};

TEST_F(CorpusTest, DirectoryWalkIsSortedRecursiveAndSkipsHiddenFiles) {
  auto files = corpus_files({(dir / "corpus").string()});
  ASSERT_EQ(files.size(), 4u);
  EXPECT_TRUE(files[0].ends_with("a1.txt")) << files[0];
  EXPECT_TRUE(files[3].ends_with("sub/a4.txt")) << files[3];
  EXPECT_THROW(corpus_files({(dir / "missing").string()}), Error);
}

TEST_F(CorpusTest, AnyThreadCountGivesTheOnePassGraph) {
  auto expected = one_pass(true);
  for (int threads : {1, 2, 4}) {
    std::atomic<std::size_t> calls{0}, last_done{0};
    CorpusOptions o{.inputs = {(dir / "corpus").string()},
                    .jsonl = "",
                    .threads = threads,
                    .progress = [&](std::size_t done, std::size_t total, std::size_t) {
                      ++calls;
                      last_done = done;
                      EXPECT_EQ(total, 4u);
                    }};
    auto r = extract_corpus(o, fake_extract);
    EXPECT_EQ(r.articles, 4u);
    EXPECT_TRUE(r.failures.empty());
    EXPECT_EQ(r.sentences, 7u);
    EXPECT_EQ(r.tokens, 21u);
    EXPECT_EQ(calls, 4u);
    EXPECT_EQ(last_done, 4u);
    EXPECT_EQ(canonical_jsonld(r.graph), expected) << threads << " threads";
  }
}

TEST_F(CorpusTest, EntitiesResolveAcrossArticlesButSurnamesDoNotMerge) {
  auto r = extract_corpus({.inputs = {(dir / "corpus").string()}}, fake_extract);
  // Ada Lovelace, Charles Babbage, Analytical Engine, Mary Somerville, John Smith, Jane Smith, London.
  EXPECT_EQ(r.graph.num_entities(), 7u);
  auto ada = r.graph.find_by_key(entity_key("Ada Lovelace"));
  ASSERT_TRUE(ada);
  for (auto e : boost::make_iterator_range(boost::out_edges(*ada, r.graph.graph()))) {
    if (r.graph.edge(e).predicate == "met") {
      EXPECT_EQ(r.graph.edge(e).evidence.size(), 2u);
    }
  }
  EXPECT_TRUE(r.graph.find_by_key(entity_key("John Smith")));
  EXPECT_TRUE(r.graph.find_by_key(entity_key("Jane Smith")));
}

TEST_F(CorpusTest, BadArticlesAreReportedAndSkipped) {
  auto c = dir / "corpus";
  std::ofstream(c / "empty.txt");
  std::ofstream(c / "binary.bin", std::ios::binary) << std::string(
      "\x7f"
      "ELF\0\0\x01\x02",
      8);
  std::ofstream(c / "latin1.txt", std::ios::binary) << "caf\xe9 au lait|met|someone\n";
  std::ofstream(c / "zfail.txt") << "FAIL\n";
  for (int threads : {1, 2}) {
    auto r = extract_corpus({.inputs = {c.string()}, .jsonl = "", .threads = threads}, fake_extract);
    EXPECT_EQ(r.articles, 8u);
    ASSERT_EQ(r.failures.size(), 4u);
    // In input (sorted path) order, each naming its file.
    EXPECT_TRUE(r.failures[0].id.ends_with("binary.bin")) << r.failures[0].id;
    EXPECT_TRUE(r.failures[1].id.ends_with("empty.txt")) << r.failures[1].id;
    EXPECT_TRUE(r.failures[2].id.ends_with("latin1.txt")) << r.failures[2].id;
    EXPECT_TRUE(r.failures[3].id.ends_with("zfail.txt")) << r.failures[3].id;
    for (const auto& f : r.failures) {
      EXPECT_EQ(f.kind, ErrorKind::InvalidInput) << f.message;
      EXPECT_NE(f.message.find(fs::path(f.id).filename().string()), std::string::npos) << f.message;
    }
    EXPECT_EQ(canonical_jsonld(r.graph), one_pass(true));
  }
}

// A stage that takes 400 ms over an article saying "slow", and no time over
// the others: the per-article time limit without models.
struct SlowOnSlow : Stage {
  std::string name() const override { return "slow-on-slow"; }
  std::vector<Layer> needs() const override { return {}; }
  std::vector<Layer> adds() const override { return {}; }
  void process(Document& doc) const override {
    if (doc.text.find("slow") != std::string::npos) std::this_thread::sleep_for(std::chrono::milliseconds(400));
  }
};

TEST_F(CorpusTest, ArticlesOverTheTimeLimitAreReportedAndSkipped) {
  Pipeline pipeline;
  pipeline.add(std::make_unique<SlowOnSlow>());
  auto c = dir / "timed";
  fs::create_directories(c);
  for (const char* name : {"a.txt", "b.txt", "c.txt"})
    std::ofstream(c / name) << (name[0] == 'b' ? "a slow one\n" : "a quick one\n");
  auto expect_slow_skipped = [](const CorpusResult& r, const std::string& at) {
    EXPECT_EQ(r.articles, 3u);
    ASSERT_EQ(r.failures.size(), 1u);
    EXPECT_TRUE(r.failures[0].id.ends_with("b.txt")) << r.failures[0].id;
    EXPECT_EQ(r.failures[0].kind, ErrorKind::InvalidInput);
    EXPECT_NE(r.failures[0].message.find("longer than the time limit of 0.2 s"), std::string::npos)
        << r.failures[0].message;
    EXPECT_NE(r.failures[0].message.find(at), std::string::npos) << r.failures[0].message;
  };
  for (int threads : {1, 2}) {
    CorpusOptions o{.inputs = {c.string()}, .jsonl = "", .threads = threads, .article_timeout = 0.2};
    expect_slow_skipped(extract_corpus(o, pipeline), "stage 'slow-on-slow'");         // stage-major
    expect_slow_skipped(extract_corpus(o, pipeline_extractor(pipeline)), "the end");  // checked after the article
    expect_slow_skipped(extract_corpus({o.inputs, "", threads}, pipeline_extractor(pipeline, {}, 0.2)),
                        "stage 'slow-on-slow'");
    EXPECT_TRUE(extract_corpus({o.inputs, "", threads}, pipeline).failures.empty());  // no limit
  }
  // The mapper: an error line for the slow record, graphs for the others.
  std::istringstream in(
      "{\"id\": \"q1\", \"text\": \"quick\"}\n{\"id\": \"s\", \"text\": \"slow\"}\n"
      "{\"id\": \"q2\", \"text\": \"quick\"}\n");
  std::ostringstream out;
  auto r = stream_corpus(in, out, pipeline_extractor(pipeline, {}, 0.2));
  EXPECT_EQ(r.records, 3u);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].id, "s");
  std::istringstream lines(out.str());
  std::vector<std::string> got;
  for (std::string line; std::getline(lines, line);) got.push_back(line.substr(0, line.find(',')));
  EXPECT_EQ(got, (std::vector<std::string>{"{\"id\":\"q1\"", "{\"id\":\"s\"", "{\"id\":\"q2\""}));
  EXPECT_NE(out.str().find("{\"id\":\"s\",\"error\""), std::string::npos) << out.str();
}

TEST_F(CorpusTest, JsonlRecordsWithBadLines) {
  auto file = dir / "corpus.jsonl";
  std::ofstream(file) << jsonl_of(0, 2) << "\n{not json\n{\"id\": \"no-text\"}\n{\"text\": \"\"}\n" << jsonl_of(2, 4);
  auto r = extract_corpus({.inputs = {}, .jsonl = file.string(), .threads = 2}, fake_extract);
  EXPECT_EQ(r.articles, 7u);
  ASSERT_EQ(r.failures.size(), 3u);
  EXPECT_EQ(r.failures[0].id, file.string() + ":4");
  EXPECT_EQ(r.failures[0].kind, ErrorKind::Format);
  EXPECT_EQ(r.failures[1].id, "no-text");
  EXPECT_EQ(r.failures[2].id, file.string() + ":6");  // empty text
  EXPECT_EQ(canonical_jsonld(r.graph), one_pass());
  EXPECT_THROW(extract_corpus({.inputs = {}, .jsonl = (dir / "nope.jsonl").string()}, fake_extract), Error);
  EXPECT_THROW(extract_corpus({.inputs = {}, .jsonl = "", .threads = 0}, fake_extract), Error);
}

TEST_F(CorpusTest, StreamShardsMergedEqualOnePass) {
  // Three "processes": separate stream_corpus calls over disjoint shards.
  std::string all_lines;
  for (auto [first, last] : {std::pair{0, 1}, std::pair{1, 3}, std::pair{3, 4}}) {
    std::istringstream in(jsonl_of(first, last));
    std::ostringstream out;
    auto r = stream_corpus(in, out, fake_extract, {.format = "jsonl", .threads = 2, .source = "shard"});
    EXPECT_EQ(r.records, static_cast<std::size_t>(last - first));
    // One line per article, each a complete graph.
    std::string lines = out.str();
    EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), last - first);
    all_lines += lines;
  }
  std::istringstream reduce(all_lines);
  EXPECT_EQ(canonical_jsonld(read_graph_lines(reduce, "mapped")), one_pass());
}

TEST_F(CorpusTest, StreamReportsFailuresInline) {
  std::istringstream in(jsonl_of(0, 1) + "{\"id\": \"bad\", \"text\": \"FAIL\"}\nnot json\n" + jsonl_of(1, 2));
  std::ostringstream out;
  auto r = stream_corpus(in, out, fake_extract);
  EXPECT_EQ(r.records, 4u);
  ASSERT_EQ(r.failures.size(), 2u);
  EXPECT_EQ(r.failures[0].id, "bad");
  EXPECT_EQ(r.failures[1].id, "<stdin>:3");
  std::istringstream lines(out.str());
  std::vector<ArticleFailure> failures;
  auto g = read_graph_lines(lines, "out", &failures);
  EXPECT_EQ(failures.size(), 2u);
  KnowledgeGraph expected;
  for (std::size_t i = 0; i < 2; ++i) expected.merge(fake_extract(kArticles[i].second, kArticles[i].first).graph);
  EXPECT_EQ(canonical_jsonld(g), canonical_jsonld(expected));
  std::istringstream junk("{\"id\": 1}\n");
  EXPECT_THROW(read_graph_lines(junk, "junk"), Error);
}

TEST_F(CorpusTest, StreamNTriplesTagsBlankNodesPerArticle) {
  std::istringstream in(jsonl_of(0, 2));
  std::ostringstream out;
  stream_corpus(in, out, fake_extract, {.format = "ntriples"});
  std::set<std::string> tags;
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) {
    ASSERT_TRUE(line.ends_with(" .")) << line;
    if (line.starts_with("_:")) tags.insert(line.substr(0, line.find('_', 2)));
    EXPECT_EQ(line.find(" _:b"), std::string::npos) << line;  // every blank node is tagged
  }
  EXPECT_EQ(tags.size(), 2u);
  std::istringstream again(jsonl_of(0, 1));
  std::ostringstream bad;
  EXPECT_THROW(stream_corpus(again, bad, fake_extract, {.format = "turtle"}), Error);
}

}  // namespace
}  // namespace relgraph

namespace relgraph {
namespace {

// `relgraph merge` as the reduce step over mapper output files (.jsonl).
TEST_F(CorpusTest, MergeCliReducesMapperShards) {
  if (!fs::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "relgraph binary not built";
  std::vector<std::string> shards;
  for (auto [first, last] : {std::pair{0, 2}, std::pair{2, 4}}) {
    std::istringstream in(jsonl_of(first, last));
    shards.push_back((dir / ("part-" + std::to_string(first) + ".jsonl")).string());
    std::ofstream out(shards.back());
    stream_corpus(in, out, fake_extract);
  }
  std::string bin = RELGRAPH_BINARY, out, err;
  auto merged = (dir / "merged.jsonld").string();
  ASSERT_EQ(testing::run_command(bin + " merge " + shards[1] + " " + shards[0] + " -o " + merged, &out, &err), 0)
      << err;
  EXPECT_EQ(canonical_jsonld(load_graph(merged)), one_pass());

  // A failed article in a shard: listed, the rest merged, exit status 1
  // (0 with --ignore-failed).
  std::ofstream(shards[0], std::ios::app)
      << "{\"id\":\"broken.txt\",\"error\":{\"kind\":\"invalid-input\",\"message\":\"binary\"}}\n";
  EXPECT_EQ(testing::run_command(bin + " merge " + shards[0] + " " + shards[1] + " -o " + merged, &out, &err), 1);
  EXPECT_NE(err.find("broken.txt"), std::string::npos) << err;
  EXPECT_EQ(canonical_jsonld(load_graph(merged)), one_pass());
  EXPECT_EQ(
      testing::run_command(bin + " merge --ignore-failed " + shards[0] + " " + shards[1] + " -o " + merged, &out, &err),
      0)
      << err;
  // An output directory that does not exist (or is a file) fails with its name.
  std::ofstream(dir / "plain-file") << "x";
  auto bad = (dir / "plain-file" / "out.jsonld").string();
  EXPECT_NE(testing::run_command(bin + " merge " + shards[1] + " -o " + bad, &out, &err), 0);
  EXPECT_NE(err.find("plain-file"), std::string::npos) << err;
}

}  // namespace
}  // namespace relgraph

namespace relgraph {
namespace {

// The CLI over the real pipeline; skips until the models are trained.
class CorpusCli : public CorpusTest {
 protected:
  void SetUp() override {
    CorpusTest::SetUp();
    if (!fs::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "relgraph binary not built";
    auto probe = dir / "probe.txt";
    std::ofstream(probe) << "The mayor of Springfield met the governor on Monday.\n";
    std::string out, err;
    if (run("extract " + probe.string() + " -o " + (dir / "probe.jsonld").string(), &out, &err) != 0) {
      if (err.find("model") != std::string::npos) GTEST_SKIP() << "models not trained yet: " << err;
      FAIL() << err;
    }
    news = dir / "news";
    fs::create_directories(news);
    for (std::size_t i = 0; i < kNews.size(); ++i) std::ofstream(news / ("n" + std::to_string(i) + ".txt")) << kNews[i];
  }
  int run(const std::string& args, std::string* out, std::string* err) {
    return testing::run_command(std::string(RELGRAPH_BINARY) + " " + args, out, err);
  }
  std::string jsonl(std::size_t first, std::size_t last) {
    std::string s;
    for (std::size_t i = first; i < last; ++i)
      s += "{\"id\": \"n" + std::to_string(i) + "\", \"text\": \"" + json_escape(kNews[i]) + "\"}\n";
    return s;
  }
  const std::vector<std::string> kNews = {
      "Maria Lopez, the mayor of Springfield, met Governor Tom Baker in Denver on Monday.\n"
      "Lopez said the city would build a new bridge.\n",
      "Governor Tom Baker visited Boulder on Tuesday. Baker announced a $5 million grant for schools.\n",
      "The Springfield city council approved the bridge project. Maria Lopez praised the council.\n",
  };
  fs::path news;
};

TEST_F(CorpusCli, DirectoryWithBinaryAndEmptyFilesIsReportedAndSkipped) {
  std::ofstream(news / "empty.txt");
  std::ofstream(news / "image.png", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  auto out_file = (dir / "corpus.jsonld").string();
  std::string out, err;
  EXPECT_EQ(run("extract " + news.string() + " -j 2 -o " + out_file, &out, &err), 1) << err;
  EXPECT_NE(err.find("empty.txt"), std::string::npos) << err;
  EXPECT_NE(err.find("image.png"), std::string::npos) << err;
  EXPECT_NE(err.find("2 of 5 articles failed"), std::string::npos) << err;
  EXPECT_EQ(err.find('\r'), std::string::npos) << "no progress bar when stderr is not a terminal";
  auto g = load_graph(out_file);
  EXPECT_GT(g.num_relations(), 0u);
  // One thread gives the same graph.
  auto one = (dir / "one.jsonld").string();
  EXPECT_EQ(run("extract " + news.string() + " -j 1 -o " + one, &out, &err), 1) << err;
  EXPECT_EQ(canonical_jsonld(load_graph(one)), canonical_jsonld(g));
}

TEST_F(CorpusCli, UnwritableOutputFailsBeforeAnyWork) {
  std::ofstream(dir / "plain-file") << "x";
  std::string out, err;
  EXPECT_NE(run("extract " + news.string() + " -j 2 -o " + (dir / "plain-file" / "g.jsonld").string(), &out, &err), 0);
  EXPECT_NE(err.find("plain-file"), std::string::npos) << err;
  EXPECT_NE(run("extract " + news.string() + " -j 2 -o " + (dir / "no" / "such" / "g.jsonld").string(), &out, &err), 0);
  EXPECT_NE(err.find("does not exist"), std::string::npos) << err;
  if (::geteuid() != 0) {  // root may write anywhere
    fs::create_directories(dir / "readonly");
    fs::permissions(dir / "readonly", fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_NE(run("extract " + news.string() + " -j 2 -o " + (dir / "readonly" / "g.jsonld").string(), &out, &err), 0);
    EXPECT_NE(err.find("not writable"), std::string::npos) << err;
    fs::permissions(dir / "readonly", fs::perms::owner_all);
  }
}

// Issue 7 item 4: N shards mapped by separate processes and merged equal the
// one-process graph.
TEST_F(CorpusCli, StreamShardsInSeparateProcessesMergeToTheOneProcessGraph) {
  std::ofstream(dir / "all.jsonl") << jsonl(0, 3);
  std::ofstream(dir / "s0.jsonl") << jsonl(0, 1);
  std::ofstream(dir / "s1.jsonl") << jsonl(1, 3);
  std::string out, err;
  auto one = (dir / "one.jsonld").string();
  ASSERT_EQ(run("extract --jsonl " + (dir / "all.jsonl").string() + " -o " + one, &out, &err), 0) << err;
  for (const char* s : {"s0", "s1"}) {
    auto in = (dir / (std::string(s) + ".jsonl")).string(),
         part = (dir / (std::string("part-") + s + ".jsonl")).string();
    ASSERT_EQ(
        testing::run_command(std::string(RELGRAPH_BINARY) + " extract --stream -o " + part + " < " + in, &out, &err), 0)
        << err;
  }
  auto merged = (dir / "merged.jsonld").string();
  ASSERT_EQ(run("merge " + (dir / "part-s1.jsonl").string() + " " + (dir / "part-s0.jsonl").string() + " -o " + merged,
                &out, &err),
            0)
      << err;
  EXPECT_EQ(canonical_jsonld(load_graph(merged)), canonical_jsonld(load_graph(one)));
}

}  // namespace
}  // namespace relgraph
