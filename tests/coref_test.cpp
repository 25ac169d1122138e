// Coreference sieves on short hand-written, hand-parsed texts: each pass and
// the negative cases that must stay apart.
#include "coref/coref.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <sstream>

#include "coref/descriptions.hpp"
#include "coref/resolver.hpp"
#include "relgraph/error.hpp"

namespace relgraph {
namespace {

// Builds a multi-sentence parsed Document. Each sentence is a string of
// words "form/UPOS/head/deprel" (head 1-based within the sentence, 0 = root);
// an optional fifth field is the XPOS (default NNP for PROPN, NN for NOUN), a
// sixth the lemma (default the lower-case form).
// A form written "~form" follows the previous word without a space ("Secretary ~- ~General").
class DocBuilder {
 public:
  DocBuilder& sentence(const std::string& spec) {
    Sentence s;
    if (!doc_.text.empty()) doc_.text += ' ';
    s.begin = doc_.text.size();
    std::istringstream in(spec);
    std::string w;
    while (in >> w) {
      std::vector<std::string> f;
      std::size_t pos = 0;
      while (true) {
        auto slash = w.find('/', pos);
        f.push_back(w.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos));
        if (slash == std::string::npos) break;
        pos = slash + 1;
      }
      Token t;
      t.form = f[0];
      bool glued = t.form.size() > 1 && t.form[0] == '~' && !s.tokens.empty();
      if (glued) t.form.erase(0, 1), s.tokens.back().space_after = false;
      if (!s.tokens.empty() && !glued) doc_.text += ' ';
      t.begin = doc_.text.size();
      doc_.text += t.form;
      t.end = doc_.text.size();
      t.upos = f.size() > 1 ? f[1] : "X";
      t.head = f.size() > 2 ? std::stoi(f[2]) : 0;
      t.deprel = f.size() > 3 ? f[3] : "dep";
      t.xpos = f.size() > 4 ? f[4]
                            : (t.upos == "PROPN"  ? "NNP"
                               : t.upos == "NOUN" ? "NN"
                               : t.upos == "PRON" ? "PRP"
                                                  : "");
      t.lemma = f.size() > 5 ? f[5] : t.form;
      for (char& c : t.lemma) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      s.tokens.push_back(t);
    }
    s.end = doc_.text.size();
    doc_.sentences.push_back(std::move(s));
    return *this;
  }
  // Mention over words [first, last) (1-based, inclusive-exclusive like UD ids) of sentence `s` (0-based).
  DocBuilder& mention(int s, int first, int last, const std::string& type, const std::string& subtype = "",
                      const std::string& canonical = "") {
    EntityMention m;
    auto& toks = doc_.sentences[s].tokens;
    m.span = {s, first - 1, last - 1, toks[first - 1].begin, toks[last - 2].end};
    m.text = doc_.text.substr(m.span.begin, m.span.end - m.span.begin);
    m.type = type;
    m.subtype = subtype;
    m.canonical = canonical;
    doc_.mentions.push_back(m);
    return *this;
  }
  Document build() { return doc_; }

 private:
  Document doc_;
};

CorefTables tables() {
  CorefTables t;
  t.demonyms = {{"french", "France"}, {"peruvian", "Peru"}, {"american", "United States"}};
  t.capitals = {{"paris", "France"}, {"lima", "Peru"}, {"tbilisi", "Georgia"}, {"washington", "United States"}};
  t.countries = {{"france", "France"},
                 {"peru", "Peru"},
                 {"georgia", "Georgia"},
                 {"us", "United States"},
                 {"united states", "United States"},
                 {"uk", "United Kingdom"}};
  t.titles = {"minister", "ambassador", "mr", "ms", "president"};
  t.words = load_coref_words(detail::Resources::shared(std::string(RELGRAPH_SOURCE_DIR) + "/schemas"));
  return t;
}

// "Label[mention text, ...]" of the entity each listed mention text belongs to.
std::string entity_of(const Document& doc, const std::string& text, int nth = 0) {
  for (const auto& m : doc.mentions) {
    if (m.text != text) continue;
    if (nth-- > 0) continue;
    return m.entity < 0 ? "-" : doc.entities[m.entity].label;
  }
  return "(no mention '" + text + "')";
}

TEST(NameKey, Normalises) {
  EXPECT_EQ(name_key("The U.S."), "us");
  EXPECT_EQ(name_key("Doe's"), "doe");
  EXPECT_EQ(name_key("al-Qaeda"), "al qaeda");
}

TEST(Coref, ExactAndNameVariants) {
  auto doc = DocBuilder()
                 .sentence(
                     "Jane/PROPN/2/compound Doe/PROPN/3/nsubj met/VERB/0/root John/PROPN/5/compound Roe/PROPN/3/obj "
                     "./PUNCT/3/punct")
                 .sentence("Doe/PROPN/2/nsubj thanked/VERB/0/root Roe/PROPN/2/obj ./PUNCT/2/punct")
                 .sentence("Ms/PROPN/2/compound Doe/PROPN/3/nsubj left/VERB/0/root ./PUNCT/3/punct")
                 .mention(0, 1, 3, "PER")
                 .mention(0, 4, 6, "PER")
                 .mention(1, 1, 2, "PER")
                 .mention(1, 3, 4, "PER")
                 .mention(2, 1, 3, "PER")
                 .build();
  resolve_coreference(doc, tables());
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(entity_of(doc, "Doe"), "Jane Doe");
  EXPECT_EQ(entity_of(doc, "Roe"), "John Roe");
  EXPECT_EQ(entity_of(doc, "Ms Doe"), "Jane Doe");
  EXPECT_EQ(doc.entities[0].type, "Person");
}

TEST(Coref, LastWordsOfAFullName) {
  // "Ali bin Zayed spoke . Bin Zayed left ." -> one person
  auto doc = DocBuilder()
                 .sentence("Ali/PROPN/4/nsubj bin/PROPN/1/flat Zayed/PROPN/1/flat spoke/VERB/0/root ./PUNCT/4/punct")
                 .sentence("Bin/PROPN/3/nsubj Zayed/PROPN/1/flat left/VERB/0/root ./PUNCT/3/punct")
                 .mention(0, 1, 4, "PER")
                 .mention(1, 1, 3, "PER")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "Bin Zayed"), "Ali bin Zayed");
}

TEST(Coref, AnyWordOfOneFullName) {
  // "Ana Maria Lula da Costa spoke . Lula left ." -> one person; a word two people share stays apart.
  auto doc = DocBuilder()
                 .sentence(
                     "Ana/PROPN/6/nsubj Maria/PROPN/1/flat Lula/PROPN/1/flat da/PROPN/1/flat Costa/PROPN/1/flat "
                     "spoke/VERB/0/root ./PUNCT/6/punct")
                 .sentence("Lula/PROPN/2/nsubj left/VERB/0/root ./PUNCT/2/punct")
                 .mention(0, 1, 6, "PER")
                 .mention(1, 1, 2, "PER")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "Lula"), "Ana Maria Lula da Costa");
}

TEST(Coref, DifferentFirstNamesStayApart) {
  auto doc = DocBuilder()
                 .sentence(
                     "John/PROPN/2/compound Smith/PROPN/3/nsubj met/VERB/0/root Mary/PROPN/5/compound "
                     "Smith/PROPN/3/obj ./PUNCT/3/punct")
                 .sentence("Smith/PROPN/2/nsubj left/VERB/0/root ./PUNCT/2/punct")
                 .mention(0, 1, 3, "PER")
                 .mention(0, 4, 6, "PER")
                 .mention(1, 1, 2, "PER")
                 .build();
  resolve_coreference(doc, tables());
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(entity_of(doc, "John Smith"), "John Smith");
  EXPECT_EQ(entity_of(doc, "Mary Smith"), "Mary Smith");
  EXPECT_EQ(entity_of(doc, "Smith"), "Mary Smith");  // the most recent Smith
}

TEST(Coref, AppositionAndDefiniteDescription) {
  // "The UK ambassador to Peru , John Roe , arrived . The ambassador met officials ."
  auto doc =
      DocBuilder()
          .sentence(
              "The/DET/3/det UK/PROPN/3/compound ambassador/NOUN/10/nsubj to/ADP/5/case Peru/PROPN/3/nmod "
              ",/PUNCT/8/punct John/PROPN/8/compound Roe/PROPN/3/appos ,/PUNCT/8/punct arrived/VERB/0/root "
              "./PUNCT/10/punct")
          .sentence("The/DET/2/det ambassador/NOUN/3/nsubj met/VERB/0/root officials/NOUN/3/obj/NNS ./PUNCT/3/punct")
          .mention(0, 2, 3, "LOC", "Country", "United Kingdom")
          .mention(0, 5, 6, "LOC", "Country", "Peru")
          .mention(0, 7, 9, "PER")
          .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "UK ambassador"), "John Roe");
  EXPECT_EQ(entity_of(doc, "ambassador"), "John Roe");  // "The ambassador" in sentence 2
  const auto& roe = doc.entities[doc.mentions[2].entity];
  EXPECT_NE(std::find(roe.aliases.begin(), roe.aliases.end(), "UK ambassador to Peru"), roe.aliases.end());
  EXPECT_EQ(entity_of(doc, "Peru"), "Peru");
}

