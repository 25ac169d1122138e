// Shared test helpers: build Documents and parsed Sentences by hand, and
// dump them as compact one-line strings for table-driven tests.
#pragma once
#include <string>
#include <vector>

#include "relgraph/document.hpp"

namespace relgraph::testing {

// Builds a Document whose text is the words joined by single spaces, one
// sentence, tokens with exact byte spans. Each word may carry annotations:
//   "met/VERB/VBD/meet/0/root"  = form/upos/xpos/lemma/head/deprel
// Missing fields stay empty (head -1).
Document make_document(const std::vector<std::string>& words);

// "nsubj(met-3, coordinator-2)" for each word of a parsed sentence, joined by spaces.
std::string dump_deps(const Sentence& sentence);

// Path of a file in ../shared/data, or "" if the data is absent (tests skip).
std::string data_file(const std::string& relative);

// Runs a shell command, returning exit status; stdout/stderr captured into the strings.
int run_command(const std::string& command, std::string* out = nullptr, std::string* err = nullptr);

}  // namespace relgraph::testing
