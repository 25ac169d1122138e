// Relation extraction on hand-built UD parses: sentence -> one-line dumps of
// the propositions, one table row per construction, plus the canonical
// vocabulary (every relation in schemas/relations.json has a row) and its
// JSON Schema.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>

#include <algorithm>
#include <set>

#include "core/files.hpp"
#include "relations/extractor.hpp"
#include "relgraph/error.hpp"
#include "support/builders.hpp"

namespace relgraph {
namespace {

const RelationExtractor& extractor() {
  static const RelationExtractor rx = RelationExtractor::load(std::string(RELGRAPH_SOURCE_DIR) + "/schemas");
  return rx;
}

std::vector<std::string> dumps(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& p : extractor().extract(doc, 0)) out.push_back(dump(doc, p));
  return out;
}

struct Case {
  const char* name;
  std::vector<std::string> words;        // form/UPOS/XPOS/lemma/head/deprel
  std::vector<std::string> expected;     // every one must be among the dumps
  std::vector<std::string> absent = {};  // none of these may be
};

const std::vector<Case> kCases = {
    {"verb with folded preposition",
     {"Smith/PROPN/NNP/Smith/2/nsubj", "met/VERB/VBD/meet/0/root", "with/ADP/IN/with/4/case",
      "Jones/PROPN/NNP/Jones/2/obl", "./PUNCT/././2/punct"},
     {"(Smith)-[met with]->(Jones) {met}"}},
    {"object and oblique",
     {"Smith/PROPN/NNP/Smith/2/nsubj", "trained/VERB/VBD/train/0/root", "fighters/NOUN/NNS/fighter/2/obj",
      "in/ADP/IN/in/5/case", "Libya/PROPN/NNP/Libya/2/obl"},
     {"(Smith)-[trained]->(fighters)-[in]->(Libya) {trained}"}},
    {"passive with agent keeps its voice",
     {"The/DET/DT/the/2/det", "talks/NOUN/NNS/talk/4/nsubj:pass", "were/AUX/VBD/be/4/aux:pass",
      "attended/VERB/VBN/attend/0/root", "by/ADP/IN/by/6/case", "Lee/PROPN/NNP/Lee/4/obl:agent"},
     {"(The talks)-[were attended by]->(Lee)"},
     {"(Lee)-[attended]->(The talks)"}},
    {"passive with agent and a canonical relation keeps its voice too",
     {"The/DET/DT/the/2/det", "school/NOUN/NN/school/4/nsubj:pass", "was/AUX/VBD/be/4/aux:pass",
      "founded/VERB/VBN/found/0/root", "by/ADP/IN/by/6/case", "Lee/PROPN/NNP/Lee/4/obl:agent"},
     {"(The school)-[was founded by]->(Lee)"},
     {"(Lee)-[founded]->(The school) {founded}"}},
    {"a participle modifying a noun reads as the agent's act",
     {"the/DET/DT/the/2/det", "school/NOUN/NN/school/6/nsubj", "founded/VERB/VBN/found/2/acl", "by/ADP/IN/by/5/case",
      "Lee/PROPN/NNP/Lee/3/obl:agent", "closed/VERB/VBD/close/0/root"},
     {"(Lee)-[founded]->(the school) {founded}"}},
    {"a light verb keeps a determined or plural object",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "took/VERB/VBD/take/0/root", "the/DET/DT/the/4/det", "train/NOUN/NN/train/2/obj",
      "to/ADP/IN/to/6/case", "Oslo/PROPN/NNP/Oslo/2/obl"},
     {"(Lee)-[took]->(the train)-[to]->(Oslo)"},
     {"(Lee)-[took train to]->(Oslo)"}},
    {"event arguments: a date and a place after the object",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "sold/VERB/VBD/sell/0/root", "the/DET/DT/the/4/det", "farm/NOUN/NN/farm/2/obj",
      "in/ADP/IN/in/6/case", "Leeds/PROPN/NNP/Leeds/2/obl", "last/ADJ/JJ/last/8/amod", "week/NOUN/NN/week/2/obl:tmod"},
     {"(Lee)-[sold]->(last week)", "(Lee)-[sold]->(the farm)-[in]->(Leeds)-[]->(last week) {supplied}"},
     {"(Lee)-[sold in]->(Leeds)"}},
    {"passive without agent keeps its voice",
     {"The/DET/DT/the/2/det", "case/NOUN/NN/case/4/nsubj:pass", "was/AUX/VBD/be/4/aux:pass",
      "reviewed/VERB/VBN/review/0/root"},
     {"(The case)-[was reviewed]"}},
    {"relative clause: which was attended by X",
     {"Smith/PROPN/NNP/Smith/2/nsubj", "held/VERB/VBD/hold/0/root", "a/DET/DT/a/4/det", "meeting/NOUN/NN/meeting/2/obj",
      ",/PUNCT/,/,/4/punct", "which/PRON/WDT/which/8/nsubj:pass", "was/AUX/VBD/be/8/aux:pass",
      "attended/VERB/VBN/attend/4/acl:relcl", "by/ADP/IN/by/10/case", "Lee/PROPN/NNP/Lee/8/obl:agent"},
     {"(Smith)-[held]->(a meeting) {met}", "(Lee)-[attended]->(a meeting)"}},
    {"relative clause with subject pronoun",
     {"the/DET/DT/the/2/det", "man/NOUN/NN/man/0/root", "who/PRON/WP/who/4/nsubj", "founded/VERB/VBD/found/2/acl:relcl",
      "Acme/PROPN/NNP/Acme/4/obj"},
     {"(the man)-[founded]->(Acme) {founded}"}},
    {"relative clause with an object gap",
     {"the/DET/DT/the/2/det", "book/NOUN/NN/book/0/root", "Lee/PROPN/NNP/Lee/4/nsubj",
      "published/VERB/VBD/publish/2/acl:relcl"},
     {"(Lee)-[published]->(the book) {published}"}},
    {"relative clause with a stranded preposition",
     {"the/DET/DT/the/2/det", "office/NOUN/NN/office/0/root", "Lee/PROPN/NNP/Lee/4/nsubj",
      "worked/VERB/VBD/work/2/acl:relcl", "in/ADP/IN/in/4/obl"},
     {"(Lee)-[worked in]->(the office)"}},
    {"fronted oblique as the only argument keeps its preposition after the verb",
     {"In/ADP/IN/in/2/case", "Ohio/PROPN/NNP/Ohio/6/obl", ",/PUNCT/,/,/2/punct", "Lee/PROPN/NNP/Lee/6/nsubj:pass",
      "was/AUX/VBD/be/6/aux:pass", "elected/VERB/VBN/elect/0/root"},
     {"(Lee)-[was elected in]->(Ohio)"}},
    {"noun modifier with a canonical relation",
     {"the/DET/DT/the/2/det", "embassy/NOUN/NN/embassy/5/nsubj", "in/ADP/IN/in/4/case", "Rome/PROPN/NNP/Rome/2/nmod",
      "closed/VERB/VBD/close/0/root"},
     {"(the embassy)-[is in]->(Rome) {located_in}", "(the embassy in Rome)-[closed]"}},
    {"reduced passive relative",
     {"the/DET/DT/the/2/det", "pressure/NOUN/NN/pressure/0/root", "caused/VERB/VBN/cause/2/acl", "by/ADP/IN/by/5/case",
      "heat/NOUN/NN/heat/3/obl:agent"},
     {"(heat)-[caused]->(the pressure)"}},
    {"xcomp chain",
     {"Ruritania/PROPN/NNP/Ruritania/2/nsubj", "sought/VERB/VBD/seek/0/root", "to/PART/TO/to/4/mark",
      "increase/VERB/VB/increase/2/xcomp", "security/NOUN/NN/security/4/obj"},
     {"(Ruritania)-[sought to increase]->(security)"}},
    {"xcomp chain with folded preposition",
     {"The/DET/DT/the/2/det", "plan/NOUN/NN/plan/3/nsubj", "aims/VERB/VBZ/aim/0/root", "to/PART/TO/to/5/mark",
      "focus/VERB/VB/focus/3/xcomp", "on/ADP/IN/on/7/case", "training/NOUN/NN/training/5/obl"},
     {"(The plan)-[aims to focus on]->(training)"}},
    {"copula with nominal predicate",
     {"Smith/PROPN/NNP/Smith/4/nsubj", "is/AUX/VBZ/be/4/cop", "a/DET/DT/a/4/det", "member/NOUN/NN/member/0/root",
      "of/ADP/IN/of/7/case", "the/DET/DT/the/7/det", "party/NOUN/NN/party/4/nmod"},
     {"(Smith)-[is]->(a member of the party) {member_of}"}},
    {"copula with preposition",
     {"The/DET/DT/the/2/det", "office/NOUN/NN/office/5/nsubj", "is/AUX/VBZ/be/5/cop", "in/ADP/IN/in/5/case",
      "Paris/PROPN/NNP/Paris/0/root"},
     {"(The office)-[is in]->(Paris)"}},
    {"apposition",
     {"Globex/PROPN/NNP/Globex/0/root", ",/PUNCT/,/,/5/punct", "the/DET/DT/the/5/det", "German/ADJ/JJ/German/5/amod",
      "branch/NOUN/NN/branch/1/appos", "of/ADP/IN/of/7/case", "Initech/PROPN/NNP/Initech/5/nmod"},
     {"(Globex)-[is]->(the German branch of Initech) {branch_of}"}},
    {"apposition puts the name first",
     {"The/DET/DT/the/2/det", "doctor/NOUN/NN/doctor/5/nsubj", ",/PUNCT/,/,/4/punct",
      "Erasistratus/PROPN/NNP/Erasistratus/2/appos", "wrote/VERB/VBD/write/0/root", "books/NOUN/NNS/book/5/obj"},
     {"(Erasistratus)-[is]->(The doctor) {holds_role}"}},
    {"title before a name",
     {"Interior/PROPN/NNP/Interior/2/compound", "Minister/PROPN/NNP/Minister/3/nmod:desc",
      "John/PROPN/NNP/John/5/nsubj", "Smith/PROPN/NNP/Smith/3/flat", "resigned/VERB/VBD/resign/0/root"},
     {"(John Smith)-[is]->(Interior Minister) {holds_role}", "(Interior Minister John Smith)-[resigned]"}},
    {"event nominal with possessive",
     {"Smith/PROPN/NNP/Smith/3/nmod:poss", "'s/PART/POS/'s/1/case", "visit/NOUN/NN/visit/7/nsubj",
      "to/ADP/IN/to/5/case", "France/PROPN/NNP/France/3/nmod", "was/AUX/VBD/be/7/cop", "short/ADJ/JJ/short/0/root"},
     {"(Smith)-[visit to]->(France) {visited}"}},
    {"event nominal with by-phrase",
     {"the/DET/DT/the/2/det", "acquisition/NOUN/NN/acquisition/0/root", "of/ADP/IN/of/5/case", "8/NUM/CD/8/5/nummod",
      "helicopters/NOUN/NNS/helicopter/2/nmod", "by/ADP/IN/by/7/case", "Ruritania/PROPN/NNP/Ruritania/2/nmod"},
     {"(Ruritania)-[acquisition]->(8 helicopters) {acquired}"}},
    {"event nominal as a light verb's object",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "had/VERB/VBD/have/0/root", "a/DET/DT/a/4/det", "meeting/NOUN/NN/meeting/2/obj",
      "with/ADP/IN/with/6/case", "Kim/PROPN/NNP/Kim/4/nmod"},
     {"(Lee)-[meeting with]->(Kim) {met}", "(Lee)-[had]->(a meeting with Kim) {met}"}},
    {"by-phrase an active verb took from its object's event",
     {"The/DET/DT/the/2/det", "deal/NOUN/NN/deal/3/nsubj", "allowed/VERB/VBD/allow/0/root", "the/DET/DT/the/5/det",
      "purchase/NOUN/NN/purchase/3/obj", "of/ADP/IN/of/7/case", "jets/NOUN/NNS/jet/5/nmod", "by/ADP/IN/by/9/case",
      "Ruritania/PROPN/NNP/Ruritania/3/obl"},
     {"(Ruritania)-[purchase]->(jets) {acquired}", "(The deal)-[allowed]->(the purchase of jets)"},
     {"(The deal)-[purchase]->(jets) {acquired}", "(The deal)-[allowed by]->(Ruritania)"}},
    {"event nominal with between-phrase: the parties",
     {"the/DET/DT/the/2/det", "cooperation/NOUN/NN/cooperation/0/root", "between/ADP/IN/between/4/case",
      "Ruritania/PROPN/NNP/Ruritania/2/nmod", "and/CCONJ/CC/and/6/cc", "Freedonia/PROPN/NNP/Freedonia/4/conj"},
     {"(Ruritania)-[cooperation]->(Freedonia) {cooperates_with}"},
     {"(Freedonia)-[cooperation]->(Freedonia) {cooperates_with}"}},
    {"a non-light verb's subject is not the agent of its object's event",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "reported/VERB/VBD/report/0/root", "a/DET/DT/a/4/det",
      "meeting/NOUN/NN/meeting/2/obj", "with/ADP/IN/with/6/case", "Kim/PROPN/NNP/Kim/4/nmod"},
     {"(Lee)-[reported]->(a meeting with Kim) {said}"},
     {"(Lee)-[meeting with]->(Kim) {met}"}},
    {"purpose clause: the main subject is understood",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "met/VERB/VBD/meet/0/root", "Kim/PROPN/NNP/Kim/2/obj", "to/PART/TO/to/5/mark",
      "discuss/VERB/VB/discuss/2/advcl", "trade/NOUN/NN/trade/5/obj"},
     {"(Lee)-[met]->(Kim) {met}", "(Lee)-[discuss]->(trade)"}},
    {"object control: enable X to train Y",
     {"The/DET/DT/the/2/det", "grant/NOUN/NN/grant/3/nsubj", "enabled/VERB/VBD/enable/0/root",
      "police/NOUN/NNS/police/3/obj", "to/PART/TO/to/6/mark", "train/VERB/VB/train/3/advcl",
      "recruits/NOUN/NNS/recruit/6/obj"},
     {"(police)-[train]->(recruits) {trained}"},
     {"(The grant)-[train]->(recruits) {trained}"}},
    {"a mistagged verb: a noun with a subject and an object",
     {"The/DET/DT/the/2/det", "government/NOUN/NN/government/3/nsubj", "fears/NOUN/NNS/fear/0/root",
      "unrest/NOUN/NN/unrest/3/obj"},
     {"(The government)-[fears]->(unrest)"}},
    {"a mistagged verb whose subject was read as its compound",
     {"US/PROPN/NNP/US/2/compound", "jets/NOUN/NNS/jet/3/compound", "use/NOUN/NN/use/0/root", "the/DET/DT/the/5/det",
      "base/NOUN/NN/base/3/obj"},
     {"(US jets)-[use]->(the base)"}},
    {"coordination inside an of-phrase is not distributed",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "revealed/VERB/VBD/reveal/0/root", "the/DET/DT/the/4/det",
      "volume/NOUN/NN/volume/2/obj", "of/ADP/IN/of/6/case", "trade/NOUN/NN/trade/4/nmod", "and/CCONJ/CC/and/9/cc",
      "military/ADJ/JJ/military/9/amod", "aid/NOUN/NN/aid/4/conj"},
     {"(Lee)-[revealed]->(the volume of trade and military aid) {said}"},
     {"(Lee)-[revealed]->(military aid)"}},
    {"a bare xcomp chain keeps its last verb as the complement",
     {"They/PRON/PRP/they/3/nsubj", "have/AUX/VBP/have/3/aux", "crossed/VERB/VBN/cross/0/root",
      "lines/NOUN/NNS/line/3/obj", "and/CCONJ/CC/and/6/cc", "returned/VERB/VBN/return/3/conj", "to/PART/TO/to/8/mark",
      "work/VERB/VB/work/6/xcomp"},
     {"(They)-[crossed]->(lines)", "(They)-[returned]->(to work)"}},
    {"measured time adverbial as an argument",
     {"Two/NUM/CD/two/2/nummod", "years/NOUN/NNS/year/3/obl:npmod", "later/ADV/RBR/later/6/advmod",
      "the/DET/DT/the/5/det", "line/NOUN/NN/line/6/nsubj:pass", "closed/VERB/VBN/close/0/root"},
     {"(the line)-[closed]->(Two years later)"}},
    {"gerund clause after a preposition is an argument; a fronted by-phrase is no agent",
     {"By/ADP/IN/by/2/case", "noon/NOUN/NN/noon/6/obl", "the/DET/DT/the/4/det", "soup/NOUN/NN/soup/6/nsubj:pass",
      "was/AUX/VBD/be/6/aux:pass", "thickened/VERB/VBN/thicken/0/root", "by/SCONJ/IN/by/8/mark",
      "using/VERB/VBG/use/6/advcl", "flour/NOUN/NN/flour/8/obj"},
     {"(the soup)-[was thickened by]->(using flour)-[by]->(noon)"},
     {"(noon)-[thickened]->(the soup)"}},
    {"to-infinitive after the governor's object is a purpose clause, not a chain",
     {"Troops/NOUN/NNS/troop/2/nsubj", "entered/VERB/VBD/enter/0/root", "Ruritania/PROPN/NNP/Ruritania/2/obj",
      "to/PART/TO/to/5/mark", "fight/VERB/VB/fight/2/xcomp", "rebels/NOUN/NNS/rebel/5/obj"},
     {"(Troops)-[entered]->(Ruritania)-[attr]->(fight rebels)", "(Troops)-[fight]->(rebels) {fought}"},
     {"(Troops)-[entered to fight]->(Ruritania)-[obj]->(rebels)"}},
    {"a counted stretch of time or a prepositional phrase is no apposition",
     {"Lee/PROPN/NNP/Lee/7/nsubj", ",/PUNCT/,/,/4/punct", "six/NUM/CD/six/4/nummod", "months/NOUN/NNS/month/1/appos",
      ",/PUNCT/,/,/4/punct", "later/ADV/RBR/later/7/advmod", "left/VERB/VBD/leave/0/root"},
     {},
     {"(Lee)-[is]->(six months)"}},
    {"a source coordinated by the parse is no argument",
     {"It/PRON/PRP/it/3/nsubj:pass", "was/AUX/VBD/be/3/aux:pass", "signed/VERB/VBN/sign/0/root", "by/ADP/IN/by/5/case",
      "Lee/PROPN/NNP/Lee/3/obl", "and/CCONJ/CC/and/9/cc", "according/VERB/VBG/accord/9/case", "to/ADP/IN/to/7/fixed",
      "Reuters/PROPN/NNP/Reuters/5/conj"},
     {"(It)-[was signed by]->(Lee)"},
     {"(It)-[was signed by]->(Reuters)", "(Reuters)-[signed]->(It) {signed}"}},
    {"a participle with an object is no reduced passive",
     {"Police/NOUN/NNS/police/0/root", "fired/VERB/VBN/fire/1/acl", "gas/NOUN/NN/gas/2/obj"},
     {"(Police)-[fired]->(gas)"},
     {"(Police)-[are fired]->(gas)"}},
    {"possessive",
     {"Smith/PROPN/NNP/Smith/3/nmod:poss", "'s/PART/POS/'s/1/case", "brother/NOUN/NN/brother/4/nsubj",
      "left/VERB/VBD/leave/0/root"},
     {"(Smith)-[has]->(brother)"}},
    {"coordinated obliques are distributed",
     {"They/PRON/PRP/they/2/nsubj", "fought/VERB/VBD/fight/0/root", "in/ADP/IN/in/4/case",
      "Syria/PROPN/NNP/Syria/2/obl", "and/CCONJ/CC/and/6/cc", "Iraq/PROPN/NNP/Iraq/4/conj"},
     {"(They)-[fought in]->(Syria) {fought}", "(They)-[fought in]->(Iraq) {fought}"},
     {"(They)-[fought in]->(Syria and Iraq) {fought}"}},
    {"coordinated subjects are distributed",
     {"Smith/PROPN/NNP/Smith/4/nsubj", "and/CCONJ/CC/and/3/cc", "Jones/PROPN/NNP/Jones/1/conj",
      "visited/VERB/VBD/visit/0/root", "Rome/PROPN/NNP/Rome/4/obj"},
     {"(Smith)-[visited]->(Rome) {visited}", "(Jones)-[visited]->(Rome) {visited}"}},
    {"coordinated verbs share the subject",
     {"Smith/PROPN/NNP/Smith/2/nsubj", "arrived/VERB/VBD/arrive/0/root", "and/CCONJ/CC/and/4/cc",
      "met/VERB/VBD/meet/2/conj", "Lee/PROPN/NNP/Lee/4/obj"},
     {"(Smith)-[arrived]", "(Smith)-[met]->(Lee) {met}"}},
    {"coordinated verbs share a following object",
     {"They/PRON/PRP/they/2/nsubj", "bought/VERB/VBD/buy/0/root", "and/CCONJ/CC/and/4/cc", "sold/VERB/VBD/sell/2/conj",
      "arms/NOUN/NNS/arm/2/obj"},
     {"(They)-[bought]->(arms) {acquired}", "(They)-[sold]->(arms) {supplied}"}},
    {"negation is an attribute",
     {"Smith/PROPN/NNP/Smith/4/nsubj", "did/AUX/VBD/do/4/aux", "not/PART/RB/not/4/advmod", "meet/VERB/VB/meet/0/root",
      "Jones/PROPN/NNP/Jones/4/obj"},
     {"(Smith)-[meet]->(Jones) {met neg}"}},
    {"never negates",
     {"Lee/PROPN/NNP/Lee/4/nsubj", "has/AUX/VBZ/have/4/aux", "never/ADV/RB/never/4/advmod",
      "visited/VERB/VBN/visit/0/root", "Cuba/PROPN/NNP/Cuba/4/obj"},
     {"(Lee)-[visited]->(Cuba) {visited neg}"}},
    {"no as determiner negates",
     {"No/DET/DT/no/2/det", "country/NOUN/NN/country/3/nsubj", "funded/VERB/VBD/fund/0/root", "it/PRON/PRP/it/3/obj"},
     {"(No country)-[funded]->(it) {funded neg}"}},
    {"reported speech: X said that",
     {"Smith/PROPN/NNP/Smith/2/nsubj", "said/VERB/VBD/say/0/root", "that/SCONJ/IN/that/5/mark",
      "Jones/PROPN/NNP/Jones/5/nsubj", "funded/VERB/VBD/fund/2/ccomp", "the/DET/DT/the/7/det",
      "group/NOUN/NN/group/5/obj"},
     {"(Jones)-[funded]->(the group) {funded reported by=Smith}", "(Smith)-[said]->(Jones funded the group) {said}"}},
    {"parenthetical speech verb",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "resigned/VERB/VBD/resign/0/root", ",/PUNCT/,/,/5/punct",
      "officials/NOUN/NNS/official/5/nsubj", "said/VERB/VBD/say/2/parataxis", "./PUNCT/././2/punct"},
     {"(Lee)-[resigned] {reported by=officials}", "(officials)-[said]->(Lee resigned) {said}"}},
    {"according to X",
     {"According/VERB/VBG/accord/3/case", "to/ADP/IN/to/1/fixed", "police/NOUN/NN/police/7/obl", ",/PUNCT/,/,/7/punct",
      "the/DET/DT/the/6/det", "gang/NOUN/NN/gang/7/nsubj", "attacked/VERB/VBD/attack/0/root", "a/DET/DT/a/9/det",
      "bank/NOUN/NN/bank/7/obj"},
     {"(the gang)-[attacked]->(a bank) {attacked reported by=police}"}},
    {"future modality",
     {"Lee/PROPN/NNP/Lee/3/nsubj", "will/AUX/MD/will/3/aux", "visit/VERB/VB/visit/0/root",
      "Paris/PROPN/NNP/Paris/3/obj"},
     {"(Lee)-[visit]->(Paris) {visited future}"}},
    {"possible modality",
     {"Lee/PROPN/NNP/Lee/3/nsubj", "may/AUX/MD/may/3/aux", "sell/VERB/VB/sell/0/root", "shares/NOUN/NNS/share/3/obj"},
     {"(Lee)-[sell]->(shares) {supplied possible}"}},
    {"conditional clause is hypothetical",
     {"If/SCONJ/IN/if/3/mark", "Lee/PROPN/NNP/Lee/3/nsubj", "visits/VERB/VBZ/visit/7/advcl",
      "Cuba/PROPN/NNP/Cuba/3/obj", ",/PUNCT/,/,/7/punct", "Smith/PROPN/NNP/Smith/7/nsubj",
      "resigns/VERB/VBZ/resign/0/root"},
     {"(Lee)-[visits]->(Cuba) {visited hypothetical}", "(Smith)-[resigns]"}},
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class Constructions : public ::testing::TestWithParam<Case> {};

