// HTML pages in: libxml2 parse, boilerplate removal by tag/role/class words
// and a readability-style paragraph score, metadata from JSON-LD, meta tags,
// <title> and <time> (see html.hpp). Tests: tests/html_test.cpp
#include "article/html.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <set>

#include "article/metadata.hpp"
#include "core/strings.hpp"
#include "relgraph/error.hpp"

namespace relgraph {
namespace {

std::string lower(std::string_view s) { return relgraph::detail::ascii_lower(s); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Collapses runs of white space (and no-break spaces) into one space, trimmed.
std::string collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool ws = is_space(s[i]);
    if (!ws && s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      ws = true;
      ++i;
    }
    if (ws) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += s[i];
    }
  }
  return out;
}

std::string tag(const xmlNode* n) {
  return n->type == XML_ELEMENT_NODE && n->name ? lower(reinterpret_cast<const char*>(n->name)) : "";
}

std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool has_attr(const xmlNode* n, const char* name) {
  return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

bool in(const std::string& s, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (s == w) return true;
  return false;
}

bool contains_any(const std::string& s, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (s.find(w) != std::string::npos) return true;
  return false;
}

bool is_inline(const std::string& t) {
  // not English: HTML inline element names
  return in(t, {"a",      "abbr", "b",   "bdi",  "bdo",  "br",  "cite", "code", "data",  "dfn",
                "em",     "font", "i",   "kbd",  "mark", "q",   "s",    "samp", "small", "span",
                "strong", "sub",  "sup", "time", "u",    "var", "wbr",  "del",  "ins"});
}

// Elements that never hold article text.
bool never_text(const xmlNode* n, const std::string& t) {
  if (in(t,
         // not English: HTML element names
         {"script",   "style", "noscript", "template", "iframe", "svg",    "form",       "button", "input",  "select",
          "textarea", "nav",   "aside",    "footer",   "header", "figure", "figcaption", "dialog", "object", "embed",
          "canvas",   "video", "audio",    "picture",  "img",    "h1",     "label",      "menu"}))
    return true;
  std::string role = lower(attr(n, "role"));
  // not English: ARIA role names
  if (in(role, {"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu",
                "menubar"}))
    return true;
  if (has_attr(n, "hidden") || lower(attr(n, "aria-hidden")) == "true") return true;
  std::string style = lower(attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  if (style.find("display:none") != std::string::npos) return true;
  // Class and id words: some always mark furniture; others only when no
  // word of an article container is there too ("nav" yes, "content nav" no).
  std::string words = lower(attr(n, "class") + " " + attr(n, "id"));
  if (contains_any(words,
                   // not English: class/id tokens of page templates
                   {"cookie",  "consent",    "gdpr",    "newsletter", "subscribe", "share",    "social", "comment",
                    "related", "recommend",  "promo",   "advert",     "sponsor",   "popup",    "modal",  "outbrain",
                    "taboola", "breadcrumb", "paywall", "trending",   "most-read", "mostread", "signup"}))
    return true;
  // not English: class/id tokens of page templates
  return contains_any(words, {"nav", "menu", "footer", "header", "sidebar", "masthead", "banner", "byline", "tags",
                              "caption", "pagination", "toolbar"}) &&
         // not English: class/id tokens of page templates
         !contains_any(words, {"article", "body", "content", "main", "story", "entry", "post", "text"});
}

void drop_furniture(xmlNode* n) {
  for (xmlNode* c = n->children; c;) {
    xmlNode* next = c->next;
    if (c->type == XML_COMMENT_NODE) {
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    } else if (c->type == XML_ELEMENT_NODE) {
      if (never_text(c, tag(c))) {
        xmlUnlinkNode(c);
        xmlFreeNode(c);
      } else {
        drop_furniture(c);
      }
    }
    c = next;
  }
}

// All text of a subtree (raw, not collapsed).
void all_text(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      if (tag(c) == "br") out += '\n';
      all_text(c, out);
    }
  }
}

std::string text_of(const xmlNode* n) {
  std::string s;
  all_text(n, s);
  return collapse(s);
}

void link_text(const xmlNode* n, std::size_t& chars) {
  for (const xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) {
      if (tag(c) == "a")
        chars += text_of(c).size();
      else
        link_text(c, chars);
    }
}

