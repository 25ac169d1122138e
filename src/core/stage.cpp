// The stage contract's out-of-line parts: layer names and the models/ and
// schemas/ lookup every stage shares. Tests: tests/pipeline_test.cpp
#include "relgraph/stage.hpp"

#include "core/resources.hpp"

namespace relgraph {

const char* to_string(Layer layer) noexcept {
  switch (layer) {
    case Layer::Metadata:
      return "metadata";
    case Layer::Sentences:
      return "sentences";
    case Layer::Tokens:
      return "tokens";
    case Layer::Tags:
      return "tags";
    case Layer::Lemmas:
      return "lemmas";
    case Layer::Deps:
      return "dependencies";
    case Layer::Entities:
      return "entities";
    case Layer::Coref:
      return "coreference";
    case Layer::TypedRelations:
      return "typed relations";
    case Layer::Propositions:
      return "propositions";
  }
  return "unknown";
}

std::string default_models_dir() { return detail::data_dir("RELGRAPH_MODELS", "models"); }
std::string default_schemas_dir() { return detail::data_dir("RELGRAPH_SCHEMAS", "schemas"); }

std::string PipelineOptions::models() const { return models_dir.empty() ? default_models_dir() : models_dir; }
std::string PipelineOptions::schemas() const { return schemas_dir.empty() ? default_schemas_dir() : schemas_dir; }

}  // namespace relgraph
