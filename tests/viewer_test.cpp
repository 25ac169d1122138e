// The interactive viewer (`relgraph render ... -o graph.html`) in a real
// browser: Debian's Chromium driven by puppeteer-core (tests/js/viewer-check.js).
// The page must load from one file with no network and no console error, show
// every entity, find an entity by search and show evidence sentences.
// Skips when Chromium or tests/js/node_modules is absent (tools/install-deps.sh).
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/builders.hpp"

namespace fs = std::filesystem;
using relgraph::testing::run_command;

namespace {

// Invented facts; one name carries markup that must stay text, and the
// confidences differ so the confidence filter has something to do.
const char* kTriples =
    "subject\tpredicate\tobject\tconfidence\tsentence\tevidence\tsubject_type\tobject_type\n"
    "Ada Lovelace\tworked with\tCharles Babbage\t0.97\t1\tAda Lovelace worked with Charles Babbage.\tPerson\tPerson\n"
    "Charles Babbage\tdesigned\tAnalytical Engine\t0.8\t2\tBabbage designed the Analytical Engine.\tPerson\tProduct\n"
    "Ada Lovelace\tborn in\tLondon\t0.99\t3\tLovelace was born in London.\tPerson\tPlace\n"
    "Mary Somerville\tmentored\tAda Lovelace\t0.6\t4\tSomerville mentored Lovelace.\tPerson\tPerson\n"
    "Zorbex </script><b>Ltd\tbased in\tLondon\t0.3\t5\tZorbex </script> is based in London.\tOrganization\tPlace\n";

class Viewer : public ::testing::Test {
 protected:
  void SetUp() override {
    js_ = fs::path(RELGRAPH_SOURCE_DIR) / "tests" / "js";
    if (!fs::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "build the relgraph binary first";
    if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "chromium absent (tools/install-deps.sh)";
    if (!fs::exists(js_ / "node_modules" / "puppeteer-core"))
      GTEST_SKIP() << "tests/js/node_modules absent (tools/install-deps.sh)";
    dir_ = fs::temp_directory_path() / ("rg_viewer_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "t.tsv") << kTriples;
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  fs::path js_, dir_;
};

std::string strings(const rapidjson::Value& array) {
  std::string out;
  for (const auto& v : array.GetArray()) out += std::string(v.GetString()) + "\n";
  return out;
}

}  // namespace

TEST_F(Viewer, LoadsSearchesFiltersAndShowsEvidenceInChromium) {
  std::string err;
  std::string page = (dir_ / "graph.html").string();
  ASSERT_EQ(
      run_command("'" + std::string(RELGRAPH_BINARY) + "' render '" + (dir_ / "t.tsv").string() + "' -o '" + page + "'",
                  nullptr, &err),
      0)
      << err;
  std::ifstream in(page);
  std::stringstream html;
  html << in.rdbuf();
  EXPECT_EQ(html.str().find("<script src"), std::string::npos);   // self-contained
  EXPECT_NE(html.str().find("cytoscape 3."), std::string::npos);  // the inlined library names its version

  std::string out;
  ASSERT_EQ(run_command("node '" + (js_ / "viewer-check.js").string() + "' '" + page + "' lovelace", &out, &err), 0)
      << err;
  rapidjson::Document report;
  ASSERT_FALSE(report.Parse(out.c_str()).HasParseError()) << out;
  EXPECT_EQ(strings(report["errors"]), "");
  EXPECT_EQ(strings(report["requests"]), "");  // nothing fetched from a network
  EXPECT_EQ(report["nodes"].GetInt(), 6);
  EXPECT_EQ(report["edges"].GetInt(), 5);
  EXPECT_EQ(std::string(report["visible"].GetString()), "6 of 6 entities, 5 of 5 facts shown");
  ASSERT_EQ(report["search"].Size(), 1u) << out;
  EXPECT_EQ(std::string(report["search"][0].GetString()), "ada_lovelace");
  EXPECT_NE(std::string(report["status"].GetString()).find("1 match: Ada Lovelace"), std::string::npos) << out;
  std::string details = report["details"].GetString();
  EXPECT_NE(details.find("Lovelace was born in London."), std::string::npos) << details;  // evidence sentence
  EXPECT_NE(details.find("sentence 3"), std::string::npos) << details;                    // counted from 1
  // Confidence 0.95 leaves two facts and the three entities they name.
  EXPECT_EQ(std::string(report["filtered"].GetString()), "3 of 6 entities, 2 of 5 facts shown");
  EXPECT_NE(std::string(report["edge_details"].GetString()).find("confidence 0.9"), std::string::npos) << out;
}

TEST_F(Viewer, LargeGraphIsRefusedWithAdvice) {
  std::ofstream big(dir_ / "big.tsv");
  big << "subject\tpredicate\tobject\n";
  for (int i = 0; i < 12000; ++i) big << "node " << i << "\tlinks\tnode " << i + 1 << "\n";
  big.close();
  std::string err;
  EXPECT_EQ(run_command("'" + std::string(RELGRAPH_BINARY) + "' render '" + (dir_ / "big.tsv").string() + "' -o '" +
                            (dir_ / "big.html").string() + "'",
                        nullptr, &err),
            2);
  EXPECT_NE(err.find("--top"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir_ / "big.html"));
}
