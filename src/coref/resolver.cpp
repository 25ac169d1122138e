// The resolver's shared machinery: mention keys, tree helpers, union-find,
// the sieve loop and the final entities (the sieves are in sieve_*.cpp).
// Tests: tests/coref_test.cpp
#include "coref/resolver.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <numeric>

#include "core/strings.hpp"

namespace relgraph::coref_impl {

std::string lower(std::string_view s) { return relgraph::detail::ascii_lower(s); }

std::vector<std::string> split_words(std::string_view s) { return relgraph::detail::split_words(s); }

std::string join(const std::vector<std::string>& w, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < std::min(to, w.size()); ++i) {
    if (!out.empty()) out += ' ';
    out += w[i];
  }
  return out;
}

std::string strip_possessive(std::string s) {
  for (std::string_view suf : {"\xE2\x80\x99s", "'s", "\xE2\x80\x99", "'"}) {
    if (s.size() > suf.size() + 1 && s.compare(s.size() - suf.size(), suf.size(), suf) == 0) {
      s.resize(s.size() - suf.size());
      break;
    }
  }
  return s;
}

bool is_value_type(const std::string& type) {
  // not English: entity type labels of values.
  static const std::set<std::string> values = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"};
  return values.count(type) > 0;
}

std::string graph_type(const EntityMention& m) {
  if (m.type == "PER") return "Person";
  if (m.type == "ORG") return m.subtype == "Country" ? "Country" : "Organization";
  if (m.type == "LOC" || m.type == "GPE") return m.subtype == "Country" ? "Country" : "Place";
  if (m.type == "EVENT") return "Event";
  if (m.type == "PRODUCT") return "Product";
  if (m.type == "LAW" || m.type == "WORK_OF_ART") return "CreativeWork";
  return "Thing";
}

bool compatible(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a == "Person" || b == "Person") return false;
  auto place = [](const std::string& t) { return t == "Country" || t == "Place"; };
  if (place(a) && place(b)) return true;
  // Recognisers often call a country an organisation ("the US said").
  return (a == "Country" && b == "Organization") || (a == "Organization" && b == "Country");
}

int Resolver::span_head(int s, int first, int last) const {
  int best = last - 1;
  for (int i = first; i < last; ++i) {
    int h = head_of(s, i);
    if (tok(s, i).head < 0) return last - 1;  // no parse: the last word
    if (h < first || h >= last) best = i;
  }
  return best;
}

std::pair<int, int> Resolver::subtree(int s, int i) const {
  int lo = i, hi = i;
  std::function<void(int)> walk = [&](int x) {
    lo = std::min(lo, x);
    hi = std::max(hi, x);
    for (int c : children(s, x)) walk(c);
  };
  walk(i);
  return {lo, hi + 1};
}

bool Resolver::has_case(int s, int i, const std::string& word) const {
  for (int c : children(s, i))
    if ((tok(s, c).deprel == "case" || tok(s, c).deprel == "mark") && lower(tok(s, c).form) == word) return true;
  return false;
}

bool Resolver::in_body(const Span& sp) const {
  const auto& md = doc_.metadata;
  if (md.body_end <= md.body_begin) return true;
  return sp.begin >= md.body_begin && sp.end <= md.body_end && !md.in_furniture(sp.begin);
}

Span Resolver::make_span(int s, int first, int last) const {
  Span sp;
  sp.sentence = s;
  sp.first = first;
  sp.last = last;
  sp.begin = tok(s, first).begin;
  sp.end = tok(s, last - 1).end;
  return sp;
}

int Resolver::add_mention(int s, int first, int last, const std::string& type, const std::string& subtype, Kind kind,
                          const std::string& etype) {
  EntityMention m;
  m.span = make_span(s, first, last);
  m.text = detail::squeeze_spaces(doc_.slice(m.span.begin, m.span.end));
  m.type = type;
  m.subtype = subtype;
  doc_.mentions.push_back(m);
  int idx = static_cast<int>(doc_.mentions.size()) - 1;
  Item it;
  it.kind = kind;
  it.etype = etype;
  it.head = span_head(s, first, last);
  it.active = true;
  items_.push_back(it);
  parent_.push_back(idx);
  cluster_.push_back({idx});
  in_sentence_.add(idx, s);
  if (kind != Kind::Pronoun)
    for (int i = first; i < last; ++i)
      if (at_[s][i] < 0) at_[s][i] = idx;
  return idx;
}

