// Tests for the CoNLL-U reader and writer (src/text/conllu.cpp).
#include "text/conllu.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "relgraph/error.hpp"

using namespace relgraph;

static const char* kSample =
    "# sent_id = s1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = Hi\n"
    "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n";

TEST(Conllu, ReadsWordsSpansAndMultiwordTokens) {
  Document doc = read_conllu(kSample, "t.conllu");
  ASSERT_EQ(doc.sentences.size(), 2u);
  const auto& s = doc.sentences[0];
  ASSERT_EQ(s.tokens.size(), 5u);
  ASSERT_EQ(s.multiword.size(), 1u);
  EXPECT_EQ(doc.text, "I don't know.\nHi");
  EXPECT_EQ(doc.slice(s.tokens[0].begin, s.tokens[0].end), "I");
  EXPECT_EQ(doc.slice(s.tokens[1].begin, s.tokens[1].end), "don't");
  EXPECT_EQ(doc.slice(s.tokens[3].begin, s.tokens[3].end), "know");
  EXPECT_EQ(doc.slice(s.tokens[4].begin, s.tokens[4].end), ".");
  EXPECT_EQ(s.tokens[3].head, 0);
  EXPECT_EQ(s.tokens[2].lemma, "not");
  EXPECT_FALSE(s.tokens[3].space_after);
  EXPECT_EQ(doc.slice(doc.sentences[1].begin, doc.sentences[1].end), "Hi");
}

TEST(Conllu, WriteThenReadKeepsAnnotations) {
  Document doc = read_conllu(kSample, "t.conllu");
  std::ostringstream out;
  write_conllu(doc, out);
  Document again = read_conllu(out.str(), "again");
  ASSERT_EQ(again.sentences.size(), 2u);
  EXPECT_EQ(again.text, doc.text);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(again.sentences[0].tokens[i].form, doc.sentences[0].tokens[i].form);
    EXPECT_EQ(again.sentences[0].tokens[i].head, doc.sentences[0].tokens[i].head);
    EXPECT_EQ(again.sentences[0].tokens[i].deprel, doc.sentences[0].tokens[i].deprel);
  }
  EXPECT_NE(out.str().find("2-3\tdon't"), std::string::npos);
  EXPECT_NE(out.str().find("TokenRange=0:1"), std::string::npos);
}

TEST(Conllu, MalformedInputNamesFileAndLine) {
  try {
    read_conllu("1\tonly\tthree\n", "bad.conllu");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_NE(std::string(e.what()).find("bad.conllu:1"), std::string::npos) << e.what();
  }
}

TEST(Conllu, KeepsBareCommentsAndWritesParagraphs) {
  Document doc = read_conllu("# newpar\n# text = Hi\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n", "p.conllu");
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_TRUE(doc.sentences[0].comments.count("newpar"));

  // Two sentences separated by a blank line in the text: the second starts a paragraph.
  Document two;
  two.text = "Hi.\n\nBye\u00a0now";
  auto word = [](std::size_t b, std::size_t e, std::string form) {
    Token t;
    t.form = std::move(form);
    t.begin = b;
    t.end = e;
    return t;
  };
  Sentence a, b;
  a.begin = 0, a.end = 3;
  a.tokens = {word(0, 2, "Hi"), word(2, 3, ".")};
  b.begin = 5, b.end = two.text.size();
  b.tokens = {word(5, 8, "Bye"), word(10, two.text.size(), "now")};
  two.sentences = {a, b};
  std::ostringstream out;
  write_conllu(two, out);
  EXPECT_NE(out.str().find("# newpar\n# sent_id = 2\n"), std::string::npos) << out.str();
  // A no-break space counts as a space: no SpaceAfter=No on "Bye".
  EXPECT_NE(out.str().find("1\tBye\t_\t_\t_\t_\t_\t_\t_\tTokenRange=5:8\n"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("1\tHi\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|TokenRange=0:2\n"), std::string::npos)
      << out.str();
}
