// The graph builder: entities, literals, facts with evidence and the article
// node from an annotated Document (see include/relgraph/extract.hpp). Phrase
// trimming is relations/phrase, the fact filters relations/fact_filters,
// reference inside phrases coref/descriptions; word lists are in schemas/lexicon.
// Tests: tests/pipeline_test.cpp, tests/e2e_test.cpp
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "core/files.hpp"
#include "core/mention_index.hpp"
#include "core/resources.hpp"
#include "core/strings.hpp"
#include "coref/descriptions.hpp"
#include "relations/fact_filters.hpp"
#include "relations/phrase.hpp"
#include "relgraph/error.hpp"
#include "relgraph/extract.hpp"

namespace relgraph {
namespace {

std::string lower(std::string_view s) { return relgraph::detail::ascii_lower(s); }

// A word list of schemas/lexicon (the default schemas directory).
const detail::Lexicon& lexicon(const char* name) { return detail::Resources::shared().lexicon(name); }

bool is_value_type(const std::string& t) {
  return t == "DATE" || t == "TIME" || t == "MONEY" || t == "PERCENT" || t == "CARDINAL" || t == "QUANTITY" ||
         t == "ORDINAL";
}

std::string value_node_type(const std::string& t) {
  if (t == "DATE" || t == "TIME") return "Date";
  if (t == "MONEY") return "Money";
  return "Quantity";
}

// Edge attribute name for a value argument attached to an event.
std::string value_attribute(const std::string& type, const std::string& role) {
  if (type == "MONEY") return "amount";
  if (type == "DATE" || type == "TIME") {
    bool plain = role == "obj" || role == "subj" || role == "tmod" || lexicon("date_prepositions").contains(role);
    return plain ? "date" : role;  // "since", "until", "from", "between" ...
  }
  return "quantity";
}

bool is_place_role(const std::string& role) { return lexicon("place_prepositions").contains(role); }

// The argument's head word exists in the document.
bool head_ok(const Document& doc, const Argument& a) {
  return a.head >= 0 && a.span.sentence >= 0 && a.span.sentence < static_cast<int>(doc.sentences.size()) &&
         a.head < static_cast<int>(doc.sentences[a.span.sentence].tokens.size());
}

constexpr const char* kNameAfterTitle = "graph.name_after_title";    // "Acme spokesman [Bo Tan]"
constexpr const char* kNameAfterRole = "graph.name_after_role";      // "the agency's lawyer [Bo Tan]"
constexpr const char* kNameBeforeAside = "graph.name_before_aside";  // "Ambassador [Bo Tan], the envoy"

class Builder {
 public:
  Builder(const Document& doc, const GraphOptions& o) : doc_(doc), o_(o), mentions_(doc) {}
  KnowledgeGraph build();

 private:
  bool in_body(int sentence) const;
  bool on(const char* rule) const { return std::find(o_.disable.begin(), o_.disable.end(), rule) == o_.disable.end(); }
  std::string literal(const Argument& a) const {
    return detail::sentence_literal_phrase(doc_, a, o_.max_literal_words, relation_words_,
                                           mentions_.of(a.span.sentence), on(detail::kLiteralListRule));
  }
  int mention_for(const Argument& a) const;
  int name_after_title(const Argument& a) const;
  bool title_head(const Token& head) const;
  std::optional<KnowledgeGraph::Vertex> node_for(const Argument& a);
  KnowledgeGraph::Vertex value_node(const Argument& a, const EntityMention& em);
  std::optional<KnowledgeGraph::Vertex> literal_node(const std::string& label);
  std::optional<std::optional<KnowledgeGraph::Vertex>> relative_node(const Argument& a);
  std::optional<std::optional<KnowledgeGraph::Vertex>> described_node(const std::string& head_lemma);
  std::optional<KnowledgeGraph::Vertex> phrase_node(const Argument& a);
  Evidence evidence(const Proposition& p) const;
  Evidence sentence_evidence(int sentence) const;
  void add_entities();
  void add_fact(const Proposition& p);
  using ExtraEdge = std::pair<const Argument*, KnowledgeGraph::Vertex>;
  Argument counted_object(const Proposition& p, std::string& quantity) const;
  void relation_noun(const Proposition& p, bool copula, RelationEdge& r);
  void further_arguments(const Proposition& p, RelationEdge& r, std::vector<ExtraEdge>& extra);
  void add_extra_edges(const Proposition& p, const RelationEdge& r, KnowledgeGraph::Vertex subject,
                       const std::vector<ExtraEdge>& extra);
  void add_roles();
  void add_typed();
  std::pair<std::string, std::size_t> role_country(const EntityMention& role) const;
  struct RoleOrganisation {
    std::string title;                                   // "president"
    std::string predicate;                               // "president of"
    std::optional<KnowledgeGraph::Vertex> organisation;  // the named entity, or
    std::string phrase;                                  // the phrase the name is part of ("the Acme board"): a literal
    bool relational = false;  // "president of Acme": the edge is the whole fact, no role is left
  };
  std::optional<RoleOrganisation> role_organisation(int s, int first, int last, KnowledgeGraph::Vertex holder) const;
  void role_edge(KnowledgeGraph::Vertex holder, const RoleOrganisation& org, const std::string& surface, Evidence said);
  void add_role_edges();
  struct RoleEdge {
    KnowledgeGraph::Vertex holder;
    RoleOrganisation org;
    std::string surface;
    Evidence said;
  };
  std::vector<RoleEdge> role_edges_;  // added once every fact is in (add_role_edges)
  bool linked(KnowledgeGraph::Vertex a, KnowledgeGraph::Vertex b, const std::string& word) const;
  std::optional<KnowledgeGraph::Vertex> of_entity(const Proposition& p, const std::string& predicate);
  void add_article();
  void drop_isolated();