TEST(Coref, CompoundTitle) {
  // "French Interior Minister Jane Doe spoke . The minister left ."
  auto doc = DocBuilder()
                 .sentence(
                     "French/ADJ/3/amod Interior/PROPN/3/compound Minister/PROPN/5/compound Jane/PROPN/5/compound "
                     "Doe/PROPN/6/nsubj spoke/VERB/0/root ./PUNCT/6/punct")
                 .sentence("The/DET/2/det minister/NOUN/3/nsubj left/VERB/0/root ./PUNCT/3/punct")
                 .mention(0, 4, 6, "PER")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "French Interior Minister"), "Jane Doe");
  EXPECT_EQ(entity_of(doc, "minister"), "Jane Doe");
}

TEST(Coref, HyphenatedTitleStaysWhole) {
  // "UN Secretary-General Antonio Guterres spoke ." — the parse hung "Secretary" on "UN".
  auto doc = DocBuilder()
                 .sentence(
                     "UN/PROPN/5/compound Secretary/PROPN/1/flat ~-/PUNCT/4/punct ~General/PROPN/5/nmod:desc "
                     "Antonio/PROPN/7/nsubj Guterres/PROPN/5/flat spoke/VERB/0/root ./PUNCT/7/punct")
                 .mention(0, 1, 2, "ORG")
                 .mention(0, 5, 7, "PER")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "Secretary-General"), "Antonio Guterres");
}

TEST(Coref, AcronymAndExpansion) {
  // "The Ministry of Defence said . The MoD denied ."
  auto doc = DocBuilder()
                 .sentence(
                     "The/DET/2/det Ministry/PROPN/5/nsubj of/ADP/4/case Defence/PROPN/2/nmod said/VERB/0/root "
                     "./PUNCT/5/punct")
                 .sentence("The/DET/2/det MoD/PROPN/3/nsubj denied/VERB/0/root ./PUNCT/3/punct")
                 .mention(0, 2, 5, "ORG")
                 .mention(1, 2, 3, "ORG")
                 .build();
  resolve_coreference(doc, tables());
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(entity_of(doc, "MoD"), "Ministry of Defence");
}

TEST(Coref, AcronymInBracketsAfterAName) {
  // "Officers of the Border Police Unit ( BPU ) came . The BPU left ." — the recogniser found
  // only "Border Police" and neither "BPU".
  auto doc =
      DocBuilder()
          .sentence(
              "Officers/NOUN/10/nsubj/NNS of/ADP/5/case the/DET/5/det Border/PROPN/5/compound Police/PROPN/1/nmod "
              "Unit/PROPN/5/flat (/PUNCT/8/punct BPU/PROPN/5/appos )/PUNCT/8/punct came/VERB/0/root ./PUNCT/10/punct")
          .sentence("The/DET/2/det BPU/PROPN/3/nsubj left/VERB/0/root ./PUNCT/3/punct")
          .mention(0, 4, 6, "ORG")
          .build();
  resolve_coreference(doc, tables());
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].label, "Border Police Unit");
  EXPECT_EQ(entity_of(doc, "BPU"), "Border Police Unit");
}

TEST(Coref, AcronymInBracketsTaggedByTheRecogniser) {
  // "The Anti-Graft Police Unit ( AGPU ) came . The AGPU left ." — the recogniser tagged the
  // acronym too, and its letters do not spell the words' initials one to one.
  auto doc = DocBuilder()
                 .sentence(
                     "The/DET/4/det Anti-Graft/PROPN/4/compound Police/PROPN/4/compound Unit/PROPN/8/nsubj "
                     "(/PUNCT/6/punct AGPU/PROPN/4/appos )/PUNCT/6/punct came/VERB/0/root ./PUNCT/8/punct")
                 .sentence("The/DET/2/det AGPU/PROPN/3/nsubj left/VERB/0/root ./PUNCT/3/punct")
                 .mention(0, 2, 5, "ORG")
                 .mention(0, 6, 7, "ORG")
                 .mention(1, 2, 3, "ORG")
                 .build();
  resolve_coreference(doc, tables());
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].label, "Anti-Graft Police Unit");
}

TEST(Coref, AppositiveOrganisationNounRetypesAName) {
  // "Police blamed Zorba , the militant group . The group denied it ." — the recogniser said PER.
  auto doc = DocBuilder()
                 .sentence(
                     "Police/NOUN/2/nsubj/NNS blamed/VERB/0/root Zorba/PROPN/2/obj ,/PUNCT/7/punct the/DET/7/det "
                     "militant/ADJ/7/amod group/NOUN/3/appos ./PUNCT/2/punct")
                 .sentence("The/DET/2/det group/NOUN/3/nsubj denied/VERB/0/root it/PRON/3/obj ./PUNCT/3/punct")
                 .mention(0, 3, 4, "PER")
                 .build();
  resolve_coreference(doc, tables());
  ASSERT_FALSE(doc.entities.empty());
  EXPECT_EQ(doc.entities[0].type, "Organization");
  EXPECT_EQ(entity_of(doc, "group"), "Zorba");  // "the group" in the second sentence
  // "Kalon , the armed wing of Zorba , ..." — a part of an organisation is one too.
  auto doc2 = DocBuilder()
                  .sentence(
                      "Kalon/PROPN/0/root ,/PUNCT/5/punct the/DET/5/det armed/ADJ/5/amod wing/NOUN/1/appos "
                      "of/ADP/7/case Zorba/PROPN/5/nmod ./PUNCT/1/punct")
                  .mention(0, 1, 2, "PER")
                  .mention(0, 7, 8, "ORG")
                  .build();
  resolve_coreference(doc2, tables());
  EXPECT_EQ(doc2.entities[doc2.mentions[0].entity].type, "Organization");
}

TEST(Coref, AnOrganisationKeepsTheNounOfItsApposition) {
  // "Police blamed Zorba , the militant group [parataxis] . The group denied it ." — the recogniser
  // said ORG, and the parse hung the apposition elsewhere.
  auto doc = DocBuilder()
                 .sentence(
                     "Police/NOUN/2/nsubj/NNS blamed/VERB/0/root Zorba/PROPN/2/obj ,/PUNCT/7/punct the/DET/7/det "
                     "militant/ADJ/7/amod group/NOUN/2/parataxis ./PUNCT/2/punct")
                 .sentence("The/DET/2/det group/NOUN/3/nsubj denied/VERB/0/root it/PRON/3/obj ./PUNCT/3/punct")
                 .mention(0, 3, 4, "ORG")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "group"), "Zorba");
}

TEST(Coref, AnotherCountrysMinistryStaysApart) {
  // "The French Foreign Ministry spoke . Peru 's Foreign Ministry replied . The ministry[NNP] left ."
  auto doc = DocBuilder()
                 .sentence(
                     "The/DET/4/det French/PROPN/4/compound Foreign/PROPN/4/compound Ministry/PROPN/5/nsubj "
                     "spoke/VERB/0/root ./PUNCT/5/punct")
                 .sentence(
                     "Peru/PROPN/4/nmod:poss 's/PART/1/case Foreign/PROPN/4/compound Ministry/PROPN/5/nsubj "
                     "replied/VERB/0/root ./PUNCT/5/punct")
                 .sentence("The/DET/2/det ministry/PROPN/3/nsubj/NNP left/VERB/0/root ./PUNCT/3/punct")
                 .mention(0, 2, 5, "ORG")
                 .mention(1, 1, 2, "LOC", "Country", "Peru")
                 .mention(1, 3, 5, "ORG")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_NE(entity_of(doc, "Foreign Ministry"), entity_of(doc, "French Foreign Ministry"));
  EXPECT_EQ(entity_of(doc, "ministry"), "Foreign Ministry");  // the most recent ministry, despite the NNP tag
}

TEST(Coref, CompanyWithAndWithoutItsLegalForm) {
  auto doc = DocBuilder()
                 .sentence("Zorbex/PROPN/3/compound AG/PROPN/3/compound grew/VERB/0/root ./PUNCT/3/punct")
                 .sentence("Zorbex/PROPN/2/nsubj hired/VERB/0/root ./PUNCT/2/punct")
                 .mention(0, 1, 3, "ORG", "Company")
                 .mention(1, 1, 2, "ORG")
                 .build();
  resolve_coreference(doc, tables());
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].label, "Zorbex AG");
}

