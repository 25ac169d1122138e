// Renders the clauses found by clauses.cpp as Propositions (graph form) and
// CaRB tuples, scores their confidence, and wraps it all as a pipeline stage.
// Tests: tests/relations_test.cpp, tests/carb_test.cpp
#include "relations/extractor.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <span>
#include <utility>

#include "core/mention_index.hpp"
#include "core/resources.hpp"
#include "core/strings.hpp"
#include "relations/clauses.hpp"
#include "relations/confidence.hpp"
#include "relations/name_list.hpp"
#include "relations/named_modifiers.hpp"
#include "relgraph/error.hpp"

namespace relgraph {
namespace {

using detail::Clause;
using detail::Slot;

// A further fact of the same clause: `p`'s sentence, verb, polarity, modality,
// attribution, confidence and relation words, without its relation and arguments.
Proposition derived_from(const Proposition& p) {
  Proposition q;
  q.sentence = p.sentence;
  q.lemma = p.lemma;
  q.negated = p.negated;
  q.modality = p.modality;
  q.attribution = p.attribution;
  q.confidence = p.confidence;
  q.relation_words = p.relation_words;
  return q;
}

bool is_core_role(const std::string& role) {
  return role == "obj" || role == "iobj" || role == "attr" || role == "comp" || role == "subj" || role.empty();
}

using detail::confidence;

std::string join_forms(const Sentence& s, const std::vector<int>& words) { return detail::words_text(s, words); }

// `mentions`: the sentence's mentions, in increasing order.
Argument make_argument(const Document& doc, int sentence, std::span<const int> mentions, const Slot& slot,
                       const std::string& role) {
  const auto& s = doc.sentences[sentence];
  Argument a;
  a.role = role;
  a.head = slot.head;
  if (slot.words.empty()) return a;
  a.span.sentence = sentence;
  a.span.first = slot.words.front();
  a.span.last = slot.words.back() + 1;
  a.span.begin = s.tokens[a.span.first].begin;
  a.span.end = s.tokens[a.span.last - 1].end;
  bool contiguous = slot.words.back() - slot.words.front() + 1 == static_cast<int>(slot.words.size());
  // A word inside a multiword token ("It" of "It's") carries the whole token's span.
  int n = static_cast<int>(s.tokens.size());
  if (a.span.first > 0 && s.tokens[a.span.first - 1].end > a.span.begin) contiguous = false;
  if (a.span.last < n && s.tokens[a.span.last].begin < a.span.end) contiguous = false;
  a.text = contiguous && a.span.end <= doc.text.size() && a.span.begin <= a.span.end
               ? detail::squeeze_spaces(doc.slice(a.span.begin, a.span.end))
               : join_forms(s, slot.words);
  for (int m : mentions) {
    const auto& sp = doc.mentions[m].span;
    if (sp.first <= slot.head && slot.head < sp.last) {
      a.mention = m;
      break;
    }
  }
  return a;
}

// Argument types ("Person|Organization|Country") that only named entities fill.
bool names_only(std::string_view types) {
  std::size_t pos = 0;
  while (pos <= types.size()) {
    auto bar = types.find('|', pos);
    auto t = types.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos);
    if (t != "Person" && t != "Organization" && t != "Country" && t != "Place") return false;
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return true;
}

// Do argument types ("Product|Organization") admit a named entity of the
// recogniser's type? ("Any" admits everything; places include countries.)
bool admits(std::string_view types, const std::string& kind) {
  auto has = [&](std::string_view t) {
    std::size_t pos = 0;
    while (pos <= types.size()) {
      auto bar = types.find('|', pos);
      if (types.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos) == t) return true;
      if (bar == std::string_view::npos) break;
      pos = bar + 1;
    }
    return false;
  };
  if (has("Any")) return true;
  if (kind == "PER") return has("Person");
  if (kind == "ORG") return has("Organization") || has("Country");  // recognisers call states organisations
  return has("Place") || has("Country") || has("Organization");     // LOC, NORP: "the US said"
}

// Only a preposition after the predicate reads as part of it ("met with X",
// "the office Lee worked in"); a fronted one ("In 1941, ...") does not.
bool follows(const Slot& slot, int pred) { return (slot.marker.empty() ? slot.head : slot.marker.front()) > pred; }

std::string prep_of(const Clause& c) {
  for (const auto& a : c.args)
    if (!is_core_role(a.role)) return a.role;
  return "";
}

// Date, place and amount of the event, from obliques that are entity
// mentions of those types (when the recognizer ran) or temporal obliques.
void event_attributes(const Document& doc, Proposition& p) {
  const auto& s = doc.sentences[p.sentence];
  for (std::size_t i = 1; i < p.args.size(); ++i) {
    const auto& a = p.args[i];
    if (is_core_role(a.role) && a.role != "") continue;
    std::string type = a.mention >= 0 ? doc.mentions[a.mention].type : "";
    bool temporal = a.head >= 0 && s.tokens[a.head].deprel == "obl:tmod";
    if ((type == "DATE" || type == "TIME" || temporal) && !p.attributes.count("date"))
      p.attributes["date"] = a.text;
    else if ((type == "LOC" || type == "GPE") && (a.role == "in" || a.role == "at") && !p.attributes.count("place"))
      p.attributes["place"] = a.text;
    else if (type == "MONEY" && !p.attributes.count("amount"))
      p.attributes["amount"] = a.text;
  }
}

// The canonical relation of a clause, before the argument type check.
std::string clause_canonical(const Clause& c, const RelationSchema& schema) {
  bool clausal = c.kind == Construction::Verb || c.kind == Construction::Nominal || c.kind == Construction::Modifier;
  std::string prep = clausal ? prep_of(c) : c.object_lemma;
  std::string object = clausal ? c.object_lemma : "";
  // Without its agent a passive's subject is the one acted on: no canonical
  // relation, whose first argument is always the actor ("aid provided to X").
  // Relations read from that subject ("was born in", "was charged with")
  // say so with a trigger marked "passive".
  if (c.kind != Construction::Verb || !c.passive || c.agent >= 0)
    return schema.canonical(c.kind, c.lemma, prep, object);
  return schema.canonical(c.kind, c.lemma, prep, object, true);
}

// "urged citizens to vote for the plan": under an object-control verb the
// object is the subject of the to-infinitive after it, and the graph's
// object says both ("citizens to vote for the plan"); the infinitive's own
// proposition (relations.object_control) stays.
void extend_over_infinitive(const Sentence& s, const Clause& c, const detail::ClauseLexicon& lex,
                            std::vector<std::pair<Slot, std::string>>& args) {
  if (!lex.object_control.contains(c.lemma)) return;
  const int n = static_cast<int>(s.tokens.size());
  for (auto& [slot, role] : args) {
    if (role != "obj" || slot.head < 0 || slot.words.empty()) continue;
    for (int x = slot.words.back() + 1; x < n; ++x) {
      const Token& t = s.tokens[x];
      if (t.head - 1 != c.pred || (t.deprel != "xcomp" && t.deprel != "advcl") || t.upos != "VERB") continue;
      // Its subtree: x's descendants (heads always point inside the sentence).
      std::vector<int> words{x};
      bool to = false, subject = false;
      for (std::size_t k = 0; k < words.size(); ++k)
        for (int i = 0; i < n; ++i)
          if (s.tokens[i].head - 1 == words[k]) {
            words.push_back(i);
            if (words[k] == x && s.tokens[i].deprel == "mark" && detail::ascii_lower(s.tokens[i].form) == "to")
              to = true;
            if (words[k] == x && s.tokens[i].deprel.rfind("nsubj", 0) == 0) subject = true;
          }
      if (!to || subject) break;
      std::sort(words.begin(), words.end());
      // Only right after the object: "asked him to leave", not "asked him, then left to ...".
      int gap_first = slot.words.back() + 1, gap_last = words.front();
      bool adjacent = gap_first == gap_last;
      if (!adjacent) break;
      while (!words.empty() && s.tokens[words.back()].upos == "PUNCT") words.pop_back();
      slot.words.insert(slot.words.end(), words.begin(), words.end());
      // The infinitive as an argument of its own ("attr" from an xcomp) is now the object's.
      std::erase_if(args, [&](const auto& a) {
        return a.second != "obj" && std::find(words.begin(), words.end(), a.first.head) != words.end();
      });
      return;
    }
    return;
  }
}

// The descendants of word x, x included, sorted.
std::vector<int> subtree_of(const Sentence& s, int x) {
  std::vector<int> words{x};
  const int n = static_cast<int>(s.tokens.size());
  for (std::size_t k = 0; k < words.size(); ++k)
    for (int i = 0; i < n; ++i)
      if (s.tokens[i].head - 1 == words[k]) words.push_back(i);
  std::sort(words.begin(), words.end());
  return words;
}

// "found reduction of yields by 2050 exceeded 10 percent": a parse that
// makes the complement clause's subject the verb's object leaves the clause
// without a subject; the object is then the whole clause, from the object to
// the clause's end, with what the parse hung between them.
void object_as_clause_subject(const Sentence& s, const Clause& c, std::vector<std::pair<Slot, std::string>>& args) {
  const int n = static_cast<int>(s.tokens.size());
  auto obj = std::find_if(args.begin(), args.end(), [](const auto& a) { return a.second == "obj"; });
  if (obj == args.end() || obj->first.words.empty()) return;
  for (int x = obj->first.words.back() + 1; x < n; ++x) {
    const Token& t = s.tokens[x];
    if (t.head - 1 != c.pred || t.upos != "VERB") continue;
    // A parataxis only when no punctuation parts it from the object ("..., officials said" is one).
    bool unparted = true;
    for (int i = obj->first.words.back() + 1; i < x; ++i) unparted = unparted && s.tokens[i].upos != "PUNCT";
    if (t.deprel != "ccomp" && !(t.deprel == "parataxis" && unparted)) continue;
    bool subject = false, marked = false;
    for (int i = 0; i < n; ++i)
      if (s.tokens[i].head - 1 == x) {
        const auto& r = s.tokens[i].deprel;
        subject = subject || r.rfind("nsubj", 0) == 0 || r.rfind("csubj", 0) == 0 || r == "expl";
        marked = marked || (r == "mark" && i < x);  // "that", "whether": a clause of its own
      }
    if (subject || marked) return;
    std::vector<int> clause = subtree_of(s, x);
    int first = obj->first.words.front(), last = clause.back();
    // Everything between the object and the clause must hang on the verb or inside them.
    std::vector<int> words;
    for (int i = first; i <= last; ++i) words.push_back(i);
    while (!words.empty() && s.tokens[words.back()].upos == "PUNCT") words.pop_back();
    obj->first.words = words;
    std::erase_if(args,
                  [&](const auto& a) { return a.second != "obj" && a.first.head >= first && a.first.head <= last; });
    return;
  }
}

// `base` receives the relation before an oblique's preposition is folded in
// ("left", not "left for"): event_arguments() words further arguments with it.
Proposition to_proposition(const Document& doc, int sentence, std::span<const int> mentions, const Clause& c,
                           const RelationSchema& schema, const detail::ClauseRules& rules, std::string& base) {
  const auto& s = doc.sentences[sentence];
  Proposition p;
  p.sentence = sentence;
  p.lemma = c.lemma;
  p.negated = c.negated;
  p.modality = c.modality;
  p.attribution = c.attribution;
  p.confidence = confidence(c, s);
  p.attributes["construction"] = to_string(c.kind);
  std::vector<int> rel = c.verbs;
  std::vector<std::pair<Slot, std::string>> args;  // slot, role
  p.canonical = clause_canonical(c, schema);
  // A passive with its agent keeps its voice, as the text says it ("Y was
  // covered by X"): the agent's preposition folds into the relation below.
  // Only a finite passive of its own subject ("Y was covered by X"): a
  // participle modifying a noun ("territory controlled by X") or a relative
  // clause ("a meeting, which was attended by X") reads as the agent's act.
  // A passive coordinated with its subject's first verb ("Lee was hurt and
  // replaced by Bo") is as finite as that verb (relations.coordinated_passive).
  bool conjunct = rules.on(detail::Rule::CoordinatedPassive) && c.pred >= 0 && s.tokens[c.pred].deprel == "conj" &&
                  s.tokens[c.pred].xpos == "VBN";
  bool finite = (!c.subj.inherited || conjunct) &&
                std::any_of(c.aux.begin(), c.aux.end(), [&](int w) { return s.tokens[w].deprel == "aux:pass"; });
  bool active = c.passive && c.agent >= 0 && !(rules.on(detail::Rule::PassiveVoice) && finite);
  if (c.passive && c.agent >= 0 && !active) {
    p.attributes["voice"] = "passive";
    // The canonical relation reads from the agent: kept as an attribute.
    if (!p.canonical.empty()) p.attributes["agent_relation"] = p.canonical;
    p.canonical.clear();
    for (int w : c.aux)
      if (s.tokens[w].deprel == "aux:pass") rel.push_back(w);
    args.emplace_back(c.subj, "subj");
    args.emplace_back(c.args[c.agent], c.args[c.agent].role);
    for (int i = 0; i < static_cast<int>(c.args.size()); ++i)
      if (i != c.agent) args.emplace_back(c.args[i], c.args[i].role);
  } else if (active) {
    // Active voice for the graph: "Y was attended by X" -> (X)-[attended]->(Y).
    p.attributes["voice"] = "passive";
    args.emplace_back(c.args[c.agent], "subj");
    if (c.subj.head >= 0) args.emplace_back(c.subj, "obj");
    for (int i = 0; i < static_cast<int>(c.args.size()); ++i)
      if (i != c.agent) args.emplace_back(c.args[i], c.args[i].role);
  } else {
    if (c.passive) {
      p.attributes["voice"] = "passive";
      for (int w : c.aux)
        if (s.tokens[w].deprel == "aux:pass") rel.push_back(w);
    }
    if (c.kind == Construction::Copula)
      for (int w : c.aux)
        if (s.tokens[w].deprel == "cop") rel.push_back(w);
    args.emplace_back(c.subj, "subj");
    for (const auto& a : c.args) args.emplace_back(a, a.role);
  }
  // "took place in X", "gave birth to X": a light verb's bare singular noun
  // object before an oblique is part of the relation, the oblique its object.
  if (rules.on(detail::Rule::LightVerbNoun) && rules.lexicon && c.kind == Construction::Verb && args.size() > 2 &&
      args[1].second == "obj" && args[1].first.words.size() == 1 && !is_core_role(args[2].second) &&
      follows(args[2].first, c.pred) && rules.lexicon->light_verbs.contains(c.lemma)) {
    const Token& noun = s.tokens[args[1].first.words.front()];
    if (noun.upos == "NOUN" && noun.xpos == "NN" && args[1].first.head > c.pred) {
      rel.push_back(args[1].first.head);
      args.erase(args.begin() + 1);
    }
  }
  if (rules.on(detail::Rule::ControlObject) && rules.lexicon && c.kind == Construction::Verb && !c.passive)
    extend_over_infinitive(s, c, *rules.lexicon, args);
  if (rules.on(detail::Rule::SubjectlessComplement) && c.kind == Construction::Verb && !c.passive)
    object_as_clause_subject(s, c, args);
  {
    std::vector<int> plain = rel;
    std::sort(plain.begin(), plain.end());
    plain.erase(std::unique(plain.begin(), plain.end()), plain.end());
    base = join_forms(s, plain);
    if (!c.synthetic.empty() && !active) base = base.empty() ? c.synthetic : c.synthetic + " " + base;
  }
  // Fold the preposition of a first oblique into the relation: "met with".
  if (args.size() > 1 && !is_core_role(args[1].second) && follows(args[1].first, c.pred))
    rel.insert(rel.end(), args[1].first.marker.begin(), args[1].first.marker.end());
  std::sort(rel.begin(), rel.end());
  rel.erase(std::unique(rel.begin(), rel.end()), rel.end());
  p.relation_words = rel;
  p.relation = join_forms(s, rel);
  // A fronted oblique that is the only argument left ("In Ohio, Lee was
  // elected") is the relation's object all the same: its preposition follows
  // the verb in the relation ("was elected in"), never precedes it.
  if (args.size() > 1 && !is_core_role(args[1].second) && !follows(args[1].first, c.pred) &&
      !args[1].first.marker.empty() && !p.relation.empty()) {
    std::string marker = join_forms(s, args[1].first.marker);
    for (char& ch : marker) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    p.relation += " " + marker;
  }
  if (!c.synthetic.empty() && !active) p.relation = p.relation.empty() ? c.synthetic : c.synthetic + " " + p.relation;
  for (const auto& [slot, role] : args) p.args.push_back(make_argument(doc, sentence, mentions, slot, role));
  event_attributes(doc, p);
  // A relation whose object must be a named party or place ("met", "founded")
  // does not name an event with an unnamed thing ("created jobs"). Checked
  // when the recognizer ran (the document has mentions).
  // A named object of the wrong kind does not fit either ("received[acquired] the Crown Prince").
  if (!p.canonical.empty() && p.args.size() >= 2 && !doc.mentions.empty()) {
    const RelationType* type = schema.find(p.canonical);
    if (type && type->arg_types.size() >= 2) {
      const auto& o = p.args[1];
      const std::string kind = o.mention >= 0 ? doc.mentions[o.mention].type : "";
      bool named = kind == "PER" || kind == "ORG" || kind == "LOC" || kind == "NORP";
      if (!named && names_only(type->arg_types[1])) p.canonical.clear();
      if (named && !admits(type->arg_types[1], kind)) p.canonical.clear();
    }
  }
  return p;
}

// The event's further participants ("left Lima in 2007 with $5", "was held
// in Paris last week"): one proposition each for a date, time, amount, count
// or place among the arguments after the object, worded by the relation and
// the argument's preposition ("left in" 2007). The event's own proposition
// keeps them as attributes too; `event` names its relation. Other entities
// among further arguments get their edge in the graph builder.
std::vector<Proposition> event_arguments(const Document& doc, const Proposition& p, const std::string& base,
                                         const detail::ClauseLexicon& lex) {
  std::vector<Proposition> out;
  if (base.empty()) return out;
  const auto& s = doc.sentences[p.sentence];
  for (std::size_t i = 2; i < p.args.size(); ++i) {
    const Argument& a = p.args[i];
    if (a.head < 0 || a.role == "subj" || a.role == "obj" || a.role == "iobj" || a.role == "comp" || a.role == "attr")
      continue;
    std::string type = a.mention >= 0 ? doc.mentions[a.mention].type : "";
    bool temporal = s.tokens[a.head].deprel == "obl:tmod";
    bool value = type == "DATE" || type == "TIME" || type == "MONEY" || type == "CARDINAL" || type == "QUANTITY" ||
                 type == "PERCENT" || temporal;
    bool place = (type == "LOC" || type == "GPE" || type == "FAC") && lex.place_preps.contains(a.role);
    if (!value && !place) continue;
    Proposition q = derived_from(p);
    q.relation = a.role.empty() ? base : base + " " + a.role;
    q.args = {p.args[0], a};
    q.args[1].role = a.role.empty() ? "obj" : a.role;
    q.attributes["construction"] = "argument";
    q.attributes["event"] = p.relation;
    q.attributes["argument"] = place && !value                                                 ? "place"
                               : type == "MONEY"                                               ? "amount"
                               : type == "CARDINAL" || type == "QUANTITY" || type == "PERCENT" ? "quantity"
                                                                                               : "date";
    out.push_back(std::move(q));
  }
  return out;
}

// "Wheat is sensitive to ozone", "the firm was critical of the tax": an
// adjective predicate's prepositional complement is the fact, worded by the
// copula, the adjective and the preposition: (Wheat)-[is sensitive to]->(ozone).
std::vector<Proposition> adjective_complements(const Document& doc, const Proposition& p,
                                               const detail::ClauseLexicon& lex) {
  std::vector<Proposition> out;
  auto construction = p.attributes.find("construction");
  if (construction == p.attributes.end() || construction->second != "copula" || p.args.size() < 3 ||
      p.args[1].role != "attr" || p.args[1].head < 0 || p.relation.empty())
    return out;
  const auto& s = doc.sentences[p.sentence];
  const Token& adjective = s.tokens[p.args[1].head];
  if (adjective.upos != "ADJ" || p.args[1].span.last - p.args[1].span.first > 2) return out;
  for (std::size_t i = 2; i < p.args.size(); ++i) {
    const Argument& a = p.args[i];
    if (a.head < 0 || is_core_role(a.role) || a.span.first <= p.args[1].head) continue;
    if (lex.adjunct_preps.contains(a.role)) continue;  // "rife following the visit": a circumstance
    const auto& u = s.tokens[a.head].upos;
    if (u != "NOUN" && u != "PROPN" && u != "PRON") continue;
    Proposition q = derived_from(p);
    q.relation = p.relation + " " + detail::ascii_lower(adjective.form) + " " + a.role;
    q.args = {p.args[0], a};
    q.attributes["construction"] = "argument";
    q.attributes["event"] = p.relation;
    q.attributes["argument"] = "complement";
    out.push_back(std::move(q));
    break;
  }
  return out;
}

// relations.from_to: the to-phrase of "changed from X to Y", which the parse
// hung on the from-phrase, is its own proposition worded by the relation
// without a preposition: (S)-[changed to]->(Y) besides (S)-[changed from]->(X).
std::vector<Proposition> range_ends(const Document& doc, Proposition& p, const std::string& base) {
  std::vector<Proposition> out;
  if (base.empty()) return out;
  const auto& s = doc.sentences[p.sentence];
  for (std::size_t i = 2; i < p.args.size(); ++i) {
    const Argument& a = p.args[i];
    const Argument& from = p.args[i - 1];
    if (a.role != "to" || from.role != "from" || a.head < 0 || from.head < 0 || s.tokens[a.head].head - 1 != from.head)
      continue;
    Proposition q = p;
    q.relation = base + " to";
    q.args = {p.args[0], a};
    q.attributes["construction"] = "argument";
    q.attributes["event"] = p.relation;
    q.attributes["argument"] = "to";
    out.push_back(std::move(q));
    p.args.erase(p.args.begin() + static_cast<long>(i));
    break;
  }
  return out;
}

// "put its troops on high alert", "fired rockets at the posts": an oblique
// after the object is a participant of its own. Values and places have their
// propositions (event_arguments) and names their edges (the graph builder); a
// common-noun phrase would otherwise be only an attribute of the event. Its relation says the verb, the object's head
// and the preposition: (X)-[put troops on]->(high alert).
std::vector<Proposition> object_obliques(const Document& doc, const Proposition& p, const std::string& base,
                                         const detail::ClauseLexicon& lex) {
  std::vector<Proposition> out;
  if (base.empty() || p.args.size() < 3 || p.args[1].role != "obj" || p.args[1].head < 0) return out;
  auto construction = p.attributes.find("construction");
  if (construction == p.attributes.end() || construction->second != "verb" || p.attributes.count("voice")) return out;
  const auto& s = doc.sentences[p.sentence];
  const Token& object = s.tokens[p.args[1].head];
  // A common noun only: a named object has its own node to take the fact.
  // A light verb's object is the event itself ("had possession in the game"):
  // the oblique is its circumstance.
  if (object.upos != "NOUN" || lex.light_verbs.contains(p.lemma)) return out;
  std::string noun = detail::ascii_lower(object.form);
  for (std::size_t i = 2; i < p.args.size(); ++i) {
    const Argument& a = p.args[i];
    if (a.head < 0 || is_core_role(a.role) || a.mention >= 0 || a.span.first < p.args[1].span.last) continue;
    if (lex.adjunct_preps.contains(a.role)) continue;
    const Token& h = s.tokens[a.head];
    if (h.upos != "NOUN" || h.deprel == "obl:tmod") continue;
    // "in the 28th minute": a time, not a participant.
    if (lex.time_units.contains(detail::ascii_lower(h.lemma.empty() ? h.form : h.lemma))) continue;
    // A phrase that runs into a clause ("the seat were Lee and Bo") is a misparse.
    bool clause = false;
    for (int w = a.span.first; w < a.span.last; ++w)
      clause = clause || s.tokens[w].upos == "VERB" || s.tokens[w].upos == "AUX";
    if (clause) continue;
    Proposition q = derived_from(p);
    q.relation = base + " " + noun + " " + a.role;
    q.args = {p.args[0], a};
    q.attributes["construction"] = "argument";
    q.attributes["event"] = p.relation;
    q.attributes["argument"] = "oblique";
    out.push_back(std::move(q));
  }
  return out;
}

// CaRB's gold keeps appositions inside arguments ("Trek 's president ,
// Dick Burke"); the graph does not (the apposition is its own proposition).
// Measured on CaRB dev: F1 0.446 -> 0.450, AUC 0.287 -> 0.290.
std::vector<int> with_appositions(const Sentence& s, const Clause& c, const Slot& slot) {
  std::vector<int> words = slot.words;
  if (slot.head < 0 || c.kind == Construction::Apposition || c.kind == Construction::Title) return words;
  int n = static_cast<int>(s.tokens.size());
  std::vector<int> added;
  for (int i = 0; i < n; ++i)
    if (s.tokens[i].head - 1 == slot.head && s.tokens[i].deprel == "appos") added.push_back(i);
  // Descendants of the appositions (heads always point inside the sentence).
  for (std::size_t k = 0; k < added.size(); ++k)
    for (int i = 0; i < n; ++i)
      if (s.tokens[i].head - 1 == added[k] && std::find(added.begin(), added.end(), i) == added.end())
        added.push_back(i);
  if (added.empty()) return words;
  words.insert(words.end(), added.begin(), added.end());
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  while (!words.empty() && s.tokens[words.back()].upos == "PUNCT") words.pop_back();
  return words;
}

CarbTuple to_carb(const Sentence& s, const Clause& c) {
  CarbTuple t;
  t.confidence = confidence(c, s);
  auto f = detail::confidence_features(c, s);
  t.features.assign(f.begin(), f.end());
  std::vector<int> rel = c.aux;
  rel.insert(rel.end(), c.verbs.begin(), c.verbs.end());
  std::size_t first = 0;
  if (!c.args.empty() && !is_core_role(c.args[0].role) && follows(c.args[0], c.pred)) {
    rel.insert(rel.end(), c.args[0].marker.begin(), c.args[0].marker.end());
    t.args.push_back(join_forms(s, with_appositions(s, c, c.subj)));
    t.args.push_back(join_forms(s, with_appositions(s, c, c.args[0])));
    first = 1;
  } else {
    t.args.push_back(join_forms(s, with_appositions(s, c, c.subj)));
  }
  for (std::size_t i = first; i < c.args.size(); ++i) {
    const auto& a = c.args[i];
    std::vector<int> w = a.marker;
    if (a.role == "attr" && c.kind == Construction::Copula) w.clear();  // folded into the relation
    if (a.role == "comp" && i == first) {
      rel.insert(rel.end(), w.begin(), w.end());
      w.clear();
    }
    auto words = with_appositions(s, c, a);
    w.insert(w.end(), words.begin(), words.end());
    std::sort(w.begin(), w.end());
    w.erase(std::unique(w.begin(), w.end()), w.end());
    t.args.push_back(join_forms(s, w));
  }
  std::sort(rel.begin(), rel.end());
  rel.erase(std::unique(rel.begin(), rel.end()), rel.end());
  t.relation = join_forms(s, rel);
  if (!c.synthetic.empty()) t.relation = t.relation.empty() ? c.synthetic : c.synthetic + " " + t.relation;
  return t;
}

void check_sentence(const Document& doc, int sentence) {
  if (sentence < 0 || sentence >= static_cast<int>(doc.sentences.size()))
    throw Error(ErrorKind::InvalidArgument, "document '" + doc.id + "' has no sentence " + std::to_string(sentence) +
                                                " (it has " + std::to_string(doc.sentences.size()) + ")");
}

class RelationStage : public Stage {
 public:
  explicit RelationStage(RelationExtractor rx) : rx_(std::move(rx)) {}
  std::string name() const override { return "relations"; }
  // Arguments link to the entity and coreference mentions (Document::mentions).
  std::vector<Layer> needs() const override {
    return {Layer::Tokens, Layer::Tags, Layer::Lemmas, Layer::Deps, Layer::Entities, Layer::Coref};
  }
  std::vector<Layer> adds() const override { return {Layer::Propositions}; }
  std::vector<std::string> rules() const override { return relation_rules(); }
  void process(Document& doc) const override {
    doc.propositions.clear();
    const detail::MentionIndex mentions(doc);
    for (int s = 0; s < static_cast<int>(doc.sentences.size()); ++s)
      for (auto& p : rx_.extract(doc, s, mentions)) doc.propositions.push_back(std::move(p));
  }

