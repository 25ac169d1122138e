// Tokenizer and sentence splitter for raw UTF-8 English, following the UD
// English-EWT conventions: punctuation split off, clitics ('s n't 're 'll 'm
// 've 'd) kept as multiword tokens (don't = do + n't), hyphenated compounds
// split except known prefixes (e-mail, co-, non-), abbreviations (U.S., Dr.)
// kept whole, URLs and e-mail addresses kept whole. Every token keeps its
// exact byte span in Document::text; forms are never normalised.
//
// Sentence boundaries come from a SentenceSplitter (src/text/splitter.hpp):
// an averaged perceptron trained on EWT, plus hard rules (a blank line, or a
// line break after a line without final punctuation, ends a sentence;
// sentences are capped at kMaxSentenceWords words).
//
// Thread safety: a Tokenizer is immutable after construction; tokenize() is
// const and may run on many threads. Errors: never throws on odd bytes
// (invalid UTF-8 decodes as symbols); Error(Model) when loading a bad model.
//
//   relgraph::Tokenizer tok(relgraph::SentenceSplitter::load("models/splitter.bin"));
//   relgraph::Document doc{.text = "Dr. Smith didn't go. He stayed."};
//   tok.tokenize(doc);  // 2 sentences; "didn't" = did + n't
//
// Tests: tests/tokenizer_test.cpp
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "relgraph/document.hpp"
#include "relgraph/stage.hpp"

namespace relgraph {

inline constexpr int kMaxSentenceWords = 200;

// Word lists the tokenizer consults. builtin() holds general English
// defaults; a trained splitter model adds what it learned from the treebank.
struct TokenizerLexicon {
  std::unordered_set<std::string> abbreviations;    // lower-cased, final '.' included: "dr.", "u.s."
  std::unordered_set<std::string> hyphen_prefixes;  // lower-cased left parts kept joined: "e" (e-mail), "co"
  // Lower-cased ASCII surface form -> byte lengths of its words ("cannot" -> {3, 3}).
  std::unordered_map<std::string, std::vector<std::uint8_t>> multiword;
  // Words usually written in lower case ("the", "then"): capitalised after a
  // period they suggest a sentence start, unlike names ("Smith", "Army").
  std::unordered_set<std::string> lowercase_words;

  static TokenizerLexicon builtin();
  void merge(const TokenizerLexicon& other);
};

// A surface token: a whitespace- and punctuation-delimited piece of text,
// made of one syntactic word or (multiword token) several.
struct SurfaceToken {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint8_t words = 1;               // number of syntactic words
  std::array<std::uint8_t, 4> split{};  // byte length of each word when words > 1
  std::uint8_t newlines_before = 0;     // line breaks in the whitespace before it (capped at 2)
  bool space_before = false;            // any whitespace before it
};

// Splits text[begin, end) into surface tokens (no sentence boundaries).
std::vector<SurfaceToken> tokenize_surface(std::string_view text, std::size_t begin, std::size_t end,
                                           const TokenizerLexicon& lexicon);

class SentenceSplitter;

class Tokenizer {
 public:
  // Rules only (built-in lexicon, punctuation-based boundaries).
  Tokenizer();
  explicit Tokenizer(std::shared_ptr<const SentenceSplitter> splitter);
  ~Tokenizer();

  // Appends the sentences of doc.text[begin, end) to doc.sentences.
  void tokenize(Document& doc, std::size_t begin, std::size_t end) const;
  // Whole text, or the article body when doc.metadata marks one.
  void tokenize(Document& doc) const;

  const SentenceSplitter& splitter() const { return *splitter_; }

 private:
  std::shared_ptr<const SentenceSplitter> splitter_;
};

// Pretokenized input: one sentence a line, words separated by spaces or tabs;
// blank lines are skipped. Words are taken as they are (no multiword tokens).
void tokenize_pretokenized(Document& doc);

// The pipeline stage: needs Layer::Metadata (the body range; none when
// pretokenized), adds Layer::Sentences and Layer::Tokens. Loads
// <models_dir>/splitter.bin when present (else rules only); honours
// options.pretokenized. Throws Error(Model) for a corrupt model file.
std::unique_ptr<Stage> make_tokenizer_stage(const PipelineOptions& options);

}  // namespace relgraph