TEST(Coref, OrganisationNameContainedInFullerName) {
  auto doc = DocBuilder()
                 .sentence(
                     "The/DET/3/det French/ADJ/3/amod Ministry/PROPN/6/nsubj of/ADP/5/case Justice/PROPN/3/nmod "
                     "spoke/VERB/0/root ./PUNCT/6/punct")
                 .sentence(
                     "The/DET/2/det Ministry/PROPN/5/nsubj of/ADP/4/case Justice/PROPN/2/nmod agreed/VERB/0/root "
                     "./PUNCT/5/punct")
                 .mention(0, 2, 6, "ORG")
                 .mention(1, 2, 5, "ORG")
                 .build();
  resolve_coreference(doc, tables());
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].label, "French Ministry of Justice");
}

TEST(Coref, AmbiguousShortOrganisationNameStaysApart) {
  auto doc =
      DocBuilder()
          .sentence(
              "French/ADJ/2/amod Ministry/PROPN/5/nsubj of/ADP/4/case Justice/PROPN/2/nmod met/VERB/0/root "
              "Peruvian/ADJ/7/amod Ministry/PROPN/5/obj of/ADP/9/case Justice/PROPN/7/nmod ./PUNCT/5/punct")
          .sentence("Ministry/PROPN/4/nsubj of/ADP/3/case Justice/PROPN/1/nmod agreed/VERB/0/root ./PUNCT/4/punct")
          .mention(0, 1, 5, "ORG")
          .mention(0, 6, 10, "ORG")
          .mention(1, 1, 4, "ORG")
          .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(doc.entities.size(), 3u);
}

TEST(Coref, DemonymAgentsAndCapitalMetonyms) {
  // "France protested . French authorities arrested two men . Paris said no . She lives in Paris ."
  auto doc = DocBuilder()
                 .sentence("France/PROPN/2/nsubj protested/VERB/0/root ./PUNCT/2/punct")
                 .sentence(
                     "French/ADJ/2/amod authorities/NOUN/3/nsubj/NNS arrested/VERB/0/root two/NUM/5/nummod "
                     "men/NOUN/3/obj/NNS ./PUNCT/3/punct")
                 .sentence("Paris/PROPN/2/nsubj said/VERB/0/root no/INTJ/2/obj ./PUNCT/2/punct")
                 .sentence("Jane/PROPN/2/nsubj lives/VERB/0/root in/ADP/4/case Paris/PROPN/2/obl ./PUNCT/2/punct")
                 .mention(0, 1, 2, "LOC", "Country", "France")
                 .mention(2, 1, 2, "LOC", "City")
                 .mention(3, 1, 2, "PER")
                 .mention(3, 4, 5, "LOC", "City")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "French authorities"), "France");
  EXPECT_EQ(entity_of(doc, "Paris", 0), "France");  // Paris acts
  EXPECT_EQ(entity_of(doc, "Paris", 1), "Paris");   // a place to live in
  EXPECT_EQ(doc.entities[doc.mentions[0].entity].type, "Country");
}

TEST(Coref, GeorgiaCountryAndStateStayApart) {
  // "Georgia signed a treaty . Atlanta is in the state of Georgia ."
  auto doc = DocBuilder()
                 .sentence("Georgia/PROPN/2/nsubj signed/VERB/0/root a/DET/4/det treaty/NOUN/2/obj ./PUNCT/2/punct")
                 .sentence(
                     "Atlanta/PROPN/5/nsubj is/AUX/5/cop in/ADP/5/case the/DET/5/det state/NOUN/0/root of/ADP/7/case "
                     "Georgia/PROPN/5/nmod ./PUNCT/5/punct")
                 .mention(0, 1, 2, "LOC", "Country", "Georgia")
                 .mention(1, 1, 2, "LOC", "City")
                 .mention(1, 7, 8, "LOC")
                 .build();
  resolve_coreference(doc, tables());
  ASSERT_EQ(doc.entities.size(), 3u);
  EXPECT_NE(doc.mentions[0].entity, doc.mentions[2].entity);
  EXPECT_EQ(doc.entities[doc.mentions[0].entity].type, "Country");
  EXPECT_EQ(doc.entities[doc.mentions[2].entity].type, "Place");
}

TEST(Coref, PronounsByAgreementAndRecency) {
  // "Jane Doe visited Acme . She praised its workers . During his visit , John Roe smiled ."
  auto doc =
      DocBuilder()
          .sentence("Jane/PROPN/2/compound Doe/PROPN/3/nsubj visited/VERB/0/root Acme/PROPN/3/obj ./PUNCT/3/punct")
          .sentence(
              "She/PRON/2/nsubj praised/VERB/0/root its/PRON/4/nmod:poss/PRP$ workers/NOUN/2/obj/NNS ./PUNCT/2/punct")
          .sentence(
              "During/ADP/3/case his/PRON/3/nmod:poss/PRP$ visit/NOUN/7/obl ,/PUNCT/3/punct John/PROPN/6/compound "
              "Roe/PROPN/7/nsubj smiled/VERB/0/root ./PUNCT/7/punct")
          .mention(0, 1, 3, "PER")
          .mention(0, 4, 5, "ORG", "Company")
          .mention(2, 5, 7, "PER")
          .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "She"), "Jane Doe");
  EXPECT_EQ(entity_of(doc, "its"), "Acme");
  EXPECT_EQ(entity_of(doc, "his"), "John Roe");  // cataphora in a fronted phrase
  // Pronouns are mentions but not aliases.
  const auto& jane = doc.entities[doc.mentions[0].entity];
  EXPECT_EQ(std::find(jane.aliases.begin(), jane.aliases.end(), "She"), jane.aliases.end());
}

TEST(Coref, ItPrefersASubjectAndNeverItsOwnClausesSubject) {
  // "Acme sued Peru . Globex entered Chile to fight it ." -> it = Acme (a subject), not Globex
  // (the subject of its own clause) nor Chile (more recent, an object).
  auto doc = DocBuilder()
                 .sentence("Acme/PROPN/2/nsubj sued/VERB/0/root Peru/PROPN/2/obj ./PUNCT/2/punct")
                 .sentence(
                     "Globex/PROPN/2/nsubj entered/VERB/0/root Chile/PROPN/2/obj to/PART/5/mark fight/VERB/2/advcl "
                     "it/PRON/5/obj ./PUNCT/2/punct")
                 .mention(0, 1, 2, "ORG")
                 .mention(0, 3, 4, "LOC", "Country", "Peru")
                 .mention(1, 1, 2, "ORG")
                 .mention(1, 3, 4, "LOC", "Country", "Chile")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "it"), "Acme");
}

TEST(Coref, TheyNeedsAPluralAntecedent) {
  // "Workers met French authorities . They refused ." -> nearest plural is "authorities" (France)
  auto doc =
      DocBuilder()
          .sentence(
              "Workers/NOUN/2/nsubj/NNS met/VERB/0/root French/ADJ/4/amod authorities/NOUN/2/obj/NNS ./PUNCT/2/punct")
          .sentence("They/PRON/2/nsubj refused/VERB/0/root ./PUNCT/2/punct")
          .sentence(
              "Some/DET/2/det fighters/NOUN/3/nsubj/NNS fear/VERB/0/root their/PRON/5/nmod:poss/PRP$ return/NOUN/3/obj "
              "./PUNCT/3/punct")
          .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "They"), "France");
  EXPECT_EQ(entity_of(doc, "their"), "(no mention 'their')");  // the fighters are no entity
}

TEST(Coref, ValuesAndFurnitureGetNoEntity) {
  auto doc = DocBuilder()
                 .sentence("Acme/PROPN/2/nsubj paid/VERB/0/root $/SYM/2/obj 5/NUM/3/nummod ./PUNCT/2/punct")
                 .mention(0, 1, 2, "ORG")
                 .mention(0, 3, 5, "MONEY")
                 .build();
  doc.metadata.body_begin = 5;  // "Acme" lies in the page header
  doc.metadata.body_end = doc.text.size();
  resolve_coreference(doc, tables());
  EXPECT_TRUE(doc.entities.empty());
  EXPECT_EQ(doc.mentions[1].entity, -1);
}

TEST(Coref, StageLayers) {
  auto stage = make_coref_stage(PipelineOptions{});
  EXPECT_EQ(stage->name(), "coref");
  EXPECT_EQ(stage->adds(), std::vector<Layer>{Layer::Coref});
}

}  // namespace
}  // namespace relgraph

