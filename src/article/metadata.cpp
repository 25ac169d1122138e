// Article header, byline, date and body-range recognition (see metadata.hpp).
// Tests: tests/article_test.cpp
#include "article/metadata.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <optional>

#include "article/html.hpp"
#include "article/lines.hpp"
#include "core/lexicon.hpp"
#include "core/resources.hpp"
#include "core/strings.hpp"
#include "relgraph/error.hpp"

namespace relgraph {
namespace {

using namespace article_text;

// --- dates ------------------------------------------------------------------

int month_number(std::string_view w) {
  // months.tsv: names in calendar order, then abbreviations that are no prefix of the name.
  static const auto months = detail::Resources::shared().lexicon("months");
  std::string l = lower(w);
  if (!l.empty() && l.back() == '.') l.pop_back();
  if (l.size() < 3) return 0;
  for (const auto& row : months.rows()) {
    std::string_view full = row[0];
    if (l == full || (full.substr(0, l.size()) == l && l.size() <= full.size())) return detail::int_field(months, row, 1);
  }
  return 0;
}

bool is_weekday(std::string_view w) {
  static const auto names = detail::WordSet::load("weekdays");
  std::string l = lower(w);
  if (!l.empty() && l.back() == '.') l.pop_back();
  if (l.size() < 3) return false;
  for (std::string_view full : names.words())
    if (full.substr(0, std::min(full.size(), l.size())) == l && l.size() <= full.size()) return true;
  return false;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// "15:58", "3:05pm", "15:58:07" -> minutes/seconds; am/pm handled by caller.
std::optional<std::array<int, 3>> parse_clock(std::string_view w) {
  std::array<int, 3> hms = {0, 0, 0};
  int part = 0;
  std::string cur;
  for (char c : w) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      cur += c;
    } else if (c == ':' || c == '.') {
      auto v = detail::parse_int(cur);
      if (!v || part >= 2) return std::nullopt;
      hms[part++] = *v;
      cur.clear();
    } else {
      return std::nullopt;
    }
  }
  auto v = detail::parse_int(cur);
  if (!v || part == 0) return std::nullopt;
  hms[part] = *v;
  if (hms[0] > 23 || hms[1] > 59 || hms[2] > 59) return std::nullopt;
  return hms;
}

std::string two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

std::string parse_date_line(std::string_view line) {
  std::string s(trim(line));
  // Drop a leading label ("Published:", "Updated", "Posted on").
  static const auto labels = detail::WordSet::load("dateline_labels");
  for (std::string_view label : labels.words()) {
    std::string l = lower(s);
    if (l.rfind(label, 0) == 0 && (l.size() == label.size() || !std::isalpha(static_cast<unsigned char>(l[label.size()])))) {
      s = s.substr(label.size());
      while (!s.empty() && (s[0] == ':' || s[0] == ' ' || s[0] == '-')) s.erase(0, 1);
      if (lower(s).rfind("on ", 0) == 0) s.erase(0, 3);
      break;
    }
  }
  for (char& c : s)
    if (c == ',' || c == '|') c = ' ';
  auto words = words_of(s);
  if (words.empty() || words.size() > 9) return "";

  // ISO form first: 2018-09-12[T15:58[:00][Z]]
  if (words.size() == 1 && words[0].size() >= 10 && words[0][4] == '-' && words[0][7] == '-') {
    const std::string& w = words[0];
    if (!all_digits(w.substr(0, 4)) || !all_digits(w.substr(5, 2)) || !all_digits(w.substr(8, 2))) return "";
    int mo = detail::parse_int(std::string_view(w).substr(5, 2)).value_or(0);
    int d = detail::parse_int(std::string_view(w).substr(8, 2)).value_or(0);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return "";
    return w.size() == 10 ? w : (w[10] == 'T' ? w : "");
  }

  int day = 0, month = 0, year = 0;
  std::optional<std::array<int, 3>> clock;
  std::string zone;
  bool pm = false, am = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    std::string l = lower(w);
    if (l == "at" || l == "on" || l == "-") continue;
    if (is_weekday(w) && !month_number(w)) continue;
    if (int m = month_number(w); m && !month) {
      month = m;
      continue;
    }
    // "12th", "1st"
    std::string digits = w;
    for (const char* suf : {"st", "nd", "rd", "th"})
      if (l.size() > 2 && l.substr(l.size() - 2) == suf && all_digits(l.substr(0, l.size() - 2))) digits = w.substr(0, w.size() - 2);
    if (all_digits(digits)) {
      auto parsed = detail::parse_int(digits);
      if (!parsed) return "";  // too long for a day or a year: not a date
      int v = *parsed;
      if (digits.size() == 4 && !year) year = v;
      else if (digits.size() <= 2 && v >= 1 && v <= 31 && !day) day = v;
      else return "";
      continue;
    }
    std::string c = l;
    if (c.size() > 2 && (c.substr(c.size() - 2) == "am" || c.substr(c.size() - 2) == "pm")) {
      (c.substr(c.size() - 2) == "pm" ? pm : am) = true;
      c = c.substr(0, c.size() - 2);
    }
    if (auto hms = parse_clock(c); hms && !clock) {
      clock = hms;
      continue;
    }
    if (l == "am" || l == "a.m." ) { am = true; continue; }
    if (l == "pm" || l == "p.m.") { pm = true; continue; }
    if (l == "gmt" || l == "utc" || l == "z") {
      zone = "Z";
      continue;
    }
    if ((w[0] == '+' || w[0] == '-') && all_digits(w.substr(1)) && w.size() == 5) {
      zone = w.substr(0, 3) + ":" + w.substr(3);
      continue;
    }
    // Other zone abbreviations (EST, CET ...) leave the time local.
    if (w.size() >= 2 && w.size() <= 4 && std::all_of(w.begin(), w.end(), [](char ch) { return std::isupper(static_cast<unsigned char>(ch)); }) && clock)
      continue;
    return "";
  }
  if (!year || !month) return "";
  std::string iso = std::to_string(year) + "-" + two(month);
  if (!day) return iso;
  iso += "-" + two(day);
  if (clock) {
    int h = (*clock)[0];
    if (pm && h < 12) h += 12;
    if (am && h == 12) h = 0;
    iso += "T" + two(h) + ":" + two((*clock)[1]) + ":" + two((*clock)[2]) + zone;
  }
  return iso;
}

