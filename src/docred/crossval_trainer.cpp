// Relation classifier training on DocRED and cross-validation by document.
// Tests: tests/docred_test.cpp
#include "docred/crossval_trainer.hpp"

#include "relgraph/error.hpp"

namespace relgraph::docred {

std::vector<RelationDocument> training_documents(const std::vector<GoldDocument>& gold,
                                                 const std::vector<Document>& docs) {
  if (gold.size() != docs.size())
    throw Error(ErrorKind::Internal, "DocRED training: documents and gold differ in number");
  std::vector<RelationDocument> out;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    RelationDocument rd;
    rd.doc = &docs[i];
    rd.entities = classifier_entities(gold_entities(gold[i]));
    for (const auto& f : gold[i].facts) rd.facts.push_back({f.h, f.t, f.r});
    out.push_back(std::move(rd));
  }
  return out;
}

void cross_validate(const std::vector<GoldDocument>& gold, const std::vector<Document>& docs,
                    std::vector<std::vector<Prediction>>& predictions, int folds, const RelationTrainOptions& options) {
  if (folds < 2) throw Error(ErrorKind::InvalidArgument, "--folds must be at least 2, not " + std::to_string(folds));
  for (const auto& set : predictions)
    if (set.size() != gold.size())
      throw Error(ErrorKind::Internal, "DocRED cross-validation: predictions and gold differ in number");
  const auto all = training_documents(gold, docs);
  for (int f = 0; f < folds; ++f) {
    std::vector<RelationDocument> train;
    for (std::size_t i = 0; i < all.size(); ++i)
      if (static_cast<int>(i % folds) != f) train.push_back(all[i]);
    auto classifier = train_relation_classifier(train, options);
    for (std::size_t i = 0; i < all.size(); ++i)
      if (static_cast<int>(i % folds) == f)
        for (auto& set : predictions) add_relations(set[i], docs[i], classifier);
  }
}

}  // namespace relgraph::docred
