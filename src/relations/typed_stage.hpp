// The typed-relation stage: runs RelationClassifier over the document's
// coreference entities and fills Document::typed_facts, each with its
// Wikidata label, canonical name and the open relations it states
// (schemas/relations.json). Rule "relations.typed" switches it off.
// Tests: tests/docred_test.cpp, tests/typed_test.cpp
#pragma once
#include <memory>
#include <vector>

#include "relations/classifier.hpp"
#include "relations/schema.hpp"
#include "relgraph/pipeline.hpp"
#include "relgraph/stage.hpp"

namespace relgraph {

// DocRED type of a recognised mention ("" = not a DocRED entity: pronouns,
// nominal mentions, ordinals). Types already in DocRED's set pass through.
std::string docred_type(const EntityMention& m);

// Classifier input for doc.entities, one PairEntity per entity (same order):
// its mentions with a DocRED type, the type the majority of them have.
std::vector<PairEntity> entity_pairs_input(const Document& doc);

// Fills doc.typed_facts from `classifier`; properties that `schema` lists get
// their label, name and the open relations they state.
void add_typed_facts(Document& doc, const RelationClassifier& classifier, const RelationSchema& schema);

// The fields of `f` that `schema` gives for f.property (label, name, explains).
void describe_property(TypedFact& f, const RelationSchema& schema);

// Loads models/relations.bin and the schemas directory's relations.json;
// throws Error(Model) naming the model when it is missing.
std::unique_ptr<Stage> make_typed_relation_stage(const PipelineOptions& options);

}  // namespace relgraph