namespace {

bool is_particle(std::string_view w) {
  static const auto particles = detail::WordSet::load("name_particles");
  return particles.contains(w);
}

bool is_capitalised(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  return std::isupper(c) || c >= 0xC3;  // non-ASCII initials (É, Ö ...) count
}

// 2-4 capitalised words (particles allowed inside): a personal name.
bool looks_like_name(const std::vector<std::string>& w) {
  if (w.size() < 2 || w.size() > 4) return false;
  if (!is_capitalised(w.front()) || !is_capitalised(w.back())) return false;
  for (const auto& x : w) {
    if (!is_capitalised(x) && !is_particle(lower(x))) return false;
    if (std::any_of(x.begin(), x.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) return false;
  }
  return true;
}

std::string join(const std::vector<std::string>& w, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to && i < w.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += w[i];
  }
  return out;
}

struct Byline {
  std::string author, publisher, place;
};

// "Publisher City": split a known place off the end.
void split_publisher(const std::vector<std::string>& rest, const std::vector<std::string>& places, Byline& b) {
  // "By Jane Doe, Middle East correspondent": the author's beat, not a publisher.
  static const auto roles = detail::WordSet::load("byline_roles");
  if (!rest.empty()) {
    std::string last = lower(rest.back());
    while (!last.empty() && !std::isalpha(static_cast<unsigned char>(last.back()))) last.pop_back();
    if (roles.contains(last)) return;
  }
  for (std::size_t n = std::min<std::size_t>(3, rest.size() > 0 ? rest.size() - 1 : 0); n >= 1; --n) {
    std::string tail = lower(join(rest, rest.size() - n, rest.size()));
    for (const auto& p : places) {
      if (lower(p) == tail) {
        b.publisher = join(rest, 0, rest.size() - n);
        b.place = join(rest, rest.size() - n, rest.size());
        return;
      }
    }
  }
  b.publisher = join(rest, 0, rest.size());
}

std::optional<Byline> parse_byline(std::string_view line, const std::vector<std::string>& places) {
  std::string s(line);
  // Normalise dash variants and pipes to one separator.
  for (std::string_view d : {"\xE2\x80\x94", "\xE2\x80\x93", "|"}) {
    for (std::size_t p; (p = s.find(d)) != std::string::npos;) s.replace(p, d.size(), " - ");
  }
  auto w = words_of(s);
  if (w.empty() || w.size() > 12) return std::nullopt;
  Byline b;
  if (lower(w[0]) == "by" || lower(w[0]) == "by:") {
    // "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, Publisher"
    std::vector<std::string> name;
    std::size_t i = 1;
    for (; i < w.size() && w[i] != "-"; ++i) {
      std::string x = w[i];
      bool comma = !x.empty() && x.back() == ',';
      if (comma) x.pop_back();
      name.push_back(x);
      if (comma) {
        ++i;
        break;
      }
    }
    if (name.empty()) return std::nullopt;
    b.author = join(name, 0, name.size());
    if (i < w.size() && w[i] == "-") ++i;
    std::vector<std::string> rest(w.begin() + static_cast<long>(std::min(i, w.size())), w.end());
    if (!rest.empty()) split_publisher(rest, places, b);
    return b;
  }
  auto dash = std::find(w.begin(), w.end(), "-");
  if (dash == w.end()) return std::nullopt;
  std::vector<std::string> name(w.begin(), dash), rest(dash + 1, w.end());
  if (!looks_like_name(name) || rest.empty() || rest.size() > 6) return std::nullopt;
  if (std::find(rest.begin(), rest.end(), "-") != rest.end()) return std::nullopt;
  b.author = join(name, 0, name.size());
  split_publisher(rest, places, b);
  return b;
}

// "TUNIS (Reuters) -", "WASHINGTON —", "LONDON, England:" at the start of the
// body: the place, and in `length` the bytes the dateline takes with the
// dash and the spaces after it (the prose starts there).
std::string body_dateline(std::string_view para, std::size_t* length = nullptr, std::string* date = nullptr) {
  std::size_t i = 0;
  std::string place;
  while (i < para.size()) {
    char c = para[i];
    if (std::isupper(static_cast<unsigned char>(c)) || c == ' ' || c == '.' || c == '\'' || c == '-') {
      place += c;
      ++i;
    } else {
      break;
    }
  }
  std::string_view rest = para.substr(i);
  std::string p(trim(place));
  while (!p.empty() && (p.back() == '-' || p.back() == ' ')) p.pop_back();
  if (p.size() < 3 || words_of(p).size() > 3) return "";
  if (std::count_if(p.begin(), p.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) < 3) return "";
  rest = trim(rest);
  if (!rest.empty() && rest[0] == ',') {  // "LONDON, England (AP) -": skip the region
    auto close = rest.find_first_of("(-\xE2");
    if (close == std::string_view::npos || close > 30) return "";
    // "BERLIN, 3 March 2021 -": the region may be the date.
    if (date) *date = parse_date_line(trim(rest.substr(1, close - 1)));
    rest = trim(rest.substr(close));
  }
  if (!rest.empty() && rest[0] == '(') {
    auto close = rest.find(')');
    if (close == std::string_view::npos || close > 40) return "";
    rest = trim(rest.substr(close + 1));
  }
  if (!(rest.substr(0, 1) == "-" || rest.substr(0, 1) == ":" || rest.substr(0, 3) == "\xE2\x80\x94" ||
        rest.substr(0, 3) == "\xE2\x80\x93"))
    return "";
  if (length) {
    std::size_t skip = rest[0] == '-' || rest[0] == ':' ? 1 : 3;
    while (skip < rest.size() && rest[skip] == ' ') ++skip;
    *length = static_cast<std::size_t>(rest.data() - para.data()) + skip;
  }
  // Title-case it: "NEW YORK" -> "New York".
  std::string out;
  bool start = true;
  for (char c : p) {
    out += start ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    start = (c == ' ' || c == '-');
  }
  return out;
}

bool is_navigation(std::string_view line) {
  return std::count(line.begin(), line.end(), '|') >= 2 ||
         std::count(line.begin(), line.end(), '>') >= 2;  // breadcrumbs "Home > World > Africa"
}

}  // namespace

