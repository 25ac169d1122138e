// CaRB (Bhardwaj, Aggarwal and Mausam, EMNLP 2019) Open IE benchmark: the
// tab-separated formats and a scorer written from the paper's definition,
// following the reference implementation's choices where the paper leaves
// them open:
//   - a gold and a system tuple match slot by slot (relation, arg1, the
//     remaining arguments joined as arg2) by whitespace-token overlap; any
//     slot without a shared token means no match; for gold relations of the
//     "said" kind the system's arguments may also match in reverse order;
//   - recall credits, per gold tuple, the best recall of any system tuple;
//   - precision matches gold and system tuples one to one, greedily by the
//     highest precision, and unmatched system tuples count zero;
//   - P/R are swept over every distinct system confidence; F1 is reported at
//     the best threshold and AUC is the area under the P/R curve (with the
//     point P=1, R=0 added), by the trapezoidal rule.
// Sentences are identified by their text with whitespace and punctuation
// removed, so tokenization differences do not matter.
// Tests: tests/carb_test.cpp
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace relgraph {

struct CarbExtraction {
  std::string sentence;
  double confidence = 1.0;  // 1 for gold tuples
  std::string relation;
  std::vector<std::string> args;
};

// Gold: sentence<TAB>relation<TAB>arg1<TAB>arg2...  System (what `relgraph
// extract --format carb` prints): sentence<TAB>confidence<TAB>relation<TAB>arg1...
// Blank lines are skipped; `source` names the input in Error(Format) messages
// (with the line number) for a line with too few fields or a bad confidence.
std::vector<CarbExtraction> read_carb_gold(std::string_view content, const std::string& source);
std::vector<CarbExtraction> read_carb_system(std::string_view content, const std::string& source);
// One system line (no trailing newline); tabs and newlines inside fields become spaces.
std::string format_carb_line(const CarbExtraction& e);

struct CarbScore {
  double precision = 0, recall = 0, f1 = 0, auc = 0;
  double threshold = 0;  // the confidence at which F1 is best
  std::size_t gold_tuples = 0, gold_sentences = 0;
  std::size_t system_tuples = 0, system_sentences_matched = 0;  // system sentences found in the gold
  struct Point {
    double threshold, precision, recall;
  };
  std::vector<Point> curve;  // ascending threshold
};

CarbScore score_carb(const std::vector<CarbExtraction>& gold, const std::vector<CarbExtraction>& system);

// The slot-wise match of one gold and one system tuple: {precision, recall},
// {0, 0} when they do not match. Exposed for tests.
struct CarbMatch {
  double precision = 0, recall = 0;
};
CarbMatch carb_match(const CarbExtraction& gold, const CarbExtraction& system);

// The sentence key used to pair gold and system sentences.
std::string carb_sentence_key(std::string_view sentence);

}  // namespace relgraph
