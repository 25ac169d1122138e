// Relations inside noun phrases (src/relations/np_relations.cpp) and
// attribution by "according to" (src/relations/attribution.cpp) on
// hand-built UD parses of invented sentences: one table row per rule and
// construction, the entity mentions a recogniser would give, the triples
// expected and those that must not appear; plus the rule names the relation
// stage exposes and switching a rule off.
#include "relations/np_relations.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/resources.hpp"
#include "relations/attribution.hpp"
#include "relations/extractor.hpp"
#include "support/builders.hpp"

namespace relgraph {
namespace {

std::string schemas() { return std::string(RELGRAPH_SOURCE_DIR) + "/schemas"; }

const detail::Lexicon* nouns() { return &detail::Resources::shared(schemas()).lexicon("relational_nouns"); }

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

std::vector<std::string> dumps(const Document& doc, const std::vector<std::string>& disabled = {}) {
  detail::NpRelations np(nouns(), disabled);
  std::vector<std::string> out;
  for (const auto& p : np.find(doc, 0)) out.push_back(dump(doc, p));
  return out;
}

struct Case {
  const char* name;
  std::vector<std::string> words;  // form/UPOS/XPOS/lemma/head/deprel
  std::vector<Mention> mentions;
  std::vector<std::string> expected;
  std::vector<std::string> absent = {};
};

const std::vector<Case> kCases = {
    {"kinship: possessor of a title before the name",
     {"Ann/PROPN/NNP/Ann/3/nmod:poss", "'s/PART/POS/'s/1/case", "husband/NOUN/NN/husband/4/compound",
      "Tom/PROPN/NNP/Tom/5/nsubj", "spoke/VERB/VBD/speak/0/root"},
     {{0, 1, "PER"}, {3, 4, "PER"}},
     {"(Tom)-[husband of]->(Ann) {spouse_of}"}},
    {"kinship: apposition with an of-phrase",
     {"Tom/PROPN/NNP/Tom/8/nsubj", ",/PUNCT/,/,/4/punct", "the/DET/DT/the/4/det", "son/NOUN/NN/son/1/appos",
      "of/ADP/IN/of/6/case", "Ann/PROPN/NNP/Ann/4/nmod", ",/PUNCT/,/,/4/punct", "spoke/VERB/VBD/speak/0/root"},
     {{0, 1, "PER"}, {5, 6, "PER"}},
     {"(Tom)-[son of]->(Ann) {child_of}"}},
    {"kinship: the name in apposition to the possessed noun",
     {"Ann/PROPN/NNP/Ann/3/nmod:poss", "'s/PART/POS/'s/1/case", "father/NOUN/NN/father/7/nsubj", ",/PUNCT/,/,/5/punct",
      "Bo/PROPN/NNP/Bo/3/appos", ",/PUNCT/,/,/5/punct", "left/VERB/VBD/leave/0/root"},
     {{0, 1, "PER"}, {4, 5, "PER"}},
     {"(Bo)-[father of]->(Ann) {father_of}"}},
    {"age: a number of years between commas after a name",
     {"Ann/PROPN/NNP/Ann/6/nsubj", "Lee/PROPN/NNP/Lee/1/flat", ",/PUNCT/,/,/4/punct", "45/NUM/CD/45/1/appos",
      ",/PUNCT/,/,/4/punct", "left/VERB/VBD/leave/0/root"},
     {{0, 2, "PER"}, {3, 4, "CARDINAL"}},
     {"(Ann Lee)-[age]->(45)"}},
    {"age: not a count after an organisation, nor a year",
     {"Acme/PROPN/NNP/Acme/5/nsubj", ",/PUNCT/,/,/3/punct", "45/NUM/CD/45/1/appos", ",/PUNCT/,/,/3/punct",
      "left/VERB/VBD/leave/0/root", "Bo/PROPN/NNP/Bo/5/obj", ",/PUNCT/,/,/8/punct", "1990/NUM/CD/1990/6/appos",
      ",/PUNCT/,/,/8/punct"},
     {{0, 1, "ORG"}, {5, 6, "PER"}},
     {},
     {"(Acme)-[age]->(45)", "(Bo)-[age]->(1990)"}},
    {"role: organisation compounded before the title",
     {"Acme/PROPN/NNP/Acme/2/compound", "spokesperson/NOUN/NN/spokesperson/4/compound", "Jo/PROPN/NNP/Jo/4/compound",
      "Bell/PROPN/NNP/Bell/5/nsubj", "said/VERB/VBD/say/0/root"},
     {{0, 1, "ORG"}, {2, 4, "PER"}},
     {"(Jo Bell)-[spokesperson of]->(Acme) {employed_by}"}},
    {"role: of-phrase, name in apposition",
     {"the/DET/DT/the/2/det", "coach/NOUN/NN/coach/8/nsubj", "of/ADP/IN/of/4/case", "Redtown/PROPN/NNP/Redtown/2/nmod",
      ",/PUNCT/,/,/6/punct", "Al/PROPN/NNP/Al/2/appos", "Moe/PROPN/NNP/Moe/6/flat", "said/VERB/VBD/say/0/root"},
     {{3, 4, "ORG"}, {5, 7, "PER"}},
     {"(Al Moe)-[coach of]->(Redtown) {leads}"}},
    {"role: title of the name with a place after it",
     {"Senator/PROPN/NNP/senator/3/nmod:desc", "Ann/PROPN/NNP/Ann/3/compound", "Ray/PROPN/NNP/Ray/6/nsubj",
      "of/ADP/IN/of/5/case", "Ohio/PROPN/NNP/Ohio/3/nmod", "voted/VERB/VBD/vote/0/root"},
     {{1, 3, "PER"}, {4, 5, "GPE"}},
     {"(Ann Ray)-[senator of]->(Ohio) {member_of}"}},
    {"role: the title after the name, for-phrase",
     {"Jo/PROPN/NNP/Jo/0/root", ",/PUNCT/,/,/4/punct", "a/DET/DT/a/4/det", "lawyer/NOUN/NN/lawyer/1/appos",
      "for/ADP/IN/for/7/case", "the/DET/DT/the/7/det", "union/NOUN/NN/union/4/nmod"},
     {{0, 1, "PER"}},
     {"(Jo)-[lawyer for]->(the union) {employed_by}"}},
    {"role and demonym: the state a demonym names",
     {"the/DET/DT/the/4/det", "Freedonian/ADJ/JJ/Freedonian/3/amod", "ambassador/NOUN/NN/ambassador/4/compound",
      "Ivo/PROPN/NNP/Ivo/5/nsubj", "arrived/VERB/VBD/arrive/0/root"},
     {{1, 2, "NORP"}, {3, 4, "PER"}},
     {"(Ivo)-[ambassador of]->(Freedonian) {employed_by}"},
     {"(Ivo)-[citizen of]->(Freedonian) {citizen_of}"}},
    {"demonym: origin of a person with a plain noun title",
     {"Freedonian/ADJ/JJ/Freedonian/2/amod", "painter/NOUN/NN/painter/3/compound", "Ivo/PROPN/NNP/Ivo/4/nsubj",
      "arrived/VERB/VBD/arrive/0/root"},
     {{0, 1, "NORP"}, {2, 3, "PER"}},
     {"(Ivo)-[citizen of]->(Freedonian) {citizen_of}"}},
    {"affiliation: person of an organisation",
     {"Tom/PROPN/NNP/Tom/2/compound", "Baker/PROPN/NNP/Baker/7/nsubj:pass", "of/ADP/IN/of/5/case",
      "Green/PROPN/NNP/Green/5/compound", "Party/PROPN/NNP/Party/2/nmod", "was/AUX/VBD/be/7/aux:pass",
      "elected/VERB/VBN/elect/0/root"},
     {{0, 2, "PER"}, {3, 5, "ORG"}},
     {"(Tom Baker)-[member of]->(Green Party) {member_of}"}},
    {"affiliation: organisation's person",
     {"Unity/PROPN/NNP/Unity/3/nmod:poss", "'s/PART/POS/'s/1/case", "Ann/PROPN/NNP/Ann/4/nsubj",
      "won/VERB/VBD/win/0/root"},
     {{0, 1, "ORG"}, {2, 3, "PER"}},
     {"(Ann)-[member of]->(Unity) {member_of}"}},
    {"affiliation read off the mentions when the parse missed the link",
     {"Ann/PROPN/NNP/Ann/2/compound", "Lee/PROPN/NNP/Lee/6/compound", "of/ADP/IN/of/5/case", "the/DET/DT/the/5/det",
      "Union/PROPN/NNP/Union/6/compound", "won/VERB/VBD/win/0/root"},
     {{0, 2, "PER"}, {4, 5, "ORG"}},
     {"(Ann Lee)-[member of]->(Union) {member_of}"}},
    {"affiliation needs an organisation, not a person",
     {"Tom/PROPN/NNP/Tom/4/nsubj", "of/ADP/IN/of/3/case", "Ann/PROPN/NNP/Ann/1/nmod", "won/VERB/VBD/win/0/root"},
     {{0, 1, "PER"}, {2, 3, "PER"}},
     {},
     {"(Tom)-[member of]->(Ann) {member_of}"}},
    {"part of: organisation's unit",
     {"Acme/PROPN/NNP/Acme/4/nmod:poss", "'s/PART/POS/'s/1/case", "Research/PROPN/NNP/Research/4/compound",
      "Lab/PROPN/NNP/Lab/5/nsubj", "closed/VERB/VBD/close/0/root"},
     {{0, 1, "ORG"}, {2, 4, "ORG"}},
     {"(Research Lab)-[part of]->(Acme) {part_of}"}},
    {"location: a named place in another",
     {"the/DET/DT/the/3/det", "Grand/PROPN/NNP/Grand/3/compound", "Hotel/PROPN/NNP/Hotel/6/nsubj",
      "in/ADP/IN/in/5/case", "Lyon/PROPN/NNP/Lyon/3/nmod", "closed/VERB/VBD/close/0/root"},
     {{1, 3, "FAC"}, {4, 5, "GPE"}},
     {"(Grand Hotel)-[located in]->(Lyon) {located_in}"}},
    {"location: town, state",
     {"she/PRON/PRP/she/2/nsubj", "visited/VERB/VBD/visit/0/root", "Dayton/PROPN/NNP/Dayton/2/obj",
      ",/PUNCT/,/,/5/punct", "Ohio/PROPN/NNP/Ohio/3/appos"},
     {{2, 3, "GPE"}, {4, 5, "GPE"}},
     {"(Dayton)-[located in]->(Ohio) {located_in}"}},
    {"location: a person in a place is no located-in",
     {"Tom/PROPN/NNP/Tom/4/nsubj", "in/ADP/IN/in/3/case", "Lyon/PROPN/NNP/Lyon/1/nmod", "spoke/VERB/VBD/speak/0/root"},
     {{0, 1, "PER"}, {2, 3, "GPE"}},
     {},
     {"(Tom)-[located in]->(Lyon) {located_in}"}},
};

TEST(NpRelations, Table) {
  for (const auto& c : kCases) {
    auto got = dumps(build(c.words, c.mentions));
    std::string all;
    for (const auto& g : got) all += "\n  " + g;
    for (const auto& e : c.expected)
      EXPECT_NE(std::find(got.begin(), got.end(), e), got.end()) << c.name << ": missing " << e << "; got:" << all;
    for (const auto& a : c.absent)
      EXPECT_EQ(std::find(got.begin(), got.end(), a), got.end()) << c.name << ": unexpected " << a;
  }
}

TEST(NpRelations, EveryRuleHasARowAndCanBeSwitchedOff) {
  std::set<std::string> fired;
  for (const auto& c : kCases) {
    auto doc = build(c.words, c.mentions);
    detail::NpRelations np(nouns(), {});
    for (const auto& p : np.find(doc, 0)) fired.insert(p.attributes.at("rule"));
  }
  for (const auto& rule : detail::NpRelations::rule_names()) {
    EXPECT_TRUE(fired.count(rule)) << rule << " has no test row";
    for (const auto& c : kCases) {
      auto doc = build(c.words, c.mentions);
      detail::NpRelations np(nouns(), {rule});
      for (const auto& p : np.find(doc, 0)) EXPECT_NE(p.attributes.at("rule"), rule) << c.name;
    }
  }
}

TEST(NpRelations, CanonicalNamesAreInTheSchema) {
  auto rx = RelationExtractor::load(schemas());
  for (const auto& row : nouns()->rows()) EXPECT_NE(rx.schema().find(row[1]), nullptr) << row[0] << " -> " << row[1];
}

TEST(NpRelations, TheRelationStageListsTheRulesAndAssemblyChecksThem) {
  PipelineOptions options;
  options.schemas_dir = schemas();
  auto stage = make_relation_stage(options);
  auto rules = stage->rules();
  for (const auto& r : detail::NpRelations::rule_names())
    EXPECT_NE(std::find(rules.begin(), rules.end(), r), rules.end()) << r;
  // The extractor adds the rules' propositions to the clauses'.
  auto doc = build({"Acme/PROPN/NNP/Acme/2/compound", "spokesperson/NOUN/NN/spokesperson/4/compound",
                    "Jo/PROPN/NNP/Jo/4/compound", "Bell/PROPN/NNP/Bell/5/nsubj", "said/VERB/VBD/say/0/root"},
                   {{0, 1, "ORG"}, {2, 4, "PER"}});
  stage->process(doc);
  bool found = false;
  for (const auto& p : doc.propositions) found = found || p.canonical == "employed_by";
  EXPECT_TRUE(found);
  options.disable = {"relations.np_role"};
  auto off = make_relation_stage(options);
  off->process(doc);
  for (const auto& p : doc.propositions) EXPECT_NE(p.canonical, "employed_by") << dump(doc, p);
}

TEST(NpRelations, UnparsedSentenceYieldsNothing) {
  auto doc = testing::make_document({"Ann", "'s", "husband", "Tom"});
  EXPECT_TRUE(dumps(doc).empty());
}

}  // namespace
}  // namespace relgraph

