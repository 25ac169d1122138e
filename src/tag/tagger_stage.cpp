// The tagger as a pipeline stage (kept apart from tagger.cpp so that using
// the Tagger alone does not pull in the pipeline library). Tests: tests/tagger_test.cpp
#include "tag/tagger.hpp"

namespace relgraph {

namespace {
class TaggerStage : public Stage {
 public:
  explicit TaggerStage(Tagger tagger) : tagger_(std::move(tagger)) {}
  std::string name() const override { return "tagger"; }
  std::vector<Layer> needs() const override { return {Layer::Tokens}; }
  std::vector<Layer> adds() const override { return {Layer::Tags, Layer::Lemmas}; }
  void process(Document& doc) const override {
    for (auto& s : doc.sentences) tagger_.tag(s);
  }

 private:
  Tagger tagger_;
};
}  // namespace

std::unique_ptr<Stage> make_tagger_stage(const PipelineOptions& options) {
  return std::make_unique<TaggerStage>(Tagger::load(options.models() + "/tagger.bin"));
}

}  // namespace relgraph
