// Tests for src/ner: BILOU constraints and conversions, IOB2 reading and
// scoring, gazetteer lookups, value normalisation, mention typing, the
// constrained decoder, training and model round trip.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

#include "core/perceptron_trainer.hpp"
#include "ner/bilou.hpp"
#include "ner/context.hpp"
#include "ner/entity_typing.hpp"
#include "ner/features.hpp"
#include "ner/gazetteer.hpp"
#include "ner/iob2.hpp"
#include "ner/name_rules.hpp"
#include "ner/recognizer.hpp"
#include "ner/recognizer_trainer.hpp"
#include "ner/values.hpp"
#include "ner/viterbi.hpp"
#include "relgraph/error.hpp"
#include "support/builders.hpp"

using namespace relgraph;
using namespace relgraph::ner;

namespace {

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

const Gazetteer& gazetteer() {
  static const Gazetteer g = Gazetteer::load(std::string(RELGRAPH_SOURCE_DIR) + "/schemas/gazetteer");
  return g;
}

// "text/TYPE=value" for each value found in the sentence, joined by "; ".
std::string dump_values(const std::string& sentence) {
  auto forms = words(sentence);
  std::string out;
  for (const auto& v : find_values(forms, &gazetteer())) {
    std::string text;
    for (int i = v.first; i < v.last; ++i) text += (i > v.first ? " " : "") + forms[i];
    out += (out.empty() ? "" : "; ") + text + "/" + v.type + "=" + v.value;
  }
  return out;
}

Iob2Sentence iob2(const std::string& tagged) {
  // "John/B-PER Smith/I-PER visited/O Paris/B-LOC"
  Iob2Sentence s;
  for (const auto& w : words(tagged)) {
    auto slash = w.rfind('/');
    s.forms.push_back(w.substr(0, slash));
    s.tags.push_back(w.substr(slash + 1));
  }
  return s;
}

}  // namespace

TEST(Bilou, LabelSetAndConstraints) {
  EXPECT_EQ(bilou_labels({"PER"}), (std::vector<std::string>{"O", "B-PER", "I-PER", "L-PER", "U-PER"}));
  struct Case {
    const char* prev;
    const char* next;
    bool ok;
  };
  const Case cases[] = {
      {"", "B-PER", true},      {"", "I-PER", false},      {"", "L-PER", false},     {"", "U-LOC", true},
      {"O", "O", true},         {"B-PER", "I-PER", true},  {"B-PER", "L-PER", true}, {"B-PER", "L-ORG", false},
      {"B-PER", "O", false},    {"I-ORG", "B-ORG", false}, {"L-PER", "B-PER", true}, {"U-PER", "I-PER", false},
      {"L-LOC", "U-LOC", true}, {"I-LOC", "I-LOC", true},  {"O", "L-LOC", false},
  };
  for (const auto& c : cases) EXPECT_EQ(bilou_allowed(c.prev, c.next), c.ok) << c.prev << " -> " << c.next;
  EXPECT_TRUE(valid_bilou({"B-PER", "L-PER", "O", "U-LOC"}));
  EXPECT_FALSE(valid_bilou({"B-PER"}));
  EXPECT_FALSE(valid_bilou({"O", "I-PER", "L-PER"}));
}

TEST(Bilou, ConvertsIob2LenientlyAndBack) {
  struct Case {
    std::vector<std::string> iob2, bilou;
  };
  const Case cases[] = {
      {{"B-PER", "I-PER", "O", "B-LOC"}, {"B-PER", "L-PER", "O", "U-LOC"}},
      {{"I-ORG", "I-ORG", "I-ORG"}, {"B-ORG", "I-ORG", "L-ORG"}},  // I- without B- starts a mention
      {{"B-PER", "B-PER"}, {"U-PER", "U-PER"}},                    // adjacent mentions
      {{"B-PER", "I-LOC"}, {"U-PER", "U-LOC"}},                    // type change
  };
  for (const auto& c : cases) {
    auto b = iob2_to_bilou(c.iob2);
    EXPECT_EQ(b, c.bilou);
    EXPECT_TRUE(valid_bilou(b));
    EXPECT_EQ(iob2_to_bilou(bilou_to_iob2(b)), b);
  }
  EXPECT_EQ(iob2_spans({"O", "B-PER", "I-PER", "I-LOC"}), (std::vector<TypedSpan>{{1, 3, "PER"}, {3, 4, "LOC"}}));
}

TEST(Iob2, ReadsUnerColumnsAndRejectsBadLines) {
  const std::string text =
      "# sent_id = a\n1\tJohn\tB-PER\t-\tx\n2\tlives\tO\n3\tin\tO\n4\tParis\tB-LOC\t-\tx\n\n"
      "# sent_id = b\n1\tHi\tO\n";
  auto s = read_iob2(text, "t.iob2");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].forms, (std::vector<std::string>{"John", "lives", "in", "Paris"}));
  EXPECT_EQ(s[0].tags[3], "B-LOC");
  try {
    read_iob2("1\tJohn\n", "bad.iob2");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_NE(std::string(e.what()).find("bad.iob2:1"), std::string::npos) << e.what();
  }
  EXPECT_EQ(clean_tag("B-OTH", {"PER", "ORG", "LOC"}), "O");
  EXPECT_EQ(clean_tag("B-O", {"PER", "ORG", "LOC"}), "O");
  EXPECT_EQ(clean_tag("I-LOC", {"PER", "ORG", "LOC"}), "I-LOC");
}

TEST(Iob2, ReadsDocumentBoundaries) {
  const std::string text =
      "# newdoc id = d1\n# sent_id = a\n1\tHi\tO\n\n# sent_id = b\n1\tYo\tO\n\n# newdoc\n1\tOk\tO\n\n"
      "#  newdoc id = d3 \n1\tSo\tO\n";
  auto s = read_iob2(text, "t.iob2");
  ASSERT_EQ(s.size(), 4u);
  const std::vector<std::string> want = {"d1", "", "-", "d3"};
  for (std::size_t i = 0; i < s.size(); ++i) EXPECT_EQ(s[i].newdoc, want[i]) << i;
  Document doc = iob2_document(s, "t");
  EXPECT_EQ(doc.sentences[0].comments.at("newdoc id"), "d1");
  EXPECT_EQ(doc.sentences[1].comments.count("newdoc id"), 0u);
  EXPECT_EQ(discourses(doc.sentences), (std::vector<std::pair<int, int>>{{0, 2}, {2, 3}, {3, 4}}));
}

TEST(Iob2, ScoresExactSpans) {
  NerScores s;
  s.add({"B-PER", "I-PER", "O", "B-LOC", "O"}, {"B-PER", "I-PER", "O", "B-ORG", "O"});  // 1 tp, LOC fn, ORG fp
  s.add({"B-ORG", "I-ORG", "O"}, {"B-ORG", "O", "O"});                                  // boundary error
  EXPECT_EQ(s.overall.tp, 1);
  EXPECT_EQ(s.overall.fp, 2);
  EXPECT_EQ(s.overall.fn, 2);
  EXPECT_EQ(s.by_type["PER"].tp, 1);
  EXPECT_EQ(s.by_type["LOC"].fn, 1);
  EXPECT_EQ(s.by_type["ORG"].fp, 2);
  EXPECT_NEAR(s.overall.f1(), 1.0 / 3.0, 1e-9);
}

