// The graph builder: entities, literals, facts with evidence and the article
// node from an annotated Document (see include/relgraph/extract.hpp).
// Tests: tests/pipeline_test.cpp, tests/e2e_test.cpp
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "core/files.hpp"
#include "relgraph/error.hpp"
#include "relgraph/extract.hpp"

namespace relgraph {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

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
    static const std::set<std::string> plain = {"in", "on", "at", "obj", "subj", "tmod", "during", "by"};
    return plain.count(role) ? "date" : role;  // "since", "until", "from", "between" ...
  }
  return "quantity";
}

bool is_place_role(const std::string& role) {
  static const std::set<std::string> roles = {"in", "at", "inside", "within", "near", "across", "throughout", "on"};
  return roles.count(role) > 0;
}

class Builder {
 public:
  Builder(const Document& doc, const GraphOptions& o) : doc_(doc), o_(o) {}
  KnowledgeGraph build();

 private:
  bool in_body(int sentence) const;
  int mention_for(const Argument& a) const;
  std::optional<KnowledgeGraph::Vertex> node_for(const Argument& a);
  Evidence evidence(const Proposition& p) const;
  Evidence sentence_evidence(int sentence) const;
  void add_entities();
  void add_fact(const Proposition& p);
  void add_roles();
  std::pair<std::string, std::size_t> role_country(const EntityMention& role) const;
  std::optional<KnowledgeGraph::Vertex> of_entity(const Proposition& p, const std::string& predicate);
  void add_article();
  void drop_isolated();

  const Document& doc_;
  const GraphOptions& o_;
  KnowledgeGraph g_;
  std::vector<std::optional<KnowledgeGraph::Vertex>> entity_vertex_;
  std::map<std::string, KnowledgeGraph::Vertex> concept_by_head_;  // head lemma -> latest literal
  std::map<std::string, Argument> events_;  // event noun lemma -> its phrase ("Doe's visit to Peru")
  void note_event(const Proposition& p);
  Argument phrase_of(int s, int head) const;
  std::string antecedent_before(int s, int before) const;
  std::vector<int> relation_words_;  // the current proposition's predicate words
};

bool Builder::in_body(int sentence) const {
  if (sentence < 0 || sentence >= static_cast<int>(doc_.sentences.size())) return false;
  const auto& md = doc_.metadata;
  if (md.body_end <= md.body_begin) return true;
  const auto& s = doc_.sentences[sentence];
  return s.begin >= md.body_begin && s.begin < md.body_end;
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
      for (int m = 0; m < static_cast<int>(doc_.mentions.size()); ++m) {
        const auto& sp = doc_.mentions[m].span;
        if (sp.sentence != a.span.sentence || sp.first < a.span.first || sp.last > a.span.last ||
            doc_.mentions[m].entity < 0)
          continue;
        if (best < 0 || sp.first < doc_.mentions[best].span.first) best = m;
      }
      if (best >= 0) return best;
    }
  }
  for (int m = 0; m < static_cast<int>(doc_.mentions.size()); ++m) {
    const auto& sp = doc_.mentions[m].span;
    if (sp.sentence != a.span.sentence || a.head < sp.first || a.head >= sp.last) continue;
    if (doc_.mentions[m].entity >= 0) return m;
    if (fallback < 0) fallback = m;
  }
  // "Mr[head] Smith[flat]": a title heading the name the recogniser found.
  if (fallback < 0 && a.span.sentence >= 0 && a.head < static_cast<int>(doc_.sentences[a.span.sentence].tokens.size())) {
    const auto& toks = doc_.sentences[a.span.sentence].tokens;
    for (int m = 0; m < static_cast<int>(doc_.mentions.size()); ++m) {
      const auto& sp = doc_.mentions[m].span;
      if (sp.sentence != a.span.sentence || doc_.mentions[m].entity < 0 || sp.first != a.head + 1) continue;
      if (toks[sp.first].head - 1 == a.head && toks[sp.first].deprel == "flat") return m;
    }
  }
  return fallback;
}

