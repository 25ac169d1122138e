// DocRED reading, document building, prediction writing and scoring (checked
// against ../shared/eval/docred_score.py), and the relation classifier on
// hand-built parsed sentences.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "docred/crossval_trainer.hpp"
#include "relations/typed_stage.hpp"
#include "relgraph/error.hpp"
#include "support/builders.hpp"

namespace relgraph {
namespace {

// Two invented documents. Prediction: the second document's "Oslo" and
// "Norway" merged into one entity, a time mistaken for a person.
const char* kGold = R"([
 {"title": "Anna Berg", "sents": [["Anna", "Berg", "was", "born", "in", "Oslo", "."],
                                  ["She", "lives", "in", "Norway", "since", "1990", "."]],
  "vertexSet": [[{"sent_id": 0, "pos": [0, 2], "type": "PER", "name": "Anna Berg"}],
                [{"sent_id": 0, "pos": [5, 6], "type": "LOC", "name": "Oslo"}],
                [{"sent_id": 1, "pos": [3, 4], "type": "LOC", "name": "Norway"}],
                [{"sent_id": 1, "pos": [5, 6], "type": "TIME", "name": "1990"}]],
  "labels": [{"h": 0, "t": 1, "r": "P19", "evidence": [0]}, {"h": 1, "t": 2, "r": "P17", "evidence": [0, 1]},
             {"h": 0, "t": 2, "r": "P27", "evidence": [1]}]},
 {"title": "Kettle Lake", "sents": [["Kettle", "Lake", "lies", "in", "Vermont", "."],
                                    ["The", "lake", "feeds", "the", "Kettle", "River", "."]],
  "vertexSet": [[{"sent_id": 0, "pos": [0, 2], "type": "LOC"}, {"sent_id": 1, "pos": [0, 2], "type": "LOC"}],
                [{"sent_id": 0, "pos": [4, 5], "type": "LOC"}],
                [{"sent_id": 1, "pos": [4, 6], "type": "LOC"}]],
  "labels": [{"h": 0, "t": 1, "r": "P131"}, {"h": 2, "t": 1, "r": "P131"}]}
])";

docred::Prediction prediction(const std::string& title, std::vector<docred::PredictedEntity> entities,
                              std::vector<TypedRelation> relations) {
  return {title, std::move(entities), std::move(relations)};
}

std::vector<docred::Prediction> hand_prediction() {
  using M = docred::Mention;
  std::vector<docred::Prediction> p;
  p.push_back(prediction(
      "Anna Berg", {{"PER", {M{0, 0, 2, ""}}}, {"LOC", {M{0, 5, 6, ""}, M{1, 3, 4, ""}}}, {"PER", {M{1, 5, 6, ""}}}},
      {{0, 1, "P19", 0.9f}, {0, 1, "P27", 0.6f}, {0, 1, "P19", 0.5f}, {1, 0, "P17", 0.7f}}));
  p.push_back(prediction("Kettle Lake", {{"LOC", {M{0, 0, 2, ""}, M{1, 0, 2, ""}}}, {"LOC", {M{0, 4, 5, ""}}}},
                         {{0, 1, "P131", 0.8f}, {1, 0, "P131", 0.4f}}));
  return p;
}

std::string last_line(const std::string& text) {
  auto t = text;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  return t.substr(t.rfind('\n') + 1);
}

TEST(DocredRead, ReadsDocumentsMentionsAndFacts) {
  auto gold = docred::parse_docred(kGold, "gold.json");
  ASSERT_EQ(gold.size(), 2u);
  EXPECT_EQ(gold[0].title, "Anna Berg");
  EXPECT_EQ(gold[0].sents[1].size(), 7u);
  ASSERT_EQ(gold[0].entities.size(), 4u);
  EXPECT_EQ(gold[0].entities[1][0].key(), std::tuple(0, 5, 6));
  EXPECT_EQ(gold[0].facts[1].r, "P17");
  EXPECT_EQ(gold[1].entities[0].size(), 2u);
}