  const Document& doc_;
  const GraphOptions& o_;
  const detail::MentionIndex mentions_;  // per sentence
  KnowledgeGraph g_;
  std::vector<std::optional<KnowledgeGraph::Vertex>> entity_vertex_;
  std::map<std::string, KnowledgeGraph::Vertex> concept_by_head_;  // head lemma -> latest literal
  std::map<std::string, Argument> events_;  // event noun lemma -> its phrase ("Doe's visit to Peru")
  void note_event(const Proposition& p);
  Argument phrase_of(int s, int head) const;
  std::vector<int> relation_words_;  // the current proposition's predicate words
};

bool Builder::in_body(int sentence) const {
  if (sentence < 0 || sentence >= static_cast<int>(doc_.sentences.size())) return false;
  const auto& md = doc_.metadata;
  if (md.body_end <= md.body_begin) return true;
  const auto& s = doc_.sentences[sentence];
  return s.begin >= md.body_begin && s.begin < md.body_end && !md.in_furniture(s.begin);
}

// The mention an argument stands for: the extractor's link when it has an
// entity, else a mention (nominal and pronoun ones included) over its head.
int Builder::mention_for(const Argument& a) const {
  if (a.mention >= 0 && a.mention < static_cast<int>(doc_.mentions.size()) && doc_.mentions[a.mention].entity >= 0)
    return a.mention;
  int fallback = a.mention;
  if (a.head < 0) return fallback;
  // A function word as head is a parse error ("met with X" with "with" as
  // the argument): the first entity mention of the span stands in for it.
  if (a.span.sentence >= 0 && a.head < static_cast<int>(doc_.sentences[a.span.sentence].tokens.size())) {
    const auto& u = doc_.sentences[a.span.sentence].tokens[a.head].upos;
    if (u == "ADP" || u == "PART" || u == "SCONJ" || u == "CCONJ") {
      int best = -1;
      for (int m : mentions_.of(a.span.sentence)) {
        const auto& sp = doc_.mentions[m].span;
        if (sp.first < a.span.first || sp.last > a.span.last || doc_.mentions[m].entity < 0) continue;
        if (best < 0 || sp.first < doc_.mentions[best].span.first) best = m;
      }
      if (best >= 0) return best;
    }
  }
  for (int m : mentions_.of(a.span.sentence)) {
    const auto& sp = doc_.mentions[m].span;
    if (a.head < sp.first || a.head >= sp.last) continue;
    if (doc_.mentions[m].entity >= 0) return m;
    if (fallback < 0) fallback = m;
  }
  // "Mr[head] Smith[flat]": a title heading the name the recogniser found.
  if (fallback < 0 && a.span.sentence >= 0 &&
      a.head < static_cast<int>(doc_.sentences[a.span.sentence].tokens.size())) {
    const auto& toks = doc_.sentences[a.span.sentence].tokens;
    for (int m : mentions_.of(a.span.sentence)) {
      const auto& sp = doc_.mentions[m].span;
      if (doc_.mentions[m].entity < 0 || sp.first != a.head + 1) continue;
      if (toks[sp.first].head - 1 == a.head && toks[sp.first].deprel == "flat") return m;
    }
  }
  if (fallback < 0 && on(kNameAfterTitle)) return name_after_title(a);
  // A description mention without an entity over the head ("the news agency")
  // gives way to the name that ends the phrase ("... agency [Central News Service]").
  if (fallback >= 0 && on(kNameAfterTitle) && on(kNameAfterRole)) {
    int named = name_after_title(a);
    if (named >= 0) return named;
  }
  return fallback;
}

// "Afghan Ambassador to Peru Ann Lee", "the agency's spokesman Bo Tan": a
// phrase that ends in a name right after a noun or proper noun of its title
// (no verb, preposition or possessive before the name) is the named entity,
// whatever the parse made its head. -1 if none.
int Builder::name_after_title(const Argument& a) const {
  if (a.span.sentence < 0 || a.span.sentence >= static_cast<int>(doc_.sentences.size()) || a.span.empty()) return -1;
  const auto& toks = doc_.sentences[a.span.sentence].tokens;
  if (a.head < 0 || a.head >= static_cast<int>(toks.size()) || !title_head(toks[a.head])) return -1;
  int last = std::min<int>(a.span.last, static_cast<int>(toks.size()));
  // "Ambassador Bo Tan, the envoy, ...": the name ends the phrase before an aside.
  if (on(kNameBeforeAside))
    for (int i = a.head + 1; i < last; ++i)
      if (toks[i].form == ",") {
        last = i;
        break;
      }
  while (last > a.span.first && toks[last - 1].upos == "PUNCT") --last;
  // "... agency Central News Service (CNS)": the bracketed short form after the name.
  if (on(kNameAfterRole))
    for (int open = last - 1; open > a.span.first && last - open <= 4; --open)
      if (toks[open].form == "(") {
        last = open;
        break;
      }
  for (int m : mentions_.of(a.span.sentence)) {
    const auto& em = doc_.mentions[m];
    const auto& sp = em.span;
    if (sp.last != last || sp.first <= a.span.first || em.entity < 0 || (em.type != "PER" && em.type != "ORG") ||
        em.subtype == "Role" || em.subtype == "Nominal" || em.subtype == "Pronoun")
      continue;
    const auto& before = toks[sp.first - 1];
    if (before.upos != "NOUN" && before.upos != "PROPN") return -1;
    for (int i = a.span.first; i < sp.first; ++i)
      if (toks[i].upos == "VERB" || toks[i].upos == "AUX" || toks[i].upos == "PRON") return -1;
    return m;
  }
  return -1;
}

// The head is a title word ("Ambassador"), not a common noun the name only
// completes ("meeting with ... Lee"); with graph.name_after_role also a lower-case
// role or organisation noun ("ambassador", "agency": schemas/lexicon/
// relational_nouns.tsv with kind "role", organisation_nouns.tsv).
bool Builder::title_head(const Token& head) const {
  if (head.form.empty()) return false;
  if (std::isupper(static_cast<unsigned char>(head.form[0]))) return true;
  if (!on(kNameAfterRole) || head.upos != "NOUN") return false;
  std::string lemma = detail::ascii_lower(head.lemma.empty() ? head.form : head.lemma);
  if (lexicon("organisation_nouns").contains(lemma)) return true;
  const auto* row = lexicon("relational_nouns").find(lemma);
  return row != nullptr && row->size() >= 2 && row->back() == "role";
}

bool is_date_type(const std::string& t) { return t == "DATE" || t == "TIME"; }

// Graph-building rules besides the fact filters (graph_rules()).
constexpr const char* kValueOfPhrase = "graph.value_of_phrase";  // "46 percent [of the damage]"
constexpr const char* kRoleTitle = "graph.role_title";           // "[president] of Acme" -> role + edge to Acme

// The end of an "of" phrase right after words [first, last) and depending
// on one of them ("46 percent [of the damage to crops]"), within `limit`;
// `last` when there is none.
int of_phrase_end(const std::vector<Token>& toks, int first, int last, int limit) {
  if (last >= limit || detail::ascii_lower(toks[last].form) != "of") return last;
  int noun = toks[last].head - 1;
  if (noun <= last || noun >= limit) return last;
  int h = toks[noun].head - 1;
  if (h < first || h >= last) return last;
  int end = noun + 1;
  for (int i = noun + 1; i < limit; ++i) {
    int x = i;
    for (int steps = 0; x >= 0 && x != noun && steps < 50; ++steps) x = toks[x].head - 1;
    if (x == noun) end = i + 1;
  }
  return end;
}

// A Date / Money / Quantity node for a value mention: the phrase up to the
// value's end ("about 3,000 fighters", not "5 euros on Wednesday for ...").
KnowledgeGraph::Vertex Builder::value_node(const Argument& a, const EntityMention& em) {
  EntityNode n;
  Argument upto = a;
  if (em.span.sentence == a.span.sentence && em.span.last > a.span.first && em.span.last < a.span.last) {
    const auto& toks = doc_.sentences[a.span.sentence].tokens;
    int last = em.span.last;
    // Keep the counted noun right after a number ("3,000 fighters").
    if (last < a.span.last && (toks[last].upos == "NOUN" || toks[last].upos == "PROPN")) ++last;
    // ... and what an amount is counted of ("46 percent of the damage").
    if (!is_date_type(em.type) && on(kValueOfPhrase))
      last = std::max(last, of_phrase_end(toks, em.span.first, last, a.span.last));
    upto.span.last = last;
    upto.span.end = toks[last - 1].end;
    upto.text = detail::squeeze_spaces(doc_.slice(upto.span.begin, upto.span.end));
  }
  n.label = literal(upto);
  if (n.label.empty()) n.label = em.text;
  n.type = value_node_type(em.type);
  n.value = em.value.empty() ? em.text : em.value;
  n.id = entity_id(n.label);
  return g_.add_entity(std::move(n));
}

std::optional<KnowledgeGraph::Vertex> Builder::literal_node(const std::string& label) {
  if (label.empty()) return std::nullopt;
  EntityNode n;
  n.label = label;
  n.type = "Literal";
  n.value = n.label;
  n.id = entity_id(n.label);
  if (n.id.empty()) return std::nullopt;
  return g_.add_entity(std::move(n));
}

// A relative clause the extractor could not attach ("which threaten ...",
// "half of whom"): without its antecedent the phrase names nothing; with it,
// "X, half of whom ..." -> "half of X". Unset when the argument has none.
std::optional<std::optional<KnowledgeGraph::Vertex>> Builder::relative_node(const Argument& a) {
  auto rel = detail::relative_pronoun_in(doc_, a);
  if (rel.word < 0) return std::nullopt;
  std::optional<KnowledgeGraph::Vertex> none;
  if (!rel.after_of) return none;
  std::string antecedent = detail::relative_antecedent(doc_, a.span.sentence, a.span.first);
  if (antecedent.empty()) return none;
  std::string phrase = literal(a);
  auto pos = lower(phrase).rfind(rel.form);
  if (pos == std::string::npos) return none;
  return literal_node(phrase.substr(0, pos) + antecedent + phrase.substr(pos + rel.form.size()));
}

// A bare definite description ("the report", "these groups") names the
// concept an earlier argument with the same head introduced, an event a noun
// stated ("the visit" after "Doe's visit to Peru") or a compound ending in
// the same noun ("the game" after "a wargame"). Unset when it names none.
std::optional<std::optional<KnowledgeGraph::Vertex>> Builder::described_node(const std::string& head_lemma) {
  if (auto it = concept_by_head_.find(head_lemma); it != concept_by_head_.end()) return it->second;
  if (auto ev = events_.find(head_lemma); ev != events_.end()) {
    Argument whole = ev->second;
    events_.erase(ev);
    auto saved = relation_words_;
    relation_words_.clear();
    auto v = node_for(whole);
    relation_words_ = saved;
    if (v) concept_by_head_[head_lemma] = *v;
    return v;
  }
  for (const auto& [h, v] : concept_by_head_)
    if (detail::compound_names(h, head_lemma)) return std::optional<KnowledgeGraph::Vertex>(v);
  return std::nullopt;
}

// An argument that is no entity: nothing (an unattached clause, an
// unresolved pronoun), the concept it refers back to, or a literal node.
std::optional<KnowledgeGraph::Vertex> Builder::phrase_node(const Argument& a) {
  if (a.span.sentence >= 0 && !a.span.empty()) {
    if (auto r = relative_node(a)) return *r;
    const Token& f = doc_.sentences[a.span.sentence].tokens[a.span.first];
    if (f.upos == "VERB" && f.xpos != "VBG" && a.role == "subj") return std::nullopt;  // "threaten interests"
  }
  // An unresolved pronoun says nothing a reader could use.
  if (head_ok(doc_, a)) {
    const auto& h = doc_.sentences[a.span.sentence].tokens[a.head];
    if (h.upos == "PRON" || (h.upos == "DET" && a.span.last - a.span.first == 1)) return std::nullopt;
  }
  auto d = detail::description_of(doc_, a);
  if (d.bare_definite)
    if (auto v = described_node(d.head_lemma)) return *v;
  // An appositive noun ("..., a claim which ...") restates its anchor, which
  // carries the content: the anchor's phrase names the concept.
  if (a.role != "phrase")
    if (int g = detail::appositive_anchor(doc_, a, mentions_.of(a.span.sentence)); g >= 0)
      return node_for(phrase_of(a.span.sentence, g));
  auto v = literal_node(literal(a));
  if (!v) return v;
  // Only a noun phrase introduces a concept a later "the <noun>" can name;
  // a clause headed by the verb "cut" is not "the cuts".
  bool nominal_head = head_ok(doc_, a) && doc_.sentences[a.span.sentence].tokens[a.head].upos == "NOUN";
  if (!d.head_lemma.empty() && !d.bare_definite && nominal_head) concept_by_head_[d.head_lemma] = *v;
  return v;
}

std::optional<KnowledgeGraph::Vertex> Builder::node_for(const Argument& a) {
  if (a.text.empty() && a.span.empty()) return std::nullopt;
  int m = mention_for(a);
  if (m >= 0) {
    const auto& em = doc_.mentions[m];
    if (em.entity >= 0 && entity_vertex_[em.entity]) return entity_vertex_[em.entity];
    if (is_value_type(em.type)) return value_node(a, em);
  }
  return phrase_node(a);
}

Evidence Builder::sentence_evidence(int sentence) const {
  const auto& s = doc_.sentences[sentence];
  Evidence e;
  e.document = doc_.id;
  e.sentence = sentence;
  e.begin = s.begin;
  e.end = s.end;
  if (s.end <= doc_.text.size() && s.begin <= s.end) e.text = detail::squeeze_spaces(doc_.slice(s.begin, s.end));
  return e;
}

// The sentence as evidence text, the proposition's own words as the span.
Evidence Builder::evidence(const Proposition& p) const {
  Evidence e = sentence_evidence(p.sentence);
  const auto& toks = doc_.sentences[p.sentence].tokens;
  std::size_t b = e.end, en = e.begin;
  for (const auto& a : p.args)
    if (!a.span.empty()) b = std::min(b, a.span.begin), en = std::max(en, a.span.end);
  for (int w : p.relation_words)
    if (w >= 0 && w < static_cast<int>(toks.size())) b = std::min(b, toks[w].begin), en = std::max(en, toks[w].end);
  if (b < en) e.begin = b, e.end = en;
  return e;
}

void Builder::add_entities() {
  entity_vertex_.assign(doc_.entities.size(), std::nullopt);
  for (std::size_t i = 0; i < doc_.entities.size(); ++i) {
    const Entity& e = doc_.entities[i];
    EntityNode n;
    n.label = e.label;
    n.id = entity_id(e.label);
    n.type = e.type.empty() ? "Thing" : e.type;
    n.aliases = e.aliases;
    for (int m : e.mentions) {
      if (m < 0 || m >= static_cast<int>(doc_.mentions.size())) continue;
      const auto& sp = doc_.mentions[m].span;
      n.mentions.push_back({doc_.id, sp.sentence, sp.begin, sp.end});
    }
    if (n.id.empty()) continue;
    entity_vertex_[i] = g_.add_entity(std::move(n));
  }
}

// Canonical relations that are broad classes rather than one relation: the
// reporting verbs (stress, deny, reveal ... are all "said") and possession.
// Their edges keep the surface verb, which says more; the class is kept as
// the `canonical` attribute.
const std::set<std::string> kBroadRelations = {"said", "has", "has_member"};

std::string readable(std::string name) {
  std::replace(name.begin(), name.end(), '_', ' ');  // "branch_of" -> "branch of"
  return name;
}

// The whole phrase headed by word `head` of sentence `s`, as an argument.
Argument Builder::phrase_of(int s, int head) const {
  const auto& toks = doc_.sentences[s].tokens;
  int lo = head, hi = head;
  for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
    int x = i;
    for (int steps = 0; x >= 0 && x != head && steps < 50; ++steps) x = toks[x].head - 1;
    if (x == head) lo = std::min(lo, i), hi = std::max(hi, i);
  }
  Argument a;
  a.role = "phrase";
  a.head = head;
  a.span = {s, lo, hi + 1, toks[lo].begin, toks[hi].end};
  a.text = detail::squeeze_spaces(doc_.slice(a.span.begin, a.span.end));
  return a;
}

// An event stated by a noun ("Doe's visit to Peru", construction nominal or
// possessive) can be named later by a definite description ("the visit").
void Builder::note_event(const Proposition& p) {
  auto c = p.attributes.find("construction");
  if (c == p.attributes.end() || (c->second != "nominal" && c->second != "poss")) return;
  const auto& toks = doc_.sentences[p.sentence].tokens;
  for (int w : p.relation_words) {
    if (w < 0 || w >= static_cast<int>(toks.size()) || toks[w].upos != "NOUN") continue;
    // The noun's subtree; literal_phrase trims a leading apposition before a comma.
    events_[lower(toks[w].lemma.empty() ? toks[w].form : toks[w].lemma)] = phrase_of(p.sentence, w);
    return;
  }
}

// "bought 12 Airbus planes": a count before a name is an
// attribute of the event; the named thing is the object.
Argument Builder::counted_object(const Proposition& p, std::string& quantity) const {
  Argument object_arg = p.args[1];
  if (!head_ok(doc_, object_arg) || mention_for(object_arg) >= 0) return object_arg;
  const auto& toks = doc_.sentences[object_arg.span.sentence].tokens;
  int f = object_arg.span.first;
  if (toks[object_arg.head].upos == "PROPN" && toks[f].upos == "NUM" && toks[f].deprel == "nummod" &&
      f + 1 < object_arg.span.last) {
    quantity = toks[f].form;
    object_arg.span.first = f + 1;
    object_arg.span.begin = toks[f + 1].begin;
    object_arg.text = detail::squeeze_spaces(doc_.slice(object_arg.span.begin, object_arg.span.end));
  }
  return object_arg;
}

// "X is the armed branch of Y" with no canonical relation: the relation
// noun names it ("branch of"), as in ReVerb's "is the N of" pattern.
void Builder::relation_noun(const Proposition& p, bool copula, RelationEdge& r) {
  const Argument& o = p.args[1];
  if (!copula || !p.canonical.empty() || !head_ok(doc_, o)) return;
  const Token& h = doc_.sentences[o.span.sentence].tokens[o.head];
  if (h.upos != "NOUN") return;
  std::string noun = lower(h.lemma.empty() ? h.form : h.lemma);
  if (of_entity(p, noun + " of")) r.predicate = noun + " of";
}

// Further arguments: values and places become attributes of the event,
// other entities a fact of their own ("met with X in Y" -> place = Y).
void Builder::further_arguments(const Proposition& p, RelationEdge& r, std::vector<ExtraEdge>& extra) {
  auto append = [&](const std::string& key, const std::string& value) {
    auto& slot = r.attributes[key];
    slot = slot.empty() ? value : slot + "; " + value;
  };
  for (std::size_t i = 2; i < p.args.size(); ++i) {
    const Argument& a = p.args[i];
    int m = mention_for(a);
    if (m >= 0 && is_value_type(doc_.mentions[m].type)) {
      const auto& em = doc_.mentions[m];
      append(value_attribute(em.type, a.role), em.value.empty() ? em.text : em.value);
      continue;
    }
    if (m >= 0 && doc_.mentions[m].entity >= 0) {
      const auto& ent = doc_.entities[doc_.mentions[m].entity];
      if ((ent.type == "Country" || ent.type == "Place") && is_place_role(a.role)) {
        append("place", ent.label);
        continue;
      }
      if (auto v = node_for(a)) extra.emplace_back(&a, *v);
      continue;
    }
    std::string phrase = literal(a);
    if (!phrase.empty()) append(a.role, phrase);
  }
}

// An edge of its own to each further entity, worded by the relation and the
// argument's preposition.
void Builder::add_extra_edges(const Proposition& p, const RelationEdge& r, KnowledgeGraph::Vertex subject,
                              const std::vector<ExtraEdge>& extra) {
  for (const auto& [a, v] : extra) {
    if (v == subject) continue;
    RelationEdge x = r;
    // not English: argument role names.
    static const std::set<std::string> core = {"subj", "obj", "iobj", "comp", "attr"};
    // The first oblique's preposition is folded into the relation ("met with"):
    // another argument takes its own ("met at" Acme, not "met with at").
    std::string relation = lower(p.relation);
    if (p.args.size() > 1 && !core.count(p.args[1].role) && !p.args[1].role.empty() && !core.count(a->role) &&
        relation.size() > p.args[1].role.size() &&
        relation.compare(relation.size() - p.args[1].role.size() - 1, std::string::npos, " " + p.args[1].role) == 0)
      relation.resize(relation.size() - p.args[1].role.size() - 1);
    x.predicate = core.count(a->role) ? relation : relation + " " + a->role;
    // A complex preposition right before the entity says how it takes part:
    // "in cooperation with X", "on behalf of X", "in response to X".
    const auto& toks = doc_.sentences[p.sentence].tokens;
    int f = a->span.first;
    if (f >= 3 && toks[f - 1].upos == "ADP" && toks[f - 2].upos == "NOUN" && toks[f - 3].upos == "ADP")
      x.predicate = lower(toks[f - 3].form + " " + toks[f - 2].form + " " + toks[f - 1].form);
    x.surface = x.predicate;
    g_.add_relation(subject, v, std::move(x));
  }
}

void Builder::add_fact(const Proposition& p) {
  if (!in_body(p.sentence)) return;
  note_event(p);
  if (p.args.size() < 2) return;
  relation_words_ = p.relation_words;
  auto subject = node_for(p.args[0]);
  std::string quantity;
  auto object = node_for(counted_object(p, quantity));
  if (!subject || !object || *subject == *object) return;
  const EntityNode& sn = g_.node(*subject);
  const EntityNode& on = g_.node(*object);
  auto construction = p.attributes.find("construction");
  detail::FactView fact{doc_,
                        p,
                        sn.type,
                        on.type,
                        entity_key(sn.label),
                        entity_key(on.label),
                        construction == p.attributes.end() ? "" : construction->second,
                        detail::is_copula(p)};
  if (!detail::dropping_filter(fact, o_.disable).empty()) return;
  RelationEdge r;
  r.surface = p.relation;
  const Argument& o = p.args[1];
  bool clausal =
      head_ok(doc_, o) && (doc_.sentences[o.span.sentence].tokens[o.head].upos == "VERB" || o.role == "comp");
  r.predicate = predicate_label(p, clausal);
  if (!p.canonical.empty()) r.attributes["canonical"] = readable(p.canonical);
  if (r.predicate.empty()) return;
  relation_noun(p, fact.copula, r);
  // "X is the Syrian branch of Y" -[branch of]-> Y, not -> "Syrian branch of Y".
  if (auto y = of_entity(p, r.predicate); y && *y != *subject) {
    r.attributes["object_phrase"] = on.label;
    object = y;
  }
  // "X holds role [president of Acme]": the title is the role, Acme an edge of its own.
  if (r.predicate == "holds role" && this->on(kRoleTitle) && on.type == "Literal" && head_ok(doc_, o))
    if (auto org = role_organisation(o.span.sentence, o.span.first, o.span.last, *subject)) {
      role_edge(*subject, *org, p.relation, evidence(p));
      if (org->relational) return;
      object = literal_node(org->title);
    }
  if (!quantity.empty()) r.attributes["quantity"] = quantity;
  r.confidence = p.confidence;
  r.negated = p.negated;
  r.modality = p.modality;
  for (const auto& [k, v] : p.attributes)
    if (k != "construction") r.attributes[k] = v;
  if (!p.attribution.empty()) r.attributes["attribution"] = p.attribution;
  r.evidence.push_back(evidence(p));
  std::vector<ExtraEdge> extra;
  further_arguments(p, r, extra);
  add_extra_edges(p, r, *subject, extra);
  g_.add_relation(*subject, *object, std::move(r));
}

// Leading country words of a role phrase ("US Ambassador to Peru"): the
// country, from the mentions over them, and the byte length they take.
std::pair<std::string, std::size_t> Builder::role_country(const EntityMention& role) const {
  const auto& toks = doc_.sentences[role.span.sentence].tokens;
  std::string country;
  std::size_t end = role.span.begin;
  for (int i = role.span.first; i < role.span.last; ++i) {
    std::string found;
    for (int k : mentions_.of(role.span.sentence)) {
      const auto& m = doc_.mentions[k];
      if (i < m.span.first || i >= m.span.last || m.subtype == "Role") continue;
      if (m.entity >= 0 && doc_.entities[m.entity].type == "Country")
        found = doc_.entities[m.entity].label;
      else if (m.type == "NORP" && !m.canonical.empty())
        found = m.canonical;  // a demonym
    }
    if (found.empty()) break;
    country = found;
    end = toks[i].end;
  }
  return {country, end - role.span.begin};
}

// When the predicate ends in "of" and the object's head noun is the
// predicate's own noun ("branch"), the entity after "of" is the real object.
std::optional<KnowledgeGraph::Vertex> Builder::of_entity(const Proposition& p, const std::string& predicate) {
  const Argument& o = p.args[1];
  if (predicate.size() < 4 || predicate.compare(predicate.size() - 3, 3, " of") != 0) return std::nullopt;
  if (o.head < 0 || o.span.sentence < 0) return std::nullopt;
  const auto& toks = doc_.sentences[o.span.sentence].tokens;
  std::string noun = lower(toks[o.head].lemma.empty() ? toks[o.head].form : toks[o.head].lemma);
  if (predicate.compare(0, noun.size(), noun) != 0) return std::nullopt;
  // Surface first ("branch of [the] Y" right after the noun), then the tree.
  int at = o.head + 1;
  if (at < o.span.last && lower(toks[at].form) == "of") {
    ++at;
    if (at < o.span.last && lower(toks[at].form) == "the") ++at;
    for (int k : mentions_.of(o.span.sentence))
      if (const auto& m = doc_.mentions[k]; m.span.first == at && m.entity >= 0 && entity_vertex_[m.entity])
        return entity_vertex_[m.entity];
  }
  for (int i = o.span.first; i < o.span.last; ++i) {
    if (toks[i].head - 1 != o.head || toks[i].deprel.rfind("nmod", 0) != 0) continue;
    bool of = false;
    for (int j = o.span.first; j < o.span.last; ++j)
      if (toks[j].head - 1 == i && lower(toks[j].form) == "of") of = true;
    if (!of) continue;
    for (int k : mentions_.of(o.span.sentence))
      if (const auto& m = doc_.mentions[k];
          m.span.first <= i && i < m.span.last && m.entity >= 0 && entity_vertex_[m.entity])
        return entity_vertex_[m.entity];
  }
  return std::nullopt;
}

// The words [first, last) of role mention `role` in its sentence: those that
// spell its canonical text, which may start before the mention ("[Acme]
// lawyer" when the name keeps its own mention) and run past it. {-1, -1} if
// no words spell it.
std::pair<int, int> role_words(const std::vector<Token>& toks, const EntityMention& role) {
  const std::string& c = role.canonical;
  for (int first = role.span.first; first >= 0 && first >= role.span.first - 8; --first) {
    std::size_t pos = 0;
    int i = first;
    for (; i < static_cast<int>(toks.size()); ++i) {
      while (pos < c.size() && c[pos] == ' ') ++pos;
      if (pos >= c.size() || c.compare(pos, toks[i].form.size(), toks[i].form) != 0) break;
      pos += toks[i].form.size();
    }
    while (pos < c.size() && c[pos] == ' ') ++pos;
    if (pos >= c.size() && i > role.span.first) return {first, i};
  }
  return {-1, -1};
}

// The words [first, last) of sentence s as the text writes them.
std::string words_text(const Document& doc, int s, int first, int last) {
  const auto& toks = doc.sentences[s].tokens;
  return detail::squeeze_spaces(doc.slice(toks[first].begin, toks[last - 1].end));
}

// A role that names another entity, words [first, last) of sentence s:
// "president of the Lombard League", "Acme spokesman", "the agency's lawyer"
// -> the title ("president") and an edge to the organisation or place
// ("president of"). Only a title of nouns and adjectives, before the name or
// before an affiliation preposition and the name, with nothing after but the
// name's own nouns or a bracketed aside.
std::optional<Builder::RoleOrganisation> Builder::role_organisation(int s, int first, int last,
                                                                    KnowledgeGraph::Vertex holder) const {
  const auto& toks = doc_.sentences[s].tokens;
  while (first < last && toks[first].upos == "DET") ++first;
  while (last > first && toks[last - 1].upos == "PUNCT") --last;
  auto title_words = [&](int a, int b) {
    if (a >= b) return false;
    for (int i = a; i < b; ++i)
      if (toks[i].upos != "NOUN" && toks[i].upos != "ADJ" && toks[i].upos != "PROPN") return false;
    return toks[b - 1].upos == "NOUN" || toks[b - 1].upos == "PROPN";
  };
  // The end of the organisation's phrase: the name, its own nouns ("the
  // Acme [board]", "Acme['s board]"), up to a bracketed aside; -1 if other words follow.
  auto phrase_end = [&](int from) {
    for (int i = from; i < last; ++i) {
      if (toks[i].form == "(") return i;
      if (toks[i].upos != "NOUN" && toks[i].upos != "PROPN" && toks[i].upos != "PART") return -1;
    }
    return last;
  };
  for (int k : mentions_.of(s)) {
    const auto& em = doc_.mentions[k];
    if (em.span.first < first || em.span.last > last || em.entity < 0 || !entity_vertex_[em.entity] ||
        *entity_vertex_[em.entity] == holder || em.type == "PER" || is_value_type(em.type) || em.subtype == "Role" ||
        em.subtype == "Nominal" || em.subtype == "Pronoun")
      continue;
    KnowledgeGraph::Vertex org = *entity_vertex_[em.entity];
    // "Acme spokesman", "Acme's spokesman".
    if (em.span.first == first) {
      int t = em.span.last;
      if (t < last && toks[t].upos == "PART") ++t;
      if (!title_words(t, last)) continue;
      std::string title = words_text(doc_, s, t, last);
      return RoleOrganisation{title, lower(title) + " of", org, "", false};
    }
    // "president of [the] Acme".
    int p = em.span.first - 1;
    while (p > first && toks[p].upos == "DET") --p;
    if (toks[p].upos != "ADP" || !lexicon("affiliation_prepositions").contains(lower(toks[p].form))) continue;
    int end = phrase_end(em.span.last);
    if (end < 0 || !title_words(first, p)) continue;
    std::string title = words_text(doc_, s, first, p);
    RoleOrganisation out{title, lower(title + " " + toks[p].form), org, "", true};
    if (end > em.span.last) {
      int from = p + 1;
      while (from < em.span.first && toks[from].upos == "DET") ++from;
      out.organisation.reset();
      out.phrase = words_text(doc_, s, from, end);
    }
    return out;
  }
  return std::nullopt;
}

// The edge a role names ("president of" Acme), kept for add_role_edges.
void Builder::role_edge(KnowledgeGraph::Vertex holder, const RoleOrganisation& org, const std::string& surface,
                        Evidence said) {
  role_edges_.push_back({holder, org, surface, std::move(said)});
}

// The edges roles name, unless an edge between the two already says it
// ("leads (president of)").
void Builder::add_role_edges() {
  for (auto& e : role_edges_) {
    if (!e.org.organisation) e.org.organisation = literal_node(e.org.phrase);
    if (!e.org.organisation || linked(e.holder, *e.org.organisation, lower(e.org.title))) continue;
    RelationEdge r;
    r.predicate = e.org.predicate;
    r.surface = e.surface;
    r.confidence = 0.9;
    r.attributes["source"] = "role";
    r.evidence.push_back(std::move(e.said));
    g_.add_relation(e.holder, *e.org.organisation, std::move(r));
  }
  role_edges_.clear();
}

// An edge between a and b, either way, whose predicate holds `word`.
bool Builder::linked(KnowledgeGraph::Vertex a, KnowledgeGraph::Vertex b, const std::string& word) const {
  const auto& g = g_.graph();
  auto says = [&](KnowledgeGraph::Vertex from, KnowledgeGraph::Vertex to) {
    for (auto e : boost::make_iterator_range(boost::out_edges(from, g)))
      if (boost::target(e, g) == to && g[e].predicate.find(word) != std::string::npos) return true;
    return false;
  };
  return says(a, b) || says(b, a);
}

void Builder::add_roles() {
  for (const auto& m : doc_.mentions) {
    if (m.subtype != "Role" || m.entity < 0 || m.canonical.empty() || !entity_vertex_[m.entity]) continue;
    if (!in_body(m.span.sentence)) continue;
    // "US Ambassador to Peru" -> role "Ambassador to Peru" with country = United States,
    // so the role is not a second name of the person.
    auto [country, skip] = role_country(m);
    std::string label = m.canonical;
    if (!country.empty() && skip < label.size()) {
      label = label.substr(skip);
      while (!label.empty() && (label[0] == ' ' || label[0] == '-')) label.erase(0, 1);
    }
    if (label.empty()) continue;
    // "president of Acme", "Acme spokesman": the title is the role, Acme an edge of its own.
    if (auto [first, last] = role_words(doc_.sentences[m.span.sentence].tokens, m); last >= 0 && on(kRoleTitle)) {
      const auto& toks = doc_.sentences[m.span.sentence].tokens;
      while (skip > 0 && first < last && toks[first].begin < m.span.begin + skip) ++first;
      if (auto org = role_organisation(m.span.sentence, first, last, *entity_vertex_[m.entity])) {
        role_edge(*entity_vertex_[m.entity], *org, m.canonical, sentence_evidence(m.span.sentence));
        if (org->relational) continue;
        label = org->title;
      }
    }
    // "officers of the Police Unit (PU)": a role naming the entity itself is no role of it.
    if (entity_key(label).find(entity_key(g_.node(*entity_vertex_[m.entity]).label)) != std::string::npos) continue;
    EntityNode n;
    n.label = label;
    n.type = "Literal";
    n.value = label;
    n.id = entity_id(n.label);
    if (n.id.empty()) continue;
    auto v = g_.add_entity(std::move(n));
    RelationEdge r;
    r.predicate = "holds role";
    r.surface = m.canonical;
    r.confidence = 0.9;
    if (!country.empty()) r.attributes["country"] = country;
    Evidence e = sentence_evidence(m.span.sentence);
    e.begin = m.span.begin;
    e.end = m.span.end;
    r.evidence.push_back(e);
    g_.add_relation(*entity_vertex_[m.entity], v, std::move(r));
  }
}

// Typed relations (Document::typed_facts). An asserted open edge between the
// same entities that states the fact becomes the typed edge: it keeps its
// wording and direction and gains the Wikidata property ("wikidata",
// "wikidata_label", and "wikidata_inverse" when it runs from the property's
// value to its subject) and the classifier's evidence; several such edges
// become one. A fact no open edge states is an edge of its own, in the
// property's direction and named by its canonical name, when its confidence
// reaches GraphOptions::typed_alone.
void Builder::add_typed() {
  auto& g = g_.graph();
  auto vertex = [&](int e) {
    return e >= 0 && e < static_cast<int>(entity_vertex_.size()) ? entity_vertex_[e] : std::nullopt;
  };
  for (const TypedFact& f : doc_.typed_facts) {
    auto s = vertex(f.subject), o = vertex(f.object);
    if (!s || !o || *s == *o || f.property.empty() || !in_body(f.sentence)) continue;
    std::vector<std::pair<KnowledgeGraph::Edge, bool>> explained;  // edge, runs from the object
    auto collect = [&](KnowledgeGraph::Vertex from, KnowledgeGraph::Vertex to, const std::vector<std::string>& names,
                       bool inverse) {
      for (auto e : boost::make_iterator_range(boost::out_edges(from, g))) {
        const RelationEdge& open = g[e];
        auto c = open.attributes.find("canonical");
        if (boost::target(e, g) != to || open.negated || !open.modality.empty() || c == open.attributes.end() ||
            open.attributes.count("wikidata"))
          continue;
        for (const auto& n : names)
          if (readable(n) == c->second) {
            explained.emplace_back(e, inverse);
            break;
          }
      }
    };
    collect(*s, *o, f.explains, false);
    collect(*o, *s, f.explains_inverse, true);
    auto typed_already = [&](KnowledgeGraph::Vertex from, KnowledgeGraph::Vertex to) {
      for (auto e : boost::make_iterator_range(boost::out_edges(from, g))) {
        auto w = g[e].attributes.find("wikidata");
        if (boost::target(e, g) == to && w != g[e].attributes.end() && w->second == f.property) return true;
      }
      return false;
    };
    if (explained.empty() && (typed_already(*s, *o) || typed_already(*o, *s))) continue;
    Evidence said = sentence_evidence(f.sentence);
    std::string label = f.label.empty() ? f.property : f.label;
    if (explained.empty()) {
      if (f.confidence < o_.typed_alone) continue;
      RelationEdge r;
      r.predicate = readable(f.name.empty() ? f.property : f.name);
      r.confidence = f.confidence;
      r.attributes = {{"wikidata", f.property}, {"wikidata_label", label}, {"source", "classifier"}};
      r.evidence.push_back(said);
      g_.add_relation(*s, *o, std::move(r));
      continue;
    }
    auto [keep, inverse] = explained.front();
    RelationEdge& r = g[keep];
    r.attributes["wikidata"] = f.property;
    r.attributes["wikidata_label"] = label;
    if (inverse) r.attributes["wikidata_inverse"] = "true";
    r.confidence = std::max(r.confidence, f.confidence);
    std::vector<Evidence> evidence = {said};
    for (std::size_t i = 1; i < explained.size(); ++i) {
      const RelationEdge& other = g[explained[i].first];
      r.confidence = std::max(r.confidence, other.confidence);
      evidence.insert(evidence.end(), other.evidence.begin(), other.evidence.end());
    }
    for (auto& ev : evidence)
      if (std::find(r.evidence.begin(), r.evidence.end(), ev) == r.evidence.end()) r.evidence.push_back(ev);
    std::sort(r.evidence.begin(), r.evidence.end());
    for (std::size_t i = 1; i < explained.size(); ++i) boost::remove_edge(explained[i].first, g);
  }
}

void Builder::add_article() {
  const Metadata& md = doc_.metadata;
  auto& props = g_.properties();
  props["source"] = doc_.id;
  if (!md.title.empty()) props["title"] = md.title;
  if (!md.date_published.empty()) props["datePublished"] = md.date_published;
  if (!o_.article) return;
  EntityNode a;
  a.label = md.title.empty() ? doc_.id : md.title;
  a.id = entity_id(a.label);
  if (a.id.empty()) return;
  a.type = "CreativeWork";
  a.attributes["schemaType"] = "NewsArticle";
  a.attributes["url"] = doc_.id;
  if (!md.title.empty()) a.attributes["headline"] = md.title;
  if (!md.date_published.empty()) a.attributes["datePublished"] = md.date_published;
  if (!md.section.empty()) a.attributes["articleSection"] = md.section;
  if (!md.dateline.empty()) a.attributes["dateline"] = md.dateline;
  if (!md.author.empty()) a.attributes["author"] = md.author;
  if (!md.publisher.empty()) a.attributes["publisher"] = md.publisher;
  auto article = g_.add_entity(std::move(a));
  // `inverse`: the edge points at the article ("Jane Doe -[author of]-> article"),
  // the direction a reader states the fact in.
  auto link = [&](const std::string& predicate, EntityNode n, bool inverse = false) {
    n.id = entity_id(n.label);
    if (n.id.empty()) return;
    auto v = g_.add_entity(std::move(n));
    if (v == article) return;
    RelationEdge r;
    r.predicate = predicate;
    r.surface = predicate;
    r.confidence = 1.0;
    r.attributes["source"] = "metadata";
    if (inverse)
      g_.add_relation(v, article, std::move(r));
    else
      g_.add_relation(article, v, std::move(r));
  };
  auto node = [](const std::string& label, const std::string& type, const std::string& value = "") {
    EntityNode n;
    n.label = label;
    n.type = type;
    n.value = value;
    return n;
  };
  if (!md.author.empty()) link("author of", node(md.author, "Person"), true);
  if (!md.publisher.empty()) link("publisher", node(md.publisher, "Organization"));
  if (!md.date_published.empty()) link("datePublished", node(md.date_published, "Date", md.date_published));
  if (!o_.article_mentions) return;
  for (const auto& v : entity_vertex_) {
    if (!v || *v == article) continue;
    RelationEdge r;
    r.predicate = "mentions";
    r.surface = "mentions";
    r.confidence = 1.0;
    r.attributes["source"] = "metadata";
    g_.add_relation(article, *v, std::move(r));
  }
}

void Builder::drop_isolated() {
  const auto& g = g_.graph();
  KnowledgeGraph kept;
  kept.properties() = g_.properties();
  std::map<KnowledgeGraph::Vertex, KnowledgeGraph::Vertex> map;
  for (auto v : boost::make_iterator_range(boost::vertices(g)))
    if (boost::out_degree(v, g) + boost::in_degree(v, g) > 0) map[v] = kept.add_entity(g[v]);
  for (auto e : boost::make_iterator_range(boost::edges(g)))
    kept.add_relation(map.at(boost::source(e, g)), map.at(boost::target(e, g)), g[e]);
  g_ = std::move(kept);
}

KnowledgeGraph Builder::build() {
  add_entities();
  // In text order, so a definite description finds what came before it.
  std::vector<const Proposition*> props;
  for (const auto& p : doc_.propositions)
    if (p.sentence >= 0 && p.sentence < static_cast<int>(doc_.sentences.size())) props.push_back(&p);
  auto start = [](const Proposition* p) {
    std::size_t b = static_cast<std::size_t>(-1);
    for (const auto& a : p->args)
      if (!a.span.empty()) b = std::min(b, a.span.begin);
    return b;
  };
  std::stable_sort(props.begin(), props.end(), [&](auto* a, auto* b) {
    return a->sentence != b->sentence ? a->sentence < b->sentence : start(a) < start(b);
  });
  for (const auto* p : props) add_fact(*p);
  add_typed();
  if (o_.roles) add_roles();
  add_role_edges();
  add_article();
  if (!o_.isolated) drop_isolated();
  g_.canonicalize();
  return std::move(g_);
}

}  // namespace

