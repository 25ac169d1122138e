// `relgraph train parser`: trains the dependency parser on a UD treebank and
// writes the model plus its meta.json; `--evaluate MODEL` only scores a model.
// Library side: src/parse/parser_trainer.hpp. Tests: tests/parser_test.cpp
#include <cstdio>
#include <ctime>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/json_text.hpp"
#include "core/files.hpp"
#include "parse/parser_trainer.hpp"
#include "relgraph/error.hpp"
#include "tag/tagger.hpp"
#include "text/conllu.hpp"

namespace relgraph::cli {
namespace {

struct TrainParserOptions {
  std::string train, dev, test, output, evaluate;
  std::string tagger;    // if set, dev/test are re-tagged with this model before parsing
  std::string clusters;  // word classes TSV; "" = none
  std::string treebank = "UD English-EWT r2.16";
  ParserTrainOptions train_options;
  bool json = false;
};

struct Measured {
  std::string name;  // "dev", "test"
  AttachmentScores scores;
  double seconds = 0;  // CPU seconds spent parsing
  double words_per_second() const { return seconds > 0 ? scores.words / seconds : 0; }
};

std::string scores_json(const Measured& m) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "{\"words\": %zu, \"uas\": %.2f, \"las\": %.2f, \"las_full\": %.2f, "
                "\"words_per_second\": %.0f}",
                m.scores.words, m.scores.uas(), m.scores.las(), m.scores.las_full(), m.words_per_second());
  return buf;
}

std::string scores_text(const Measured& m) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s: %zu words, UAS %.2f, LAS %.2f, LAS with subtypes %.2f, %.0f words/CPU-s\n",
                m.name.c_str(), m.scores.words, m.scores.uas(), m.scores.las(), m.scores.las_full(),
                m.words_per_second());
  return buf;
}

// Scores `parser` on a treebank, with its gold tags or, given a tagger, predicted ones.
Measured measure(const Parser& parser, const std::string& name, const std::string& path, const Tagger* tagger) {
  Document doc = read_conllu_file(path);
  if (tagger)
    for (auto& s : doc.sentences) tagger->tag(s);
  // CPU time, not wall time: the build machine is shared.
  std::clock_t start = std::clock();
  Measured m{tagger ? name + "_predicted_tags" : name, evaluate_parser(parser, doc.sentences)};
  m.seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  return m;
}

std::string command_line(const TrainParserOptions& o) {
  const auto& t = o.train_options;
  std::ostringstream c;
  c << "relgraph train parser --train " << o.train;
  if (!o.dev.empty()) c << " --dev " << o.dev;
  if (!o.test.empty()) c << " --test " << o.test;
  c << " --iterations " << t.iterations << " --seed " << t.seed << " --explore-from " << t.explore_from
    << " --explore-prob " << t.explore_prob << " --tag-noise " << t.tag_noise << " --min-lift-count "
    << t.min_lift_count << " --min-weight " << t.min_weight;
  if (!o.clusters.empty()) c << " --clusters " << o.clusters;
  if (!o.tagger.empty()) c << " --tagger " << o.tagger;
  c << " -o " << o.output;
  return c.str();
}

std::string today() {
  std::time_t now = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&now));
  return buf;
}

void write_meta(const TrainParserOptions& o, const Parser& parser, const ParserTrainReport& r,
                const std::vector<Measured>& scores) {
  std::string path = o.output;
  if (path.size() > 4 && path.substr(path.size() - 4) == ".bin") path.resize(path.size() - 4);
  path += ".meta.json";
  const auto& t = o.train_options;
  std::ostringstream j;
  j << "{\n  \"component\": \"parser\",\n  \"format_version\": " << Parser::kFormatVersion
    << ",\n  \"transition_system\": \"arc-hybrid, root last, pseudo-projective (head encoding)\""
    << ",\n  \"treebank\": \"" << json_escape(o.treebank)
    << "\",\n  \"license\": \"CC BY-SA 4.0 (trained on the treebank)\""
    << ",\n  \"command\": \"" << json_escape(command_line(o)) << "\",\n  \"seed\": " << t.seed
    << ",\n  \"iterations\": " << t.iterations << ",\n  \"best_iteration\": " << r.best_iteration
    << ",\n  \"labels\": " << parser.labels().size() << ",\n  \"features\": " << parser.num_features()
    << ",\n  \"tags\": \"dev/test: gold tags of the files; *_predicted_tags: tags from " << json_escape(o.tagger)
    << "\""
    << ",\n  \"date\": \"" << today() << "\"";
  for (const auto& m : scores) j << ",\n  \"" << m.name << "\": " << scores_json(m);
  j << "\n}\n";
  detail::write_atomic(path, j.str());
}

