// Pseudo-projective parsing (Nivre & Nilsson 2005, "head" encoding):
// projectivize() lifts non-projective arcs until the tree is projective and
// records the lift in the label ("obj|ccomp": an obj whose real head is
// attached as ccomp); deprojectivize() undoes it after parsing by searching
// the current head's subtree breadth-first for a word with that relation.
// Heads are 1-based with 0 = root, as in CoNLL-U and Token::head.
// Internal to src/parse. Tests: tests/parser_test.cpp
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace relgraph::parse {

// The part of a label before the lift marker: "obj|ccomp" -> "obj".
std::string_view base_label(std::string_view label);

// True if no arc crosses another and every word between a head and its
// dependent is dominated by the head. `heads` must form a tree.
bool is_projective(const std::vector<int>& heads);

// Lifts the shortest non-projective arc to the head's head until the tree is
// projective; returns the number of lifts. `heads` must form a tree (one
// root, no cycle); throws Error(InvalidInput) otherwise.
int projectivize(std::vector<int>& heads, std::vector<std::string>& labels);

// Reattaches every lifted word ("rel|headrel") to the first word with
// relation headrel found breadth-first below its current head (top-down),
// and strips the marker. Words with no such candidate keep their head.
void deprojectivize(std::vector<int>& heads, std::vector<std::string>& labels);

}  // namespace relgraph::parse