TEST_P(Constructions, ExtractsExpectedPropositions) {
  const Case& c = GetParam();
  Document doc = testing::make_document(c.words);
  auto got = dumps(doc);
  std::string all;
  for (const auto& g : got) all += "\n  " + g;
  for (const auto& e : c.expected)
    EXPECT_TRUE(std::find(got.begin(), got.end(), e) != got.end()) << "missing: " << e << "\ngot:" << all;
  for (const auto& a : c.absent)
    EXPECT_TRUE(std::find(got.begin(), got.end(), a) == got.end()) << "unexpected: " << a << "\ngot:" << all;
}

INSTANTIATE_TEST_SUITE_P(Relations, Constructions, ::testing::ValuesIn(kCases), [](const auto& info) {
  std::string n;
  for (char ch : std::string(info.param.name)) n += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return n;
});

// "A <verb> [prep] B" with a proper-noun subject and object.
Document svo(const std::string& verb, const std::string& lemma, const std::string& prep = "") {
  std::vector<std::string> w = {"Alpha/PROPN/NNP/Alpha/2/nsubj", verb + "/VERB/VBD/" + lemma + "/0/root"};
  if (prep.empty()) {
    w.push_back("Beta/PROPN/NNP/Beta/2/obj");
  } else {
    w.push_back(prep + "/ADP/IN/" + prep + "/4/case");
    w.push_back("Beta/PROPN/NNP/Beta/2/obl");
  }
  return testing::make_document(w);
}

