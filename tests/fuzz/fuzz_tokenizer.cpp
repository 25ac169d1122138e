// libFuzzer target: the tokenizer with the trained sentence splitter (rules
// only if models/splitter.bin is missing), on text that passed check_text.
#include <filesystem>
#include <memory>

#include "core/files.hpp"
#include "fuzz_common.hpp"
#include "text/splitter.hpp"
#include "text/tokenizer.hpp"

namespace {

const relgraph::Tokenizer& tokenizer() {
  static const relgraph::Tokenizer t = [] {
    std::string model = std::string(RELGRAPH_SOURCE_DIR) + "/models/splitter.bin";
    if (!std::filesystem::exists(model)) return relgraph::Tokenizer();
    return relgraph::Tokenizer(
        std::make_shared<const relgraph::SentenceSplitter>(relgraph::SentenceSplitter::load(model)));
  }();
  return t;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  relgraph::Document doc;
  doc.text = relgraph::fuzz::input(data, size);
  try {
    relgraph::detail::check_text(doc.text, "fuzz-input");
  } catch (const relgraph::Error&) {
    return 0;
  }
  tokenizer().tokenize(doc);
  for (const auto& s : doc.sentences)
    for (const auto& t : s.tokens)
      if (t.end > doc.text.size() || t.begin > t.end) __builtin_trap();  // offsets must stay inside the text
  return 0;
}
