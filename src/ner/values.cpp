// Rule-based values: dates, money, percentages, quantities, cardinals (see
// values.hpp). Tests: tests/ner_test.cpp
#include "ner/values.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/lexicon.hpp"
#include "core/strings.hpp"
#include "ner/gazetteer.hpp"

namespace relgraph::ner {

namespace {

using Forms = std::vector<std::string>;

std::string lower(std::string_view s) { return relgraph::detail::ascii_lower(s); }

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// English words of numbers, dates and measures (schemas/lexicon), loaded on first use.
struct ValueWords {
  detail::WordMap numbers = detail::WordMap::load("number_words");
  detail::WordMap scales = detail::WordMap::load("number_scales");
  detail::WordSet units = detail::WordSet::load("measure_units");
  detail::WordSet approx;            // one-word approximators
  std::vector<std::string> approx2;  // two-word approximators ("more than")
  detail::WordSet weekdays = detail::WordSet::load("weekdays");
  detail::WordSet count_nouns = detail::WordSet::load("count_nouns");
  detail::WordSet month_cues = detail::WordSet::load("month_date_cues");
  std::vector<std::pair<std::string, int>> months;  // months.tsv in file order
  ValueWords() {
    const auto& res = detail::Resources::shared();
    std::vector<std::string> one;
    for (const auto& w : res.lexicon("approximators").keys())
      (w.find(' ') == std::string::npos ? one : approx2).push_back(w);
    approx = detail::WordSet(one);
    const auto& m = res.lexicon("months");
    for (const auto& row : m.rows()) months.emplace_back(row[0], detail::int_field(m, row, 1));
  }
};

const ValueWords& words() {
  static const ValueWords w;
  return w;
}

constexpr const char* kCurrencySymbols[] = {"U.S.$", "US$", "$", "€", "£", "¥", "₹", "₽", "₩", "₺"};

double scale_of(std::string_view w) {
  const std::string* v = words().scales.find(lower(w));
  return v ? std::strtod(v->c_str(), nullptr) : 0;
}

bool in_list(std::string_view w, std::initializer_list<const char*> list) {
  std::string l = lower(w);
  for (const char* x : list)
    if (l == x) return true;
  return false;
}

bool in(std::string_view w, const detail::WordSet& set) { return set.contains(lower(w)); }

std::string two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

std::string builtin_currency(std::string_view s) {
  if (s == "$" || s == "US$" || s == "U.S.$") return "USD";
  if (s == "€") return "EUR";
  if (s == "£") return "GBP";
  if (s == "¥") return "JPY";
  return "";
}

// A token split into currency prefix, number and attached suffix: "$100",
// "€5bn", "40%", "3,000".
struct Amount {
  std::string currency;  // symbol attached in front
  double number = 0;
  double scale = 1;      // attached "bn", "m", "k"
  bool percent = false;  // attached "%"
};

std::optional<Amount> parse_amount(std::string_view w) {
  Amount a;
  for (const char* sym : kCurrencySymbols) {
    std::string_view s(sym);
    if (w.size() > s.size() && w.substr(0, s.size()) == s) {
      a.currency = std::string(s);
      w.remove_prefix(s.size());
      break;
    }
  }
  if (w.size() > 1 && w.back() == '%') {
    a.percent = true;
    w.remove_suffix(1);
  }
  // Digits with an attached scale ("5bn", "7m", "2.5million").
  std::size_t k = 0;
  while (k < w.size() && ((w[k] >= '0' && w[k] <= '9') || w[k] == ',' || w[k] == '.')) ++k;
  if (k > 0 && k < w.size()) {
    std::string_view suffix = w.substr(k);
    double sc = scale_of(suffix);
    if (!sc && (suffix == "m" || suffix == "M") && !a.currency.empty()) sc = 1e6;
    if (!sc && (suffix == "b" || suffix == "B") && !a.currency.empty()) sc = 1e9;
    if (!sc) return std::nullopt;
    a.scale = sc;
    w = w.substr(0, k);
  }
  auto n = parse_number(w);
  if (!n) return std::nullopt;
  a.number = *n;
  return a;
}

class Matcher {
 public:
  Matcher(const Forms& f, const Gazetteer* g) : f_(f), gaz_(g) {}