// "Alpha is a <noun> of Beta".
Document copula(const std::string& noun) {
  return testing::make_document({"Alpha/PROPN/NNP/Alpha/4/nsubj", "is/AUX/VBZ/be/4/cop", "a/DET/DT/a/4/det",
                                 noun + "/NOUN/NN/" + noun + "/0/root", "of/ADP/IN/of/6/case",
                                 "Beta/PROPN/NNP/Beta/4/nmod"});
}

// "Alpha was <verb> [prep] Beta": an agentless passive.
Document passive(const std::string& verb, const std::string& lemma, const std::string& prep = "") {
  std::vector<std::string> w = {"Alpha/PROPN/NNP/Alpha/3/nsubj:pass", "was/AUX/VBD/be/3/aux:pass",
                                verb + "/VERB/VBN/" + lemma + "/0/root"};
  if (prep.empty()) {
    w.push_back("Beta/PROPN/NNP/Beta/3/obj");
  } else {
    w.push_back(prep + "/ADP/IN/" + prep + "/5/case");
    w.push_back("Beta/PROPN/NNP/Beta/3/obl");
  }
  return testing::make_document(w);
}

struct CanonicalCase {
  const char* relation;
  Document doc;
};

TEST(Canonical, EveryRelationHasATest) {
  std::vector<CanonicalCase> cases = {
      {"met", svo("met", "meet", "with")},
      {"visited", svo("toured", "tour")},
      {"funded", svo("financed", "finance")},
      {"trained", svo("trained", "train")},
      {"supplied", svo("supplied", "supply")},
      {"acquired", svo("purchased", "purchase")},
      {"member_of", svo("joined", "join")},
      {"has_member", svo("includes", "include")},
      {"holds_role", svo("served", "serve", "as")},
      {"part_of", copula("division")},
      {"branch_of", copula("branch")},
      {"located_in", svo("based", "base", "in")},
      {"said", svo("told", "tell")},
      {"cooperates_with", svo("cooperated", "cooperate", "with")},
      {"attacked", svo("attacked", "attack")},
      {"fought", svo("fought", "fight", "against")},
      {"published", svo("published", "publish")},
      {"signed", svo("signed", "sign")},
      {"employed_by", svo("worked", "work", "for")},
      {"employs", svo("hired", "hire")},
      {"founded", svo("established", "establish")},
      {"leads", svo("heads", "head")},
      {"supported", svo("backed", "back")},
      {"opposed", svo("condemned", "condemn")},
      {"agreed_with", svo("agreed", "agree", "with")},
      {"arrested", svo("detained", "detain")},
      {"has", svo("owns", "own")},
      {"spouse_of", svo("married", "marry")},
      {"father_of", copula("father")},
      {"mother_of", copula("mother")},
      {"parent_of", copula("parent")},
      {"child_of", copula("daughter")},
      {"sibling_of", copula("sister")},
      {"relative_of", copula("cousin")},
      {"author_of", copula("author")},
      {"publisher_of", copula("publisher")},
      {"owns", copula("owner")},
      {"citizen_of", copula("citizen")},
      {"born_in", passive("born", "bear", "in")},
      {"born_on", passive("born", "bear", "on")},
      {"died_in", svo("died", "die", "in")},
      {"died_on", svo("died", "die", "on")},
      {"educated_at", svo("studied", "study", "at")},
      {"received_award", passive("awarded", "award")},
      {"participated_in", svo("competed", "compete", "in")},
      {"charged_with", passive("charged", "charge", "with")},
      {"sentenced_to", passive("sentenced", "sentence", "to")},
  };
  std::set<std::string> tested;
  for (const auto& c : cases) {
    auto props = extractor().extract(c.doc, 0);
    ASSERT_FALSE(props.empty()) << c.relation;
    EXPECT_EQ(props.front().canonical, c.relation) << dump(c.doc, props.front());
    EXPECT_EQ(props.front().args.size(), 2u) << c.relation;
    tested.insert(c.relation);
  }
  for (const auto& r : extractor().schema().relations())
    EXPECT_TRUE(tested.count(r.name)) << "relation '" << r.name << "' has no test";
}