TEST(DocredRead, RejectsBadInputNamingTheFile) {
  const std::vector<std::string> bad = {
      "{}",
      R"([{"title": "x", "sents": [["a"]], "vertexSet": [[{"sent_id": 0, "pos": [0, 2], "type": "PER"}]]}])",
      R"([{"title": "x", "sents": [["a"]], "vertexSet": [], "labels": [{"h": 0, "t": 1, "r": "P1"}]}])",
      "[{",
  };
  for (const auto& json : bad) {
    try {
      docred::parse_docred(json, "bad.json");
      ADD_FAILURE() << json;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Format);
      EXPECT_NE(std::string(e.what()).find("bad.json"), std::string::npos) << e.what();
    }
  }
}

TEST(DocredDocument, OneSentenceALineTokensKept) {
  docred::GoldDocument g;
  g.sents = {{"A", "\xc2\xa0", "b c"}, {"", "."}};
  auto doc = docred::make_document(g);
  EXPECT_EQ(doc.text, "A \xc2\xa0 b_c\n_ .\n");
}

TEST(DocredScore, HandMadeFigures) {
  auto gold = docred::parse_docred(kGold, "gold.json");
  auto s = docred::score(gold, hand_prediction());
  // Mentions: 7 predicted, 8 gold, 7 right (6 with the right type).
  EXPECT_NEAR(s.mention_p, 1.0, 1e-9);
  EXPECT_NEAR(s.mention_r, 7.0 / 8, 1e-9);
  EXPECT_NEAR(s.mention_typed_f1, 2.0 * 6 / 15, 1e-9);
  // Entities (mention sets, whatever the type): Anna Berg, 1990, Kettle Lake and Vermont are exact.
  EXPECT_NEAR(s.entity_p, 4.0 / 5, 1e-9);
  EXPECT_NEAR(s.entity_r, 4.0 / 7, 1e-9);
  // Relations: 5 distinct predicted, 5 gold. Exact: (Kettle Lake, Vermont, P131).
  // Aligned also (Anna Berg, Oslo, P19): the merged entity aligns with Oslo, the first tie.
  EXPECT_NEAR(s.exact_p, 1.0 / 5, 1e-9);
  EXPECT_NEAR(s.aligned_p, 2.0 / 5, 1e-9);
  EXPECT_NEAR(s.aligned_r, 2.0 / 5, 1e-9);
  EXPECT_EQ(
      last_line(docred::report_text(s)),
      "DocRED relF1-aligned=40.00 relF1-exact=20.00 P=40.00 R=40.00 mentionF1=93.33 corefF1=" + [&] {
        char b[16];
        std::snprintf(b, sizeof b, "%.2f", 100 * s.conll_f1);
        return std::string(b);
      }());
}

TEST(DocredScore, TitlesAndCountsMustMatch) {
  auto gold = docred::parse_docred(kGold, "gold.json");
  auto pred = hand_prediction();
  pred.pop_back();
  EXPECT_THROW(docred::score(gold, pred), Error);
  pred = hand_prediction();
  pred[1].title = "Other";
  EXPECT_THROW(docred::score(gold, pred), Error);
}

