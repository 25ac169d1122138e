// Internal: statements attributed by a prepositional source, "According to
// X, the plan failed" -> (X)-[according to]->(the plan failed) {said}: the
// source becomes the speaker of the clause it qualifies, as a speech verb's
// subject would ("relations.according_to"). A quotation running on over
// further sentences of its paragraph ("Lee said, "We won. We played well."")
// gives each of them the speaker too: (Lee)-[said]->(We played well)
// ("relations.quote_continuation"). A quotation the parse hangs on the
// speech verb as a loose clause ("Lee told the BBC, "We won"") is what the
// speaker said: (Lee)-[said]->(We won) ("relations.quoted_clause").
// Statements a speech sentence introduces, one ending in a colon ("The
// club denied it: / We paid everyone.") or followed by a quotation with no
// speech verb of its own ("Lee spoke. "We won.""), are the speaker's, up to
// the paragraph's end or the quotation's close: (Lee)-[said]->(We won)
// ("relations.introduced_statement"). A quotation the parse fails to hang
// on the speech verb beside it (""We won," Lee said, "and we are glad."") is
// the speaker's as it stands ("relations.quoted_span").
// Thread safety: immutable; find() is const.
// Tests: tests/np_relations_test.cpp (Attribution.*)
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/lexicon.hpp"
#include "core/mention_index.hpp"
#include "relgraph/document.hpp"

namespace relgraph::detail {

class Attribution {
 public:
  // `speech_verbs`: lemmas whose subject speaks a quotation (schemas/lexicon/speech_verbs.tsv).
  explicit Attribution(bool according_to = true, bool quotes = false, WordSet speech_verbs = {},
                       bool quoted_clauses = false, bool introduced = false, bool quoted_spans = false)
      : according_to_(according_to),
        quotes_(quotes),
        quoted_clauses_(quoted_clauses),
        introduced_(introduced),
        quoted_spans_(quoted_spans),
        speech_verbs_(std::move(speech_verbs)) {}
  static std::vector<std::string> rule_names() {
    return {"relations.according_to", "relations.quote_continuation", "relations.quoted_clause",
            "relations.introduced_statement", "relations.quoted_span"};
  }
  // The attributed statements of sentence `sentence`: canonical "said",
  // attributes["construction"] = "attribution", attributes["rule"] = the rule name.
  std::vector<Proposition> find(const Document& doc, int sentence) const;
  // The same with the document's mentions indexed by sentence.
  std::vector<Proposition> find(const Document& doc, int sentence, const MentionIndex& mentions) const;

 private:
  void according_to(const Document& doc, int sentence, const MentionIndex& mentions,
                    std::vector<Proposition>& out) const;
  void quote_continuation(const Document& doc, int sentence, const MentionIndex& mentions,
                          std::vector<Proposition>& out) const;
  void quoted_clause(const Document& doc, int sentence, const MentionIndex& mentions,
                     std::vector<Proposition>& out) const;
  void introduced_statement(const Document& doc, int sentence, const MentionIndex& mentions,
                            std::vector<Proposition>& out) const;
  void quoted_span(const Document& doc, int sentence, const MentionIndex& mentions,
                   std::vector<Proposition>& out) const;
  bool according_to_ = true;
  bool quotes_ = false;
  bool quoted_clauses_ = false;
  bool introduced_ = false;
  bool quoted_spans_ = false;
  WordSet speech_verbs_;
};

}  // namespace relgraph::detail