TEST(Gazetteer, LooksUpCountriesDemonymsAbbreviationsAndRegions) {
  struct Case {
    const char* phrase;
    const char* type;
    const char* subtype;
    const char* canonical;
  };
  const Case cases[] = {
      {"U.S.", "LOC", "Country", "United States"},
      {"US", "LOC", "Country", "United States"},
      {"USA", "LOC", "Country", "United States"},
      {"the United States", "LOC", "Country", "United States"},
      {"America", "LOC", "Country", "United States"},
      {"UK", "LOC", "Country", "United Kingdom"},
      {"Britain", "LOC", "Country", "United Kingdom"},
      {"Tunisia", "LOC", "Country", "Tunisia"},
      {"Syrian Arab Republic", "LOC", "Country", "Syria"},
      {"germany", "LOC", "Country", "Germany"},
      {"Tunisian", "NORP", "Demonym", "Tunisia"},
      {"American", "NORP", "Demonym", "United States"},
      {"Americans", "NORP", "Demonym", "United States"},
      {"French", "NORP", "Demonym", "France"},
      {"British", "NORP", "Demonym", "United Kingdom"},
      {"UN", "ORG", "InternationalOrganization", "United Nations"},
      {"NATO", "ORG", "InternationalOrganization", "North Atlantic Treaty Organization"},
      {"EU", "ORG", "InternationalOrganization", "European Union"},
      {"Middle East", "LOC", "Region", "Middle East"},
      {"sub-Saharan Africa", "LOC", "Region", "sub-Saharan Africa"},
      {"Africa", "LOC", "Region", "Africa"},
      {"Paris", "LOC", "City", "Paris"},
  };
  for (const auto& c : cases) {
    const GazetteerEntry* e = gazetteer().find(c.phrase);
    ASSERT_NE(e, nullptr) << c.phrase;
    EXPECT_EQ(e->type, c.type) << c.phrase;
    EXPECT_EQ(e->subtype, c.subtype) << c.phrase;
    EXPECT_EQ(e->canonical, c.canonical) << c.phrase;
  }
  // Abbreviations match case-sensitively: "us" and "who" are words.
  EXPECT_EQ(gazetteer().find("us"), nullptr);
  EXPECT_EQ(gazetteer().find("who"), nullptr);
  EXPECT_EQ(gazetteer().find("Ministry"), nullptr);  // a cue word, not a name
  // Tokens as the tokenizer splits them match the same phrase.
  PhraseKey key;
  for (const char* w : {"sub", "-", "Saharan", "Africa"}) key.add(w);
  ASSERT_NE(gazetteer().find(key), nullptr);
  EXPECT_EQ(gazetteer().currency("$"), "USD");
  EXPECT_EQ(gazetteer().currency("euros"), "EUR");
  EXPECT_EQ(gazetteer().currency("Tunisian Dinars"), "TND");
  EXPECT_EQ(gazetteer().currency("the"), "");
}

// names.tsv: feature-only name lists; names that are ordinary words match only capitalised.
TEST(Gazetteer, NameListsAreFeatureBitsOnly) {
  const std::uint16_t kNames = kGazPersonName | kGazOrgName | kGazPlaceName;
  struct Case {
    const char* phrase;
    std::uint16_t want;  // name-list bits
  };
  const std::vector<Case> cases = {
      {"Einstein", kGazPersonName},
      {"einstein", kGazPersonName},  // any letter case
      {"Bill", kGazPersonName},
      {"bill", 0},  // an ordinary word: only as written
      {"Starbucks", kGazOrgName},
      {"Nairobi", kGazPlaceName},
      {"nairobi", kGazPlaceName},
      {"Toronto", kGazOrgName | kGazPlaceName},  // a company name too
      {"the", 0},
  };
  for (const auto& c : cases) {
    PhraseKey key;
    key.add(c.phrase);
    EXPECT_EQ(gazetteer().bits(key) & kNames, c.want) << c.phrase;
  }
  EXPECT_EQ(gazetteer().find("Einstein"), nullptr);  // no typed entry: rules never see the lists
}

TEST(Gazetteer, OrganisationSubtypesFromCueWords) {
  struct Case {
    const char* name;
    const char* subtype;
  };
  const Case cases[] = {
      {"Ministry of Justice", "GovernmentBody"}, {"State Department", "GovernmentBody"},
      {"Interior Ministry", "GovernmentBody"},   {"Free Syrian Army", "ArmedGroup"},
      {"Labour Party", "PoliticalParty"},        {"Acme Widgets Inc.", "Company"},
      {"The New York Times", "Media"},           {"Stanford University", "Education"},
      {"Task Force on Trade", "GovernmentBody"}, {"Acme", ""},
  };
  for (const auto& c : cases) {
    auto w = words(c.name);
    std::vector<std::string_view> views(w.begin(), w.end());
    EXPECT_EQ(gazetteer().org_subtype(views), c.subtype) << c.name;
  }
}

TEST(Gazetteer, MissingDirectoryNamesIt) {
  try {
    Gazetteer::load("/nonexistent/gaz");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    EXPECT_NE(std::string(e.what()).find("/nonexistent/gaz"), std::string::npos);
  }
}

