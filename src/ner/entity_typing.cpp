// Typed mentions from recognizer output, gazetteer and value rules (see
// entity_typing.hpp). Tests: tests/ner_test.cpp
#include "ner/entity_typing.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/lexicon.hpp"
#include "core/strings.hpp"
#include "ner/bilou.hpp"
#include "ner/context.hpp"
#include "ner/features.hpp"
#include "ner/name_rules.hpp"
#include "ner/values.hpp"

namespace relgraph::ner {

namespace {

bool capitalised(std::string_view w) { return !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || (w[0] & 0x80)); }

std::string strip_article(std::string_view s) {
  if (s.size() > 4 && s.substr(0, 4) == "the ") s.remove_prefix(4);
  return std::string(s);
}

// Longest gazetteer names (with a type) starting at each token, left to right, not overlapping.
std::vector<std::pair<TypedSpan, const GazetteerEntry*>> gazetteer_names(const Sentence& s, const Gazetteer& g) {
  std::vector<std::pair<TypedSpan, const GazetteerEntry*>> out;
  const int n = static_cast<int>(s.tokens.size());
  for (int i = 0; i < n;) {
    PhraseKey key;
    int best = 0;
    const GazetteerEntry* entry = nullptr;
    if (capitalised(s.tokens[i].form)) {
      for (int j = i; j < n && j - i < Gazetteer::kMaxWords; ++j) {
        key.add(strip_possessive(s.tokens[j].form));
        if (auto* e = g.find(key);
            e && (e->subtype == "Country" || e->subtype == "Region" || e->type == "ORG" || e->type == "NORP"))
          best = j - i + 1, entry = e;
      }
    }
    // A name must end on a capitalised word or a closing abbreviation ("U.S.").
    if (entry && !capitalised(s.tokens[i + best - 1].form)) entry = nullptr;
    if (entry) {
      out.push_back({{i, i + best, entry->type}, entry});
      i += best;
    } else {
      ++i;
    }
  }
  return out;
}

EntityMention make_mention(const Document& doc, int sentence, int first, int last, std::string type) {
  const auto& toks = doc.sentences[sentence].tokens;
  EntityMention m;
  m.span = {sentence, first, last, toks[first].begin, toks[last - 1].end};
  m.text = detail::squeeze_spaces(doc.slice(m.span.begin, m.span.end));
  m.type = std::move(type);
  return m;
}

bool overlaps(const TypedSpan& a, int first, int last) { return a.first < last && first < a.last; }

bool has_bit(const Gazetteer& g, std::string_view word, std::uint16_t bit) {
  PhraseKey key;
  key.add(word);
  return g.bits(key) & bit;
}

// Organisation sub-kinds whose cue word heads a name on its own ("Ministry of
// Justice", "Interior Ministry", "Stanford University", "Acme Corp.").
// Company cue words are weak ("Systems", "Stores" head review headings) except legal forms.
bool strong_cue(const std::string& subtype, std::string_view word) {
  static const detail::WordSet kStrong(detail::Resources::shared().lexicon("company_endings"), 2, "yes");
  if (subtype == "Company") return kStrong.contains(word);
  return subtype == "GovernmentBody" || subtype == "Education" || subtype == "NonProfit" ||
         subtype == "PoliticalParty" || subtype == "ArmedGroup";
}

// Capitalised phrases headed by an organisation cue word: [Cap*] Cue [(of|for|on) [the] Cap+ ((and|&) [the] Cap+)*].
// `model` is the recognizer's spans: a PER or LOC mention after "and" ends the phrase.
// `person_words` are the words of the document's PER mentions: a name never runs into them.
std::vector<TypedSpan> cue_headed_organisations(const Sentence& s, const Gazetteer& g,
                                                const std::vector<TypedSpan>& model,
                                                const std::unordered_set<std::string>& person_words) {
  const int n = static_cast<int>(s.tokens.size());
  auto form = [&](int i) -> std::string_view { return i >= 0 && i < n ? std::string_view(s.tokens[i].form) : ""; };
  auto cap = [&](int i) {
    auto w = form(i);
    return !w.empty() && w[0] >= 'A' && w[0] <= 'Z' && w != "The" && w != "A" && w != "An" &&
           !person_words.count(std::string(strip_possessive(w)));
  };
  auto is_cue = [&](int i) {
    if (!cap(i)) return false;
    std::string_view w[] = {form(i)};
    return strong_cue(g.org_subtype(std::span<const std::string_view>(w, 1)), w[0]);
  };
  auto starts_other = [&](int i) {
    return std::any_of(model.begin(), model.end(),
                       [&](const TypedSpan& t) { return t.first == i && (t.type == "PER" || t.type == "LOC"); });
  };
  std::vector<TypedSpan> out;
  for (int i = 0; i < n; ++i) {
    if (!is_cue(i)) continue;
    int first = i;
    auto extend_left = [&] {
      while (first > 0 && cap(first - 1) && !has_bit(g, form(first - 1), kGazTitle)) --first;
    };
    extend_left();
    // "Special Marine and Air Strategic Program": capitalised words joined by "and" before the cue.
    if (first < i && first >= 2 && (form(first - 1) == "and" || form(first - 1) == "&") && cap(first - 2) &&
        !starts_other(first - 2)) {
      first -= 2;
      extend_left();
    }
    int last = i + 1;
    while (true) {
      int j = last;
      auto link = form(j);
      bool tail = link == "of" || link == "for" || link == "on";
      bool conj = (link == "and" || link == "&") && last > i + 1;
      if (!tail && !conj) break;
      ++j;
      if (form(j) == "the") ++j;
      if (!cap(j) || (conj && starts_other(j))) break;
      while (cap(j) || (form(j) == "-" && cap(j + 1))) ++j;  // "American - Islamic Relations"
      last = j;
    }
    if (last - first >= 2) {
      out.push_back({first, last, "ORG"});
      i = last - 1;
    }
  }
  return out;
}

// Replaces recognizer spans by the cue-headed names that cover them.
void merge_rule_spans(std::vector<TypedSpan>& spans, const std::vector<TypedSpan>& rules) {
  for (const auto& r : rules) {
    bool sticks_out = std::any_of(spans.begin(), spans.end(), [&](const TypedSpan& t) {
      return overlaps(t, r.first, r.last) && (t.first < r.first || t.last > r.last);
    });
    if (sticks_out) continue;
    std::erase_if(spans, [&](const TypedSpan& t) { return overlaps(t, r.first, r.last); });
    spans.push_back(r);
  }
}

// "UK Ambassador to Peru" tagged ORG is a role, not an organisation: an ORG
// span with a personal title and no organisation cue word gives way to the
// gazetteer names inside it.
void split_roles(const Sentence& s, const Gazetteer& g, std::vector<TypedSpan>& spans) {
  std::vector<TypedSpan> out;
  for (const auto& t : spans) {
    bool title = false, cue = false;
    for (int k = t.first; k < t.last; ++k) {
      std::string_view w[] = {strip_possessive(s.tokens[k].form)};
      title |= has_bit(g, w[0], kGazTitle) && g.org_subtype(std::span<const std::string_view>(w, 1)).empty();
      cue |= !g.org_subtype(std::span<const std::string_view>(w, 1)).empty();
    }
    if (t.type != "ORG" || !title || cue) {
      out.push_back(t);
      continue;
    }
    for (int k = t.first; k < t.last;) {
      PhraseKey key;
      int best = 0;
      const GazetteerEntry* entry = nullptr;
      for (int j = k; j < t.last; ++j) {
        key.add(strip_possessive(s.tokens[j].form));
        if (auto* e = g.find(key); e && (e->subtype == "Country" || e->type == "LOC")) best = j - k + 1, entry = e;
      }
      if (entry) out.push_back({k, k + best, entry->type});
      k += best ? best : 1;
    }
  }
  spans = std::move(out);
}

// "UK Ambassador", "Peruvian Minister": a country or demonym followed by a
// personal title names the country, not an organisation.
void drop_trailing_titles(const Sentence& s, const Gazetteer& g, std::vector<TypedSpan>& spans) {
  for (auto& t : spans) {
    int last = t.last;
    while (last - t.first > 1 && has_bit(g, s.tokens[last - 1].form, kGazTitle)) --last;
    if (last == t.last) continue;
    PhraseKey key;
    for (int k = t.first; k < last; ++k) key.add(s.tokens[k].form);
    if (const GazetteerEntry* e = g.find(key); e && (e->subtype == "Country" || e->type == "NORP")) {
      t.last = last;
      t.type = e->type;
    }
  }
}

// One sense per discourse: a name the recognizer found once is the same name
// where it recurs untagged ("HANO ... HANO"), with the type it was given most
// often. Only names with a capital letter, so common words do not spread.
void propagate_in(const Document& doc, std::vector<std::vector<TypedSpan>>& spans, int begin, int end) {
  constexpr int kMaxWords = 6;
  std::unordered_map<std::string, std::map<std::string, int>> found;  // words joined by ' ' -> type counts
  auto text = [&](const Sentence& s, int first, int last) {
    std::string t;
    for (int k = first; k < last; ++k) {
      if (k > first) t += ' ';
      t += strip_possessive(s.tokens[k].form);
    }
    return t;
  };
  for (int si = begin; si < end; ++si)
    for (const auto& t : spans[si]) {
      const auto& s = doc.sentences[si];
      bool cap = false;
      for (int k = t.first; k < t.last; ++k) cap |= capitalised(s.tokens[k].form);
      if (cap && t.last - t.first <= kMaxWords) ++found[text(s, t.first, t.last)][t.type];
      // "Siemens AG" ... "Siemens": a company is named without its legal form too.
      if (cap && t.type == "ORG" && t.last - t.first >= 2 && t.last - t.first <= kMaxWords &&
          detail::is_legal_form(s.tokens[t.last - 1].form))
        ++found[text(s, t.first, t.last - 1)][t.type];
    }
  if (found.empty()) return;
  for (int si = begin; si < end; ++si) {
    const auto& s = doc.sentences[si];
    const int n = static_cast<int>(s.tokens.size());
    auto& sp = spans[si];
    for (int i = 0; i < n;) {
      int len = 0;
      const std::map<std::string, int>* types = nullptr;
      for (int j = std::min(n, i + kMaxWords); j > i && !types; --j)
        if (auto it = found.find(text(s, i, j)); it != found.end()) len = j - i, types = &it->second;
      bool taken =
          types && std::any_of(sp.begin(), sp.end(), [&](const TypedSpan& t) { return overlaps(t, i, i + len); });
      if (!types || taken) {
        ++i;
        continue;
      }
      auto best = std::max_element(types->begin(), types->end(), [](auto& a, auto& b) { return a.second < b.second; });
      sp.push_back({i, i + len, best->first});
      i += len;
    }
    std::sort(sp.begin(), sp.end(), [](const TypedSpan& a, const TypedSpan& b) { return a.first < b.first; });
  }
}

}  // namespace

