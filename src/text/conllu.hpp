// CoNLL-U reading and writing (https://universaldependencies.org/format.html).
// Reading rebuilds a Document whose text is the sentences' "# text" lines
// joined by newlines (or the forms joined by SpaceAfter when a sentence has
// no text comment), with every word's byte span into that text.
// Tests: tests/conllu_test.cpp
#pragma once
#include <iosfwd>
#include <string>
#include <string_view>

#include "relgraph/document.hpp"

namespace relgraph {

// Parses CoNLL-U; `source` names the input in errors (Error(Format) with line number).
// Empty nodes (ID 1.1) are skipped; multiword token lines are kept.
Document read_conllu(std::string_view content, const std::string& source);
Document read_conllu_file(const std::string& path);

// Writes the document as CoNLL-U: "# sent_id", "# text", word lines with
// FORM exactly as in the text, multiword range lines, and byte offsets in MISC
// as TokenRange=begin:end (plus SpaceAfter=No where it applies).
void write_conllu(const Document& doc, std::ostream& out);

}  // namespace relgraph
