// Page furniture inside an article's body: headings, credits and blocks of
// sources or links (see metadata.hpp). Tests: tests/article_test.cpp
#include <algorithm>
#include <string>

#include "article/lines.hpp"
#include "article/metadata.hpp"
#include "core/resources.hpp"

namespace relgraph {
namespace {

using namespace article_text;

std::string label_of(std::string_view line) {
  while (!line.empty() && (line.back() == ':' || is_space(line.back()))) line.remove_suffix(1);
  return lower(line);
}

bool is_list_item(std::string_view line) {
  for (std::string_view bullet : {"* ", "- ", "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x93 "})
    if (line.substr(0, bullet.size()) == bullet) return true;
  return false;
}

// A label line: "Results", "Group A — Oslo 2 – 1 Lima". Captions without a
// verb ("Jane Doe of the Green Party") are not labels: they name relations.
bool is_heading(std::string_view line) {
  auto w = words_of(line);
  if (w.empty() || w.size() > 10 || ends_sentence(line) || is_paragraph(Line{0, 0, line})) return false;
  if (line.front() == '"' || line.substr(0, 3) == "\xE2\x80\x9C") return false;  // a quotation and its speaker
  for (std::string_view sep : {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " | "})
    if (line.find(sep) != std::string_view::npos) return true;
  if (w.size() > 4) return false;
  return std::all_of(w.begin(), w.end(), [](const std::string& x) {
    return std::isupper(static_cast<unsigned char>(x[0])) || std::isdigit(static_cast<unsigned char>(x[0]));
  });
}

// Credits in a line: from a credit label at a segment start ("Image: Jane
// Doe", "Photo by Jane Doe", "(Photo: Jane Doe)") to the closing bracket or
// the end of the line.
void credits_in(const Line& line, const FurnitureWords& words, Metadata& m) {
  std::string_view t = line.text;
  for (std::size_t p = 0; p < t.size(); ++p) {
    bool start = p == 0 || t[p - 1] == '(' || (p >= 2 && t[p - 1] == ' ' && (t[p - 2] == '.' || t[p - 2] == ';'));
    if (!start || !std::isalpha(static_cast<unsigned char>(t[p]))) continue;
    for (const auto& label : words.credits) {
      if (t.size() < p + label.size() || lower(t.substr(p, label.size())) != label) continue;
      std::string_view after = t.substr(p + label.size());
      if (!(after.substr(0, 1) == ":" || after.substr(0, 4) == " by " || after.substr(0, 2) == " :")) continue;
      std::size_t end = t.size();
      if (p > 0 && t[p - 1] == '(')
        end = std::min(t.size(), t.find(')', p) == std::string_view::npos ? t.size() : t.find(')', p) + 1);
      m.furniture.emplace_back(line.begin + p, line.begin + end);
      p = end;
      break;
    }
  }
}

}  // namespace

FurnitureWords load_furniture_words(const std::string& schemas_dir) {
  FurnitureWords w;
  for (const auto& row : detail::Resources::shared(schemas_dir).lexicon("furniture_labels").rows()) {
    if (row.size() < 2) continue;
    if (row[1] == "block")
      w.blocks.insert(row[0]);
    else if (row[1] == "credit")
      w.credits.insert(row[0]);
  }
  return w;
}

void find_furniture(std::string_view text, const FurnitureWords& words, Metadata& m) {
  auto lines = split_lines(text, m.soft_breaks);
  std::size_t last_body_end = m.body_begin;  // end of the last body line before the current one
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.end <= m.body_begin) continue;
    if (line.begin >= m.body_end) break;
    if (words.blocks.count(label_of(line.text)) && !is_paragraph(line)) {
      std::size_t j = i + 1;
      while (j < lines.size() && !(is_paragraph(lines[j]) && !is_list_item(lines[j].text))) ++j;
      if (j == lines.size() || lines[j].begin >= m.body_end) {
        if (last_body_end > m.body_begin) m.body_end = last_body_end;  // the block ends the article
        break;
      }
      m.furniture.emplace_back(line.begin, lines[j - 1].end);
      i = j - 1;
      continue;
    }
    last_body_end = line.end;
    if (is_heading(line.text))
      m.furniture.emplace_back(line.begin, line.end);
    else
      credits_in(line, words, m);
  }
  std::sort(m.furniture.begin(), m.furniture.end());
}

}  // namespace relgraph
