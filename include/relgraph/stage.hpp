// The stage contract every pipeline stage implements: the annotation layers
// of a Document, the Stage interface, and the options a stage is built from.
// Every stage library depends on this header alone, never on the pipeline
// (relgraph/pipeline.hpp assembles stages; stages do not know it).
//
// A stage declares the layers it reads (needs) and the layers it fills
// (adds); Pipeline::add checks them when the pipeline is assembled. A stage
// must run correctly on a Document that holds only the layers it needs.
//
// Thread safety: stages are const after construction (models are immutable,
// scratch space is per call), so one stage serves many threads.
//
//   struct Shout : relgraph::Stage {
//     std::string name() const override { return "shout"; }
//     std::vector<relgraph::Layer> needs() const override { return {relgraph::Layer::Tokens}; }
//     std::vector<relgraph::Layer> adds() const override { return {}; }
//     void process(relgraph::Document& doc) const override { ... }
//   };
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/document.hpp"

namespace relgraph {

// What a stage reads or fills in a Document.
enum class Layer {
  Metadata,        // Document::metadata (headline, byline, body span)
  Sentences,       // Document::sentences with their spans
  Tokens,          // Sentence::tokens: form and span
  Tags,            // Token::upos, Token::xpos
  Lemmas,          // Token::lemma
  Deps,            // Token::head, Token::deprel
  Entities,        // Token::ner, Document::mentions (names and values)
  Coref,           // Document::entities, EntityMention::entity, added nominal/pronoun mentions
  TypedRelations,  // Document::typed_facts (Wikidata properties between entities)
  Propositions,    // Document::propositions
};
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

struct PipelineOptions {
  std::string models_dir = "";   // "" = $RELGRAPH_MODELS, ./models, <bin>/../share/relgraph/models, source models/
  std::string schemas_dir = "";  // "" = $RELGRAPH_SCHEMAS, ./schemas, <bin>/../share/relgraph/schemas, source schemas/
  bool pretokenized = false;     // one sentence a line, tokens separated by spaces
  // Last layer wanted: stop after parsing for `relgraph parse`, etc.
  Layer until = Layer::Propositions;
  // Named rules to switch off, to measure what each contributes (`--disable`).
  // make_pipeline throws Error(InvalidArgument) for a name no stage knows.
  std::vector<std::string> disable{};
  bool enabled(std::string_view rule) const {
    for (const auto& d : disable)
      if (d == rule) return false;
    return true;
  }
  // The directories stages read: models_dir / schemas_dir, or the defaults below.
  std::string models() const;
  std::string schemas() const;
};

// Directory lookup shared by every stage: models/ and schemas/.
std::string default_models_dir();
std::string default_schemas_dir();

}  // namespace relgraph
