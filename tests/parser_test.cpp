// Tests for src/parse: the pseudo-projective transform, the arc-hybrid
// dynamic oracle, a tiny model trained inline (smoke), model files and the
// pipeline stage. Accuracy on EWT lives in parser_accuracy_test.cpp.
#include "parse/parser.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "core/perceptron_trainer.hpp"
#include "parse/features.hpp"
#include "parse/parser_trainer.hpp"
#include "parse/projective.hpp"
#include "parse/repair.hpp"
#include "parse/transition.hpp"
#include "parse/weights.hpp"
#include "relgraph/error.hpp"
#include "support/builders.hpp"
#include "text/conllu.hpp"

using namespace relgraph;
namespace rgt = relgraph::testing;

namespace {

// Hand-written trees; the last two are non-projective.
const char* const kTreebank = R"(# sent_id = s1
# text = The cat sat on the mat.
1	The	the	DET	DT	_	2	det	_	_
2	cat	cat	NOUN	NN	_	3	nsubj	_	_
3	sat	sit	VERB	VBD	_	0	root	_	_
4	on	on	ADP	IN	_	6	case	_	_
5	the	the	DET	DT	_	6	det	_	_
6	mat	mat	NOUN	NN	_	3	obl	_	SpaceAfter=No
7	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = s2
# text = She was given a book by him yesterday.
1	She	she	PRON	PRP	_	3	nsubj:pass	_	_
2	was	be	AUX	VBD	_	3	aux:pass	_	_
3	given	give	VERB	VBN	_	0	root	_	_
4	a	a	DET	DT	_	5	det	_	_
5	book	book	NOUN	NN	_	3	obj	_	_
6	by	by	ADP	IN	_	7	case	_	_
7	him	he	PRON	PRP	_	3	obl:agent	_	_
8	yesterday	yesterday	NOUN	NN	_	3	obl:tmod	_	SpaceAfter=No
9	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = s3
# text = Old men and young women like big dogs that bark loudly.
1	Old	old	ADJ	JJ	_	2	amod	_	_
2	men	man	NOUN	NNS	_	6	nsubj	_	_
3	and	and	CCONJ	CC	_	5	cc	_	_
4	young	young	ADJ	JJ	_	5	amod	_	_
5	women	woman	NOUN	NNS	_	2	conj	_	_
6	like	like	VERB	VBP	_	0	root	_	_
7	big	big	ADJ	JJ	_	8	amod	_	_
8	dogs	dog	NOUN	NNS	_	6	obj	_	_
9	that	that	PRON	WDT	_	10	nsubj	_	_
10	bark	bark	VERB	VBP	_	8	acl:relcl	_	_
11	loudly	loudly	ADV	RB	_	10	advmod	_	SpaceAfter=No
12	.	.	PUNCT	.	_	6	punct	_	_

# sent_id = s4
# text = A hearing is scheduled on the issue today.
1	A	a	DET	DT	_	2	det	_	_
2	hearing	hearing	NOUN	NN	_	4	nsubj:pass	_	_
3	is	be	AUX	VBZ	_	4	aux:pass	_	_
4	scheduled	schedule	VERB	VBN	_	0	root	_	_
5	on	on	ADP	IN	_	7	case	_	_
6	the	the	DET	DT	_	7	det	_	_
7	issue	issue	NOUN	NN	_	2	nmod	_	_
8	today	today	NOUN	NN	_	4	obl:tmod	_	SpaceAfter=No
9	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = s5
# text = What did you say he bought?
1	What	what	PRON	WP	_	6	obj	_	_
2	did	do	AUX	VBD	_	4	aux	_	_
3	you	you	PRON	PRP	_	4	nsubj	_	_
4	say	say	VERB	VB	_	0	root	_	_
5	he	he	PRON	PRP	_	6	nsubj	_	_
6	bought	buy	VERB	VBD	_	4	ccomp	_	SpaceAfter=No
7	?	?	PUNCT	.	_	4	punct	_	_

)";

std::vector<Sentence> treebank() { return read_conllu(kTreebank, "inline").sentences; }

std::vector<int> heads_of(const Sentence& s) {
  std::vector<int> h;
  for (const auto& t : s.tokens) h.push_back(t.head);
  return h;
}
std::vector<std::string> labels_of(const Sentence& s) {
  std::vector<std::string> l;
  for (const auto& t : s.tokens) l.push_back(t.deprel);
  return l;
}

