// Clause confidence: features and fitted logistic weights.
// Tests: tests/relations_test.cpp
#include "relations/confidence.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace relgraph::detail {
namespace {

bool core(const std::string& role) {
  return role == "obj" || role == "iobj" || role == "attr" || role == "comp" || role.empty();
}

bool relative_pronoun(const Sentence& s, const Slot& slot) {
  if (slot.words.size() != 1) return false;
  const auto& f = s.tokens[slot.words[0]].form;
  return f == "which" || f == "who" || f == "that" || f == "whom" || f == "Which" || f == "Who";
}

// Fitted by tools/fit_relation_confidence.py on CaRB dev tuples (see the
// header and docs/relations.md); index = feature.
constexpr double kWeights[] = {
    -0.739,  // bias
    0.734,   // verb
    0.477,   // copula
    -0.001,  // title
    0.130,   // apposition
    -0.049,  // nominal
    -0.134,  // possessive
    -0.408,  // modifier: nmod
    -0.967,  // modifier: amod
    -0.171,  // has object / attribute
    0.045,   // arguments beyond two
    0.143,   // subject inherited
    -0.086,  // subject pronoun
    -0.113,  // an argument is a bare relative pronoun
    0.067,   // log2 subject words
    0.078,   // log2 argument words
    0.114,   // xcomp chain
    -0.402,  // embedding depth (capped at 3)
    -0.002,  // distributed coordination
    0.102,   // passive
    -0.057,  // clausal complement argument
    -0.348,  // sentence length / 20
    0.012,   // preposition folded into the relation
    0.010,   // negated
    0.076,   // modal / reported
    0.361,   // subject headed by a proper noun
    0.131,   // second argument headed by a proper noun
    0.073,   // fronted oblique
    -0.262,  // participle predicate without auxiliary
    0.126,   // log2 words of the second argument
    0.557,   // the sentence's main clause
    -0.026,  // a title with no role in the schema
    -0.139,  // the subject spans a comma
    -0.140,  // the second argument spans a comma
    0.184,   // relation words beyond two (log2)
    -0.208,  // a non-complement argument holds a finite verb
};
// One weight per feature: a missing initializer would silently be zero.
static_assert(std::size(kWeights) == kConfidenceFeatures);

}  // namespace

const std::array<std::string_view, kConfidenceFeatures>& confidence_feature_names() {
  // not English: confidence feature names
  static const std::array<std::string_view, kConfidenceFeatures> names = {
      "bias",         "verb",          "copula",     "title",      "appos",         "nominal",
      "poss",         "mod_nmod",      "mod_amod",   "has_obj",    "extra_args",    "subj_inherited",
      "subj_pronoun", "relative_arg",  "log_subj",   "log_args",   "chain",         "depth",
      "distributed",  "passive",       "comp_arg",   "sent_len",   "folded_prep",   "negated",
      "modality",     "subj_propn",    "arg2_propn", "fronted",    "participle",    "log_arg2",
      "main_clause",  "generic_title", "subj_comma", "arg2_comma", "long_relation", "arg_clause"};
  return names;
}

ConfidenceFeatures confidence_features(const Clause& c, const Sentence& s) {
  ConfidenceFeatures f{};
  f[0] = 1;
  switch (c.kind) {
    case Construction::Verb:
      f[1] = 1;
      break;
    case Construction::Copula:
      f[2] = 1;
      break;
    case Construction::Title:
      f[3] = 1;
      break;
    case Construction::Apposition:
      f[4] = 1;
      break;
    case Construction::Nominal:
      f[5] = 1;
      break;
    case Construction::Possessive:
      f[6] = 1;
      break;
    case Construction::Modifier:
      (!c.args.empty() && c.args[0].role == "attr" ? f[8] : f[7]) = 1;
      break;
  }
  std::size_t arg_words = 0;
  bool relative = relative_pronoun(s, c.subj);
  for (const auto& a : c.args) {
    if (a.role == "obj" || a.role == "attr") f[9] = 1;
    if (a.role == "comp") f[20] = 1;
    arg_words += a.words.size();
    relative = relative || relative_pronoun(s, a);
  }
  f[10] = c.args.size() > 2 ? static_cast<double>(c.args.size() - 2) : 0.0;
  f[11] = c.subj.inherited;
  f[12] = c.subj.pronoun;
  f[13] = relative;
  f[14] = std::log2(1.0 + static_cast<double>(c.subj.words.size()));
  f[15] = std::log2(1.0 + static_cast<double>(arg_words));
  f[16] = c.chain > 1;
  f[17] = std::min(c.depth, 3);
  f[18] = c.distributed;
  f[19] = c.passive;
  f[21] = static_cast<double>(s.tokens.size()) / 20.0;
  f[22] = !c.args.empty() && !core(c.args[0].role);
  f[23] = c.negated;
  f[24] = !c.modality.empty();
  f[25] = c.subj.head >= 0 && s.tokens[c.subj.head].upos == "PROPN";
  f[26] = !c.args.empty() && c.args[0].head >= 0 && s.tokens[c.args[0].head].upos == "PROPN";
  for (const auto& a : c.args)
    if (!core(a.role) && a.head >= 0 && a.head < c.pred && (a.marker.empty() || a.marker.front() < c.pred)) f[27] = 1;
  if (c.pred >= 0 && c.kind == Construction::Verb) {
    const auto& x = s.tokens[c.pred].xpos;
    f[28] = (x == "VBG" || x == "VBN") && c.aux.empty();
    f[30] = s.tokens[c.verbs.empty() ? c.pred : c.verbs.front()].head == 0;
  }
  if (!c.args.empty()) f[29] = std::log2(1.0 + static_cast<double>(c.args[0].words.size()));
  f[31] = c.generic;
  auto has_comma = [&](const std::vector<int>& w) {
    for (int i : w)
      if (s.tokens[i].form == ",") return true;
    return false;
  };
  f[32] = has_comma(c.subj.words);
  f[33] = !c.args.empty() && has_comma(c.args[0].words);
  std::size_t rel_words = c.verbs.size() + c.aux.size() + (c.synthetic.empty() ? 0 : 1);
  f[34] = rel_words > 2 ? std::log2(static_cast<double>(rel_words - 1)) : 0.0;
  for (const auto& a : c.args) {
    if (a.role == "comp") continue;
    for (int i : a.words)
      if (i != a.head && (s.tokens[i].xpos == "VBD" || s.tokens[i].xpos == "VBZ" || s.tokens[i].xpos == "VBP"))
        f[35] = 1;
  }
  return f;
}

double confidence(const Clause& c, const Sentence& s) {
  auto f = confidence_features(c, s);
  double z = 0;
  for (std::size_t i = 0; i < kConfidenceFeatures; ++i) z += kWeights[i] * f[i];
  return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace relgraph::detail