TEST(Values, NormalisesDatesMoneyPercentQuantitiesAndCardinals) {
  struct Case {
    const char* sentence;
    const char* expected;
  };
  const Case cases[] = {
      {"on 12 Sep 2018 .", "12 Sep 2018/DATE=2018-09-12"},
      {"Wed , 12 Sep 2018 15:58 GMT", "Wed , 12 Sep 2018 15:58 GMT/DATE=2018-09-12T15:58Z"},
      {"September 12 , 2018", "September 12 , 2018/DATE=2018-09-12"},
      {"in October 2017", "October 2017/DATE=2017-10"},
      {"until January 2018", "until January 2018/DATE=../2018-01"},
      {"in 2015 .", "2015/DATE=2015"},
      {"from 2011 to 2016", "from 2011 to 2016/DATE=2011/2016"},
      {"between 2011 and 2017", "between 2011 and 2017/DATE=2011/2017"},
      {"since 2011", "since 2011/DATE=2011/.."},
      {"in the 1990s", "1990s/DATE=1990/1999"},
      {"2011 - 2016", "2011 - 2016/DATE=2011/2016"},
      {"on 2018-09-12", "2018-09-12/DATE=2018-09-12"},
      {"they may go", ""},
      {"$100 million", "$100 million/MONEY=USD 100000000"},
      {"$ 7 million in aid", "$ 7 million/MONEY=USD 7000000"},
      {"€5bn", "€5bn/MONEY=EUR 5000000000"},
      {"30 euros", "30 euros/MONEY=EUR 30"},
      {"2.5 billion US dollars", "2.5 billion US dollars/MONEY=USD 2500000000"},
      {"500 Tunisian dinars", "500 Tunisian dinars/MONEY=TND 500"},
      {"12.5 percent", "12.5 percent/PERCENT=12.5%"},
      {"40% of", "40%/PERCENT=40%"},
      {"about 3,000 fighters", "about 3,000/CARDINAL=3000"},
      {"8 Black Hawk helicopters", "8/CARDINAL=8"},
      {"more than two million people", "more than two million/CARDINAL=2000000"},
      {"twenty-five", "twenty-five/CARDINAL=25"},
      {"one of them", ""},
      {"300 km away", "300 km/QUANTITY=300 km"},
      {"UH-60 helicopters", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(dump_values(c.sentence), c.expected) << c.sentence;
}

// Numbers beyond what a date, a clock or a double can hold are no value of
// that kind; they never overflow or throw.
TEST(Values, OutOfRangeNumbers) {
  struct Case {
    std::string sentence;
    const char* expected;
  };
  const Case cases[] = {
      {"at 123456789012:45 today", ""},
      {"at 4294967296:30 today", ""},
      {"on 12 Sep 2018 99999999999:05", "12 Sep 2018/DATE=2018-09-12"},  // no clock time
      {"on 12 Sep 2018 4294967311:05", "12 Sep 2018/DATE=2018-09-12"},
      {"1" + std::string(400, '0') + " people", ""},
      {"$1" + std::string(400, '0'), ""},
  };
  for (const auto& c : cases) {
    std::string got = "not run";
    EXPECT_NO_THROW(got = dump_values(c.sentence)) << c.sentence;
    EXPECT_EQ(got, c.expected) << c.sentence;
  }
}

TEST(Values, NumberHelpers) {
  EXPECT_EQ(parse_number("3,000"), 3000.0);
  EXPECT_EQ(parse_number("1,234.5"), 1234.5);
  EXPECT_EQ(parse_number("eight"), 8.0);
  EXPECT_FALSE(parse_number("3,00"));
  EXPECT_FALSE(parse_number("abc"));
  EXPECT_EQ(format_number(100000000), "100000000");
  EXPECT_EQ(format_number(2.5), "2.5");
  EXPECT_EQ(month_number("Sept."), 9);
  EXPECT_EQ(month_number("dec"), 12);
  EXPECT_EQ(month_number("Mayor"), 0);
}

TEST(Typing, RefinesMentionsFromGazetteerAndCues) {
  struct Case {
    const char* text;
    const char* model_type;
    const char* type;
    const char* subtype;
    const char* canonical;
  };
  const Case cases[] = {
      {"U.S.", "ORG", "LOC", "Country", "United States"},
      {"Tunisia", "LOC", "LOC", "Country", "Tunisia"},
      {"Maghreb", "LOC", "LOC", "Region", "Maghreb"},
      {"Ministry of Defence", "ORG", "ORG", "GovernmentBody", "Ministry of Defence"},
      {"Harvard University", "LOC", "ORG", "Education", "Harvard University"},
      {"Springfield", "LOC", "LOC", "Place", "Springfield"},
      {"Jane Doe", "PER", "PER", "", "Jane Doe"},
  };
  for (const auto& c : cases) {
    EntityMention m;
    m.text = c.text;
    m.type = c.model_type;
    auto w = words(c.text);
    refine_mention(m, std::vector<std::string_view>(w.begin(), w.end()), gazetteer());
    EXPECT_EQ(m.type, c.type) << c.text;
    EXPECT_EQ(m.subtype, c.subtype) << c.text;
    EXPECT_EQ(m.canonical, c.canonical) << c.text;
  }
}

TEST(Features, WordShape) {
  EXPECT_EQ(word_shape("Tunisia"), "Xxx");
  EXPECT_EQ(word_shape("U.S."), "X.X.");
  EXPECT_EQ(word_shape("2018"), "dd");
  EXPECT_EQ(word_shape("AB-12C"), "XX-ddX");
}

// One sense per discourse: untagged recurrences of a found name get its
// majority type, within one document only, and never lower-case names.
TEST(Typing, PropagatesNamesWithinADiscourse) {
  Document doc = iob2_document(
      {iob2("Zorbex/B-ORG hired/O Kim/B-PER Lo/I-PER ./O"), iob2("Zorbex/O said/O kim/O lo/O met/O Kim/O Lo/O ./O"),
       iob2("Zorbex/B-LOC is/O far/O ./O"),  // Zorbex: 2 ORG to 1 LOC
       iob2("ask/O bob/B-PER at/O Zorbex/B-ORG ./O"), iob2("Zorbex/O and/O bob/O ./O")},
      "t");
  doc.sentences[4].comments["newdoc id"] = "second";
  std::vector<std::vector<TypedSpan>> spans(doc.sentences.size());
  spans[0] = {{0, 1, "ORG"}, {2, 4, "PER"}};
  spans[2] = {{0, 1, "LOC"}};
  spans[3] = {{1, 2, "PER"}, {3, 4, "ORG"}};
  spans[1] = {{5, 7, "PER"}};  // already tagged: kept
  propagate_names(doc, spans);
  auto dump = [&](int s) {
    std::string out;
    for (const auto& t : spans[s]) out += std::to_string(t.first) + "-" + std::to_string(t.last) + t.type + " ";
    return out;
  };
  EXPECT_EQ(dump(0), "0-1ORG 2-4PER ");
  EXPECT_EQ(dump(1), "0-1ORG 5-7PER ");  // lower-case "kim lo" stays untagged
  EXPECT_EQ(dump(2), "0-1LOC ");         // tagged spans are never changed
  EXPECT_EQ(dump(3), "1-2PER 3-4ORG ");
  EXPECT_EQ(dump(4), "");  // another document; "bob" has no capital
}

TEST(Typing, ALowerCaseWordBetweenCapitalsEndsAName) {
  struct Row {
    std::string sentence;
    std::vector<TypedSpan> spans;
    std::string want;
  };
  const std::vector<Row> rows = {
      {"The/O European/O Commission/O fined/O Google/O ./O", {{1, 5, "ORG"}}, "1-3ORG 4-5ORG "},
      {"Bank/O of/O America/O rose/O ./O", {{0, 3, "ORG"}}, "0-3ORG "},  // "of" joins names
      {"I/O ate/O at/O taco/O bell/O ./O", {{3, 5, "ORG"}}, "3-5ORG "},  // all lower case
      {"Sarah/O said/O ./O", {{0, 2, "PER"}}, "0-2PER "},                // nothing capitalised after it
      {"Omar/O bin/O Laden/O spoke/O ./O", {{0, 3, "PER"}}, "0-3PER "},
  };
  for (const auto& r : rows) {
    Document doc = iob2_document({iob2(r.sentence)}, "t");
    std::string out;
    for (const auto& t : split_at_lower_words(doc.sentences[0], r.spans))
      out += std::to_string(t.first) + "-" + std::to_string(t.last) + t.type + " ";
    EXPECT_EQ(out, r.want) << r.sentence;
  }
}

TEST(Typing, AHyphenatedNameRunsOnOverItsAttachedWords) {
  struct Row {
    std::string sentence;  // "~" before a word: attached to the word before it
    std::vector<TypedSpan> spans;
    std::string want;
  };
  const std::vector<Row> rows = {
      {"Tam/O Wai/O ~-/O ~ling/O won/O ./O", {{0, 2, "PER"}}, "0-4PER "},
      {"Tam/O Wai/O ~-/O ~ling/O and/O Ko/O Siu/O ~-/O ~ming/O won/O ./O",
       {{0, 2, "PER"}, {5, 7, "LOC"}},
       "0-4PER 5-9LOC "},
      {"Tam/O Wai/O ~-/O ~ling/O won/O ./O", {{0, 3, "PER"}, {3, 4, "PER"}}, "0-4PER "},  // absorbs the rest
      {"Tam/O Wai/O -/O ling/O won/O ./O", {{0, 2, "PER"}}, "0-2PER "},                   // spaced dash
      {"New/O Ulmar/O ~-/O ~based/VBN firms/O ./O", {{0, 2, "LOC"}}, "0-2LOC "},          // participle
      {"Zorbia/O ~-/O ~led/VBN forces/O ./O", {{0, 1, "LOC"}}, "0-1LOC "},
      {"Zorbia/O ~-/O ~Ulmaria/O talks/O ./O", {{0, 1, "LOC"}}, "0-3LOC "},  // a one-word name: capital only
      {"Acme/O ~-/O ~style/O goods/O ./O", {{0, 1, "ORG"}}, "0-1ORG "},
      {"Tam/O Wai/O ~-/O ~hung/VBN won/O ./O", {{0, 2, "PER"}}, "0-4PER "},  // a person's name: any word
      {"Tam/O Wai/O ~-/O ~hung/VBN won/O ./O", {{0, 2, "LOC"}}, "0-2LOC "},
      {"Jo/O Arn/O ~-/O ~led/VBN talks/O ./O", {{0, 2, "PER"}}, "0-2PER "},  // but no compound adjective
  };
  for (const auto& r : rows) {
    std::string plain;
    std::vector<bool> attached;
    std::vector<std::string> xpos;
    for (auto w : words(r.sentence)) {
      attached.push_back(!w.empty() && w[0] == '~');
      if (attached.back()) w.erase(0, 1);
      auto slash = w.rfind('/');
      std::string tag = w.substr(slash + 1);
      xpos.push_back(tag == "O" ? "NNP" : tag);
      plain += (plain.empty() ? "" : " ") + w.substr(0, slash) + "/O";
    }
    Document doc = iob2_document({iob2(plain)}, "t");
    auto& toks = doc.sentences[0].tokens;
    for (std::size_t k = 0; k < toks.size(); ++k) {
      toks[k].xpos = xpos[k];
      if (k + 1 < toks.size()) toks[k].space_after = !attached[k + 1];
    }
    std::string out;
    for (const auto& t : join_hyphenated_names(doc.sentences[0], r.spans))
      out += std::to_string(t.first) + "-" + std::to_string(t.last) + t.type + " ";
    EXPECT_EQ(out, r.want) << r.sentence;
  }
}

TEST(Typing, TwoNamesJoinedByAndAreCutApart) {
  struct Row {
    std::string sentence;
    std::vector<TypedSpan> spans;
    std::string want;
  };
  const std::vector<Row> rows = {
      // each part has an organisation cue word of its own
      {"Ulmar/O Institute/O of/O Optics/O and/O Zorbia/O State/O University/O met/O ./O",
       {{0, 8, "ORG"}},
       "0-4ORG 5-8ORG "},
      // a determiner opens the second name
      {"the/O Ulmar/O Bank/O and/O the/O Zorbia/O Trust/O met/O ./O", {{1, 7, "ORG"}}, "1-3ORG 5-7ORG "},
      // no cue before "and": one name
      {"the/O Food/O and/O Drug/O Administration/O met/O ./O", {{1, 5, "ORG"}}, "1-5ORG "},
      {"Ulmar/O Trade/O and/O Zorbia/O Ministry/O met/O ./O", {{0, 5, "ORG"}}, "0-5ORG "},
      // three names
      {"Ulmar/O University/O and/O Zorbia/O Institute/O and/O Kelt/O Council/O met/O ./O",
       {{0, 8, "ORG"}},
       "0-2ORG 3-5ORG 6-8ORG "},
      {"Ulmar/O University/O and/O the/O met/O ./O", {{0, 4, "ORG"}}, "0-4ORG "},  // nothing after the determiner
  };
  for (const auto& r : rows) {
    Document doc = iob2_document({iob2(r.sentence)}, "t");
    std::string out;
    for (const auto& t : split_coordinated_names(doc.sentences[0], gazetteer(), r.spans))
      out += std::to_string(t.first) + "-" + std::to_string(t.last) + t.type + " ";
    EXPECT_EQ(out, r.want) << r.sentence;
  }
}

TEST(Typing, CueWordsNameFacilitiesEventsLawsAndOperations) {
  struct Row {
    std::string sentence;
    std::vector<TypedSpan> spans;  // the recognizer's
    std::string want;
  };
  const std::vector<Row> rows = {
      {"They/O played/O at/O the/O Varnholt/O Stadium/O ./O", {}, "4-6LOC "},
      {"Ulm/O won/O the/O Varn/O World/O Cup/O ./O", {{0, 1, "LOC"}, {3, 4, "ORG"}}, "3-6EVENT "},
      {"The/O Clean/O Water/O Act/O passed/O ./O", {}, "1-4LAW "},
      {"Operation/O Desert/O Gale/O began/O ./O", {}, "0-3EVENT "},
      {"Jo/O told/O Ulm/O Weekly/O ./O", {{2, 3, "ORG"}}, "2-4ORG "},  // a periodical
      {"The/O Act/O passed/O ./O", {}, ""},                            // a cue alone names nothing
      {"Jo/O Arn/O Stadium/O opened/O ./O", {{0, 2, "PER"}}, ""},      // never over a person's name
      {"They/O met/O in/O the/O stadium/O ./O", {}, ""},               // lower case
  };
  for (const auto& r : rows) {
    Document doc = iob2_document({iob2(r.sentence)}, "t");
    std::string out;
    for (const auto& t : cue_names(doc.sentences[0], r.spans))
      out += std::to_string(t.first) + "-" + std::to_string(t.last) + t.type + " ";
    EXPECT_EQ(out, r.want) << r.sentence;
  }
}

TEST(Typing, UntaggedProperNounsAreNames) {
  struct Row {
    std::string sentence;  // form/XPOS
    std::vector<TypedSpan> spans;
    std::string want;
  };
  const std::vector<Row> rows = {
      {"Zorbex/NNP makes/VBZ sensors/NNS ./.", {}, "0-1MISC "},
      {"They/PRP bought/VBD Blue/NNP Varn/NNP Labs/NNPS ./.", {}, "2-5MISC "},
      {"Interior/NNP Minister/NNP Jo/NNP Arn/NNP spoke/VBD ./.", {{2, 4, "PER"}}, ""},  // part of a title
      {"Acme/NNP Widgets/NNPS grew/VBD ./.", {{0, 1, "ORG"}}, ""},                      // part of a name
      {"On/IN Monday/NNP ,/, French/NNP staff/NNS left/VBD ./.", {}, ""},               // weekday, demonym
      {"They/PRP met/VBD in/IN the/DT stadium/NN ./.", {}, ""},
      {"Jo/NNP Arn/NNP of/IN VLP/NN won/VBD ./.", {{0, 2, "PER"}}, "3-4MISC "},  // an acronym tagged NN
  };
  for (const auto& r : rows) {
    std::string plain;
    std::vector<std::string> xpos;
    for (const auto& w : words(r.sentence)) {
      auto slash = w.rfind('/');
      xpos.push_back(w.substr(slash + 1));
      plain += (plain.empty() ? "" : " ") + w.substr(0, slash) + "/O";
    }
    Document doc = iob2_document({iob2(plain)}, "t");
    for (std::size_t k = 0; k < xpos.size(); ++k) doc.sentences[0].tokens[k].xpos = xpos[k];
    std::string out;
    for (const auto& t : untagged_proper_nouns(doc.sentences[0], gazetteer(), r.spans))
      out += std::to_string(t.first) + "-" + std::to_string(t.last) + t.type + " ";
    EXPECT_EQ(out, r.want) << r.sentence;
  }
}

TEST(Typing, ASurnameAloneIsThePerson) {
  Document doc = iob2_document({iob2("Nathan/B-PER Sales/I-PER met/O Lee/B-PER ./O"),
                                iob2("Sales/B-ORG and/O Nathan/B-LOC left/O Acme/B-ORG ./O")},
                               "t");
  std::vector<std::vector<TypedSpan>> spans(doc.sentences.size());
  spans[0] = {{0, 2, "PER"}, {3, 4, "PER"}};
  spans[1] = {{0, 1, "ORG"}, {2, 3, "LOC"}, {4, 5, "ORG"}};
  surnames_are_persons(doc, spans);
  std::string out;
  for (const auto& t : spans[1]) out += std::to_string(t.first) + t.type + " ";
  EXPECT_EQ(out, "0PER 2LOC 4ORG ");  // a first name alone is not taken for the person
}

TEST(Typing, ACompanyRecursWithoutItsLegalForm) {
  Document doc = iob2_document({iob2("Zorbex/B-ORG AG/I-ORG hired/O ./O"), iob2("Zorbex/O grew/O ./O")}, "t");
  std::vector<std::vector<TypedSpan>> spans(doc.sentences.size());
  spans[0] = {{0, 2, "ORG"}};
  propagate_names(doc, spans);
  ASSERT_EQ(spans[1].size(), 1u);
  EXPECT_EQ(spans[1][0].first, 0);
  EXPECT_EQ(spans[1][0].last, 1);
  EXPECT_EQ(spans[1][0].type, "ORG");
}

// The sentence casing class that lets the model discount capital letters.
TEST(Features, SentenceCasing) {
  struct Case {
    const char* text;
    int want;  // 0 mixed, 1 no capitals, 2 mostly all caps, 3 mostly capitalised
  };
  const std::vector<Case> cases = {
      {"John Smith went to Paris in 2010 .", 0},
      {"i went to taco bell with john .", 1},
      {"I went to taco bell with john .", 1},  // only the sentence-initial word
      {"GREAT FOOD AT BOB 'S DINER !", 2},
      {"Best Pizza In Town , Great Service", 3},
      {"Hi Bob", 0},  // too short to tell
  };
  FeatureExtractor fx(nullptr, false);
  std::vector<TokenInfo> info;
  for (const auto& c : cases) {
    Document doc = relgraph::testing::make_document(words(c.text));
    fx.prepare(doc.sentences[0], info);
    EXPECT_EQ(info[0].casing, c.want) << c.text;
  }
}

// A recognizer with random weights still decodes to valid BILOU sequences.
TEST(Context, DiscoursesSplitAtNewdoc) {
  struct Case {
    int sentences;
    std::vector<int> newdoc;  // sentences with a "newdoc id" comment
    std::vector<std::pair<int, int>> want;
  };
  const std::vector<Case> cases = {
      {0, {}, {}},
      {3, {}, {{0, 3}}},
      {3, {0}, {{0, 3}}},  // a first sentence marked or not: one discourse
      {4, {2}, {{0, 2}, {2, 4}}},
      {4, {1, 2, 3}, {{0, 1}, {1, 2}, {2, 3}, {3, 4}}},
  };
  for (const auto& c : cases) {
    std::vector<Sentence> sentences(c.sentences);
    for (int i : c.newdoc) sentences[i].comments.emplace("newdoc id", "x");
    EXPECT_EQ(discourses(sentences), c.want) << c.sentences;
  }
}

TEST(Context, LabelTypesNumberTypesInOrder) {
  EXPECT_EQ(label_types(bilou_labels({"PER", "ORG", "LOC"})),
            (std::vector<std::uint8_t>{0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}));
  EXPECT_EQ(label_types({"O", "U-LOC", "B-PER"}), (std::vector<std::uint8_t>{0, 1, 2}));
}

TEST(Context, CountsTheFirstStageTypesOfOtherOccurrences) {
  const auto labels = bilou_labels({"PER", "ORG", "LOC"});
  auto id = [&](const std::string& l) {
    return static_cast<int>(std::find(labels.begin(), labels.end(), l) - labels.begin());
  };
  // Two sentences of one discourse with first-stage labels; "Zorbex" is ORG
  // twice and untagged once, "zorbex" (lower case) is the same word.
  Document doc =
      iob2_document({iob2("Zorbex/O hired/O Kim/O Lo/O ./O"), iob2("zorbex/O said/O Zorbex/O 's/O Lo/O ./O")}, "t");
  const std::vector<std::vector<int>> stage1 = {{id("U-ORG"), id("O"), id("B-PER"), id("L-PER"), id("O")},
                                                {id("O"), id("O"), id("U-ORG"), id("O"), id("U-LOC"), id("O")}};
  FeatureExtractor fx(nullptr, false);
  std::vector<std::vector<TokenInfo>> info(2);
  for (int s = 0; s < 2; ++s) fx.prepare(doc.sentences[s], info[s]);
  add_context(info, stage1, label_types(labels));
  struct Case {
    int sentence, token;
    int label, type;
    std::vector<int> doc;  // O, PER, ORG, LOC elsewhere
  };
  const std::vector<Case> cases = {
      {0, 0, id("U-ORG") + 1, 2, {1, 0, 1, 0}},  // Zorbex: "zorbex" O, "Zorbex" ORG elsewhere
      {1, 0, 1, 0, {0, 0, 2, 0}},                // zorbex: ORG twice elsewhere
      {1, 2, id("U-ORG") + 1, 2, {1, 0, 1, 0}},
      {0, 3, id("L-PER") + 1, 1, {0, 0, 0, 1}},  // Lo: LOC elsewhere
      {0, 1, 1, 0, {0, 0, 0, 0}},                // hired: nowhere else
      {0, 4, 1, 0, {1, 0, 0, 0}},                // ".": O once elsewhere
  };
  for (const auto& c : cases) {
    const auto& t = info[c.sentence][c.token];
    EXPECT_EQ(t.ctx_label, c.label) << c.sentence << ":" << c.token;
    EXPECT_EQ(t.ctx_type, c.type) << c.sentence << ":" << c.token;
    EXPECT_EQ(std::vector<int>(t.ctx_doc, t.ctx_doc + 4), c.doc) << c.sentence << ":" << c.token;
  }
}

TEST(Decoder, NeverOutputsInvalidBilou) {
  auto labels = bilou_labels({"PER", "ORG", "LOC"});
  std::mt19937 rng(7);
  detail::PerceptronTrainer trainer(static_cast<int>(labels.size()));
  FeatureExtractor fx(nullptr, false);
  std::vector<std::string> vocab = {"John", "Smith", "the", "Bank", "of", "Paris", ",", "said", "IBM", "."};
  std::vector<TokenInfo> info;
  std::vector<std::uint64_t> feats;
  for (int round = 0; round < 300; ++round) {
    Document doc = relgraph::testing::make_document({vocab[rng() % vocab.size()], vocab[rng() % vocab.size()]});
    fx.prepare(doc.sentences[0], info);
    fx.token_features(info, 0, feats);
    trainer.update(feats, static_cast<int>(rng() % labels.size()), 0, 1.0f + (rng() % 5));
    fx.label_features(info, 1, static_cast<int>(rng() % labels.size()) - 1, feats);
    trainer.update(feats, static_cast<int>(rng() % labels.size()), 0, 1.0f + (rng() % 5));
    trainer.tick();
  }
  EntityRecognizer::Model m;
  m.labels = labels;
  m.weights = trainer.average();
  EntityRecognizer rec(std::move(m));
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<std::string> ws;
    int n = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) ws.push_back(vocab[rng() % vocab.size()]);
    Document doc = relgraph::testing::make_document(ws);
    std::vector<std::string> out;
    for (int id : rec.label_ids(doc.sentences[0])) out.push_back(labels[id]);
    EXPECT_TRUE(valid_bilou(out)) << ::testing::PrintToString(out);
  }
}

