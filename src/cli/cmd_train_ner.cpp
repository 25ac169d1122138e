// `relgraph train ner`: trains the entity recognizer on Universal NER IOB2
// files and writes models/ner.bin plus ner.meta.json. Tests: tests/ner_test.cpp
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "cli/commands.hpp"
#include "cli/json_text.hpp"
#include "core/files.hpp"
#include "ner/recognizer_trainer.hpp"
#include "relgraph/error.hpp"
#include "relgraph/pipeline.hpp"
#include "tag/tagger.hpp"
#include "tag/tagger_trainer.hpp"
#include "text/conllu.hpp"

namespace relgraph::cli {

namespace {

struct TrainNerArgs {
  std::vector<std::string> train;
  std::string dev, test, output = "models/ner.bin", gazetteer, tagger;
  int epochs = 12;
  unsigned seed = 1;
  bool pos = false;
  bool no_gazetteer = false;
  std::string words = "/usr/share/dict/american-english";  // Debian wamerican; "" = none
  std::string jackknife;                                   // UD treebank whose training sentences get jackknifed POS
  std::string clusters;  // word classes TSV (schemas/lexicon/word_clusters.tsv); "" = none
  int folds = 4;
  int context_folds = 0;  // > 1: second stage on jackknifed first-stage labels
  bool refit = false;     // after choosing epochs on dev, retrain on train + dev
};

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

std::string scores_json(const ner::NerScores& s) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(2);
  auto one = [&](const ner::SpanCounts& c) {
    o << "{\"precision\": " << 100 * c.precision() << ", \"recall\": " << 100 * c.recall()
      << ", \"f1\": " << 100 * c.f1() << "}";
  };
  o << "{\"overall\": ";
  one(s.overall);
  for (const auto& [type, c] : s.by_type) {
    o << ", \"" << type << "\": ";
    one(c);
  }
  o << "}";
  return o.str();
}

std::string meta_path(const std::string& model) {
  std::string base = model.size() > 4 && model.ends_with(".bin") ? model.substr(0, model.size() - 4) : model;
  return base + ".meta.json";
}

// The equivalent command line, recorded in meta.json.
std::string command_line(const TrainNerArgs& a) {
  std::ostringstream c;
  c << "relgraph train ner";
  for (const auto& t : a.train) c << " --train " << t;
  if (!a.dev.empty()) c << " --dev " << a.dev;
  if (!a.test.empty()) c << " --test " << a.test;
  if (a.no_gazetteer) c << " --no-gazetteer";
  if (!a.gazetteer.empty()) c << " --gazetteer " << a.gazetteer;
  c << " --words " << (a.words.empty() ? "''" : a.words);
  if (a.pos) c << " --pos";
  if (!a.jackknife.empty()) c << " --jackknife " << a.jackknife << " --folds " << a.folds;
  if (!a.clusters.empty()) c << " --clusters " << a.clusters;
  if (!a.tagger.empty()) c << " --tagger " << a.tagger;
  if (a.context_folds > 1) c << " --context-folds " << a.context_folds;
  if (a.refit) c << " --refit";
  c << " --epochs " << a.epochs << " --seed " << a.seed << " -o " << a.output;
  return c.str();
}

std::string forms_key(const Sentence& s) {
  std::string k;
  for (const auto& t : s.tokens) k += t.form + ' ';
  return k;
}

// UPOS for every sentence of `treebank` from a tagger trained on the other
// folds, keyed by the sentence's forms.
// (The fold taggers have no word classes even when the shipped tagger has:
// with them, dev F1 fell from 73.53 / 73.21 to 71.97 / 72.94, seeds 1 / 2.)
std::unordered_map<std::string, std::vector<std::string>> jackknife_tags(const std::string& treebank, int folds,
                                                                         unsigned seed, bool progress) {
  Document ud = read_conllu_file(treebank);
  std::unordered_map<std::string, std::vector<std::string>> tags;
  for (int f = 0; f < folds; ++f) {
    Document rest, held;
    for (std::size_t i = 0; i < ud.sentences.size(); ++i)
      (static_cast<int>(i % folds) == f ? held : rest).sentences.push_back(ud.sentences[i]);
    TaggerTrainOptions o;
    o.iterations = 6;
    o.lemma_iterations = 1;
    o.second_pass = false;
    o.pick_best = false;
    o.seed = seed;
    auto tagger = train_tagger(rest, nullptr, o).tagger;
    for (auto& s : held.sentences) {
      tagger.tag_only(s);
      std::vector<std::string> upos;
      for (const auto& t : s.tokens) upos.push_back(t.upos);
      tags[forms_key(s)] = std::move(upos);
    }
    if (progress) std::cerr << "jackknife fold " << f + 1 << "/" << folds << " tagged\n";
  }
  return tags;
}

void run(const TrainNerArgs& a) {
  std::vector<ner::Iob2Sentence> train;
  for (const auto& path : a.train) {
    auto part = ner::read_iob2_file(path);
    train.insert(train.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  auto dev = a.dev.empty() ? std::vector<ner::Iob2Sentence>{} : ner::read_iob2_file(a.dev);
  ner::TrainOptions opt;
  opt.epochs = a.epochs;
  opt.seed = a.seed;
  opt.context_folds = a.context_folds;
  if (a.refit && dev.empty()) throw Error(ErrorKind::InvalidArgument, "--refit needs --dev");
  std::optional<ner::Gazetteer> gaz;
  if (!a.no_gazetteer) {
    gaz = ner::Gazetteer::load(a.gazetteer.empty() ? default_schemas_dir() + "/gazetteer" : a.gazetteer);
    if (!a.words.empty()) gaz->add_word_list(a.words);
    opt.gazetteer = &*gaz;
  }
  detail::WordClusters clusters;
  if (!a.clusters.empty()) {
    clusters = detail::WordClusters::read_tsv(a.clusters);
    opt.clusters = &clusters;
  }
  std::optional<Tagger> tagger;
  if (a.pos) {
    tagger = Tagger::load(a.tagger.empty() ? default_models_dir() + "/tagger.bin" : a.tagger);
    opt.annotate = [&](Sentence& s) { tagger->tag_only(s); };
  }
  bool tty = ::isatty(2);
  std::unordered_map<std::string, std::vector<std::string>> jk;
  if (!a.jackknife.empty()) {
    if (!a.pos) throw Error(ErrorKind::InvalidArgument, "--jackknife needs --pos");
    jk = jackknife_tags(a.jackknife, a.folds, a.seed, tty);
    opt.annotate_train = [&](Sentence& s) {
      auto it = jk.find(forms_key(s));
      if (it == jk.end() || it->second.size() != s.tokens.size()) return tagger->tag_only(s);
      for (std::size_t i = 0; i < s.tokens.size(); ++i) s.tokens[i].upos = it->second[i];
    };
  }
  opt.progress = [&](const std::string& line) {
    if (tty) std::cerr << line << "\n";
  };
  ner::TrainReport report;
  auto t0 = std::chrono::steady_clock::now();
  auto model = ner::train_recognizer(train, dev, opt, &report);
  const auto test = a.test.empty() ? std::vector<ner::Iob2Sentence>{} : ner::read_iob2_file(a.test);
  auto test_scores = [&](const EntityRecognizer& m) {
    return test.empty() ? std::string("null") : scores_json(ner::evaluate(m, test, opt.types, opt.annotate));
  };
  // --refit: the train-only model chose the epoch counts on dev; the shipped
  // model is trained again on train + dev for as many epochs. Its dev score
  // would mean nothing, so meta.json's "dev", "best_epoch" and curves stay the
  // train-only model's, and "train_only_test" keeps that model's test score.
  auto curve = [](const std::vector<double>& f1) {
    std::ostringstream o;
    o << std::fixed << std::setprecision(2) << "[";
    for (std::size_t i = 0; i < f1.size(); ++i) o << (i ? ", " : "") << 100 * f1[i];
    return o.str() + "]";
  };
  const std::string curves = "\"dev_f1_by_epoch\": " + curve(report.dev_f1) +
                             ", \"first_stage_dev_f1_by_epoch\": " + curve(report.first_stage_dev_f1);
  std::string train_only_test = "null";
  if (a.refit) {
    train_only_test = test_scores(model);
    opt.epochs = report.first_stage_epoch;
    opt.context_epochs = report.best_epoch;
    auto all = train;
    all.insert(all.end(), dev.begin(), dev.end());
    ner::TrainReport refit_report;
    model = ner::train_recognizer(all, {}, opt, &refit_report);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  model.save(a.output);
  std::string test_json = test_scores(model);
  std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  std::ostringstream meta;
  meta << "{\n  \"component\": \"ner\",\n  \"format_version\": " << EntityRecognizer::kFormatVersion
       << ",\n  \"data\": \"Universal NER v1 English-EWT (UD English-EWT r2.16 text), CC BY-SA 4.0\",\n"
       << "  \"train\": \"" << json_escape(join(a.train)) << "\",\n  \"dev\": \"" << json_escape(a.dev) << "\",\n"
       << "  \"command\": \"" << json_escape(command_line(a)) << "\",\n  \"date\": \"" << date << "\",\n"
       << "  \"labels\": \"BILOU over PER, ORG, LOC (OTH and stray B-O read as O)\",\n"
       << "  \"pos_features\": " << (a.pos ? "true" : "false")
       << ",\n  \"gazetteer_features\": " << (a.no_gazetteer ? "false" : "true") << ",\n  \"epochs\": " << a.epochs
       << ",\n  \"best_epoch\": " << report.best_epoch
       << ",\n  \"context_folds\": " << (a.context_folds > 1 ? a.context_folds : 0)
       << ",\n  \"first_stage_best_epoch\": " << report.first_stage_epoch
       << ",\n  \"first_stage_dev\": " << (dev.empty() ? "null" : scores_json(report.first_stage_dev))
       << ",\n  \"seed\": " << a.seed << ",\n  \"train_seconds\": " << std::fixed << std::setprecision(1) << secs
       << ",\n  \"dev\": " << (dev.empty() ? "null" : scores_json(report.dev)) << ",\n  \"test\": " << test_json
       << ",\n  \"refit_on_train_and_dev\": " << (a.refit ? "true" : "false")
       << ",\n  \"train_only_test\": " << train_only_test << ",\n  " << curves << "\n}\n";
  detail::write_atomic(meta_path(a.output), meta.str());
  std::cout << "wrote " << a.output << " (best epoch " << report.best_epoch << ", dev F1 " << std::fixed
            << std::setprecision(2) << 100 * report.dev.overall.f1() << ") and " << meta_path(a.output) << "\n";
}

}  // namespace

void add_train_ner(CLI::App& app) {
  auto args = std::make_shared<TrainNerArgs>();
  auto* cmd = app.add_subcommand("ner", "Train the entity recognizer on Universal NER IOB2 files");
  cmd->add_option("--train", args->train, "Training file (IOB2: index, token, tag); repeat to train on several")
      ->required();
  cmd->add_option("--dev", args->dev, "Development file: picks the best epoch");
  cmd->add_option("--test", args->test, "Test file: scored once, recorded in the meta.json");
  cmd->add_option("-o,--output", args->output, "Model file; <name>.meta.json is written beside it")
      ->capture_default_str();
  cmd->add_option("--gazetteer", args->gazetteer, "Gazetteer tables (default: schemas/gazetteer)");
  cmd->add_flag("--no-gazetteer", args->no_gazetteer, "Train without gazetteer features");
  cmd->add_option("--words", args->words,
                  "English word list, one word a line (Debian wamerican); '' = no word-list features")
      ->capture_default_str();
  cmd->add_flag("--pos", args->pos, "Use POS features from the tagger (models/tagger.bin)");
  cmd->add_option("--tagger", args->tagger, "Tagger model for --pos (default: models/tagger.bin)");
  cmd->add_option("--jackknife", args->jackknife,
                  "UD treebank (CoNLL-U) of the training sentences: tag them with taggers trained on the other folds");
  cmd->add_option("--clusters", args->clusters,
                  "Word classes (word, c64, c256, c1024 TSV; schemas/lexicon/word_clusters.tsv), stored in the model");
  cmd->add_option("--folds", args->folds, "Folds for --jackknife")->capture_default_str()->check(CLI::Range(2, 10));
  cmd->add_option("--context-folds", args->context_folds,
                  "Train a second stage on document context from first stages trained on the other folds (0 = none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 10));
  cmd->add_flag("--refit", args->refit,
                "After choosing the epoch counts on --dev, train the written model again on train + dev");
  cmd->add_option("--epochs", args->epochs, "Training epochs")->capture_default_str()->check(CLI::Range(1, 100));
  cmd->add_option("--seed", args->seed, "Shuffling seed (training is deterministic given it)")->capture_default_str();
  cmd->callback([args] { run(*args); });
}

}  // namespace relgraph::cli
