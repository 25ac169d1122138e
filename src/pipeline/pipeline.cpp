// Pipeline assembly (layer checks) and the run loop. Tests: tests/pipeline_test.cpp
#include "relgraph/pipeline.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "article/metadata.hpp"
#include "core/resources.hpp"
#include "coref/coref.hpp"
#include "ner/recognizer.hpp"
#include "parse/parser.hpp"
#include "relations/extractor.hpp"
#include "relgraph/error.hpp"
#include "relgraph/extract.hpp"
#include "tag/tagger.hpp"
#include "text/tokenizer.hpp"

namespace relgraph {

void Pipeline::add(std::unique_ptr<Stage> stage) {
  if (!stage) throw Error(ErrorKind::InvalidArgument, "pipeline: cannot add an empty stage");
  for (Layer need : stage->needs()) {
    if (std::find(available_.begin(), available_.end(), need) == available_.end())
      throw Error(ErrorKind::InvalidArgument,
                  "pipeline stage '" + stage->name() + "' needs " + to_string(need) + ", which no earlier stage adds");
  }
  for (Layer add : stage->adds()) available_.push_back(add);
  stages_.push_back(std::move(stage));
}

void Pipeline::run(Document& doc) const {
  for (const auto& stage : stages_) stage->process(doc);
}

namespace {
// A factory that is not built yet returns no stage; say which one.
std::unique_ptr<Stage> require(std::unique_ptr<Stage> stage, const char* what) {
  if (!stage) throw Error(ErrorKind::Internal, std::string("the ") + what + " stage is not available in this build");
  return stage;
}
}  // namespace

Pipeline make_pipeline(const PipelineOptions& options) {
  PipelineOptions o = options;
  if (o.models_dir.empty()) o.models_dir = default_models_dir();
  if (o.schemas_dir.empty()) o.schemas_dir = default_schemas_dir();
  // Every data file is read (and checked) here, before any stage is built.
  detail::Resources::shared(o.schemas_dir);
  auto wants = [&](Layer layer) { return static_cast<int>(o.until) >= static_cast<int>(layer); };
  Pipeline p;
  p.add(require(make_metadata_stage(o), "metadata"));
  if (wants(Layer::Sentences)) p.add(require(make_tokenizer_stage(o), "tokenizer"));
  if (wants(Layer::Tags)) p.add(require(make_tagger_stage(o), "tagger"));
  if (wants(Layer::Deps)) p.add(require(make_parser_stage(o), "parser"));
  if (wants(Layer::Entities)) p.add(require(make_entity_stage(o), "entity"));
  if (wants(Layer::Coref)) p.add(require(make_coref_stage(o), "coreference"));
  if (wants(Layer::Propositions)) p.add(require(make_relation_stage(o), "relation"));
  const auto graph = graph_rules();  // applied by build_graph(), after the stages
  for (const auto& rule : o.disable) {
    bool known = std::find(graph.begin(), graph.end(), rule) != graph.end();
    for (const auto& stage : p.stages())
      for (const auto& r : stage->rules()) known = known || r == rule;
    if (!known) throw Error(ErrorKind::InvalidArgument, "--disable: no stage has a rule named '" + rule + "'");
  }
  return p;
}

}  // namespace relgraph
