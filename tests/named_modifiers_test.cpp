// relations.named_modifier (src/relations/named_modifiers.cpp) on hand-built
// UD parses of invented sentences: a name hanging on a common noun through a
// preposition gives (noun)-[preposition]->(name); other attachments do not.
#include "relations/named_modifiers.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/mention_index.hpp"
#include "relations/extractor.hpp"
#include "support/builders.hpp"

namespace relgraph {
namespace {

struct Mention {
  int first, last;  // words [first, last), 0-based
  const char* type;
};

Document build(const std::vector<std::string>& words, const std::vector<Mention>& mentions) {
  Document doc = testing::make_document(words);
  for (const auto& m : mentions) {
    EntityMention em;
    const auto& toks = doc.sentences[0].tokens;
    em.span = {0, m.first, m.last, toks[m.first].begin, toks[m.last - 1].end};
    em.text = std::string(doc.slice(em.span.begin, em.span.end));
    em.type = m.type;
    doc.mentions.push_back(em);
  }
  return doc;
}

struct Case {
  const char* name;
  std::vector<std::string> words;  // form/UPOS/XPOS/lemma/head/deprel
  std::vector<Mention> mentions;
  std::vector<std::string> expected;
};

const std::vector<Case> kCases = {
    {"origin",
     {"Teams/NOUN/NNS/team/4/nsubj", "from/ADP/IN/from/3/case", "Ulmaria/PROPN/NNP/Ulmaria/1/nmod",
      "arrived/VERB/VBD/arrive/0/root"},
     {{2, 3, "LOC"}},
     {"(Teams)-[from]->(Ulmaria)"}},
    {"the noun keeps its adjectives and compounds, not its determiner",
     {"The/DET/DT/the/4/det", "local/ADJ/JJ/local/4/amod", "research/NOUN/NN/research/4/compound",
      "team/NOUN/NN/team/8/nsubj", "from/ADP/IN/from/7/case", "Kelt/PROPN/NNP/Kelt/7/compound",
      "University/PROPN/NNP/University/4/nmod", "met/VERB/VBD/meet/0/root"},
     {{5, 7, "ORG"}},
     {"(local research team)-[from]->(Kelt University)"}},
    {"later conjuncts take the first one's noun and preposition",
     {"Teams/NOUN/NNS/team/7/nsubj", "from/ADP/IN/from/3/case", "Ulmaria/PROPN/NNP/Ulmaria/1/nmod",
      "and/CCONJ/CC/and/5/cc", "Varn/PROPN/NNP/Varn/3/conj", "were/AUX/VBD/be/7/cop", "late/ADJ/JJ/late/0/root"},
     {{2, 3, "LOC"}, {4, 5, "LOC"}},
     {"(Teams)-[from]->(Ulmaria)", "(Teams)-[from]->(Varn)"}},
    {"an agent",
     {"An/DET/DT/a/2/det", "attempt/NOUN/NN/attempt/6/nsubj:pass", "by/ADP/IN/by/5/case", "Jo/PROPN/NNP/Jo/5/flat",
      "Arn/PROPN/NNP/Arn/2/nmod", "failed/VERB/VBD/fail/0/root"},
     {{3, 5, "PER"}},
     {"(attempt)-[by]->(Jo Arn)"}},
    {"on a name, not a common noun",
     {"Kelt/PROPN/NNP/Kelt/4/nsubj", "of/ADP/IN/of/3/case", "Ulmaria/PROPN/NNP/Ulmaria/1/nmod",
      "won/VERB/VBD/win/0/root"},
     {{0, 1, "ORG"}, {2, 3, "LOC"}},
     {}},
    {"an oblique of the verb, not a modifier of a noun",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "lived/VERB/VBD/live/0/root", "in/ADP/IN/in/4/case", "Varn/PROPN/NNP/Varn/2/obl"},
     {{0, 1, "PER"}, {3, 4, "LOC"}},
     {}},
    {"a preposition not in the list",
     {"Talks/NOUN/NNS/talk/4/nsubj", "with/ADP/IN/with/3/case", "Ulmaria/PROPN/NNP/Ulmaria/1/nmod",
      "ended/VERB/VBD/end/0/root"},
     {{2, 3, "LOC"}},
     {}},
    {"a capitalised noun inside the sentence is part of a missed name",
     {"They/PRON/PRP/they/2/nsubj", "met/VERB/VBD/meet/0/root", "the/DET/DT/the/4/det", "Friends/NOUN/NNS/friend/2/obj",
      "of/ADP/IN/of/6/case", "Ulmaria/PROPN/NNP/Ulmaria/4/nmod"},
     {{5, 6, "LOC"}},
     {}},
    {"a value is no name",
     {"Sales/NOUN/NNS/sale/4/nsubj", "in/ADP/IN/in/3/case", "2019/NUM/CD/2019/1/nmod", "rose/VERB/VBD/rise/0/root"},
     {{2, 3, "DATE"}},
     {}},
};

std::vector<std::string> dumps(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& p : detail::named_modifiers(doc, 0, detail::MentionIndex(doc).of(0))) out.push_back(dump(doc, p));
  return out;
}

TEST(NamedModifiers, ANameOnACommonNounIsAFactOfItsOwn) {
  for (const auto& c : kCases) {
    Document doc = build(c.words, c.mentions);
    EXPECT_EQ(dumps(doc), c.expected) << c.name;
  }
}

TEST(NamedModifiers, TheRuleSwitchesOff) {
  const std::string dir = std::string(RELGRAPH_SOURCE_DIR) + "/schemas";
  Document doc = build(kCases[0].words, kCases[0].mentions);
  auto count = [&](const RelationExtractor& rx) {
    auto props = rx.extract(doc, 0);
    return std::count_if(props.begin(), props.end(), [&](const Proposition& p) {
      auto r = p.attributes.find("rule");
      return r != p.attributes.end() && r->second == detail::kNamedModifierRule;
    });
  };
  EXPECT_EQ(count(RelationExtractor::load(dir)), 1);
  EXPECT_EQ(count(RelationExtractor::load(dir, {detail::kNamedModifierRule})), 0);
  const auto rules = relation_rules();
  EXPECT_NE(std::find(rules.begin(), rules.end(), detail::kNamedModifierRule), rules.end());
}

}  // namespace
}  // namespace relgraph
