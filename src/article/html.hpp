// News web pages in: the article text and metadata of an HTML page.
//
// The page is parsed with libxml2's HTML parser (tolerant of real-world tag
// soup). Boilerplate goes in two steps, in the manner of readability-style
// extractors: elements that are never article text (scripts, styles, forms,
// navigation, asides, comments sections, cookie and consent banners,
// related-article and share blocks, recognised by tag, ARIA role and class/id
// words) are dropped; then each paragraph scores its container (length,
// commas, class/id words, link density) and the best-scoring container, with
// its qualifying siblings, is the article. Its paragraphs, one a block,
// separated by blank lines, are the text the pipeline reads.
//
// Metadata comes from JSON-LD NewsArticle/Article (headline, author,
// publisher, datePublished, articleSection), og:/article: meta tags, the
// <title> and the first <time datetime>, in that order of preference.
//
// Thread safety: pure functions (libxml2's parser is re-entrant).
// Tests: tests/html_test.cpp (pages under tests/data/html/).
#pragma once
#include <string>
#include <string_view>

#include "relgraph/document.hpp"

namespace relgraph {

// True when `text` is an HTML page: `name` ends in .html/.htm/.xhtml, or the
// text opens (after space, a BOM or comments) with <!DOCTYPE html or <html.
bool looks_like_html(std::string_view text, std::string_view name = {});

struct HtmlArticle {
  std::string text;   // the article's paragraphs, separated by blank lines
  Metadata metadata;  // body range = the whole text
};

// Extracts the article of an HTML page. Throws Error(InvalidInput) naming
// `name` if libxml2 cannot parse it or no article text is found.
HtmlArticle read_html_article(std::string_view html, const std::string& name);

}  // namespace relgraph