// The written predictions, scored by the reference script, give our figures.
TEST(DocredScore, SameFiguresAsTheReferenceScript) {
  const std::string script = std::string(RELGRAPH_SOURCE_DIR) + "/../shared/eval/docred_score.py";
  if (!std::filesystem::exists(script) || testing::run_command("python3 -c 'pass'") != 0)
    GTEST_SKIP() << "docred_score.py or python3 absent";
  const auto dir = std::filesystem::temp_directory_path() / ("docred_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "gold.json") << kGold;
  auto gold = docred::parse_docred(kGold, "gold.json");
  auto pred = hand_prediction();
  std::ofstream(dir / "pred.json") << docred::write_predictions(pred);
  std::string out;
  ASSERT_EQ(testing::run_command("python3 '" + script + "' '" + (dir / "gold.json").string() + "' '" +
                                     (dir / "pred.json").string() + "'",
                                 &out),
            0);
  EXPECT_EQ(docred::report_text(docred::score(gold, pred)), out);
  std::filesystem::remove_all(dir);
}

TEST(DocredEntities, RecognisedTypesMapToDocredTypes) {
  const std::vector<std::pair<std::pair<std::string, std::string>, std::string>> cases = {
      {{"PER", ""}, "PER"},      {{"GPE", "Country"}, "LOC"}, {{"DATE", ""}, "TIME"},        {{"MONEY", ""}, "NUM"},
      {{"CARDINAL", ""}, "NUM"}, {{"NORP", ""}, "LOC"},       {{"EVENT", ""}, "MISC"},       {{"ORDINAL", ""}, ""},
      {{"PER", "Pronoun"}, ""},  {{"ORG", "Nominal"}, ""},    {{"WORK_OF_ART", ""}, "MISC"},
  };
  for (const auto& [in, want] : cases) {
    EntityMention m;
    m.type = in.first;
    m.subtype = in.second;
    EXPECT_EQ(docred::docred_type(m), want) << in.first << "/" << in.second;
  }
}

TEST(DocredEntities, ClustersAndIdenticalValuesBecomeEntities) {
  Document doc;
  for (const auto& words : std::vector<std::vector<std::string>>{
           {"Anna", "Berg", "met", "Ole", "in", "1990", "."},
           {"She", "said", "Berg", "left", "Norway", "and", "Norwegian", "1990", "."}}) {
    auto& s = doc.sentences.emplace_back();
    for (const auto& w : words) {
      Token t;
      t.form = w;
      s.tokens.push_back(std::move(t));
    }
  }
  auto mention = [](int s, int first, int last, std::string type, int entity, std::string subtype = "") {
    EntityMention m;
    m.span.sentence = s;
    m.span.first = first;
    m.span.last = last;
    m.type = std::move(type);
    m.subtype = std::move(subtype);
    m.entity = entity;
    return m;
  };
  doc.mentions = {mention(0, 0, 2, "PER", 0),  mention(0, 5, 6, "DATE", -1), mention(1, 0, 1, "PER", 0, "Pronoun"),
                  mention(1, 2, 3, "PER", 0),  mention(1, 4, 5, "GPE", 1),   mention(1, 6, 7, "NORP", 1),
                  mention(1, 7, 8, "DATE", -1)};
  auto p = docred::predicted_entities(doc, "t");
  std::string got;
  for (const auto& e : p.entities) {
    got.append(e.type).append(":");
    for (const auto& m : e.mentions)
      got.append(" ").append(std::to_string(m.sent)).append(".").append(std::to_string(m.first));
    got += "; ";
  }
  // The pronoun is not a DocRED mention; the nationality is apart from its country.
  EXPECT_EQ(got, "PER: 0.0 1.2; TIME: 0.5 1.7; LOC: 1.4; LOC: 1.6; ");
}

// "<name> <name> was born in <place> ." parsed by hand.
Document born_in(const std::string& first, const std::string& last, const std::string& place, bool born) {
  const std::string verb = born ? "born/VERB/VBN/bear/0/root" : "seen/VERB/VBN/see/0/root";
  return testing::make_document({first + "/PROPN/NNP/" + first + "/4/nsubj:pass",
                                 last + "/PROPN/NNP/" + last + "/1/flat", "was/AUX/VBD/be/4/aux:pass", verb,
                                 "in/ADP/IN/in/6/case", place + "/PROPN/NNP/" + place + "/4/obl",
                                 "./PUNCT/././4/punct"});
}

std::vector<PairEntity> born_entities() {
  auto span = [](int first, int last) {
    Span s;
    s.sentence = 0;
    s.first = first;
    s.last = last;
    return s;
  };
  return {{"PER", {span(0, 2)}}, {"LOC", {span(5, 6)}}};
}

TEST(RelationClassifier, LearnsAConstructionAndRoundTrips) {
  const std::vector<std::string> names = {"Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy", "Jo"};
  const std::vector<std::string> places = {"Oslo", "Rome", "Lima", "Kiev", "Oran", "Pune", "Riga", "Suva"};
  std::vector<Document> docs;
  for (std::size_t i = 0; i < 16; ++i)
    docs.push_back(born_in(names[i % 10], names[(i + 3) % 10], places[i % 8], i % 2 == 0));
  std::vector<RelationDocument> train;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    RelationDocument rd;
    rd.doc = &docs[i];
    rd.entities = born_entities();
    if (i % 2 == 0) rd.facts.push_back({0, 1, "P19"});
    train.push_back(std::move(rd));
  }
  RelationTrainOptions o;
  o.tune_folds = 0;
  auto rc = train_relation_classifier(train, o);
  ASSERT_EQ(rc.labels(), std::vector<std::string>{"P19"});
  const auto entities = born_entities();
  auto yes = rc.classify(born_in("Kim", "Lu", "Bonn", true), entities);
  ASSERT_EQ(yes.size(), 1u);
  EXPECT_EQ(yes[0].head, 0);
  EXPECT_EQ(yes[0].tail, 1);
  EXPECT_EQ(yes[0].property, "P19");
  EXPECT_GT(yes[0].score, 0.5f);
  EXPECT_TRUE(rc.classify(born_in("Kim", "Lu", "Bonn", false), entities).empty());
  // Model file: round trip, and every byte checked.
  auto bytes = rc.bytes();
  auto back = RelationClassifier::from_bytes(bytes, "relations.bin");
  EXPECT_EQ(back.classify(born_in("Kim", "Lu", "Bonn", true), entities).size(), 1u);
  EXPECT_THROW(RelationClassifier::from_bytes(bytes.substr(0, bytes.size() - 1), "relations.bin"), Error);
  EXPECT_THROW(RelationClassifier::from_bytes(bytes + "x", "relations.bin"), Error);
}

