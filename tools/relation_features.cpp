// Developer tool: prints, for every CaRB tuple the relation extractor finds
// in a parsed CoNLL-U file, the sentence, the confidence features and the
// tuple (input of tools/fit_relation_confidence.py). Build by hand:
//   g++ -std=c++20 -O2 -Isrc -Iinclude -DRELGRAPH_SOURCE_DIR='"."' tools/relation_features.cpp \
//       build/librelgraph_relations.a build/librelgraph_text.a build/librelgraph_core.a -o relation_features
//   ./relation_features parsed.conllu schemas > features.tsv
#include <iostream>

#include "relations/extractor.hpp"
#include "text/conllu.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: relation_features PARSED.conllu SCHEMAS_DIR\n";
    return 2;
  }
  try {
    auto doc = relgraph::read_conllu_file(argv[1]);
    auto rx = relgraph::RelationExtractor::load(argv[2]);
    for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si) {
      const auto& s = doc.sentences[si];
      auto text = s.comments.count("text") ? s.comments.at("text") : std::string();
      for (const auto& t : rx.extract_carb(doc, si)) {
        std::cout << text << "\t";
        for (std::size_t i = 0; i < t.features.size(); ++i) std::cout << (i ? " " : "") << t.features[i];
        std::cout << "\t" << t.relation;
        for (const auto& a : t.args) std::cout << "\t" << a;
        std::cout << "\n";
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "relation_features: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
