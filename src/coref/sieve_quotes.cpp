// Sieve coref.quote_speaker: first-person pronouns inside a quotation name
// its speaker, the subject of a speech verb (schemas/lexicon/speech_verbs.tsv)
// outside the quotation in a sentence the quotation touches: "'I will win,'
// Doe said" (I = Doe), "'We disagree,' Acme said" (we = Acme).
// Tests: tests/coref_test.cpp (Sieve*)
#include "coref/resolver.hpp"

namespace relgraph::coref_impl {

// The mention (named, nominal or pronoun) whose head is word i, -1 if none.
int Resolver::mention_headed_at(int s, int i) const {
  for (int m : in_sentence_.of(s))
    if (items_[m].active && items_[m].head == i) return m;
  return -1;
}

// The speaker a speech verb outside quotes names in sentence s, -1 if none.
int Resolver::sentence_speaker(int s) const {
  for (int v = 0; v < ntok(s); ++v) {
    const Token& t = tok(s, v);
    if (quoted(s, v) || t.upos != "VERB" || !words("speech_verbs", lower(t.lemma.empty() ? t.form : t.lemma))) continue;
    for (int c : children(s, v))
      if (tok(s, c).deprel == "nsubj" && !quoted(s, c)) {
        int m = mention_headed_at(s, c);
        if (m >= 0) return m;
      }
  }
  return -1;
}

void Resolver::quote_speakers() {
  // Quotations as runs of quoted words, possibly over several sentences.
  struct Quote {
    std::vector<std::pair<int, int>> words;
    std::vector<int> sentences;
  };
  std::vector<Quote> quotes;
  bool in = false;
  for (int s = 0; s < nsent(); ++s)
    for (int i = 0; i < ntok(s); ++i) {
      if (!quoted(s, i)) {  // a quotation mark or a word outside ends the run
        in = false;
        continue;
      }
      if (!in) quotes.emplace_back(), in = true;
      auto& q = quotes.back();
      q.words.emplace_back(s, i);
      if (q.sentences.empty() || q.sentences.back() != s) q.sentences.push_back(s);
    }
  for (const auto& q : quotes) {
    int speaker = -1;
    for (int s : q.sentences)
      if (speaker < 0) speaker = sentence_speaker(s);
    // "'...,' Doe said." may close the quotation in the sentence after it.
    if (speaker < 0 && q.sentences.back() + 1 < nsent()) speaker = sentence_speaker(q.sentences.back() + 1);
    if (speaker < 0) continue;
    std::string type = cluster_type(find(speaker));
    for (auto [s, i] : q.words) {
      const Token& t = tok(s, i);
      std::string_view number = t_.words.value("first_person_pronouns", lower(t.form));
      if (t.upos != "PRON" && t.upos != "DET") continue;
      bool fits = (number == "singular" && type == "Person") ||
                  (number == "plural" && (type == "Organization" || type == "Country"));
      if (!fits) continue;
      int pm = add_mention(s, i, i + 1, doc_.mentions[speaker].type, "Pronoun", Kind::Pronoun, items_[speaker].etype);
      unite(pm, speaker);
    }
  }
}

}  // namespace relgraph::coref_impl
