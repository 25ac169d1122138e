// From an annotated Document to one clean knowledge graph per article.
//
// build_graph() turns the pipeline's annotations into graph data:
//  - one node per entity of Document::entities (coreference already merged
//    its mentions): the canonical label, type, aliases and every mention span;
//  - literal nodes for arguments that are no entity: concepts become short
//    typed phrases ("security cooperation", type Literal; relative clauses and
//    appositions cut off, leading determiners dropped, so one concept is one
//    node), values become Date / Money / Quantity nodes with their value;
//  - one edge per proposition from its subject to its object: the canonical
//    predicate when the extractor found one, else the surface wording; further
//    arguments that are amounts, dates or places become edge attributes
//    (amount = "USD 100000000", date = "2011", place = "Norway"); negation,
//    modality and attribution are kept; every edge carries its evidence
//    (sentence index, byte span, sentence text);
//  - roles found by coreference (appositions, titles) as "holds role" edges;
//  - the article itself as a NewsArticle node (type CreativeWork) with author,
//    publisher, datePublished and mentions edges, from Document::metadata.
// Sentences outside the metadata's body range (page furniture) are ignored.
//
// Thread safety: pure functions of their arguments; extract_graph() runs the
// pipeline, which may be shared between threads.
// Errors: extract_graph() throws what the stages throw (Error(InvalidInput)
// for unusable text, Error(Model) ...).
//
//   auto pipeline = relgraph::make_pipeline({});
//   relgraph::KnowledgeGraph g = relgraph::extract_graph(text, "news.txt", pipeline);
//   relgraph::save_graph(g, "news.jsonld");
//
// Tests: tests/pipeline_test.cpp, tests/e2e_test.cpp
#pragma once
#include <string>
#include <vector>

#include "relgraph/document.hpp"
#include "relgraph/graph.hpp"
#include "relgraph/pipeline.hpp"

namespace relgraph {

struct GraphOptions {
  bool article = true;           // add the NewsArticle node with author/publisher/datePublished edges
  bool article_mentions = true;  // ... and a `mentions` edge to every entity
  bool roles = true;             // "holds role" edges from appositions and titles
  bool isolated = true;          // keep entities that take part in no fact (diagrams leave them out)
  int max_literal_words = 12;    // longer argument phrases are cut at a word boundary
  // Graph-building rules to switch off (graph_rules(), e.g. "graph.drop_self_copula");
  // other names are ignored here (make_pipeline checks them).
  std::vector<std::string> disable{};
};

// The named rules build_graph() applies (the fact filters, in order), which
// GraphOptions::disable and `--disable` switch off.
std::vector<std::string> graph_rules();

// Builds the graph of one annotated document (see above).
KnowledgeGraph build_graph(const Document& doc, const GraphOptions& options = {});

// Runs `pipeline` over `text` (checked like relgraph's file input: not empty,
// valid UTF-8, no NUL bytes) and returns the annotated document.
Document annotate(const std::string& text, const std::string& id, const Pipeline& pipeline);

// annotate() then build_graph().
KnowledgeGraph extract_graph(const std::string& text, const std::string& id, const Pipeline& pipeline,
                             const GraphOptions& options = {});

// The short phrase a literal node gets for an argument: its words without
// relative clauses, appositions and parentheticals, without a leading
// determiner, at most `max_words` words; words of `relation` (the
// proposition's own predicate, e.g. a reduced relative "operations led by X")
// and their dependents are left out too. Exposed for tests.
std::string literal_phrase(const Document& doc, const Argument& arg, int max_words = 12,
                           const std::vector<int>& relation = {});

// The edge label for a proposition: its canonical predicate ("branch_of" ->
// "branch of") followed by the surface wording in parentheses when the
// canonical name does not already say it ("member of (have joined)"); the
// surface wording alone when there is no canonical predicate, when the
// canonical one is a broad class (said, has, has_member) or when the object
// is a clause (a verb used for reporting or reasoning).
std::string predicate_label(const Proposition& p, bool clausal_object);

}  // namespace relgraph