std::vector<TypedSpan> split_at_lower_words(const Sentence& s, const std::vector<TypedSpan>& spans) {
  static const auto kJoiners = detail::WordSet::load("name_joiners");
  auto upper = [&](int k) {
    const auto& f = s.tokens[k].form;
    return !f.empty() && std::isupper(static_cast<unsigned char>(f[0]));
  };
  auto content_lower = [&](int k) {
    const auto& f = s.tokens[k].form;
    if (f.empty() || !std::islower(static_cast<unsigned char>(f[0]))) return false;
    for (char c : f)
      if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    return !kJoiners.contains(f);
  };
  std::vector<TypedSpan> out;
  for (const auto& t : spans) {
    int start = t.first;
    for (int k = t.first + 1; k + 1 < t.last; ++k) {
      if (!content_lower(k)) continue;
      bool before = false, after = false;
      for (int j = start; j < k; ++j) before = before || upper(j);
      for (int j = k + 1; j < t.last; ++j) after = after || upper(j);
      if (!before || !after) continue;
      out.push_back({start, k, t.type});
      start = k + 1;
    }
    out.push_back({start, t.last, t.type});
  }
  return out;
}

std::vector<TypedSpan> join_hyphenated_names(const Sentence& s, const std::vector<TypedSpan>& spans) {
  const int n = static_cast<int>(s.tokens.size());
  static const auto kSuffixes = detail::WordSet::load("hyphen_suffixes");
  // A person's name takes any attached word but a compound-adjective one
  // ("Jane Doe-led"); other names no participle either ("Ulm City-based").
  auto attached_word = [&](int k, const TypedSpan& t) {
    if (k >= n) return false;
    const auto& w = s.tokens[k];
    if (w.form.empty() || !std::isalpha(static_cast<unsigned char>(w.form[0]))) return false;
    if (kSuffixes.contains(detail::ascii_lower(w.form))) return false;
    return t.type == "PER" || (w.xpos != "VBN" && w.xpos != "VBD" && w.xpos != "VBG");
  };
  std::vector<TypedSpan> out;
  for (auto t : spans) {
    // "Wai -" with the word after the hyphen left out.
    if (t.last < n && t.last - t.first >= 2 && s.tokens[t.last - 1].form == "-" && !s.tokens[t.last - 1].space_after &&
        attached_word(t.last, t))
      ++t.last;
    while (t.last + 1 < n && !s.tokens[t.last - 1].space_after && s.tokens[t.last].form == "-" &&
           !s.tokens[t.last].space_after && attached_word(t.last + 1, t) &&
           (t.last - t.first >= 2 || std::isupper(static_cast<unsigned char>(s.tokens[t.last + 1].form[0]))))
      t.last += 2;
    if (!out.empty() && t.first < out.back().last) continue;  // inside the name before it
    out.push_back(t);
  }
  // A name that ran on keeps its words from later spans.
  std::vector<TypedSpan> kept;
  for (const auto& t : out)
    if (kept.empty() || t.first >= kept.back().last) kept.push_back(t);
  return kept;
}