 private:
  RelationExtractor rx_;
};

}  // namespace

RelationExtractor::RelationExtractor(RelationSchema schema, detail::NpRelations np, detail::Attribution attribution)
    : schema_(std::move(schema)), np_(std::move(np)), attribution_(attribution) {}

RelationExtractor RelationExtractor::load(const std::string& schemas_dir, const std::vector<std::string>& disable) {
  const auto& nouns = detail::Resources::shared(schemas_dir).lexicon("relational_nouns");
  auto on = [&](const std::string& rule) { return std::find(disable.begin(), disable.end(), rule) == disable.end(); };
  const auto& attribution_rules = detail::Attribution::rule_names();
  detail::Attribution attribution(on(attribution_rules[0]), on(attribution_rules[1]),
                                  detail::WordSet(detail::Resources::shared(schemas_dir).lexicon("speech_verbs")),
                                  on(attribution_rules[2]), on(attribution_rules[3]), on(attribution_rules[4]));
  RelationExtractor rx(RelationSchema::load(schemas_dir + "/relations.json"), detail::NpRelations(&nouns, disable),
                       attribution);
  rx.rules_ = detail::ClauseRules::from(disable, schemas_dir);
  rx.name_list_ = on(detail::kNameListRule);
  rx.list_apposition_ = on(detail::kListAppositionRule);
  rx.shared_possessor_ = on(detail::kSharedPossessorRule);
  rx.named_examples_ = on(detail::kExamplesRule);
  rx.named_modifiers_ = on(detail::kNamedModifierRule);
  return rx;
}