// Viterbi finds the best valid path: equal to brute force over every valid
// sequence on random lattices (with ties broken by score only).
TEST(Viterbi, MatchesBruteForceAndStaysValid) {
  const std::vector<std::string> labels = bilou_labels({"PER", "LOC"});  // 9 labels
  const BilouTransitions t(labels);
  const int L = static_cast<int>(labels.size());
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> u(-3, 3);
  for (int trial = 0; trial < 60; ++trial) {
    const int n = 1 + trial % 4;
    Lattice lat;
    lat.resize(n, L);
    for (auto& x : lat.emit) x = u(rng);
    for (auto& x : lat.trans) x = u(rng);
    auto path_score = [&](const std::vector<int>& p) {
      float s = 0;
      for (int i = 0; i < n; ++i) s += lat.emit[i * L + p[i]] + lat.trans_row(i, i ? p[i - 1] : L)[p[i]];
      return s;
    };
    float best = -1e30f;
    std::vector<int> seq(n, 0);
    for (long code = 0, total = static_cast<long>(std::pow(L, n)); code < total; ++code) {
      long c = code;
      std::vector<std::string> names;
      for (int i = 0; i < n; ++i) seq[i] = static_cast<int>(c % L), c /= L, names.push_back(labels[seq[i]]);
      if (valid_bilou(names)) best = std::max(best, path_score(seq));
    }
    auto got = viterbi(lat, t);
    ASSERT_EQ(got.size(), static_cast<std::size_t>(n));
    std::vector<std::string> names;
    for (int id : got) names.push_back(labels[id]);
    EXPECT_TRUE(valid_bilou(names)) << ::testing::PrintToString(names);
    EXPECT_NEAR(path_score(got), best, 1e-4) << "trial " << trial;
  }
  Lattice empty;
  empty.resize(0, L);
  EXPECT_TRUE(viterbi(empty, t).empty());
}