std::optional<KnowledgeGraph::Vertex> Builder::node_for(const Argument& a) {
  if (a.text.empty() && a.span.empty()) return std::nullopt;
  int m = mention_for(a);
  if (m >= 0) {
    const auto& em = doc_.mentions[m];
    if (em.entity >= 0 && entity_vertex_[em.entity]) return entity_vertex_[em.entity];
    if (is_value_type(em.type)) {
      EntityNode n;
      // The phrase up to the value's end: "about 3,000 fighters", not "5 euros on Wednesday for ...".
      Argument upto = a;
      if (em.span.sentence == a.span.sentence && em.span.last > a.span.first && em.span.last < a.span.last) {
        const auto& toks = doc_.sentences[a.span.sentence].tokens;
        int last = em.span.last;
        // Keep the counted noun right after a number ("3,000 fighters").
        if (last < a.span.last && (toks[last].upos == "NOUN" || toks[last].upos == "PROPN")) ++last;
        upto.span.last = last;
        upto.span.end = toks[last - 1].end;
        upto.text = std::string(doc_.slice(upto.span.begin, upto.span.end));
      }
      n.label = literal_phrase(doc_, upto, o_.max_literal_words, relation_words_);
      if (n.label.empty()) n.label = em.text;
      n.type = value_node_type(em.type);
      n.value = em.value.empty() ? em.text : em.value;
      n.id = entity_id(n.label);
      return g_.add_entity(std::move(n));
    }
  }
  // A relative clause the extractor could not attach ("which threaten ...",
  // "half of whom"): without its antecedent the phrase names nothing.
  if (a.span.sentence >= 0 && !a.span.empty()) {
    const auto& toks = doc_.sentences[a.span.sentence].tokens;
    for (int i = a.span.first; i < a.span.last && i < static_cast<int>(toks.size()); ++i) {
      std::string w = lower(toks[i].form);
      bool wh = w == "which" || w == "who" || w == "whom" || w == "whose";
      if (wh && i > a.span.first && lower(toks[i - 1].form) == "of") {
        // "X, half of whom ..." -> "half of X": the antecedent is the
        // nearest noun phrase before the clause.
        std::string antecedent = antecedent_before(a.span.sentence, a.span.first);
        if (antecedent.empty()) return std::nullopt;
        std::string phrase = literal_phrase(doc_, a, o_.max_literal_words, relation_words_);
        auto pos = lower(phrase).rfind(w);
        if (pos == std::string::npos) return std::nullopt;
        EntityNode n;
        n.label = phrase.substr(0, pos) + antecedent + phrase.substr(pos + w.size());
        n.type = "Literal";
        n.value = n.label;
        n.id = entity_id(n.label);
        if (n.id.empty()) return std::nullopt;
        return g_.add_entity(std::move(n));
      }
      if (wh && i == a.span.first) return std::nullopt;
    }
    const Token& f = toks[a.span.first];
    if (f.upos == "VERB" && f.xpos != "VBG" && a.role == "subj") return std::nullopt;  // "threaten interests"
  }
  // An unresolved pronoun says nothing a reader could use.
  if (a.span.sentence >= 0 && a.head >= 0 && a.head < static_cast<int>(doc_.sentences[a.span.sentence].tokens.size())) {
    const auto& h = doc_.sentences[a.span.sentence].tokens[a.head];
    if (h.upos == "PRON" || (h.upos == "DET" && a.span.last - a.span.first == 1)) return std::nullopt;
  }
  // A bare definite description ("the report", "these groups") names the
  // concept an earlier argument with the same head introduced.
  std::string head_lemma;
  bool bare_definite = false;
  if (a.span.sentence >= 0 && a.head >= a.span.first && a.head < a.span.last) {
    const auto& toks = doc_.sentences[a.span.sentence].tokens;
    const Token& h = toks[a.head];
    head_lemma = lower(h.lemma.empty() ? h.form : h.lemma);
    std::string first = lower(toks[a.span.first].form);
    bare_definite = a.head == a.span.last - 1 && a.span.last - a.span.first <= 3 &&
                    (first == "the" || first == "this" || first == "these" || first == "those") && h.upos == "NOUN";
    if (bare_definite) {
      if (auto it = concept_by_head_.find(head_lemma); it != concept_by_head_.end()) return it->second;
      // "the visit" after "Doe's visit to Peru": the event phrase names it.
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
      // "the game" after "a wargame": a compound ending in the same noun (after
      // at least three letters: "operation" does not name "cooperation").
      if (head_lemma.size() >= 4)
        for (const auto& [h, v] : concept_by_head_)
          if (h.size() >= head_lemma.size() + 3 && h.compare(h.size() - head_lemma.size(), head_lemma.size(), head_lemma) == 0)
            return v;
    }
  }
  // An appositive noun ("..., a claim which ...") restates its anchor, which
  // carries the content: the anchor's phrase names the concept.
  if (a.span.sentence >= 0 && a.head >= 0 && a.role != "phrase") {
    const auto& toks = doc_.sentences[a.span.sentence].tokens;
    const Token& h = toks[a.head];
    int g = h.head - 1;
    if (h.deprel == "appos" && h.upos == "NOUN" && g >= 0 && (toks[g].upos == "NOUN" || toks[g].upos == "PROPN")) {
      bool entity = false;
      for (const auto& m : doc_.mentions)
        if (m.span.sentence == a.span.sentence && m.span.first <= g && g < m.span.last && m.entity >= 0) entity = true;
      if (!entity) return node_for(phrase_of(a.span.sentence, g));
    }
  }
  EntityNode n;
  n.label = literal_phrase(doc_, a, o_.max_literal_words, relation_words_);
  if (n.label.empty()) return std::nullopt;
  n.type = "Literal";
  n.value = n.label;
  n.id = entity_id(n.label);
  if (n.id.empty()) return std::nullopt;
  auto v = g_.add_entity(std::move(n));
  // Only a noun phrase introduces a concept a later "the <noun>" can name;
  // a clause headed by the verb "cut" is not "the cuts".
  bool nominal_head = a.span.sentence >= 0 && a.head >= 0 &&
                      a.head < static_cast<int>(doc_.sentences[a.span.sentence].tokens.size()) &&
                      doc_.sentences[a.span.sentence].tokens[a.head].upos == "NOUN";
  if (!head_lemma.empty() && !bare_definite && nominal_head) concept_by_head_[head_lemma] = v;
  return v;
}

