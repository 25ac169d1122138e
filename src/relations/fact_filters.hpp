// Which propositions become graph facts: a table of named predicates, each
// dropping one kind of proposition that would make a misleading edge
// ("graph.drop_value_subject": a date or amount never acts). build_graph()
// applies them in order; the first that fires drops the fact.
// Tests: tests/pipeline_test.cpp (FactFilter*)
#pragma once
#include <string>
#include <vector>

#include "relgraph/document.hpp"

namespace relgraph::detail {

// What a filter sees of a proposition and its two graph nodes.
struct FactView {
  const Document& doc;
  const Proposition& p;
  std::string subject_type;  // node types: Literal, Date, Money, Quantity, Person ...
  std::string object_type;
  std::string subject_key;  // entity_key() of the node labels
  std::string object_key;
  std::string construction;  // p.attributes["construction"], "" if none
  bool copula = false;       // "X is Y" (construction copula or a form of "be")
};

struct FactFilter {
  const char* name;
  bool (*drops)(const FactView&);
};

// The filters in the order build_graph() applies them.
const std::vector<FactFilter>& fact_filters();

// The name of the first filter not in `disabled` that drops the fact, "" if none does.
std::string dropping_filter(const FactView& fact, const std::vector<std::string>& disabled = {});

// Whether the proposition states "X is Y": construction "copula" or a
// relation that is a form of "be" (schemas/lexicon/be_forms.tsv).
bool is_copula(const Proposition& p);

}  // namespace relgraph::detail
