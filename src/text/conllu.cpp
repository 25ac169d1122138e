// CoNLL-U reader and writer. Tests: tests/conllu_test.cpp
#include "text/conllu.hpp"

#include <charconv>
#include <ostream>
#include <vector>

#include "core/files.hpp"
#include "core/strings.hpp"
#include "relgraph/error.hpp"
#include "text/chars.hpp"

namespace relgraph {
namespace {
using detail::split_tabs;

int to_int(std::string_view s, const std::string& where) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size())
    throw Error(ErrorKind::Format, where + ": '" + std::string(s) + "' is not a number");
  return v;
}

std::string field(std::string_view s) { return s == "_" ? std::string() : std::string(s); }

// Places the sentence's words in doc.text: inside the "# text" line when the
// forms can be found there in order, else by joining the forms.
void place_sentence(Document& doc, Sentence& s) {
  std::string text;
  if (auto it = s.comments.find("text"); it != s.comments.end()) text = it->second;
  if (!doc.text.empty()) doc.text += '\n';
  std::size_t base = doc.text.size();
  // Surface units in order: multiword tokens replace their words.
  std::size_t mw = 0, cursor = 0;
  bool aligned = !text.empty();
  std::vector<std::pair<std::size_t, std::size_t>> spans(s.tokens.size());
  std::vector<std::pair<std::size_t, std::size_t>> mw_spans(s.multiword.size());
  std::string built;
  for (std::size_t i = 0; i < s.tokens.size();) {
    bool is_mw = mw < s.multiword.size() && s.multiword[mw].first == static_cast<int>(i + 1);
    const std::string& form = is_mw ? s.multiword[mw].form : s.tokens[i].form;
    std::size_t b, e;
    if (aligned) {
      auto pos = text.find(form, cursor);
      if (pos == std::string::npos || text.find_first_not_of(" \t", cursor) < pos) {
        aligned = false;
      } else {
        b = pos;
        e = pos + form.size();
        cursor = e;
      }
    }
    if (!aligned) {
      b = built.size();
      built += form;
      e = built.size();
      bool space = is_mw ? true : s.tokens[i].space_after;
      if (space) built += ' ';
    } else {
      built.clear();
    }
    if (is_mw) {
      mw_spans[mw] = {b, e};
      for (int k = s.multiword[mw].first; k <= s.multiword[mw].last; ++k) spans[k - 1] = {b, e};
      i = s.multiword[mw].last;
      ++mw;
    } else {
      spans[i] = {b, e};
      ++i;
    }
    if (!aligned && !text.empty()) {
      // Alignment failed midway: restart the whole sentence by joining forms.
      text.clear();
      mw = 0;
      cursor = 0;
      built.clear();
      i = 0;
    }
  }
  if (text.empty()) {
    while (!built.empty() && built.back() == ' ') built.pop_back();
    text = built;
  }
  doc.text += text;
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    s.tokens[i].begin = base + spans[i].first;
    s.tokens[i].end = base + spans[i].second;
  }
  for (std::size_t k = 0; k < s.multiword.size(); ++k) {
    s.multiword[k].begin = base + mw_spans[k].first;
    s.multiword[k].end = base + mw_spans[k].second;
  }
  s.begin = base;
  s.end = base + text.size();
}

}  // namespace

