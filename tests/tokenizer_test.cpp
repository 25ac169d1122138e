// Tests for the tokenizer and sentence splitter (src/text/tokenizer.cpp,
// splitter.cpp): EWT conventions, exact byte spans, sentence boundaries, bad input.
#include "text/tokenizer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "core/files.hpp"
#include "relgraph/error.hpp"
#include "support/builders.hpp"
#include "text/conllu.hpp"
#include "text/splitter.hpp"
#include "text/splitter_trainer.hpp"

using namespace relgraph;

namespace {

// "words|words|..." per sentence; multiword tokens as "don't=do+n't".
std::string dump(const Document& doc) {
  std::string out;
  for (const auto& s : doc.sentences) {
    if (!out.empty()) out += " || ";
    std::size_t mw = 0;
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      if (i) out += ' ';
      if (mw < s.multiword.size() && s.multiword[mw].first == static_cast<int>(i + 1)) {
        const auto& m = s.multiword[mw++];
        out += m.form + "=";
        for (int k = m.first; k <= m.last; ++k) out += (k > m.first ? "+" : "") + s.tokens[k - 1].form;
        i = m.last - 1;
        continue;
      }
      out += s.tokens[i].form;
    }
  }
  return out;
}

Document run(const std::string& text, const Tokenizer& tok = Tokenizer()) {
  Document doc;
  doc.text = text;
  tok.tokenize(doc);
  return doc;
}

// Every word's span slices back to its form (or, inside a multiword token, to the token).
void expect_spans_exact(const Document& doc) {
  for (const auto& s : doc.sentences) {
    std::size_t mw = 0;
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      const Token& t = s.tokens[i];
      while (mw < s.multiword.size() && s.multiword[mw].last < static_cast<int>(i + 1)) ++mw;
      bool inside = mw < s.multiword.size() && s.multiword[mw].first <= static_cast<int>(i + 1);
      if (inside)
        EXPECT_EQ(doc.slice(t.begin, t.end), s.multiword[mw].form);
      else
        EXPECT_EQ(doc.slice(t.begin, t.end), t.form);
    }
    EXPECT_LE(s.begin, s.end);
  }
}

struct Case {
  const char* text;
  const char* expected;
};

}  // namespace

TEST(Tokenizer, EwtConventions) {
  const Case cases[] = {
      {"I don't know.", "I don't=do+n't know ."},
      {"We can't and won't.", "We can't=ca+n't and won't=wo+n't ."},
      {"It's the state's plan; they're sure we'll go.",
       "It's=It+'s the state's=state+'s plan ; they're=they+'re sure we'll=we+'ll go ."},
      {"I cannot say I'm gonna win.", "I cannot=can+not say I'm=I+'m gonna=gon+na win ."},
      {"Sales\u2019 visit and the ministers\u2019 talks.",
       "Sales\u2019=Sales+\u2019 visit and the ministers\u2019=ministers+\u2019 talks ."},
      {"He said \u201Cno\u201D and \u2018yes\u2019.", "He said \u201C no \u201D and \u2018 yes \u2019 ."},
      {"She said \"go\" (twice).", "She said \" go \" ( twice ) ."},
      {"The U.S. and Dr. Jones met on Jan. 5.", "The U.S. and Dr. Jones met on Jan. 5 ."},
      {"It cost $100 million, or 3,000 each, in 2011\u20132016.",
       "It cost $ 100 million , or 3,000 each , in 2011 \u2013 2016 ."},
      {"The al-Qaeda and Smith-Jones F-16 deal.", "The al - Qaeda and Smith - Jones F - 16 deal ."},
      {"Send an e-mail to co-workers.", "Send an e-mail to co-workers ."},
      {"See https://example.org/a?b=1, or mail jo.doe@example.com.",
       "See https://example.org/a?b=1 , or mail jo.doe@example.com ."},
      {"Call 713-853-3989 at 10:30 on 9/11.", "Call 713-853-3989 at 10:30 on 9/11 ."},
      {"Wait... what?!", "Wait ... what ?!"},
      {"O'Brien's AT&T shares rose 5%.", "O'Brien's=O'Brien+'s AT&T shares rose 5 % ."},
      {"In the 1990's it grew.", "In the 1990's it grew ."},
      {"Nice :) see you :-(", "Nice :) see you :-("},
      {"It was 81K, or 300USD, at 10am on the 21st in the 1990s.",
       "It was 81 K , or 300 USD , at 10 am on the 21st in the 1990s ."},
      // A model designation keeps its number and suffix together.
      {"It flew MiG-29K and F-16C jets for 60M today.", "It flew MiG - 29K and F - 16C jets for 60 M today ."},
      {"On June 11,2000 the '68 class met; see 01-Feb-02 and Q&A...?",
       "On June 11 , 2000 the '68 class met ; see 01-Feb-02 and Q&A ... ?"},
      {"#news: 7,5 or 3G... etc... fine", "#news : 7,5 or 3 G ... etc ... fine"},
      {"Mail Smith@HOST about file_name.txt, I\u00b4m sure.",
       "Mail Smith@HOST about file_name.txt , I\u00b4m=I+\u00b4m sure ."},
  };
  for (const auto& c : cases) {
    Document doc = run(c.text);
    EXPECT_EQ(dump(doc), c.expected) << c.text;
    expect_spans_exact(doc);
  }
}