// Clause constructions first, then the noun-phrase and attribution rules.
std::vector<std::string> relation_rules() {
  const auto& names = detail::rule_names();
  std::vector<std::string> out(names.begin(), names.end());
  for (auto& r : detail::NpRelations::rule_names()) out.push_back(r);
  for (auto& a : detail::Attribution::rule_names()) out.push_back(a);
  out.emplace_back(detail::kNameListRule);
  out.emplace_back(detail::kListAppositionRule);
  out.emplace_back(detail::kSharedPossessorRule);
  out.emplace_back(detail::kExamplesRule);
  out.emplace_back(detail::kNamedModifierRule);
  return out;
}

std::vector<Proposition> RelationExtractor::extract(const Document& doc, int sentence) const {
  return extract(doc, sentence, detail::MentionIndex(doc));
}

std::vector<Proposition> RelationExtractor::extract(const Document& doc, int sentence,
                                                    const detail::MentionIndex& index) const {
  check_sentence(doc, sentence);
  const std::span<const int> mentions = index.of(sentence);
  std::vector<Proposition> out;
  std::vector<std::pair<Proposition, std::string>> copies;  // for the other names of a subject list, with base
  auto add = [&](Proposition p, const std::string& base) {
    std::vector<Proposition> ends;
    if (rules_.on(detail::Rule::FromTo)) ends = range_ends(doc, p, base);
    std::vector<Proposition> adjective;
    if (rules_.on(detail::Rule::AdjectiveComplement) && rules_.lexicon)
      adjective = adjective_complements(doc, p, *rules_.lexicon);
    if (rules_.on(detail::Rule::EventArguments) && rules_.lexicon)
      for (auto& q : event_arguments(doc, p, base, *rules_.lexicon)) out.push_back(std::move(q));
    std::vector<Proposition> obliques;
    if (rules_.on(detail::Rule::ObjectOblique) && rules_.lexicon)
      obliques = object_obliques(doc, p, base, *rules_.lexicon);
    out.push_back(std::move(p));
    for (auto& q : obliques) out.push_back(std::move(q));
    for (auto& q : ends) out.push_back(std::move(q));
    for (auto& q : adjective) out.push_back(std::move(q));
  };
  for (const auto& c : detail::find_clauses(doc.sentences[sentence], schema_, rules_)) {
    if (c.subj.head < 0 || c.subj.words.empty()) continue;
    std::string base;
    auto p = to_proposition(doc, sentence, mentions, c, schema_, rules_, base);
    if (c.kind == Construction::Modifier && p.canonical.empty()) continue;
    if (list_apposition_ && (c.kind == Construction::Apposition || c.kind == Construction::Copula) &&
        detail::same_list(doc, p, mentions))
      continue;
    if (name_list_)
      for (auto& q : detail::distribute_over_names(doc, p, mentions)) copies.emplace_back(std::move(q), base);
    if (named_examples_)
      for (auto& q : detail::named_examples(doc, p, mentions)) copies.emplace_back(std::move(q), base);
    add(std::move(p), base);
  }
  // A copy the parse already gave (a coordination it read right) is left out.
  for (auto& copy : copies) {
    Proposition& q = copy.first;  // a plain reference: clang before 16 cannot capture a structured binding
    const auto& base = copy.second;
    auto same = [&](const Proposition& o) {
      return o.args.size() == q.args.size() && o.relation_words == q.relation_words &&
             o.args[0].mention == q.args[0].mention && (o.args.size() < 2 || o.args[1].head == q.args[1].head);
    };
    if (std::none_of(out.begin(), out.end(), same)) add(std::move(q), base);
  }
  for (auto& p : np_.find(doc, sentence, mentions)) {
    if (shared_possessor_)
      for (auto& q : detail::share_possessor(doc, p, mentions)) out.push_back(std::move(q));
    out.push_back(std::move(p));
  }
  if (named_modifiers_)
    for (auto& p : detail::named_modifiers(doc, sentence, mentions)) out.push_back(std::move(p));
  for (auto& p : attribution_.find(doc, sentence, index)) out.push_back(std::move(p));
  return out;
}