Document read_conllu(std::string_view content, const std::string& source) {
  Document doc;
  doc.id = source;
  Sentence cur;
  bool in_sentence = false;
  std::size_t line_no = 0, pos = 0;
  auto flush = [&] {
    if (!in_sentence) return;
    if (!cur.tokens.empty()) {
      place_sentence(doc, cur);
      doc.sentences.push_back(std::move(cur));
    }
    cur = Sentence();
    in_sentence = false;
  };
  while (pos <= content.size()) {
    auto nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string where = source + ":" + std::to_string(line_no);
    if (line.empty()) {
      flush();
      continue;
    }
    in_sentence = true;
    if (line[0] == '#') {
      auto eq = line.find(" = ");
      if (eq != std::string_view::npos) {
        auto key = line.substr(1, eq - 1);
        while (!key.empty() && key.front() == ' ') key.remove_prefix(1);
        cur.comments[std::string(key)] = std::string(line.substr(eq + 3));
      } else {
        // Bare markers such as "# newpar" / "# newdoc": kept as keys with an empty value.
        auto key = line.substr(1);
        while (!key.empty() && key.front() == ' ') key.remove_prefix(1);
        while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
        if (!key.empty()) cur.comments[std::string(key)] = "";
      }
      continue;
    }
    auto cols = split_tabs(line);
    if (cols.size() != 10)
      throw Error(ErrorKind::Format,
                  where + ": expected 10 tab-separated columns, found " + std::to_string(cols.size()));
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    if (auto dash = id.find('-'); dash != std::string_view::npos) {
      MultiwordToken m;
      m.first = to_int(id.substr(0, dash), where);
      m.last = to_int(id.substr(dash + 1), where);
      m.form = std::string(cols[1]);
      cur.multiword.push_back(m);
      continue;
    }
    Token t;
    int n = to_int(id, where);
    if (n != static_cast<int>(cur.tokens.size()) + 1)
      throw Error(ErrorKind::Format, where + ": word id " + std::string(id) + " out of sequence");
    t.form = std::string(cols[1]);
    t.lemma = cols[2] == "_" && cols[1] != "_" ? std::string() : std::string(cols[2]);
    t.upos = field(cols[3]);
    t.xpos = field(cols[4]);
    t.feats = field(cols[5]);
    t.head = cols[6] == "_" ? -1 : to_int(cols[6], where);
    t.deprel = field(cols[7]);
    t.space_after = std::string_view(cols[9]).find("SpaceAfter=No") == std::string_view::npos;
    cur.tokens.push_back(std::move(t));
  }
  flush();
  return doc;
}

Document read_conllu_file(const std::string& path) {
  std::string content = detail::read_file(path);
  return read_conllu(content, path);
}

void write_conllu(const Document& doc, std::ostream& out) {
  int sent_no = 0;
  for (const auto& s : doc.sentences) {
    ++sent_no;
    auto id = s.comments.find("sent_id");
    // A blank line between two sentences in the text starts a new paragraph.
    if (sent_no > 1) {
      const Sentence& prev = doc.sentences[sent_no - 2];
      if (prev.end <= s.begin && s.begin <= doc.text.size()) {
        auto gap = doc.slice(prev.end, s.begin);
        auto nl = gap.find('\n');
        if (nl != std::string_view::npos && gap.find('\n', nl + 1) != std::string_view::npos) out << "# newpar\n";
      }
    }
    out << "# sent_id = " << (id != s.comments.end() ? id->second : std::to_string(sent_no)) << "\n";
    std::string text(doc.slice(s.begin, s.end));
    for (char& c : text)
      if (c == '\n' || c == '\r') c = ' ';
    out << "# text = " << text << "\n";
    std::size_t mw = 0;
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      const Token& t = s.tokens[i];
      auto space_after = [&](std::size_t end) {
        std::size_t len;
        return end < doc.text.size() && detail::is_space(detail::decode_utf8(doc.text, end, len));
      };
      if (mw < s.multiword.size() && s.multiword[mw].first == static_cast<int>(i + 1)) {
        const auto& m = s.multiword[mw];
        out << m.first << "-" << m.last << "\t" << m.form << "\t_\t_\t_\t_\t_\t_\t_\t";
        std::string misc = "TokenRange=" + std::to_string(m.begin) + ":" + std::to_string(m.end);
        if (!space_after(m.end) && i + 1 < s.tokens.size()) misc = "SpaceAfter=No|" + misc;
        out << misc << "\n";
        ++mw;
      }
      bool inside_mw = mw > 0 && s.multiword[mw - 1].last >= static_cast<int>(i + 1);
      auto col = [](const std::string& v) { return v.empty() ? std::string("_") : v; };
      out << (i + 1) << "\t" << t.form << "\t" << col(t.lemma) << "\t" << col(t.upos) << "\t" << col(t.xpos) << "\t"
          << col(t.feats) << "\t" << (t.head < 0 ? std::string("_") : std::to_string(t.head)) << "\t" << col(t.deprel)
          << "\t_\t";
      if (inside_mw) {
        out << "_\n";
      } else {
        std::string misc = "TokenRange=" + std::to_string(t.begin) + ":" + std::to_string(t.end);
        if (!space_after(t.end) && i + 1 < s.tokens.size()) misc = "SpaceAfter=No|" + misc;
        out << misc << "\n";
      }
    }
    out << "\n";
  }
}

}  // namespace relgraph
