// Article metadata: date lines, bylines, title/section and body range on
// short hand-written page texts.
#include <gtest/gtest.h>

#include "article/metadata.hpp"

namespace relgraph {
namespace {

TEST(ParseDateLine, Formats) {
  struct Case {
    const char* line;
    const char* iso;
  };
  const Case cases[] = {
      {"Wed, 12 Sep 2018 15:58 GMT", "2018-09-12T15:58:00Z"},
      {"Monday 3 March 2021", "2021-03-03"},
      {"September 12, 2018", "2018-09-12"},
      {"Published: March 4, 2020 at 3:05 pm", "2020-03-04T15:05:00"},
      {"Updated 1st June 2019 09:00 UTC", "2019-06-01T09:00:00Z"},
      {"2017-10-01", "2017-10-01"},
      {"Jan 2016", "2016-01"},
      {"The minister spoke on 12 May 2019", ""},
      {"Counterterrorism & Security", ""},
      {"12/09/2018", ""},
      {"Tunis", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(parse_date_line(c.line), c.iso) << c.line;
}

// Numbers too long for any date field are text, not dates, and never an error.
TEST(ParseDateLine, OutOfRangeNumbersAreNoDate) {
  const char* lines[] = {
      "Published 123456789012345",        "Published 12th 99999999999999999999 March",
      "Updated 123456789012345:00",       "Posted 3 March 2021 99999999999:05",
      "March 99999999999999999999, 2021", "99999999999999999999-03-04",
      "2021-99999999999999-04",
  };
  for (const char* line : lines) {
    std::string iso = "not run";
    EXPECT_NO_THROW(iso = parse_date_line(line)) << line;
    EXPECT_EQ(iso, "") << line;
  }
  auto m = find_metadata("Harbour Ferry Plan Approved\nPublished 123456789012345\n\nThe council approved the plan.\n");
  EXPECT_EQ(m.date_published, "");
}

const std::vector<std::string> kPlaces = {"Paris", "London", "Lima", "New York"};

TEST(FindMetadata, HeaderBylineAndFurniture) {
  std::string text =
      "Home | World | Business | Sport\n\nLondon\nParis\nMon, 02 Mar 2020 08:00 GMT\n\n"
      "Farmers Protest New Water Rules in the Valley\n\nEnvironment\n\n"
      "Jane Doe - Daily Planet Paris\n\nFri, 14 Feb 2020 10:30 GMT\n\n"
      "Hundreds of farmers gathered outside the regional office on Thursday to protest the new rules.\n"
      "The ministry said it would review the plan next month, according to a spokesman.\n\n"
      "Tags: farming water protest\nRelated Articles\n";
  auto m = find_metadata(text, kPlaces);
  EXPECT_EQ(m.title, "Farmers Protest New Water Rules in the Valley");
  EXPECT_EQ(m.section, "Environment");
  EXPECT_EQ(m.author, "Jane Doe");
  EXPECT_EQ(m.publisher, "Daily Planet");
  EXPECT_EQ(m.dateline, "Paris");
  EXPECT_EQ(m.date_published, "2020-02-14T10:30:00Z");
  EXPECT_EQ(text.substr(m.body_begin, 9), "Hundreds ");
  EXPECT_EQ(text.substr(0, m.body_end).substr(m.body_end - 15), "to a spokesman.");
}

TEST(FindMetadata, ByLineAndAgencyDateline) {
  std::string text =
      "Rains Flood the Capital\n"
      "By John Roe\n"
      "March 3, 2021\n"
      "LIMA (Reuters) - Heavy rains flooded several districts of the capital on Tuesday, officials said.\n";
  auto m = find_metadata(text, kPlaces);
  EXPECT_EQ(m.title, "Rains Flood the Capital");
  EXPECT_EQ(m.author, "John Roe");
  EXPECT_EQ(m.date_published, "2021-03-03");
  EXPECT_EQ(m.dateline, "Lima");
  EXPECT_EQ(m.section, "");
  // The dateline is furniture: the body's prose starts after its dash.
  EXPECT_EQ(text.substr(m.body_begin, 11), "Heavy rains");
}

TEST(FindMetadata, BylineBeatIsNoPublisher) {
  std::string text =
      "Rains Flood the Capital\n"
      "By Jane Roe, Middle East correspondent\n"
      "\n"
      "Heavy rains flooded several districts of the capital on Tuesday, officials said.\n";
  auto m = find_metadata(text, kPlaces);
  EXPECT_EQ(m.author, "Jane Roe");
  EXPECT_EQ(m.publisher, "");
}

TEST(FindMetadata, SourceAndDateOnOneLine) {
  std::string text =
      "Rains Flood the Capital\n"
      "Daily Bugle | 2 February 2024\n"
      "\n"
      "Heavy rains flooded several districts of the capital on Tuesday, officials said.\n";
  auto m = find_metadata(text, kPlaces);
  EXPECT_EQ(m.title, "Rains Flood the Capital");
  EXPECT_EQ(m.date_published, "2024-02-02");
  EXPECT_EQ(m.publisher, "Daily Bugle");
}

TEST(FindMetadata, DateAndBylineOnOneLine) {
  std::string text =
      "Rains Flood the Capital\n"
      "Friday 14 April 2023 | By Jane Roe\n"
      "\n"
      "Heavy rains flooded several districts of the capital on Tuesday, officials said.\n";
  auto m = find_metadata(text, kPlaces);
  EXPECT_EQ(m.date_published, "2023-04-14");
  EXPECT_EQ(m.author, "Jane Roe");
  EXPECT_EQ(m.publisher, "");
}

TEST(FindMetadata, DatelineWithDateGivesThePublicationDate) {
  std::string text =
      "Rains Flood the Capital\n"
      "By John Roe\n"
      "\n"
      "LIMA, 3 March 2021 - Heavy rains flooded several districts of the capital on Tuesday.\n";
  auto m = find_metadata(text, kPlaces);
  EXPECT_EQ(m.dateline, "Lima");
  EXPECT_EQ(m.date_published, "2021-03-03");
  EXPECT_EQ(text.substr(m.body_begin, 11), "Heavy rains");
}

TEST(FindMetadata, PlainProseIsAllBody) {
  std::string text = "The committee met on Monday and approved the budget after a long debate.";
  auto m = find_metadata(text);
  EXPECT_EQ(m.body_begin, 0u);
  EXPECT_EQ(m.body_end, text.size());
  EXPECT_EQ(m.title, "");
  EXPECT_EQ(m.author, "");
}

TEST(FindMetadata, PublisherWithoutKnownPlace) {
  auto m =
      find_metadata("Mary Major | The Evening Post\n\nA long first paragraph of the story begins here and ends now.\n");
  EXPECT_EQ(m.author, "Mary Major");
  EXPECT_EQ(m.publisher, "The Evening Post");
  EXPECT_EQ(m.dateline, "");
}

FurnitureWords furniture_words() {
  FurnitureWords w;
  w.blocks = {"sources", "related news"};
  w.credits = {"image", "photo"};
  return w;
}

// The furniture ranges of `text` as the strings they cover, joined by " / ".
std::string furniture_of(const std::string& text) {
  auto m = find_metadata(text, kPlaces, furniture_words());
  std::string out;
  for (auto [b, e] : m.furniture) out += (out.empty() ? "" : " / ") + text.substr(b, e - b);
  return out;
}

TEST(FindFurniture, HeadingsCreditsAndBlocksAreFurnitureCaptionsAreNot) {
  const std::string para = "The council approved the new budget on Monday after a long debate in the chamber.\n";
  struct Case {
    std::string middle;
    const char* furniture;
  };
  const Case cases[] = {
      {"Final Results\n", "Final Results"},
      {"Group A \xE2\x80\x94 Oslo 2 \xE2\x80\x93 1 Lima\n", "Group A \xE2\x80\x94 Oslo 2 \xE2\x80\x93 1 Lima"},
      {"The mayor at the opening. Image: Jane Doe.\n", "Image: Jane Doe."},
      {"The mayor at the opening (Photo: Jane Doe) in May.\n", "Photo: Jane Doe)"},
      {"The mayor at the opening. Photo by Jane Doe\n", "Photo by Jane Doe"},
      {"Sources\n* Jane Doe. Budget passes after a long debate in the chamber, The Daily Planet, May 2.\n",
       "Sources\n* Jane Doe. Budget passes after a long debate in the chamber, The Daily Planet, May 2."},
      {"Jane Doe of the Green Party\n", ""},                                       // a caption naming a relation
      {"The mayor opened the new bridge in May.\n", ""},                           // a caption that is a sentence
      {"Imagery from the satellite was released on Monday by the agency.\n", ""},  // no label
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.middle);
    EXPECT_EQ(furniture_of(para + "\n" + c.middle + "\n" + para), c.furniture);
  }
}

TEST(FindFurniture, ATrailingBlockOfLinksEndsTheBody) {
  std::string text =
      "The council approved the new budget on Monday after a long debate in the chamber.\n\n"
      "Related news\n"
      "* Council members argue over the budget for the coming year in a heated session\n"
      "* Mayor says the city will not raise taxes next year despite the growing deficit.\n";
  auto m = find_metadata(text, kPlaces, furniture_words());
  EXPECT_EQ(text.substr(m.body_begin, m.body_end - m.body_begin),
            "The council approved the new budget on Monday after a long debate in the chamber.");
  EXPECT_TRUE(m.furniture.empty());
  auto plain = find_metadata(text, kPlaces);  // without the labels the block stays body
  EXPECT_GT(plain.body_end, m.body_end);
}

TEST(FindFurniture, LabelsComeFromTheLexicon) {
  auto w = load_furniture_words(std::string(RELGRAPH_SOURCE_DIR) + "/schemas");
  EXPECT_TRUE(w.blocks.count("related news"));
  EXPECT_TRUE(w.credits.count("image"));
  EXPECT_FALSE(w.credits.count("related news"));
}

TEST(MetadataStage, PretokenizedKeepsEverything) {
  PipelineOptions o;
  o.pretokenized = true;
  auto stage = make_metadata_stage(o);
  Document doc;
  doc.text = "Short line\nAnother one .\n";
  stage->process(doc);
  EXPECT_EQ(doc.metadata.body_begin, 0u);
  EXPECT_EQ(doc.metadata.body_end, doc.text.size());
  EXPECT_TRUE(stage->needs().empty());
  ASSERT_EQ(stage->adds().size(), 1u);
  EXPECT_EQ(stage->adds()[0], Layer::Metadata);
}

}  // namespace
// --- hard-wrapped text ------------------------------------------------------

// Greedy wrapping at spaces, as `fold -s` and e-mail programs do.
std::string wrap(const std::string& paragraph, std::size_t width) {
  std::string out, line;
  std::size_t pos = 0;
  while (pos < paragraph.size()) {
    std::size_t sp = paragraph.find(' ', pos);
    std::string word = paragraph.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
    pos = sp == std::string::npos ? paragraph.size() : sp + 1;
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return out + line;
}

// The text with its soft line breaks read as spaces.
std::string unwrapped(std::string text) {
  for (std::size_t b : find_soft_breaks(text)) text[b] = ' ';
  return text;
}

const std::string kPara1 =
    "The harbour authority of Eastport said on Tuesday that it would close the northern pier for repairs after a "
    "storm damaged its supports, and that ferries to the islands would leave from the southern quay until the work "
    "is finished in the spring.";
const std::string kPara2 =
    "Local traders said the closure would cost them customers during the busiest weeks of the year. The authority "
    "promised to review the timetable with the ferry operator and to publish the new departure times on its "
    "website.";

TEST(FindSoftBreaks, WrappedParagraphsAreRejoinedAtEveryWidth) {
  const std::string head = "Eastport Closes Northern Pier After Storm\n\nTuesday, 4 March 2025\n\n";
  for (std::size_t width : {40, 60, 72, 80, 100}) {
    SCOPED_TRACE(width);
    std::string text = head + wrap(kPara1, width) + "\n\n" + wrap(kPara2, width) + "\n";
    EXPECT_EQ(unwrapped(text), head + kPara1 + "\n\n" + kPara2 + "\n");
    // Without blank lines the short last line of a paragraph still ends it.
    std::string packed = wrap(kPara1, width) + "\n" + wrap(kPara2, width);
    EXPECT_EQ(unwrapped(packed), kPara1 + "\n" + kPara2);
  }
}

TEST(FindSoftBreaks, HeadlinesDatesListsAndUnwrappedTextKeepTheirLineEnds) {
  const std::string body = wrap(kPara1, 60);
  const std::string joined = kPara1;
  struct Case {
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      // A paragraph a line: nothing is wrapped.
      {kPara1 + "\n" + kPara2 + "\n" + kPara1, kPara1 + "\n" + kPara2 + "\n" + kPara1},
      // A headline of the wrap width opening the block.
      {"Harbour Authority Closes the Northern Pier of Eastport Until\n" + body,
       "Harbour Authority Closes the Northern Pier of Eastport Until\n" + joined},
      // A date line after the paragraph, and list items.
      {body + "\nTuesday, 4 March 2025", joined + "\nTuesday, 4 March 2025"},
      {body + "\n- the northern pier, closed until the spring for repairs\n- the southern quay, open",
       joined + "\n- the northern pier, closed until the spring for repairs\n- the southern quay, open"},
      {body + "\n2. the southern quay", joined + "\n2. the southern quay"},
      // An indented first line starts a paragraph.
      {body + "\n    Local traders said the closure would cost them customers.",
       joined + "\n    Local traders said the closure would cost them customers."},
      // Too short to tell: a single two-line block.
      {"The pier is closed\nuntil spring.", "The pier is closed\nuntil spring."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(unwrapped(c.text), c.expected);
  }
}

TEST(FindSoftBreaks, WrappedArticleKeepsItsHeaderAndBody) {
  std::string text = "Eastport Closes Northern Pier After Storm\n\nBy Jane Doe\n\n" + wrap(kPara1, 72) + "\n\n" +
                     wrap(kPara2, 72) + "\n";
  auto m = find_metadata(text, kPlaces);
  EXPECT_EQ(m.title, "Eastport Closes Northern Pier After Storm");
  EXPECT_EQ(m.author, "Jane Doe");
  EXPECT_EQ(text.substr(m.body_begin, kPara1.size()), wrap(kPara1, 72).substr(0, kPara1.size()));
  EXPECT_EQ(m.body_end, text.size() - 1);
  EXPECT_FALSE(m.soft_breaks.empty());
}

}  // namespace relgraph

TEST(ParseDateLine, HugeNumbersAreNoDate) {
  for (const char* line :
       {"Published 123456789012345", "12 Sep 99999999999999999999", "Posted 123456789012:30", "12:123456789012345"})
    EXPECT_EQ(relgraph::parse_date_line(line), "") << line;
}