std::vector<TypedSpan> split_coordinated_names(const Sentence& s, const Gazetteer& gazetteer,
                                               const std::vector<TypedSpan>& spans) {
  auto has_cue = [&](int first, int last) {
    std::vector<std::string_view> words;
    for (int k = first; k < last; ++k) words.emplace_back(strip_possessive(s.tokens[k].form));
    return !words.empty() && !gazetteer.org_subtype(words).empty();
  };
  std::vector<TypedSpan> out;
  for (const auto& t : spans) {
    TypedSpan rest = t;
    for (int k = t.first + 1; k + 1 < rest.last; ++k) {
      if (s.tokens[k].form != "and") continue;
      const auto& next = s.tokens[k + 1];
      bool determiner = (next.upos == "DET" || next.form == "the") && k + 2 < rest.last;
      if (!determiner && !(has_cue(rest.first, k) && has_cue(k + 1, rest.last))) continue;
      out.push_back({rest.first, k, t.type});
      rest.first = determiner ? k + 2 : k + 1;
      k = rest.first;
    }
    out.push_back(rest);
  }
  return out;
}

std::vector<TypedSpan> cue_names(const Sentence& s, const std::vector<TypedSpan>& spans) {
  static const detail::Lexicon& cues = detail::Resources::shared().lexicon("name_cues");
  const int n = static_cast<int>(s.tokens.size());
  auto person = [&](int k) {
    return std::any_of(spans.begin(), spans.end(),
                       [&](const TypedSpan& t) { return t.type == "PER" && t.first <= k && k < t.last; });
  };
  // A capitalised word that can be part of such a name: not "The", not a person's.
  auto cap = [&](int k) {
    if (k < 0 || k >= n) return false;
    const auto& f = s.tokens[k].form;
    return capitalised(f) && f != "The" && f != "A" && f != "An" && !cues.find(f) && !person(k);
  };
  std::vector<TypedSpan> out;
  for (int i = 0; i < n; ++i) {
    const auto* row = cues.find(s.tokens[i].form);
    if (!row || row->size() < 3) continue;
    int first = i, last = i + 1;
    if ((*row)[2] == "first")
      while (cap(last)) ++last;
    else
      while (cap(first - 1)) --first;
    if (last - first < 2) continue;
    out.push_back({first, last, (*row)[1]});
    i = last - 1;
  }
  return out;
}