void print_scores(const TrainParserOptions& o, const std::vector<Measured>& all) {
  if (o.json) {
    std::cout << "{";
    for (std::size_t i = 0; i < all.size(); ++i)
      std::cout << (i ? ", " : "") << "\"" << all[i].name << "\": " << scores_json(all[i]);
    std::cout << "}\n";
  } else {
    for (const auto& m : all) std::cout << scores_text(m);
  }
}

// Dev and test with gold tags, then with the tagger's tags if one was given.
void measure_all(const TrainParserOptions& o, const Parser& parser, std::vector<Measured>& scores) {
  auto both = [&](const Tagger* tagger) {
    if (!o.dev.empty()) scores.push_back(measure(parser, "dev", o.dev, tagger));
    if (!o.test.empty()) scores.push_back(measure(parser, "test", o.test, tagger));
  };
  both(nullptr);
  if (!o.tagger.empty()) {
    Tagger tagger = Tagger::load(o.tagger);
    both(&tagger);
  }
}

void run(const TrainParserOptions& o) {
  std::vector<Measured> scores;
  if (!o.evaluate.empty()) {
    if (o.dev.empty() && o.test.empty())
      throw Error(ErrorKind::InvalidArgument, "--evaluate needs --dev and/or --test");
    Parser parser = Parser::load(o.evaluate);
    measure_all(o, parser, scores);
    print_scores(o, scores);
    return;
  }
  if (o.train.empty() || o.output.empty())
    throw Error(ErrorKind::InvalidArgument, "train parser needs --train and -o (or --evaluate MODEL)");
  Document train = read_conllu_file(o.train);
  Document dev = o.dev.empty() ? Document{} : read_conllu_file(o.dev);
  ParserTrainOptions opt = o.train_options;
  opt.log = [](const std::string& line) { std::cerr << line << std::endl; };
  detail::WordClusters clusters;
  if (!o.clusters.empty()) {
    clusters = detail::WordClusters::read_tsv(o.clusters);
    opt.clusters = &clusters;
  }
  ParserTrainReport report;
  Parser parser = train_parser(train.sentences, dev.sentences, opt, &report);
  parser.save(o.output);
  measure_all(o, parser, scores);
  if (o.output != "-") write_meta(o, parser, report, scores);
  print_scores(o, scores);
}

}  // namespace

void add_train_parser(CLI::App& app) {
  auto o = std::make_shared<TrainParserOptions>();
  auto* cmd = app.add_subcommand("parser", "Train the dependency parser on UD CoNLL-U files");
  cmd->add_option("--train", o->train, "Training treebank (CoNLL-U with gold heads, relations, tags)");
  cmd->add_option("--dev", o->dev, "Development treebank: scored after every iteration, picks the best one");
  cmd->add_option("--test", o->test, "Test treebank: scored once at the end, recorded in meta.json");
  cmd->add_option("-o,--output", o->output, "Model file to write (meta.json is written beside it)");
  cmd->add_option("--evaluate", o->evaluate, "Only score this model on --dev/--test");
  cmd->add_option("--clusters", o->clusters,
                  "Word classes (word, c64, c256, c1024 TSV; schemas/lexicon/word_clusters.tsv), stored in the model");
  cmd->add_option("--tagger", o->tagger, "Also score dev/test with tags predicted by this tagger model");
  auto& t = o->train_options;
  cmd->add_option("--iterations", t.iterations, "Training iterations")->capture_default_str();
  cmd->add_option("--seed", t.seed, "Random seed (shuffling, exploration, tag noise)")->capture_default_str();
  cmd->add_option("--explore-from", t.explore_from, "First iteration following the model's own predictions")
      ->capture_default_str();
  cmd->add_option("--explore-prob", t.explore_prob, "Probability of following the model's prediction")
      ->capture_default_str();
  cmd->add_option("--tag-noise", t.tag_noise,
                  "Probability of swapping a training word's tags for another "
                  "reading of the same word")
      ->capture_default_str();
  cmd->add_option("--min-lift-count", t.min_lift_count, "Lifted labels seen fewer times keep only their base")
      ->capture_default_str();
  cmd->add_option("--min-weight", t.min_weight, "Drop averaged weights smaller than this (model size)")
      ->capture_default_str();
  cmd->add_option("--treebank", o->treebank, "Treebank name recorded in meta.json")->capture_default_str();
  cmd->add_flag("--json", o->json, "Print scores as JSON");
  cmd->callback([o] { run(*o); });
}

}  // namespace relgraph::cli
