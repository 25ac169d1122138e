// Pipeline assembly (layer checks) and the run loop. Tests: tests/pipeline_test.cpp
#include "relgraph/pipeline.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "relgraph/error.hpp"

namespace relgraph {

const char* to_string(Layer layer) noexcept {
  switch (layer) {
    case Layer::Metadata: return "metadata";
    case Layer::Sentences: return "sentences";
    case Layer::Tokens: return "tokens";
    case Layer::Tags: return "tags";
    case Layer::Lemmas: return "lemmas";
    case Layer::Deps: return "dependencies";
    case Layer::Entities: return "entities";
    case Layer::Coref: return "coreference";
    case Layer::Propositions: return "propositions";
  }
  return "unknown";
}

void Pipeline::add(std::unique_ptr<Stage> stage) {
  for (Layer need : stage->needs()) {
    if (std::find(available_.begin(), available_.end(), need) == available_.end())
      throw Error(ErrorKind::InvalidArgument, "pipeline stage '" + stage->name() + "' needs " + to_string(need) +
                                                  ", which no earlier stage adds");
  }
  for (Layer add : stage->adds()) available_.push_back(add);
  stages_.push_back(std::move(stage));
}

void Pipeline::run(Document& doc) const {
  for (const auto& stage : stages_) stage->process(doc);
}

namespace {
std::string dir_from(const char* env, const char* sub) {
  if (const char* v = std::getenv(env); v && *v) return v;
  // Next to the working directory first (a checkout), then the source tree the binary was built from.
  if (std::filesystem::is_directory(sub)) return sub;
  return std::string(RELGRAPH_SOURCE_DIR) + "/" + sub;
}
}  // namespace

std::string default_models_dir() { return dir_from("RELGRAPH_MODELS", "models"); }
std::string default_schemas_dir() { return dir_from("RELGRAPH_SCHEMAS", "schemas"); }

}  // namespace relgraph
