// Training the relation classifier on DocRED documents and K-fold
// cross-validation by document. Not linked into the runtime library.
// Tests: tests/docred_test.cpp
#pragma once
#include <vector>

#include "docred/docred.hpp"
#include "relations/classifier_trainer.hpp"

namespace relgraph::docred {

// Training documents from gold entities and facts; `docs` are the processed
// (parsed) documents of `gold`, which must outlive the result.
std::vector<RelationDocument> training_documents(const std::vector<GoldDocument>& gold,
                                                 const std::vector<Document>& docs);

// For each of `folds` folds (document i is in fold i % folds), trains on the
// gold entities and facts of the other folds and fills the relations of the
// fold's predictions in each set of `predictions` (one set with gold
// entities, one with recognised entities, say: each set has one prediction
// per document).
void cross_validate(const std::vector<GoldDocument>& gold, const std::vector<Document>& docs,
                    std::vector<std::vector<Prediction>>& predictions, int folds, const RelationTrainOptions& options);

}  // namespace relgraph::docred
