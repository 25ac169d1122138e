// English knowledge lives in schemas/lexicon, not in code: every word list there
// has a header and loads, and no source file holds a string-literal list of
// five or more words (a list of format keys or UD labels says so with a
// "not English:" comment on or just above its first line).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/lexicon.hpp"
#include "core/resources.hpp"

namespace {

namespace fs = std::filesystem;
using relgraph::detail::Lexicon;
using relgraph::detail::Resources;
using relgraph::detail::WordMap;
using relgraph::detail::WordSet;

const std::string kSource = RELGRAPH_SOURCE_DIR;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// --- the scan ----------------------------------------------------------------

// `src` with comments blanked (newlines kept, so offsets keep their line) and
// string literals left as they are.
std::string strip_comments(const std::string& src) {
  std::string out = src;
  std::size_t i = 0;
  auto blank = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < out.size(); ++k)
      if (out[k] != '\n') out[k] = ' ';
  };
  while (i < src.size()) {
    if (src.compare(i, 2, "//") == 0) {
      std::size_t e = src.find('\n', i);
      if (e == std::string::npos) e = src.size();
      blank(i, e);
      i = e;
    } else if (src.compare(i, 2, "/*") == 0) {
      std::size_t e = src.find("*/", i + 2);
      e = e == std::string::npos ? src.size() : e + 2;
      blank(i, e);
      i = e;
    } else if (src[i] == '"' || src[i] == '\'') {
      char q = src[i++];
      while (i < src.size() && src[i] != q) i += src[i] == '\\' ? 2 : 1;
      ++i;
    } else {
      ++i;
    }
  }
  return out;
}

// A literal that reads as one or a few English words: letters with inner
// periods, apostrophes, hyphens or single spaces ("mr.", "n't", "as many as").
bool word_like(const std::string& lit) {
  if (lit.empty() || !std::isalpha(static_cast<unsigned char>(lit.front()))) return false;
  for (std::size_t k = 0; k < lit.size(); ++k) {
    unsigned char c = static_cast<unsigned char>(lit[k]);
    bool ok = std::isalpha(c) || c == '.' || c == '\'' || c == '-' || (c == ' ' && k + 1 < lit.size() && lit[k + 1] != ' ');
    if (!ok) return false;
  }
  return true;
}

struct Finding {
  std::string file;
  int line = 0;
  std::string first;
  int words = 0;
};

// Brace lists made only of string literals with at least `min_words` word-like ones.
std::vector<Finding> scan(const std::string& rel, const std::string& src, int min_words = 5) {
  std::vector<Finding> out;
  const std::string code = strip_comments(src);
  std::vector<std::string> lines;
  {
    std::istringstream in(src);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
  }
  for (std::size_t open = code.find('{'); open != std::string::npos; open = code.find('{', open + 1)) {
    std::vector<std::string> lits;
    bool only_literals = true;
    std::size_t i = open + 1;
    while (i < code.size() && code[i] != '}') {
      char c = code[i];
      if (c == '"') {
        std::size_t e = i + 1;
        while (e < code.size() && code[e] != '"') e += code[e] == '\\' ? 2 : 1;
        lits.push_back(code.substr(i + 1, e - i - 1));
        i = e + 1;
      } else if (c == ',' || std::isspace(static_cast<unsigned char>(c))) {
        ++i;
      } else {
        only_literals = false;
        break;
      }
    }
    if (!only_literals || lits.empty()) continue;
    int words = 0;
    for (const auto& l : lits) words += word_like(l);
    if (words < min_words) continue;
    int line = 1 + static_cast<int>(std::count(code.begin(), code.begin() + static_cast<long>(open), '\n'));
    bool marked = false;
    for (int l = line - 2; l < line && l >= 0; ++l)
      if (static_cast<std::size_t>(l) < lines.size() && lines[l].find("not English:") != std::string::npos)
        marked = true;
    if (!marked) out.push_back({rel, line, lits.front(), words});
  }
  return out;
}

// Directories whose word lists are being moved to schemas/lexicon separately;
// their findings are printed, not failed. Empty this list once they are clean.
const std::vector<std::string> kReportOnly = {};

TEST(LexiconScan, FindsBraceListsOfWords) {
  auto f = scan("x.cpp", R"(
const std::vector<std::string> kA = {"alpha", "beta", "gamma", "delta", "epsilon"};
int x[] = {1, 2, 3, 4, 5};
auto y = {"a", "b", "c", "d"};                   // four: fine
// {"one", "two", "three", "four", "five"} in a comment is fine
const char* z[] = {"km/h", "U.S.$", "$", "€", "£"};   // symbols
f({"x", y, "z", "w", "v", "u"});                 // not only literals
for (auto k : {"jsonld", "graphml", "dot", "tsv", "nt"})  // not English: format names
  ;
const char* kB[] = {"more than",
                    "at least", "up to", "n't", "mr."};
)");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].line, 2);
  EXPECT_EQ(f[0].first, "alpha");
  EXPECT_EQ(f[1].line, 10);
  EXPECT_EQ(f[1].words, 5);
}

