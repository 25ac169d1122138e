// `relgraph train tagger`: trains the POS tagger + lemmatizer on a UD treebank,
// writes the model and its meta.json; `--evaluate MODEL` only scores a model.
// Library side: src/tag/tagger_trainer.hpp. Tests: tests/tagger_test.cpp
#include <cstdio>
#include <ctime>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/json_text.hpp"
#include "core/files.hpp"
#include "relgraph/error.hpp"
#include "tag/tagger_trainer.hpp"
#include "text/conllu.hpp"

namespace relgraph::cli {
namespace {

struct TrainTaggerOptions {
  std::string train, dev, test, output, evaluate, clusters;
  std::string treebank = "UD English-EWT r2.16";
  TaggerTrainOptions train_options;
  bool json = false;
};

std::string scores_json(const TaggerScores& s) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "{\"words\": %zu, \"upos\": %.2f, \"xpos\": %.2f, \"upos_xpos\": %.2f, \"lemma\": %.2f, "
                "\"unseen_lemma\": %.2f, \"unseen_words\": %zu, \"feats\": %.2f, \"words_per_second\": %.0f}",
                s.words, s.upos, s.xpos, s.upos_xpos, s.lemma, s.unseen_lemma, s.unseen_words, s.feats,
                s.words_per_second());
  return buf;
}

std::string scores_text(const std::string& name, const TaggerScores& s) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "%s: %zu words, UPOS %.2f, XPOS %.2f, UPOS+XPOS %.2f, lemma %.2f (unseen %.2f on %zu), FEATS %.2f, "
                "%.0f words/s\n",
                name.c_str(), s.words, s.upos, s.xpos, s.upos_xpos, s.lemma, s.unseen_lemma, s.unseen_words, s.feats,
                s.words_per_second());
  return buf;
}

std::string command_line(const TrainTaggerOptions& o) {
  const auto& t = o.train_options;
  std::ostringstream c;
  c << "relgraph train tagger --train " << o.train;
  if (!o.dev.empty()) c << " --dev " << o.dev;
  if (!o.test.empty()) c << " --test " << o.test;
  c << " --iterations " << t.iterations << " --lemma-iterations " << t.lemma_iterations << " --seed " << t.seed
    << " --min-weight " << t.min_weight << (t.second_pass ? "" : " --single-pass");
  if (!o.clusters.empty()) c << " --clusters " << o.clusters;
  c << " -o " << o.output;
  return c.str();
}

std::string today() {
  std::time_t now = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&now));
  return buf;
}

void write_meta(const TrainTaggerOptions& o, const TaggerTrainResult& r, const TaggerScores* test) {
  std::string path = o.output;
  if (path.size() > 4 && path.substr(path.size() - 4) == ".bin") path.resize(path.size() - 4);
  path += ".meta.json";
  const auto& t = o.train_options;
  std::ostringstream j;
  j << "{\n  \"component\": \"tagger\",\n  \"format_version\": " << Tagger::kFormatVersion << ",\n  \"treebank\": \""
    << json_escape(o.treebank) << "\",\n  \"license\": \"CC BY-SA 4.0 (trained on the treebank)\""
    << ",\n  \"command\": \"" << json_escape(command_line(o)) << "\",\n  \"seed\": " << t.seed
    << ",\n  \"iterations\": " << t.iterations << ",\n  \"best_iteration\": " << r.best_iteration
    << ",\n  \"best_iteration_second_pass\": " << r.best_iteration_second
    << ",\n  \"lemma_iterations\": " << t.lemma_iterations << ",\n  \"min_weight\": " << t.min_weight
    << ",\n  \"tag_classes\": " << r.tagger.num_tags() << ",\n  \"date\": \"" << today() << "\"";
  if (!o.dev.empty()) j << ",\n  \"dev\": " << scores_json(r.dev);
  if (test) j << ",\n  \"test\": " << scores_json(*test);
  j << "\n}\n";
  detail::write_atomic(path, j.str());
}