Evidence Builder::sentence_evidence(int sentence) const {
  const auto& s = doc_.sentences[sentence];
  Evidence e;
  e.document = doc_.id;
  e.sentence = sentence;
  e.begin = s.begin;
  e.end = s.end;
  if (s.end <= doc_.text.size() && s.begin <= s.end) e.text = std::string(doc_.slice(s.begin, s.end));
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

// The argument's head word exists in the document.
bool head_ok(const Document& doc, const Argument& a) {
  return a.head >= 0 && a.span.sentence >= 0 && a.span.sentence < static_cast<int>(doc.sentences.size()) &&
         a.head < static_cast<int>(doc.sentences[a.span.sentence].tokens.size());
}

bool is_value_node(const EntityNode& n) { return n.type == "Date" || n.type == "Money" || n.type == "Quantity"; }

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
  a.text = std::string(doc_.slice(a.span.begin, a.span.end));
  return a;
}

// The noun phrase (number, adjectives, compounds + noun) nearest before word
// `before`, skipping punctuation: the antecedent of a relative pronoun.
std::string Builder::antecedent_before(int s, int before) const {
  const auto& toks = doc_.sentences[s].tokens;
  int j = before - 1;
  while (j >= 0 && toks[j].upos == "PUNCT") --j;
  if (j < 0 || (toks[j].upos != "NOUN" && toks[j].upos != "PROPN")) return "";
  int lo = j;
  for (int i = j - 1; i >= 0; --i) {
    const auto& d = toks[i].deprel;
    if (toks[i].head - 1 == j && (d == "nummod" || d == "amod" || d == "compound") && i == lo - 1) lo = i;
    else break;
  }
  return std::string(doc_.slice(toks[lo].begin, toks[j].end));
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

void Builder::add_fact(const Proposition& p) {
  if (!in_body(p.sentence)) return;
  note_event(p);
  if (p.args.size() < 2) return;
  relation_words_ = p.relation_words;
  auto subject = node_for(p.args[0]);
  // "acquired 8 Black Hawk helicopters": a count before a name is an
  // attribute of the event; the named thing is the node.
  Argument object_arg = p.args[1];
  std::string quantity;
  if (head_ok(doc_, object_arg) && mention_for(object_arg) < 0) {
    const auto& toks = doc_.sentences[object_arg.span.sentence].tokens;
    int f = object_arg.span.first;
    if (toks[object_arg.head].upos == "PROPN" && toks[f].upos == "NUM" && toks[f].deprel == "nummod" &&
        f + 1 < object_arg.span.last) {
      quantity = toks[f].form;
      object_arg.span.first = f + 1;
      object_arg.span.begin = toks[f + 1].begin;
      object_arg.text = std::string(doc_.slice(object_arg.span.begin, object_arg.span.end));
    }
  }
  auto object = node_for(object_arg);
  if (!subject || !object || *subject == *object) return;
  const EntityNode& sn = g_.node(*subject);
  const EntityNode& on = g_.node(*object);
  // A date or amount is an attribute of an event, never its actor.
  if (is_value_node(sn)) return;
  auto construction = p.attributes.find("construction");
  // A title is a fact when it names a role ("Interior Minister X"), not any noun before a name.
  if (construction != p.attributes.end() && construction->second == "title" && p.canonical.empty()) return;
  // A noun modifier ("the groups in X") is a fact only when X is a known place or entity.
  if (construction != p.attributes.end() && construction->second == "mod" && on.type == "Literal") return;
  static const std::set<std::string> be = {"is", "are", "was", "were", "be", "been", "being", "'s"};
  bool copula = (construction != p.attributes.end() && construction->second == "copula") || be.count(lower(p.relation));
  if (copula && p.canonical.empty()) {
    // "X is Y" is a fact about an entity, not between two loose phrases, and
    // never "X is X's visit".
    if (sn.type == "Literal") return;
    if (entity_key(on.label).find(entity_key(sn.label)) != std::string::npos) return;
  }
  // Possession of an action ("X has boost ...") is a parse artefact, and a
  // bare possessive ("Peru's economy" -> has) is no fact worth an edge.
  bool possessive = construction != p.attributes.end() && construction->second == "poss";
  bool have = p.canonical == "has" || (p.canonical.empty() && p.relation_words.empty() && p.relation == "has");
  if (have && (possessive || p.relation_words.empty() ||
               (head_ok(doc_, p.args[1]) &&
                doc_.sentences[p.args[1].span.sentence].tokens[p.args[1].head].upos == "VERB")))
    return;
  // A clause is no actor: "threaten interests -[using]-> X" lost its subject.
  if (sn.type == "Literal" && head_ok(doc_, p.args[0]) &&
      doc_.sentences[p.args[0].span.sentence].tokens[p.args[0].head].upos == "VERB")
    return;
  // "operation known as X -[known as]-> X": a phrase restating its own object.
  if (sn.type == "Literal" && on.type != "Literal" && p.canonical.empty() &&
      entity_key(sn.label).find(entity_key(on.label)) != std::string::npos)
    return;
  // A relation needs a verb, noun or preposition: "foremost" alone is a parse artefact.
  if (p.canonical.empty() && !p.relation_words.empty()) {
    bool content = false;
    for (int w : p.relation_words) {
      if (w < 0 || w >= static_cast<int>(doc_.sentences[p.sentence].tokens.size())) continue;
      const auto& u = doc_.sentences[p.sentence].tokens[w].upos;
      content |= u == "VERB" || u == "AUX" || u == "NOUN" || u == "PROPN" || u == "ADP";
    }
    if (!content) return;
  }
  RelationEdge r;
  r.surface = p.relation;
  const Argument& o = p.args[1];
  bool clausal = head_ok(doc_, o) &&
                 (doc_.sentences[o.span.sentence].tokens[o.head].upos == "VERB" || o.role == "comp");
  r.predicate = predicate_label(p, clausal);
  if (!p.canonical.empty()) r.attributes["canonical"] = readable(p.canonical);
  if (r.predicate.empty()) return;
  // "X is the armed branch of Y" with no canonical relation: the relation
  // noun names it ("branch of"), as in ReVerb's "is the N of" pattern.
  if (copula && p.canonical.empty() && head_ok(doc_, o)) {
    const Token& h = doc_.sentences[o.span.sentence].tokens[o.head];
    if (h.upos == "NOUN") {
      std::string noun = lower(h.lemma.empty() ? h.form : h.lemma);
      if (of_entity(p, noun + " of")) r.predicate = noun + " of";
    }
  }
  // "X is the Syrian branch of Y" -[branch of]-> Y, not -> "Syrian branch of Y".
  if (auto y = of_entity(p, r.predicate); y && *y != *subject) {
    r.attributes["object_phrase"] = on.label;
    object = y;
  }
  if (!quantity.empty()) r.attributes["quantity"] = quantity;
  r.confidence = p.confidence;
  r.negated = p.negated;
  r.modality = p.modality;
  for (const auto& [k, v] : p.attributes)
    if (k != "construction") r.attributes[k] = v;
  if (!p.attribution.empty()) r.attributes["attribution"] = p.attribution;
  Evidence ev = evidence(p);
  r.evidence.push_back(ev);
  // Further arguments: values and places become attributes of the event,
  // other entities a fact of their own ("met with X in Y" -> place = Y).
  std::vector<std::pair<const Argument*, KnowledgeGraph::Vertex>> extra_edges;
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
      if (auto v = node_for(a)) extra_edges.emplace_back(&a, *v);
      continue;
    }
    std::string phrase = literal_phrase(doc_, a, o_.max_literal_words, relation_words_);
    if (!phrase.empty()) append(a.role, phrase);
  }
  for (auto& [a, v] : extra_edges) {
    if (v == *subject) continue;
    RelationEdge x = r;
    static const std::set<std::string> core = {"subj", "obj", "iobj", "comp", "attr"};
    x.predicate = core.count(a->role) ? lower(p.relation) : lower(p.relation) + " " + a->role;
    // A complex preposition right before the entity says how it takes part:
    // "in cooperation with X", "on behalf of X", "in response to X".
    const auto& toks = doc_.sentences[p.sentence].tokens;
    int f = a->span.first;
    if (f >= 3 && toks[f - 1].upos == "ADP" && toks[f - 2].upos == "NOUN" && toks[f - 3].upos == "ADP")
      x.predicate = lower(toks[f - 3].form + " " + toks[f - 2].form + " " + toks[f - 1].form);
    x.surface = x.predicate;
    g_.add_relation(*subject, v, std::move(x));
  }
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
    for (const auto& m : doc_.mentions) {
      if (m.span.sentence != role.span.sentence || i < m.span.first || i >= m.span.last || m.subtype == "Role") continue;
      if (m.entity >= 0 && doc_.entities[m.entity].type == "Country") found = doc_.entities[m.entity].label;
      else if (m.type == "NORP" && !m.canonical.empty()) found = m.canonical;  // a demonym
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
    for (const auto& m : doc_.mentions)
      if (m.span.sentence == o.span.sentence && m.span.first == at && m.entity >= 0 && entity_vertex_[m.entity])
        return entity_vertex_[m.entity];
  }
  for (int i = o.span.first; i < o.span.last; ++i) {
    if (toks[i].head - 1 != o.head || toks[i].deprel.rfind("nmod", 0) != 0) continue;
    bool of = false;
    for (int j = o.span.first; j < o.span.last; ++j)
      if (toks[j].head - 1 == i && lower(toks[j].form) == "of") of = true;
    if (!of) continue;
    for (const auto& m : doc_.mentions)
      if (m.span.sentence == o.span.sentence && m.span.first <= i && i < m.span.last && m.entity >= 0 &&
          entity_vertex_[m.entity])
        return entity_vertex_[m.entity];
  }
  return std::nullopt;
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
    if (inverse) g_.add_relation(v, article, std::move(r));
    else g_.add_relation(article, v, std::move(r));
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
  if (o_.roles) add_roles();
  add_article();
  if (!o_.isolated) drop_isolated();
  g_.canonicalize();
  return std::move(g_);
}

}  // namespace