std::vector<TypedSpan> untagged_proper_nouns(const Sentence& s, const Gazetteer& g,
                                             const std::vector<TypedSpan>& spans) {
  static const auto kMonths = detail::WordSet::load("months");
  static const auto kWeekdays = detail::WordSet::load("weekdays");
  const int n = static_cast<int>(s.tokens.size());
  auto covered = [&](int k) {
    return std::any_of(spans.begin(), spans.end(), [&](const TypedSpan& t) { return t.first <= k && k < t.last; });
  };
  // An all-capital word the tagger took for a common noun is an acronym ("of LSD").
  auto acronym = [&](const std::string& f) {
    if (f.size() < 2 || f.size() > 6) return false;
    return std::all_of(f.begin(), f.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  auto proper = [&](int k) {
    const auto& t = s.tokens[k];
    if ((t.xpos == "NN" || t.xpos == "NNS") && acronym(t.form)) return true;
    return (t.xpos == "NNP" || t.xpos == "NNPS") && capitalised(t.form);
  };
  auto name_word = [&](int k) {
    const auto& t = s.tokens[k];
    if (covered(k)) return false;
    std::string l = detail::ascii_lower(strip_possessive(t.form));
    if (kMonths.contains(l) || kWeekdays.contains(l)) return false;
    PhraseKey key;
    key.add(strip_possessive(t.form));
    if (g.bits(key) & kGazTitle) return false;
    const GazetteerEntry* e = g.find(key);
    return e == nullptr || e->type != "NORP";
  };
  std::vector<TypedSpan> out;
  // Whole runs of proper nouns only: "Interior" of "Interior Minister Jane
  // Doe" is part of a title, "Widgets" of "Acme Widgets"[ORG] part of a name.
  for (int i = 0; i < n;) {
    if (!proper(i)) {
      ++i;
      continue;
    }
    int last = i + 1;
    while (last < n && proper(last) && s.tokens[last - 1].form.find('\'') == std::string::npos) ++last;
    bool all = true;
    for (int k = i; k < last; ++k) all = all && name_word(k);
    if (all) out.push_back({i, last, "MISC"});
    i = last;
  }
  return out;
}

void surnames_are_persons(const Document& doc, std::vector<std::vector<TypedSpan>>& spans) {
  for (const auto& [begin, end] : discourses(doc.sentences)) {
    std::unordered_set<std::string> surnames;
    for (std::size_t si = begin; si < static_cast<std::size_t>(end); ++si)
      for (const auto& t : spans[si])
        if (t.type == "PER" && t.last - t.first >= 2)
          surnames.insert(std::string(strip_possessive(doc.sentences[si].tokens[t.last - 1].form)));
    for (std::size_t si = begin; si < static_cast<std::size_t>(end); ++si)
      for (auto& t : spans[si])
        if (t.last - t.first == 1 && t.type != "PER" &&
            surnames.count(std::string(strip_possessive(doc.sentences[si].tokens[t.first].form))))
          t.type = "PER";
  }
}

void propagate_names(const Document& doc, std::vector<std::vector<TypedSpan>>& spans) {
  for (const auto& [begin, end] : discourses(doc.sentences)) propagate_in(doc, spans, begin, end);
}

void refine_mention(EntityMention& m, const std::vector<std::string_view>& words, const Gazetteer& g) {
  m.canonical = std::string(strip_possessive(strip_article(m.text)));
  if (const GazetteerEntry* e = g.find(m.canonical)) {
    m.type = e->type;
    m.subtype = e->subtype;
    m.canonical = e->canonical.empty() ? m.canonical : e->canonical;
    return;
  }
  std::string cue = g.org_subtype(words);
  // "Harvard University" tagged LOC: a final organisation cue word makes it an organisation.
  bool cue_last = !words.empty() && !g.org_subtype(std::span(words).last(1)).empty();
  // "Compaq Center" stays a place: only unambiguous cue kinds turn a LOC into an organisation.
  bool org_cue = cue == "GovernmentBody" || cue == "Education" || cue == "PoliticalParty" || cue == "ArmedGroup";
  if (m.type == "ORG" || (m.type == "LOC" && cue_last && org_cue)) {
    m.type = "ORG";
    m.subtype = cue;
    return;
  }
  if (m.type == "LOC") m.subtype = "Place";
}

void annotate_entities(Document& doc, const EntityRecognizer& recognizer, const Gazetteer& gazetteer,
                       const AnnotateOptions& options) {
  doc.mentions.clear();
  // First pass: the recognizer, and the words of every person it found.
  std::vector<std::vector<TypedSpan>> sentence_spans(doc.sentences.size());
  std::unordered_set<std::string> person_words;
  const auto tags = recognizer.label(std::span<const Sentence>(doc.sentences));
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    if (doc.sentences[si].tokens.empty()) continue;
    sentence_spans[si] = split_at_lower_words(doc.sentences[si], iob2_spans(tags[si]));
    if (options.hyphen_names) sentence_spans[si] = join_hyphenated_names(doc.sentences[si], sentence_spans[si]);
    for (const auto& t : sentence_spans[si])
      if (t.type == "PER" && t.last - t.first >= 2)  // full names only: "Maria Lopez", not a stray "Defence"
        for (int k = t.first; k < t.last; ++k)
          person_words.insert(std::string(strip_possessive(doc.sentences[si].tokens[k].form)));
  }
  if (options.propagate) propagate_names(doc, sentence_spans);
  if (options.rules) surnames_are_persons(doc, sentence_spans);
  std::vector<std::vector<ValueMention>> sentence_values(doc.sentences.size());
  for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si) {
    Sentence& s = doc.sentences[si];
    if (s.tokens.empty()) continue;
    auto& spans = sentence_spans[si];
    if (options.rules) {
      merge_rule_spans(spans, cue_headed_organisations(s, gazetteer, spans, person_words));
      if (options.cue_names) merge_rule_spans(spans, cue_names(s, spans));
      if (options.coordinated_names) spans = split_coordinated_names(s, gazetteer, spans);
      if (options.kind_noun_names) merge_rule_spans(spans, kind_noun_names(s, gazetteer));
      if (options.country_suffix) spans = split_country_suffix(s, gazetteer, spans);
      split_roles(s, gazetteer, spans);
      drop_trailing_titles(s, gazetteer, spans);
    }
    std::sort(spans.begin(), spans.end(), [](const TypedSpan& a, const TypedSpan& b) { return a.first < b.first; });
    if (options.gazetteer_names) {
      for (const auto& [span, entry] : gazetteer_names(s, gazetteer)) {
        // (bounds copied: clang 14, the fuzz build's compiler, cannot capture a structured binding)
        bool taken = std::any_of(
            spans.begin(), spans.end(),
            [first = span.first, last = span.last](const TypedSpan& t) { return overlaps(t, first, last); });
        if (!taken) spans.push_back(span);
      }
      std::sort(spans.begin(), spans.end(), [](const TypedSpan& a, const TypedSpan& b) { return a.first < b.first; });
    }
    if (options.proper_nouns) {
      for (const auto& span : untagged_proper_nouns(s, gazetteer, spans)) spans.push_back(span);
      std::sort(spans.begin(), spans.end(), [](const TypedSpan& a, const TypedSpan& b) { return a.first < b.first; });
    }
    // A "name" that a value rule reads whole ("October 2017") is the value.
    if (options.values) sentence_values[si] = find_values(s, &gazetteer);
    const auto& values = sentence_values[si];
    std::erase_if(spans, [&](const TypedSpan& t) {
      return std::any_of(values.begin(), values.end(),
                         [&](const ValueMention& v) { return v.first <= t.first && t.last <= v.last; });
    });
  }
  if (options.rules && options.affiliation_org) affiliation_organisations(doc, sentence_spans);
  for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si) {
    Sentence& s = doc.sentences[si];
    if (s.tokens.empty()) continue;
    const auto& spans = sentence_spans[si];
    const auto& values = sentence_values[si];
    std::vector<EntityMention> mentions;
    for (const auto& span : spans) {
      auto m = make_mention(doc, si, span.first, span.last, span.type);
      std::vector<std::string_view> words;
      for (int k = span.first; k < span.last; ++k) words.emplace_back(s.tokens[k].form);
      refine_mention(m, words, gazetteer);
      mentions.push_back(std::move(m));
    }
    for (auto& t : s.tokens) t.ner = "O";
    for (const auto& m : mentions) {
      if (m.type != "PER" && m.type != "ORG" && m.type != "LOC") continue;
      for (int k = m.span.first; k < m.span.last; ++k) s.tokens[k].ner = (k == m.span.first ? "B-" : "I-") + m.type;
    }
    if (options.values) {
      for (const auto& v : values) {
        bool taken = std::any_of(mentions.begin(), mentions.end(), [&](const EntityMention& m) {
          return m.span.first < v.last && v.first < m.span.last;
        });
        if (taken) continue;
        auto m = make_mention(doc, si, v.first, v.last, v.type);
        m.value = v.value;
        mentions.push_back(std::move(m));
      }
      std::sort(mentions.begin(), mentions.end(),
                [](const EntityMention& a, const EntityMention& b) { return a.span.first < b.span.first; });
    }
    for (auto& m : mentions) doc.mentions.push_back(std::move(m));
  }
}

}  // namespace relgraph::ner
