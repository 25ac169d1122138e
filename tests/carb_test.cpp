// CaRB formats, matching and scoring on hand-made tuples, the CaRB rendering
// of hand-built parses, and (when the models and data are present) the
// `relgraph extract --format carb` / `relgraph eval carb` round trip.
#include "relations/carb.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "relations/extractor.hpp"
#include "relgraph/error.hpp"
#include "support/builders.hpp"

namespace relgraph {
namespace {

CarbExtraction gold(std::string rel, std::vector<std::string> args, std::string sentence = "S .") {
  return {std::move(sentence), 1.0, std::move(rel), std::move(args)};
}
CarbExtraction sys(double conf, std::string rel, std::vector<std::string> args, std::string sentence = "S .") {
  return {std::move(sentence), conf, std::move(rel), std::move(args)};
}

struct MatchCase {
  const char* name;
  CarbExtraction g, s;
  double precision, recall;
};

TEST(CarbMatch, TokenOverlapPerSlot) {
  const std::vector<MatchCase> cases = {
      {"identical", gold("met", {"Smith", "Jones"}), sys(1, "met", {"Smith", "Jones"}), 1.0, 1.0},
      // rel 1 of 1 predicted / 1 of 2 gold; arg1 1/1; arg2 1 of 3 predicted, 1 of 1 gold.
      {"partial", gold("met with", {"Smith", "Jones"}), sys(1, "met", {"Smith", "Jones in Paris"}), 3.0 / 5, 3.0 / 4},
      {"relation shares nothing", gold("met", {"Smith", "Jones"}), sys(1, "saw", {"Smith", "Jones"}), 0, 0},
      {"arg1 shares nothing", gold("met", {"Smith", "Jones"}), sys(1, "met", {"Lee", "Jones"}), 0, 0},
      {"missing arg2", gold("met", {"Smith", "Jones"}), sys(1, "met", {"Smith"}), 0, 0},
      // Arguments after arg2 are one slot: "Jones in Paris" vs "Jones" + "in Paris".
      {"extra args joined", gold("met", {"Smith", "Jones", "in Paris"}), sys(1, "met", {"Smith", "Jones in Paris"}),
       1.0, 1.0},
      {"case sensitive", gold("met", {"smith", "Jones"}), sys(1, "met", {"Smith", "Jones"}), 0, 0},
      // "said": the statement may come first.
      {"said reversed", gold("said", {"the plan failed", "Lee"}), sys(1, "said", {"Lee", "the plan failed"}), 1.0, 1.0},
  };
  for (const auto& c : cases) {
    auto m = carb_match(c.g, c.s);
    EXPECT_NEAR(m.precision, c.precision, 1e-9) << c.name;
    EXPECT_NEAR(m.recall, c.recall, 1e-9) << c.name;
  }
}

TEST(CarbScore, PerfectOutput) {
  std::vector<CarbExtraction> g = {gold("met", {"Smith", "Jones"}), gold("left", {"Smith", "Paris"})};
  auto s = score_carb(g, {sys(0.9, "met", {"Smith", "Jones"}), sys(0.8, "left", {"Smith", "Paris"})});
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  EXPECT_DOUBLE_EQ(s.f1, 1.0);
  EXPECT_NEAR(s.auc, 1.0, 1e-9);
}

TEST(CarbScore, ThresholdDropsLowConfidenceErrors) {
  std::vector<CarbExtraction> g = {gold("met", {"Smith", "Jones"})};
  auto s = score_carb(g, {sys(0.9, "met", {"Smith", "Jones"}), sys(0.1, "ate", {"Lee", "cake"})});
  EXPECT_DOUBLE_EQ(s.threshold, 0.9);
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
  // Curve: at 0.1 P = 0.5 (the greedy one-to-one match leaves "ate" unmatched), R = 1; at 0.9 P = R = 1.
  ASSERT_EQ(s.curve.size(), 2u);
  EXPECT_DOUBLE_EQ(s.curve[0].precision, 0.5);
  EXPECT_DOUBLE_EQ(s.curve[0].recall, 1.0);
  // Area: from R=1 (P .5 -> 1) is a vertical step, then (R 1 -> 0, P 1 -> 1) = 1.
  EXPECT_NEAR(s.auc, 1.0, 1e-9);
  // Ranking the wrong tuple first costs area: a constant confidence is punished.
  auto worse = score_carb(g, {sys(0.1, "met", {"Smith", "Jones"}), sys(0.9, "ate", {"Lee", "cake"})});
  EXPECT_LT(worse.auc, s.auc);
  EXPECT_LT(worse.f1, s.f1);
}

TEST(CarbScore, PrecisionMatchesOneToOne) {
  // Two identical system tuples for one gold tuple: only one is credited.
  std::vector<CarbExtraction> g = {gold("met", {"Smith", "Jones"})};
  auto s = score_carb(g, {sys(0.5, "met", {"Smith", "Jones"}), sys(0.5, "met", {"Smith", "Jones"})});
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.recall, 1.0);
}

TEST(CarbScore, UnansweredSentencesCostRecall) {
  std::vector<CarbExtraction> g = {gold("met", {"Smith", "Jones"}, "A ."), gold("left", {"Lee", "home"}, "B .")};
  auto s = score_carb(g, {sys(0.5, "met", {"Smith", "Jones"}, "A .")});
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_EQ(s.gold_sentences, 2u);
  EXPECT_EQ(s.system_sentences_matched, 1u);
}

TEST(CarbScore, SentencesPairedIgnoringSpacesAndPunctuation) {
  EXPECT_EQ(carb_sentence_key("He said , `` yes . ''"), carb_sentence_key("He said, \"yes.\""));
  EXPECT_EQ(carb_sentence_key("a -LRB- b -RRB-"), carb_sentence_key("a (b)"));
  EXPECT_NE(carb_sentence_key("a b"), carb_sentence_key("a c"));
}

TEST(CarbFormat, ReadsAndWrites) {
  auto g = read_carb_gold("S one .\tmet\tA\tB\tin C\n\nS two .\tleft\tD\tE\n", "gold.tsv");
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].args, (std::vector<std::string>{"A", "B", "in C"}));
  auto line = format_carb_line(sys(0.25, "met\twith", {"A", "B"}, "S one ."));
  EXPECT_EQ(line, "S one .\t0.2500\tmet with\tA\tB");
  auto s = read_carb_system(line + "\n", "out.tsv");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_DOUBLE_EQ(s[0].confidence, 0.25);
  EXPECT_EQ(s[0].relation, "met with");
}

