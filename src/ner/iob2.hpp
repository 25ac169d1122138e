// IOB2 files as Universal NER ships them (columns: index, token, tag, ...;
// "#" comment lines; a blank line between sentences), their conversion to a
// pretokenized Document, and exact-span scoring (conlleval's definition: a
// predicted mention counts only if its first word, last word and type all
// match a gold mention). Tests: tests/ner_test.cpp
#pragma once
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/document.hpp"

namespace relgraph::ner {

struct Iob2Sentence {
  std::vector<std::string> forms;
  std::vector<std::string> tags;
  std::string newdoc;  // id of the document this sentence starts ("# newdoc id = ..."); "" = continues one
};

// Parses IOB2; throws Error(Format) naming `source` and the line when a word
// line has fewer than three tab-separated columns.
std::vector<Iob2Sentence> read_iob2(std::string_view content, const std::string& source);
std::vector<Iob2Sentence> read_iob2_file(const std::string& path);

// Writes "index<TAB>token<TAB>tag" lines, a blank line after each sentence.
void write_iob2(const Document& doc, std::ostream& out);

// A Document whose text is each sentence's forms joined by single spaces,
// sentences separated by newlines, with exact byte spans; a sentence that
// starts a document gets the comment "newdoc id" (discourse boundaries).
Document iob2_document(const std::vector<Iob2Sentence>& sentences, const std::string& id);

// Maps a training tag onto the kept types: tags of other types (OTH, the
// stray "B-O") become "O".
std::string clean_tag(const std::string& tag, const std::vector<std::string>& types);

struct SpanCounts {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 0.0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};
struct NerScores {
  SpanCounts overall;
  std::map<std::string, SpanCounts> by_type;
  int sentences = 0;
  int tokens = 0;
  // Adds one sentence's gold and predicted IOB2 tags (same length).
  void add(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);
};

}  // namespace relgraph::ner