// The update margin: training goes on until the gold relation's raw score is
// above +margin and the others' below -margin. At every margin the construction
// is learned; the raw score of a training pair clears the margin.
TEST(RelationClassifier, UpdateMarginKeepsTheDecisionAndClearsTheMargin) {
  const std::vector<std::string> names = {"Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy", "Jo"};
  const std::vector<std::string> places = {"Oslo", "Rome", "Lima", "Kiev", "Oran", "Pune", "Riga", "Suva"};
  std::vector<Document> docs;
  for (std::size_t i = 0; i < 16; ++i)
    docs.push_back(born_in(names[i % 10], names[(i + 3) % 10], places[i % 8], i % 2 == 0));
  std::vector<RelationDocument> train;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    RelationDocument rd;
    rd.doc = &docs[i];
    rd.entities = born_entities();
    if (i % 2 == 0) rd.facts.push_back({0, 1, "P19"});
    train.push_back(std::move(rd));
  }
  const auto entities = born_entities();
  for (float margin : {0.0f, 2.0f, 8.0f, 20.0f}) {
    RelationTrainOptions o;
    o.tune_folds = 0;
    o.margin = margin;
    auto rc = train_relation_classifier(train, o);
    auto yes = rc.classify(born_in("Kim", "Lu", "Bonn", true), entities);
    ASSERT_EQ(yes.size(), 1u) << margin;
    EXPECT_EQ(yes[0].property, "P19") << margin;
    EXPECT_TRUE(rc.classify(born_in("Kim", "Lu", "Bonn", false), entities).empty()) << margin;
    auto ctx = detail::make_pair_context(docs[0], entities);
    std::vector<std::uint64_t> feats;
    detail::pair_features(ctx, 0, 1, feats);
    std::vector<float> scores(1, 0.0f);
    rc.model().score(feats, scores);
    EXPECT_GT(scores[0], margin) << margin;
  }
}

TEST(RelationClassifier, PooledFeaturesIgnoreMentionOrder) {
  // Two sentences, "Kim Lu was born in Bonn ." and "Kim Lu was seen in Oslo .".
  Document doc = born_in("Kim", "Lu", "Bonn", true);
  doc.sentences.push_back(born_in("Kim", "Lu", "Oslo", false).sentences[0]);
  auto span = [](int sentence, int first, int last) { return Span{sentence, first, last, 0, 0}; };
  std::vector<PairEntity> forward = {{"PER", {span(0, 0, 2), span(1, 0, 2)}}, {"LOC", {span(1, 5, 6)}}};
  std::vector<PairEntity> backward = {{"PER", {span(1, 0, 2), span(0, 0, 2)}}, {"LOC", {span(1, 5, 6)}}};
  std::vector<PairEntity> apart = {{"PER", {span(0, 0, 2)}}, {"LOC", {span(1, 5, 6)}}};
  std::vector<std::uint64_t> a, b, c;
  for (auto [h, t] : {std::pair{0, 1}, std::pair{1, 0}}) {
    auto ca = detail::make_pair_context(doc, forward), cb = detail::make_pair_context(doc, backward);
    detail::pair_features(ca, h, t, a);
    detail::pair_features(cb, h, t, b);
    EXPECT_EQ(a, b);
    EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
    // Without a shared sentence the path between the mentions is missing.
    auto cc = detail::make_pair_context(doc, apart);
    detail::pair_features(cc, h, t, c);
    EXPECT_GT(a.size(), c.size() + 3);
  }
}