TEST(Canonical, PassiveTriggersApplyOnlyToAgentlessPassives) {
  // "Alpha was born in Beta" is born_in; "Alpha bore ... in Beta" is not, and
  // an active trigger does not read a passive's subject as its actor.
  EXPECT_EQ(extractor().extract(passive("born", "bear", "in"), 0).front().canonical, "born_in");
  EXPECT_NE(extractor().extract(svo("bore", "bear", "in"), 0).front().canonical, "born_in");
  EXPECT_EQ(extractor().extract(passive("attacked", "attack"), 0).front().canonical, "");
}

TEST(Canonical, SpecificTriggersNeedTheirObject) {
  // "direct money to" funds; "direct a film" does not.
  auto money =
      testing::make_document({"Alpha/PROPN/NNP/Alpha/2/nsubj", "directed/VERB/VBD/direct/0/root",
                              "money/NOUN/NN/money/2/obj", "to/ADP/IN/to/5/case", "Beta/PROPN/NNP/Beta/2/obl"});
  EXPECT_EQ(extractor().extract(money, 0).front().canonical, "funded");
  auto film = testing::make_document(
      {"Alpha/PROPN/NNP/Alpha/2/nsubj", "directed/VERB/VBD/direct/0/root", "films/NOUN/NNS/film/2/obj"});
  EXPECT_NE(extractor().extract(film, 0).front().canonical, "funded");
}

TEST(Propositions, KeepSpansHeadsAndRelationWords) {
  auto doc = svo("met", "meet", "with");
  auto props = extractor().extract(doc, 0);
  ASSERT_EQ(props.size(), 1u);
  const auto& p = props[0];
  EXPECT_EQ(p.relation, "met with");
  EXPECT_EQ(p.relation_words, (std::vector<int>{1, 2}));
  EXPECT_EQ(p.lemma, "meet");
  ASSERT_EQ(p.args.size(), 2u);
  EXPECT_EQ(p.args[0].role, "subj");
  EXPECT_EQ(doc.slice(p.args[0].span.begin, p.args[0].span.end), "Alpha");
  EXPECT_EQ(p.args[1].role, "with");
  EXPECT_EQ(p.args[1].head, 3);
  EXPECT_EQ(doc.slice(p.args[1].span.begin, p.args[1].span.end), "Beta");
  EXPECT_GT(p.confidence, 0.0);
  EXPECT_LT(p.confidence, 1.0);
}

TEST(Propositions, LinkArgumentsToMentions) {
  auto doc = svo("met", "meet");
  EntityMention m;
  m.span = {.sentence = 0, .first = 2, .last = 3, .begin = 0, .end = 0};
  m.type = "PER";
  doc.mentions.push_back(m);
  auto props = extractor().extract(doc, 0);
  ASSERT_EQ(props.size(), 1u);
  EXPECT_EQ(props[0].args[0].mention, -1);
  EXPECT_EQ(props[0].args[1].mention, 0);
}

// With the recognizer's mentions, a relation whose object must be a named
// party keeps its canonical name only for a named object.
TEST(Propositions, NamedObjectTypesAreChecked) {
  auto with_object = [](const std::string& type) {
    auto doc = svo("met", "meet");
    EntityMention m;
    m.span = {.sentence = 0, .first = 2, .last = 3, .begin = 0, .end = 0};
    m.type = type;
    doc.mentions.push_back(m);
    return extractor().extract(doc, 0);
  };
  auto named = with_object("PER");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].canonical, "met");
  auto unnamed = with_object("CARDINAL");  // the object is no entity
  ASSERT_EQ(unnamed.size(), 1u);
  EXPECT_EQ(unnamed[0].canonical, "");
  auto no_recognizer = svo("met", "meet");  // no mentions at all: nothing to check against
  EXPECT_EQ(extractor().extract(no_recognizer, 0)[0].canonical, "met");
  // A named object of a kind the relation does not take: one buys a company, not a person.
  auto bought = [](const std::string& type) {
    auto doc = svo("bought", "buy");
    EntityMention m;
    m.span = {.sentence = 0, .first = 2, .last = 3, .begin = 0, .end = 0};
    m.type = type;
    doc.mentions.push_back(m);
    return extractor().extract(doc, 0)[0].canonical;
  };
  EXPECT_EQ(bought("ORG"), "acquired");
  EXPECT_EQ(bought("PER"), "");
}

TEST(Propositions, DatePlaceAndAmountAreAttributesAndArguments) {
  auto doc = testing::make_document({"Lee/PROPN/NNP/Lee/2/nsubj", "met/VERB/VBD/meet/0/root", "Kim/PROPN/NNP/Kim/2/obj",
                                     "in/ADP/IN/in/5/case", "Rome/PROPN/NNP/Rome/2/obl", "on/ADP/IN/on/7/case",
                                     "Monday/PROPN/NNP/Monday/2/obl"});
  EntityMention rome, monday;
  rome.span = {.sentence = 0, .first = 4, .last = 5};
  rome.type = "LOC";
  monday.span = {.sentence = 0, .first = 6, .last = 7};
  monday.type = "DATE";
  doc.mentions = {rome, monday};
  auto props = extractor().extract(doc, 0);
  // The event keeps them as attributes; each is also a proposition of its
  // own, worded by the verb and the preposition (relations.event_arguments).
  auto met = std::find_if(props.begin(), props.end(), [](const auto& p) { return p.relation == "met"; });
  ASSERT_NE(met, props.end());
  EXPECT_EQ(met->attributes["place"], "Rome");
  EXPECT_EQ(met->attributes["date"], "Monday");
  std::vector<std::string> got;
  for (const auto& p : props) got.push_back(dump(doc, p));
  EXPECT_NE(std::find(got.begin(), got.end(), "(Lee)-[met in]->(Rome)"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "(Lee)-[met on]->(Monday)"), got.end());
  EXPECT_EQ(props.size(), 3u);
  for (const auto& p : props) {
    if (p.relation == "met") continue;
    EXPECT_EQ(p.attributes.at("event"), "met");
  }
}

TEST(Confidence, IsGraded) {
  // A verb with its own subject and object beats a possessive.
  auto strong = extractor().extract(svo("met", "meet"), 0);
  auto poss =
      extractor().extract(testing::make_document({"Smith/PROPN/NNP/Smith/3/nmod:poss", "'s/PART/POS/'s/1/case",
                                                  "brother/NOUN/NN/brother/4/nsubj", "left/VERB/VBD/leave/0/root"}),
                          0);
  ASSERT_FALSE(strong.empty());
  double poss_conf = 1.0;
  for (const auto& p : poss)
    if (p.relation == "has") poss_conf = p.confidence;
  EXPECT_GT(strong.front().confidence, poss_conf);
}

