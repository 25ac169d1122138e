// `relgraph extract --format carb`: one sentence per line in, CaRB's tabbed
// extractions out (sentence, confidence, relation, arguments), no header.
// Runs tokenizer (or the given tokens with --pretokenized), tagger, parser
// and the relation extractor. Tests: tests/carb_test.cpp
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/syntax_pipeline.hpp"
#include "core/files.hpp"
#include "relations/carb.hpp"
#include "relations/extractor.hpp"
#include "relgraph/error.hpp"

namespace relgraph::cli {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto nl = text.find('\n', start);
    auto line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\f\v") == std::string_view::npos; }

}  // namespace

void run_extract_carb(const CarbOptions& options) {
  if (options.inputs.empty()) throw Error(ErrorKind::InvalidArgument, "extract --format carb: no input file");
  PipelineOptions popts;
  popts.pretokenized = options.pretokenized;
  popts.models_dir = options.models_dir;
  popts.schemas_dir = options.schemas_dir;
  popts.disable = options.disable;
  check_disable(popts);  // names of other stages' rules are accepted and change nothing here
  Pipeline pipeline = make_syntax_pipeline(popts, Layer::Deps);
  auto rx = RelationExtractor::load(options.schemas_dir.empty() ? default_schemas_dir() : options.schemas_dir,
                                    options.disable);
  std::ostringstream out;
  for (const auto& input : options.inputs) {
    std::string text = detail::read_text(input);
    // Each line is its own document, so a sentence never spans two lines and
    // every tuple names the line (or, for a long line, the sentence) it came from.
    for (auto line : lines_of(text)) {
      if (blank(line)) continue;
      Document doc;
      doc.id = input;
      doc.text = std::string(line);
      pipeline.run(doc);
      // A line the splitter cuts (over kMaxSentenceWords words) names each
      // sentence instead, so the output stays proportional to the input.
      bool one = doc.sentences.size() == 1;
      for (int s = 0; s < static_cast<int>(doc.sentences.size()); ++s) {
        const auto& sent = doc.sentences[s];
        std::string sentence = one ? doc.text : std::string(doc.slice(sent.begin, sent.end));
        for (auto& t : rx.extract_carb(doc, s))
          out << format_carb_line({sentence, t.confidence, t.relation, t.args}) << "\n";
      }
    }
  }
  detail::write_atomic(options.output, out.str());
}

}  // namespace relgraph::cli
