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
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/document.hpp"

namespace relgraph {

enum class Layer { Metadata, Sentences, Tokens, Tags, Lemmas, Deps, Entities, Coref, Propositions };
const char* to_string(Layer layer) noexcept;

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string name() const = 0;
  virtual std::vector<Layer> needs() const = 0;
  virtual std::vector<Layer> adds() const = 0;
  virtual void process(Document& doc) const = 0;
  // Names of the stage's rules (sieves, constructions) that
  // PipelineOptions::disable can switch off, e.g. "coref.acronym".
  virtual std::vector<std::string> rules() const { return {}; }
};

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

struct PipelineOptions {
  std::string models_dir = "";  // "" = $RELGRAPH_MODELS, else the build's source models/ dir
  std::string schemas_dir = ""; // "" = $RELGRAPH_SCHEMAS, else the source schemas/ dir
  bool pretokenized = false;    // one sentence a line, tokens separated by spaces
  // Last layer wanted: stop after parsing for `relgraph parse`, etc.
  Layer until = Layer::Propositions;
  // Named rules to switch off, to measure what each contributes (`--disable`).
  // make_pipeline throws Error(InvalidArgument) for a name no stage knows.
  std::vector<std::string> disable;
  bool enabled(std::string_view rule) const {
    for (const auto& d : disable)
      if (d == rule) return false;
    return true;
  }
};

// Assembles the standard pipeline (cleaning and metadata, tokenizer, tagger,
// parser, entities, coreference, relations) up to `options.until`, loading
// models once. Throws Error(Model) if a model is missing or corrupt.
Pipeline make_pipeline(const PipelineOptions& options);

// Directory lookup shared by every stage: models/ and schemas/.
std::string default_models_dir();
std::string default_schemas_dir();

}  // namespace relgraph