namespace relgraph {
namespace {

TEST(Attribution, AccordingToMakesTheSourceTheSpeaker) {
  // "According to Lee , the plan failed"
  auto doc = testing::make_document({"According/VERB/VBG/accord/3/case", "to/ADP/IN/to/1/fixed",
                                     "Lee/PROPN/NNP/Lee/7/obl", ",/PUNCT/,/,/3/punct", "the/DET/DT/the/6/det",
                                     "plan/NOUN/NN/plan/7/nsubj", "failed/VERB/VBD/fail/0/root"});
  auto props = detail::Attribution().find(doc, 0);
  ASSERT_EQ(props.size(), 1u);
  EXPECT_EQ(dump(doc, props[0]), "(Lee)-[according to]->(the plan failed) {said}");
  EXPECT_TRUE(detail::Attribution(false).find(doc, 0).empty());
}

TEST(Attribution, TheNameInAppositionSpeaksAndANounPhraseIsNoStatement) {
  // "According to the coach , Al Moe , the team won ."
  auto doc = testing::make_document({"According/VERB/VBG/accord/4/case", "to/ADP/IN/to/1/fixed", "the/DET/DT/the/4/det",
                                     "coach/NOUN/NN/coach/11/obl", ",/PUNCT/,/,/6/punct", "Al/PROPN/NNP/Al/4/appos",
                                     "Moe/PROPN/NNP/Moe/6/flat", ",/PUNCT/,/,/6/punct", "the/DET/DT/the/10/det",
                                     "team/NOUN/NN/team/11/nsubj", "won/VERB/VBD/win/0/root"});
  auto props = detail::Attribution().find(doc, 0);
  ASSERT_EQ(props.size(), 1u);
  EXPECT_EQ(dump(doc, props[0]), "(Al Moe)-[according to]->(the team won) {said}");
  // "the view according to Lee": no clause, no statement.
  auto np =
      testing::make_document({"the/DET/DT/the/2/det", "view/NOUN/NN/view/0/root", "according/VERB/VBG/accord/5/case",
                              "to/ADP/IN/to/3/fixed", "Lee/PROPN/NNP/Lee/2/nmod"});
  EXPECT_TRUE(detail::Attribution().find(np, 0).empty());
}

}  // namespace
}  // namespace relgraph

