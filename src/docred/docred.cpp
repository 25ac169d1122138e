// DocRED reading, document building, prediction writing and scoring (the
// definitions of ../shared/eval/docred_score.py). Tests: tests/docred_test.cpp
#include "docred/docred.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "core/files.hpp"
#include "core/resources.hpp"
#include "relgraph/error.hpp"

namespace relgraph::docred {

namespace {

[[noreturn]] void bad(const std::string& name, const std::string& what) {
  throw Error(ErrorKind::Format, "DocRED file '" + name + "': " + what);
}

const rapidjson::Value& member(const rapidjson::Value& obj, const char* field, const std::string& name,
                               const std::string& where) {
  if (!obj.IsObject()) bad(name, where + " is not an object");
  auto it = obj.FindMember(field);
  if (it == obj.MemberEnd()) bad(name, where + " has no \"" + field + "\"");
  return it->value;
}

int get_int(const rapidjson::Value& v, const std::string& name, const std::string& where) {
  if (!v.IsInt()) bad(name, where + " is not an integer");
  return v.GetInt();
}

}  // namespace

std::vector<GoldDocument> parse_docred(std::string_view json, const std::string& name) {
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError())
    bad(name, std::string("invalid JSON at byte ") + std::to_string(d.GetErrorOffset()) + ": " +
                  rapidjson::GetParseError_En(d.GetParseError()));
  if (!d.IsArray()) bad(name, "not a list of documents");
  std::vector<GoldDocument> out;
  for (rapidjson::SizeType i = 0; i < d.Size(); ++i) {
    const auto& doc = d[i];
    const std::string where = "document " + std::to_string(i);
    GoldDocument g;
    const auto& title = member(doc, "title", name, where);
    if (!title.IsString()) bad(name, where + " title is not a string");
    g.title = title.GetString();
    const auto& sents = member(doc, "sents", name, where);
    if (!sents.IsArray()) bad(name, where + " sents is not a list");
    for (const auto& s : sents.GetArray()) {
      if (!s.IsArray()) bad(name, where + " has a sentence that is not a list");
      auto& words = g.sents.emplace_back();
      for (const auto& w : s.GetArray()) {
        if (!w.IsString()) bad(name, where + " has a token that is not a string");
        words.emplace_back(w.GetString(), w.GetStringLength());
      }
    }
    const auto& vs = member(doc, "vertexSet", name, where);
    if (!vs.IsArray()) bad(name, where + " vertexSet is not a list");
    for (const auto& e : vs.GetArray()) {
      if (!e.IsArray()) bad(name, where + " has an entity that is not a list");
      auto& ms = g.entities.emplace_back();
      for (const auto& m : e.GetArray()) {
        Mention x;
        x.sent = get_int(member(m, "sent_id", name, where), name, where + " sent_id");
        const auto& pos = member(m, "pos", name, where);
        if (!pos.IsArray() || pos.Size() != 2) bad(name, where + " has a mention whose pos is not [first, last]");
        x.first = get_int(pos[0], name, where + " pos");
        x.last = get_int(pos[1], name, where + " pos");
        const auto& type = member(m, "type", name, where);
        if (!type.IsString()) bad(name, where + " has a mention type that is not a string");
        x.type = type.GetString();
        if (x.sent < 0 || x.sent >= static_cast<int>(g.sents.size()) || x.first < 0 || x.last <= x.first ||
            x.last > static_cast<int>(g.sents[x.sent].size()))
          bad(name, where + " has a mention outside its sentences (sent_id " + std::to_string(x.sent) + ", pos [" +
                        std::to_string(x.first) + ", " + std::to_string(x.last) + "])");
        ms.push_back(std::move(x));
      }
    }
    auto labels = doc.FindMember("labels");
    if (labels != doc.MemberEnd()) {
      if (!labels->value.IsArray()) bad(name, where + " labels is not a list");
      for (const auto& l : labels->value.GetArray()) {
        Fact f;
        f.h = get_int(member(l, "h", name, where), name, where + " label h");
        f.t = get_int(member(l, "t", name, where), name, where + " label t");
        const auto& r = member(l, "r", name, where);
        if (!r.IsString()) bad(name, where + " has a label whose r is not a string");
        f.r = r.GetString();
        const int n = static_cast<int>(g.entities.size());
        if (f.h < 0 || f.h >= n || f.t < 0 || f.t >= n) bad(name, where + " has a label with an unknown entity");
        g.facts.push_back(std::move(f));
      }
    }
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<GoldDocument> read_docred(const std::string& path) { return parse_docred(detail::read_file(path), path); }

Document make_document(const GoldDocument& gold) {
  Document doc;
  doc.id = gold.title;
  for (const auto& s : gold.sents) {
    bool first = true;
    for (const auto& w : s) {
      if (!first) doc.text += ' ';
      first = false;
      std::string word = w.empty() ? "_" : w;
      for (auto& c : word)
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') c = '_';
      doc.text += word;
    }
    if (s.empty()) doc.text += '_';  // keeps sentence numbering
    doc.text += '\n';
  }
  return doc;
}

void check_alignment(const Document& doc, const GoldDocument& gold) {
  bool ok = doc.sentences.size() == gold.sents.size();
  for (std::size_t i = 0; ok && i < gold.sents.size(); ++i)
    ok = doc.sentences[i].tokens.size() == std::max<std::size_t>(gold.sents[i].size(), 1);
  if (!ok) throw Error(ErrorKind::Internal, "DocRED document '" + gold.title + "': tokens do not align with its sents");
}

std::vector<Document> process(const std::vector<GoldDocument>& gold, const Pipeline& pipeline) {
  std::vector<Document> out;
  out.reserve(gold.size());
  for (const auto& g : gold) {
    Document doc = make_document(g);
    pipeline.run(doc);
    check_alignment(doc, g);
    out.push_back(std::move(doc));
  }
  return out;
}

Prediction gold_entities(const GoldDocument& gold) {
  Prediction p;
  p.title = gold.title;
  for (const auto& e : gold.entities) {
    PredictedEntity pe;
    pe.type = e.empty() ? "MISC" : e.front().type;
    pe.mentions = e;
    p.entities.push_back(std::move(pe));
  }
  return p;
}

constexpr int kMaxQuotedTitle = 12;  // words; longer quotations are speech, not titles

std::vector<std::pair<int, int>> value_parts(const Sentence& s, int first, int last, const detail::Lexicon& edges) {
  std::vector<std::pair<int, int>> out;
  int start = -1;
  auto close = [&](int end) {
    if (start >= 0 && end > start) out.push_back({start, end});
    start = -1;
  };
  for (int i = first; i < last; ++i) {
    std::string w = s.tokens[i].form;
    for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto role = edges.value(w);
    if (role == "split") {
      close(i);
    } else if (role == "lead" && start < 0) {
      continue;
    } else if (start < 0) {
      start = i;
    }
  }
  close(last);
  return out;
}

namespace {

std::string lower_form(const Token& t) {
  std::string w = t.form;
  for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w;
}

bool numeral(const Token& t, const detail::Lexicon& number_words) {
  const auto& f = t.form;
  if (!f.empty() && std::all_of(f.begin(), f.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.';
      }))
    return std::isdigit(static_cast<unsigned char>(f[0])) != 0;
  return number_words.contains(lower_form(t));
}

bool time_unit(const Token& t, const detail::Lexicon& units) {
  std::string w = lower_form(t);
  if (units.contains(w) || (!t.lemma.empty() && units.contains(t.lemma))) return true;
  return w.size() > 1 && w.back() == 's' && units.contains(w.substr(0, w.size() - 1));
}

// "1960s", "19th": digits followed by letters.
bool decade_or_ordinal(const std::string& w) {
  std::size_t i = 0;
  while (i < w.size() && std::isdigit(static_cast<unsigned char>(w[i]))) ++i;
  return i > 0 && i < w.size() && std::isalpha(static_cast<unsigned char>(w[i]));
}

bool capitalised(const std::string& w) {
  return !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || (static_cast<unsigned char>(w[0]) & 0x80));
}

}  // namespace