// One root, every head in range, no cycle.
bool is_tree(const Sentence& s) {
  const int n = static_cast<int>(s.tokens.size());
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    int h = s.tokens[d - 1].head;
    if (h < 0 || h > n || h == d) return false;
    if (h == 0) ++roots;
    int k = d;
    for (int steps = 0; k != 0; ++steps) {
      if (steps > n) return false;
      k = s.tokens[k - 1].head;
    }
  }
  return roots == 1;
}

// The label set and gold arrays of `s` in the State's numbering.
struct Gold {
  std::vector<std::string> labels;
  int root = 0;
  std::vector<int> head, label;
  std::vector<std::vector<int>> children;
  explicit Gold(const std::vector<int>& heads, const std::vector<std::string>& rels) {
    const int n = static_cast<int>(heads.size());
    children.resize(n + 1);
    for (int d = 0; d < n; ++d) {
      auto it = std::find(labels.begin(), labels.end(), rels[d]);
      if (it == labels.end()) it = labels.insert(labels.end(), rels[d]);
      label.push_back(static_cast<int>(it - labels.begin()));
      head.push_back(heads[d] == 0 ? n : heads[d] - 1);
      children[head.back()].push_back(d);
    }
    head.push_back(-1);
    label.push_back(-1);
    root = static_cast<int>(std::find(labels.begin(), labels.end(), "root") - labels.begin());
  }
  int num_labels() const { return static_cast<int>(labels.size()); }
};

// Takes `wild` random allowed transitions (summing their oracle costs), then
// any zero-cost ones; returns {summed cost, labelled errors of the result}.
std::pair<int, int> run_oracle(const Gold& g, int wild, std::mt19937& rng, parse::State* out = nullptr) {
  const int n = static_cast<int>(g.head.size()) - 1;
  parse::State st;
  st.reset(n);
  std::vector<int> costs;
  int total = 0;
  for (int step = 0; !st.terminal(); ++step) {
    parse::oracle_costs(st, g.head, g.label, g.children, g.num_labels(), g.root, costs);
    std::vector<int> pick;
    for (std::size_t t = 0; t < costs.size(); ++t)
      if (costs[t] >= 0 && (step < wild || costs[t] == 0)) pick.push_back(static_cast<int>(t));
    EXPECT_FALSE(pick.empty()) << "no zero-cost transition at step " << step;
    if (pick.empty()) break;
    int t = pick[rng() % pick.size()];
    total += costs[t];
    st.apply(t, parse::label_of(t) < 0 ? 0 : parse::label_of(t));
  }
  int errors = 0;
  for (int d = 0; d < n; ++d) errors += st.head[d] != g.head[d] || st.label[d] != g.label[d];
  if (out) *out = st;
  return {total, errors};
}

Parser train_tiny(int iterations = 12) {
  ParserTrainOptions o;
  o.iterations = iterations;
  o.min_lift_count = 1;
  return train_parser(treebank(), {}, o);
}

}  // namespace

// Repairs of parser output: words (form/UPOS), heads and labels before -> after.
struct RepairCase {
  const char* name;
  std::vector<std::string> forms, upos;
  std::vector<int> heads;
  std::vector<std::string> labels;
  std::vector<int> want_heads;
  std::vector<std::string> want_labels;
};

TEST(Repair, TurnsAroundAdpositionsAndReattachesPurposeClauses) {
  const std::vector<RepairCase> cases = {
      {"adposition governing a name",
       {"He", "met", "with", "Foreign", "Minister", "Lee"},
       {"PRON", "VERB", "ADP", "PROPN", "PROPN", "PROPN"},
       {2, 0, 2, 3, 4, 4},
       {"nsubj", "root", "obl", "obj", "flat", "flat"},
       {2, 0, 4, 2, 4, 4},
       {"nsubj", "root", "case", "obl", "flat", "flat"}},
      {"well-formed case marking is left alone",
       {"He", "met", "with", "Lee"},
       {"PRON", "VERB", "ADP", "PROPN"},
       {2, 0, 4, 2},
       {"nsubj", "root", "case", "obl"},
       {2, 0, 4, 2},
       {"nsubj", "root", "case", "obl"}},
      {"infinitive hanging from a name",
       {"He", "met", "Lee", "to", "discuss", "trade"},
       {"PRON", "VERB", "PROPN", "PART", "VERB", "NOUN"},
       {2, 0, 2, 5, 3, 5},
       {"nsubj", "root", "obj", "mark", "acl", "obj"},
       {2, 0, 2, 5, 2, 5},
       {"nsubj", "root", "obj", "mark", "advcl", "obj"}},
  };
  for (const auto& c : cases) {
    auto heads = c.heads;
    auto labels = c.labels;
    parse::repair_adpositions(heads, labels, c.upos);
    parse::repair_name_purpose(heads, labels, c.upos, c.forms);
    EXPECT_EQ(heads, c.want_heads) << c.name;
    EXPECT_EQ(labels, c.want_labels) << c.name;
  }
}