Metadata find_metadata(std::string_view text, const std::vector<std::string>& places, const FurnitureWords& words) {
  Metadata m;
  m.body_begin = 0;
  m.body_end = text.size();
  auto lines = split_lines(text);
  std::size_t first = lines.size(), last = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (is_paragraph(lines[i])) {
      if (first == lines.size()) first = i;
      last = i;
    }
  }
  if (first == lines.size()) return m;  // no prose at all: keep everything
  m.body_begin = lines[first].begin;
  m.body_end = lines[last].end;

  // Header lines: classify dates and the byline first.
  std::vector<std::size_t> rest;
  for (std::size_t i = 0; i < first; ++i) {
    const auto& t = lines[i].text;
    if (std::string iso = parse_date_line(t); !iso.empty()) {
      m.date_published = iso;  // the date closest to the body wins
      continue;
    }
    // "Reuters | 2 February 2024": a source and a date on one line.
    if (auto bar = t.find('|'); bar != std::string_view::npos && t.find('|', bar + 1) == std::string_view::npos) {
      std::string_view left = trim(t.substr(0, bar)), right = trim(t.substr(bar + 1));
      std::string iso = parse_date_line(right);
      std::string_view source = left;
      if (iso.empty()) iso = parse_date_line(left), source = right;
      auto n = words_of(source).size();
      if (!iso.empty() && n >= 1 && n <= 6 && std::isupper(static_cast<unsigned char>(source[0]))) {
        m.date_published = iso;
        // "... | By Jane Doe" is a byline; anything else names the source.
        if (auto b = parse_byline(source, places); b && !b->author.empty()) {
          if (m.author.empty()) m.author = b->author;
          if (!b->publisher.empty()) m.publisher = b->publisher;
        } else if (m.publisher.empty() && n <= 4) {
          m.publisher = std::string(source);
        }
        continue;
      }
    }
    if (auto b = parse_byline(t, places); b && m.author.empty()) {
      m.author = b->author;
      if (!b->publisher.empty()) m.publisher = b->publisher;
      m.dateline = b->place;
      continue;
    }
    if (is_navigation(t)) continue;
    rest.push_back(i);
  }
  // Title: the longest remaining header line of three words or more.
  std::size_t title = lines.size(), best = 0;
  for (std::size_t i : rest) {
    auto n = words_of(lines[i].text).size();
    if (n >= 3 && n > best) {
      best = n;
      title = i;
    }
  }
  if (title == lines.size() && !rest.empty()) {
    // No long line: the last header line before the body is the headline.
    title = rest.back();
  }
  if (title < lines.size()) {
    m.title = std::string(lines[title].text);
    auto is_section = [&](std::size_t i) {
      if (std::find(rest.begin(), rest.end(), i) == rest.end()) return false;
      auto n = words_of(lines[i].text).size();
      if (n == 0 || n > 4 || ends_sentence(lines[i].text)) return false;
      std::string l = lower(lines[i].text);
      return std::none_of(places.begin(), places.end(), [&](const std::string& p) { return lower(p) == l; });
    };
    if (title + 1 < first && is_section(title + 1)) m.section = std::string(lines[title + 1].text);
    else if (title > 0 && is_section(title - 1)) m.section = std::string(lines[title - 1].text);
  }
  // A dateline opening the body is furniture, not prose: the body starts after it.
  std::size_t dateline_length = 0;
  std::string dateline_date;
  std::string place = body_dateline(lines[first].text, &dateline_length, &dateline_date);
  if (!place.empty()) {
    if (m.dateline.empty()) m.dateline = place;
    if (m.date_published.empty()) m.date_published = dateline_date;
    if (dateline_length > 0 && dateline_length < lines[first].text.size()) m.body_begin += dateline_length;
  }
  find_furniture(text, words, m);
  return m;
}