// Words inside quotation marks. A straight quote opens or closes by parity;
// a quotation may run over several sentences, but not past the paragraph
// (a sentence after a blank line starts outside).
void Resolver::mark_quotes() {
  quoted_.assign(doc_.sentences.size(), {});
  bool open = false;
  for (int s = 0; s < nsent(); ++s) {
    const auto& sent = doc_.sentences[s];
    if (s > 0 && doc_.slice(doc_.sentences[s - 1].end, sent.begin).find('\n') != std::string_view::npos) open = false;
    quoted_[s].assign(ntok(s), false);
    for (int i = 0; i < ntok(s); ++i) {
      const std::string& f = tok(s, i).form;
      if (f == "\xE2\x80\x9C")
        open = true;
      else if (f == "\xE2\x80\x9D")
        open = false;
      else if (f == "\"" || f == "``" || f == "''")
        open = !open;
      else
        quoted_[s][i] = open;
    }
  }
}

void Resolver::unite(int a, int b) {
  a = find(a);
  b = find(b);
  if (a == b) return;
  if (position(a) > position(b)) std::swap(a, b);  // the earlier mention stays root
  parent_[b] = a;
  if (cluster_[a].back() < cluster_[b].front()) {  // a new mention (a pronoun) joining: no merge needed
    cluster_[a].insert(cluster_[a].end(), cluster_[b].begin(), cluster_[b].end());
  } else {
    std::vector<int> both(cluster_[a].size() + cluster_[b].size());
    std::merge(cluster_[a].begin(), cluster_[a].end(), cluster_[b].begin(), cluster_[b].end(), both.begin());
    cluster_[a] = std::move(both);
  }
  std::vector<int>().swap(cluster_[b]);
  auto rb = roles_.find(b);
  if (rb != roles_.end()) {
    std::vector<std::string> moved = std::move(rb->second);
    roles_.erase(rb);
    for (auto& r : moved) add_role_phrase(a, r);
  }
  if (gender_.count(b) && !gender_.count(a)) gender_[a] = gender_[b];
}

void Resolver::add_role_phrase(int r, const std::string& role) {
  auto& roles = roles_[r];
  if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(role);
}

std::string Resolver::country_of(const std::string& word) const {
  std::string l = lower(strip_possessive(word));
  if (auto it = t_.demonyms.find(l); it != t_.demonyms.end()) return it->second;
  if (auto it = t_.countries.find(l); it != t_.countries.end()) return it->second;
  return "";
}

std::vector<int> Resolver::members(int root) {
  std::vector<int> out;
  if (find(root) != root) return out;
  for (int m : cluster_[root])
    if (items_[m].active) out.push_back(m);
  return out;
}

std::string Resolver::cluster_type(int root) {
  if (cache_types_)
    if (auto known = type_of_root_.find(root); known != type_of_root_.end()) return known->second;
  std::map<std::string, int> votes;
  for (int m : members(root))
    if (items_[m].kind != Kind::Pronoun) votes[items_[m].etype] += items_[m].kind == Kind::Named ? 2 : 1;
  std::string best = "Thing";
  int n = 0;
  for (auto& [t, v] : votes)
    if (v > n) best = t, n = v;
  if (votes.count("Country")) best = "Country";  // a country acting is still the country
  if (cache_types_) type_of_root_.emplace(root, best);
  return best;
}

// ---------------------------------------------------------------------------

// The first word that is no country word is a title, followed by a

bool Resolver::enabled(std::string_view rule) const {
  return std::find(disabled_.begin(), disabled_.end(), rule) == disabled_.end();
}

bool Resolver::is_title(const std::string& word) const {
  std::string l = lower(word);
  if (t_.titles.count(l)) return true;
  if (!l.empty() && l.back() == '.') l.pop_back();
  return t_.titles.count(l) > 0;
}

// The first word that is no country word is a title, followed by a
// preposition or ending the phrase ("Ambassador to", "Prime Minister").
bool Resolver::title_phrase(int m) const {
  const auto& sp = doc_.mentions[m].span;
  for (int i = sp.first; i < sp.last; ++i) {
    const std::string& w = tok(sp.sentence, i).form;
    if (!country_of(w).empty() || t_.words.is_definite_article(w)) continue;
    if (!is_title(w)) return false;
    if (i + 1 == sp.last) return true;
    return words("title_continuations", lower(tok(sp.sentence, i + 1).form)) || is_title(tok(sp.sentence, i + 1).form);
  }
  return false;
}

