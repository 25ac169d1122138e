// The typed-relation stage: runs RelationClassifier over the document's
// coreference entities and fills Document::typed_facts.
// Tests: tests/docred_test.cpp
#pragma once
#include <memory>
#include <vector>

#include "relations/classifier.hpp"
#include "relgraph/pipeline.hpp"
#include "relgraph/stage.hpp"

namespace relgraph {

// DocRED type of a recognised mention ("" = not a DocRED entity: pronouns,
// nominal mentions, ordinals). Types already in DocRED's set pass through.
std::string docred_type(const EntityMention& m);

// Classifier input for doc.entities, one PairEntity per entity (same order):
// its mentions with a DocRED type, the type the majority of them have.
std::vector<PairEntity> entity_pairs_input(const Document& doc);

// Fills doc.typed_facts from `classifier`.
void add_typed_facts(Document& doc, const RelationClassifier& classifier);

// Loads models/relations.bin; throws Error(Model) naming it when missing.
std::unique_ptr<Stage> make_typed_relation_stage(const PipelineOptions& options);

}  // namespace relgraph