ValueLexicons ValueLexicons::shared() {
  const auto& r = detail::Resources::shared();
  return {&r.lexicon("value_edges"), &r.lexicon("time_units"), &r.lexicon("number_words")};
}

std::vector<ValueMention> value_mentions(const Sentence& s, int first, int last, const std::string& type,
                                         const ValueLexicons& lex) {
  std::vector<ValueMention> out;
  const int n = static_cast<int>(s.tokens.size());
  auto word = [&](int i) { return i >= 0 && i < n ? std::string_view(s.tokens[i].form) : std::string_view(); };
  auto number_word = [&](int i) { return i >= 0 && i < n && lex.number_words->contains(lower_form(s.tokens[i])); };
  for (auto [a, b] : value_parts(s, first, last, *lex.edges)) {
    ValueMention v{a, b, type};
    if (number_word(v.last - 1) && word(v.last) == "-" && number_word(v.last + 1)) v.last += 2;
    if (number_word(v.first) && word(v.first - 1) == "-" && number_word(v.first - 2)) v.first -= 2;
    if (numeral(s.tokens[v.last - 1], *lex.number_words)) {
      if (v.last < n && time_unit(s.tokens[v.last], *lex.time_units)) {
        v.last += 1;
        v.type = "TIME";
      } else if (word(v.last) == "-" && v.last + 1 < n && time_unit(s.tokens[v.last + 1], *lex.time_units)) {
        v.last += 2;
        v.type = "TIME";
      }
    }
    if (v.type == "TIME" && v.first > 0 && lex.edges->value(lower_form(s.tokens[v.first - 1])) == "article" &&
        decade_or_ordinal(s.tokens[v.first].form))
      v.first -= 1;
    out.push_back(std::move(v));
  }
  // A widened value may cover its neighbour ("forty" and "two" of "forty - two").
  std::vector<ValueMention> kept;
  for (const auto& v : out) {
    auto covers = [&](const ValueMention& w) {
      return &w != &v && w.first <= v.first && v.last <= w.last && w.last - w.first > v.last - v.first;
    };
    auto same = [&](const ValueMention& w) { return w.first == v.first && w.last == v.last; };
    if (std::none_of(out.begin(), out.end(), covers) && std::none_of(kept.begin(), kept.end(), same)) kept.push_back(v);
  }
  return kept;
}