TEST(RelationClassifier, RejectsMentionsOutsideTheDocument) {
  RelationClassifier rc({"P19"}, {"PER", "LOC"}, {0, 1, 0, 0}, {0.0f}, detail::Perceptron());
  std::vector<PairEntity> entities = {{"PER", {Span{3, 0, 1, 0, 0}}}, {"LOC", {Span{0, 0, 1, 0, 0}}}};
  EXPECT_THROW(rc.classify(born_in("Kim", "Lu", "Bonn", true), entities), Error);
}

}  // namespace
}  // namespace relgraph

namespace relgraph {
namespace {

TEST(DocredEntities, ValueMentionsCutIntoBareValues) {
  const auto edges = detail::Lexicon("value_edges", "value_edges.tsv",
                                     "# test\nfrom\tlead\nover\tlead\nup\tlead\nto\tsplit\n-\tsplit\nand\tsplit\n");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"from 1992 to 2002", "[1,2) [3,4)"}, {"over 10,000", "[1,2)"}, {"12 May 1990", "[0,3)"},
      {"1801 - 1870", "[0,1) [2,3)"},       {"up to five", "[2,3)"},  {"From", ""},
  };
  for (const auto& [text, want] : cases) {
    std::vector<std::string> words;
    for (std::size_t at = 0; at <= text.size();) {
      auto sp = std::min(text.find(' ', at), text.size());
      words.push_back(text.substr(at, sp - at));
      at = sp + 1;
    }
    auto doc = testing::make_document(words);
    std::string got;
    for (auto [f, l] : docred::value_parts(doc.sentences[0], 0, static_cast<int>(words.size()), edges)) {
      if (!got.empty()) got += ' ';
      got += '[' + std::to_string(f) + ',' + std::to_string(l) + ')';
    }
    EXPECT_EQ(got, want) << text;
  }
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  for (std::size_t at = 0; at <= text.size();) {
    auto sp = std::min(text.find(' ', at), text.size());
    words.push_back(text.substr(at, sp - at));
    at = sp + 1;
  }
  return words;
}

TEST(DocredEntities, ValueMentionsTakeDocredBounds) {
  const auto edges = detail::Lexicon("value_edges", "value_edges.tsv", "# test\nfor\tlead\n-\tsplit\nthe\tarticle\n");
  const auto units = detail::Lexicon("time_units", "time_units.tsv", "# test\nweek\nhour\ncentury\n");
  const auto numbers = detail::Lexicon("number_words", "number_words.tsv", "# test\ntwo\t2\nforty\t40\n");
  const docred::ValueLexicons lex{&edges, &units, &numbers};
  // text, the recognised mention [first, last) and its type, the DocRED mentions
  const std::vector<std::tuple<std::string, int, int, std::string, std::string>> cases = {
      {"for two weeks", 0, 2, "NUM", "TIME[1,3)"},
      {"a two - hour drive", 1, 2, "NUM", "TIME[1,4)"},
      {"forty - two letters", 0, 3, "NUM", "NUM[0,3)"},
      {"forty - two letters", 2, 3, "NUM", "NUM[0,3)"},
      {"in the 1960s", 2, 3, "TIME", "TIME[1,3)"},
      {"the 19th century", 1, 3, "TIME", "TIME[0,3)"},
      {"the 1990 season", 1, 2, "TIME", "TIME[1,2)"},  // a year keeps no article
      {"two cats", 0, 1, "NUM", "NUM[0,1)"},
      {"1801 - 1870", 0, 3, "TIME", "TIME[0,1) TIME[2,3)"},
  };
  for (const auto& [text, first, last, type, want] : cases) {
    auto doc = testing::make_document(split_words(text));
    std::string got;
    for (const auto& v : docred::value_mentions(doc.sentences[0], first, last, type, lex)) {
      if (!got.empty()) got += ' ';
      got += v.type + '[' + std::to_string(v.first) + ',' + std::to_string(v.last) + ')';
    }
    EXPECT_EQ(got, want) << text;
  }
}

