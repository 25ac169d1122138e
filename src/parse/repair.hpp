// Deterministic repairs of parser output that break a UD invariant.
// Tests: tests/parser_test.cpp
#pragma once

#include <string>
#include <vector>

namespace relgraph::parse {

// All the repairs below, in order; if the result were no tree (one root, no
// cycle) the input is restored. glued[i]: no space after word i.
void repair(std::vector<int>& heads, std::vector<std::string>& labels, const std::vector<std::string>& upos,
            const std::vector<std::string>& forms, const std::vector<bool>& glued);

// True when heads (1-based, 0 = root) form one tree: one root, no cycle.
bool is_tree(const std::vector<int>& heads);

// An adposition that governs the nominal after it ("met with[obl] ->
// Minister[obj]") is turned around: the nominal takes the adposition's place
// in the tree and the adposition becomes its `case` marker. `heads` are
// 1-based (0 = root), `upos` and `labels` per word. Returns the repairs made.
int repair_adpositions(std::vector<int>& heads, std::vector<std::string>& labels, const std::vector<std::string>& upos);

// "met with[obl] John Smith to discuss[acl] trade": a name takes no
// infinitival modifier; the clause is a purpose adverbial of the verb the
// name depends on (advcl). Returns the repairs made.
int repair_name_purpose(std::vector<int>& heads, std::vector<std::string>& labels, const std::vector<std::string>& upos,
                        const std::vector<std::string>& forms);

// "Ruritanian-American trade": the left part of a hyphenated modifier written
// without spaces (glued[i]: no space after word i) modifies the right part,
// and gives the role it took back to the noun phrase. Returns the repairs made.
int repair_hyphen_compounds(std::vector<int>& heads, std::vector<std::string>& labels,
                            const std::vector<std::string>& upos, const std::vector<bool>& glued);

// "from Iraq, Syria[obj of the verb] and Libya": a name after a comma that
// heads "Y and Z" continues the list of the name before the comma; all
// conjuncts attach to the first (UD). Returns the repairs made.
int repair_lists(std::vector<int>& heads, std::vector<std::string>& labels, const std::vector<std::string>& upos,
                 const std::vector<std::string>& forms);

// "During[mark] the 1730s[nsubj] the relationship[nsubj] declined": a
// subject right after a preposition the parse gave the verb, with another
// subject beside it, is an oblique with that preposition. Returns the repairs made.
int repair_fronted_obliques(std::vector<int>& heads, std::vector<std::string>& labels,
                            const std::vector<std::string>& upos);

// "Human rights[nsubj] groups[nsubj] fear": two adjacent nominal subjects of
// one head are a compound and its head. Returns the repairs made.
int repair_double_subjects(std::vector<int>& heads, std::vector<std::string>& labels,
                           const std::vector<std::string>& upos);

// "fined Google[obj] 1.5 billion euros[conj]": a conjunct with no
// coordinator or punctuation before it, right after a verb's object, is the
// direct object of a double-object verb (the first becomes iobj). Returns the
// repairs made.
// A noun left of a verb as its "compound", the verb without a subject: the noun
// is the subject (a verb takes no compound nouns); an xcomp with a subject
// becomes a ccomp; a name touching the noun from the left, hung on the verb
// above as its object, modifies the noun ("saying US aircraft use bases").
int repair_verb_compounds(std::vector<int>& heads, std::vector<std::string>& labels,
                          const std::vector<std::string>& upos);
// "links to al-Shabaab, the militant group[parataxis of said].": a determined noun
// phrase that ends the sentence right after a comma that follows a nominal, hung on
// something else as parataxis or dep (or, after a name, as the apposition of a noun
// the name depends on: "the death of Amini, a student"), is that nominal's apposition.
int repair_loose_appositions(std::vector<int>& heads, std::vector<std::string>& labels,
                             const std::vector<std::string>& upos, const std::vector<std::string>& forms);
int repair_double_objects(std::vector<int>& heads, std::vector<std::string>& labels,
                          const std::vector<std::string>& upos);

// "by Egypt[obl] 's Minister Zaki[nmod of Egypt]": a possessor governs no
// possessed noun; the noun takes the possessor's place and the possessor
// becomes its nmod:poss. Returns the repairs made.
int repair_possessives(std::vector<int>& heads, std::vector<std::string>& labels, const std::vector<std::string>& upos,
                       const std::vector<std::string>& forms);

}  // namespace relgraph::parse
