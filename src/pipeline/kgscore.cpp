// C++ port of the scoring rules of ../shared/eval/kgscore.py (see kgscore.hpp),
// and the extract-and-score loop over a directory of articles.
// Tests: tests/pipeline_test.cpp, tests/eval_cli_test.cpp
#include "pipeline/kgscore.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "core/files.hpp"
#include "core/lexicon.hpp"
#include "core/utf8.hpp"
#include "relgraph/error.hpp"
#include "relgraph/extract.hpp"
#include "relgraph/io.hpp"

namespace relgraph {
namespace {

// The scorer's stop words (schemas/lexicon/kgscore_stopwords.tsv, the list of kgscore.py).
const detail::WordSet& stop_words() {
  static const auto words = detail::WordSet::load("kgscore_stopwords");
  return words;
}

// Python's \w for the scripts news text uses: letters, digits, underscore;
// punctuation and symbol blocks are not word characters.
bool is_word(char32_t cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) || cp == '_';
  if (cp >= 0xA0 && cp <= 0xBF) return cp == 0xAA || cp == 0xB5 || cp == 0xBA || cp == 0xB2 || cp == 0xB3 || cp == 0xB9;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2100 && cp <= 0x2BFF) ||
      (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F))
    return false;
  return true;
}

char32_t lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  return cp;
}

bool contains(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

struct GoldEntity {
  std::string name;
  std::vector<std::string> aliases;
};

struct GoldArg {
  std::string entity;   // id, or
  std::string literal;  // literal phrase
};

struct GoldTriple {
  int n = 0;
  GoldArg s, o;
  std::vector<std::string> p;
  bool symmetric = false;
};

bool match_entity(const std::vector<std::string>& label, const GoldEntity& e) {
  std::vector<std::string> all = e.aliases;
  all.push_back(e.name);
  for (const auto& alias : all) {
    auto a = kg_norm(alias);
    if (!a.empty() && contains(label, a) && label.size() <= a.size() + 6) return true;
  }
  return false;
}

bool match_literal(const std::vector<std::string>& label, const std::string& literal) {
  auto lit = kg_norm(literal);
  std::vector<std::string> content;
  for (auto& w : lit)
    if (!stop_words().contains(w)) content.push_back(w);
  if (content.empty()) content = lit;
  if (content.empty()) return false;
  std::size_t hits = 0;
  for (auto& w : content)
    if (std::find(label.begin(), label.end(), w) != label.end()) ++hits;
  return static_cast<double>(hits) / content.size() >= 0.6 && label.size() <= 2 * lit.size() + 6;
}

bool match_arg(const std::vector<std::string>& label, const GoldArg& a, const std::map<std::string, GoldEntity>& ents) {
  if (a.entity.empty()) return match_literal(label, a.literal);
  auto it = ents.find(a.entity);
  return it != ents.end() && match_entity(label, it->second);
}

bool match_pred(const std::vector<std::string>& pred, const std::vector<std::string>& wordings) {
  for (const auto& w : wordings) {
    auto ww = kg_norm(w);
    if (contains(pred, ww) || contains(ww, pred)) return true;
  }
  return false;
}

// Quoted TSV (Python csv excel-tab dialect).
std::vector<std::vector<std::string>> read_tsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        field += c;
      continue;
    }
    if (c == '"' && field.empty()) {
      quoted = true;
      any = true;
    } else if (c == '\t') {
      row.push_back(field);
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(field);
      field.clear();
      if (any || row.size() > 1 || !row[0].empty()) rows.push_back(row);
      row.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

GoldArg gold_arg(const rapidjson::Value& v, const std::string& where) {
  GoldArg a;
  if (v.IsString())
    a.entity = v.GetString();
  else if (v.IsObject() && v.HasMember("literal") && v["literal"].IsString())
    a.literal = v["literal"].GetString();
  else
    throw Error(ErrorKind::Format, where + ": an argument is neither an entity id nor {\"literal\": ...}");
  return a;
}

}  // namespace