std::string literal_phrase(const Document& doc, const Argument& arg, int max_words, const std::vector<int>& relation) {
  auto trim = [](std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
  };
  const Span& sp = arg.span;
  if (sp.sentence < 0 || sp.sentence >= static_cast<int>(doc.sentences.size()) || sp.empty())
    return trim(arg.text);
  const auto& toks = doc.sentences[sp.sentence].tokens;
  int n = static_cast<int>(toks.size());
  int first = std::max(0, sp.first), last = std::min(n, sp.last);
  // Words inside the span whose subtree is a side remark: relative clauses,
  // appositions, parentheticals.
  std::vector<bool> keep(n, false);
  for (int i = first; i < last; ++i) keep[i] = true;
  // Clause material hanging on a nominal head (a copula, adverbial clauses) is
  // no part of the concept either.
  static const std::set<std::string> asides = {"acl:relcl", "appos", "parataxis", "dislocated", "vocative",
                                               "advcl",     "cop",   "aux",       "aux:pass",   "expl"};
  std::function<void(int)> drop = [&](int i) {
    keep[i] = false;
    for (int j = first; j < last; ++j)
      if (toks[j].head - 1 == i && keep[j]) drop(j);
  };
  static const std::set<std::string> clause_parts = {"advcl", "cop", "aux", "aux:pass", "expl"};
  bool nominal = arg.head >= 0 && arg.head < n && (toks[arg.head].upos == "NOUN" || toks[arg.head].upos == "PROPN");
  for (int i = first; i < last; ++i) {
    int h = toks[i].head - 1;
    if (!nominal && clause_parts.count(toks[i].deprel)) continue;  // "the plan would fail" keeps "would"
    // An adverbial clause deep inside a participle ("men suspected of planning
    // the attack") is part of it; only the head's own asides go.
    bool deep_advcl = toks[i].deprel == "advcl" && h != arg.head && h >= 0 && toks[h].deprel.rfind("acl", 0) == 0 &&
                      toks[h].deprel != "acl:relcl";
    if (i != arg.head && h >= first && h < last && asides.count(toks[i].deprel) && keep[i] && !deep_advcl) drop(i);
  }
  for (int w : relation)
    if (w != arg.head && w >= first && w < last && keep[w]) drop(w);
  // A date inside a phrase ("the magazine in October 2017") belongs to the
  // event, not to the concept.
  for (const auto& m : doc.mentions) {
    if (m.span.sentence != sp.sentence || (m.type != "DATE" && m.type != "TIME")) continue;
    for (int i = std::max(first, m.span.first); i < std::min(last, m.span.last); ++i) {
      int h = toks[i].head - 1;
      bool top = h < m.span.first || h >= m.span.last;  // the date's own head word
      if (top && i != arg.head && h != -1 && keep[i] && (toks[i].deprel.rfind("nmod", 0) == 0 || toks[i].deprel.rfind("obl", 0) == 0))
        drop(i);
    }
  }
  std::vector<int> words;
  for (int i = first; i < last; ++i)
    if (keep[i]) words.push_back(i);
  auto function_word = [&](int i) {
    const auto& u = toks[i].upos;
    return u == "PUNCT" || u == "ADP" || u == "CCONJ" || u == "SCONJ" || u == "DET" || u == "PART" || u == "AUX";
  };
  // Leading determiners, possessive pronouns, complementizers and punctuation go.
  while (!words.empty()) {
    const auto& t = toks[words.front()];
    std::string l = lower(t.form);
    bool possessive = t.upos == "PRON" && (t.xpos == "PRP$" || l == "its" || l == "their" || l == "his" || l == "her");
    bool det = t.upos == "DET" && (l == "the" || l == "a" || l == "an" || l == "this" || l == "that" || l == "these" ||
                                   l == "those");
    // A preposition governing the whole phrase ("during his visit to Kyiv") is no part of the concept.
    bool governing_case = t.upos == "ADP" && t.deprel == "case" && t.head - 1 == arg.head;
    if (t.upos == "PUNCT" || t.upos == "SCONJ" || possessive || det || governing_case) words.erase(words.begin());
    else break;
  }
  // A fronted phrase before a comma that precedes the head ("in particular,
  // terrorist groups") is not part of the concept.
  for (std::size_t k = words.size(); k-- > 0;) {
    if (words[k] < arg.head && toks[words[k]].form == ",") {
      words.erase(words.begin(), words.begin() + static_cast<long>(k) + 1);
      break;
    }
  }
  // Punctuation left at the edge of a removed aside ("visit , aims").
  for (std::size_t k = 0; k < words.size();) {
    bool gap_before = k > 0 && words[k - 1] != words[k] - 1;
    bool gap_after = k + 1 < words.size() && words[k + 1] != words[k] + 1;
    if (toks[words[k]].upos == "PUNCT" && (gap_before || gap_after) && toks[words[k]].form != "\"")
      words.erase(words.begin() + static_cast<long>(k));
    else
      ++k;
  }
  // Cut at a comma that follows the head (the rest is usually a side remark).
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (toks[words[k]].form == "," && words[k] > arg.head && k >= 1) {
      words.resize(k);
      break;
    }
  }
  if (static_cast<int>(words.size()) > max_words) words.resize(max_words);
  while (!words.empty() && function_word(words.back())) words.pop_back();
  std::string out;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const Token& t = toks[words[k]];
    if (k > 0) {
      const Token& prev = toks[words[k - 1]];
      if (t.begin == prev.begin && t.end == prev.end) continue;  // multiword token parts share a span
      bool adjacent = words[k] == words[k - 1] + 1;
      if (!adjacent || prev.space_after || t.begin > prev.end) out += ' ';
    }
    if (t.end <= doc.text.size() && t.begin < t.end) out.append(doc.slice(t.begin, t.end));
    else out += t.form;
  }
  // A possessive ending ("Doe's", "Sales’") belongs to the larger phrase.
  for (std::string_view suf : {"\xE2\x80\x99s", "'s", "\xE2\x80\x99", "'"}) {
    if (out.size() > suf.size() + 1 && out.compare(out.size() - suf.size(), suf.size(), suf) == 0) {
      out.resize(out.size() - suf.size());
      break;
    }
  }
  // Quotes that lost their partner.
  for (std::string_view q : {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D"}) {
    if (out.size() >= q.size() && out.compare(0, q.size(), q) == 0) out.erase(0, q.size());
    if (out.size() >= q.size() && out.compare(out.size() - q.size(), q.size(), q) == 0) out.resize(out.size() - q.size());
  }
  return trim(out);
}

