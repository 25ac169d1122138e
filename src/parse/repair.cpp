// Parser output repairs (see repair.hpp). Tests: tests/parser_test.cpp
#include "parse/repair.hpp"

#include <algorithm>

namespace relgraph::parse {
namespace {

std::string base(const std::string& deprel) { return deprel.substr(0, deprel.find(':')); }

// Is word a (0-based) an ancestor of word d, or d itself?
bool dominates(const std::vector<int>& heads, int a, int d) {
  const int n = static_cast<int>(heads.size());
  for (int g = 0, x = d; g <= n && x >= 0; ++g) {
    if (x == a) return true;
    x = heads[x] - 1;
  }
  return false;
}

bool nominal(const std::string& upos) { return upos == "NOUN" || upos == "PROPN" || upos == "PRON" || upos == "NUM"; }

}  // namespace

int repair_adpositions(std::vector<int>& heads, std::vector<std::string>& labels,
                       const std::vector<std::string>& upos) {
  const int n = static_cast<int>(heads.size());
  int repairs = 0;
  for (int a = 0; a < n; ++a) {
    if (upos[a] != "ADP" || heads[a] == 0) continue;
    auto ab = base(labels[a]);
    if (ab != "obl" && ab != "advmod" && ab != "nmod") continue;
    // The first nominal dependent to its right in an argument-like relation.
    int noun = -1;
    for (int d = a + 1; d < n && noun < 0; ++d) {
      if (heads[d] != a + 1 || !nominal(upos[d])) continue;
      auto b = base(labels[d]);
      if (b == "nsubj" || b == "obj" || b == "iobj" || b == "obl" || b == "nmod" || b == "appos" || b == "flat" ||
          b == "compound")
        noun = d;
    }
    if (noun < 0 || dominates(heads, noun, heads[a] - 1)) continue;
    heads[noun] = heads[a];
    labels[noun] = ab == "advmod" ? "obl" : labels[a];
    for (int d = 0; d < n; ++d)
      if (d != noun && heads[d] == a + 1 && base(labels[d]) != "fixed") heads[d] = noun + 1;
    heads[a] = noun + 1;
    labels[a] = "case";
    ++repairs;
  }
  return repairs;
}

int repair_name_purpose(std::vector<int>& heads, std::vector<std::string>& labels, const std::vector<std::string>& upos,
                        const std::vector<std::string>& forms) {
  const int n = static_cast<int>(heads.size());
  int repairs = 0;
  for (int v = 0; v < n; ++v) {
    if (labels[v] != "acl" || upos[v] != "VERB" || heads[v] == 0) continue;
    int name = heads[v] - 1;
    if (upos[name] != "PROPN" || heads[name] == 0) continue;
    auto nb = base(labels[name]);
    int gov = heads[name] - 1;
    if ((nb != "obj" && nb != "obl") || (upos[gov] != "VERB" && upos[gov] != "AUX")) continue;
    bool to = false;
    for (int d = 0; d < v; ++d)
      if (heads[d] == v + 1 && base(labels[d]) == "mark" && (forms[d] == "to" || forms[d] == "To")) to = true;
    if (!to) continue;
    heads[v] = gov + 1;
    labels[v] = "advcl";
    ++repairs;
  }
  return repairs;
}

int repair_hyphen_compounds(std::vector<int>& heads, std::vector<std::string>& labels,
                            const std::vector<std::string>& upos, const std::vector<bool>& glued) {
  const int n = static_cast<int>(heads.size());
  auto ancestor = [&](int a, int d) {  // is a an ancestor of d (0-based)?
    for (int g = 0, x = d; g < n && x >= 0; ++g) {
      if (x == a) return true;
      x = heads[x] - 1;
    }
    return false;
  };
  int repairs = 0;
  for (int h = 1; h + 1 < n; ++h) {
    int l = h - 1, r = h + 1;
    if (upos[h] != "PUNCT" || !glued[l] || !glued[h]) continue;
    if (upos[l] != "ADJ" && upos[l] != "PROPN" && upos[l] != "NOUN") continue;
    auto rb = base(labels[r]);
    int phrase = heads[r] - 1;  // the noun R modifies
    if ((rb != "amod" && rb != "compound") || phrase <= r || heads[l] == r + 1 || heads[l] == phrase + 1) continue;
    auto lb = base(labels[l]);
    int gov = heads[l] - 1;
    // L took the role of the whole phrase ("discuss[obj] Franco - German trade"): give it back.
    bool elsewhere = heads[phrase] != gov + 1 || base(labels[phrase]) == "parataxis" || base(labels[phrase]) == "dep";
    if ((lb == "obj" || lb == "obl" || lb == "nsubj" || lb == "iobj") && gov >= 0 && elsewhere &&
        !ancestor(phrase, gov)) {
      heads[phrase] = gov + 1;
      labels[phrase] = labels[l];
    }
    if (dominates(heads, l, r)) continue;
    heads[l] = r + 1;
    labels[l] = upos[l] == "ADJ" ? "amod" : "compound";
    heads[h] = l + 1;
    labels[h] = "punct";
    ++repairs;
  }
  return repairs;
}

int repair_lists(std::vector<int>& heads, std::vector<std::string>& labels, const std::vector<std::string>& upos,
                 const std::vector<std::string>& forms) {
  const int n = static_cast<int>(heads.size());
  int repairs = 0;
  for (int w = 2; w < n; ++w) {
    int prev = w - 2;
    if (forms[w - 1] != "," || upos[w] != "PROPN" || upos[prev] != "PROPN" || heads[w] == prev + 1) continue;
    // w heads "Y and Z" (a conjunct with its own cc): the end of a list "X, Y and Z".
    bool closes = false;
    for (int d = w + 1; d < n; ++d)
      if (heads[d] == w + 1 && labels[d] == "conj")
        for (int c = w + 1; c < d; ++c)
          if (heads[c] == d + 1 && labels[c] == "cc") closes = true;
    if (!closes) continue;
    // Find the first conjunct of X's list.
    int first = prev;
    while (labels[first] == "conj" && heads[first] > 0 && heads[first] - 1 < first) first = heads[first] - 1;
    // Never make a word depend on its own descendant.
    bool cycle = false;
    for (int g = 0, x = first; g < n && x >= 0; ++g) {
      if (x == w) cycle = true;
      x = heads[x] - 1;
    }
    if (cycle) continue;
    heads[w] = first + 1;
    labels[w] = "conj";
    heads[w - 1] = w + 1;
    labels[w - 1] = "punct";
    for (int d = w + 1; d < n; ++d)
      if (heads[d] == w + 1 && labels[d] == "conj") heads[d] = first + 1;
    ++repairs;
  }
  return repairs;
}

int repair_fronted_obliques(std::vector<int>& heads, std::vector<std::string>& labels,
                            const std::vector<std::string>& upos) {
  const int n = static_cast<int>(heads.size());
  int repairs = 0;
  for (int a = 0; a < n; ++a) {
    if (base(labels[a]) != "nsubj" || (upos[a] != "NOUN" && upos[a] != "PROPN" && upos[a] != "NUM")) continue;
    int v = heads[a] - 1;
    if (v < 0) continue;
    // Another subject of the same verb after it ...
    bool second = false;
    for (int d = a + 1; d < n; ++d)
      if (heads[d] == v + 1 && base(labels[d]) == "nsubj") second = true;
    if (!second) continue;
    // ... and a preposition the parse gave the verb right before a's phrase: "During[mark] the 1730s[nsubj] X[nsubj]".
    int lo = a;
    for (int d = 0; d < a; ++d)
      if (dominates(heads, a, d)) lo = std::min(lo, d);
    int p = lo - 1;
    if (p < 0 || heads[p] != v + 1 || (upos[p] != "ADP" && upos[p] != "SCONJ") ||
        (base(labels[p]) != "mark" && base(labels[p]) != "case"))
      continue;
    heads[p] = a + 1;
    labels[p] = "case";
    labels[a] = "obl";
    ++repairs;
  }
  return repairs;
}

int repair_double_subjects(std::vector<int>& heads, std::vector<std::string>& labels,
                           const std::vector<std::string>& upos) {
  const int n = static_cast<int>(heads.size());
  auto span = [&](int x) {  // [lo, hi] of x's subtree
    int lo = x, hi = x;
    for (int d = 0; d < n; ++d)
      if (dominates(heads, x, d)) lo = std::min(lo, d), hi = std::max(hi, d);
    return std::pair<int, int>{lo, hi};
  };
  int repairs = 0;
  for (int a = 0; a < n; ++a) {
    if (base(labels[a]) != "nsubj" || (upos[a] != "NOUN" && upos[a] != "PROPN")) continue;
    // Another nominal subject of the same head whose words follow a's right away:
    // "Human rights[nsubj] groups[nsubj]", "UN[nsubj] Secretary-General Guterres[nsubj]".
    // A noun left of a verb as its "compound" is such a subject too ("US[nsubj]
    // aircraft[compound] use[VERB] the bases": verbs take no compound nouns).
    int b = -1;
    for (int d = a + 1; d < n && b < 0; ++d)
      if ((base(labels[d]) == "nsubj" || (labels[d] == "compound" && heads[d] > d + 1 && heads[a] != 0 &&
                                          (upos[heads[d] - 1] == "VERB" || upos[heads[d] - 1] == "AUX"))) &&
          heads[d] == heads[a] && (upos[d] == "NOUN" || upos[d] == "PROPN"))
        b = d;
    if (b < 0) continue;
    if (labels[b] == "compound" && span(a).second + 1 != span(b).first) continue;
    // "The cathedral[nsubj] and the belfry[nsubj] were renovated": a coordinator
    // between them makes the second a conjunct of the first.
    bool coordinated = false;
    for (int c = span(a).second + 1; c < b; ++c)
      if (heads[c] == b + 1 && (base(labels[c]) == "cc" || upos[c] == "CCONJ")) coordinated = true;
    if (coordinated) {
      if (!dominates(heads, b, a)) {
        heads[b] = a + 1;
        labels[b] = "conj";
        ++repairs;
      }
      continue;
    }
    if (span(a).second + 1 == span(b).first) {
      if (labels[b] == "compound") labels[b] = labels[a];
      heads[a] = b + 1;
      labels[a] = "compound";
      ++repairs;
    }
  }
  return repairs;
}

int repair_verb_compounds(std::vector<int>& heads, std::vector<std::string>& labels,
                          const std::vector<std::string>& upos) {
  const int n = static_cast<int>(heads.size());
  int repairs = 0;
  for (int c = 0; c < n; ++c) {
    if (labels[c] != "compound" || (upos[c] != "NOUN" && upos[c] != "PROPN") || heads[c] <= c + 1) continue;
    const int v = heads[c] - 1;
    if (upos[v] != "VERB") continue;
    bool subject = false;
    for (int d = 0; d < n; ++d)
      if (heads[d] == v + 1 && (base(labels[d]) == "nsubj" || base(labels[d]) == "csubj" || base(labels[d]) == "expl"))
        subject = true;
    if (subject) continue;
    // "saying US[iobj] aircraft[compound] use[xcomp] the bases": the noun
    // before the verb is its subject, and a name touching it from the left,
    // hung on the verb above, modifies it.
    labels[c] = "nsubj";
    if (labels[v] == "xcomp") labels[v] = "ccomp";
    if (int m = c - 1; m >= 0 && heads[v] != 0 && heads[m] == heads[v] && (upos[m] == "PROPN" || upos[m] == "NOUN") &&
                       (base(labels[m]) == "iobj" || base(labels[m]) == "obj")) {
      bool has_kids = false;
      for (int d = 0; d < n; ++d) has_kids = has_kids || heads[d] == m + 1;
      if (!has_kids) heads[m] = c + 1, labels[m] = "compound";
    }
    ++repairs;
  }
  return repairs;
}

int repair_loose_appositions(std::vector<int>& heads, std::vector<std::string>& labels,
                             const std::vector<std::string>& upos, const std::vector<std::string>& forms) {
  const int n = static_cast<int>(heads.size());
  int repairs = 0;
  for (int x = 2; x < n; ++x) {
    if ((upos[x] != "NOUN" && upos[x] != "PROPN") || heads[x] == 0) continue;
    auto b = base(labels[x]);
    if (b != "parataxis" && b != "dep" && b != "appos") continue;
    // The phrase of x starts with a determiner right after a comma ...
    int lo = x;
    for (int d = 0; d < n; ++d)
      if (dominates(heads, x, d) && upos[d] != "PUNCT") lo = std::min(lo, d);
    if (lo < 2 || forms[lo - 1] != "," || upos[lo] != "DET") continue;
    // ... and ends the sentence (", a claim which X denied, saying …" may sum up the clause before).
    int hi = x, last = n - 1;
    for (int d = 0; d < n; ++d)
      if (dominates(heads, x, d)) hi = std::max(hi, d);
    while (last > 0 && upos[last] == "PUNCT") --last;
    if (hi < last) continue;
    // ... and follows a nominal that ends its own phrase there.
    int nom = lo - 2;
    while (nom > 0 && upos[nom] == "PUNCT") --nom;
    if (upos[nom] != "NOUN" && upos[nom] != "PROPN") continue;
    int head = nom;  // the head of the name or noun phrase ending at nom
    while (heads[head] != 0 && heads[head] - 1 > head - 4 && heads[head] - 1 < lo - 1 &&
           (base(labels[head]) == "flat" || base(labels[head]) == "compound" || upos[head] == "PUNCT"))
      head = heads[head] - 1;
    if (dominates(heads, x, head) || heads[x] == head + 1) continue;
    // An apposition hung on a noun the name depends on ("the death of Amini[nmod], a
    // student[appos of death]") belongs to the name; only names, as "the head of the
    // company, a Dutch firm" is ambiguous.
    if (b == "appos" && (upos[head] != "PROPN" || !dominates(heads, heads[x] - 1, head))) continue;
    heads[x] = head + 1;
    labels[x] = "appos";
    ++repairs;
  }
  return repairs;
}

int repair_double_objects(std::vector<int>& heads, std::vector<std::string>& labels,
                          const std::vector<std::string>& upos) {
  const int n = static_cast<int>(heads.size());
  int repairs = 0;
  for (int k = 0; k < n; ++k) {
    if (labels[k] != "conj" || heads[k] == 0) continue;
    int h = heads[k] - 1;
    if (h >= k || labels[h] != "obj" || heads[h] == 0 || upos[heads[h] - 1] != "VERB") continue;
    if (!((upos[h] == "PROPN" || upos[h] == "PRON" || upos[h] == "NOUN") && (upos[k] == "NOUN" || upos[k] == "NUM")))
      continue;
    // No coordinator or punctuation anywhere between the two: no coordination.
    bool joined = false;
    for (int d = h + 1; d < k; ++d)
      if (upos[d] == "CCONJ" || upos[d] == "PUNCT" || base(labels[d]) == "cc") joined = true;
    if (joined) continue;
    // The words between must all belong to k (its left modifiers): "Google 1.5 billion euros".
    bool adjacent = true;
    for (int d = h + 1; d < k; ++d) {
      int x = d;
      for (int g = 0; g < n && x >= 0 && x != k; ++g) x = heads[x] - 1;
      if (x != k) adjacent = false;
    }
    if (!adjacent) continue;
    heads[k] = heads[h];
    labels[k] = "obj";
    labels[h] = "iobj";
    ++repairs;
  }
  return repairs;
}

int repair_possessives(std::vector<int>& heads, std::vector<std::string>& labels, const std::vector<std::string>& upos,
                       const std::vector<std::string>& forms) {
  const int n = static_cast<int>(heads.size());
  int repairs = 0;
  for (int x = 0; x + 1 < n; ++x) {
    // x 's ... y: the possessive clitic right after x.
    if (heads[x + 1] != x + 1 || base(labels[x + 1]) != "case" ||
        (forms[x + 1] != "'s" && forms[x + 1] != "\xE2\x80\x99s" && forms[x + 1] != "'"))
      continue;
    if (heads[x] == 0 || base(labels[x]) == "nmod" || labels[x] == "nmod:poss") continue;
    // The possessed noun the parse hung under x: its nearest right nominal child without a case marker.
    int y = -1;
    for (int d = x + 2; d < n && y < 0; ++d) {
      if (heads[d] != x + 1 || base(labels[d]) != "nmod" || (upos[d] != "NOUN" && upos[d] != "PROPN")) continue;
      bool marked = false;
      for (int c = 0; c < d; ++c)
        if (heads[c] == d + 1 && base(labels[c]) == "case") marked = true;
      if (!marked) y = d;
    }
    if (y < 0 || dominates(heads, y, heads[x] - 1)) continue;
    heads[y] = heads[x];
    labels[y] = labels[x];
    heads[x] = y + 1;
    labels[x] = "nmod:poss";
    // x keeps only its own modifiers; what follows it and the phrase's
    // preposition ("by Egypt 's minister") go to the new head.
    for (int d = 0; d < n; ++d)
      if (d != x + 1 && heads[d] == x + 1 && (d > x || base(labels[d]) == "case")) heads[d] = y + 1;
    ++repairs;
  }
  return repairs;
}

bool is_tree(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    if (heads[i] < 0 || heads[i] > n) return false;
    if (heads[i] == 0) ++roots;
    int x = i, steps = 0;
    while (x >= 0 && steps++ <= n) x = heads[x] - 1;
    if (x >= 0) return false;  // a cycle
  }
  return roots == 1;
}

void repair(std::vector<int>& heads, std::vector<std::string>& labels, const std::vector<std::string>& upos,
            const std::vector<std::string>& forms, const std::vector<bool>& glued) {
  auto saved_heads = heads;
  auto saved_labels = labels;
  repair_adpositions(heads, labels, upos);
  repair_name_purpose(heads, labels, upos, forms);
  repair_lists(heads, labels, upos, forms);
  repair_fronted_obliques(heads, labels, upos);
  repair_double_subjects(heads, labels, upos);
  repair_verb_compounds(heads, labels, upos);
  repair_loose_appositions(heads, labels, upos, forms);
  repair_double_objects(heads, labels, upos);
  repair_possessives(heads, labels, upos, forms);
  repair_hyphen_compounds(heads, labels, upos, glued);
  if (!is_tree(heads)) {  // a repair went wrong: the parser's own tree is better than none
    heads = std::move(saved_heads);
    labels = std::move(saved_labels);
  }
}

}  // namespace relgraph::parse