namespace relgraph {
namespace {

TEST(Coref, ACountrysNameBeforeAPersonIsNoTitle) {
  // "Aid to the United States Bo Tan grew" (a wrong parse): no role "United States" for Bo Tan.
  auto doc = DocBuilder()
                 .sentence(
                     "Aid/NOUN/8/nsubj to/ADP/7/case the/DET/7/det United/PROPN/5/compound States/PROPN/7/compound "
                     "Bo/PROPN/7/compound Tan/PROPN/1/nmod grew/VERB/0/root")
                 .mention(0, 4, 6, "LOC", "Country", "United States")
                 .mention(0, 6, 8, "PER")
                 .build();
  resolve_coreference(doc, tables());
  for (const auto& m : doc.mentions) EXPECT_NE(m.subtype, "Role") << m.text;
  EXPECT_EQ(entity_of(doc, "Bo Tan"), "Bo Tan");
}

TEST(Coref, AShortCountryNameNeverTakesARegionOrAPersonsName) {
  // "South Varnia won. Africa watched. Bo Varnia spoke. Varnia scored.": "Africa" is a
  // region, "Varnia" part of a person's name: neither joins South Varnia.
  auto t = tables();
  t.regions = {"africa"};
  auto doc = DocBuilder()
                 .sentence("South/PROPN/2/compound Africa/PROPN/3/nsubj won/VERB/0/root ./PUNCT/3/punct")
                 .sentence("Africa/PROPN/2/nsubj watched/VERB/0/root ./PUNCT/2/punct")
                 .sentence("South/PROPN/2/compound Varnia/PROPN/3/nsubj won/VERB/0/root ./PUNCT/3/punct")
                 .sentence("Bo/PROPN/2/compound Varnia/PROPN/3/nsubj spoke/VERB/0/root ./PUNCT/3/punct")
                 .sentence("Varnia/PROPN/2/nsubj scored/VERB/0/root ./PUNCT/2/punct")
                 .mention(0, 1, 3, "LOC", "Country", "South Africa")
                 .mention(1, 1, 2, "LOC")
                 .mention(2, 1, 3, "LOC", "Country", "South Varnia")
                 .mention(3, 1, 3, "PER")
                 .mention(4, 1, 2, "PER")
                 .build();
  resolve_coreference(doc, t);
  EXPECT_EQ(entity_of(doc, "Africa"), "Africa");
  EXPECT_NE(entity_of(doc, "Varnia"), "South Varnia");
}

TEST(Coref, TitleWithPrepositionalPhrase) {
  // "Peruvian Minister of Justice John Roe spoke ."
  auto doc =
      DocBuilder()
          .sentence(
              "Peruvian/ADJ/2/amod Minister/PROPN/6/compound of/ADP/4/case Justice/PROPN/2/nmod John/PROPN/6/compound "
              "Roe/PROPN/7/nsubj spoke/VERB/0/root ./PUNCT/7/punct")
          .mention(0, 5, 7, "PER")
          .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "Peruvian Minister of Justice"), "John Roe");
}

TEST(Coref, DemonymNounsNamePeopleNotTheCountry) {
  // "French troops met 30 Peruvians ."
  auto doc = DocBuilder()
                 .sentence(
                     "French/ADJ/2/amod troops/NOUN/3/nsubj/NNS met/VERB/0/root 30/NUM/5/nummod "
                     "Peruvians/PROPN/3/obj/NNPS ./PUNCT/3/punct")
                 .mention(0, 1, 2, "NORP", "Demonym", "France")
                 .mention(0, 5, 6, "NORP", "Demonym", "Peru")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "French"), "France");
  EXPECT_EQ(entity_of(doc, "French troops"), "France");
  EXPECT_EQ(entity_of(doc, "Peruvians"), "-");
}

TEST(Coref, TheyIsNeverASingleCountry) {
  // "Rebels used Peru as a base for their attacks ."
  auto doc =
      DocBuilder()
          .sentence(
              "Rebels/NOUN/2/nsubj/NNS used/VERB/0/root Peru/PROPN/2/obj as/ADP/6/case a/DET/6/det base/NOUN/2/obl "
              "for/ADP/9/case their/PRON/9/nmod:poss/PRP$ attacks/NOUN/6/nmod/NNS ./PUNCT/2/punct")
          .mention(0, 3, 4, "LOC", "Country", "Peru")
          .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "their"), "(no mention 'their')");
}

TEST(Coref, TheyPrefersANearerPluralNounToAnOrganisation) {
  // "Police questioned suspects . Investigators worked with Interpol to track them ." -> them != Interpol
  auto doc = DocBuilder()
                 .sentence("Police/NOUN/2/nsubj/NNS questioned/VERB/0/root suspects/NOUN/2/obj/NNS ./PUNCT/2/punct")
                 .sentence(
                     "Investigators/NOUN/2/nsubj/NNS worked/VERB/0/root with/ADP/4/case Interpol/PROPN/2/obl "
                     "to/PART/6/mark track/VERB/2/advcl them/PRON/6/obj ./PUNCT/2/punct")
                 .mention(1, 4, 5, "ORG", "", "Interpol")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "them"), "(no mention 'them')");
  // With no plural noun in reach the organisation is the antecedent: "Interpol said they ..."
  auto doc2 =
      DocBuilder()
          .sentence("Interpol/PROPN/2/nsubj said/VERB/0/root they/PRON/4/nsubj agreed/VERB/2/ccomp ./PUNCT/2/punct")
          .mention(0, 1, 2, "ORG", "", "Interpol")
          .build();
  resolve_coreference(doc2, tables());
  EXPECT_EQ(entity_of(doc2, "they"), "Interpol");
}

TEST(Coref, CapitalisedAppositiveTitle) {
  // "the US Ambassador to Peru , John Roe , arrived ."  (Ambassador tagged PROPN)
  auto doc = DocBuilder()
                 .sentence(
                     "the/DET/3/det US/PROPN/3/compound Ambassador/PROPN/10/nsubj to/ADP/5/case Peru/PROPN/3/nmod "
                     ",/PUNCT/8/punct John/PROPN/8/compound Roe/PROPN/3/appos ,/PUNCT/8/punct arrived/VERB/0/root")
                 .mention(0, 2, 3, "LOC", "Country", "United States")
                 .mention(0, 5, 6, "LOC", "Country", "Peru")
                 .mention(0, 7, 9, "PER")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "US Ambassador"), "John Roe");
}

}  // namespace
}  // namespace relgraph

namespace relgraph {
namespace {

TEST(Coref, SurnameMissedByTheRecogniser) {
  // "John Roe arrived . Roe met Jane Doe ."  (the second Roe is no mention; tagged NOUN)
  auto doc = DocBuilder()
                 .sentence("John/PROPN/2/compound Roe/PROPN/3/nsubj arrived/VERB/0/root ./PUNCT/3/punct")
                 .sentence("Roe/NOUN/2/nsubj met/VERB/0/root Jane/PROPN/4/compound Doe/PROPN/2/obj ./PUNCT/2/punct")
                 .sentence("Roe/NOUN/2/obj prices/NOUN/3/nsubj/NNS rose/VERB/0/root ./PUNCT/3/punct")
                 .mention(0, 1, 3, "PER")
                 .mention(1, 3, 5, "PER")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "Roe"), "John Roe");
  EXPECT_EQ(entity_of(doc, "Roe", 1), "(no mention 'Roe')");  // sentence-initial and not acting
}

TEST(Coref, TitlePhraseTaggedAsOrganisationIsARole) {
  // "the US Ambassador to Peru , John Roe , spoke ." with the title phrase mis-tagged ORG
  auto doc = DocBuilder()
                 .sentence(
                     "the/DET/3/det US/PROPN/3/compound Ambassador/PROPN/10/nsubj to/ADP/5/case Peru/PROPN/3/nmod "
                     ",/PUNCT/8/punct John/PROPN/8/compound Roe/PROPN/3/appos ,/PUNCT/8/punct spoke/VERB/0/root")
                 .mention(0, 2, 6, "ORG")
                 .mention(0, 7, 9, "PER")
                 .build();
  resolve_coreference(doc, tables());
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(entity_of(doc, "US Ambassador"), "John Roe");
}

TEST(Coref, SurfaceRulesWhenTheParseIsWrong) {
  // "Speculation grew after the US envoy to Peru , John Roe , left . French Interior Minister Jane Doe spoke ."
  // with flat, wrong attachments everywhere.
  auto doc =
      DocBuilder()
          .sentence(
              "Speculation/NOUN/2/nsubj grew/VERB/0/root after/ADP/5/case the/DET/5/det envoy/NOUN/2/obl "
              "to/ADP/7/case Peru/PROPN/5/nmod ,/PUNCT/2/punct John/PROPN/2/obj Roe/PROPN/9/flat ,/PUNCT/2/punct "
              "left/VERB/2/conj ./PUNCT/2/punct")
          .sentence(
              "French/PROPN/0/root Interior/PROPN/1/flat Minister/PROPN/1/flat Jane/PROPN/1/flat Doe/PROPN/1/flat "
              "spoke/VERB/1/dep ./PUNCT/1/punct")
          .mention(0, 7, 8, "LOC", "Country", "Peru")
          .mention(0, 9, 11, "PER")
          .mention(1, 4, 6, "PER")
          .build();
  auto t = tables();
  t.titles.insert("envoy");
  resolve_coreference(doc, t);
  EXPECT_EQ(entity_of(doc, "envoy"), "John Roe");
  EXPECT_EQ(entity_of(doc, "French Interior Minister"), "Jane Doe");
  const auto& roe = doc.entities[doc.mentions[1].entity];
  EXPECT_NE(std::find(roe.aliases.begin(), roe.aliases.end(), "envoy to Peru"), roe.aliases.end());
}

}  // namespace
}  // namespace relgraph

