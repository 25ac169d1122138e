// Article metadata and page furniture: finds the title, author, publisher,
// dateline place, publication date (ISO 8601) and section in a news text's
// header and byline, and the byte range of the article body, so that site
// navigation, city clocks, tag lists and related links stay out of the facts.
//
// The method is general (no site-specific rules): the body starts at the first
// real paragraph (a long line ending in sentence punctuation) and ends after
// the last one; header lines are classified as date/time lines, a byline
// ("By Jane Doe", "Jane Doe - Publisher City", "Jane Doe | Publisher"), the
// title (the longest remaining header line) and a section label (a short line
// next to the title). A body that opens with "CITY (Agency) -" gives the
// dateline. The publication date is the date line closest to the body.
//
// Hard-wrapped paragraphs are read as one line each (find_soft_breaks); the
// stage turns their wraps into spaces, so later stages see running text.
//
// Page furniture inside the body (find_furniture) is marked, not removed:
// headings (a short line without sentence punctuation that is a label:
// "Results", "Group A — Oslo 2 – 1 Lima"), credits ("Image: Jane Doe",
// "Photo by Jane Doe") and blocks of sources or links after a label line
// ("Sources", "Related news") up to the next paragraph of prose. A block that
// runs to the end of the text ends the body. A caption that is a sentence
// stays prose: it may state facts about the people pictured.
//
// Thread safety: pure functions; the stage is const.
// Tests: tests/article_test.cpp
#pragma once
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/document.hpp"
#include "relgraph/stage.hpp"

namespace relgraph {

// Parses a date (and optional time) written on its own, e.g.
// "Wed, 12 Sep 2018 15:58 GMT", "September 12, 2018", "2018-09-12T10:00Z",
// "12/09/2018" is NOT accepted (ambiguous). Returns ISO 8601 ("2018-09-12" or
// "2018-09-12T15:58:00Z" when a time is given), or "" if `line` is not
// essentially a date.
std::string parse_date_line(std::string_view line);

// English labels of page furniture (schemas/lexicon/furniture_labels.tsv), lower case.
struct FurnitureWords {
  std::set<std::string> blocks;   // a line opening a block of sources or links: "sources", "related news"
  std::set<std::string> credits;  // a credit's label: "image" in "Image: Jane Doe"
};
// Throws Error(NotFound/Format) naming the file.
FurnitureWords load_furniture_words(const std::string& schemas_dir);

// Marks page furniture in m's body (m.furniture) and ends the body before a
// trailing block of sources or links. Labels come from `words`.
void find_furniture(std::string_view text, const FurnitureWords& words, Metadata& m);

// Hard-wrapped text: the line breaks ('\n' offsets, sorted) that only wrap a
// paragraph. The text is wrapped when most lines followed by another line
// fill up to a common width (30 to 150 columns, counted in bytes or code
// points); a break is a wrap when the next line's first word would not have
// fitted within that width. Breaks before a list item or an indented line,
// around a date line, and after a headline opening a block stay line ends.
std::vector<std::size_t> find_soft_breaks(std::string_view text);

// Finds metadata in `text`. `places` lists known place names (capitals,
// cities) used to split "Publisher City" bylines; it may be empty. With
// `words`, page furniture inside the body too (find_furniture).
Metadata find_metadata(std::string_view text, const std::vector<std::string>& places = {},
                       const FurnitureWords& words = {});

// Stage: needs nothing, adds Layer::Metadata. With options.pretokenized the
// whole text is body (one sentence a line, no header).
std::unique_ptr<Stage> make_metadata_stage(const PipelineOptions& options);

}  // namespace relgraph
