// Tests for the CoNLL 2018 UD evaluation (src/text/ud_eval.cpp) on tiny
// hand-made CoNLL-U: alignment by character offsets, multiword regions,
// universal-relation LAS, and the raw text rebuilt from a treebank.
#include "text/ud_eval.hpp"

#include <gtest/gtest.h>

#include "relgraph/error.hpp"
#include "text/conllu.hpp"

using namespace relgraph;

namespace {

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
    "# text = Go home\n"
    "1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "2\thome\thome\tADV\tRB\t_\t1\tadvmod\t_\t_\n"
    "\n"
    "# newpar id = p2\n"
    "# text = Tom's cat.\n"
    "1-2\tTom's\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tTom\tTom\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
    "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
    "3\tcat\tcat\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

// Same words, but the second and third sentences merged, "don't" unsplit,
// "know" tagged NOUN, and "Tom" attached with a different subtype.
const char* kSystem =
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
    "2\tdon't\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
    "3\tknow\tknow\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = Go home Tom's cat.\n"
    "1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "2\thome\thome\tADV\tRB\t_\t1\tadvmod\t_\t_\n"
    "3-4\tTom's\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\tTom\tTom\tPROPN\tNNP\t_\t5\tnmod\t_\t_\n"
    "4\t's\t's\tPART\tPOS\t_\t3\tcase\t_\t_\n"
    "5\tcat\tcat\tNOUN\tNN\t_\t1\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
    "\n";

}  // namespace

TEST(UdEval, IdenticalDocumentsScorePerfect) {
  Document gold = read_conllu(kGold, "gold");
  UdScores s = evaluate_ud(gold, gold);
  for (const auto& [name, score] : s.table()) EXPECT_DOUBLE_EQ(score->f1(), 100.0) << name;
  EXPECT_EQ(s.words.gold, 11u);
  EXPECT_EQ(s.tokens.gold, 9u);
  EXPECT_EQ(s.sentences.gold, 3u);
}

TEST(UdEval, AlignsByCharactersAndScoresLikeConll2018) {
  Document gold = read_conllu(kGold, "gold");
  Document sys = read_conllu(kSystem, "system");
  UdScores s = evaluate_ud(gold, sys);
  // Tokens: gold 9 (I, don't, know, ., Go, home, Tom's, cat, .), system 9, all match.
  EXPECT_EQ(s.tokens.correct, 9u);
  // Sentences: only "I don't know." matches.
  EXPECT_EQ(s.sentences.gold, 3u);
  EXPECT_EQ(s.sentences.system, 2u);
  EXPECT_EQ(s.sentences.correct, 1u);
  // Words: gold 11, system 10; "do"/"n't" vs "don't" aligns by LCS on forms: none match.
  EXPECT_EQ(s.words.gold, 11u);
  EXPECT_EQ(s.words.system, 10u);
  EXPECT_EQ(s.words.correct, 9u);
  // UPOS: of the 9 aligned words, "know" is wrong.
  EXPECT_EQ(s.upos.correct, 8u);
  EXPECT_EQ(s.ufeats.correct, 9u);  // no features anywhere: all aligned words agree
  // UAS: I->know, know root, .->know, Go root, home->Go, Tom->cat, 's->Tom, .->cat correct; cat wrong.
  EXPECT_EQ(s.uas.correct, 8u);
  // LAS compares universal relations: nmod:poss vs nmod counts as correct.
  EXPECT_EQ(s.las.correct, 8u);
  EXPECT_NEAR(s.las.f1(), 200.0 * 8 / 21, 1e-9);
}

TEST(UdEval, UFeatsComparesUniversalFeaturesOnly) {
  const char* gold =
      "1\tten\tten\tNUM\tCD\tNumForm=Word|NumType=Card\t0\troot\t_\t_\n"
      "2\tcats\tcat\tNOUN\tNNS\tNumber=Plur\t1\tnmod\t_\t_\n\n";
  const char* system =
      "1\tten\tten\tNUM\tCD\tNumType=Card\t0\troot\t_\t_\n"
      "2\tcats\tcat\tNOUN\tNNS\tNumber=Sing\t1\tnmod\t_\t_\n\n";
  UdScores s = evaluate_ud(read_conllu(gold, "g"), read_conllu(system, "s"));
  EXPECT_EQ(s.ufeats.correct, 1u);  // NumForm is not universal; Number differs
}

TEST(UdEval, DifferentTextsAreAClearError) {
  Document gold = read_conllu(kGold, "gold");
  Document other = read_conllu("1\tYou\tyou\tPRON\tPRP\t_\t0\troot\t_\t_\n\n", "other");
  try {
    evaluate_ud(gold, other);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    EXPECT_NE(std::string(e.what()).find("character 0"), std::string::npos) << e.what();
  }
}

TEST(UdEval, RawTextKeepsParagraphs) {
  Document gold = read_conllu(kGold, "gold");
  EXPECT_EQ(treebank_raw_text(gold), "I don't know. Go home\n\nTom's cat.");
  Document stripped = strip_annotations(gold);
  EXPECT_TRUE(stripped.sentences[0].tokens[0].upos.empty());
  EXPECT_EQ(stripped.sentences[0].tokens[0].head, -1);
  EXPECT_EQ(stripped.sentences[0].tokens[0].form, "I");
}