namespace relgraph {
namespace {

TEST(Coref, NameInAppositionWithATitleIsAPerson) {
  // "after the UK envoy , John Roe’ visit . Roe left ."  (John Roe mis-tagged ORG)
  auto doc = DocBuilder()
                 .sentence(
                     "after/ADP/4/case the/DET/4/det UK/PROPN/4/compound envoy/NOUN/0/root ,/PUNCT/8/punct "
                     "John/PROPN/7/compound Roe’/PROPN/8/nmod:poss visit/NOUN/4/appos ./PUNCT/4/punct")
                 .sentence("Roe/PROPN/2/nsubj left/VERB/0/root ./PUNCT/2/punct")
                 .mention(0, 3, 4, "LOC", "Country", "United Kingdom")
                 .mention(0, 6, 8, "ORG")
                 .build();
  auto t = tables();
  t.titles.insert("envoy");
  resolve_coreference(doc, t);
  EXPECT_EQ(entity_of(doc, "UK envoy"), "John Roe");
  EXPECT_EQ(entity_of(doc, "Roe"), "John Roe");
  EXPECT_EQ(doc.entities[doc.mentions[1].entity].type, "Person");
}

}  // namespace
}  // namespace relgraph

namespace relgraph {
namespace {

// One row per named sieve: a document where the sieve makes a link, the
// mention it links, and the entity that mention belongs to with the sieve
// running and with it switched off.
struct SieveCase {
  const char* rule;
  std::function<Document()> doc;
  const char* probe;
  const char* with;
  const char* without;
};

TEST(Sieve, EachNamedSieveMakesItsLinkAndOnlyWhenEnabled) {
  const std::vector<SieveCase> cases = {
      {"coref.exact",
       [] {
         return DocBuilder()
             .sentence("Acme/PROPN/2/nsubj grew/VERB/0/root ./PUNCT/2/punct")
             .sentence("Acme/PROPN/2/nsubj hired/VERB/0/root ./PUNCT/2/punct")
             .mention(0, 1, 2, "ORG")
             .mention(1, 1, 2, "ORG")
             .build();
       },
       "Acme", "2", "1"},
      {"coref.acronym",
       [] {
         return DocBuilder()
             .sentence(
                 "The/DET/2/det Ministry/PROPN/5/nsubj of/ADP/4/case Defence/PROPN/2/nmod said/VERB/0/root "
                 "./PUNCT/5/punct")
             .sentence("The/DET/2/det MoD/PROPN/3/nsubj denied/VERB/0/root ./PUNCT/3/punct")
             .mention(0, 2, 5, "ORG")
             .mention(1, 2, 3, "ORG")
             .build();
       },
       "MoD", "Ministry of Defence", "MoD"},
      {"coref.bracket_acronym",
       [] {
         return DocBuilder()
             .sentence(
                 "The/DET/3/det Harbour/PROPN/3/compound Board/PROPN/7/nsubj (/PUNCT/5/punct HB/PROPN/3/appos "
                 ")/PUNCT/5/punct met/VERB/0/root ./PUNCT/7/punct")
             .sentence("The/DET/2/det HB/PROPN/3/nsubj agreed/VERB/0/root ./PUNCT/3/punct")
             .mention(0, 2, 4, "ORG")
             .build();
       },
       "HB", "Harbour Board", "(no mention 'HB')"},
      {"coref.bracket_expansion",
       [] {
         return DocBuilder()
             .sentence(
                 "The/DET/2/det CNV/PROPN/9/nsubj (/PUNCT/5/punct National/PROPN/5/compound Council/PROPN/2/appos "
                 "of/ADP/7/case Varnia/PROPN/5/nmod )/PUNCT/5/punct met/VERB/0/root ./PUNCT/9/punct")
             .mention(0, 2, 3, "ORG")
             .mention(0, 7, 8, "LOC")
             .build();
       },
       "CNV", "National Council of Varnia", "CNV"},
      {"coref.group",
       [] {
         return DocBuilder()
             .sentence("Harbour/NOUN/2/compound pilots/NOUN/3/nsubj/NNS/pilot struck/VERB/0/root ./PUNCT/3/punct")
             .sentence("They/PRON/2/nsubj/PRP want/VERB/0/root pay/NOUN/2/obj ./PUNCT/2/punct")
             .build();
       },
       "They", "Harbour pilots", "(no mention 'They')"},
      {"coref.group_description",
       [] {
         return DocBuilder()
             .sentence("The/DET/3/det Welsh/ADJ/3/amod squad/NOUN/4/nsubj/NN trained/VERB/0/root ./PUNCT/4/punct")
             .sentence("The/DET/2/det squad/NOUN/3/nsubj/NN won/VERB/0/root ./PUNCT/3/punct")
             .build();
       },
       "The squad", "Welsh squad", "(no mention 'The squad')"},
      {"coref.they_organisation",
       [] {
         return DocBuilder()
             .sentence("Acme/PROPN/2/nsubj denied/VERB/0/root it/PRON/2/obj ./PUNCT/2/punct")
             .sentence("She/PRON/3/nsubj was/AUX/3/aux:pass paid/VERB/0/root ./PUNCT/3/punct")
             .sentence("They/PRON/2/nsubj/PRP added/VERB/0/root more/ADJ/2/obj ./PUNCT/2/punct")
             .mention(0, 1, 2, "ORG")
             .build();
       },
       "They", "Acme", "(no mention 'They')"},
      {"coref.alias",
       [] {
         return DocBuilder()
             .sentence("Jane/PROPN/2/compound Doe/PROPN/3/nsubj spoke/VERB/0/root ./PUNCT/3/punct")
             .sentence("Doe/PROPN/2/nsubj left/VERB/0/root ./PUNCT/2/punct")
             .mention(0, 1, 3, "PER")
             .mention(1, 1, 2, "PER")
             .build();
       },
       "Doe", "Jane Doe", "Doe"},
      {"coref.compass_name",
       [] {
         return DocBuilder()
             .sentence("North/PROPN/2/compound Varnia/PROPN/3/nsubj shelled/VERB/0/root ./PUNCT/3/punct")
             .sentence("The/DET/2/det South/PROPN/3/nsubj retaliated/VERB/0/root ./PUNCT/3/punct")
             .mention(0, 1, 3, "LOC", "Country", "North Varnia")
             .mention(1, 2, 3, "MISC")
             .build();
       },
       "South", "South", "South"},
      {"coref.compass_name",
       [] {
         return DocBuilder()
             .sentence("South/PROPN/2/compound Varnia/PROPN/3/nsubj shelled/VERB/0/root ./PUNCT/3/punct")
             .sentence("The/DET/2/det South/PROPN/3/nsubj retaliated/VERB/0/root ./PUNCT/3/punct")
             .mention(0, 1, 3, "LOC", "Country", "South Varnia")
             .mention(1, 2, 3, "MISC")
             .build();
       },
       "South", "South Varnia", "South"},
      {"coref.country_short_name",
       [] {
         return DocBuilder()
             .sentence("South/PROPN/2/compound Varnia/PROPN/3/nsubj won/VERB/0/root ./PUNCT/3/punct")
             .sentence("Varnia/PROPN/2/nsubj scored/VERB/0/root ./PUNCT/2/punct")
             .mention(0, 1, 3, "LOC", "Country", "South Varnia")
             .mention(1, 1, 2, "PER")
             .build();
       },
       "Varnia", "South Varnia", "Varnia"},
      {"coref.it_nearer_subject",
       [] {
         return DocBuilder()
             .sentence("Acme/PROPN/2/nsubj grew/VERB/0/root ./PUNCT/2/punct")
             .sentence(
                 "The/DET/2/det plant/NOUN/3/nsubj closed/VERB/0/root after/SCONJ/6/mark it/PRON/6/nsubj "
                 "failed/VERB/3/advcl ./PUNCT/3/punct")
             .mention(0, 1, 2, "ORG")
             .build();
       },
       "it", "(no mention 'it')", "Acme"},
      {"coref.surname",
       [] {
         return DocBuilder()
             .sentence("John/PROPN/2/compound Roe/PROPN/3/nsubj arrived/VERB/0/root ./PUNCT/3/punct")
             .sentence("Later/ADV/3/advmod Roe/NOUN/3/nsubj left/VERB/0/root ./PUNCT/3/punct")
             .mention(0, 1, 3, "PER")
             .build();
       },
       "Roe", "John Roe", "(no mention 'Roe')"},
      {"coref.person_not_place",
       [] {
         return DocBuilder()
             .sentence("Jane/PROPN/2/compound Lima/PROPN/3/nsubj spoke/VERB/0/root ./PUNCT/3/punct")
             .sentence("Lima/PROPN/2/nsubj left/VERB/0/root ./PUNCT/2/punct")
             .mention(0, 1, 3, "PER")
             .mention(1, 1, 2, "LOC", "City")
             .build();
       },
       "Lima", "Jane Lima", "Peru"},
      {"coref.subject_it",
       [] {
         return DocBuilder()
             .sentence("Acme/PROPN/2/nsubj grew/VERB/0/root ./PUNCT/2/punct")
             .sentence("It/PRON/2/nsubj hired/VERB/0/root staff/NOUN/2/obj ./PUNCT/2/punct")
             .mention(0, 1, 2, "ORG")
             .build();
       },
       "It", "Acme", "(no mention 'It')"},
      {"coref.quote_speaker",
       [] {
         return DocBuilder()
             .sentence(
                 "\"/PUNCT/3/punct I/PRON/3/nsubj/PRP win/VERB/7/ccomp ,/PUNCT/3/punct \"/PUNCT/3/punct "
                 "Doe/PROPN/7/nsubj said/VERB/0/root/VBD/say ./PUNCT/7/punct")
             .mention(0, 6, 7, "PER")
             .build();
       },
       "I", "Doe", "(no mention 'I')"},
      {"coref.org_head",
       [] {
         return DocBuilder()
             .sentence(
                 "The/DET/2/det Church/PROPN/5/nsubj of/ADP/4/case Varn/PROPN/2/nmod met/VERB/0/root ./PUNCT/5/punct")
             .sentence("The/DET/2/det Church/PROPN/3/nsubj denied/VERB/0/root ./PUNCT/3/punct")
             .mention(0, 2, 5, "ORG")
             .mention(1, 2, 3, "PER")
             .build();
       },
       "Church", "Church of Varn", "Church"},
      {"coref.state_agent",
       [] {
         return DocBuilder()
             .sentence("France/PROPN/2/nsubj protested/VERB/0/root ./PUNCT/2/punct")
             .sentence("French/ADJ/2/amod troops/NOUN/3/nsubj/NNS left/VERB/0/root ./PUNCT/3/punct")
             .mention(0, 1, 2, "LOC", "Country", "France")
             .build();
       },
       "French troops", "France", "(no mention 'French troops')"},
      {"coref.apposition_kind",
       [] {
         return DocBuilder()
             .sentence(
                 "Police/NOUN/2/nsubj/NNS blamed/VERB/0/root Zorba/PROPN/2/obj ,/PUNCT/7/punct the/DET/7/det "
                 "militant/ADJ/7/amod group/NOUN/3/appos ./PUNCT/2/punct")
             .sentence("The/DET/2/det group/NOUN/3/nsubj denied/VERB/0/root ./PUNCT/3/punct")
             .mention(0, 3, 4, "PER")
             .build();
       },
       "group", "Zorba", "(no mention 'group')"},
      {"coref.apposition",
       [] {
         return DocBuilder()
             .sentence(
                 "The/DET/2/det envoy/NOUN/7/nsubj ,/PUNCT/5/punct John/PROPN/5/compound Roe/PROPN/2/appos "
                 ",/PUNCT/5/punct arrived/VERB/0/root ./PUNCT/7/punct")
             .mention(0, 4, 6, "PER")
             .build();
       },
       "envoy", "John Roe", "(no mention 'envoy')"},
      {"coref.apposition_named_modifier",
       [] {
         return DocBuilder()
             .sentence(
                 "Police/NOUN/2/nsubj/NNS called/VERB/0/root an/DET/5/det Acme/PROPN/5/compound lawyer/NOUN/2/obj "
                 ",/PUNCT/8/punct Bo/PROPN/8/compound Tan/PROPN/5/appos ./PUNCT/2/punct")
             .mention(0, 4, 5, "ORG")
             .mention(0, 7, 9, "PER")
             .build();
       },
       "lawyer", "Bo Tan", "(no mention 'lawyer')"},
      {"coref.apposition_surface",
       [] {
         return DocBuilder()
             .sentence(
                 "The/DET/2/det ambassador/NOUN/6/nsubj ,/PUNCT/4/punct John/PROPN/5/compound Roe/PROPN/6/nsubj "
                 "arrived/VERB/0/root ./PUNCT/6/punct")
             .mention(0, 4, 6, "PER")
             .build();
       },
       "ambassador", "John Roe", "(no mention 'ambassador')"},
      {"coref.role",
       [] {
         return DocBuilder()
             .sentence(
                 "Interior/PROPN/2/compound Minister/PROPN/4/compound Jane/PROPN/4/compound Doe/PROPN/5/nsubj "
                 "spoke/VERB/0/root ./PUNCT/5/punct")
             .mention(0, 3, 5, "PER")
             .build();
       },
       "Interior Minister", "Jane Doe", "(no mention 'Interior Minister')"},
      {"coref.definite",
       [] {
         return DocBuilder()
             .sentence("Peru/PROPN/2/nsubj voted/VERB/0/root ./PUNCT/2/punct")
             .sentence("The/DET/2/det country/NOUN/3/nsubj abstained/VERB/0/root ./PUNCT/3/punct")
             .mention(0, 1, 2, "LOC", "Country", "Peru")
             .build();
       },
       "country", "Peru", "(no mention 'country')"},
      {"coref.pronoun",
       [] {
         return DocBuilder()
             .sentence("Jane/PROPN/2/compound Doe/PROPN/3/nsubj spoke/VERB/0/root ./PUNCT/3/punct")
             .sentence("She/PRON/2/nsubj left/VERB/0/root ./PUNCT/2/punct")
             .mention(0, 1, 3, "PER")
             .build();
       },
       "She", "Jane Doe", "(no mention 'She')"},
  };
  auto entity_count = [](const Document& d, const std::string& probe) {
    int n = 0;
    for (const auto& m : d.mentions)
      if (m.text == probe && m.entity >= 0) ++n;
    return std::to_string(n);
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.rule);
    Document on = c.doc(), off = c.doc();
    resolve_coreference(on, tables());
    resolve_coreference(off, tables(), {c.rule});
    if (std::string(c.rule) == "coref.exact") {  // two mentions, one entity or two
      EXPECT_EQ(std::to_string(on.entities.size()), "1");
      EXPECT_EQ(std::to_string(off.entities.size()), "2");
      EXPECT_EQ(entity_count(on, c.probe), c.with);
      continue;
    }
    EXPECT_EQ(entity_of(on, c.probe), c.with);
    EXPECT_EQ(entity_of(off, c.probe), c.without);
  }
}

TEST(Sieve, TheStageListsEverySieveAndSkipsTheDisabledOnes) {
  PipelineOptions o;
  o.schemas_dir = std::string(RELGRAPH_SOURCE_DIR) + "/schemas";
  auto stage = make_coref_stage(o);
  auto rules = stage->rules();
  for (const char* r : {"coref.exact",
                        "coref.acronym",
                        "coref.bracket_acronym",
                        "coref.alias",
                        "coref.surname",
                        "coref.state_agent",
                        "coref.apposition_kind",
                        "coref.apposition",
                        "coref.apposition_surface",
                        "coref.apposition_named_modifier",
                        "coref.role",
                        "coref.definite",
                        "coref.pronoun",
                        "coref.person_not_place",
                        "coref.subject_it",
                        "coref.quote_speaker",
                        "coref.org_head",
                        "coref.definite_unique",
                        "coref.group",
                        "coref.group_description"})
    EXPECT_NE(std::find(rules.begin(), rules.end(), r), rules.end()) << r;
  auto build = [] {
    return DocBuilder()
        .sentence("Jane/PROPN/2/compound Doe/PROPN/3/nsubj spoke/VERB/0/root ./PUNCT/3/punct")
        .sentence("She/PRON/2/nsubj left/VERB/0/root ./PUNCT/2/punct")
        .mention(0, 1, 3, "PER")
        .build();
  };
  Document on = build(), off = build();
  stage->process(on);
  o.disable = {"coref.pronoun"};
  make_coref_stage(o)->process(off);
  EXPECT_EQ(entity_of(on, "She"), "Jane Doe");
  EXPECT_EQ(entity_of(off, "She"), "(no mention 'She')");
}

TEST(Sieve, APlaceAfterAPlacePrepositionStaysAPlace) {
  auto doc = DocBuilder()
                 .sentence("Jane/PROPN/2/compound Lima/PROPN/3/nsubj spoke/VERB/0/root ./PUNCT/3/punct")
                 .sentence("She/PRON/2/nsubj flew/VERB/0/root to/ADP/4/case Lima/PROPN/2/obl ./PUNCT/2/punct")
                 .mention(0, 1, 3, "PER")
                 .mention(1, 4, 5, "LOC", "City")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "Lima"), "Lima");
  EXPECT_EQ(entity_of(doc, "She"), "Jane Lima");
}

