// BILOU labels, constraints and conversions. Tests: tests/ner_test.cpp
#include "ner/bilou.hpp"

namespace relgraph::ner {

std::vector<std::string> bilou_labels(const std::vector<std::string>& types) {
  std::vector<std::string> labels{"O"};
  for (const auto& t : types)
    for (const char* p : {"B-", "I-", "L-", "U-"}) labels.push_back(p + t);
  return labels;
}

char label_prefix(std::string_view label) {
  if (label.size() < 3 || label[1] != '-') return 'O';
  return label[0];
}

std::string_view label_type(std::string_view label) {
  if (label.size() < 3 || label[1] != '-') return {};
  return label.substr(2);
}

bool bilou_allowed(std::string_view prev, std::string_view next) {
  char p = prev.empty() ? 'O' : label_prefix(prev);
  char n = label_prefix(next);
  bool open = p == 'B' || p == 'I';
  if (open) return (n == 'I' || n == 'L') && label_type(prev) == label_type(next);
  return n == 'O' || n == 'B' || n == 'U';
}

bool bilou_may_end(std::string_view label) {
  char p = label_prefix(label);
  return p == 'O' || p == 'L' || p == 'U';
}

bool valid_bilou(const std::vector<std::string>& labels) {
  std::string_view prev;
  for (const auto& l : labels) {
    if (!bilou_allowed(prev, l)) return false;
    prev = l;
  }
  return bilou_may_end(prev);
}

std::vector<TypedSpan> iob2_spans(const std::vector<std::string>& tags) {
  std::vector<TypedSpan> spans;
  for (int i = 0; i < static_cast<int>(tags.size()); ++i) {
    char p = label_prefix(tags[i]);
    if (p == 'O') continue;
    std::string_view type = label_type(tags[i]);
    bool continues = p == 'I' && !spans.empty() && spans.back().last == i && spans.back().type == type;
    if (continues)
      spans.back().last = i + 1;
    else
      spans.push_back({i, i + 1, std::string(type)});
  }
  return spans;
}

std::vector<std::string> iob2_to_bilou(const std::vector<std::string>& tags) {
  std::vector<std::string> labels(tags.size(), "O");
  for (const auto& s : iob2_spans(tags)) {
    if (s.last - s.first == 1) {
      labels[s.first] = "U-" + s.type;
      continue;
    }
    labels[s.first] = "B-" + s.type;
    for (int i = s.first + 1; i < s.last - 1; ++i) labels[i] = "I-" + s.type;
    labels[s.last - 1] = "L-" + s.type;
  }
  return labels;
}

std::vector<std::string> bilou_to_iob2(const std::vector<std::string>& labels) {
  std::vector<std::string> tags;
  tags.reserve(labels.size());
  for (const auto& l : labels) {
    char p = label_prefix(l);
    if (p == 'O')
      tags.push_back("O");
    else
      tags.push_back(std::string(p == 'B' || p == 'U' ? "B-" : "I-") + std::string(label_type(l)));
  }
  return tags;
}

}  // namespace relgraph::ner