std::string predicate_label(const Proposition& p, bool clausal_object) {
  std::string surface = lower(p.relation);
  if (p.canonical.empty() || kBroadRelations.count(p.canonical) || clausal_object) return surface;
  std::string canonical = readable(p.canonical);
  // Auxiliaries and the copula add nothing to a canonical name ("is branch of").
  const auto& light = lexicon("light_relation_words");
  std::string content;
  for (std::size_t pos = 0; pos <= surface.size();) {
    auto sp = surface.find(' ', pos);
    if (sp == std::string::npos) sp = surface.size();
    std::string w = surface.substr(pos, sp - pos);
    if (!w.empty() && !light.contains(w)) content += (content.empty() ? "" : " ") + w;
    pos = sp + 1;
  }
  if (content.empty()) return canonical;
  // Does the canonical name already say what the text says? "met" / "met
  // with", "visited" / "visit to": a shared word start of four letters, or an
  // equal short word.
  auto words = [](const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s + " ") {
      if (std::isalpha(static_cast<unsigned char>(c)))
        cur += c;
      else if (!cur.empty())
        out.push_back(cur), cur.clear();
    }
    return out;
  };
  // Function words ("of" in "member of" / "goalkeeper of") say nothing of the relation.
  for (const auto& a : words(canonical))
    for (const auto& b : words(surface)) {
      if (light.contains(a)) continue;
      std::size_t n = std::min({a.size(), b.size(), std::size_t{4}});
      if (a == b || (n == 4 && a.compare(0, 4, b, 0, 4) == 0)) return canonical;
    }
  if (surface.empty()) return canonical;
  return canonical + " (" + surface + ")";
}

KnowledgeGraph build_graph(const Document& doc, const GraphOptions& options) { return Builder(doc, options).build(); }

std::vector<std::string> graph_rules() {
  std::vector<std::string> out;
  for (const auto& f : detail::fact_filters()) out.emplace_back(f.name);
  out.emplace_back(detail::kLiteralListRule);
  out.emplace_back(kNameAfterTitle);
  out.emplace_back(kNameAfterRole);
  out.emplace_back(kNameBeforeAside);
  out.emplace_back(kValueOfPhrase);
  out.emplace_back(kRoleTitle);
  return out;
}

Document annotate(const std::string& text, const std::string& id, const Pipeline& pipeline) {
  detail::check_text(text, id);
  Document doc;
  doc.id = id;
  doc.text = text;
  pipeline.run(doc);
  return doc;
}

KnowledgeGraph extract_graph(const std::string& text, const std::string& id, const Pipeline& pipeline,
                             const GraphOptions& options) {
  return build_graph(annotate(text, id, pipeline), options);
}

}  // namespace relgraph