  std::vector<ValueMention> run() {
    std::vector<ValueMention> out;
    int i = 0;
    const int n = size();
    while (i < n) {
      ValueMention m;
      if (match_at(i, m)) {
        out.push_back(m);
        i = m.last;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  int size() const { return static_cast<int>(f_.size()); }
  std::string_view at(int i) const { return i >= 0 && i < size() ? std::string_view(f_[i]) : std::string_view(); }
  bool is(int i, std::initializer_list<const char*> words) const { return i < size() && in_list(at(i), words); }

  bool match_at(int i, ValueMention& m) {
    return match_date_range(i, m) || match_date(i, m) || match_number_value(i, m);
  }

  // --- dates ---------------------------------------------------------------

  struct Point {
    int last = 0;
    std::string value;
    bool year_only = false;
  };

  std::optional<int> year_at(int i) const {
    std::string_view w = at(i);
    if (w.size() != 4 || !is_digits(w)) return std::nullopt;
    int y = detail::parse_int(w).value_or(0);
    if (y < 1000 || y > 2199) return std::nullopt;
    // "2015 %", "2015 km", "2015 million": a number, not a year.
    if (i + 1 < size() &&
        (at(i + 1) == "%" || in(at(i + 1), words().units) || scale_of(at(i + 1)) || in(at(i + 1), words().count_nouns)))
      return std::nullopt;
    return y;
  }

  static std::optional<int> day_of(std::string_view w) {
    std::string l = lower(w);
    for (const char* suf : {"st", "nd", "rd", "th"})
      if (l.size() > 2 && l.ends_with(suf)) l.resize(l.size() - 2);
    if (!is_digits(l) || l.size() > 2) return std::nullopt;
    int d = detail::parse_int(l).value_or(0);
    if (d < 1 || d > 31) return std::nullopt;
    return d;
  }

  int month_at(int i) const {
    std::string_view w = at(i);
    int m = month_number(w);
    if (!m) return 0;
    // Lower-case "may", "march" are words; month names are capitalised.
    if (!(w[0] >= 'A' && w[0] <= 'Z')) return 0;
    return m;
  }

  // "15:58", "15 : 58", optional "am"/"pm", optional zone; appends "THH:MM[Z]".
  int time_at(int i, std::string& value) const {
    int h = -1, mnt = -1, j = i;
    std::string_view w = at(j);
    auto colon = w.find(':');
    if (colon != std::string_view::npos && colon > 0 && colon + 3 == w.size() && is_digits(w.substr(0, colon)) &&
        is_digits(w.substr(colon + 1))) {
      h = detail::parse_int(w.substr(0, colon)).value_or(-1);
      mnt = detail::parse_int(w.substr(colon + 1)).value_or(-1);
      j += 1;
    } else if (is_digits(w) && w.size() <= 2 && at(j + 1) == ":" && is_digits(at(j + 2)) && at(j + 2).size() == 2) {
      h = detail::parse_int(w).value_or(-1);
      mnt = detail::parse_int(at(j + 2)).value_or(-1);
      j += 3;
    } else {
      return i;
    }
    if (h < 0 || h > 23 || mnt < 0 || mnt > 59) return i;
    if (is(j, {"pm", "p.m."}) && h < 12)
      h += 12, ++j;
    else if (is(j, {"am", "a.m."}))
      ++j;
    value += 'T';
    value += two(h);
    value += ':';
    value += two(mnt);
    if (is(j, {"gmt", "utc", "z"})) value += "Z", ++j;
    return j;
  }

  std::optional<Point> date_point(int i) const {
    int j = i;
    if (in(at(j), words().weekdays) && at(j)[0] >= 'A' && at(j)[0] <= 'Z') {
      ++j;
      if (at(j) == ",") ++j;
    }
    // ISO "2018-09-12".
    std::string_view w = at(j);
    if (w.size() == 10 && w[4] == '-' && w[7] == '-' && is_digits(w.substr(0, 4)) && is_digits(w.substr(5, 2)) &&
        is_digits(w.substr(8, 2)))
      return Point{j + 1, std::string(w)};
    // Day Month [Year] and Month Day [, Year].
    int day = 0, month = 0, k = j;
    if (auto d = day_of(at(k)); d && month_at(k + 1)) {
      day = *d, month = month_at(k + 1), k += 2;
      if (at(k) == ",") ++k;  // "12 Sep, 2018"
    } else if (int mo = month_at(k); mo && day_of(at(k + 1)) && !year_at(k + 1)) {
      month = mo, day = *day_of(at(k + 1)), k += 2;
      if (at(k) == ",") ++k;
    }
    if (month) {
      if (auto y = year_at(k)) {
        std::string v = std::to_string(*y) + "-" + two(month) + "-" + two(day);
        int end = time_at(k + 1, v);
        return Point{end, v};
      }
      if (at(k - 1) == ",") --k;
      return Point{k, "--" + two(month) + "-" + two(day)};
    }
    if (int mo = month_at(j)) {
      if (auto y = year_at(j + 1)) return Point{j + 2, std::to_string(*y) + "-" + two(mo)};
      // A bare month only after a preposition that makes it a date ("in October").
      if (j == i && in(at(i - 1), words().month_cues)) return Point{j + 1, "--" + two(mo)};
      return std::nullopt;
    }
    if (j != i) return std::nullopt;  // a weekday alone
    if (auto y = year_at(j)) return Point{j + 1, std::to_string(*y), true};
    // Decades: "1990s" -> 1990/1999.
    if (w.size() == 5 && w[4] == 's' && is_digits(w.substr(0, 4)) && w[3] == '0') {
      int y = detail::parse_int(w.substr(0, 4)).value_or(0);
      if (y >= 1000 && y < 2200) return Point{j + 1, std::to_string(y) + "/" + std::to_string(y + 9)};
    }
    return std::nullopt;
  }

  bool match_date_range(int i, ValueMention& m) const {
    if (is(i, {"from", "between"})) {
      bool between = is(i, {"between"});
      auto a = date_point(i + 1);
      if (a) {
        int j = a->last;
        bool link = between ? is(j, {"and"}) : is(j, {"to", "until", "till", "through", "-", "–"});
        if (link)
          if (auto b = date_point(j + 1)) {
            m = {i, b->last, "DATE", a->value + "/" + b->value};
            return true;
          }
      }
    }
    if (is(i, {"since"}))
      if (auto a = date_point(i + 1)) {
        m = {i, a->last, "DATE", a->value + "/.."};
        return true;
      }
    if (is(i, {"until", "till"}))
      if (auto a = date_point(i + 1)) {
        m = {i, a->last, "DATE", "../" + a->value};
        return true;
      }
    // "2011-2016" as one token or three.
    std::string_view w = at(i);
    if (w.size() == 9 && (w[4] == '-') && is_digits(w.substr(0, 4)) && is_digits(w.substr(5))) {
      m = {i, i + 1, "DATE", std::string(w.substr(0, 4)) + "/" + std::string(w.substr(5))};
      return true;
    }
    if (auto a = date_point(i); a && a->year_only && (at(a->last) == "-" || at(a->last) == "–"))
      if (auto b = date_point(a->last + 1); b && b->year_only) {
        m = {i, b->last, "DATE", a->value + "/" + b->value};
        return true;
      }
    return false;
  }

  bool match_date(int i, ValueMention& m) const {
    auto p = date_point(i);
    if (!p) return false;
    m = {i, p->last, "DATE", p->value};
    return true;
  }

  // --- numbers -------------------------------------------------------------

  std::string currency_at(int i, int* len) const {
    // Two-word names first ("Peruvian soles", "US dollars").
    if (gaz_ && i + 1 < size()) {
      std::string two_words = std::string(at(i)) + " " + std::string(at(i + 1));
      if (auto c = gaz_->currency(two_words); !c.empty()) return *len = 2, c;
    }
    if (i >= size()) return "";
    std::string c = gaz_ ? gaz_->currency(at(i)) : builtin_currency(at(i));
    if (c.empty() && gaz_) c = builtin_currency(at(i));
    if (!c.empty()) *len = 1;
    return c;
  }

  // Number at i: digits or words, with an optional following scale word;
  // sets `amount` and returns the end, or i when there is none.
  int number_at(int i, Amount& amount) const {
    auto a = parse_amount(at(i));
    if (!a) return i;
    // "one" alone is too often a pronoun ("one of them").
    if (lower(at(i)) == "one" && !scale_of(at(i + 1))) return i;
    amount = *a;
    int j = i + 1;
    while (double sc = scale_of(at(j))) {
      if (sc == 1e3 && lower(at(j)) == "k") break;  // "k" only attached
      amount.scale *= sc;
      ++j;
    }
    return j;
  }

  int approx_at(int i) const {
    for (const auto& two_words : words().approx2) {
      std::string_view t(two_words);
      auto sp = t.find(' ');
      if (lower(at(i)) == t.substr(0, sp) && lower(at(i + 1)) == t.substr(sp + 1)) return i + 2;
    }
    return in(at(i), words().approx) ? i + 1 : i;
  }

  bool match_number_value(int i, ValueMention& m) const {
    int start = i;
    int j = approx_at(i);
    // Currency in front: "$100 million", "$ 100", "USD 5".
    int clen = 0;
    std::string currency = currency_at(j, &clen);
    bool symbol_first = !currency.empty() && parse_amount(at(j + clen));
    if (!symbol_first) currency.clear(), clen = 0;
    Amount a;
    int end = number_at(j + clen, a);
    if (end == j + clen) return false;
    if (!a.currency.empty()) currency = gaz_ ? gaz_->currency(a.currency) : builtin_currency(a.currency);
    if (currency.empty() && a.currency.empty()) {
      int after = 0;
      std::string c = currency_at(end, &after);
      if (!c.empty()) {
        currency = c;
        end += after;
      }
    }
    double value = a.number * a.scale;
    if (!std::isfinite(value)) return false;  // "1e308 trillion": no value to write
    if (!currency.empty()) {
      m = {start, end, "MONEY", currency + " " + format_number(value)};
      return true;
    }
    if (a.percent || at(end) == "%" || is(end, {"percent", "pct"}) || (is(end, {"per"}) && is(end + 1, {"cent"}))) {
      int stop = a.percent ? end : end + (is(end, {"per"}) ? 2 : 1);
      m = {start, stop, "PERCENT", format_number(value) + "%"};
      return true;
    }
    if (in(at(end), words().units)) {
      std::string unit = lower(at(end));
      int stop = end + 1;
      if ((unit == "square" || unit == "sq") && in(at(stop), words().units)) {
        unit += ' ';
        unit += lower(at(stop++));
      }
      std::string v = format_number(value);
      v += ' ';
      v += unit;
      m = {start, stop, "QUANTITY", v};
      return true;
    }
    m = {start, end, "CARDINAL", format_number(value)};
    return true;
  }

  const Forms& f_;
  const Gazetteer* gaz_;
};

}  // namespace

int month_number(std::string_view word) {
  std::string l = lower(word);
  if (!l.empty() && l.back() == '.') l.pop_back();
  for (const auto& [name, number] : words().months)
    if (l == name || (l.size() == 3 && std::string_view(name).substr(0, 3) == l)) return number;
  return 0;
}

std::optional<double> parse_number(std::string_view w) {
  if (w.empty()) return std::nullopt;
  std::string l = lower(w);
  if (const std::string* v = words().numbers.find(l)) return std::strtod(v->c_str(), nullptr);
  // "twenty-five"
  if (auto dash = l.find('-'); dash != std::string::npos && dash > 0) {
    auto tens = parse_number(l.substr(0, dash));
    auto ones = parse_number(l.substr(dash + 1));
    if (tens && ones && *tens >= 20 && *tens <= 90 && *ones >= 1 && *ones <= 9) return *tens + *ones;
  }
  // Digits with thousands separators: "3,000", "1,234.5", "-2", "0.75", ".5".
  std::string digits;
  bool seen_dot = false, seen_digit = false;
  std::size_t k = 0;
  if (w[0] == '-' || w[0] == '+') digits += w[0], k = 1;
  int since_comma = -1;
  for (; k < w.size(); ++k) {
    char c = w[k];
    if (c >= '0' && c <= '9') {
      digits += c;
      seen_digit = true;
      if (since_comma >= 0 && !seen_dot) ++since_comma;
    } else if (c == ',' && seen_digit && !seen_dot) {
      if (since_comma >= 0 && since_comma != 3) return std::nullopt;
      since_comma = 0;
    } else if (c == '.' && !seen_dot) {
      seen_dot = true;
      digits += c;
    } else {
      return std::nullopt;
    }
  }
  if (!seen_digit || (since_comma >= 0 && since_comma != 3) || digits.back() == '.') return std::nullopt;
  double value = std::strtod(digits.c_str(), nullptr);
  if (!std::isfinite(value)) return std::nullopt;  // more digits than a double holds
  return value;
}

std::string format_number(double value) {
  if (std::fabs(value - std::round(value)) < 1e-6 * std::max(1.0, std::fabs(value)) && std::fabs(value) < 9e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(value)));
    return buf;
  }
  char buf[400];  // the longest finite double in %.6f is 317 characters
  std::snprintf(buf, sizeof buf, "%.6f", value);
  std::string s(buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::vector<ValueMention> find_values(const std::vector<std::string>& forms, const Gazetteer* gazetteer) {
  return Matcher(forms, gazetteer).run();
}

std::vector<ValueMention> find_values(const Sentence& sentence, const Gazetteer* gazetteer) {
  std::vector<std::string> forms;
  forms.reserve(sentence.tokens.size());
  for (const auto& t : sentence.tokens) forms.push_back(t.form);
  return find_values(forms, gazetteer);
}

}  // namespace relgraph::ner