// Whether named mention m takes part in coreference.
bool Resolver::keep_named(int m) {
  const auto& em = doc_.mentions[m];
  const auto& sp = em.span;
  if (is_value_type(em.type) || em.subtype == "Nominal" || em.subtype == "Pronoun" || em.subtype == "Role")
    return false;
  if (sp.sentence < 0 || sp.sentence >= nsent() || sp.empty() || sp.last > ntok(sp.sentence) || !in_body(sp))
    return false;
  int head = span_head(sp.sentence, sp.first, sp.last);
  if (em.type == "ORG" && title_phrase(m)) return false;  // "US Ambassador to Peru" is a role, not an organisation
  // A demonym names its country only as a modifier ("French troops");
  // as a noun it names people ("250 Americans"), not the country.
  if (em.type == "NORP") {
    const Token& h = tok(sp.sentence, head);
    bool modifier = h.upos == "ADJ" || h.deprel == "amod" || h.deprel == "compound" || h.deprel == "nmod:poss";
    if (!modifier) return false;
  }
  items_[m].head = head;
  return true;
}

void Resolver::prepare() {
  kids_.assign(doc_.sentences.size(), {});
  at_.assign(doc_.sentences.size(), {});
  for (int s = 0; s < nsent(); ++s) {
    kids_[s].assign(ntok(s), {});
    at_[s].assign(ntok(s), -1);
    for (int i = 0; i < ntok(s); ++i) {
      int h = head_of(s, i);
      if (h >= 0 && h < ntok(s)) kids_[s][h].push_back(i);
    }
  }
  mark_quotes();
  items_.assign(doc_.mentions.size(), Item{});
  parent_.resize(doc_.mentions.size());
  std::iota(parent_.begin(), parent_.end(), 0);
  cluster_.resize(doc_.mentions.size());
  for (int m = 0; m < static_cast<int>(cluster_.size()); ++m) cluster_[m] = {m};
  in_sentence_ = detail::MentionIndex(doc_);
  for (int m = 0; m < static_cast<int>(doc_.mentions.size()); ++m) {
    doc_.mentions[m].entity = -1;
    if (!keep_named(m)) continue;
    const auto& sp = doc_.mentions[m].span;
    items_[m].active = true;
    for (int i = sp.first; i < sp.last; ++i) at_[sp.sentence][i] = m;
    key_named(m);
  }
}

// Titles and roles in front of a person's name are not part of it; they
// become a role, and an honorific gives the gender.
void Resolver::strip_person_titles(int m, std::vector<std::string>& words) {
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    std::string l = lower(words[i]);
    if (!l.empty() && l.back() == '.') l.pop_back();
    if (t_.titles.count(l) || t_.titles.count(l + ".")) start = i + 1;
  }
  if (start == 0)
    while (start + 1 < words.size() && !country_of(words[start]).empty()) ++start;
  if (start > 0) {
    add_role_phrase(m, join(words, 0, start));
    std::string_view g = t_.words.value("honorific_gender", lower(words[0]));
    if (!g.empty()) gender_[m] = g[0];
  }
  items_[m].name.assign(words.begin() + static_cast<long>(start), words.end());
}

// A capital acting (subject, agent, possessor) stands for its country;
// "the state of Georgia", "the US state of Georgia" is a sub-national sense.
void Resolver::capital_and_subnational(int m) {
  const auto& em = doc_.mentions[m];
  auto& it = items_[m];
  int s = em.span.sentence;
  auto cap = t_.capitals.find(lower(join(it.name)));
  const Token& h = tok(s, it.head);
  bool acting = h.deprel == "nsubj" || h.deprel == "obl:agent" || h.deprel == "nmod:poss" ||
                ((h.deprel == "obl" || h.deprel == "nmod") && has_case(s, it.head, "by"));
  if (cap != t_.capitals.end() && acting && em.canonical != cap->first) {
    it.etype = "Country";
    it.label = cap->second;
    it.key = name_key(cap->second);
  }
  for (int i = std::max(0, em.span.first - 3); i < em.span.first; ++i) {
    std::string l = lower(tok(s, i).form);
    if (words("subnational_units", l)) {
      it.etype = "Place";
      it.key += "#" + l;
      it.label = join(it.name) + " (" + l + ")";
    }
  }
}

void Resolver::key_named(int m) {
  auto& em = doc_.mentions[m];
  auto& it = items_[m];
  it.etype = graph_type(em);
  int s = em.span.sentence;
  std::vector<std::string> words;
  for (int i = em.span.first; i < em.span.last; ++i) words.push_back(tok(s, i).form);
  if (!words.empty()) words.back() = strip_possessive(words.back());
  if (!words.empty() && t_.words.is_definite_article(words.front())) words.erase(words.begin());
  if (it.etype == "Person")
    strip_person_titles(m, words);
  else
    it.name = words;
  std::string canonical = em.canonical;
  if (canonical.empty() && it.etype != "Person") canonical = country_of(join(it.name));
  if (!canonical.empty() && !country_of(canonical).empty() && it.etype != "Person") it.etype = "Country";
  it.label = canonical.empty() ? join(it.name) : canonical;
  it.key = name_key(it.label);
  if (it.etype == "Place" || it.etype == "Country") capital_and_subnational(m);
}