TEST(Extract, CyclicParseYieldsNothing) {
  // A malformed input tree (1 -> 2 -> 1) must not send the subtree walks round forever.
  auto doc = testing::make_document(
      {"Smith/PROPN/NNP/Smith/2/nsubj", "met/VERB/VBD/meet/1/root", "Jones/PROPN/NNP/Jones/2/obj"});
  EXPECT_TRUE(extractor().extract(doc, 0).empty());
}

TEST(Extract, UnparsedSentenceYieldsNothingAndBadIndexThrows) {
  auto doc = testing::make_document({"Smith", "met", "Jones"});
  EXPECT_TRUE(extractor().extract(doc, 0).empty());
  EXPECT_THROW(extractor().extract(doc, 3), Error);
}

TEST(Stage, DeclaresLayersAndFillsPropositions) {
  PipelineOptions options;
  options.schemas_dir = std::string(RELGRAPH_SOURCE_DIR) + "/schemas";
  auto stage = make_relation_stage(options);
  EXPECT_EQ(stage->needs(), (std::vector<Layer>{Layer::Tokens, Layer::Tags, Layer::Lemmas, Layer::Deps, Layer::Entities,
                                                Layer::Coref}));
  EXPECT_EQ(stage->adds(), std::vector<Layer>{Layer::Propositions});
  auto doc = svo("met", "meet", "with");
  stage->process(doc);
  ASSERT_EQ(doc.propositions.size(), 1u);
  EXPECT_EQ(doc.propositions[0].canonical, "met");
}

TEST(Schema, ValidatesAgainstItsJsonSchema) {
  std::string dir = std::string(RELGRAPH_SOURCE_DIR) + "/schemas/";
  rapidjson::Document schema_doc, doc;
  schema_doc.Parse(detail::read_file(dir + "relations.schema.json").c_str());
  ASSERT_FALSE(schema_doc.HasParseError());
  rapidjson::SchemaDocument schema(schema_doc);
  doc.Parse(detail::read_file(dir + "relations.json").c_str());
  ASSERT_FALSE(doc.HasParseError());
  rapidjson::SchemaValidator validator(schema);
  EXPECT_TRUE(doc.Accept(validator)) << "invalid at " << validator.GetInvalidSchemaKeyword();
  // And the validator does reject a broken vocabulary.
  rapidjson::Document bad;
  bad.Parse(R"({"version": 1, "relations": [{"name": "Bad Name", "description": "x", "triggers": []}]})");
  rapidjson::SchemaValidator validator2(schema);
  EXPECT_FALSE(bad.Accept(validator2));
}

TEST(Schema, RejectsMalformedInputNamingTheSource) {
  try {
    RelationSchema::parse(R"({"relations": [{"name": "x", "description": "d", "inverse": "nope"}]})", "test.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_NE(std::string(e.what()).find("test.json"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("nope"), std::string::npos);
  }
  EXPECT_THROW(RelationSchema::parse("{", "broken.json"), Error);
  EXPECT_THROW(RelationSchema::load("/nonexistent/relations.json"), Error);
}

// --- clause constructions as named rules -----------------------------------------

// Proposition dumps and CaRB tuples ("carb: relation | arg1 | arg2 ...").
std::vector<std::string> outputs(const RelationExtractor& rx, const Document& doc) {
  std::vector<std::string> out;
  for (const auto& p : rx.extract(doc, 0)) out.push_back(dump(doc, p));
  for (const auto& t : rx.extract_carb(doc, 0)) {
    std::string line = "carb: " + t.relation;
    for (const auto& a : t.args) line += " | " + a;
    out.push_back(line);
  }
  return out;
}

// One row per construction: an invented sentence and an output the
// construction is responsible for, present with it and gone without it.
struct RuleCase {
  const char* rule;
  std::vector<std::string> words;  // form/UPOS/XPOS/lemma/head/deprel
  std::string produced;
};

void PrintTo(const RuleCase& c, std::ostream* os) { *os << c.rule; }

const std::vector<RuleCase> kRuleCases = {
    {"relations.copula",
     {"Lee/PROPN/NNP/Lee/4/nsubj", "is/AUX/VBZ/be/4/cop", "a/DET/DT/a/4/det", "pilot/NOUN/NN/pilot/0/root"},
     "carb: is | Lee | a pilot"},
    {"relations.verb",
     {"Smith/PROPN/NNP/Smith/2/nsubj", "greeted/VERB/VBD/greet/0/root", "Jones/PROPN/NNP/Jones/2/obj"},
     "carb: greeted | Smith | Jones"},
    {"relations.apposition",
     {"Lee/PROPN/NNP/Lee/6/nsubj", ",/PUNCT/,/,/4/punct", "a/DET/DT/a/4/det", "pilot/NOUN/NN/pilot/1/appos",
      ",/PUNCT/,/,/4/punct", "landed/VERB/VBD/land/0/root"},
     "carb: is | Lee | a pilot"},
    {"relations.title",
     {"pilot/NOUN/NN/pilot/3/compound", "Ann/PROPN/NNP/Ann/3/compound", "Lee/PROPN/NNP/Lee/4/nsubj",
      "landed/VERB/VBD/land/0/root"},
     "carb: is | Ann Lee | pilot"},
    {"relations.possessive",
     {"Lee/PROPN/NNP/Lee/3/nmod:poss", "'s/PART/POS/'s/1/case", "brother/NOUN/NN/brother/4/nsubj",
      "arrived/VERB/VBD/arrive/0/root"},
     "carb: has | Lee | brother"},
    {"relations.event_nominal",
     {"Lee/PROPN/NNP/Lee/3/nmod:poss", "'s/PART/POS/'s/1/case", "visit/NOUN/NN/visit/7/nsubj", "to/ADP/IN/to/5/case",
      "Oslo/PROPN/NNP/Oslo/3/nmod", "was/AUX/VBD/be/7/cop", "short/ADJ/JJ/short/0/root"},
     "(Lee)-[visit to]->(Oslo) {visited}"},
    {"relations.modifier",
     {"the/DET/DT/the/2/det", "office/NOUN/NN/office/5/nsubj", "in/ADP/IN/in/4/case", "Oslo/PROPN/NNP/Oslo/2/nmod",
      "closed/VERB/VBD/close/0/root"},
     "carb: is in | the office | Oslo"},
    {"relations.passive",
     {"pressure/NOUN/NN/pressure/5/nsubj", "caused/VERB/VBN/cause/1/acl", "by/ADP/IN/by/4/case",
      "heat/NOUN/NN/heat/2/obl", "rose/VERB/VBD/rise/0/root"},
     "carb: is caused by | pressure | heat"},
    {"relations.purpose_clause",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "entered/VERB/VBD/enter/0/root", "the/DET/DT/the/4/det", "camp/NOUN/NN/camp/2/obj",
      "to/PART/TO/to/6/mark", "train/VERB/VB/train/2/xcomp", "recruits/NOUN/NNS/recruit/6/obj"},
     "carb: train | Lee | recruits"},
    {"relations.object_control",
     {"Smith/PROPN/NNP/Smith/2/nsubj", "asked/VERB/VBD/ask/0/root", "Lee/PROPN/NNP/Lee/2/obj", "to/PART/TO/to/5/mark",
      "sign/VERB/VB/sign/2/xcomp", "the/DET/DT/the/7/det", "deal/NOUN/NN/deal/5/obj"},
     "carb: sign | Lee | the deal"},
    {"relations.gerund_chain",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "succeeded/VERB/VBD/succeed/0/root", "in/SCONJ/IN/in/4/mark",
      "building/VERB/VBG/build/2/advcl", "a/DET/DT/a/6/det", "road/NOUN/NN/road/4/obj"},
     "carb: succeeded in building | Lee | a road"},
    {"relations.gerund_adverbial",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "left/VERB/VBD/leave/0/root", "the/DET/DT/the/4/det", "shop/NOUN/NN/shop/2/obj",
      "without/SCONJ/IN/without/6/mark", "paying/VERB/VBG/pay/2/advcl"},
     "carb: left | Lee | the shop | without paying"},
    {"relations.time_adverbial",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "returned/VERB/VBD/return/0/root", "two/NUM/CD/two/4/nummod",
      "years/NOUN/NNS/year/5/obl:npmod", "later/ADV/RB/later/2/advmod"},
     "carb: returned | Lee | two years later"},
    {"relations.shared_aux",
     {"Lee/PROPN/NNP/Lee/3/nsubj", "has/AUX/VBZ/have/3/aux", "crossed/VERB/VBN/cross/0/root", "the/DET/DT/the/5/det",
      "border/NOUN/NN/border/3/obj", "and/CCONJ/CC/and/7/cc", "returned/VERB/VBN/return/3/conj", "the/DET/DT/the/9/det",
      "car/NOUN/NN/car/7/obj"},
     "carb: has returned | Lee | the car"},
    {"relations.shared_object",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "bought/VERB/VBD/buy/0/root", "and/CCONJ/CC/and/4/cc", "sold/VERB/VBD/sell/2/conj",
      "shares/NOUN/NNS/share/2/obj"},
     "carb: sold | Lee | shares"},
    {"relations.chain_complement",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "hopes/VERB/VBZ/hope/0/root", "to/PART/TO/to/4/mark", "win/VERB/VB/win/2/xcomp"},
     "carb: hopes | Lee | to win"},
    {"relations.relative_gap",
     {"Smith/PROPN/NNP/Smith/2/nsubj", "read/VERB/VBD/read/0/root", "the/DET/DT/the/4/det", "book/NOUN/NN/book/2/obj",
      "Lee/PROPN/NNP/Lee/6/nsubj", "wrote/VERB/VBD/write/4/acl:relcl"},
     "carb: wrote | Lee | the book"},
    {"relations.reported_clause",
     {"The/DET/DT/the/2/det", "board/NOUN/NN/board/3/nsubj", "resigned/VERB/VBD/resign/0/root", ",/PUNCT/,/,/6/punct",
      "officials/NOUN/NNS/official/6/nsubj", "said/VERB/VBD/say/3/parataxis"},
     "carb: said | officials | The board resigned"},
    {"relations.light_verb",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "held/VERB/VBD/hold/0/root", "talks/NOUN/NNS/talk/2/obj", "with/ADP/IN/with/5/case",
      "Smith/PROPN/NNP/Smith/3/nmod"},
     "(Lee)-[talks with]->(Smith) {met}"},
    {"relations.stray_agent",
     {"Smith/PROPN/NNP/Smith/2/nsubj", "blocked/VERB/VBD/block/0/root", "the/DET/DT/the/4/det",
      "acquisition/NOUN/NN/acquisition/2/obj", "of/ADP/IN/of/6/case", "jets/NOUN/NNS/jet/4/nmod", "by/ADP/IN/by/8/case",
      "Lee/PROPN/NNP/Lee/2/obl"},
     "(Lee)-[acquisition]->(jets) {acquired}"},
    {"relations.between_parties",
     {"cooperation/NOUN/NN/cooperation/6/nsubj", "between/ADP/IN/between/3/case", "Lee/PROPN/NNP/Lee/1/nmod",
      "and/CCONJ/CC/and/5/cc", "Smith/PROPN/NNP/Smith/3/conj", "grew/VERB/VBD/grow/0/root"},
     "(Lee)-[cooperation]->(Smith) {cooperates_with}"},
    {"relations.passive_voice",
     {"The/DET/DT/the/2/det", "bridge/NOUN/NN/bridge/4/nsubj:pass", "was/AUX/VBD/be/4/aux:pass",
      "painted/VERB/VBN/paint/0/root", "by/ADP/IN/by/6/case", "Lee/PROPN/NNP/Lee/4/obl:agent"},
     "(The bridge)-[was painted by]->(Lee)"},
    {"relations.with_absolute",
     {"The/DET/DT/the/2/det", "race/NOUN/NN/race/3/nsubj", "ended/VERB/VBD/end/0/root", "with/ADP/IN/with/5/case",
      "Lee/PROPN/NNP/Lee/3/obl", "winning/VERB/VBG/win/3/advcl", "a/DET/DT/a/8/det", "cup/NOUN/NN/cup/6/obj"},
     "carb: winning | Lee | a cup"},
    {"relations.light_verb_noun",
     {"The/DET/DT/the/2/det", "fair/NOUN/NN/fair/3/nsubj", "took/VERB/VBD/take/0/root", "place/NOUN/NN/place/3/obj",
      "in/ADP/IN/in/6/case", "Oslo/PROPN/NNP/Oslo/3/obl"},
     "(The fair)-[took place in]->(Oslo)"},
    {"relations.control_object",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "urged/VERB/VBD/urge/0/root", "voters/NOUN/NNS/voter/2/obj", "to/PART/TO/to/5/mark",
      "back/VERB/VB/back/2/xcomp", "the/DET/DT/the/7/det", "plan/NOUN/NN/plan/5/obj"},
     "(Lee)-[urged]->(voters to back the plan)"},
    {"relations.subjectless_complement",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "found/VERB/VBD/find/0/root", "prices/NOUN/NNS/price/2/obj", "in/ADP/IN/in/5/case",
      "May/PROPN/NNP/May/2/obl", "rose/VERB/VBD/rise/2/ccomp", "sharply/ADV/RB/sharply/6/advmod"},
     "(Lee)-[found]->(prices in May rose sharply)"},
    {"relations.coordinated_passive",
     {"Lee/PROPN/NNP/Lee/3/nsubj:pass", "was/AUX/VBD/be/3/aux:pass", "hurt/VERB/VBN/hurt/0/root",
      "and/CCONJ/CC/and/5/cc", "replaced/VERB/VBN/replace/3/conj", "by/ADP/IN/by/7/case",
      "Bo/PROPN/NNP/Bo/5/obl:agent"},
     "(Lee)-[was replaced by]->(Bo)"},
    {"relations.event_arguments",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "painted/VERB/VBD/paint/0/root", "the/DET/DT/the/4/det",
      "bridge/NOUN/NN/bridge/2/obj", "last/ADJ/JJ/last/6/amod", "week/NOUN/NN/week/2/obl:tmod"},
     "(Lee)-[painted]->(last week)"},
    {"relations.object_oblique",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "put/VERB/VBD/put/0/root", "the/DET/DT/the/4/det", "troops/NOUN/NNS/troop/2/obj",
      "on/ADP/IN/on/6/case", "alert/NOUN/NN/alert/2/obl"},
     "(Lee)-[put troops on]->(alert)"},
    {"relations.from_to",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "moved/VERB/VBD/move/0/root", "from/ADP/IN/from/4/case", "Lyon/PROPN/NNP/Lyon/2/obl",
      "to/ADP/IN/to/6/case", "Paris/PROPN/NNP/Paris/4/nmod"},
     "(Lee)-[moved to]->(Paris)"},
    {"relations.adjective_complement",
     {"Wheat/NOUN/NN/wheat/3/nsubj", "is/AUX/VBZ/be/3/cop", "sensitive/ADJ/JJ/sensitive/0/root", "to/ADP/IN/to/5/case",
      "heat/NOUN/NN/heat/3/obl"},
     "(Wheat)-[is sensitive to]->(heat)"},
};