double link_density(const xmlNode* n) {
  std::size_t total = text_of(n).size(), links = 0;
  if (total == 0) return 0;
  link_text(n, links);
  return static_cast<double>(links) / static_cast<double>(total);
}

// Text of a block's own inline content: source line breaks are spaces, a
// <br> is '\n'; nested blocks are left out (they are paragraphs of their own).
void inline_text(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      for (const char* p = reinterpret_cast<const char*>(c->content); p && *p; ++p)
        out += *p == '\n' || *p == '\r' ? ' ' : *p;
    } else if (c->type == XML_ELEMENT_NODE) {
      std::string t = tag(c);
      if (t == "br")
        out += '\n';
      else if (is_inline(t))
        inline_text(c, out);
    }
  }
}

// Paragraphs of a block's own text: two <br> in a row (old layouts' paragraph
// break) split it, one <br> is a space.
std::vector<std::string> own_paragraphs(const xmlNode* n) {
  std::string raw;
  inline_text(n, raw);
  std::vector<std::string> out(1);
  std::size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] == '\n') {
      std::size_t j = i + 1;
      while (j < raw.size() && (raw[j] == ' ' || raw[j] == '\t')) ++j;
      if (j < raw.size() && raw[j] == '\n') {
        out.emplace_back();
        while (j < raw.size() && (is_space(raw[j]))) ++j;
        i = j;
        continue;
      }
      out.back() += ' ';
      ++i;
      continue;
    }
    out.back() += raw[i++];
  }
  std::vector<std::string> paragraphs;
  for (const auto& p : out)
    if (auto c = collapse(p); !c.empty()) paragraphs.push_back(std::move(c));
  return paragraphs;
}

std::size_t own_length(const xmlNode* n) {
  std::size_t len = 0;
  for (const auto& p : own_paragraphs(n)) len += p.size();
  return len;
}

std::size_t count_commas(const xmlNode* n) {
  std::size_t commas = 0;
  for (const auto& p : own_paragraphs(n)) commas += static_cast<std::size_t>(std::count(p.begin(), p.end(), ','));
  return commas;
}

// Readability's content score: paragraphs (blocks with enough text of their
// own) score their container in full and its parent by half; containers
// start from their tag and their class/id words.
class Scorer {
 public:
  explicit Scorer(xmlNode* root) { visit(root); }

  // The best container, or nullptr when the page has no paragraph.
  const xmlNode* top() const {
    const xmlNode* best = nullptr;
    double best_score = 0;
    for (const auto& [node, score] : scores_) {
      double s = final_score(node);
      if (!best || s > best_score) best = node, best_score = s;
    }
    return best;
  }
  double final_score(const xmlNode* n) const {
    auto it = scores_.find(n);
    return it == scores_.end() ? 0 : it->second * (1 - link_density(n));
  }

