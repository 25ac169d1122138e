// Internal: the confidence of a clause, a logistic function of a few clause
// features (construction, argument shape, inheritance, embedding, length).
// The weights in confidence.cpp were fitted by tools/fit_relation_confidence.py
// (logistic regression on CaRB development tuples, see docs/relations.md).
// Tests: tests/relations_test.cpp (Confidence.*)
#pragma once
#include <array>
#include <string_view>

#include "relations/clauses.hpp"

namespace relgraph::detail {

inline constexpr std::size_t kConfidenceFeatures = 36;
using ConfidenceFeatures = std::array<double, kConfidenceFeatures>;

// Feature names, in order (for the fitting script and debugging).
const std::array<std::string_view, kConfidenceFeatures>& confidence_feature_names();
ConfidenceFeatures confidence_features(const Clause& c, const Sentence& s);
// In (0, 1).
double confidence(const Clause& c, const Sentence& s);

}  // namespace relgraph::detail
