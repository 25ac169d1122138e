// Rewrites trained models in the current file format without retraining:
// reads each with the current reader (which accepts older versions) and
// saves it again, so the weights land in the mapped inference layout.
//   build/relgraph_upgrade_models models/tagger.bin models/parser.bin models/ner.bin
// The component is taken from the file name (tagger, parser, ner).
#include <filesystem>
#include <iostream>

#include "ner/recognizer.hpp"
#include "parse/parser.hpp"
#include "relgraph/error.hpp"
#include "tag/tagger.hpp"

int main(int argc, char** argv) {
  using namespace relgraph;
  try {
    for (int i = 1; i < argc; ++i) {
      const std::string path = argv[i];
      const std::string stem = std::filesystem::path(path).stem().string();
      if (stem == "tagger")
        Tagger::load(path).save(path);
      else if (stem == "parser")
        Parser::load(path).save(path);
      else if (stem == "ner")
        EntityRecognizer::load(path).save(path);
      else
        throw Error(ErrorKind::InvalidArgument, "'" + path + "': expected tagger.bin, parser.bin or ner.bin");
      std::cerr << "upgraded " << path << "\n";
    }
  } catch (const Error& e) {
    std::cerr << "relgraph_upgrade_models: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