TEST(DocredEntities, QuotedTitlesAreOneMiscMention) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"the song \" Rain on Glass \" was", "[3,6)"},
      {"he wrote \" Blue Hour . \" then", "[3,5)"},
      {"she said \" no way \" twice", ""},  // not capitalised: speech
      {"a \" Long Night \" and \" Dawn \"", "[2,4) [7,8)"},
      {"an open \" quote", ""},
  };
  for (const auto& [text, want] : cases) {
    auto doc = testing::make_document(split_words(text));
    std::string got;
    for (auto [a, b] : docred::quoted_titles(doc.sentences[0])) {
      if (!got.empty()) got += ' ';
      got += '[' + std::to_string(a) + ',' + std::to_string(b) + ')';
    }
    EXPECT_EQ(got, want) << text;
  }
  // A recognised mention inside the title gives way to it; one with the title's bounds stays.
  auto doc = testing::make_document(split_words("the song \" Rain on Glass \" by Ana Lind"));
  EntityMention inner;
  inner.span = Span{0, 3, 4, 0, 0};
  inner.type = "PER";
  EntityMention singer;
  singer.span = Span{0, 8, 10, 0, 0};
  singer.type = "PER";
  doc.mentions = {inner, singer};
  auto p = docred::predicted_entities(doc, "t");
  std::string got;
  for (const auto& e : p.entities)
    for (const auto& m : e.mentions)
      got += e.type + '[' + std::to_string(m.first) + ',' + std::to_string(m.last) + ") ";
  EXPECT_EQ(got, "PER[8,10) MISC[3,6) ");
}

TEST(RelationFeatures, CountEntitiesOfTheTailTypeBetweenTheMentions) {
  auto doc = testing::make_document(split_words("Lea lives in Ulm , Bavaria ."));
  auto features = [&](const std::string& middle_type) {
    std::vector<PairEntity> entities = {
        {"PER", {Span{0, 0, 1, 0, 0}}}, {middle_type, {Span{0, 3, 4, 0, 0}}}, {"LOC", {Span{0, 5, 6, 0, 0}}}};
    auto ctx = detail::make_pair_context(doc, entities);
    std::vector<std::uint64_t> out;
    detail::pair_features(ctx, 0, 2, out);
    return out;
  };
  auto with_place = features("LOC"), with_other = features("MISC");
  std::vector<std::uint64_t> differ;
  std::set_symmetric_difference(with_place.begin(), with_place.end(), with_other.begin(), with_other.end(),
                                std::back_inserter(differ));
  EXPECT_EQ(differ.size(), 2u);  // one place between Lea and Bavaria, or none
}

}  // namespace
TEST(TypedRelationStage, EntitiesTakeTheirMentionsMajorityType) {
  Document doc;
  auto& s = doc.sentences.emplace_back();
  for (const char* w : {"Anna", "Berg", "visited", "Norway", "and", "she", "left", "."}) {
    Token t;
    t.form = w;
    s.tokens.push_back(std::move(t));
  }
  auto mention = [](int first, int last, std::string type, std::string subtype = "") {
    EntityMention m;
    m.span.sentence = 0;
    m.span.first = first;
    m.span.last = last;
    m.type = std::move(type);
    m.subtype = std::move(subtype);
    return m;
  };
  doc.mentions = {mention(0, 2, "PER"), mention(3, 4, "GPE"), mention(5, 6, "PER", "Pronoun")};
  for (const std::vector<int>& ms : {std::vector<int>{0, 2}, std::vector<int>{1}, std::vector<int>{2}})
    doc.entities.emplace_back().mentions = ms;
  auto in = entity_pairs_input(doc);
  ASSERT_EQ(in.size(), 3u);
  EXPECT_EQ(in[0].type, "PER");
  EXPECT_EQ(in[0].mentions.size(), 1u);  // the pronoun is no DocRED mention
  EXPECT_EQ(in[1].type, "LOC");
  EXPECT_EQ(in[2].type, "");  // nothing but a pronoun: left out
}

TEST(TypedRelationStage, MissingModelIsAnErrorNamingIt) {
  PipelineOptions o;
  o.models_dir = "/nonexistent-models";
  try {
    make_typed_relation_stage(o);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-models/relations.bin"), std::string::npos) << e.what();
  }
}

}  // namespace relgraph