// A strongly preferred but invalid label (I- at the start, B- at the end) is
// never chosen; the decoder takes the best valid alternative instead.
TEST(Viterbi, RefusesInvalidFavourites) {
  const std::vector<std::string> labels = bilou_labels({"PER"});  // O B I L U
  const BilouTransitions t(labels);
  struct Case {
    std::vector<std::vector<float>> emit;  // per token, per label
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {{{0, 0, 9, 0, 1}}, {"U-PER"}},                      // I- alone: impossible
      {{{0, 9, 0, 0, 0}}, {"O"}},                          // B- cannot end
      {{{0, 5, 0, 0, -1}, {1, 0, 0, -9, 0}}, {"O", "O"}},  // B- needs I-/L- next
      {{{0, 5, 0, 0, 0}, {0, 0, 0, 3, 0}}, {"B-PER", "L-PER"}},
      {{{0, 0, 0, 0, 0}, {0, 0, 9, 0, 0}, {0, 0, 0, 5, 0}}, {"B-PER", "I-PER", "L-PER"}},
  };
  for (const auto& c : cases) {
    Lattice lat;
    lat.resize(static_cast<int>(c.emit.size()), t.size);
    for (std::size_t i = 0; i < c.emit.size(); ++i)
      for (int k = 0; k < t.size; ++k) lat.emit_at(static_cast<int>(i), k) = c.emit[i][k];
    std::vector<std::string> got;
    for (int id : viterbi(lat, t)) got.push_back(labels[id]);
    EXPECT_EQ(got, c.want);
  }
}

