// The tokenizer as a pipeline stage (make_tokenizer_stage). Tests: tests/tokenizer_test.cpp
#include <cstdlib>
#include <filesystem>

#include "core/resources.hpp"
#include "text/splitter.hpp"
#include "text/tokenizer.hpp"

namespace relgraph {
namespace {

class TokenizerStage : public Stage {
 public:
  TokenizerStage(std::shared_ptr<const SentenceSplitter> splitter, bool pretokenized)
      : tokenizer_(std::move(splitter)), pretokenized_(pretokenized) {}
  std::string name() const override { return pretokenized_ ? "tokenizer (pretokenized)" : "tokenizer"; }
  // The body range (Metadata) bounds the text to split; pretokenized input is taken whole.
  std::vector<Layer> needs() const override {
    if (pretokenized_) return {};
    return {Layer::Metadata};
  }
  std::vector<Layer> adds() const override { return {Layer::Sentences, Layer::Tokens}; }
  void process(Document& doc) const override {
    doc.sentences.clear();
    if (pretokenized_)
      tokenize_pretokenized(doc);
    else
      tokenizer_.tokenize(doc);
  }

 private:
  Tokenizer tokenizer_;
  bool pretokenized_;
};

}  // namespace

std::unique_ptr<Stage> make_tokenizer_stage(const PipelineOptions& options) {
  std::shared_ptr<const SentenceSplitter> splitter;
  std::string path = options.models() + "/splitter.bin";
  if (!options.pretokenized && std::filesystem::exists(path))
    splitter = std::make_shared<SentenceSplitter>(SentenceSplitter::load(path));
  else
    splitter = std::make_shared<SentenceSplitter>();
  return std::make_unique<TokenizerStage>(std::move(splitter), options.pretokenized);
}

}  // namespace relgraph