// relations.object_oblique: an oblique after the object, neither a value nor
// a time, becomes a fact worded by the verb, the object's head and the
// preposition; without an object, or before it, it does not.
struct ObliqueCase {
  std::vector<std::string> words;
  std::string fact;
  bool expected;
};

TEST(ObjectOblique, AnObliqueAfterTheObjectIsAFactOfItsOwn) {
  const std::vector<ObliqueCase> cases = {
      {{"Ann/PROPN/NNP/Ann/2/nsubj", "fired/VERB/VBD/fire/0/root", "rockets/NOUN/NNS/rocket/2/obj",
        "at/ADP/IN/at/6/case", "the/DET/DT/the/6/det", "posts/NOUN/NNS/post/2/obl"},
       "(Ann)-[fired rockets at]->(the posts)",
       true},
      {{"Ann/PROPN/NNP/Ann/2/nsubj", "moved/VERB/VBD/move/0/root", "the/DET/DT/the/4/det", "goats/NOUN/NNS/goat/2/obj",
        "to/ADP/IN/to/7/case", "a/DET/DT/a/7/det", "barn/NOUN/NN/barn/2/obl"},
       "(Ann)-[moved goats to]->(a barn)",
       true},
      // No object: the oblique is already the relation's object ("rested in").
      {{"Ann/PROPN/NNP/Ann/2/nsubj", "rested/VERB/VBD/rest/0/root", "in/ADP/IN/in/5/case", "the/DET/DT/the/5/det",
        "shade/NOUN/NN/shade/2/obl", "after/ADP/IN/after/7/case", "lunch/NOUN/NN/lunch/2/obl"},
       "(Ann)-[rested shade after]->(lunch)",
       false},
      // A bare time noun is a date (relations.event_arguments), not a participant.
      {{"Ann/PROPN/NNP/Ann/2/nsubj", "sold/VERB/VBD/sell/0/root", "the/DET/DT/the/4/det", "farm/NOUN/NN/farm/2/obj",
        "last/ADJ/JJ/last/6/amod", "year/NOUN/NN/year/2/obl:tmod"},
       "(Ann)-[sold farm]->(last year)",
       false},
  };
  for (const auto& c : cases) {
    Document doc = testing::make_document(c.words);
    auto got = outputs(extractor(), doc);
    bool found = std::find(got.begin(), got.end(), c.fact) != got.end();
    EXPECT_EQ(found, c.expected) << c.fact;
  }
}

// relations.adjective_complement: an adjective predicate's prepositional
// complement, not a long predicate phrase nor one before the adjective.
TEST(AdjectiveComplement, TheComplementOfAnAdjectivePredicateIsTheFact) {
  const std::vector<ObliqueCase> cases = {
      {{"Ann/PROPN/NNP/Ann/4/nsubj", "Lee/PROPN/NNP/Lee/1/flat", "was/AUX/VBD/be/4/cop", "happy/ADJ/JJ/happy/0/root",
        "with/ADP/IN/with/7/case", "the/DET/DT/the/7/det", "result/NOUN/NN/result/4/obl"},
       "(Ann Lee)-[was happy with]->(the result)",
       true},
      {{"In/ADP/IN/in/2/case", "May/PROPN/NNP/May/5/obl", "Ann/PROPN/NNP/Ann/5/nsubj", "was/AUX/VBD/be/5/cop",
        "ill/ADJ/JJ/ill/0/root"},
       "(Ann)-[was ill in]->(May)",
       false},
  };
  for (const auto& c : cases) {
    Document doc = testing::make_document(c.words);
    auto got = outputs(extractor(), doc);
    bool found = std::find(got.begin(), got.end(), c.fact) != got.end();
    std::string all;
    for (const auto& g : got) all += "\n  " + g;
    EXPECT_EQ(found, c.expected) << c.fact << all;
  }
}