std::vector<CarbTuple> RelationExtractor::extract_carb(const Document& doc, int sentence) const {
  check_sentence(doc, sentence);
  const auto& s = doc.sentences[sentence];
  std::vector<CarbTuple> out;
  for (const auto& c : detail::find_clauses(s, schema_, rules_)) {
    if (c.subj.head < 0 || c.subj.words.empty() || c.args.empty()) continue;
    auto t = to_carb(s, c);
    if (t.args.size() < 2 || t.relation.empty()) continue;
    bool duplicate = false;
    for (const auto& o : out) duplicate = duplicate || (o.relation == t.relation && o.args == t.args);
    if (!duplicate) out.push_back(std::move(t));
  }
  return out;
}

std::vector<Proposition> extract(const Document& doc, int sentence) {
  static const RelationExtractor rx = RelationExtractor::load(default_schemas_dir());
  return rx.extract(doc, sentence);
}

std::string dump(const Document& doc, const Proposition& p) {
  std::string out;
  for (std::size_t i = 0; i < p.args.size(); ++i) {
    if (i == 1) out += "-[" + p.relation + "]->";
    if (i > 1) out += "-[" + p.args[i].role + "]->";
    out += "(" + p.args[i].text + ")";
  }
  if (p.args.size() < 2) out += "-[" + p.relation + "]";
  std::vector<std::string> tags;
  if (!p.canonical.empty()) tags.push_back(p.canonical);
  if (p.negated) tags.push_back("neg");
  if (!p.modality.empty()) tags.push_back(p.modality);
  if (!p.attribution.empty()) tags.push_back("by=" + p.attribution);
  if (!tags.empty()) {
    out += " {";
    for (std::size_t i = 0; i < tags.size(); ++i) out += (i ? " " : "") + tags[i];
    out += "}";
  }
  (void)doc;
  return out;
}

std::unique_ptr<Stage> make_relation_stage(const PipelineOptions& options) {
  return std::make_unique<RelationStage>(RelationExtractor::load(options.schemas(), options.disable));
}

}  // namespace relgraph