TEST(Sieve, ASubjectItThatStandsForNoThingStaysAlone) {
  const std::vector<std::string> second = {
      "It/PRON/5/nsubj was/AUX/5/cop a/DET/5/det long/ADJ/5/amod day/NOUN/0/root ./PUNCT/5/punct",  // copula
      "It/PRON/2/nsubj seems/VERB/0/root calm/ADJ/2/xcomp ./PUNCT/2/punct",                         // raising verb
      "\"/PUNCT/3/punct It/PRON/3/nsubj worked/VERB/0/root \"/PUNCT/3/punct ./PUNCT/3/punct",       // quoted
      "Staff/NOUN/2/nsubj/NNS left/VERB/0/root because/SCONJ/5/mark it/PRON/5/nsubj closed/VERB/2/advcl "
      "./PUNCT/2/punct",  // the antecedent must be a subject: none is near
  };
  for (const auto& sent : second) {
    SCOPED_TRACE(sent);
    auto doc = DocBuilder()
                   .sentence("Police/NOUN/2/nsubj/NNS searched/VERB/0/root Acme/PROPN/2/obj ./PUNCT/2/punct")
                   .sentence(sent)
                   .mention(0, 3, 4, "ORG")
                   .build();
    resolve_coreference(doc, tables());
    EXPECT_EQ(entity_of(doc, "It"), "(no mention 'It')");
    EXPECT_EQ(entity_of(doc, "it"), "(no mention 'it')");
  }
}