std::string predicate_label(const Proposition& p, bool clausal_object) {
  std::string surface = lower(p.relation);
  if (p.canonical.empty() || kBroadRelations.count(p.canonical) || clausal_object) return surface;
  std::string canonical = readable(p.canonical);
  // Auxiliaries and the copula add nothing to a canonical name ("is branch of").
  static const std::set<std::string> light = {"is", "are", "was", "were", "be", "been", "being", "has", "have",
                                              "had", "will", "would", "to", "of", "'s"};
  std::string content;
  for (std::size_t pos = 0; pos <= surface.size();) {
    auto sp = surface.find(' ', pos);
    if (sp == std::string::npos) sp = surface.size();
    std::string w = surface.substr(pos, sp - pos);
    if (!w.empty() && !light.count(w)) content += (content.empty() ? "" : " ") + w;
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
      if (std::isalpha(static_cast<unsigned char>(c))) cur += c;
      else if (!cur.empty()) out.push_back(cur), cur.clear();
    }
    return out;
  };
  for (const auto& a : words(canonical))
    for (const auto& b : words(surface)) {
      std::size_t n = std::min({a.size(), b.size(), std::size_t{4}});
      if (a == b || (n == 4 && a.compare(0, 4, b, 0, 4) == 0)) return canonical;
    }
  if (surface.empty()) return canonical;
  return canonical + " (" + surface + ")";
}

KnowledgeGraph build_graph(const Document& doc, const GraphOptions& options) { return Builder(doc, options).build(); }

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
