// The named fact filters of build_graph() (see fact_filters.hpp).
// Tests: tests/pipeline_test.cpp (FactFilter*)
#include "relations/fact_filters.hpp"

#include <algorithm>
#include <cctype>

#include "core/resources.hpp"
#include "core/strings.hpp"

namespace relgraph::detail {
namespace {

std::string lower(std::string_view s) { return ascii_lower(s); }

bool is_value_type(const std::string& type) { return type == "Date" || type == "Money" || type == "Quantity"; }

// The argument's head word, or nullptr if it is not in the document.
const Token* head_token(const Document& doc, const Argument& a) {
  if (a.head < 0 || a.span.sentence < 0 || a.span.sentence >= static_cast<int>(doc.sentences.size()) ||
      a.head >= static_cast<int>(doc.sentences[a.span.sentence].tokens.size()))
    return nullptr;
  return &doc.sentences[a.span.sentence].tokens[a.head];
}

bool verb_head(const Document& doc, const Argument& a) {
  const Token* h = head_token(doc, a);
  return h && h->upos == "VERB";
}

// A date or amount is an attribute of an event, never its actor.
bool value_subject(const FactView& f) { return is_value_type(f.subject_type); }

// A title is a fact when it names a role ("Interior Minister X"), not any noun before a name.
bool plain_title(const FactView& f) { return f.construction == "title" && f.p.canonical.empty(); }

// "X is Y" is a fact about an entity, not between two loose phrases ...
bool loose_copula(const FactView& f) { return f.copula && f.p.canonical.empty() && f.subject_type == "Literal"; }

// ... and never "X is X's visit".
bool self_copula(const FactView& f) {
  return f.copula && f.p.canonical.empty() && f.object_key.find(f.subject_key) != std::string::npos;
}

// Possession of an action ("X has boost ...") is a parse artefact, and a
// bare possessive ("Peru's economy" -> has) is no fact worth an edge.
bool possession_artefact(const FactView& f) {
  const auto& p = f.p;
  bool have = p.canonical == "has" || (p.canonical.empty() && p.relation_words.empty() && p.relation == "has");
  return have && (f.construction == "poss" || p.relation_words.empty() || verb_head(f.doc, p.args[1]));
}

// "operation known as X -[known as]-> X": a phrase restating its own object.
bool restating_phrase(const FactView& f) {
  return f.subject_type == "Literal" && f.object_type != "Literal" && f.p.canonical.empty() &&
         f.subject_key.find(f.object_key) != std::string::npos;
}

}  // namespace

const std::vector<FactFilter>& fact_filters() {
  static const std::vector<FactFilter> all = {
      {"graph.drop_value_subject", value_subject},
      {"graph.drop_plain_title", plain_title},
      {"graph.drop_loose_copula", loose_copula},
      {"graph.drop_self_copula", self_copula},
      {"graph.drop_possession_artefact", possession_artefact},
      {"graph.drop_restating_phrase", restating_phrase},
  };
  return all;
}

std::string dropping_filter(const FactView& fact, const std::vector<std::string>& disabled) {
  for (const auto& f : fact_filters())
    if (std::find(disabled.begin(), disabled.end(), f.name) == disabled.end() && f.drops(fact)) return f.name;
  return "";
}

bool is_copula(const Proposition& p) {
  auto c = p.attributes.find("construction");
  if (c != p.attributes.end() && c->second == "copula") return true;
  static const Lexicon& be = Resources::shared().lexicon("be_forms");
  return be.contains(lower(p.relation));
}

}  // namespace relgraph::detail