// relations.from_to: a to-phrase hung on a from-phrase is the verb's own
// argument, except in a range of numbers.
TEST(FromTo, TheEndOfARangeIsAnArgumentOfTheVerb) {
  const std::vector<ObliqueCase> cases = {
      {{"The/DET/DT/the/2/det", "law/NOUN/NN/law/3/nsubj", "changed/VERB/VBD/change/0/root", "from/ADP/IN/from/6/case",
        "old/ADJ/JJ/old/6/amod", "rules/NOUN/NNS/rule/3/obl", "to/ADP/IN/to/9/case", "new/ADJ/JJ/new/9/amod",
        "ones/NOUN/NNS/one/6/nmod"},
       "(The law)-[changed to]->(new ones)",
       true},
      {{"The/DET/DT/the/2/det", "law/NOUN/NN/law/3/nsubj", "changed/VERB/VBD/change/0/root", "from/ADP/IN/from/6/case",
        "old/ADJ/JJ/old/6/amod", "rules/NOUN/NNS/rule/3/obl", "to/ADP/IN/to/9/case", "new/ADJ/JJ/new/9/amod",
        "ones/NOUN/NNS/one/6/nmod"},
       "(The law)-[changed from]->(old rules)",
       true},
      {{"Sales/NOUN/NNS/sale/2/nsubj", "rose/VERB/VBD/rise/0/root", "from/ADP/IN/from/4/case", "9/NUM/CD/9/2/obl",
        "to/ADP/IN/to/6/case", "12/NUM/CD/12/4/nmod"},
       "(Sales)-[rose to]->(12)",
       false},
  };
  for (const auto& c : cases) {
    Document doc = testing::make_document(c.words);
    auto got = outputs(extractor(), doc);
    bool found = std::find(got.begin(), got.end(), c.fact) != got.end();
    std::string all;
    for (const auto& g : got) all += "\n  " + g;
    EXPECT_EQ(found, c.expected) << c.fact << all;
  }
}

class RuleSwitches : public ::testing::TestWithParam<RuleCase> {};

TEST_P(RuleSwitches, ConstructionProducesItsOutputAndSwitchesOff) {
  const RuleCase& c = GetParam();
  const std::string dir = std::string(RELGRAPH_SOURCE_DIR) + "/schemas";
  Document doc = testing::make_document(c.words);
  auto on = outputs(extractor(), doc);
  auto off = outputs(RelationExtractor::load(dir, {c.rule}), doc);
  auto show = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += "\n  " + x;
    return s;
  };
  EXPECT_TRUE(std::find(on.begin(), on.end(), c.produced) != on.end()) << "missing: " << c.produced << show(on);
  EXPECT_TRUE(std::find(off.begin(), off.end(), c.produced) == off.end())
      << "still there with " << c.rule << " off: " << c.produced << show(off);
}

INSTANTIATE_TEST_SUITE_P(Relations, RuleSwitches, ::testing::ValuesIn(kRuleCases), [](const auto& info) {
  std::string n;
  for (char ch : std::string(info.param.rule)) n += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return n;
});

TEST(RuleSwitches, EveryConstructionHasARowAndTheStageListsThem) {
  std::set<std::string> tested;
  for (const auto& c : kRuleCases) tested.insert(c.rule);
  // Clause constructions are tested here; the noun-phrase and attribution
  // rules have their rows in np_relations_test.cpp.
  const auto& constructions = detail::rule_names();
  for (const auto& r : constructions) EXPECT_TRUE(tested.count(std::string(r))) << r << " has no row in kRuleCases";
  EXPECT_EQ(tested.size(), constructions.size());
  PipelineOptions options;
  options.schemas_dir = std::string(RELGRAPH_SOURCE_DIR) + "/schemas";
  EXPECT_EQ(make_relation_stage(options)->rules(), relation_rules());
  const auto all = relation_rules();
  for (const auto& r : constructions) EXPECT_NE(std::find(all.begin(), all.end(), std::string(r)), all.end()) << r;
}

TEST(RuleSwitches, TheStageHonoursDisable) {
  PipelineOptions options;
  options.schemas_dir = std::string(RELGRAPH_SOURCE_DIR) + "/schemas";
  options.disable = {"relations.verb", "coref.acronym"};  // another stage's name is ignored here
  auto doc = svo("met", "meet", "with");
  make_relation_stage(options)->process(doc);
  EXPECT_TRUE(doc.propositions.empty());
}

// Coordinated names read off the mentions (relations.name_list,
// relations.list_apposition): parses that attach a list's names wrongly, as
// a parser often does with long lists.
struct NameMention {
  int first, last;  // words [first, last)
  const char* type;
};

struct NameListCase {
  const char* name;
  std::vector<std::string> words;
  std::vector<NameMention> mentions;
  std::vector<std::string> expected;  // with every rule on
  std::vector<std::string> absent;    // with every rule on
  const char* rule;  // switching it off loses the first expected row (or brings back the first absent one)
};

Document with_mentions(const std::vector<std::string>& words, const std::vector<NameMention>& mentions) {
  Document doc = testing::make_document(words);
  const auto& toks = doc.sentences[0].tokens;
  for (const auto& m : mentions) {
    EntityMention em;
    em.span = {0, m.first, m.last, toks[m.first].begin, toks[m.last - 1].end};
    em.text = std::string(doc.slice(em.span.begin, em.span.end));
    em.type = m.type;
    doc.mentions.push_back(em);
  }
  return doc;
}

