// Assembles tokenizer + tagger + parser (see syntax_pipeline.hpp).
#include "cli/syntax_pipeline.hpp"

#include "core/resources.hpp"
#include "parse/parser.hpp"
#include "relgraph/error.hpp"
#include "tag/tagger.hpp"
#include "text/tokenizer.hpp"

namespace relgraph::cli {
namespace {

// Stands in for the tokenizer when the words are given (gold tokenization).
class GivenTokensStage : public Stage {
 public:
  std::string name() const override { return "given tokens"; }
  std::vector<Layer> needs() const override { return {}; }
  std::vector<Layer> adds() const override { return {Layer::Sentences, Layer::Tokens}; }
  void process(Document&) const override {}
};

class WholeTextStage : public Stage {
 public:
  std::string name() const override { return "whole text"; }
  std::vector<Layer> needs() const override { return {}; }
  std::vector<Layer> adds() const override { return {Layer::Metadata}; }
  void process(Document& doc) const override {
    doc.metadata = Metadata{};
    doc.metadata.body_end = doc.text.size();
  }
};

}  // namespace

std::unique_ptr<Stage> make_whole_text_stage() { return std::make_unique<WholeTextStage>(); }

Pipeline make_syntax_pipeline(const PipelineOptions& options, Layer until, bool given_tokens) {
  detail::Resources::shared(options.schemas());  // every word list, read and checked now (as make_pipeline does)
  Pipeline p;
  if (given_tokens) {
    p.add(std::make_unique<GivenTokensStage>());
  } else {
    p.add(make_whole_text_stage());
    p.add(make_tokenizer_stage(options));
  }
  if (until == Layer::Tags || until == Layer::Lemmas || until == Layer::Deps) p.add(make_tagger_stage(options));
  if (until == Layer::Deps) p.add(make_parser_stage(options));
  return p;
}

Layer syntax_layer(const std::string& name) {
  if (name == "tokens") return Layer::Tokens;
  if (name == "tags") return Layer::Tags;
  if (name == "deps") return Layer::Deps;
  throw Error(ErrorKind::InvalidArgument, "unknown layer '" + name + "' (expected tokens, tags or deps)");
}

}  // namespace relgraph::cli
