// IOB2 reading/writing and exact-span scoring. Tests: tests/ner_test.cpp
#include "ner/iob2.hpp"

#include <algorithm>
#include <ostream>
#include <set>

#include "core/files.hpp"
#include "core/strings.hpp"
#include "ner/bilou.hpp"
#include "relgraph/error.hpp"

namespace relgraph::ner {

namespace {
using detail::split_tabs;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

std::vector<Iob2Sentence> read_iob2(std::string_view content, const std::string& source) {
  std::vector<Iob2Sentence> out;
  Iob2Sentence cur;
  std::size_t pos = 0;
  int line_no = 0;
  while (pos <= content.size()) {
    auto nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!cur.forms.empty()) out.push_back(std::move(cur));
      cur = {};
      continue;
    }
    if (line[0] == '#') {
      // "# newdoc id = X" (or "# newdoc"): the next sentence starts a document.
      auto body = trim(line.substr(1));
      if (body.starts_with("newdoc")) {
        auto eq = body.find('=');
        std::string id = eq == std::string_view::npos ? std::string() : std::string(trim(body.substr(eq + 1)));
        cur.newdoc = id.empty() ? std::string(1, '-') : std::move(id);
      }
      continue;
    }
    auto cols = split_tabs(line);
    if (cols.size() < 3 || cols[1].empty())
      throw Error(ErrorKind::Format, source + ":" + std::to_string(line_no) +
                                         ": expected 'index<TAB>token<TAB>tag', got '" + std::string(line) + "'");
    cur.forms.emplace_back(cols[1]);
    cur.tags.emplace_back(cols[2]);
  }
  if (!cur.forms.empty()) out.push_back(std::move(cur));
  return out;
}

std::vector<Iob2Sentence> read_iob2_file(const std::string& path) { return read_iob2(detail::read_file(path), path); }

void write_iob2(const Document& doc, std::ostream& out) {
  for (const auto& s : doc.sentences) {
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      const auto& t = s.tokens[i];
      out << (i + 1) << '\t' << t.form << '\t' << (t.ner.empty() ? "O" : t.ner) << '\n';
    }
    out << '\n';
  }
}

Document iob2_document(const std::vector<Iob2Sentence>& sentences, const std::string& id) {
  Document doc;
  doc.id = id;
  for (const auto& is : sentences) {
    if (!doc.text.empty()) doc.text += '\n';
    Sentence s;
    s.begin = doc.text.size();
    if (!is.newdoc.empty()) s.comments["newdoc id"] = is.newdoc;
    for (std::size_t i = 0; i < is.forms.size(); ++i) {
      if (i) doc.text += ' ';
      Token t;
      t.form = is.forms[i];
      t.begin = doc.text.size();
      doc.text += t.form;
      t.end = doc.text.size();
      s.tokens.push_back(std::move(t));
    }
    s.end = doc.text.size();
    doc.sentences.push_back(std::move(s));
  }
  return doc;
}

std::string clean_tag(const std::string& tag, const std::vector<std::string>& types) {
  char p = label_prefix(tag);
  if (p != 'B' && p != 'I') return "O";
  auto type = label_type(tag);
  return std::find(types.begin(), types.end(), type) != types.end() ? tag : "O";
}

void NerScores::add(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  ++sentences;
  tokens += static_cast<int>(gold.size());
  auto g = iob2_spans(gold);
  auto p = iob2_spans(predicted);
  auto key = [](const TypedSpan& s) { return std::tuple(s.first, s.last, s.type); };
  std::set<std::tuple<int, int, std::string>> gold_set;
  for (const auto& s : g) gold_set.insert(key(s));
  std::set<std::tuple<int, int, std::string>> matched;
  for (const auto& s : p) {
    auto& c = by_type[s.type];
    if (gold_set.count(key(s)) && matched.insert(key(s)).second) {
      ++c.tp;
      ++overall.tp;
    } else {
      ++c.fp;
      ++overall.fp;
    }
  }
  for (const auto& s : g) {
    if (matched.count(key(s))) continue;
    ++by_type[s.type].fn;
    ++overall.fn;
  }
}

}  // namespace relgraph::ner