TEST(Tokenizer, SentenceBoundaries) {
  const Case cases[] = {
      {"Dr. Smith arrived. He left.", "Dr. Smith arrived . || He left ."},
      {"He lives in the U.S. now.", "He lives in the U.S. now ."},
      {"\"Go home.\" She left.", "\" Go home . \" || She left ."},
      {"Really?! Yes.", "Really ?! || Yes ."},
      {"Headline Without Punctuation\nThe body starts here.", "Headline Without Punctuation || The body starts here ."},
      {"First paragraph\n\nsecond paragraph", "First paragraph || second paragraph"},
      {"A line that wraps after a comma,\nthen goes on.", "A line that wraps after a comma , || then goes on ."},
  };
  for (const auto& c : cases) {
    Document doc = run(c.text);
    EXPECT_EQ(dump(doc), c.expected) << c.text;
    expect_spans_exact(doc);
  }
}

TEST(Tokenizer, SpansAndSpaceAfter) {
  Document doc = run("  Hello,  world!\n");
  ASSERT_EQ(doc.sentences.size(), 1u);
  const auto& s = doc.sentences[0];
  ASSERT_EQ(s.tokens.size(), 4u);
  EXPECT_EQ(s.tokens[0].begin, 2u);
  EXPECT_FALSE(s.tokens[0].space_after);
  EXPECT_TRUE(s.tokens[1].space_after);
  EXPECT_EQ(doc.slice(s.begin, s.end), "Hello,  world!");
}

TEST(Tokenizer, Pretokenized) {
  Document doc;
  doc.text = "I do n't know .\n\n  Hi  there\n";
  tokenize_pretokenized(doc);
  EXPECT_EQ(dump(doc), "I do n't know . || Hi there");
  expect_spans_exact(doc);
  EXPECT_TRUE(doc.sentences[0].multiword.empty());
}

TEST(Tokenizer, BadInputIsBoundedAndNeverCrashes) {
  // Invalid UTF-8, NUL bytes, lone continuation bytes, truncated sequences.
  for (std::string text : {std::string("ab\xff\xfe cd."), std::string("x\0y z", 5), std::string("\x80\x80"),
                           std::string("caf\xc3"), std::string(""), std::string("   \n\n ")}) {
    Document doc = run(text);
    expect_spans_exact(doc);
  }
  // A 1 MB "sentence" without punctuation: bounded time, sentences capped.
  std::string big;
  while (big.size() < (1u << 20)) big += "word ";
  auto start = std::chrono::steady_clock::now();
  Document doc = run(big);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 30.0);  // ~0.1 s in Release, a few s under ASan; catches superlinear behaviour
  ASSERT_FALSE(doc.sentences.empty());
  for (const auto& s : doc.sentences) EXPECT_LE(s.tokens.size(), static_cast<std::size_t>(kMaxSentenceWords));
  // One 1 MB token.
  Document one = run(std::string(1u << 20, 'a'));
  ASSERT_EQ(one.sentences.size(), 1u);
  EXPECT_EQ(one.sentences[0].tokens[0].form.size(), 1u << 20);
}

TEST(Tokenizer, StageAddsLayersAndHonoursPretokenized) {
  PipelineOptions options;
  options.models_dir = "/nonexistent";
  auto stage = make_tokenizer_stage(options);
  EXPECT_EQ(stage->adds(), (std::vector<Layer>{Layer::Sentences, Layer::Tokens}));
  Document doc;
  doc.text = "It works. Yes.";
  stage->process(doc);
  EXPECT_EQ(dump(doc), "It works . || Yes .");
  options.pretokenized = true;
  auto pre = make_tokenizer_stage(options);
  Document doc2;
  doc2.text = "It works. Yes.";
  pre->process(doc2);
  EXPECT_EQ(dump(doc2), "It works. Yes.");
}

TEST(Tokenizer, CorruptModelIsAClearError) {
  try {
    SentenceSplitter::load("/nonexistent/splitter.bin");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Model) << e.what();
    EXPECT_NE(std::string(e.what()).find("splitter.bin"), std::string::npos);
  }
}

