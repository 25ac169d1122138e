// Clause confidence: features and fitted logistic weights.
// Tests: tests/relations_test.cpp
#include "relations/confidence.hpp"

#include <algorithm>
#include <cmath>

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
constexpr std::array<double, kConfidenceFeatures> kWeights = {
    -0.711,  // bias
    0.758,   // verb
    0.477,   // copula
    0.000,   // title
    0.130,   // apposition
    -0.049,  // nominal
    -0.134,  // possessive
    -0.419,  // modifier: nmod
    -0.968,  // modifier: amod
    -0.185,  // has object / attribute
    0.044,   // arguments beyond two
    0.141,   // subject inherited
    -0.099,  // subject pronoun
    -0.110,  // an argument is a bare relative pronoun
    0.064,   // log2 subject words
    0.082,   // log2 argument words
    0.192,   // xcomp chain
    -0.396,  // embedding depth (capped at 3)
    -0.009,  // distributed coordination
    0.108,   // passive
    -0.060,  // clausal complement argument
    -0.346,  // sentence length / 20
    0.025,   // preposition folded into the relation
    0.022,   // negated
    0.103,   // modal / reported
    0.357,   // subject headed by a proper noun
    0.139,   // second argument headed by a proper noun
    0.068,   // fronted oblique
    -0.275,  // participle predicate without auxiliary
    0.104,   // log2 words of the second argument
    0.561,   // the sentence's main clause
    -0.025,  // a title with no role in the schema
};

}  // namespace

const std::array<std::string_view, kConfidenceFeatures>& confidence_feature_names() {
  static const std::array<std::string_view, kConfidenceFeatures> names = {
      "bias",       "verb",        "copula",     "title",      "appos",          "nominal",      "poss",
      "mod_nmod",   "mod_amod",    "has_obj",    "extra_args", "subj_inherited", "subj_pronoun", "relative_arg",
      "log_subj",   "log_args",    "chain",      "depth",      "distributed",    "passive",      "comp_arg",
      "sent_len",   "folded_prep", "negated",    "modality",   "subj_propn",     "arg2_propn",   "fronted",
      "participle", "log_arg2",    "main_clause", "generic_title"};
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
  return f;
}

double confidence(const Clause& c, const Sentence& s) {
  auto f = confidence_features(c, s);
  double z = 0;
  for (std::size_t i = 0; i < kConfidenceFeatures; ++i) z += kWeights[i] * f[i];
  return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace relgraph::detail