 private:
  void visit(xmlNode* n) {
    for (xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string t = tag(c);
      if (!is_inline(t)) {
        std::size_t len = own_length(c);
        if (len >= 25) {
          double score = 1 + static_cast<double>(count_commas(c)) + std::min(3.0, static_cast<double>(len) / 100);
          // not English: HTML element names
          bool paragraph = in(t, {"p", "pre", "blockquote", "li", "dd"});
          const xmlNode* container = paragraph ? c->parent : c;
          add(container, score);
          if (container->parent && container->parent->type == XML_ELEMENT_NODE) add(container->parent, score / 2);
        }
      }
      visit(c);
    }
  }
  void add(const xmlNode* n, double score) {
    auto [it, fresh] = scores_.emplace(n, 0.0);
    if (fresh) it->second = initial(n);
    it->second += score;
  }
  static double initial(const xmlNode* n) {
    std::string t = tag(n);
    double s = 0;
    if (t == "article" || t == "main") s += 10;
    if (t == "div") s += 5;
    if (in(t, {"pre", "td", "blockquote"})) s += 3;
    // not English: HTML element names
    if (in(t, {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"})) s -= 3;
    if (in(t, {"h2", "h3", "h4", "h5", "h6", "th"})) s -= 5;
    std::string words = lower(attr(n, "class") + " " + attr(n, "id"));
    // not English: class/id tokens of page templates
    if (contains_any(words, {"article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story"}))
      s += 25;
    // not English: class/id tokens of page templates
    if (contains_any(words, {"nav", "menu", "footer", "sidebar", "widget", "meta", "tag", "link", "ad-", "promo"}))
      s -= 25;
    return s;
  }
  std::map<const xmlNode*, double> scores_;
};

// A paragraph of prose ends like a sentence (or is long); a title, a
// "Posted on" line, a subhead or a "Back to news | Contact" line does not.
bool is_prose(const std::string& p) {
  if (p.size() >= 100) return true;
  for (std::string_view end : {".", "!", "?", "\"", "'", ")", ":", "\xE2\x80\x9D", "\xE2\x80\x99"})
    if (p.ends_with(end)) return true;
  return false;
}

// Paragraphs of the chosen containers in document order; headings and
// link lists are left out.
void emit(const xmlNode* n, std::vector<std::string>& out) {
  std::string t = tag(n);
  if (in(t, {"h2", "h3", "h4", "h5", "h6"})) return;
  if (!is_inline(t) && link_density(n) <= 0.5)
    for (auto& p : own_paragraphs(n))
      if (is_prose(p)) out.push_back(std::move(p));
  for (const xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !is_inline(tag(c))) emit(c, out);
}

std::vector<std::string> article_paragraphs(xmlNode* body) {
  Scorer scorer(body);
  const xmlNode* top = scorer.top();
  if (!top) return {};
  double threshold = std::max(10.0, scorer.final_score(top) * 0.2);
  std::vector<std::string> out;
  const xmlNode* parent = top->parent;
  for (const xmlNode* s = parent && parent->type == XML_ELEMENT_NODE ? parent->children : top; s; s = s->next) {
    if (s->type != XML_ELEMENT_NODE) continue;
    bool take = s == top || scorer.final_score(s) >= threshold;
    if (!take && tag(s) == "p") {
      std::string text = text_of(s);
      double ld = link_density(s);
      take = (text.size() > 80 && ld < 0.25) || (!text.empty() && text.size() <= 80 && ld == 0 && text.back() == '.');
    }
    if (take) emit(s, out);
    if (!parent || parent->type != XML_ELEMENT_NODE) break;
  }
  return out;
}

// --- metadata -------------------------------------------------------------------

struct PageFacts {
  std::string title_tag, h1, first_time, byline;
  std::map<std::string, std::string> meta;  // lower-case name/property -> content (first wins)
  std::vector<std::string> json_ld;         // script bodies
};

void gather(const xmlNode* n, PageFacts& f) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string t = tag(c);
    if (t == "title" && f.title_tag.empty()) f.title_tag = text_of(c);
    if (t == "h1" && f.h1.empty()) f.h1 = text_of(c);
    if (t == "time" && f.first_time.empty()) f.first_time = attr(c, "datetime");
    if (t == "meta") {
      std::string key = lower(!attr(c, "property").empty() ? attr(c, "property") : attr(c, "name"));
      if (!key.empty()) f.meta.emplace(key, collapse(attr(c, "content")));
    }
    if (t == "script" && lower(attr(c, "type")) == "application/ld+json") {
      std::string s;
      all_text(c, s);
      f.json_ld.push_back(s);
    }
    std::string words = lower(attr(c, "class") + " " + attr(c, "rel"));
    if (f.byline.empty() && (words.find("byline") != std::string::npos || words.find("author") != std::string::npos))
      f.byline = text_of(c);
    gather(c, f);
  }
}

std::string json_text(const rapidjson::Value& v) {
  if (v.IsString()) return collapse(v.GetString());
  if (v.IsObject() && v.HasMember("name")) return json_text(v["name"]);
  if (v.IsArray()) {
    std::string out;
    for (const auto& x : v.GetArray())
      if (auto s = json_text(x); !s.empty()) {
        if (!out.empty()) out += ", ";
        out += s;
      }
    return out;
  }
  return "";
}

bool is_article_type(const rapidjson::Value& type) {
  auto one = [](const rapidjson::Value& t) {
    if (!t.IsString()) return false;
    std::string s = t.GetString();
    return s.ends_with("Article") || s == "BlogPosting" || s == "Report";
  };
  if (type.IsArray()) return std::any_of(type.Begin(), type.End(), one);
  return one(type);
}

// The first Article-like object in a JSON-LD value (object, array or @graph).
const rapidjson::Value* find_article(const rapidjson::Value& v) {
  if (v.IsArray()) {
    for (const auto& x : v.GetArray())
      if (auto* a = find_article(x)) return a;
  } else if (v.IsObject()) {
    if (v.HasMember("@type") && is_article_type(v["@type"])) return &v;
    if (v.HasMember("@graph")) return find_article(v["@graph"]);
  }
  return nullptr;
}

std::string iso_date(const std::string& value) {
  if (value.empty()) return "";
  if (auto d = parse_date_line(value); !d.empty()) return d;
  bool iso =
      value.size() >= 10 && std::isdigit(static_cast<unsigned char>(value[0])) && value[4] == '-' && value[7] == '-';
  return iso ? value : "";
}

std::string strip_by(std::string s) {
  if (lower(s.substr(0, 3)) == "by ") s = s.substr(3);
  return s;
}

Metadata page_metadata(const PageFacts& f) {
  Metadata m;
  std::string headline, author, publisher, date, section;
  for (const auto& script : f.json_ld) {
    rapidjson::Document d;
    d.Parse(script.c_str(), script.size());
    if (d.HasParseError()) continue;  // a broken block on a page is common; the meta tags remain
    const rapidjson::Value* a = find_article(d);
    if (!a) continue;
    auto field = [&](const char* key) { return a->HasMember(key) ? json_text((*a)[key]) : std::string(); };
    headline = field("headline");
    author = field("author");
    publisher = field("publisher");
    date = field("datePublished");
    section = field("articleSection");
    break;
  }
  auto meta = [&](std::initializer_list<const char*> keys) {
    for (const char* k : keys)
      if (auto it = f.meta.find(k); it != f.meta.end() && !it->second.empty()) return it->second;
    return std::string();
  };
  auto first = [](std::initializer_list<std::string> values) {
    for (const auto& v : values)
      if (!v.empty()) return v;
    return std::string();
  };
  std::string meta_author = meta({"author", "article:author", "parsely-author", "dc.creator"});
  if (meta_author.starts_with("http")) meta_author.clear();  // article:author is often a profile URL
  m.title = first({headline, meta({"og:title", "twitter:title"}), f.h1, f.title_tag});
  m.author = first({author, meta_author, strip_by(f.byline)});
  m.publisher = first({publisher, meta({"og:site_name", "application-name"})});
  m.date_published =
      iso_date(first({date, meta({"article:published_time", "date", "pubdate", "dc.date"}), f.first_time}));
  m.section = first({section, meta({"article:section"})});
  return m;
}

}  // namespace