std::vector<std::pair<int, int>> quoted_titles(const Sentence& s) {
  auto quote = [](const std::string& w) {
    return w == "\"" || w == "\u201c" || w == "\u201d" || w == "``" || w == "''";
  };
  auto trailing = [](const std::string& w) { return w == "." || w == "," || w == ";" || w == ":" || w == "!"; };
  std::vector<int> marks;
  for (int i = 0; i < static_cast<int>(s.tokens.size()); ++i)
    if (quote(s.tokens[i].form)) marks.push_back(i);
  std::vector<std::pair<int, int>> out;
  for (std::size_t q = 0; q + 1 < marks.size(); q += 2) {
    int a = marks[q] + 1, b = marks[q + 1];
    while (b > a && trailing(s.tokens[b - 1].form)) --b;
    if (b - a >= 1 && b - a <= kMaxQuotedTitle && capitalised(s.tokens[a].form)) out.push_back({a, b});
  }
  return out;
}

Prediction predicted_entities(const Document& doc, const std::string& title, const ValueLexicons* values) {
  // DocRED's entities: a coreference cluster; a value or nationality with all
  // its identical mentions ("1990" ... "1990", "Norwegian" apart from Norway);
  // clusters sharing a mention text of the same type are one entity.
  struct Item {
    Mention x;
    int group;
  };
  std::vector<Item> items;
  std::map<std::string, int> group_of;                         // cluster key -> group
  std::map<std::pair<std::string, std::string>, int> by_text;  // (type, text) -> first group
  std::vector<int> parent;
  auto find = [&](int g) {
    while (parent[g] != g) g = parent[g] = parent[parent[g]];
    return g;
  };
  std::set<std::tuple<int, int, int>> seen;
  // Quoted titles: (sentence, first, last) -> whether a recognised mention has exactly those bounds.
  std::map<std::tuple<int, int, int>, bool> titles;
  for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si)
    for (auto [a, b] : quoted_titles(doc.sentences[si])) titles[{si, a, b}] = false;
  auto inside_title = [&](int si, int first, int last) {
    for (auto& [k, exact] : titles) {
      auto [ts, ta, tb] = k;
      if (ts != si || first < ta || last > tb) continue;
      if (first == ta && last == tb) return exact = true, false;
      return true;
    }
    return false;
  };
  auto add = [&](Mention x, const std::string& key_if_own) {
    if (!seen.insert(x.key()).second) return;
    const auto& sentence = doc.sentences[x.sent];
    std::string text;
    for (int i = x.first; i < x.last; ++i) {
      if (i > x.first) text += ' ';
      text += lower_form(sentence.tokens[i]);
    }
    const std::string key = !key_if_own.empty() ? key_if_own : "t" + x.type + "|" + text;
    auto [it, fresh] = group_of.try_emplace(key, static_cast<int>(parent.size()));
    if (fresh) parent.push_back(it->second);
    auto [same, first_seen] = by_text.try_emplace({x.type, text}, it->second);
    if (!first_seen) parent[find(it->second)] = find(same->second);
    items.push_back({std::move(x), it->second});
  };
  for (const auto& m : doc.mentions) {
    std::string type = docred_type(m);
    if (type.empty() || m.span.empty() || m.span.sentence < 0 ||
        m.span.sentence >= static_cast<int>(doc.sentences.size()))
      continue;
    const auto& sentence = doc.sentences[m.span.sentence];
    std::vector<ValueMention> parts = {{m.span.first, m.span.last, type}};
    if (values && (type == "TIME" || type == "NUM"))
      parts = value_mentions(sentence, m.span.first, m.span.last, type, *values);
    const bool own = m.entity >= 0 && m.type != "NORP";
    for (const auto& v : parts) {
      if (inside_title(m.span.sentence, v.first, v.last)) continue;
      add(Mention{m.span.sentence, v.first, v.last, v.type},
          own && v.type == type ? "e" + std::to_string(m.entity) : "");
    }
  }
  for (const auto& [k, exact] : titles)
    if (!exact) add(Mention{std::get<0>(k), std::get<1>(k), std::get<2>(k), "MISC"}, "");
  Prediction p;
  p.title = title;
  std::map<int, int> entity_of;  // root group -> prediction entity
  std::vector<std::map<std::string, int>> votes;
  for (auto& item : items) {
    auto [it, fresh] = entity_of.try_emplace(find(item.group), static_cast<int>(p.entities.size()));
    if (fresh) {
      p.entities.emplace_back();
      votes.emplace_back();
    }
    ++votes[it->second][item.x.type];
    p.entities[it->second].mentions.push_back(std::move(item.x));
  }
  for (std::size_t e = 0; e < p.entities.size(); ++e) {
    auto best =
        std::max_element(votes[e].begin(), votes[e].end(), [](auto& a, auto& b) { return a.second < b.second; });
    p.entities[e].type = best->first;
  }
  return p;
}