namespace {

const char* kTinyTreebank =
    "# newdoc id = d1\n"
    "# text = We cannot go to Calif. today.\n"
    "1\tWe\twe\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
    "2-3\tcannot\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tcan\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n"
    "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "5\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_\n"
    "6\tCalif.\tCalif.\tPROPN\tNNP\t_\t4\tobl\t_\t_\n"
    "7\ttoday\ttoday\tNOUN\tNN\t_\t4\tobl:tmod\t_\tSpaceAfter=No\n"
    "8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = They cannot stay.\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tcannot\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tcan\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n"
    "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tstay\tstay\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = We cannot send x-ray or x-ray films to Calif. now.\n"
    "1\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tcannot\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tcan\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n"
    "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tsend\tsend\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "5\tx-ray\tx-ray\tNOUN\tNN\t_\t8\tcompound\t_\t_\n"
    "6\tor\tor\tCCONJ\tCC\t_\t7\tcc\t_\t_\n"
    "7\tx-ray\tx-ray\tNOUN\tNN\t_\t5\tconj\t_\t_\n"
    "8\tfilms\tfilm\tNOUN\tNNS\t_\t4\tobj\t_\t_\n"
    "9\tto\tto\tADP\tIN\t_\t10\tcase\t_\t_\n"
    "10\tCalif.\tCalif.\tPROPN\tNNP\t_\t4\tobl\t_\t_\n"
    "11\tnow\tnow\tADV\tRB\t_\t4\tadvmod\t_\tSpaceAfter=No\n"
    "12\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n";

}  // namespace

TEST(SplitterTrainer, LearnsLexiconAndRoundTrips) {
  Document treebank = read_conllu(kTinyTreebank, "tiny.conllu");
  TokenizerLexicon lex = learn_lexicon(treebank);
  EXPECT_TRUE(lex.abbreviations.count("calif."));
  EXPECT_TRUE(lex.hyphen_prefixes.count("x"));
  ASSERT_TRUE(lex.multiword.count("cannot"));
  EXPECT_EQ(lex.multiword["cannot"], (std::vector<std::uint8_t>{3, 3}));

  // The training text itself must be split right after enough epochs.
  SentenceSplitter splitter = train_splitter(treebank, {.epochs = 10, .seed = 7});
  EXPECT_TRUE(splitter.has_model());
  auto score = score_splitter(splitter, treebank);
  EXPECT_EQ(score.gold, 3u);
  EXPECT_DOUBLE_EQ(score.f1(), 100.0);

  std::string path = ::testing::TempDir() + "/tiny-splitter.bin";
  splitter.save(path);
  SentenceSplitter loaded = SentenceSplitter::load(path);
  EXPECT_EQ(loaded.learned().abbreviations, splitter.learned().abbreviations);
  Tokenizer a(std::make_shared<SentenceSplitter>(std::move(loaded)));
  Tokenizer b(std::make_shared<SentenceSplitter>(std::move(splitter)));
  std::string text =
      "We cannot go to Calif. today. They cannot stay. We cannot send x-ray or x-ray films to Calif. now.";
  EXPECT_EQ(dump(run(text, a)), dump(run(text, b)));
  EXPECT_EQ(dump(run(text, a)),
            "We cannot=can+not go to Calif. today . || They cannot=can+not stay . || "
            "We cannot=can+not send x-ray or x-ray films to Calif. now .");
}

TEST(SplitterTrainer, TruncatedModelIsAClearError) {
  Document treebank = read_conllu(kTinyTreebank, "tiny.conllu");
  SentenceSplitter splitter = train_splitter(treebank, {.epochs = 1});
  std::string path = ::testing::TempDir() + "/trunc-splitter.bin";
  splitter.save(path);
  std::string bytes = relgraph::detail::read_file(path);
  relgraph::detail::write_atomic(path, std::string_view(bytes).substr(0, bytes.size() / 2));
  try {
    SentenceSplitter::load(path);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Model);
    EXPECT_NE(std::string(e.what()).find("trunc-splitter.bin"), std::string::npos) << e.what();
  }
}

// The committed EWT model (models/splitter.bin), when present.
TEST(Tokenizer, CommittedModelSplitsNewsSentences) {
  std::string path = std::string(RELGRAPH_SOURCE_DIR) + "/models/splitter.bin";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  Tokenizer tok(std::make_shared<SentenceSplitter>(SentenceSplitter::load(path)));
  const Case cases[] = {
      {"Dr. Smith arrived on Jan. 5. He left on Monday.", "Dr. Smith arrived on Jan. 5 . || He left on Monday ."},
      {"The U.S. Embassy said so. Officials agreed.", "The U.S. Embassy said so . || Officials agreed ."},
      {"\"We will win,\" she said. \"Really?\" he asked.",
       "\" We will win , \" she said . || \" Really ? \" he asked ."},
      {"Ministers Meet in Capital\n\nThe minister met his counterpart on Tuesday.",
       "Ministers Meet in Capital || The minister met his counterpart on Tuesday ."},
  };
  for (const auto& c : cases) {
    Document doc = run(c.text, tok);
    EXPECT_EQ(dump(doc), c.expected) << c.text;
    expect_spans_exact(doc);
  }
}