TEST(Sieve, FirstPersonInAQuotationNamesItsSpeaker) {
  // A quotation over two sentences closed by its speaker; "we" for an organisation.
  auto doc = DocBuilder()
                 .sentence("\"/PUNCT/3/punct I/PRON/3/nsubj/PRP agree/VERB/0/root ./PUNCT/3/punct")
                 .sentence(
                     "It/PRON/2/nsubj works/VERB/6/ccomp ,/PUNCT/2/punct \"/PUNCT/2/punct Doe/PROPN/6/nsubj "
                     "said/VERB/0/root/VBD/say ./PUNCT/6/punct")
                 .sentence(
                     "\"/PUNCT/3/punct We/PRON/3/nsubj/PRP disagree/VERB/6/ccomp ,/PUNCT/3/punct "
                     "\"/PUNCT/3/punct Acme/PROPN/7/nsubj said/VERB/0/root/VBD/say ./PUNCT/7/punct")
                 .sentence("I/PRON/2/nsubj/PRP left/VERB/0/root ./PUNCT/2/punct")  // outside any quotation
                 .mention(1, 5, 6, "PER")
                 .mention(2, 6, 7, "ORG")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "I"), "Doe");
  EXPECT_EQ(entity_of(doc, "We"), "Acme");
  EXPECT_EQ(entity_of(doc, "I", 1), "(no mention 'I')");
}

TEST(Sieve, APluralPronounNamesTheGroupASubjectIntroduced) {
  // Each case: the second sentence, and the label "they" / "them" takes ("-": none).
  struct Case {
    const char* second;
    const char* probe;
    const char* label;
  };
  const std::vector<Case> cases = {
      // A chain: "they" bound to the group carries it to the next "they".
      {"They/PRON/2/nsubj/PRP landed/VERB/0/root ./PUNCT/2/punct", "They", "rescue crew"},
      // A collective noun without a modifier, naming no earlier group, is too vague to be a node.
      {"The/DET/2/det staff/NOUN/3/nsubj/NN left/VERB/0/root ./PUNCT/3/punct They/PRON/5/nsubj/PRP "
       "landed/VERB/3/parataxis ./PUNCT/3/punct",
       "They", "-"},
      // A quantified group is no one group.
      {"Many/ADJ/2/amod/JJ/many schools/NOUN/3/nsubj/NNS/school said/VERB/0/root they/PRON/5/nsubj/PRP "
       "close/VERB/3/ccomp ./PUNCT/3/punct",
       "they", "-"},
      // An object pronoun never takes its own clause's subject.
      {"Local/ADJ/2/amod doctors/NOUN/3/nsubj/NNS/doctor thanked/VERB/0/root them/PRON/3/obj/PRP ./PUNCT/3/punct",
       "them", "rescue crew"},
      // A unit of measure is no group.
      {"It/PRON/2/nsubj flew/VERB/0/root 40/NUM/4/nummod/CD miles/NOUN/2/obl/NNS/mile ./PUNCT/2/punct "
       "They/PRON/7/nsubj/PRP waited/VERB/2/parataxis ./PUNCT/2/punct",
       "They", "rescue crew"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.second);
    auto doc = DocBuilder()
                   .sentence(
                       "The/DET/3/det rescue/NOUN/3/compound crew/NOUN/4/nsubj/NN flew/VERB/0/root "
                       "north/ADV/4/advmod ./PUNCT/4/punct")
                   .sentence(c.second)
                   .build();
    resolve_coreference(doc, tables());
    std::string got = entity_of(doc, c.probe);
    EXPECT_EQ(got.rfind("(no mention", 0) == 0 ? "-" : got, c.label);
  }
}

TEST(Sieve, ADefiniteDescriptionOfAGroupNamesTheMostMentionedFittingGroup) {
  // "the crew" after two phrases naming the Irish crew and one the Dutch crew: the Irish one,
  // though the Dutch crew came last; "the crews" (plural) and a capitalised noun inside a name
  // name none of them.
  auto doc = DocBuilder()
                 .sentence("The/DET/3/det Irish/ADJ/3/amod crew/NOUN/4/nsubj/NN rowed/VERB/0/root ./PUNCT/4/punct")
                 .sentence(
                     "An/DET/3/det Irish/ADJ/3/amod crew/NOUN/4/nsubj/NN won/VERB/0/root "
                     "Rowing/NOUN/6/compound Crews/NOUN/4/obj/NNS/crew ./PUNCT/4/punct")
                 .sentence("The/DET/3/det Dutch/ADJ/3/amod crew/NOUN/4/nsubj/NN lost/VERB/0/root ./PUNCT/4/punct")
                 .sentence("The/DET/2/det crew/NOUN/3/nsubj/NN celebrated/VERB/0/root ./PUNCT/3/punct")
                 .sentence("The/DET/2/det crews/NOUN/3/nsubj/NNS/crew rested/VERB/0/root ./PUNCT/3/punct")
                 .sentence("Many/ADJ/2/amod/JJ/many crews/NOUN/3/nsubj/NNS/crew left/VERB/0/root ./PUNCT/3/punct")
                 .sentence("The/DET/2/det crews/NOUN/3/nsubj/NNS/crew slept/VERB/0/root ./PUNCT/3/punct")
                 .sentence(
                     "Guards/NOUN/2/nsubj/NNS/guard asked/VERB/0/root the/DET/4/det crew/NOUN/2/obj/NN "
                     "to/PART/6/mark leave/VERB/2/xcomp ./PUNCT/2/punct")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "The crew"), "Irish crew");
  EXPECT_EQ(entity_of(doc, "The Dutch crew"), "(no mention 'The Dutch crew')");
  EXPECT_EQ(entity_of(doc, "The crews"), "(no mention 'The crews')");
  // "asked the crew to leave": the object and its clause stay one argument.
  EXPECT_EQ(entity_of(doc, "the crew"), "(no mention 'the crew')");
}

TEST(Sieve, TheyNamesASubjectOrganisationOnlyWhenNoPluralSubjectIntervenes) {
  auto doc = DocBuilder()
                 .sentence("Acme/PROPN/2/nsubj denied/VERB/0/root it/PRON/2/obj ./PUNCT/2/punct")
                 .sentence("Guards/NOUN/2/nsubj/NNS/guard left/VERB/0/root ./PUNCT/2/punct")
                 .sentence("They/PRON/2/nsubj/PRP added/VERB/0/root more/ADJ/2/obj ./PUNCT/2/punct")
                 .mention(0, 1, 2, "ORG")
                 .build();
  resolve_coreference(doc, tables());
  EXPECT_EQ(entity_of(doc, "They"), "(no mention 'They')");
}

TEST(Sieve, TheCityNamesACityNotARegion) {
  auto build = [](const std::string& subtype) {
    return DocBuilder()
        .sentence("Voters/NOUN/2/nsubj/NNS met/VERB/0/root in/ADP/4/case Varnholt/PROPN/2/obl ./PUNCT/2/punct")
        .sentence("The/DET/2/det city/NOUN/3/nsubj grew/VERB/0/root ./PUNCT/3/punct")
        .mention(0, 4, 5, "LOC", subtype)
        .build();
  };
  Document city = build("City"), region = build("Region");
  resolve_coreference(city, tables());
  resolve_coreference(region, tables());
  EXPECT_EQ(entity_of(city, "city"), "Varnholt");
  EXPECT_EQ(entity_of(region, "city"), "(no mention 'city')");
}