std::vector<std::string> kg_norm(const std::string& text) {
  // Curly quotes to straight ones, lower case.
  std::u32string cps;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = detail::next_code_point(text, i);
    if (cp == 0x2019 || cp == 0x2018) cp = '\'';
    if (cp == 0x201C || cp == 0x201D) cp = '"';
    cps.push_back(lower(cp));
  }
  // 's at a word end goes.
  std::u32string a;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] == '\'' && i + 1 < cps.size() && cps[i + 1] == 's' && (i + 2 == cps.size() || !is_word(cps[i + 2]))) {
      a += ' ';
      ++i;
      continue;
    }
    a += cps[i];
  }
  // Everything but word characters, $ , . - and space becomes a space.
  for (auto& cp : a)
    if (!(is_word(cp) || cp == '$' || cp == ',' || cp == '.' || cp == '-' || cp == ' ')) cp = ' ';
  // , and . survive only between digits.
  std::u32string b = a;
  auto digit = [](char32_t c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != ',' && a[i] != '.') continue;
    bool before = i > 0 && digit(a[i - 1]);
    bool after = i + 1 < a.size() && digit(a[i + 1]);
    if (!before || !after) b[i] = ' ';
  }
  std::vector<std::string> words;
  std::string cur;
  for (char32_t cp : b) {
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      detail::append_utf8(cur, cp);
    }
  }
  if (!cur.empty()) words.push_back(cur);
  std::size_t k = 0;
  while (k < words.size() && (words[k] == "the" || words[k] == "a" || words[k] == "an")) ++k;
  words.erase(words.begin(), words.begin() + static_cast<long>(k));
  return words;
}

KgScore score_kg(const std::string& gold_json, const std::string& gold_name, const std::string& triples_tsv,
                 const std::string& triples_name) {
  detail::check_json_nesting(gold_json, "'" + gold_name + "'");
  rapidjson::Document j;
  j.Parse<rapidjson::kParseValidateEncodingFlag>(gold_json.c_str(), gold_json.size());
  if (j.HasParseError() || !j.IsObject() || !j.HasMember("entities") || !j.HasMember("triples") ||
      !j["entities"].IsArray() || !j["triples"].IsArray())
    throw Error(ErrorKind::Format, "'" + gold_name + "': not a reference graph (needs \"entities\" and \"triples\")");
  std::map<std::string, GoldEntity> ents;
  std::vector<std::string> order;
  for (const auto& e : j["entities"].GetArray()) {
    if (!e.IsObject() || !e.HasMember("id") || !e.HasMember("name") || !e["id"].IsString() || !e["name"].IsString())
      throw Error(ErrorKind::Format, "'" + gold_name + "': an entity lacks \"id\" or \"name\"");
    GoldEntity g;
    g.name = e["name"].GetString();
    if (e.HasMember("aliases") && e["aliases"].IsArray())
      for (const auto& a : e["aliases"].GetArray())
        if (a.IsString()) g.aliases.push_back(a.GetString());
    order.push_back(e["id"].GetString());
    ents[order.back()] = g;
  }
  std::vector<GoldTriple> gold;
  for (const auto& t : j["triples"].GetArray()) {
    std::string where = "'" + gold_name + "' triple " + std::to_string(gold.size() + 1);
    if (!t.IsObject() || !t.HasMember("s") || !t.HasMember("p") || !t.HasMember("o") || !t["p"].IsArray())
      throw Error(ErrorKind::Format, where + ": needs \"s\", \"p\" (a list) and \"o\"");
    GoldTriple g;
    g.n = t.HasMember("n") && t["n"].IsInt() ? t["n"].GetInt() : static_cast<int>(gold.size()) + 1;
    g.s = gold_arg(t["s"], where);
    g.o = gold_arg(t["o"], where);
    for (const auto& p : t["p"].GetArray())
      if (p.IsString()) g.p.push_back(p.GetString());
    g.symmetric = t.HasMember("symmetric") && t["symmetric"].IsBool() && t["symmetric"].GetBool();
    gold.push_back(std::move(g));
  }

  if (gold.empty())
    throw Error(ErrorKind::InvalidInput, "'" + gold_name + "': the reference graph has no triples to score against");
  auto rows = read_tsv(triples_tsv);
  if (!rows.empty() && !rows[0].empty() && rows[0][0].rfind("\xEF\xBB\xBF", 0) == 0) rows[0][0].erase(0, 3);  // BOM
  struct Sys {
    std::vector<std::string> s, p, o;
    std::string raw_s, raw_p, raw_o;
  };
  std::vector<Sys> sys;
  if (!rows.empty()) {
    const auto& header = rows[0];
    auto col = [&](const std::string& name) {
      auto it = std::find(header.begin(), header.end(), name);
      if (it == header.end())
        throw Error(ErrorKind::Format, "'" + triples_name + "' line 1: the header needs subject, predicate and object");
      return static_cast<std::size_t>(it - header.begin());
    };
    std::size_t cs = col("subject"), cp = col("predicate"), co = col("object");
    for (std::size_t r = 1; r < rows.size(); ++r) {
      auto get = [&](std::size_t c) { return c < rows[r].size() ? rows[r][c] : std::string(); };
      sys.push_back({kg_norm(get(cs)), kg_norm(get(cp)), kg_norm(get(co)), get(cs), get(cp), get(co)});
    }
  }

  KgScore score;
  std::set<std::size_t> matched_sys;
  for (const auto& g : gold) {
    std::optional<std::size_t> hit;
    for (std::size_t i = 0; i < sys.size(); ++i) {
      if (!match_pred(sys[i].p, g.p)) continue;
      bool forward = match_arg(sys[i].s, g.s, ents) && match_arg(sys[i].o, g.o, ents);
      bool backward = g.symmetric && match_arg(sys[i].o, g.s, ents) && match_arg(sys[i].s, g.o, ents);
      if (forward || backward) {
        if (!hit) hit = i;
        matched_sys.insert(i);
      }
    }
    if (hit) ++score.found;
    auto desc = [&](const GoldArg& a) { return a.entity.empty() ? a.literal : ents[a.entity].name; };
    std::string line = std::string(hit ? "ok  " : "MISS") + " " + (g.n < 10 ? " " : "") + std::to_string(g.n) + "  " +
                       desc(g.s) + " | " + (g.p.empty() ? "" : g.p[0]) + " | " + desc(g.o);
    if (hit) line += "   <- " + sys[*hit].raw_s + " | " + sys[*hit].raw_p + " | " + sys[*hit].raw_o;
    score.report.push_back(line);
  }
  std::set<std::vector<std::string>> labels;
  for (const auto& s : sys) {
    labels.insert(s.s);
    labels.insert(s.o);
  }
  int found = 0, fragments = 0;
  for (const auto& id : order) {
    const auto& e = ents[id];
    std::set<std::vector<std::string>> names;
    std::vector<std::string> all = e.aliases;
    all.push_back(e.name);
    for (const auto& l : labels) {
      if (l.empty()) continue;
      for (const auto& a : all)
        if (kg_norm(a) == l) names.insert(l);
    }
    if (!names.empty()) {
      ++found;
      fragments += static_cast<int>(names.size());
    }
  }
  score.extracted = static_cast<int>(sys.size());
  score.gold = static_cast<int>(gold.size());
  score.recall = gold.empty() ? 0.0 : static_cast<double>(score.found) / gold.size();
  score.matched_share = sys.empty() ? 0.0 : static_cast<double>(matched_sys.size()) / sys.size();
  score.entity_recall = ents.empty() ? 0.0 : static_cast<double>(found) / ents.size();
  score.fragmentation = found ? static_cast<double>(fragments) / found : 0.0;
  return score;
}

