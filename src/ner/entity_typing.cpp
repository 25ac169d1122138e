// Typed mentions from recognizer output, gazetteer and value rules (see
// entity_typing.hpp). Tests: tests/ner_test.cpp
#include "ner/entity_typing.hpp"

#include <algorithm>

#include "ner/bilou.hpp"
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
        key.add(s.tokens[j].form);
        if (auto* e = g.find(key)) best = j - i + 1, entry = e;
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
  m.text = std::string(doc.slice(m.span.begin, m.span.end));
  m.type = std::move(type);
  return m;
}

bool overlaps(const TypedSpan& a, int first, int last) { return a.first < last && first < a.last; }

}  // namespace

void refine_mention(EntityMention& m, const std::vector<std::string_view>& words, const Gazetteer& g) {
  m.canonical = strip_article(m.text);
  if (const GazetteerEntry* e = g.find(m.text)) {
    m.type = e->type;
    m.subtype = e->subtype;
    m.canonical = e->canonical.empty() ? m.canonical : e->canonical;
    return;
  }
  std::string cue = g.org_subtype(words);
  // "Harvard University" tagged LOC: a final organisation cue word makes it an organisation.
  bool cue_last = !words.empty() && !g.org_subtype(std::span(words).last(1)).empty();
  if (m.type == "ORG" || (m.type == "LOC" && cue_last && cue != "Media")) {
    m.type = "ORG";
    m.subtype = cue;
    return;
  }
  if (m.type == "LOC") m.subtype = "Place";
}

void annotate_entities(Document& doc, const EntityRecognizer& recognizer, const Gazetteer& gazetteer,
                       const AnnotateOptions& options) {
  doc.mentions.clear();
  for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si) {
    Sentence& s = doc.sentences[si];
    if (s.tokens.empty()) continue;
    auto spans = iob2_spans(recognizer.label(s));
    if (options.gazetteer_names) {
      for (const auto& [span, entry] : gazetteer_names(s, gazetteer)) {
        bool taken = std::any_of(spans.begin(), spans.end(), [&](const TypedSpan& t) {
          return overlaps(t, span.first, span.last);
        });
        if (!taken) spans.push_back(span);
      }
      std::sort(spans.begin(), spans.end(), [](const TypedSpan& a, const TypedSpan& b) { return a.first < b.first; });
    }
    // A "name" that a value rule reads whole ("October 2017") is the value.
    auto values = options.values ? find_values(s, &gazetteer) : std::vector<ValueMention>{};
    std::erase_if(spans, [&](const TypedSpan& t) {
      return std::any_of(values.begin(), values.end(),
                         [&](const ValueMention& v) { return v.first <= t.first && t.last <= v.last; });
    });
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
      for (int k = m.span.first; k < m.span.last; ++k)
        s.tokens[k].ner = (k == m.span.first ? "B-" : "I-") + m.type;
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