namespace relgraph {
namespace {

// Two parsed sentences as one document: `Lee said , " We won .` then `We played well . "`
Document quoted_pair(bool closed_first) {
  Document a = testing::make_document({"Lee/PROPN/NNP/Lee/2/nsubj", "said/VERB/VBD/say/0/root", ",/PUNCT/,/,/2/punct",
                                       "\"/PUNCT/``/\"/5/punct", "We/PRON/PRP/we/6/nsubj", "won/VERB/VBD/win/2/ccomp",
                                       "./PUNCT/././2/punct"});
  if (closed_first) {
    Token q = a.sentences[0].tokens[3];
    q.begin = a.text.size() + 1;
    a.text += " \"";
    q.end = a.text.size();
    q.head = 2;
    a.sentences[0].tokens.push_back(q);
    a.sentences[0].end = a.text.size();
  }
  Document b = testing::make_document({"We/PRON/PRP/we/2/nsubj", "played/VERB/VBD/play/0/root",
                                       "well/ADV/RB/well/2/advmod", "./PUNCT/././2/punct", "\"/PUNCT/''/\"/2/punct"});
  std::size_t shift = a.text.size() + 1;
  a.text += " " + b.text;
  Sentence s = b.sentences[0];
  s.begin += shift;
  s.end += shift;
  for (auto& t : s.tokens) t.begin += shift, t.end += shift;
  a.sentences.push_back(s);
  return a;
}

TEST(Attribution, AQuotationRunningOnKeepsItsSpeaker) {
  auto speech = detail::WordSet(std::vector<std::string>{"say"});
  auto doc = quoted_pair(false);
  auto props = detail::Attribution(true, true, speech).find(doc, 1);
  ASSERT_EQ(props.size(), 1u);
  EXPECT_EQ(dump(doc, props[0]), "(Lee)-[said]->(We played well) {said}");
  EXPECT_EQ(props[0].attributes.at("rule"), "relations.quote_continuation");
  // Switched off, or the quotation closed before the sentence: no speaker.
  EXPECT_TRUE(detail::Attribution(true, false, speech).find(doc, 1).empty());
  auto closed = quoted_pair(true);
  EXPECT_TRUE(detail::Attribution(true, true, speech).find(closed, 1).empty());
}

TEST(Attribution, AQuotedLooseClauseIsWhatTheSpeakerSaid) {
  // Lee told the BBC , " the plan failed "
  auto doc = testing::make_document({"Lee/PROPN/NNP/Lee/2/nsubj", "told/VERB/VBD/tell/0/root", "the/DET/DT/the/4/det",
                                     "BBC/PROPN/NNP/BBC/2/iobj", ",/PUNCT/,/,/9/punct", "\"/PUNCT/``/\"/9/punct",
                                     "the/DET/DT/the/8/det", "plan/NOUN/NN/plan/9/nsubj",
                                     "failed/VERB/VBD/fail/2/parataxis", "\"/PUNCT/''/\"/9/punct"});
  auto speech = detail::WordSet(std::vector<std::string>{"tell"});
  auto props = detail::Attribution(false, false, speech, true).find(doc, 0);
  ASSERT_EQ(props.size(), 1u);
  EXPECT_EQ(dump(doc, props[0]), "(Lee)-[said]->(the plan failed) {said}");
  EXPECT_EQ(props[0].attributes.at("rule"), "relations.quoted_clause");
  EXPECT_TRUE(detail::Attribution(false, false, speech, false).find(doc, 0).empty());
  // Without a quotation mark the loose clause is the writer's, not Lee's.
  auto plain = testing::make_document({"Lee/PROPN/NNP/Lee/2/nsubj", "told/VERB/VBD/tell/0/root", "the/DET/DT/the/4/det",
                                       "BBC/PROPN/NNP/BBC/2/iobj", ",/PUNCT/,/,/8/punct", "the/DET/DT/the/7/det",
                                       "plan/NOUN/NN/plan/8/nsubj", "failed/VERB/VBD/fail/2/parataxis"});
  EXPECT_TRUE(detail::Attribution(false, false, speech, true).find(plain, 0).empty());
}

// Two parsed sentences as one document, `sep` between them.
Document joined(const std::vector<std::string>& first, const std::string& sep, const std::vector<std::string>& second) {
  Document a = testing::make_document(first);
  Document b = testing::make_document(second);
  std::size_t shift = a.text.size() + sep.size();
  a.text += sep + b.text;
  Sentence s = b.sentences[0];
  s.begin += shift;
  s.end += shift;
  for (auto& t : s.tokens) t.begin += shift, t.end += shift;
  a.sentences.push_back(s);
  return a;
}

TEST(Attribution, AnIntroducedStatementIsTheSpeakers) {
  const std::vector<std::string> paid = {"We/PRON/PRP/we/2/nsubj", "paid/VERB/VBD/pay/0/root",
                                         "everyone/PRON/NN/everyone/2/obj", "./PUNCT/././2/punct"};
  const std::vector<std::string> quoted = {"\"/PUNCT/``/\"/3/punct",  "We/PRON/PRP/we/3/nsubj",
                                           "won/VERB/VBD/win/0/root", "it/PRON/PRP/it/3/obj",
                                           "./PUNCT/././3/punct",     "\"/PUNCT/''/\"/3/punct"};
  const std::vector<std::string> denied = {"The/DET/DT/the/2/det", "club/NOUN/NN/club/3/nsubj",
                                           "denied/VERB/VBD/deny/0/root", "it/PRON/PRP/it/3/obj",
                                           ":/PUNCT/:/:/3/punct"};
  const std::vector<std::string> spoke = {"Lee/PROPN/NNP/Lee/2/nsubj", "spoke/VERB/VBD/speak/0/root",
                                          "./PUNCT/././2/punct"};
  auto speech = detail::WordSet(std::vector<std::string>{"speak", "say"});
  auto on = detail::Attribution(false, false, speech, false, true);
  struct Case {
    Document doc;
    std::string expected;  // empty: no statement
  };
  std::vector<Case> cases = {
      {joined(denied, "\n\n", paid), "(The club)-[said]->(We paid everyone) {said}"},
      {joined(spoke, " ", quoted), "(Lee)-[said]->(We won it) {said}"},
      // A quotation in the next paragraph, or a plain sentence, is not introduced.
      {joined(spoke, "\n\n", quoted), ""},
      {joined(spoke, " ", paid), ""},
      // A sentence with its own speech verb speaks for itself.
      {joined(denied, "\n\n", spoke), ""},
  };
  for (const auto& c : cases) {
    auto props = on.find(c.doc, 1);
    if (c.expected.empty()) {
      EXPECT_TRUE(props.empty()) << c.doc.text;
      continue;
    }
    ASSERT_EQ(props.size(), 1u) << c.doc.text;
    EXPECT_EQ(dump(c.doc, props[0]), c.expected);
    EXPECT_EQ(props[0].attributes.at("rule"), "relations.introduced_statement");
    EXPECT_TRUE(detail::Attribution(false, false, speech).find(c.doc, 1).empty());
  }
}

TEST(Attribution, AQuotationBesideTheSpeechVerbIsTheSpeakers) {
  // " We won it , " Lee said . -- parsed with the quotation as the root and
  // the speech verb hung on it; then the same with "said" taking it as ccomp.
  const std::vector<std::string> misparsed = {
      "\"/PUNCT/``/\"/3/punct",    "We/PRON/PRP/we/3/nsubj",   "won/VERB/VBD/win/0/root",
      "it/PRON/PRP/it/3/obj",      ",/PUNCT/,/,/3/punct",      "\"/PUNCT/''/\"/3/punct",
      "Lee/PROPN/NNP/Lee/8/nsubj", "said/VERB/VBD/say/3/conj", "./PUNCT/././3/punct"};
  const std::vector<std::string> parsed_well = {
      "\"/PUNCT/``/\"/3/punct",    "We/PRON/PRP/we/3/nsubj",   "won/VERB/VBD/win/8/ccomp",
      "it/PRON/PRP/it/3/obj",      ",/PUNCT/,/,/3/punct",      "\"/PUNCT/''/\"/3/punct",
      "Lee/PROPN/NNP/Lee/8/nsubj", "said/VERB/VBD/say/0/root", "./PUNCT/././8/punct"};
  // Lee said the " big win " mattered . -- a quoted name, no statement.
  const std::vector<std::string> name = {"Lee/PROPN/NNP/Lee/2/nsubj", "said/VERB/VBD/say/0/root",
                                         "the/DET/DT/the/6/det",      "\"/PUNCT/``/\"/6/punct",
                                         "big/ADJ/JJ/big/6/amod",     "win/NOUN/NN/win/8/nsubj",
                                         "\"/PUNCT/''/\"/6/punct",    "mattered/VERB/VBD/matter/2/ccomp",
                                         "./PUNCT/././2/punct"};
  auto speech = detail::WordSet(std::vector<std::string>{"say"});
  auto on = detail::Attribution(false, false, speech, false, false, true);
  struct Case {
    std::vector<std::string> words;
    std::string expected;  // empty: no statement
  };
  for (const auto& c :
       std::vector<Case>{{misparsed, "(Lee)-[said]->(We won it) {said}"}, {parsed_well, ""}, {name, ""}}) {
    auto doc = testing::make_document(c.words);
    auto props = on.find(doc, 0);
    if (c.expected.empty()) {
      EXPECT_TRUE(props.empty()) << doc.text;
      continue;
    }
    ASSERT_EQ(props.size(), 1u) << doc.text;
    EXPECT_EQ(dump(doc, props[0]), c.expected);
    EXPECT_EQ(props[0].attributes.at("rule"), "relations.quoted_span");
    EXPECT_TRUE(detail::Attribution(false, false, speech).find(doc, 0).empty());
  }
}

}  // namespace
}  // namespace relgraph