// The fullest proper name of a cluster (canonical names first, then the
// longest); "" when it has only nominal mentions.
std::string Resolver::entity_label(const std::vector<int>& ms, const std::string& type) {
  std::string label;
  std::size_t best = 0;
  bool canonical = false;
  for (int m : ms) {
    const auto& it = items_[m];
    if (it.kind == Kind::Pronoun || it.label.empty()) continue;
    if (it.kind == Kind::Nominal && it.etype != "Country") continue;
    bool is_canon = !doc_.mentions[m].canonical.empty() && it.kind == Kind::Named;
    if (type == "Country" && it.etype != "Country") continue;
    std::size_t words = split_words(it.label).size();
    if ((is_canon && !canonical) || (is_canon == canonical && words > best)) {
      label = it.label;
      best = words;
      canonical = is_canon;
    }
  }
  return label;
}

void Resolver::build_entities() {
  doc_.entities.clear();
  std::set<int> seen_roots;
  std::vector<int> roots;
  for (int m = 0; m < nitems(); ++m)
    if (items_[m].active && seen_roots.insert(find(m)).second) roots.push_back(find(m));
  std::sort(roots.begin(), roots.end(), [&](int a, int b) { return position(a) < position(b); });
  for (int r : roots) {
    auto ms = members(r);
    Entity e;
    e.type = cluster_type(r);
    e.label = entity_label(ms, e.type);
    // A group without a name (coref.group) is named by the phrase that introduced it.
    for (int m : ms)
      if (e.label.empty() && group_.count(m)) e.label = items_[m].label;
    if (e.label.empty()) continue;  // only nominal mentions: nothing to name it by
    int idx = static_cast<int>(doc_.entities.size());
    std::set<std::string> seen = {e.label};
    for (int m : ms) {
      e.mentions.push_back(m);
      doc_.mentions[m].entity = idx;
      if (items_[m].kind == Kind::Pronoun) continue;
      std::string alias = strip_possessive(doc_.mentions[m].text);
      if (seen.insert(alias).second) e.aliases.push_back(alias);
    }
    for (const auto& role : roles_[r])
      if (seen.insert(role).second) e.aliases.push_back(role);
    std::sort(e.mentions.begin(), e.mentions.end(), [&](int a, int b) { return position(a) < position(b); });
    doc_.entities.push_back(std::move(e));
  }
}

void Resolver::run() {
  prepare();
  for (const Sieve& s : sieves())
    if (s.name == nullptr || enabled(s.name)) (this->*s.run)();
  build_entities();
}

const std::vector<Sieve>& sieves() {
  static const std::vector<Sieve> all = {
      {"coref.state_agent", &Resolver::state_agents},
      {"coref.bracket_acronym", &Resolver::parenthetical_acronyms},
      {"coref.bracket_expansion", &Resolver::bracket_expansions},
      {"coref.apposition_kind", &Resolver::retype_by_apposition},
      {"coref.person_not_place", &Resolver::persons_not_places},
      {"coref.exact", &Resolver::exact_match},
      {"coref.acronym", &Resolver::acronyms},
      {"coref.alias", &Resolver::name_variants},
      {"coref.compass_name", &Resolver::compass_names},
      {"coref.country_short_name", &Resolver::country_short_names},
      {"coref.surname", &Resolver::surnames},
      {nullptr, &Resolver::appositions},       // rules per mention: kApposition, kSurfaceApposition, kRole
      {"coref.surname", &Resolver::surnames},  // again: appositions may have shown that a name is a person's
      {"coref.definite", &Resolver::definite_descriptions},
      {"coref.pronoun", &Resolver::pronouns},
      {"coref.group_description", &Resolver::group_descriptions},  // "the team": an earlier group
      {"coref.group", &Resolver::groups},                          // after pronouns: the plural ones no name took
      {"coref.quote_speaker", &Resolver::quote_speakers},          // after pronouns: "he said" names the speaker
  };
  return all;
}

std::vector<std::string> rule_names() {
  std::vector<std::string> out;
  for (const Sieve& s : sieves())
    if (s.name && std::find(out.begin(), out.end(), s.name) == out.end()) out.push_back(s.name);
  for (const char* r : {kApposition, kSurfaceApposition, kRole, kNamedModifier, kSubjectIt, kItNearerSubject, kOrgHead,
                        kUniqueDescription, kAcronymRetype, kTheyOrganisation})
    out.push_back(r);
  return out;
}

}  // namespace relgraph::coref_impl