namespace {

// Place names from the entity gazetteer: countries, their capitals and cities.
std::vector<std::string> load_places(const std::string& schemas_dir) {
  std::vector<std::string> places;
  const auto& gazetteer = detail::Resources::shared(schemas_dir).gazetteer();
  for (const auto& country : gazetteer.countries) {
    places.push_back(country.canonical);
    places.insert(places.end(), country.capitals.begin(), country.capitals.end());
  }
  for (const auto& row : gazetteer.places.rows())  // name kind country
    if (row[1] == "City") places.push_back(row[0]);
  return places;
}

class MetadataStage : public Stage {
 public:
  MetadataStage(bool pretokenized, std::vector<std::string> places, FurnitureWords words)
      : pretokenized_(pretokenized), places_(std::move(places)), words_(std::move(words)) {}
  std::string name() const override { return "metadata"; }
  std::vector<Layer> needs() const override { return {}; }
  std::vector<Layer> adds() const override { return {Layer::Metadata}; }
  void process(Document& doc) const override {
    if (pretokenized_) {
      doc.metadata = Metadata{};
      doc.metadata.body_end = doc.text.size();
      return;
    }
    if (looks_like_html(doc.text, doc.id)) {  // a web page: its article text is what the stages read
      HtmlArticle article = read_html_article(doc.text, doc.id);
      doc.text = std::move(article.text);
      doc.metadata = std::move(article.metadata);
      return;
    }
    doc.metadata = find_metadata(doc.text, places_, words_);
  }

 private:
  bool pretokenized_;
  std::vector<std::string> places_;
  FurnitureWords words_;
};

}  // namespace

std::unique_ptr<Stage> make_metadata_stage(const PipelineOptions& options) {
  // make_pipeline resolves the schemas directory; without one, bylines are
  // split without a place list.
  std::vector<std::string> places;
  FurnitureWords words;
  if (!options.schemas_dir.empty()) {
    places = load_places(options.schemas_dir);
    words = load_furniture_words(options.schemas_dir);
  }
  return std::make_unique<MetadataStage>(options.pretokenized, std::move(places), std::move(words));
}

}  // namespace relgraph
