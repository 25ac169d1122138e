// `relgraph train tokenizer`: learns the tokenizer lexicon and the sentence
// splitter from a UD treebank and writes models/splitter.bin + .meta.json.
// Tests: tests/tokenizer_test.cpp (trainer on an inline treebank)
#include <chrono>
#include <ctime>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "core/files.hpp"
#include "text/conllu.hpp"
#include "text/splitter_trainer.hpp"

namespace relgraph::cli {
namespace {

struct TrainTokenizerOptions {
  std::string train;
  std::string dev;
  std::string output = "models/splitter.bin";
  std::string release = "UD_English-EWT r2.16";
  int epochs = 5;
  std::uint64_t seed = 1;
};

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::string json_string(const std::string& s) {
  std::string r = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') r += '\\';
    r += c;
  }
  return r + "\"";
}

std::string f2(double v) {
  std::ostringstream o;
  o.setf(std::ios::fixed);
  o.precision(2);
  o << v;
  return o.str();
}

void run_train_tokenizer(const TrainTokenizerOptions& o) {
  auto log = [](const std::string& line) { std::cerr << "train tokenizer: " << line << "\n"; };
  Document train = read_conllu_file(o.train);
  auto start = std::chrono::steady_clock::now();
  SentenceSplitter splitter = train_splitter(train, {.epochs = o.epochs, .seed = o.seed}, log);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string scores;
  if (!o.dev.empty()) {
    Document dev = read_conllu_file(o.dev);
    auto model = score_splitter(splitter, dev);
    auto rules = score_splitter(SentenceSplitter(), dev);
    log("dev sentence F1: model " + f2(model.f1()) + ", rules only " + f2(rules.f1()));
    scores = ", \"dev_sentence_f1\": " + f2(model.f1()) + ", \"dev_sentence_f1_rules_only\": " + f2(rules.f1());
  }
  splitter.save(o.output);
  std::string command = "relgraph train tokenizer --train " + o.train + (o.dev.empty() ? "" : " --dev " + o.dev) +
                        " --epochs " + std::to_string(o.epochs) + " --seed " + std::to_string(o.seed) + " -o " +
                        o.output;
  std::ostringstream meta;
  meta << "{\n  \"component\": \"splitter\",\n  \"format_version\": " << SentenceSplitter::kFormatVersion
       << ",\n  \"treebank\": " << json_string(o.release) << ",\n  \"license\": \"CC BY-SA 4.0 (training data)\""
       << ",\n  \"command\": " << json_string(command) << ",\n  \"date\": " << json_string(utc_now())
       << ",\n  \"training_seconds\": " << f2(secs)
       << ",\n  \"lexicon\": {\"abbreviations\": " << splitter.learned().abbreviations.size()
       << ", \"hyphen_prefixes\": " << splitter.learned().hyphen_prefixes.size()
       << ", \"multiword\": " << splitter.learned().multiword.size()
       << "},\n  \"scores\": {\"note\": \"splitter-only sentence F1 on the dev raw text; see docs/text.md for "
          "relgraph eval ud\""
       << scores << "}\n}\n";
  std::string meta_path = o.output;
  if (meta_path.size() > 4 && meta_path.substr(meta_path.size() - 4) == ".bin") meta_path.resize(meta_path.size() - 4);
  detail::write_atomic(meta_path + ".meta.json", meta.str());
  log("wrote " + o.output + " and " + meta_path + ".meta.json");
}

}  // namespace

void add_train_tokenizer(CLI::App& app) {
  auto o = std::make_shared<TrainTokenizerOptions>();
  auto* cmd = app.add_subcommand("tokenizer", "Train the sentence splitter and tokenizer lexicon on a UD treebank");
  cmd->add_option("--train", o->train, "Training CoNLL-U (en_ewt-ud-train.conllu)")->required();
  cmd->add_option("--dev", o->dev, "Development CoNLL-U, scored after training");
  cmd->add_option("-o,--output", o->output, "Model file")->capture_default_str();
  cmd->add_option("--epochs", o->epochs, "Perceptron epochs")->capture_default_str();
  cmd->add_option("--seed", o->seed, "Shuffling seed")->capture_default_str();
  cmd->add_option("--release", o->release, "Treebank release recorded in meta.json")->capture_default_str();
  cmd->callback([o] { run_train_tokenizer(*o); });
}

}  // namespace relgraph::cli