std::vector<KgPair> kg_pairs(const std::string& dir) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) throw Error(ErrorKind::NotFound, "eval kg: '" + dir + "' is not a directory");
  const std::string suffix = ".gold.json";
  std::vector<KgPair> pairs;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string file = entry.path().filename().string();
    if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    std::string stem = file.substr(0, file.size() - suffix.size());
    fs::path text = fs::path(dir) / (stem + ".txt");
    if (fs::exists(text)) pairs.push_back({stem, text.string(), entry.path().string()});
  }
  if (pairs.empty()) throw Error(ErrorKind::NotFound, "eval kg: '" + dir + "' holds no X.txt + X.gold.json pair");
  std::sort(pairs.begin(), pairs.end(), [](const KgPair& a, const KgPair& b) { return a.name < b.name; });
  return pairs;
}

KgScore mean_kg(const std::vector<KgScore>& scores) {
  KgScore m;
  for (const auto& s : scores) {
    m.extracted += s.extracted;
    m.gold += s.gold;
    m.found += s.found;
    m.recall += s.recall;
    m.matched_share += s.matched_share;
    m.entity_recall += s.entity_recall;
    m.fragmentation += s.fragmentation;
  }
  if (!scores.empty()) {
    double n = static_cast<double>(scores.size());
    m.recall /= n;
    m.matched_share /= n;
    m.entity_recall /= n;
    m.fragmentation /= n;
  }
  return m;
}

KgSetScore score_kg_set(const std::vector<KgPair>& pairs, const Pipeline& pipeline,
                        const std::vector<std::string>& disable) {
  GraphOptions options;
  options.disable = disable;
  options.article_mentions = false;  // the TSV export's default
  auto tsv = make_exporter("tsv");
  KgSetScore out;
  std::vector<KgScore> scores;
  for (const auto& pair : pairs) {
    Document doc = annotate(detail::read_text(pair.text), pair.text, pipeline);
    std::ostringstream triples;
    tsv->write(build_graph(doc, options), triples);
    KgScore s = score_kg(detail::read_file(pair.gold), pair.gold, triples.str(), pair.text);
    scores.push_back(s);
    out.articles.push_back({pair.name, std::move(s)});
  }
  out.mean = mean_kg(scores);
  return out;
}

}  // namespace relgraph