class Training : public ::testing::Test {
 protected:
  static std::vector<Iob2Sentence> data() {
    return {
        iob2("John/B-PER Smith/I-PER visited/O Paris/B-LOC ./O"),
        iob2("Mary/B-PER Jones/I-PER works/O for/O Acme/B-ORG Corp./I-ORG ./O"),
        iob2("The/O Acme/B-ORG Corp./I-ORG office/O is/O in/O Berlin/B-LOC ./O"),
        iob2("Peter/B-PER met/O Mary/B-PER Jones/I-PER in/O Berlin/B-LOC ./O"),
        iob2("Americans/B-OTH like/O it/O ./B-O"),
    };
  }
};

TEST_F(Training, LearnsTinyDataDeterministicallyAndRoundTrips) {
  TrainOptions opt;
  opt.epochs = 10;
  opt.seed = 3;
  opt.gazetteer = &gazetteer();
  auto a = train_recognizer(data(), data(), opt);
  auto b = train_recognizer(data(), data(), opt);
  EXPECT_EQ(a.to_bytes(), b.to_bytes());  // same seed, same model
  auto scores = evaluate(a, data(), opt.types);
  EXPECT_GT(scores.overall.f1(), 0.9);
  EXPECT_EQ(scores.by_type.count("OTH"), 0u);

  auto c = EntityRecognizer::from_bytes(a.to_bytes(), "mem");
  Document doc = iob2_document({iob2("John/O Smith/O visited/O Paris/O ./O")}, "t");
  EXPECT_EQ(c.label(doc.sentences[0]), a.label(doc.sentences[0]));
  EXPECT_EQ(c.model().labels, a.model().labels);
}