std::vector<PairEntity> classifier_entities(const Prediction& p) {
  std::vector<PairEntity> out;
  for (const auto& e : p.entities) {
    PairEntity pe;
    pe.type = e.type;
    for (const auto& m : e.mentions) {
      Span s;
      s.sentence = m.sent;
      s.first = m.first;
      s.last = m.last;
      pe.mentions.push_back(s);
    }
    out.push_back(std::move(pe));
  }
  return out;
}

void add_relations(Prediction& p, const Document& doc, const RelationClassifier& classifier) {
  auto entities = classifier_entities(p);
  p.relations = classifier.classify(doc, entities);
}

std::string write_predictions(const std::vector<Prediction>& predictions) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartArray();
  for (const auto& p : predictions) {
    w.StartObject();
    w.Key("title");
    w.String(p.title.c_str(), static_cast<rapidjson::SizeType>(p.title.size()));
    w.Key("entities");
    w.StartArray();
    for (const auto& e : p.entities) {
      w.StartObject();
      w.Key("type");
      w.String(e.type.c_str());
      w.Key("mentions");
      w.StartArray();
      for (const auto& m : e.mentions) {
        w.StartObject();
        w.Key("sent_id");
        w.Int(m.sent);
        w.Key("pos");
        w.StartArray();
        w.Int(m.first);
        w.Int(m.last);
        w.EndArray();
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.Key("relations");
    w.StartArray();
    for (const auto& r : p.relations) {
      w.StartObject();
      w.Key("h");
      w.Int(r.head);
      w.Key("t");
      w.Int(r.tail);
      w.Key("r");
      w.String(r.property.c_str());
      w.Key("score");
      w.Double(static_cast<double>(r.score));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

// ---------------------------------------------------------------------------
// Scoring, following docred_score.py step by step (same counts, same order).

namespace {

using Key = std::tuple<int, int, int>;
using Cluster = std::set<Key>;

std::vector<Cluster> clusters(const std::vector<std::vector<Mention>>& entities) {
  std::vector<Cluster> out;
  for (const auto& e : entities) {
    Cluster c;
    for (const auto& m : e) c.insert(m.key());
    out.push_back(std::move(c));
  }
  return out;
}

std::size_t common(const Cluster& a, const Cluster& b) {
  std::size_t n = 0;
  for (const auto& k : a) n += b.count(k);
  return n;
}

std::pair<int, int> muc(const std::vector<Cluster>& key, const std::vector<Cluster>& resp) {
  std::map<Key, int> where;
  for (std::size_t i = 0; i < resp.size(); ++i)
    for (const auto& m : resp[i]) where[m] = static_cast<int>(i);
  int num = 0, den = 0;
  for (const auto& c : key) {
    if (c.size() < 2) continue;
    std::set<int> parts;
    int lone = 0;
    for (const auto& m : c) {
      auto it = where.find(m);
      if (it != where.end())
        parts.insert(it->second);
      else
        ++lone;
    }
    num += static_cast<int>(c.size()) - (static_cast<int>(parts.size()) + lone);
    den += static_cast<int>(c.size()) - 1;
  }
  return {num, den};
}

std::pair<double, int> b_cubed(const std::vector<Cluster>& key, const std::vector<Cluster>& resp) {
  std::map<Key, const Cluster*> where;
  for (const auto& c : resp)
    for (const auto& m : c) where[m] = &c;
  double num = 0;
  int den = 0;
  for (const auto& c : key)
    for (const auto& m : c) {
      ++den;
      auto it = where.find(m);
      if (it != where.end()) num += static_cast<double>(common(c, *it->second)) / static_cast<double>(c.size());
    }
  return {num, den};
}

// The script's greedy one-to-one assignment: candidates in insertion order,
// stably sorted by decreasing similarity.
template <class V>
std::vector<std::pair<int, int>> assign(std::vector<std::pair<std::pair<int, int>, V>> sim) {
  std::stable_sort(sim.begin(), sim.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::set<int> used_r, used_c;
  std::vector<std::pair<int, int>> out;
  for (const auto& [rc, v] : sim) {
    if (v > 0 && !used_r.count(rc.first) && !used_c.count(rc.second)) {
      used_r.insert(rc.first);
      used_c.insert(rc.second);
      out.push_back(rc);
    }
  }
  return out;
}

double ceaf_e(const std::vector<Cluster>& key, const std::vector<Cluster>& resp) {
  std::vector<std::pair<std::pair<int, int>, double>> sim;
  for (std::size_t i = 0; i < key.size(); ++i)
    for (std::size_t j = 0; j < resp.size(); ++j) {
      auto inter = common(key[i], resp[j]);
      if (inter)
        sim.push_back({{static_cast<int>(i), static_cast<int>(j)},
                       2.0 * static_cast<double>(inter) / static_cast<double>(key[i].size() + resp[j].size())});
    }
  std::map<std::pair<int, int>, double> value(sim.begin(), sim.end());
  double total = 0;
  for (const auto& p : assign(sim)) total += value[p];
  return total;
}

std::tuple<double, double, double> prf(double tp, double n_pred, double n_gold) {
  double p = n_pred ? tp / n_pred : 0.0, r = n_gold ? tp / n_gold : 0.0;
  return {p, r, p + r ? 2 * p * r / (p + r) : 0.0};
}

}  // namespace

Scores score(const std::vector<GoldDocument>& gold, const std::vector<Prediction>& pred) {
  if (gold.size() != pred.size())
    throw Error(ErrorKind::InvalidArgument, "DocRED scoring: " + std::to_string(gold.size()) + " gold documents but " +
                                                std::to_string(pred.size()) + " predicted");
  long m_tp = 0, m_typed = 0, m_pred = 0, m_gold = 0, muc_rn = 0, muc_rd = 0, muc_pn = 0, muc_pd = 0, b3_rd = 0,
       b3_pd = 0, ce_k = 0, ce_r = 0, e_exact = 0, e_pred = 0, e_gold = 0, r_pred = 0, r_gold = 0, r_exact = 0,
       r_aligned = 0;
  double b3_rn = 0, b3_pn = 0, ce = 0;
  for (std::size_t d = 0; d < gold.size(); ++d) {
    const auto& g = gold[d];
    const auto& p = pred[d];
    if (p.title != g.title)
      throw Error(ErrorKind::InvalidArgument, "DocRED scoring: document " + std::to_string(d) + " is '" + p.title +
                                                  "' in the prediction, '" + g.title + "' in gold");
    auto gk = clusters(g.entities);
    std::vector<std::vector<Mention>> pms;
    for (const auto& e : p.entities) pms.push_back(e.mentions);
    auto pk = clusters(pms);
    std::map<Key, std::string> gtype, ptype;
    for (const auto& e : g.entities)
      for (const auto& m : e) gtype[m.key()] = m.type;
    for (const auto& e : p.entities)
      for (const auto& m : e.mentions) ptype[m.key()] = e.type.empty() ? m.type : e.type;
    for (const auto& [k, t] : gtype) {
      auto it = ptype.find(k);
      if (it == ptype.end()) continue;
      ++m_tp;
      m_typed += it->second == t;
    }
    m_pred += static_cast<long>(ptype.size());
    m_gold += static_cast<long>(gtype.size());
    auto [a1, b1] = muc(gk, pk);
    muc_rn += a1, muc_rd += b1;
    auto [a2, b2] = muc(pk, gk);
    muc_pn += a2, muc_pd += b2;
    auto [a3, b3] = b_cubed(gk, pk);
    b3_rn += a3, b3_rd += b3;
    auto [a4, b4] = b_cubed(pk, gk);
    b3_pn += a4, b3_pd += b4;
    ce += ceaf_e(gk, pk);
    ce_k += static_cast<long>(gk.size());
    ce_r += static_cast<long>(pk.size());
    std::map<Cluster, int> gindex;
    for (std::size_t i = 0; i < gk.size(); ++i) gindex[gk[i]] = static_cast<int>(i);  // the last one wins, as in dict()
    std::map<int, int> exact, aligned;
    for (std::size_t j = 0; j < pk.size(); ++j) {
      auto it = gindex.find(pk[j]);
      if (it != gindex.end()) exact[static_cast<int>(j)] = it->second;
    }
    e_exact += static_cast<long>(exact.size());
    e_pred += static_cast<long>(pk.size());
    e_gold += static_cast<long>(gk.size());
    std::vector<std::pair<std::pair<int, int>, std::size_t>> sim;
    for (std::size_t j = 0; j < pk.size(); ++j)
      for (std::size_t i = 0; i < gk.size(); ++i) {
        auto inter = common(pk[j], gk[i]);
        if (inter) sim.push_back({{static_cast<int>(j), static_cast<int>(i)}, inter});
      }
    for (const auto& [j, i] : assign(sim)) aligned[j] = i;
    std::set<std::tuple<int, int, std::string>> facts;
    for (const auto& f : g.facts) facts.insert({f.h, f.t, f.r});
    r_gold += static_cast<long>(facts.size());
    std::set<std::tuple<int, int, std::string>> seen, seen_exact, seen_aligned;
    for (const auto& r : p.relations) {
      if (!seen.insert({r.head, r.tail, r.property}).second) continue;
      ++r_pred;
      auto eh = exact.find(r.head), et = exact.find(r.tail);
      if (eh != exact.end() && et != exact.end() && facts.count({eh->second, et->second, r.property}))
        seen_exact.insert({eh->second, et->second, r.property});
      auto ah = aligned.find(r.head), at = aligned.find(r.tail);
      if (ah != aligned.end() && at != aligned.end() && facts.count({ah->second, at->second, r.property}))
        seen_aligned.insert({ah->second, at->second, r.property});
    }
    r_exact += static_cast<long>(seen_exact.size());
    r_aligned += static_cast<long>(seen_aligned.size());
  }
  Scores s;
  s.documents = static_cast<int>(gold.size());
  auto f = [](double p, double r) { return p + r ? 2 * p * r / (p + r) : 0.0; };
  std::tie(s.mention_p, s.mention_r, s.mention_f1) = prf(m_tp, m_pred, m_gold);
  s.mention_typed_f1 = std::get<2>(prf(m_typed, m_pred, m_gold));
  const double muc_p = muc_pd ? double(muc_pn) / muc_pd : 0.0, muc_r = muc_rd ? double(muc_rn) / muc_rd : 0.0;
  const double b3_p = b3_pd ? b3_pn / b3_pd : 0.0, b3_r = b3_rd ? b3_rn / b3_rd : 0.0;
  const double ce_p = ce_r ? ce / ce_r : 0.0, ce_rc = ce_k ? ce / ce_k : 0.0;
  s.muc_f1 = f(muc_p, muc_r);
  s.b3_f1 = f(b3_p, b3_r);
  s.ceafe_f1 = f(ce_p, ce_rc);
  s.conll_f1 = (s.muc_f1 + s.b3_f1 + s.ceafe_f1) / 3;
  std::tie(s.entity_p, s.entity_r, s.entity_f1) = prf(e_exact, e_pred, e_gold);
  std::tie(s.aligned_p, s.aligned_r, s.aligned_f1) = prf(r_aligned, r_pred, r_gold);
  std::tie(s.exact_p, s.exact_r, s.exact_f1) = prf(r_exact, r_pred, r_gold);
  return s;
}

std::string report_text(const Scores& s) {
  auto pct = [](double x) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f", 100 * x);
    return std::string(b);
  };
  std::string o;
  o += "documents            " + std::to_string(s.documents) + "\n";
  o += "mentions             P " + pct(s.mention_p) + "  R " + pct(s.mention_r) + "  F1 " + pct(s.mention_f1) +
       "  typed F1 " + pct(s.mention_typed_f1) + "\n";
  o += "coref                MUC " + pct(s.muc_f1) + "  B3 " + pct(s.b3_f1) + "  CEAF-e " + pct(s.ceafe_f1) +
       "  CoNLL " + pct(s.conll_f1) + "\n";
  o += "entities (exact)     P " + pct(s.entity_p) + "  R " + pct(s.entity_r) + "  F1 " + pct(s.entity_f1) + "\n";
  o += "relations (aligned)  P " + pct(s.aligned_p) + "  R " + pct(s.aligned_r) + "  F1 " + pct(s.aligned_f1) + "\n";
  o += "relations (exact)    P " + pct(s.exact_p) + "  R " + pct(s.exact_r) + "  F1 " + pct(s.exact_f1) + "\n";
  o += "DocRED relF1-aligned=" + pct(s.aligned_f1) + " relF1-exact=" + pct(s.exact_f1) + " P=" + pct(s.aligned_p) +
       " R=" + pct(s.aligned_r) + " mentionF1=" + pct(s.mention_f1) + " corefF1=" + pct(s.conll_f1) + "\n";
  return o;
}

}  // namespace relgraph::docred