bool looks_like_html(std::string_view text, std::string_view name) {
  std::string n = lower(std::string(name));
  if (n.ends_with(".html") || n.ends_with(".htm") || n.ends_with(".xhtml")) return true;
  std::size_t i = 0;
  while (true) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (text.substr(i, 3) == "\xEF\xBB\xBF") {
      i += 3;
      continue;
    }
    if (text.substr(i, 4) == "<!--") {
      auto end = text.find("-->", i);
      if (end == std::string_view::npos) return false;
      i = end + 3;
      continue;
    }
    break;
  }
  std::string head = lower(std::string(text.substr(i, 14)));
  return head.starts_with("<!doctype html") || head.starts_with("<html");
}

HtmlArticle read_html_article(std::string_view html, const std::string& name) {
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
      xmlFreeDoc);
  if (!doc || !xmlDocGetRootElement(doc.get()))
    throw Error(ErrorKind::InvalidInput, "'" + name + "' could not be parsed as HTML");
  xmlNode* root = xmlDocGetRootElement(doc.get());
  PageFacts facts;
  gather(root, facts);
  drop_furniture(root);
  HtmlArticle out;
  for (const auto& p : article_paragraphs(root)) {
    if (!out.text.empty()) out.text += "\n\n";
    out.text += p;
  }
  if (out.text.empty())
    throw Error(ErrorKind::InvalidInput, "'" + name + "' has no article text (an HTML page without paragraphs)");
  out.text += '\n';
  out.metadata = page_metadata(facts);
  // A body opening "CITY (Agency) -" gives the dateline, and the body starts
  // after its dash, as for plain text.
  Metadata found = find_metadata(out.text);
  out.metadata.dateline = found.dateline;
  out.metadata.body_begin = found.dateline.empty() ? 0 : found.body_begin;
  out.metadata.body_end = out.text.size();
  return out;
}
}  // namespace relgraph
