// The tokenizer as a pipeline stage (make_tokenizer_stage). Tests: tests/tokenizer_test.cpp
#include <cstdlib>
#include "core/resources.hpp"
#include <filesystem>

#include "text/splitter.hpp"
#include "text/tokenizer.hpp"

namespace relgraph {
namespace {

class TokenizerStage : public Stage {
 public:
  TokenizerStage(std::shared_ptr<const SentenceSplitter> splitter, bool pretokenized)
      : tokenizer_(std::move(splitter)), pretokenized_(pretokenized) {}
  std::string name() const override { return pretokenized_ ? "tokenizer (pretokenized)" : "tokenizer"; }
  std::vector<Layer> needs() const override { return {}; }
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

std::string models_dir(const PipelineOptions& options) {
  return options.models_dir.empty() ? detail::data_dir("RELGRAPH_MODELS", "models") : options.models_dir;
}

}  // namespace

std::unique_ptr<Stage> make_tokenizer_stage(const PipelineOptions& options) {
  std::shared_ptr<const SentenceSplitter> splitter;
  std::string path = models_dir(options) + "/splitter.bin";
  if (!options.pretokenized && std::filesystem::exists(path))
    splitter = std::make_shared<SentenceSplitter>(SentenceSplitter::load(path));
  else
    splitter = std::make_shared<SentenceSplitter>();
  return std::make_unique<TokenizerStage>(std::move(splitter), options.pretokenized);
}

}  // namespace relgraph