TEST(CarbFormat, ErrorsNameFileAndLine) {
  try {
    read_carb_system("S .\t0.5\tmet\tA\tB\nS .\thigh\tmet\tA\tB\n", "out.tsv");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_NE(std::string(e.what()).find("out.tsv:2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("high"), std::string::npos);
  }
  EXPECT_THROW(read_carb_gold("only a sentence\n", "gold.tsv"), Error);
}

const RelationExtractor& extractor() {
  static const RelationExtractor rx = RelationExtractor::load(std::string(RELGRAPH_SOURCE_DIR) + "/schemas");
  return rx;
}

std::vector<std::string> carb_dumps(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& t : extractor().extract_carb(doc, 0)) {
    std::string s = t.relation;
    for (const auto& a : t.args) s += " | " + a;
    out.push_back(s);
  }
  return out;
}

TEST(CarbRendering, KeepsSurfaceTokens) {
  struct Row {
    std::vector<std::string> words;
    std::vector<std::string> expected;
    std::vector<std::string> absent = {};
  };
  const std::vector<Row> rows = {
      // Auxiliaries and negation stay in the relation; later obliques keep their preposition.
      {{"Smith/PROPN/NNP/Smith/4/nsubj", "did/AUX/VBD/do/4/aux", "n't/PART/RB/not/4/advmod", "meet/VERB/VB/meet/0/root",
        "Jones/PROPN/NNP/Jones/4/obj", "in/ADP/IN/in/7/case", "Rome/PROPN/NNP/Rome/4/obl"},
       {"did n't meet | Smith | Jones | in Rome"}},
      // The first oblique's preposition is folded into the relation.
      {{"Smith/PROPN/NNP/Smith/2/nsubj", "met/VERB/VBD/meet/0/root", "with/ADP/IN/with/4/case",
        "Jones/PROPN/NNP/Jones/2/obl"},
       {"met with | Smith | Jones"}},
      // Passive voice is kept for CaRB.
      {{"The/DET/DT/the/2/det", "case/NOUN/NN/case/4/nsubj:pass", "was/AUX/VBD/be/4/aux:pass",
        "reviewed/VERB/VBN/review/0/root", "by/ADP/IN/by/7/case", "a/DET/DT/a/7/det",
        "court/NOUN/NN/court/4/obl:agent"},
       {"was reviewed by | The case | a court"}},
      // Arguments keep their appositions; the apposition itself gives a synthetic "is".
      {{"Lee/PROPN/NNP/Lee/4/nsubj", ",/PUNCT/,/,/3/punct", "chair/NOUN/NN/chair/1/appos", "left/VERB/VBD/leave/0/root",
        "Rome/PROPN/NNP/Rome/4/obj"},
       {"left | Lee , chair | Rome", "is | Lee | chair"}},
      // A conjunct verb shares its head's auxiliaries only when it is not finite itself.
      {{"They/PRON/PRP/they/3/nsubj:pass", "were/AUX/VBD/be/3/aux:pass", "separated/VERB/VBN/separate/0/root",
        "from/ADP/IN/from/5/case", "us/PRON/PRP/we/3/obl", "and/CCONJ/CC/and/7/cc", "consisted/VERB/VBD/consist/3/conj",
        "of/ADP/IN/of/9/case", "houses/NOUN/NNS/house/7/obl"},
       {"were separated from | They | us", "consisted of | They | houses"}},
      {{"They/PRON/PRP/they/3/nsubj", "have/AUX/VBP/have/3/aux", "crossed/VERB/VBN/cross/0/root",
        "lines/NOUN/NNS/line/3/obj", "and/CCONJ/CC/and/6/cc", "left/VERB/VBN/leave/3/conj", "town/NOUN/NN/town/6/obj"},
       {"have crossed | They | lines", "have left | They | town"}},
      // Two names side by side, no punctuation between: a split name, not an apposition;
      // with a comma they are one ("Tampa , Florida").
      {{"Lee/PROPN/NNP/Lee/2/nsubj", "joined/VERB/VBD/join/0/root", "Iowa/PROPN/NNP/Iowa/2/obj",
        "Traction/PROPN/NNP/Traction/5/compound", "Railroad/PROPN/NNP/Railroad/3/appos"},
       {"joined | Lee | Iowa Traction Railroad"},
       {"is | Iowa | Traction Railroad"}},
      {{"Lee/PROPN/NNP/Lee/2/nsubj", "visited/VERB/VBD/visit/0/root", "Tampa/PROPN/NNP/Tampa/2/obj",
        ",/PUNCT/,/,/5/punct", "Florida/PROPN/NNP/Florida/3/appos"},
       {"is | Tampa | Florida"}},
      // A gerund after a preposition that completes the verb continues the chain;
      // after "by", "without" ... it says how and stays an argument.
      {{"Lee/PROPN/NNP/Lee/3/nsubj:pass", "is/AUX/VBZ/be/3/aux:pass", "charged/VERB/VBN/charge/0/root",
        "with/SCONJ/IN/with/5/mark", "reviewing/VERB/VBG/review/3/advcl", "plans/NOUN/NNS/plan/5/obj"},
       {"is charged with reviewing | Lee | plans"},
       {"reviewing | Lee | plans"}},
      {{"Lee/PROPN/NNP/Lee/2/nsubj", "left/VERB/VBD/leave/0/root", "without/SCONJ/IN/without/4/mark",
        "paying/VERB/VBG/pay/2/advcl", "bills/NOUN/NNS/bill/4/obj"},
       {"left without | Lee | paying bills", "paying | Lee | bills"}},
      // Copula: bare "is".
      {{"Lee/PROPN/NNP/Lee/4/nsubj", "is/AUX/VBZ/be/4/cop", "a/DET/DT/a/4/det", "judge/NOUN/NN/judge/0/root"},
       {"is | Lee | a judge"}},
  };
  for (const auto& row : rows) {
    auto got = carb_dumps(testing::make_document(row.words));
    for (const auto& e : row.expected)
      EXPECT_TRUE(std::find(got.begin(), got.end(), e) != got.end())
          << "missing: " << e << " got: " << (got.empty() ? "" : got[0]);
    for (const auto& e : row.absent)
      EXPECT_TRUE(std::find(got.begin(), got.end(), e) == got.end()) << "unexpected: " << e;
  }
}

// The CLI round trip on a few lines of the CaRB development split; skipped
// without the data or the trained models.
TEST(CarbCli, ExtractThenEvaluate) {
  std::string dev = testing::data_file("carb/dev.txt");
  std::string models = std::string(RELGRAPH_SOURCE_DIR) + "/models";
  if (dev.empty() || !std::filesystem::exists(models + "/parser.bin") ||
      !std::filesystem::exists(models + "/tagger.bin") || !std::filesystem::exists(RELGRAPH_BINARY))
    GTEST_SKIP() << "needs ../shared/data/carb, models/tagger.bin, models/parser.bin and the relgraph binary";
  std::string dir = ::testing::TempDir();
  std::string out, err;
  std::string cmd = "head -n 20 '" + dev + "' | '" + std::string(RELGRAPH_BINARY) +
                    "' extract --format carb --pretokenized - > '" + dir + "carb20.tsv'";
  ASSERT_EQ(testing::run_command(cmd, &out, &err), 0) << err;
  cmd = "'" + std::string(RELGRAPH_BINARY) + "' eval carb --json '" + testing::data_file("carb/dev.gold.tsv") + "' '" +
        dir + "carb20.tsv'";
  ASSERT_EQ(testing::run_command(cmd, &out, &err), 0) << err;
  EXPECT_NE(out.find("\"f1\""), std::string::npos) << out;
}

// tools/carb_score.py, an independent transcription of the reference scorer,
// prints the same figures as `relgraph eval carb` on hand-built files that
// exercise its corner cases: context arguments, a trailing empty argument,
// reversed "said" tuples, tied confidences, a gold sentence without output.
void write_text(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

TEST(CarbCli, IndependentScorerAgrees) {
  if (!std::filesystem::exists(RELGRAPH_BINARY) || testing::run_command("python3 -c 'pass'") != 0)
    GTEST_SKIP() << "needs the relgraph binary and python3";
  std::string dir = ::testing::TempDir();
  write_text(dir + "agree.gold.tsv",
             "Lee met Kim in Paris .\tmet\tLee\tKim\tin Paris\n"
             "Lee met Kim in Paris .\tis in\tLee\tParis\tC: Lee met Kim\n"
             "Kim said Lee left .\tsaid\tKim\tLee left\n"
             "Kim said Lee left .\tleft\tLee\t\n"
             "Nobody spoke .\tspoke\tNobody\t\n");
  write_text(dir + "agree.sys.tsv",
             "Lee met Kim in Paris .\t0.9\tmet\tLee\tKim in Paris\n"
             "Lee met Kim in Paris .\t0.4\tmet in\tKim\tParis\n"
             "Lee met Kim in Paris .\t0.4\tis in\tLee\tParis\n"
             "Kim said Lee left .\t0.7\tsaid\tLee left\tKim\n"
             "Kim said Lee left .\t0.2\tleft\tLee\tKim\n");
  std::string ours, theirs, err;
  ASSERT_EQ(testing::run_command("'" + std::string(RELGRAPH_BINARY) + "' eval carb '" + dir + "agree.gold.tsv' '" +
                                     dir + "agree.sys.tsv'",
                                 &ours, &err),
            0)
      << err;
  ASSERT_EQ(testing::run_command("python3 '" + std::string(RELGRAPH_SOURCE_DIR) + "/tools/carb_score.py' '" + dir +
                                     "agree.gold.tsv' '" + dir + "agree.sys.tsv'",
                                 &theirs, &err),
            0)
      << err;
  // ours: "CaRB  precision P  recall R  F1 F  AUC A"; theirs: "precision P recall R F1 F AUC A".
  auto numbers = [](const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s.substr(0, s.find('\n')));
    for (std::string w; in >> w;)
      if (!w.empty() && (std::isdigit(static_cast<unsigned char>(w[0])) != 0)) out.push_back(w);
    return out;
  };
  auto a = numbers(ours), b = numbers(theirs);
  ASSERT_EQ(a.size(), 4u) << ours;
  EXPECT_EQ(a, b) << "relgraph: " << ours << "python: " << theirs;
}

// --models reaches the CaRB path too: a missing directory is an error naming the model file.
TEST(CarbCli, ModelsOptionIsHonoured) {
  if (!std::filesystem::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "needs the relgraph binary";
  std::string out, err;
  std::string cmd = "echo 'a b .' | '" + std::string(RELGRAPH_BINARY) +
                    "' extract --format carb --pretokenized --models /nonexistent-models -";
  EXPECT_NE(testing::run_command(cmd, &out, &err), 0);
  EXPECT_NE(err.find("/nonexistent-models/"), std::string::npos) << err;
}

}  // namespace
}  // namespace relgraph