TEST(Repair, ListContinuedAfterAComma) {
  // "from Iraq , Syria and Libya" with "Syria" read as the verb's object.
  std::vector<std::string> forms = {"left", "from", "Iraq", ",", "Syria", "and", "Libya"};
  std::vector<std::string> upos = {"VERB", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN"};
  std::vector<int> heads = {0, 3, 1, 1, 1, 7, 5};
  std::vector<std::string> labels = {"root", "case", "obl", "punct", "obj", "cc", "conj"};
  EXPECT_EQ(parse::repair_lists(heads, labels, upos, forms), 1);
  EXPECT_EQ(heads, (std::vector<int>{0, 3, 1, 5, 3, 7, 3}));
  EXPECT_EQ(labels, (std::vector<std::string>{"root", "case", "obl", "punct", "conj", "cc", "conj"}));
}

TEST(Repair, TwoAdjacentSubjectsAreACompound) {
  std::vector<std::string> upos = {"ADJ", "NOUN", "NOUN", "VERB"};
  std::vector<int> heads = {2, 4, 4, 0};
  std::vector<std::string> labels = {"amod", "nsubj", "nsubj", "root"};
  EXPECT_EQ(parse::repair_double_subjects(heads, labels, upos), 1);
  EXPECT_EQ(heads, (std::vector<int>{2, 3, 4, 0}));
  EXPECT_EQ(labels, (std::vector<std::string>{"amod", "compound", "nsubj", "root"}));
  // "UN[nsubj] Envoy Lee[nsubj] said": the phrases touch, the first modifies the second.
  std::vector<std::string> upos2 = {"PROPN", "PROPN", "PROPN", "VERB"};
  std::vector<int> h2 = {4, 3, 4, 0};
  std::vector<std::string> l2 = {"nsubj", "nmod:desc", "nsubj", "root"};
  EXPECT_EQ(parse::repair_double_subjects(h2, l2, upos2), 1);
  EXPECT_EQ(h2, (std::vector<int>{3, 3, 4, 0}));
  // "Art[nsubj] and music[nsubj] thrive": a coordinator between them makes a conjunct.
  std::vector<std::string> upos4 = {"NOUN", "CCONJ", "NOUN", "VERB"};
  std::vector<int> h4 = {4, 3, 4, 0};
  std::vector<std::string> l4 = {"nsubj", "cc", "nsubj", "root"};
  EXPECT_EQ(parse::repair_double_subjects(h4, l4, upos4), 1);
  EXPECT_EQ(h4, (std::vector<int>{4, 3, 1, 0}));
  EXPECT_EQ(l4, (std::vector<std::string>{"nsubj", "cc", "conj", "root"}));
  // "US[nsubj] aircraft[compound] use[VERB] bases": a verb takes no compound noun;
  // the noun is the subject's head and the subject its modifier.
  std::vector<std::string> upos5 = {"PROPN", "NOUN", "VERB", "NOUN"};
  std::vector<int> h5 = {3, 3, 0, 3};
  std::vector<std::string> l5 = {"nsubj", "compound", "root", "obj"};
  EXPECT_EQ(parse::repair_double_subjects(h5, l5, upos5), 1);
  EXPECT_EQ(h5, (std::vector<int>{2, 3, 0, 3}));
  EXPECT_EQ(l5, (std::vector<std::string>{"compound", "nsubj", "root", "obj"}));
  // A compound:prt ("give[VERB] up") or a compound of a noun is no subject.
  std::vector<std::string> upos6 = {"PROPN", "NOUN", "NOUN", "VERB"};
  std::vector<int> h6 = {4, 3, 4, 0};
  std::vector<std::string> l6 = {"nsubj", "compound", "obj", "root"};
  EXPECT_EQ(parse::repair_double_subjects(h6, l6, upos6), 0);
  // Subjects of one head that do not touch (a misparse elsewhere) are left alone.
  std::vector<std::string> upos3 = {"NOUN", "VERB", "NOUN", "VERB"};
  std::vector<int> h3 = {4, 4, 4, 0};
  std::vector<std::string> l3 = {"nsubj", "aux", "nsubj", "root"};
  EXPECT_EQ(parse::repair_double_subjects(h3, l3, upos3), 0);
}

TEST(Repair, ACompoundNounOfAVerbIsItsSubject) {
  // saying US[iobj of saying] aircraft[compound] use[xcomp] bases
  std::vector<std::string> upos = {"VERB", "PROPN", "NOUN", "VERB", "NOUN"};
  std::vector<int> heads = {0, 1, 4, 1, 4};
  std::vector<std::string> labels = {"root", "iobj", "compound", "xcomp", "obj"};
  EXPECT_EQ(parse::repair_verb_compounds(heads, labels, upos), 1);
  EXPECT_EQ(heads, (std::vector<int>{0, 3, 4, 1, 4}));
  EXPECT_EQ(labels, (std::vector<std::string>{"root", "compound", "nsubj", "ccomp", "obj"}));
  // A verb that has a subject keeps its (odd) compound; nouns' compounds are untouched.
  std::vector<std::string> upos2 = {"PRON", "NOUN", "VERB", "NOUN", "NOUN"};
  std::vector<int> h2 = {3, 3, 0, 5, 3};
  std::vector<std::string> l2 = {"nsubj", "compound", "root", "compound", "obj"};
  EXPECT_EQ(parse::repair_verb_compounds(h2, l2, upos2), 0);
}

TEST(Repair, ADeterminedPhraseAfterACommaAndANameIsItsApposition) {
  // said[root] links[obj] to al Shabaab , the militant group[parataxis of said] .
  std::vector<std::string> forms = {"said", "links", "to", "Shabaab", ",", "the", "militant", "group", "."};
  std::vector<std::string> upos = {"VERB", "NOUN", "ADP", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT"};
  std::vector<int> heads = {0, 1, 4, 2, 8, 8, 8, 1, 1};
  std::vector<std::string> labels = {"root", "obj", "case", "nmod", "punct", "det", "amod", "parataxis", "punct"};
  EXPECT_EQ(parse::repair_loose_appositions(heads, labels, upos, forms), 1);
  EXPECT_EQ(heads[7], 4);
  EXPECT_EQ(labels[7], "appos");
  // Without a determiner it is left alone ("…, militant groups said").
  std::vector<std::string> upos2 = {"VERB", "NOUN", "ADP", "PROPN", "PUNCT", "ADJ", "ADJ", "NOUN", "PUNCT"};
  std::vector<int> h2 = {0, 1, 4, 2, 8, 8, 8, 1, 1};
  std::vector<std::string> l2 = {"root", "obj", "case", "nmod", "punct", "amod", "amod", "parataxis", "punct"};
  EXPECT_EQ(parse::repair_loose_appositions(h2, l2, upos2, forms), 0);
  // "after death of Amini , a student ." with the apposition hung on "death": it is Amini's.
  std::vector<std::string> f3 = {"after", "death", "of", "Amini", ",", "a", "student", "."};
  std::vector<std::string> u3 = {"ADP", "NOUN", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT"};
  std::vector<int> h3 = {2, 0, 4, 2, 7, 7, 2, 2};
  std::vector<std::string> l3 = {"case", "root", "case", "nmod", "punct", "det", "appos", "punct"};
  EXPECT_EQ(parse::repair_loose_appositions(h3, l3, u3, f3), 1);
  EXPECT_EQ(h3[6], 4);
  // Not when the phrase does not end the sentence: ", a claim which …, saying …" may sum up the clause.
  std::vector<std::string> f4 = {"debate", "on", "Tunisia", ",", "a", "claim", ",", "saying", "so", "."};
  std::vector<std::string> u4 = {"NOUN", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "ADV", "PUNCT"};
  std::vector<int> h4 = {0, 3, 1, 6, 6, 1, 8, 1, 8, 1};
  std::vector<std::string> l4 = {"root",      "case",  "nmod",  "punct",  "det",
                                 "parataxis", "punct", "advcl", "advmod", "punct"};
  EXPECT_EQ(parse::repair_loose_appositions(h4, l4, u4, f4), 0);
}

TEST(Repair, UncoordinatedConjunctAfterAnObjectIsTheDirectObject) {
  // fined Google 5 euros: "euros" read as a conjunct of "Google".
  std::vector<std::string> upos = {"VERB", "PROPN", "NUM", "NOUN"};
  std::vector<int> heads = {0, 1, 4, 2};
  std::vector<std::string> labels = {"root", "obj", "nummod", "conj"};
  EXPECT_EQ(parse::repair_double_objects(heads, labels, upos), 1);
  EXPECT_EQ(heads, (std::vector<int>{0, 1, 4, 1}));
  EXPECT_EQ(labels, (std::vector<std::string>{"root", "iobj", "nummod", "obj"}));
  // "Google and Apple": a real coordination stays.
  std::vector<std::string> upos2 = {"VERB", "PROPN", "CCONJ", "PROPN"};
  std::vector<int> h2 = {0, 1, 4, 2};
  std::vector<std::string> l2 = {"root", "obj", "cc", "conj"};
  EXPECT_EQ(parse::repair_double_objects(h2, l2, upos2), 0);
}

TEST(Repair, NeverLeavesACycle) {
  EXPECT_TRUE(parse::is_tree({2, 0, 2}));
  EXPECT_FALSE(parse::is_tree({2, 1, 0}));  // 1 <-> 2
  EXPECT_FALSE(parse::is_tree({0, 0}));     // two roots
  // A glued "L-R" whose right part hangs (through its noun) from the left
  // part: attaching L to R would close a loop, so the tree stays as it was.
  std::vector<std::string> upos = {"ADJ", "PUNCT", "ADJ", "NOUN"};
  std::vector<std::string> forms = {"Ruritanian", "-", "American", "trade"};
  std::vector<int> heads = {0, 1, 4, 1};
  std::vector<std::string> labels = {"root", "punct", "amod", "obj"};
  auto before = heads;
  parse::repair(heads, labels, upos, forms, {true, true, false, false});
  EXPECT_TRUE(parse::is_tree(heads));
  EXPECT_EQ(heads, before);
}

TEST(Repair, FrontedPrepositionalPhraseIsNoSubject) {
  // "During[mark] 1990[nsubj] trade[nsubj] fell"
  std::vector<std::string> upos = {"ADP", "NUM", "NOUN", "VERB"};
  std::vector<int> heads = {4, 4, 4, 0};
  std::vector<std::string> labels = {"mark", "nsubj", "nsubj", "root"};
  EXPECT_EQ(parse::repair_fronted_obliques(heads, labels, upos), 1);
  EXPECT_EQ(heads, (std::vector<int>{2, 4, 4, 0}));
  EXPECT_EQ(labels, (std::vector<std::string>{"case", "obl", "nsubj", "root"}));
}

TEST(Repair, APossessorGovernsNoPossessedNoun) {
  // "met Peru 's minister Lee" with "Lee" hung under "Peru".
  std::vector<std::string> upos = {"VERB", "PROPN", "PART", "NOUN", "PROPN"};
  std::vector<std::string> forms = {"met", "Peru", "'s", "minister", "Lee"};
  std::vector<int> heads = {0, 1, 2, 5, 2};
  std::vector<std::string> labels = {"root", "obj", "case", "compound", "nmod"};
  EXPECT_EQ(parse::repair_possessives(heads, labels, upos, forms), 1);
  EXPECT_EQ(heads, (std::vector<int>{0, 5, 2, 5, 1}));
  EXPECT_EQ(labels, (std::vector<std::string>{"root", "nmod:poss", "case", "compound", "obj"}));
}

TEST(Repair, GluedHyphenatedModifierModifiesItsRightPart) {
  // discuss Ruritanian-American trade: "Ruritanian" was taken as the object.
  std::vector<std::string> upos = {"VERB", "ADJ", "PUNCT", "ADJ", "NOUN"};
  std::vector<int> heads = {0, 1, 5, 5, 1};
  std::vector<std::string> labels = {"root", "obj", "punct", "amod", "parataxis"};
  std::vector<bool> glued = {false, true, true, false, false};
  EXPECT_EQ(parse::repair_hyphen_compounds(heads, labels, upos, glued), 1);
  EXPECT_EQ(heads, (std::vector<int>{0, 4, 2, 5, 1}));
  EXPECT_EQ(labels, (std::vector<std::string>{"root", "amod", "punct", "amod", "obj"}));
  // With spaces around the hyphen nothing changes.
  std::vector<bool> spaced(5, false);
  std::vector<int> h2 = {0, 1, 5, 5, 1};
  auto l2 = std::vector<std::string>{"root", "obj", "punct", "amod", "parataxis"};
  EXPECT_EQ(parse::repair_hyphen_compounds(h2, l2, upos, spaced), 0);
}

TEST(Projective, DetectsCrossingArcs) {
  struct Case {
    std::vector<int> heads;
    bool projective;
  };
  const Case cases[] = {
      {{2, 3, 0, 6, 6, 3, 3}, true},
      {{2, 4, 4, 0, 7, 7, 2, 4, 4}, false},  // hearing ... issue
      {{6, 4, 4, 0, 6, 4, 4}, false},        // What did you say he bought
      {{0}, true},
      {{2, 0, 2}, true},
      {{3, 0, 2}, false},     // 3 -> 1 covers the root
      {{3, 4, 0, 3}, false},  // 2 -> 4 crosses 1 -> 3
  };
  for (const auto& c : cases)
    EXPECT_EQ(parse::is_projective(c.heads), c.projective) << ::testing::PrintToString(c.heads);
}

TEST(Projective, LiftsAndRestoresNonProjectiveTrees) {
  for (const auto& s : treebank()) {
    auto heads = heads_of(s);
    auto labels = labels_of(s);
    int lifts = parse::projectivize(heads, labels);
    EXPECT_TRUE(parse::is_projective(heads)) << s.comments.at("sent_id");
    EXPECT_EQ(lifts > 0, !parse::is_projective(heads_of(s))) << s.comments.at("sent_id");
    parse::deprojectivize(heads, labels);
    EXPECT_EQ(heads, heads_of(s)) << s.comments.at("sent_id");
    EXPECT_EQ(labels, labels_of(s)) << s.comments.at("sent_id");
  }
  std::vector<int> heads{2, 4, 4, 0, 7, 7, 2, 4, 4};
  std::vector<std::string> labels{"det", "nsubj:pass", "aux:pass", "root", "case", "det", "nmod", "obl:tmod", "punct"};
  EXPECT_EQ(parse::projectivize(heads, labels), 1);
  EXPECT_EQ(heads[6], 4);
  EXPECT_EQ(labels[6], "nmod|nsubj:pass");
}

TEST(Projective, RejectsMalformedTrees) {
  std::vector<std::string> labels{"a", "b", "c"};
  std::vector<int> cycle{2, 3, 2}, out_of_range{0, 7, 1};
  EXPECT_THROW(parse::projectivize(cycle, labels), Error);
  EXPECT_THROW(parse::projectivize(out_of_range, labels), Error);
}

TEST(Oracle, ReproducesGoldTrees) {
  std::mt19937 rng(7);
  for (const auto& s : treebank()) {
    auto heads = heads_of(s);
    auto labels = labels_of(s);
    parse::projectivize(heads, labels);
    Gold g(heads, labels);
    for (int run = 0; run < 20; ++run) {
      parse::State st;
      auto [cost, errors] = run_oracle(g, 0, rng, &st);
      EXPECT_EQ(cost, 0);
      EXPECT_EQ(errors, 0) << s.comments.at("sent_id");
      // Back in CoNLL-U numbering, undoing the lifts gives the original tree.
      const int n = st.n;
      std::vector<int> got(n);
      std::vector<std::string> rels(n);
      for (int d = 0; d < n; ++d) {
        got[d] = st.head[d] == n ? 0 : st.head[d] + 1;
        rels[d] = g.labels[st.label[d]];
      }
      parse::deprojectivize(got, rels);
      EXPECT_EQ(got, heads_of(s)) << s.comments.at("sent_id");
      EXPECT_EQ(rels, labels_of(s)) << s.comments.at("sent_id");
    }
  }
}

// Arc-decomposition: the costs of the transitions taken are exactly the arcs
// lost, so after random mistakes the oracle's completion has that many errors.
TEST(Oracle, CostsCountLostArcs) {
  std::mt19937 rng(11);
  for (const auto& s : treebank()) {
    auto heads = heads_of(s);
    auto labels = labels_of(s);
    parse::projectivize(heads, labels);
    Gold g(heads, labels);
    for (int run = 0; run < 200; ++run) {
      auto [cost, errors] = run_oracle(g, 1 + run % 12, rng);
      EXPECT_EQ(cost, errors) << s.comments.at("sent_id") << " run " << run;
    }
  }
}

TEST(Oracle, ReproducesEwtTrainTrees) {
  auto path = rgt::data_file("ud-english-ewt/en_ewt-ud-dev.conllu");
  if (path.empty()) GTEST_SKIP() << "EWT data absent";
  std::mt19937 rng(3);
  std::size_t sentences = 0, restored = 0;
  for (const auto& s : read_conllu_file(path).sentences) {
    auto heads = heads_of(s);
    auto labels = labels_of(s);
    parse::projectivize(heads, labels);
    Gold g(heads, labels);
    auto [cost, errors] = run_oracle(g, 0, rng);
    ASSERT_EQ(errors, 0) << s.comments.at("sent_id");
    parse::deprojectivize(heads, labels);
    ++sentences;
    restored += heads == heads_of(s) && labels == labels_of(s);
  }
  // The head encoding is lossy in rare ambiguous cases.
  EXPECT_GE(restored, sentences * 998 / 1000) << restored << " of " << sentences;
}

TEST(Parser, TinyModelLearnsItsTrainingTrees) {
  Parser parser = train_tiny();
  auto gold = treebank();
  auto scores = evaluate_parser(parser, gold);
  EXPECT_GE(scores.uas(), 95.0);
  EXPECT_GE(scores.las(), 90.0);
  // An unseen sentence gets a well-formed tree.
  auto doc =
      rgt::make_document({"The/DET/DT", "dogs/NOUN/NNS", "like/VERB/VBP", "the/DET/DT", "cat/NOUN/NN", "./PUNCT/."});
  parser.parse(doc.sentences[0]);
  EXPECT_TRUE(is_tree(doc.sentences[0])) << rgt::dump_deps(doc.sentences[0]);
  for (const auto& t : doc.sentences[0].tokens) EXPECT_EQ(t.deprel.find('|'), std::string::npos);
}

TEST(PackedWeights, ScoreLikeThePerceptronAndShareItsBytes) {
  detail::PerceptronTrainer trainer(7);
  std::mt19937 rng(5);
  std::vector<std::vector<std::uint64_t>> sets;
  for (int i = 0; i < 300; ++i) {
    std::vector<std::uint64_t> f;
    for (int k = 0; k < 20; ++k) f.push_back(detail::feature(k, rng() % 60));
    trainer.update(f, static_cast<int>(rng() % 7), static_cast<int>(rng() % 7));
    trainer.tick();
    sets.push_back(std::move(f));
  }
  sets.push_back({detail::feature(99, 1), detail::feature(98, 2)});  // unknown features
  const detail::Perceptron perceptron = trainer.average();
  const parse::PackedWeights packed(perceptron);
  EXPECT_EQ(packed.num_features(), perceptron.num_features());
  EXPECT_EQ(packed.num_classes(), 7);
  detail::ModelWriter out("w", 1);
  packed.save(out);
  auto in1 = detail::ModelReader::from_bytes(out.bytes(), "w.bin", "w", 1);
  const parse::PackedWeights loaded = parse::PackedWeights::load(in1);
  in1.finish();
  auto in2 = detail::ModelReader::from_bytes(out.bytes(), "w.bin", "w", 1);
  const detail::Perceptron reread = detail::Perceptron::load(in2);  // same layout
  in2.finish();
  std::size_t nonzero = 0;
  for (const auto& f : sets) {
    std::vector<float> a(7), b(7), c(7), d(7);
    perceptron.score(f, a);
    packed.score(f, b.data());
    loaded.score(f, c.data());
    reread.score(f, d);
    EXPECT_EQ(a, b);
    EXPECT_EQ(a, c);
    EXPECT_EQ(a, d);
    for (float x : a) nonzero += x != 0.0f;
  }
  EXPECT_GT(nonzero, 100u);
  EXPECT_THROW(Parser().parse(treebank()[0]), Error);
}

TEST(Parser, TrainingIsDeterministic) { EXPECT_TRUE(train_tiny(4).to_bytes() == train_tiny(4).to_bytes()); }

TEST(Parser, EdgeCases) {
  Parser parser = train_tiny(4);
  Sentence empty;
  EXPECT_NO_THROW(parser.parse(empty));
  auto one = rgt::make_document({"Hello/INTJ/UH"});
  parser.parse(one.sentences[0]);
  EXPECT_EQ(one.sentences[0].tokens[0].head, 0);
  EXPECT_EQ(one.sentences[0].tokens[0].deprel, "root");
  // Untagged words and a very long sentence: a tree in linear time.
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back(i % 7 == 6 ? "and" : "word" + std::to_string(i % 50));
  auto doc = rgt::make_document(words);
  auto start = std::chrono::steady_clock::now();
  parser.parse(doc.sentences[0]);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(is_tree(doc.sentences[0]));
  EXPECT_LT(seconds, 5.0);
}

TEST(Parser, ConcurrentParsesAgree) {
  Parser parser = train_tiny(4);
  auto gold = treebank();
  std::vector<std::vector<Sentence>> outs(4, gold);
  std::vector<std::thread> threads;
  for (auto& out : outs)
    threads.emplace_back([&parser, &out] {
      for (int k = 0; k < 50; ++k)
        for (auto& s : out) parser.parse(s);
    });
  for (auto& t : threads) t.join();
  for (std::size_t i = 1; i < outs.size(); ++i)
    for (std::size_t s = 0; s < gold.size(); ++s) EXPECT_EQ(rgt::dump_deps(outs[i][s]), rgt::dump_deps(outs[0][s]));
}

TEST(ParserModel, SaveLoadRoundTrip) {
  Parser parser = train_tiny(4);
  auto dir = std::filesystem::temp_directory_path() / "rg_parser_test";
  std::filesystem::create_directories(dir);
  auto path = (dir / "parser.bin").string();
  parser.save(path);
  Parser loaded = Parser::load(path);
  EXPECT_TRUE(loaded.to_bytes() == parser.to_bytes());
  EXPECT_EQ(loaded.num_features(), parser.num_features());
  EXPECT_EQ(loaded.labels(), parser.labels());
  auto a = treebank(), b = treebank();
  for (auto& s : a) parser.parse(s);
  for (auto& s : b) loaded.parse(s);
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(rgt::dump_deps(a[i]), rgt::dump_deps(b[i]));

  // The stage loads parser.bin from the models directory.
  PipelineOptions options;
  options.models_dir = dir.string();
  auto stage = make_parser_stage(options);
  EXPECT_EQ(stage->needs(), (std::vector<Layer>{Layer::Tokens, Layer::Tags}));
  EXPECT_EQ(stage->adds(), std::vector<Layer>{Layer::Deps});
  Document doc;
  doc.sentences = treebank();
  stage->process(doc);
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(rgt::dump_deps(doc.sentences[i]), rgt::dump_deps(a[i]));
  std::filesystem::remove_all(dir);
}

// A parser trained with word classes keeps them in its file: the loaded copy
// parses the same, and the classes change what is learnt.
TEST(ParserModel, WordClassesTravelWithTheModel) {
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> packed;
  std::uint32_t n = 0;
  for (const auto& s : treebank())
    for (const auto& t : s.tokens) {
      std::string low = t.form;
      for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      keys.push_back(detail::hash_str(low));
      packed.push_back((n % 4) | (n % 16) << 8 | (n % 64) << 16);
      ++n;
    }
  detail::WordClusters clusters(keys, packed);
  ParserTrainOptions o;
  o.iterations = 4;
  o.min_lift_count = 1;
  o.clusters = &clusters;
  Parser with = train_parser(treebank(), {}, o);
  Parser loaded = Parser::from_bytes(with.to_bytes(), "mem");
  EXPECT_TRUE(loaded.to_bytes() == with.to_bytes());
  EXPECT_NE(with.num_features(), train_tiny(4).num_features());
  auto a = treebank(), b = treebank();
  for (auto& s : a) with.parse(s);
  for (auto& s : b) loaded.parse(s);
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(rgt::dump_deps(a[i]), rgt::dump_deps(b[i]));
}

TEST(ParserModel, CorruptModelsGiveClearErrors) {
  const std::string bytes = train_tiny(2).to_bytes();
  auto newer = bytes;
  newer[8] = 99;  // format version follows the 8-byte magic
  std::string other_component = detail::ModelWriter("tagger", 1).bytes();
  struct Case {
    std::string bytes, word;
  };
  const Case cases[] = {
      {"just some text, not a model", "bad magic"},
      {"", "bad magic"},
      {bytes.substr(0, bytes.size() / 2), "truncated"},
      {bytes.substr(0, 20), "truncated"},
      {bytes + "xx", "trailing"},
      {newer, "newer than this build"},
      {other_component, "not a 'parser' model"},
  };
  for (const auto& c : cases) {
    try {
      Parser::from_bytes(c.bytes, "bad.bin");
      ADD_FAILURE() << "accepted a model expected to fail with '" << c.word << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Model) << e.what();
      EXPECT_NE(std::string(e.what()).find("bad.bin"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(c.word), std::string::npos) << e.what();
    }
  }
  try {
    PipelineOptions options;
    options.models_dir = "/no/such/dir";
    make_parser_stage(options);
    ADD_FAILURE() << "loaded a missing model";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Model);
    EXPECT_NE(std::string(e.what()).find("/no/such/dir/parser.bin"), std::string::npos) << e.what();
  }
}

TEST(ParserTrainer, RejectsMalformedTrainingTrees) {
  auto bad = treebank();
  bad[1].tokens[4].head = 0;  // a second root
  try {
    train_parser(bad, {}, ParserTrainOptions{});
    ADD_FAILURE() << "accepted two roots";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("s2"), std::string::npos) << e.what();
  }
}
