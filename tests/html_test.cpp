// HTML pages in: three site layouts written for these tests (tests/data/html:
// a semantic newsroom page with JSON-LD, a div-soup blog page with og: tags,
// a table layout with <br> paragraphs) must give exactly the article's
// paragraphs, none of the furniture, and the page metadata.
#include "article/html.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "relgraph/error.hpp"
#include "support/builders.hpp"

namespace relgraph {
namespace {

std::string page(const std::string& name) {
  std::ifstream in(std::filesystem::path(RELGRAPH_SOURCE_DIR) / "tests" / "data" / "html" / name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Expected {
  std::string title, author, publisher, date_published, dateline, section;
};

struct Case {
  const char* file;
  std::vector<std::string> paragraphs;  // the whole text, in order
  Expected metadata;
};

const Case kCases[] = {
    {"newsroom.html",
     {"PORTVALE (Coastal Wire) - The Portvale harbour council approved a new ferry line to the island of Wrenholm on "
      "Tuesday, ending a dispute that had lasted three years.",
      "Council chair Edwin Harrow said the service would start in June, with four crossings a day operated by "
      "Bluewake Ferries, a company based in Saltmere.",
      "Residents of Wrenholm, who now rely on a single weekly boat, welcomed the decision, although some warned that "
      "the fares were too high for families.",
      "The council will review the timetable after the first summer, Harrow added."},
     {.title = "Harbour council approves new ferry line",
      .author = "Marta Quillon",
      .publisher = "The Coastal Ledger",
      .date_published = "2031-04-07T08:15:00Z",
      .dateline = "Portvale",
      .section = "Local"}},
    {"divsoup.html",
     {"Brightfield Labs, the battery maker founded by engineer Ilse Varga, opened a research centre in Kellan on "
      "Wednesday, creating about 300 jobs.",
      "Varga told reporters that the centre would focus on cheaper storage for wind farms, and that the company had "
      "signed an agreement with the University of Kellan.",
      "The regional government contributed 12 million euros to the project, according to a statement from the "
      "economy ministry.",
      "Critics said the subsidy favoured a single firm, but the ministry rejected that view."},
     {.title = "Brightfield Labs opens research centre in Kellan",
      .author = "Tomas Ferreiro",
      .publisher = "Daily Circuit",
      .date_published = "2032-11-19T14:40:00+01:00",
      .dateline = "",
      .section = "Technology"}},
    {"legacy.html",
     {"Repairs to the Orlen Valley dam have been delayed until the spring after heavy floods damaged the access road, "
      "the county engineer, Petra Lindqvist, said on Monday.",
      "Lindqvist said crews from Stonebridge Construction would return in April, once the road to the dam has been "
      "rebuilt by the county.",
      "The dam, which was built in 1962, supplies water to about 40,000 homes in the valley, and officials said the "
      "supply was not at risk."},
     {.title = "Valley Gazette: Dam repairs delayed by floods",
      .author = "",
      .publisher = "",
      .date_published = "2029-02-03",
      .dateline = "",
      .section = ""}},
};

TEST(HtmlArticle, ThreeLayoutsGiveTheArticleAndItsMetadata) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.file);
    std::string html = page(c.file);
    ASSERT_FALSE(html.empty());
    EXPECT_TRUE(looks_like_html(html));
    auto a = read_html_article(html, c.file);
    std::string expected;
    for (const auto& p : c.paragraphs) expected += (expected.empty() ? "" : "\n\n") + p;
    EXPECT_EQ(a.text, expected + "\n");
    EXPECT_EQ(a.metadata.title, c.metadata.title);
    EXPECT_EQ(a.metadata.author, c.metadata.author);
    EXPECT_EQ(a.metadata.publisher, c.metadata.publisher);
    EXPECT_EQ(a.metadata.date_published, c.metadata.date_published);
    EXPECT_EQ(a.metadata.dateline, c.metadata.dateline);
    EXPECT_EQ(a.metadata.section, c.metadata.section);
    // The body starts after a dateline's dash.
    EXPECT_EQ(a.metadata.body_begin, c.metadata.dateline.empty() ? 0u : a.text.find(" - ") + 3);
    EXPECT_EQ(a.metadata.body_end, a.text.size());
  }
}

TEST(HtmlArticle, Detection) {
  EXPECT_TRUE(looks_like_html("  <!DOCTYPE html><html></html>"));
  EXPECT_TRUE(looks_like_html("\xEF\xBB\xBF<!-- saved page -->\n<HTML><body></body></HTML>"));
  EXPECT_TRUE(looks_like_html("anything", "page.HTM"));
  EXPECT_FALSE(looks_like_html("The <b> tag is bold, said the teacher."));
  EXPECT_FALSE(looks_like_html("Plain news text.\n", "story.txt"));
}

TEST(HtmlArticle, PageWithoutArticleTextIsAnError) {
  EXPECT_THROW(read_html_article("<html><body><nav><a href='/'>Home</a></nav></body></html>", "empty.html"), Error);
}

// End to end: `relgraph extract page.html` reads the article, not the markup.
TEST(HtmlArticle, ExtractReadsTheArticleNotTheMarkup) {
  if (!std::filesystem::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "relgraph binary not built";
  auto file = std::filesystem::path(RELGRAPH_SOURCE_DIR) / "tests" / "data" / "html" / "newsroom.html";
  std::string out, err;
  int rc = testing::run_command(std::string(RELGRAPH_BINARY) + " extract " + file.string() + " -o -", &out, &err);
  if (rc != 0 && err.find("model") != std::string::npos) GTEST_SKIP() << "models not trained: " << err;
  ASSERT_EQ(rc, 0) << err;
  EXPECT_EQ(out.find('<'), std::string::npos) << out;
  EXPECT_EQ(out.find("cookie"), std::string::npos) << out;
  EXPECT_EQ(out.find("Comments"), std::string::npos) << out;
  EXPECT_NE(out.find("Edwin Harrow"), std::string::npos) << out;
}

}  // namespace
}  // namespace relgraph
