// libFuzzer target: the JSONL stream mapper (records in, graph or error lines
// out; every record must give a line) and the reduce step reading them back.
#include <sstream>

#include "fuzz_common.hpp"
#include "relgraph/corpus.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text = relgraph::fuzz::input(data, size);
  // A stand-in extractor: one entity named after the record's first word.
  relgraph::ArticleExtractor extract = [](const std::string& article, const std::string& id) {
    relgraph::ArticleGraph a;
    relgraph::EntityNode n;
    n.id = id;
    n.label = article.substr(0, article.find(' '));
    if (n.label.empty()) throw relgraph::Error(relgraph::ErrorKind::InvalidInput, "empty record");
    a.graph.add_entity(std::move(n));
    return a;
  };
  std::istringstream in(text);
  std::ostringstream out;
  try {
    relgraph::stream_corpus(in, out, extract, {.format = "jsonl", .threads = 1, .source = "fuzz-input"});
  } catch (const relgraph::Error&) {
  }
  std::string produced = out.str();
  for (const std::string* lines : {&text, &produced}) {
    std::istringstream again(*lines);
    std::vector<relgraph::ArticleFailure> failures;
    try {
      relgraph::read_graph_lines(again, "fuzz-lines", &failures);
    } catch (const relgraph::Error&) {
    }
  }
  return 0;
}