TEST_F(Training, WordClassesTravelWithTheModel) {
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> packed;
  for (const char* w : {"john", "mary", "peter", "paris", "berlin"}) {
    keys.push_back(detail::hash_str(w));
    packed.push_back(std::string(w) == "paris" || std::string(w) == "berlin" ? 1u | 1u << 8 | 1u << 16 : 0u);
  }
  detail::WordClusters clusters(keys, packed);
  TrainOptions opt;
  opt.epochs = 10;
  opt.seed = 3;
  opt.clusters = &clusters;
  auto a = train_recognizer(data(), data(), opt);
  EXPECT_EQ(a.model().cluster_keys.size(), 5u);
  auto c = EntityRecognizer::from_bytes(a.to_bytes(), "mem");
  EXPECT_EQ(c.to_bytes(), a.to_bytes());
  Document doc = iob2_document({iob2("Mary/O visited/O Berlin/O ./O")}, "t");
  EXPECT_EQ(c.label(doc.sentences[0]), a.label(doc.sentences[0]));
  opt.clusters = nullptr;
  EXPECT_NE(train_recognizer(data(), data(), opt).to_bytes(), a.to_bytes());
}

TEST_F(Training, TwoStagesRoundTripAndOneStageFilesStillRead) {
  auto train = data();
  for (std::size_t i = 0; i < train.size(); i += 2) train[i].newdoc = "d" + std::to_string(i);  // 3 discourses
  TrainOptions opt;
  opt.epochs = 6;
  opt.context_folds = 2;
  opt.gazetteer = &gazetteer();
  TrainReport report;
  auto a = train_recognizer(train, data(), opt, &report);
  ASSERT_TRUE(a.model().two_stage());
  EXPECT_GE(report.first_stage_epoch, 1);
  EXPECT_EQ(a.to_bytes(), train_recognizer(train, data(), opt).to_bytes());  // deterministic
  EXPECT_GT(evaluate(a, data(), opt.types).overall.f1(), 0.9);
  auto b = EntityRecognizer::from_bytes(a.to_bytes(), "two.bin");
  EXPECT_TRUE(b.model().two_stage());
  Document doc = iob2_document({iob2("Mary/O Jones/O met/O Peter/O ./O"), iob2("Jones/O visited/O Berlin/O ./O")}, "t");
  EXPECT_EQ(b.label(std::span<const Sentence>(doc.sentences)), a.label(std::span<const Sentence>(doc.sentences)));
  // One sentence is its own discourse: label(sentence) == label of a one-sentence span.
  EXPECT_EQ(a.label(doc.sentences[1]), a.label(std::span<const Sentence>(doc.sentences).subspan(1))[0]);

  // A format-2 file (one stage, no second-stage block) is still read.
  opt.context_folds = 0;
  auto one = train_recognizer(train, {}, opt);
  detail::ModelWriter w("ner", 2);
  w.strings(one.model().labels);
  w.pod<std::uint8_t>(one.model().use_pos ? 1 : 0);
  w.vec(one.model().gaz_keys);
  w.vec(one.model().gaz_bits);
  one.model().weights.save(w);
  auto old = EntityRecognizer::from_bytes(w.bytes(), "v2.bin");
  EXPECT_FALSE(old.model().two_stage());
  EXPECT_EQ(old.label(std::span<const Sentence>(doc.sentences)), one.label(std::span<const Sentence>(doc.sentences)));
}

TEST_F(Training, RejectsCorruptModels) {
  TrainOptions opt;
  opt.epochs = 2;
  auto bytes = train_recognizer(data(), {}, opt).to_bytes();
  for (std::size_t cut : {bytes.size() - 1, bytes.size() / 2, std::size_t{5}}) {
    try {
      EntityRecognizer::from_bytes(bytes.substr(0, cut), "cut.bin");
      FAIL() << "accepted a model cut at " << cut;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Model);
      EXPECT_NE(std::string(e.what()).find("cut.bin"), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(EntityRecognizer::load("/nonexistent/ner.bin"), Error);
  // A model of format 1 (greedy decoder, other feature templates) is refused by name.
  detail::ModelWriter old("ner", 1);
  old.strings(bilou_labels({"PER"}));
  try {
    EntityRecognizer::from_bytes(old.bytes(), "old.bin");
    FAIL() << "accepted a format 1 model";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("format version 1"), std::string::npos) << e.what();
  }
}

TEST_F(Training, AnnotatesDocumentsWithTypedMentionsAndValues) {
  TrainOptions opt;
  opt.epochs = 10;
  opt.gazetteer = &gazetteer();
  // The tiny model must have seen a number before a demonym: this test is about
  // the stage's rules (values, demonyms, typing), not about generalisation.
  auto train = data();
  train.push_back(iob2("They/O sent/O 500/O French/O troops/O to/O Berlin/B-LOC ./O"));
  auto rec = train_recognizer(train, {}, opt);
  Document doc =
      relgraph::testing::make_document(words("John Smith visited Tunisia and the U.S. with 3,000 Tunisian soldiers "
                                             "in October 2017 ."));
  annotate_entities(doc, rec, gazetteer());
  std::string dump;
  for (const auto& m : doc.mentions) {
    dump += m.text + "/" + m.type + (m.subtype.empty() ? "" : ":" + m.subtype) +
            (m.canonical.empty() || m.canonical == m.text ? "" : "=" + m.canonical) +
            (m.value.empty() ? "" : "=" + m.value) + "; ";
    EXPECT_EQ(doc.slice(m.span.begin, m.span.end), m.text);
  }
  EXPECT_NE(dump.find("John Smith/PER"), std::string::npos) << dump;
  EXPECT_NE(dump.find("Tunisia/LOC:Country"), std::string::npos) << dump;
  EXPECT_NE(dump.find("U.S./LOC:Country=United States"), std::string::npos) << dump;
  EXPECT_NE(dump.find("3,000/CARDINAL=3000"), std::string::npos) << dump;
  EXPECT_NE(dump.find("Tunisian/NORP:Demonym=Tunisia"), std::string::npos) << dump;
  EXPECT_NE(dump.find("October 2017/DATE=2017-10"), std::string::npos) << dump;
  const auto& toks = doc.sentences[0].tokens;
  std::vector<std::string> tags;
  for (const auto& t : toks) tags.push_back(t.ner);
  EXPECT_EQ(tags[0], "B-PER");
  EXPECT_EQ(tags[1], "I-PER");
  EXPECT_EQ(tags[3], "B-LOC");
  EXPECT_EQ(tags[9], "O");  // demonyms are mentions (NORP) but not PER/ORG/LOC tags
}

// The label score cache gives the very floats of scoring every label feature
// (so the decoded labels cannot change), over sentences that share a cache.
TEST(Viterbi, CachedLabelScoresEqualDirectScores) {
  const std::vector<std::vector<std::string>> sentences = {
      {"Jane", "Roe", "met", "ACME", "officials", "in", "Lyon", "."},
      {"ACME", "said", "Roe", "will", "visit", "Lyon", "again", "."},
      {"the", "talks", "ended", "at", "5", "pm"}};
  FeatureExtractor fx(nullptr, false);
  const int L = 9;
  detail::PerceptronTrainer trainer(L);
  std::mt19937 rng(5);
  std::vector<std::uint64_t> feats;
  std::vector<Document> docs;
  for (const auto& words : sentences) {
    docs.push_back(relgraph::testing::make_document(words));
    std::vector<TokenInfo> info;
    fx.prepare(docs.back().sentences[0], info);
    for (int round = 0; round < 3; ++round)
      for (int i = 0; i < static_cast<int>(info.size()); ++i)
        for (int prev = -1; prev < L; ++prev) {
          fx.label_features(info, i, prev, feats);
          trainer.update(feats, static_cast<int>(rng() % L), static_cast<int>(rng() % L), 0.37f);
          fx.token_features(info, i, feats);
          trainer.update(feats, static_cast<int>(rng() % L), static_cast<int>(rng() % L), 0.11f);
          trainer.tick();
        }
  }
  const detail::Perceptron weights = trainer.average();
  LabelScoreCache cache;
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& doc : docs) {
      std::vector<TokenInfo> info;
      fx.prepare(doc.sentences[0], info);
      Lattice direct, cached;
      fill_lattice(weights, fx, info, L, direct, feats);         // every feature looked up
      fill_lattice(weights, fx, info, L, cached, feats, cache);  // label features from the cache
      ASSERT_EQ(direct.trans.size(), cached.trans.size());
      EXPECT_EQ(0, std::memcmp(direct.trans.data(), cached.trans.data(), direct.trans.size() * sizeof(float)));
      EXPECT_EQ(0, std::memcmp(direct.emit.data(), cached.emit.data(), direct.emit.size() * sizeof(float)));
    }
}