const std::vector<NameListCase> kNameListCases = {
    {"subject list with affiliations, parsed as nested nominals",
     {"Ann/PROPN/NNP/Ann/14/nsubj:pass", "Lee/PROPN/NNP/Lee/1/flat", "of/ADP/IN/of/6/case", "the/DET/DT/the/6/det",
      "Green/PROPN/NNP/Green/6/compound", "Party/PROPN/NNP/Party/1/nmod", ",/PUNCT/,/,/8/punct",
      "Tom/PROPN/NNP/Tom/6/appos", "Chen/PROPN/NNP/Chen/8/flat", "and/CCONJ/CC/and/11/cc", "Mary/PROPN/NNP/Mary/8/conj",
      "Wu/PROPN/NNP/Wu/11/flat", "were/AUX/VBD/be/14/aux:pass", "elected/VERB/VBN/elect/0/root", "in/ADP/IN/in/16/case",
      "Leeds/PROPN/NNP/Leeds/14/obl"},
     {{0, 2, "PER"}, {4, 6, "ORG"}, {7, 9, "PER"}, {10, 12, "PER"}, {15, 16, "GPE"}},
     {"(Tom Chen)-[were elected in]->(Leeds)", "(Mary Wu)-[were elected in]->(Leeds)",
      "(Ann Lee of the Green Party , Tom Chen and Mary Wu)-[were elected in]->(Leeds)"},
     {},
     "relations.name_list"},
    {"object list after a passive's agent",
     {"The/DET/DT/the/2/det", "fund/NOUN/NN/fund/4/nsubj:pass", "was/AUX/VBD/be/4/aux:pass",
      "backed/VERB/VBN/back/0/root", "by/ADP/IN/by/6/case", "Acme/PROPN/NNP/Acme/4/obl:agent", ",/PUNCT/,/,/9/punct",
      "Bolt/PROPN/NNP/Bolt/9/compound", "Corp/PROPN/NNP/Corp/6/appos", "and/CCONJ/CC/and/12/cc",
      "Zeta/PROPN/NNP/Zeta/12/compound", "Bank/PROPN/NNP/Bank/9/conj"},
     {{5, 6, "ORG"}, {7, 9, "ORG"}, {10, 12, "ORG"}},
     {"(The fund)-[was backed by]->(Bolt Corp)", "(The fund)-[was backed by]->(Zeta Bank)",
      "(The fund)-[was backed by]->(Acme)"},
     {},
     "relations.name_list"},
    {"names of one list are not one another",
     {"Ann/PROPN/NNP/Ann/9/nsubj", "Lee/PROPN/NNP/Lee/1/flat", ",/PUNCT/,/,/4/punct", "Tom/PROPN/NNP/Tom/1/appos",
      "Chen/PROPN/NNP/Chen/4/flat", "and/CCONJ/CC/and/7/cc", "Bo/PROPN/NNP/Bo/1/conj", "Tan/PROPN/NNP/Tan/7/flat",
      "won/VERB/VBD/win/0/root"},
     {{0, 2, "PER"}, {3, 5, "PER"}, {6, 8, "PER"}},
     {"(Tom Chen)-[won]", "(Bo Tan)-[won]"},
     {"(Ann Lee)-[is]->(Tom Chen)"},
     "relations.list_apposition"},
    {"a possessor shared by a list of names",
     {"Acme/PROPN/NNP/Acme/3/nmod:poss", "'s/PART/POS/'s/1/case", "Ann/PROPN/NNP/Ann/8/nsubj",
      "Lee/PROPN/NNP/Lee/3/flat", "and/CCONJ/CC/and/6/cc", "Tom/PROPN/NNP/Tom/3/conj", "Chen/PROPN/NNP/Chen/6/flat",
      "won/VERB/VBD/win/0/root"},
     {{0, 1, "ORG"}, {2, 4, "PER"}, {5, 7, "PER"}},
     {"(Tom Chen)-[member of]->(Acme)", "(Ann Lee)-[member of]->(Acme)"},
     {},
     "relations.shared_possessor"},
    {"a name described apart does not share the possessor",
     {"Acme/PROPN/NNP/Acme/3/nmod:poss", "'s/PART/POS/'s/1/case", "Ann/PROPN/NNP/Ann/9/nsubj",
      "Lee/PROPN/NNP/Lee/3/flat", "and/CCONJ/CC/and/7/cc", "independent/ADJ/JJ/independent/7/amod",
      "Tom/PROPN/NNP/Tom/3/conj", "Chen/PROPN/NNP/Chen/7/flat", "won/VERB/VBD/win/0/root"},
     {{0, 1, "ORG"}, {2, 4, "PER"}, {6, 8, "PER"}},
     {"(Ann Lee)-[member of]->(Acme)"},
     {"(Tom Chen)-[member of]->(Acme)"},
     nullptr},
    {"names given as examples of the object",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "thanked/VERB/VBD/thank/0/root", "old/ADJ/JJ/old/4/amod",
      "friends/NOUN/NNS/friend/2/obj", ",/PUNCT/,/,/7/punct", "including/VERB/VBG/include/7/case",
      "actor/NOUN/NN/actor/8/compound", "Ann/PROPN/NNP/Ann/4/nmod", "Ray/PROPN/NNP/Ray/8/flat",
      "and/CCONJ/CC/and/11/cc", "Tom/PROPN/NNP/Tom/8/conj", "Chen/PROPN/NNP/Chen/11/flat"},
     {{7, 9, "PER"}, {10, 12, "PER"}},
     {"(Lee)-[thanked]->(Ann Ray)", "(Lee)-[thanked]->(Tom Chen)", "(Lee)-[thanked]->(old friends"},
     {},
     "relations.named_examples"},
    {"no example without its marker",
     {"Lee/PROPN/NNP/Lee/2/nsubj", "thanked/VERB/VBD/thank/0/root", "old/ADJ/JJ/old/4/amod",
      "friends/NOUN/NNS/friend/2/obj", "of/ADP/IN/of/6/case", "Ann/PROPN/NNP/Ann/4/nmod", "Ray/PROPN/NNP/Ray/6/flat"},
     {{5, 7, "PER"}},
     {"(Lee)-[thanked]->(old friends of Ann Ray)"},
     {"(Lee)-[thanked]->(Ann Ray)"},
     nullptr},
    {"an apposition naming another person is no list",
     {"Ann/PROPN/NNP/Ann/9/nsubj", "Lee/PROPN/NNP/Lee/1/flat", ",/PUNCT/,/,/7/punct", "Tom/PROPN/NNP/Tom/7/nmod:poss",
      "Chen/PROPN/NNP/Chen/4/flat", "'s/PART/POS/'s/4/case", "lawyer/NOUN/NN/lawyer/1/appos", ",/PUNCT/,/,/7/punct",
      "spoke/VERB/VBD/speak/0/root"},
     {{0, 2, "PER"}, {3, 5, "PER"}},
     {"(Ann Lee)-[spoke]"},
     {"(Tom Chen)-[spoke]"},
     nullptr},
    {"names without a conjunction are no list",
     {"Ann/PROPN/NNP/Ann/6/nsubj", "Lee/PROPN/NNP/Lee/1/flat", ",/PUNCT/,/,/4/punct", "Tom/PROPN/NNP/Tom/1/appos",
      "Chen/PROPN/NNP/Chen/4/flat", "left/VERB/VBD/leave/0/root", "Oslo/PROPN/NNP/Oslo/6/obj"},
     {{0, 2, "PER"}, {3, 5, "PER"}, {6, 7, "GPE"}},
     {"(Ann Lee)-[left]->(Oslo)"},
     {"(Tom Chen)-[left]->(Oslo)"},
     nullptr},
};

std::vector<std::string> name_list_dumps(const Document& doc, const std::vector<std::string>& disable) {
  auto rx = RelationExtractor::load(std::string(RELGRAPH_SOURCE_DIR) + "/schemas", disable);
  std::vector<std::string> out;
  for (const auto& p : rx.extract(doc, 0)) out.push_back(dump(doc, p));
  return out;
}

bool has_prefix(const std::vector<std::string>& dumps, const std::string& want) {
  return std::any_of(dumps.begin(), dumps.end(), [&](const std::string& d) { return d.rfind(want, 0) == 0; });
}

class NameList : public ::testing::TestWithParam<NameListCase> {};

TEST_P(NameList, DistributesOverTheListAndSwitchesOff) {
  const auto& c = GetParam();
  auto doc = with_mentions(c.words, c.mentions);
  auto got = name_list_dumps(doc, {});
  std::string all;
  for (const auto& d : got) all += "\n  " + d;
  for (const auto& e : c.expected) EXPECT_TRUE(has_prefix(got, e)) << "missing " << e << " in" << all;
  for (const auto& a : c.absent) EXPECT_FALSE(has_prefix(got, a)) << "unexpected " << a << " in" << all;
  if (!c.rule) return;
  auto off = name_list_dumps(doc, {c.rule});
  if (c.absent.empty())
    EXPECT_FALSE(has_prefix(off, c.expected.front())) << c.rule << " off still gives " << c.expected.front();
  else
    EXPECT_TRUE(has_prefix(off, c.absent.front())) << c.rule << " off does not bring back " << c.absent.front();
}

INSTANTIATE_TEST_SUITE_P(Relations, NameList, ::testing::ValuesIn(kNameListCases), [](const auto& info) {
  std::string n;
  for (char ch : std::string(info.param.name)) n += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return n;
});

TEST(NameList, TheStageListsItsRules) {
  const auto all = relation_rules();
  for (const char* r :
       {"relations.name_list", "relations.list_apposition", "relations.shared_possessor", "relations.named_examples"})
    EXPECT_NE(std::find(all.begin(), all.end(), std::string(r)), all.end()) << r;
}

TEST(ControlObject, OnlyUnderAnObjectControlVerbAndRightAfterTheObject) {
  auto has = [](const Document& doc, const std::string& want) {
    for (const auto& p : extractor().extract(doc, 0))
      if (dump(doc, p).rfind(want, 0) == 0) return true;
    return false;
  };
  // "hire" controls nothing: "to build a road" is the hiring's purpose.
  auto purpose = testing::make_document({"Lee/PROPN/NNP/Lee/2/nsubj", "hired/VERB/VBD/hire/0/root",
                                         "workers/NOUN/NNS/worker/2/obj", "to/PART/TO/to/5/mark",
                                         "build/VERB/VB/build/2/advcl", "a/DET/DT/a/7/det", "road/NOUN/NN/road/5/obj"});
  EXPECT_TRUE(has(purpose, "(Lee)-[hired]->(workers)"));
  EXPECT_FALSE(has(purpose, "(Lee)-[hired]->(workers to"));
  // An infinitive with a subject of its own is no controlled one.
  auto own = testing::make_document({"Lee/PROPN/NNP/Lee/2/nsubj", "urged/VERB/VBD/urge/0/root",
                                     "voters/NOUN/NNS/voter/2/obj", "for/SCONJ/IN/for/5/mark", "us/PRON/PRP/we/7/nsubj",
                                     "to/PART/TO/to/7/mark", "win/VERB/VB/win/2/advcl"});
  EXPECT_TRUE(has(own, "(Lee)-[urged]->(voters)"));
  EXPECT_FALSE(has(own, "(Lee)-[urged]->(voters for"));
}

TEST(SubjectlessComplement, OnlyAClauseWithoutSubjectOrComplementizer) {
  auto has = [](const Document& doc, const std::string& want) {
    for (const auto& p : extractor().extract(doc, 0))
      if (dump(doc, p).rfind(want, 0) == 0) return true;
    return false;
  };
  // "told Ann that prices rose": the clause has its complementizer and subject.
  auto own = testing::make_document({"Lee/PROPN/NNP/Lee/2/nsubj", "told/VERB/VBD/tell/0/root",
                                     "Ann/PROPN/NNP/Ann/2/obj", "that/SCONJ/IN/that/6/mark",
                                     "prices/NOUN/NNS/price/6/nsubj", "rose/VERB/VBD/rise/2/ccomp"});
  EXPECT_TRUE(has(own, "(Lee)-[told]->(Ann)"));
  EXPECT_FALSE(has(own, "(Lee)-[told]->(Ann that"));
  // "..., officials said" after a comma is a parataxis of its own.
  auto aside =
      testing::make_document({"Lee/PROPN/NNP/Lee/2/nsubj", "sold/VERB/VBD/sell/0/root", "shares/NOUN/NNS/share/2/obj",
                              ",/PUNCT/,/,/5/punct", "rose/VERB/VBD/rise/2/parataxis"});
  EXPECT_TRUE(has(aside, "(Lee)-[sold]->(shares)"));
  EXPECT_FALSE(has(aside, "(Lee)-[sold]->(shares , rose"));
}

}  // namespace
}  // namespace relgraph
