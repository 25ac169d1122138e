// Rewrites trained models in the current file format without retraining:
// reads each with the current reader (which accepts older versions) and
// saves it again, so the weights land in the mapped inference layout.
//   build/relgraph_upgrade_models models/tagger.bin models/parser.bin models/ner.bin
// The component is taken from the file name (tagger, parser, ner). The model's
// record next to it (models/<component>.meta.json) gets the new format version
// and the command that rewrote the file; the training command stays as it was.
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <limits>
#include <regex>
#include <string>

#include "core/files.hpp"
#include "core/model_io.hpp"
#include "ner/recognizer.hpp"
#include "parse/parser.hpp"
#include "relgraph/error.hpp"
#include "tag/tagger.hpp"

namespace {

using namespace relgraph;

// Sets "format_version" to the version the rewritten file carries and records
// the rewrite under "upgraded_with".
void update_record(const std::filesystem::path& bin, const std::string& component) {
  const std::filesystem::path meta = bin.parent_path() / (component + ".meta.json");
  if (!std::filesystem::exists(meta)) return;
  const std::uint32_t version =
      detail::ModelReader(bin.string(), component, std::numeric_limits<std::uint32_t>::max()).version();
  std::string json = detail::read_text(meta.string());
  const std::regex format(R"re("format_version": [0-9]+,)re");
  if (!std::regex_search(json, format))
    throw Error(ErrorKind::Model, "'" + meta.string() + "': no \"format_version\" field to update");
  std::string replacement = "\"format_version\": " + std::to_string(version) + ",";
  const std::regex upgraded(R"re(\n  "upgraded_with": "[^"]*",)re");
  json = std::regex_replace(json, upgraded, "");
  replacement += "\n  \"upgraded_with\": \"build/relgraph_upgrade_models " + bin.generic_string() + "\",";
  json = std::regex_replace(json, format, replacement, std::regex_constants::format_first_only);
  detail::write_atomic(meta.string(), json);
}

}  // namespace

int main(int argc, char** argv) {
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
      update_record(path, stem);
      std::cerr << "upgraded " << path << "\n";
    }
  } catch (const Error& e) {
    std::cerr << "relgraph_upgrade_models: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