TEST(LexiconScan, NoWordListsLeftInSource) {
  std::vector<Finding> failing, reported;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(kSource) / "src")) {
    auto ext = e.path().extension();
    if (ext != ".cpp" && ext != ".hpp" && ext != ".inc") continue;
    std::string rel = fs::relative(e.path(), kSource).generic_string();
    bool report_only = false;
    for (const auto& d : kReportOnly) report_only = report_only || rel.rfind(d, 0) == 0;
    for (auto& f : scan(rel, read(e.path()))) (report_only ? reported : failing).push_back(std::move(f));
  }
  for (const auto& f : reported)
    std::cout << "[ report  ] " << f.file << ":" << f.line << ": list of " << f.words << " words (\"" << f.first
              << "\", ...) belongs in schemas/lexicon\n";
  for (const auto& f : failing)
    ADD_FAILURE() << f.file << ":" << f.line << ": a list of " << f.words << " English words (\"" << f.first
                  << "\", ...): move it to schemas/lexicon/*.tsv, or mark a list of non-English keys with a "
                     "\"not English:\" comment";
}

// --- the lists -----------------------------------------------------------------

TEST(LexiconFiles, EveryListHasAHeaderAndLoads) {
  const fs::path dir = fs::path(kSource) / "schemas" / "lexicon";
  auto res = Resources::load((fs::path(kSource) / "schemas").string());
  int lists = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".tsv") continue;
    ++lists;
    const std::string name = e.path().stem().string();
    const std::string text = read(e.path());
    std::istringstream in(text);
    std::string line;
    int header = 0;
    while (std::getline(in, line) && !line.empty() && line[0] == '#') ++header;
    EXPECT_GE(header, 1) << e.path() << ": no '#' header saying what the list holds and where it came from";
    if (name == "word_clusters") continue;  // training-only, not loaded at run time
    ASSERT_TRUE(res->has_lexicon(name)) << name;
    EXPECT_GT(res->lexicon(name).size(), 0u) << name << " is empty";
  }
  EXPECT_GT(lists, 20);
}

struct ListCase {
  const char* list;
  const char* present;
  const char* absent;
};

class ListContents : public ::testing::TestWithParam<ListCase> {};

TEST_P(ListContents, HoldsItsWords) {
  const auto& c = GetParam();
  auto set = WordSet::load(c.list, kSource + "/schemas");
  EXPECT_TRUE(set.contains(c.present)) << c.list;
  EXPECT_FALSE(set.contains(c.absent)) << c.list;
}

INSTANTIATE_TEST_SUITE_P(Lists, ListContents,
                         ::testing::Values(ListCase{"light_verbs", "hold", "visit"},
                                           ListCase{"object_control_verbs", "enable", "seek"},
                                           ListCase{"company_endings", "GmbH", "gmbh"},
                                           ListCase{"abbreviations", "calif.", "ill."},
                                           ListCase{"months", "sept", "sep"},
                                           ListCase{"weekdays", "thurs", "thursdays"},
                                           ListCase{"measure_units", "km/h", "kmh"},
                                           ListCase{"relativizers", "that", "what"}));

TEST(WordSetTest, FiltersByColumnAndKeepsFileOrder) {
  Lexicon lex("t", "t.tsv", "# header\nb\tyes\na\tno\nc\tyes\nb\tno\n");
  WordSet all(lex), yes(lex, 1, "yes");
  EXPECT_EQ(all.words(), (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_EQ(yes.words(), (std::vector<std::string>{"b", "c"}));
  EXPECT_FALSE(yes.contains("a"));
  WordMap map(lex);
  ASSERT_NE(map.find("b"), nullptr);
  EXPECT_EQ(*map.find("b"), "yes");
  EXPECT_EQ(map.find("z"), nullptr);
}

TEST(WordSetTest, LegalFormsAreTheMarkedCompanyEndings) {
  EXPECT_TRUE(relgraph::detail::is_legal_form("AG"));
  EXPECT_TRUE(relgraph::detail::is_legal_form("S.p.A."));
  EXPECT_FALSE(relgraph::detail::is_legal_form("Corporation"));  // a company cue, not a legal form
}

TEST(WordSetTest, IntFieldNamesTheListOnBadNumbers) {
  Lexicon lex("numbers", "numbers.tsv", "one\t1\ntwo\tzwei\n");
  EXPECT_EQ(relgraph::detail::int_field(lex, lex.rows()[0], 1), 1);
  try {
    relgraph::detail::int_field(lex, lex.rows()[1], 1);
    FAIL() << "no error";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("numbers"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("two"), std::string::npos) << e.what();
  }
}

}  // namespace
