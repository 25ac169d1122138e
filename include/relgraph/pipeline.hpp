// The pipeline: a short list of stages, each reading and filling a Document.
// Each stage declares the annotation layers it needs and adds; Pipeline::add
// checks them when the pipeline is assembled and throws Error(InvalidArgument)
// naming the stage and the missing layer — never at run time.
//
// Thread safety: stages are const after construction (models are immutable,
// scratch space is per call), so one Pipeline serves many threads.
//
//   auto p = relgraph::make_pipeline({.models_dir = "models"});
//   relgraph::Document doc{.id = "a.txt", .text = text};
//   p.run(doc);
#pragma once
#include <memory>
#include <vector>

#include "relgraph/stage.hpp"

namespace relgraph {

class Pipeline {
 public:
  // Appends a stage; throws Error(InvalidArgument) if a needed layer is not
  // added by an earlier stage.
  void add(std::unique_ptr<Stage> stage);
  void run(Document& doc) const;
  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
  std::vector<Layer> available_;
};

// Assembles the standard pipeline (cleaning and metadata, tokenizer, tagger,
// parser, entities, coreference, relations) up to `options.until`, loading
// models and data files once. Throws Error(Model) if a model is missing or
// corrupt, Error(NotFound) or Error(Format) naming the file (and line) if a
// data file in schemas/ is missing or malformed.
Pipeline make_pipeline(const PipelineOptions& options);

}  // namespace relgraph
