// Internal: statements attributed by a prepositional source, "According to
// X, the plan failed" -> (X)-[according to]->(the plan failed) {said}: the
// source becomes the speaker of the clause it qualifies, as a speech verb's
// subject would. One named rule, "relations.according_to".
// Thread safety: stateless; find() is const.
// Tests: tests/np_relations_test.cpp (Attribution.*)
#pragma once
#include <string>
#include <vector>

#include "relgraph/document.hpp"

namespace relgraph::detail {

class Attribution {
 public:
  explicit Attribution(bool enabled = true) : enabled_(enabled) {}
  static std::vector<std::string> rule_names() { return {"relations.according_to"}; }
  // The attributed statements of sentence `sentence`: canonical "said",
  // attributes["construction"] = "attribution", attributes["rule"] = the rule name.
  std::vector<Proposition> find(const Document& doc, int sentence) const;

 private:
  bool enabled_ = true;
};

}  // namespace relgraph::detail
