// Coordinated names from the mentions' order (see name_list.hpp).
// Tests: tests/relations_test.cpp (NameList*)
#include "relations/name_list.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "core/strings.hpp"

namespace relgraph::detail {
namespace {

// Names that can stand in a list: people, organisations, places.
std::string name_kind(const EntityMention& m) {
  if (m.subtype == "Role" || m.subtype == "Nominal" || m.subtype == "Pronoun") return "";
  if (m.type == "PER" || m.type == "ORG") return m.type;
  if (m.type == "GPE" || m.type == "LOC" || m.type == "FAC") return "place";
  return "";
}

bool capitalised(const Token& t) { return !t.form.empty() && std::isupper(static_cast<unsigned char>(t.form[0])); }

bool possessive_mark(const Token& t) { return t.form == "'s" || t.form == "\xE2\x80\x99s" || t.form == "'"; }

// Words [first, last) between two names of one list? Sets `conjunction` when
// the separator holds "and" / "as well as".
bool list_gap(const std::vector<Token>& toks, int first, int last, bool& conjunction) {
  auto word = [&](int i) { return ascii_lower(toks[i].form); };
  int i = first;
  // The first name's affiliation: "of the Green Party".
  if (i < last && (word(i) == "of" || word(i) == "from")) {
    ++i;
    if (i < last && word(i) == "the") ++i;
    int start = i;
    while (i < last && capitalised(toks[i]) && toks[i].upos != "PUNCT") ++i;
    if (i == start) return false;
  }
  // The separator.
  bool comma = false;
  conjunction = false;
  if (i < last && toks[i].form == ",") {
    comma = true;
    ++i;
  }
  if (i < last && word(i) == "and") {
    conjunction = true;
    ++i;
  } else if (i + 2 < last && word(i) == "as" && word(i + 1) == "well" && word(i + 2) == "as") {
    conjunction = true;
    i += 3;
  }
  if (!comma && !conjunction) return false;
  // The second name's modifiers: "Acme's", "union leader".
  int j = i;
  while (j < last && capitalised(toks[j]) && toks[j].upos == "PROPN") ++j;
  if (j > i && j < last && possessive_mark(toks[j])) i = j + 1;
  for (int k = 0; i < last && k < 4; ++k, ++i) {
    const auto& u = toks[i].upos;
    if (u != "ADJ" && u != "NOUN" && u != "PROPN") return false;
  }
  return i == last;
}

}  // namespace

std::vector<int> coordinated_names(const Document& doc, int sentence, std::span<const int> mentions, int m) {
  std::vector<int> names;  // the sentence's names of m's kind, in order, not overlapping
  const std::string kind = name_kind(doc.mentions[m]);
  if (kind.empty()) return {m};
  for (int x : mentions) {
    const auto& em = doc.mentions[x];
    if (em.span.sentence != sentence || em.span.empty() || name_kind(em) != kind) continue;
    if (!names.empty() && doc.mentions[names.back()].span.last > em.span.first) continue;
    names.push_back(x);
  }
  auto at = std::find(names.begin(), names.end(), m);
  if (at == names.end()) return {m};
  const auto& toks = doc.sentences[sentence].tokens;
  // Links between neighbours: 0 none, 1 comma, 2 conjunction.
  auto link = [&](int a, int b) {
    bool conjunction = false;
    if (!list_gap(toks, doc.mentions[a].span.last, doc.mentions[b].span.first, conjunction)) return 0;
    return conjunction ? 2 : 1;
  };
  std::size_t first = at - names.begin(), last = first;
  while (first > 0 && link(names[first - 1], names[first])) --first;
  while (last + 1 < names.size() && link(names[last], names[last + 1])) ++last;
  // The list ends at its conjunction: "A, B and C, D's lawyer" stops at C.
  while (last > first && link(names[last - 1], names[last]) != 2) --last;
  if (last == first) return {m};
  int after = doc.mentions[names[last]].span.last;
  if (after < static_cast<int>(toks.size()) && possessive_mark(toks[after])) return {m};
  std::size_t mi = at - names.begin();
  if (mi < first || mi > last) return {m};
  return {names.begin() + static_cast<std::ptrdiff_t>(first), names.begin() + static_cast<std::ptrdiff_t>(last) + 1};
}

std::vector<Proposition> distribute_over_names(const Document& doc, const Proposition& p,
                                               std::span<const int> mentions) {
  std::vector<Proposition> out;
  if (p.args.empty() || p.relation_words.empty()) return out;
  auto c = p.attributes.find("construction");
  if (c == p.attributes.end() || (c->second != "verb" && c->second != "copula")) return out;
  int relation_first = *std::min_element(p.relation_words.begin(), p.relation_words.end());
  int relation_last = *std::max_element(p.relation_words.begin(), p.relation_words.end());
  const auto& toks = doc.sentences[p.sentence].tokens;
  // The subject's list before the relation, the object's after it.
  for (std::size_t slot = 0; slot < 2 && slot < p.args.size(); ++slot) {
    if (p.args[slot].mention < 0) continue;
    const auto names = coordinated_names(doc, p.sentence, mentions, p.args[slot].mention);
    if (names.size() < 2) continue;
    if (slot == 0 && doc.mentions[names.back()].span.last > relation_first) continue;
    if (slot == 1 && doc.mentions[names.front()].span.first <= relation_last) continue;
    // A passive takes no direct object: a name after it is a parse error ("were elected Bo").
    auto voice = p.attributes.find("voice");
    const std::string& role = p.args[slot].role;
    bool core = role.empty() || role == "obj" || role == "attr" || role == "comp";
    if (slot == 1 && core && voice != p.attributes.end() && voice->second == "passive") continue;
    for (int n : names) {
      if (n == p.args[slot].mention) continue;
      const auto& sp = doc.mentions[n].span;
      if (sp.last > static_cast<int>(toks.size())) continue;
      // A name of the list in another slot is no argument of its own.
      bool taken = false;
      for (std::size_t i = 0; i < p.args.size(); ++i) taken = taken || (i != slot && p.args[i].mention == n);
      if (taken) continue;
      Proposition q = p;
      Argument& a = q.args[slot];
      a.span = sp;
      a.text = doc.mentions[n].text;
      a.head = sp.last - 1;
      a.mention = n;
      q.attributes["rule"] = kNameListRule;
      out.push_back(std::move(q));
    }
  }
  return out;
}

std::vector<Proposition> share_possessor(const Document& doc, const Proposition& p, std::span<const int> mentions) {
  std::vector<Proposition> out;
  if (p.canonical != "member_of" || p.args.size() != 2 || p.args[0].mention < 0 || p.args[1].mention < 0) return out;
  const auto& toks = doc.sentences[p.sentence].tokens;
  const int n = static_cast<int>(toks.size());
  const auto& person = doc.mentions[p.args[0].mention].span;
  const auto& org = doc.mentions[p.args[1].mention].span;
  if (org.last + 1 != person.first || org.last >= n || !possessive_mark(toks[org.last])) return out;
  auto own_party = [&](const Span& sp) {
    if (sp.first > 0 && possessive_mark(toks[sp.first - 1])) return true;
    if (sp.last + 1 < n) {
      std::string next = ascii_lower(toks[sp.last].form);
      if ((next == "of" || next == "from") && (capitalised(toks[sp.last + 1]) || toks[sp.last + 1].form == "the"))
        return true;
    }
    return false;
  };
  if (own_party(person) && !(person.first > 0 && person.first - 1 == org.last)) return out;  // "Lee of X": not shared
  bool after = false;
  for (int m : coordinated_names(doc, p.sentence, mentions, p.args[0].mention)) {
    if (m == p.args[0].mention) {
      after = true;
      continue;
    }
    if (!after) continue;
    const auto& sp = doc.mentions[m].span;
    if (own_party(sp)) break;  // the possessor's scope ends where another party begins
    // A name with words of its own before it ("and independent Bo Tan") is described apart.
    std::string before = sp.first > 0 ? ascii_lower(toks[sp.first - 1].form) : "";
    if (before != "and" && before != ",") break;
    Proposition q = p;
    q.args[0].span = sp;
    q.args[0].text = doc.mentions[m].text;
    q.args[0].head = sp.last - 1;
    q.args[0].mention = m;
    q.attributes["rule"] = kSharedPossessorRule;
    out.push_back(std::move(q));
  }
  return out;
}

std::vector<Proposition> named_examples(const Document& doc, const Proposition& p, std::span<const int> mentions) {
  std::vector<Proposition> out;
  if (p.args.size() < 2 || p.args[1].head < 0 || p.args[1].span.empty() || p.args[1].mention >= 0) return out;
  auto c = p.attributes.find("construction");
  if (c == p.attributes.end() || (c->second != "verb" && c->second != "copula")) return out;
  const auto& toks = doc.sentences[p.sentence].tokens;
  const int n = static_cast<int>(toks.size());
  const Argument& o = p.args[1];
  // The marker inside the object phrase, after its head (a comma may come first).
  int i = -1;
  for (int k = o.head + 1; k < std::min(n, o.span.last) && i < 0; ++k) {
    std::string w = ascii_lower(toks[k].form);
    if (w == "including") i = k + 1;
    if (w == "such" && k + 1 < n && ascii_lower(toks[k + 1].form) == "as") i = k + 2;
  }
  if (i < 0 || i >= n) return out;
  // Lower-case words before the first name: "musician Ann Lee".
  int first = -1;
  for (int x : mentions) {
    const auto& em = doc.mentions[x];
    if (em.span.sentence != p.sentence || em.span.first < i || name_kind(em).empty()) continue;
    bool plain = true;
    for (int k = i; k < em.span.first; ++k) plain = plain && !capitalised(toks[k]) && toks[k].upos != "PUNCT";
    if (plain && em.span.first - i <= 2) first = x;
    break;
  }
  if (first < 0) return out;
  for (int m : coordinated_names(doc, p.sentence, mentions, first)) {
    if (doc.mentions[m].span.first < i) continue;
    Proposition q = p;
    q.args[1].span = doc.mentions[m].span;
    q.args[1].text = doc.mentions[m].text;
    q.args[1].head = doc.mentions[m].span.last - 1;
    q.args[1].mention = m;
    q.attributes["rule"] = kExamplesRule;
    out.push_back(std::move(q));
  }
  return out;
}

bool same_list(const Document& doc, const Proposition& p, std::span<const int> mentions) {
  if (p.args.size() < 2 || p.args[0].mention < 0 || p.args[1].mention < 0) return false;
  const auto names = coordinated_names(doc, p.sentence, mentions, p.args[0].mention);
  return names.size() > 1 && std::find(names.begin(), names.end(), p.args[1].mention) != names.end();
}

}  // namespace relgraph::detail