TEST(Sieve, DefiniteDescriptionRules) {
  struct Row {
    const char* rule;
    std::function<Document()> doc;
    const char* probe;
    const char* with;
    const char* without;
  };
  // Five sentences with no entity in them, to put distance between a name and its description.
  auto filler = [](DocBuilder& b) -> DocBuilder& {
    for (int k = 0; k < 6; ++k) b.sentence("Rain/NOUN/2/nsubj fell/VERB/0/root ./PUNCT/2/punct");
    return b;
  };
  const std::vector<Row> rows = {
      {"coref.definite_unique",
       [&] {
         DocBuilder b;
         b.sentence(
             "The/DET/2/det Church/PROPN/5/nsubj of/ADP/4/case Varn/PROPN/2/nmod grew/VERB/0/root "
             "./PUNCT/5/punct");
         filler(b);
         return b.sentence("The/DET/2/det church/NOUN/3/nsubj sued/VERB/0/root ./PUNCT/3/punct")
             .mention(0, 2, 5, "ORG")
             .build();
       },
       "church", "Church of Varn", "(no mention 'church')"},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.rule);
    Document on = r.doc(), off = r.doc();
    resolve_coreference(on, tables());
    resolve_coreference(off, tables(), {r.rule});
    EXPECT_EQ(entity_of(on, r.probe), r.with);
    EXPECT_EQ(entity_of(off, r.probe), r.without);
  }
  // Far away, two churches fit: "the church" stays unresolved.
  DocBuilder b;
  b.sentence("The/DET/2/det Church/PROPN/5/nsubj of/ADP/4/case Varn/PROPN/2/nmod grew/VERB/0/root ./PUNCT/5/punct")
      .sentence("The/DET/2/det Church/PROPN/5/nsubj of/ADP/4/case Olm/PROPN/2/nmod shrank/VERB/0/root ./PUNCT/5/punct");
  filler(b);
  Document two = b.sentence("The/DET/2/det church/NOUN/3/nsubj sued/VERB/0/root ./PUNCT/3/punct")
                     .mention(0, 2, 5, "ORG")
                     .mention(1, 2, 5, "ORG")
                     .build();
  resolve_coreference(two, tables());
  EXPECT_EQ(entity_of(two, "church"), "(no mention 'church')");
  // The far look-back has a reach (kUniqueDescriptionReach sentences): past it, a long document's
  // description stays unresolved, which keeps one very long document linear.
  for (int gap : {10, relgraph::coref_impl::kUniqueDescriptionReach + 5}) {
    SCOPED_TRACE(gap);
    DocBuilder far;
    far.sentence("The/DET/2/det Church/PROPN/5/nsubj of/ADP/4/case Varn/PROPN/2/nmod grew/VERB/0/root ./PUNCT/5/punct");
    for (int k = 0; k < gap; ++k) far.sentence("Rain/NOUN/2/nsubj fell/VERB/0/root ./PUNCT/2/punct");
    Document d = far.sentence("The/DET/2/det church/NOUN/3/nsubj sued/VERB/0/root ./PUNCT/3/punct")
                     .mention(0, 2, 5, "ORG")
                     .build();
    resolve_coreference(d, tables());
    EXPECT_EQ(entity_of(d, "church"), gap == 10 ? "Church of Varn" : "(no mention 'church')");
  }
  // A role's head is its last word or the word before its preposition: "the match" is no "match referee".
  auto referee = DocBuilder()
                     .sentence(
                         "Match/PROPN/2/compound referee/NOUN/4/compound Jo/PROPN/4/compound Arn/PROPN/5/nsubj "
                         "whistled/VERB/0/root ./PUNCT/5/punct")
                     .sentence("The/DET/2/det referee/NOUN/3/nsubj left/VERB/0/root ./PUNCT/3/punct")
                     .sentence("The/DET/2/det match/NOUN/3/nsubj ended/VERB/0/root ./PUNCT/3/punct")
                     .mention(0, 3, 5, "PER")
                     .build();
  resolve_coreference(referee, tables());
  EXPECT_EQ(entity_of(referee, "referee"), "Jo Arn");
  EXPECT_EQ(entity_of(referee, "match"), "(no mention 'match')");
}

TEST(Sieve, ABracketAcronymKeepsItsTypeWhereTheRecogniserCalledItAPerson) {
  auto build = [] {
    return DocBuilder()
        .sentence(
            "The/DET/4/det Varn/PROPN/4/compound News/PROPN/4/compound Agency/PROPN/8/nsubj (/PUNCT/6/punct "
            "VNA/PROPN/4/appos )/PUNCT/6/punct reported/VERB/0/root ./PUNCT/8/punct")
        .sentence(
            "Rain/NOUN/2/nsubj fell/VERB/4/ccomp ,/PUNCT/4/punct said/VERB/0/root VNA/PROPN/4/nsubj ./PUNCT/4/punct")
        .mention(0, 2, 5, "ORG")
        .mention(0, 6, 7, "PER")  // both the bracketed and the later acronym tagged as persons
        .mention(1, 5, 6, "PER")
        .build();
  };
  Document on = build(), off = build();
  resolve_coreference(on, tables());
  resolve_coreference(off, tables(), {"coref.acronym_retype"});
  EXPECT_EQ(entity_of(on, "VNA"), "Varn News Agency");
  EXPECT_EQ(entity_of(on, "VNA", 1), "Varn News Agency");
  EXPECT_EQ(entity_of(off, "VNA", 1), "VNA");
}

TEST(Sieve, WordListsComeFromTheLexicon) {
  auto words = tables().words;
  EXPECT_EQ(words.value("personal_pronouns", "her"), "female");
  EXPECT_TRUE(words.in("state_agent_nouns", "government"));
  EXPECT_TRUE(words.is_definite_article("The"));
  EXPECT_FALSE(words.is_definite_article("a"));
  EXPECT_TRUE(words.is_article("an"));
  EXPECT_TRUE(words.is_singular_definite("That"));
  EXPECT_FALSE(words.is_singular_definite("these"));
  EXPECT_FALSE(words.is_singular_definite("his"));
  EXPECT_THROW(load_coref_words(detail::Resources::shared(std::string(RELGRAPH_SOURCE_DIR) + "/tests")), Error);
}

}  // namespace
}  // namespace relgraph

namespace relgraph {
namespace {

Argument span_arg(const Document& doc, int first, int last, int head) {
  Argument a;
  const auto& toks = doc.sentences[0].tokens;
  a.span = {0, first, last, toks[first].begin, toks[last - 1].end};
  a.head = head;
  a.text = doc.text.substr(a.span.begin, a.span.end - a.span.begin);
  return a;
}

TEST(Descriptions, RelativePronounsAndTheirAntecedent) {
  // "30 farmers , half of whom joined Acme"
  Document doc = DocBuilder()
                     .sentence(
                         "30/NUM/2/nummod farmers/NOUN/0/root ,/PUNCT/4/punct half/NOUN/7/nsubj of/ADP/6/case "
                         "whom/PRON/4/nmod joined/VERB/2/dep Acme/PROPN/7/obj")
                     .build();
  struct Case {
    int first, last, word;
    bool after_of;
  };
  for (const Case& c : std::vector<Case>{{3, 6, 5, true}, {5, 7, 5, false}, {0, 2, -1, false}}) {
    auto r = detail::relative_pronoun_in(doc, span_arg(doc, c.first, c.last, c.first));
    EXPECT_EQ(r.word, c.word) << c.first;
    EXPECT_EQ(r.after_of, c.after_of) << c.first;
  }
  EXPECT_EQ(detail::relative_antecedent(doc, 0, 3), "30 farmers");
  EXPECT_EQ(detail::relative_antecedent(doc, 0, 5), "");  // "of" is no noun
}

TEST(Descriptions, AppositiveAnchorAndBareDefinites) {
  // "debate over the bases , a claim which Acme denied"
  Document doc = DocBuilder()
                     .sentence(
                         "debate/NOUN/0/root over/ADP/4/case the/DET/4/det bases/NOUN/1/nmod ,/PUNCT/7/punct "
                         "a/DET/7/det claim/NOUN/1/appos which/PRON/10/obj Acme/PROPN/10/nsubj denied/VERB/7/acl:relcl")
                     .build();
  EXPECT_EQ(detail::appositive_anchor(doc, span_arg(doc, 5, 7, 6)), 0);
  EXPECT_EQ(detail::appositive_anchor(doc, span_arg(doc, 2, 4, 3)), -1);  // "the bases" is no apposition
  auto the_bases = detail::description_of(doc, span_arg(doc, 2, 4, 3));
  EXPECT_EQ(the_bases.head_lemma, "bases");
  EXPECT_TRUE(the_bases.bare_definite);
  EXPECT_FALSE(detail::description_of(doc, span_arg(doc, 5, 7, 6)).bare_definite);  // "a claim"
  EXPECT_TRUE(detail::compound_names("wargame", "game"));
  EXPECT_FALSE(detail::compound_names("cooperation", "operation"));
  EXPECT_FALSE(detail::compound_names("endgame", "end"));
}

}  // namespace
}  // namespace relgraph