void print_scores(const TrainTaggerOptions& o, const std::vector<std::pair<std::string, TaggerScores>>& all) {
  if (o.json) {
    std::cout << "{";
    for (std::size_t i = 0; i < all.size(); ++i)
      std::cout << (i ? ", " : "") << "\"" << all[i].first << "\": " << scores_json(all[i].second);
    std::cout << "}\n";
  } else {
    for (const auto& [name, s] : all) std::cout << scores_text(name, s);
  }
}

void run(const TrainTaggerOptions& o) {
  std::vector<std::pair<std::string, TaggerScores>> scores;
  if (!o.evaluate.empty()) {
    if (o.dev.empty() && o.test.empty())
      throw Error(ErrorKind::InvalidArgument, "--evaluate needs --dev and/or --test");
    Tagger tagger = Tagger::load(o.evaluate);
    if (!o.dev.empty()) scores.emplace_back("dev", evaluate_tagger(tagger, read_conllu_file(o.dev)));
    if (!o.test.empty()) scores.emplace_back("test", evaluate_tagger(tagger, read_conllu_file(o.test)));
    print_scores(o, scores);
    return;
  }
  if (o.train.empty() || o.output.empty())
    throw Error(ErrorKind::InvalidArgument, "train tagger needs --train and -o (or --evaluate MODEL)");
  Document train = read_conllu_file(o.train);
  Document dev = o.dev.empty() ? Document{} : read_conllu_file(o.dev);
  TaggerTrainOptions opt = o.train_options;
  opt.progress = [](const std::string& line) { std::cerr << line << std::endl; };
  detail::WordClusters clusters;
  if (!o.clusters.empty()) {
    clusters = detail::WordClusters::read_tsv(o.clusters);
    opt.clusters = &clusters;
  }
  TaggerTrainResult result = train_tagger(train, o.dev.empty() ? nullptr : &dev, opt);
  result.tagger.save(o.output);
  if (!o.dev.empty()) scores.emplace_back("dev", result.dev);
  TaggerScores test;
  if (!o.test.empty()) {
    test = evaluate_tagger(result.tagger, read_conllu_file(o.test));
    scores.emplace_back("test", test);
  }
  if (o.output != "-") write_meta(o, result, o.test.empty() ? nullptr : &test);
  print_scores(o, scores);
}

}  // namespace

void add_train_tagger(CLI::App& app) {
  auto o = std::make_shared<TrainTaggerOptions>();
  auto* cmd = app.add_subcommand("tagger", "Train the POS tagger and lemmatizer on a UD treebank (CoNLL-U)");
  cmd->add_option("--train", o->train, "training treebank (.conllu)");
  cmd->add_option("--dev", o->dev, "development treebank: per-iteration accuracy, picks the best iteration");
  cmd->add_option("--test", o->test, "test treebank: scored once at the end (recorded in meta.json)");
  cmd->add_option("-o,--output", o->output, "model file to write (meta.json is written beside it)");
  cmd->add_option("--iterations", o->train_options.iterations, "passes over the training data")->capture_default_str();
  cmd->add_option("--lemma-iterations", o->train_options.lemma_iterations, "passes of the lemmatizer")
      ->capture_default_str();
  cmd->add_option("--seed", o->train_options.seed, "shuffling seed")->capture_default_str();
  cmd->add_option("--min-weight", o->train_options.min_weight, "drop smaller averaged weights (model size)")
      ->capture_default_str();
  cmd->add_flag(
      "--single-pass", [o](std::int64_t) { o->train_options.second_pass = false; },
      "skip the right-context second pass (half the tagging time, lower accuracy)");
  cmd->add_option("--treebank", o->treebank, "treebank name and release, recorded in meta.json")->capture_default_str();
  cmd->add_option("--clusters", o->clusters,
                  "word classes (word, c64, c256, c1024 TSV; schemas/lexicon/word_clusters.tsv), stored in the model");
  cmd->add_option("--evaluate", o->evaluate, "do not train: score this model on --dev/--test (gold tokenization)");
  cmd->add_flag("--json", o->json, "print the scores as JSON");
  cmd->callback([o] { run(*o); });
}

}  // namespace relgraph::cli