namespace {

// A document of one sentence from "form/XPOS" words (every token "O").
Document tagged_document(const std::string& sentence) {
  std::string plain;
  std::vector<std::string> xpos;
  for (const auto& w : words(sentence)) {
    auto slash = w.rfind('/');
    xpos.push_back(w.substr(slash + 1));
    plain += (plain.empty() ? "" : " ") + w.substr(0, slash) + "/O";
  }
  Document doc = iob2_document({iob2(plain)}, "t");
  for (std::size_t k = 0; k < xpos.size(); ++k) doc.sentences[0].tokens[k].xpos = xpos[k];
  return doc;
}

std::string dump_spans(const std::vector<TypedSpan>& spans) {
  std::string out;
  for (const auto& t : spans) out += std::to_string(t.first) + "-" + std::to_string(t.last) + t.type + " ";
  return out;
}

}  // namespace

TEST(NameRules, ACountryAfterAnOrganisationsOwnNameIsCutOff) {
  struct Row {
    std::string sentence;
    std::vector<TypedSpan> spans;
    std::string want;
  };
  const std::vector<Row> rows = {
      // an of-phrase before: the name is whole without the country
      {"the/O University/O of/O Ulmar/O of/O the/O UK/O met/O ./O", {{1, 7, "ORG"}}, "1-4ORG 6-7LOC "},
      // a place's name before the cue
      {"Ohio/O Varn/O University/O of/O the/O US/O met/O ./O", {{0, 6, "ORG"}}, "0-3ORG 5-6LOC "},
      {"Ohio/O Varn/O University/O of/O the/O United/O States/O met/O ./O", {{0, 7, "ORG"}}, "0-3ORG 5-7LOC "},
      // the country is the name's own part
      {"the/O University/O of/O the/O Philippines/O met/O ./O", {{1, 5, "ORG"}}, "1-5ORG "},
      {"the/O Varn/O Museum/O of/O the/O Philippines/O met/O ./O", {{1, 6, "ORG"}}, "1-6ORG "},
      // no "the", no country, not an organisation
      {"Ohio/O Varn/O Bank/O of/O India/O met/O ./O", {{0, 5, "ORG"}}, "0-5ORG "},
      {"Ohio/O Varn/O University/O of/O the/O Arts/O met/O ./O", {{0, 6, "ORG"}}, "0-6ORG "},
      {"Ohio/O Varn/O Hall/O of/O the/O US/O ./O", {{0, 6, "LOC"}}, "0-6LOC "},
  };
  for (const auto& r : rows) {
    Document doc = iob2_document({iob2(r.sentence)}, "t");
    EXPECT_EQ(dump_spans(split_country_suffix(doc.sentences[0], gazetteer(), r.spans)), r.want) << r.sentence;
  }
}

TEST(NameRules, AKindNounAnnouncesTheNameAfterIt) {
  struct Row {
    std::string sentence;  // form/XPOS
    std::string want;
  };
  const std::vector<Row> rows = {
      {"the/DT company/NN Zentrix/NNP Labs/NNPS grew/VBD ./.", "2-4ORG "},
      {"in/IN the/DT company/NN Zentrix/NNP UK/NNP 's/POS list/NN", "3-5ORG "},       // ends before "'s"
      {"the/DT book/NN Gone/VBN for/IN Ever/RB ,/, written/VBN", "2-5WORK_OF_ART "},  // function words in a title
      {"the/DT book/NN Gone/VBN for/IN ever/RB", "2-3WORK_OF_ART "},                  // ends on a capitalised word
      {"in/IN journal/NN Ocean/NNP Letters/NNPS last/JJ week/NN", "2-4ORG "},
      {"the/DT company/NN of/IN Ulmar/NNP Labs/NNPS", ""},              // not right after the noun
      {"the/DT company/NN Monday/NNP said/VBD", ""},                    // a weekday
      {"the/DT company/NN President/NNP Jo/NNP Arn/NNP said/VBD", ""},  // a personal title
      {"the/DT club/NN I/PRP liked/VBD", ""},
      {"they/PRP play/VBP Varn/NNP Rovers/NNPS today/NN", ""},   // a verb, not the noun
      {"the/DT companies/NNS Zentrix/NNP and/CC Varn/NNP", ""},  // plural: a list, not one name
  };
  for (const auto& r : rows) {
    Document doc = tagged_document(r.sentence);
    EXPECT_EQ(dump_spans(kind_noun_names(doc.sentences[0], gazetteer())), r.want) << r.sentence;
  }
}

TEST(NameRules, ANameAfterAPersonsOfIsAnOrganisation) {
  Document doc = iob2_document(
      {iob2("Jo/O Arn/O of/O Varn/O Power/O and/O Bo/O Lee/O of/O the/O VLP/O won/O ./O"),
       iob2("Varn/O Power/O and/O Kelt/O Labs/O gained/O ./O"), iob2("Ulmar/O of/O Zorbia/O spoke/O ./O")},
      "t");
  std::vector<std::vector<TypedSpan>> spans = {
      {{0, 2, "PER"}, {3, 5, "MISC"}, {6, 8, "PER"}, {10, 11, "MISC"}},
      {{0, 2, "MISC"}, {3, 5, "MISC"}},  // the same words elsewhere; "Kelt Labs" is another name
      {{0, 1, "LOC"}, {2, 3, "MISC"}},   // after a place, not a person
  };
  affiliation_organisations(doc, spans);
  EXPECT_EQ(dump_spans(spans[0]), "0-2PER 3-5ORG 6-8PER 10-11ORG ");
  EXPECT_EQ(dump_spans(spans[1]), "0-2ORG 3-5MISC ");
  EXPECT_EQ(dump_spans(spans[2]), "0-1LOC 2-3MISC ");
}
