// `relgraph eval docred FILE.json`: builds each (Re-)DocRED document from its
// pretokenized sentences, runs the pipeline, predicts entities (or takes the
// gold ones with --gold-entities) and typed relations, and prints the figures
// of ../shared/eval/docred_score.py. Tests: tests/docred_test.cpp
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "core/files.hpp"
#include "docred/crossval_trainer.hpp"
#include "relgraph/error.hpp"

namespace relgraph::cli {

namespace {

struct EvalDocredArgs {
  std::string gold;
  std::string output;  // predictions, "" = none
  std::string model;   // "" = models/relations.bin when present
  bool gold_entities = false;
  bool no_relations = false;
  bool timing = false;
  int folds = 0;
  int epochs = RelationTrainOptions{}.epochs;
  std::vector<std::string> disable;  // named rules switched off
};

double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

void run(const EvalDocredArgs& a) {
  auto gold = docred::read_docred(a.gold);
  PipelineOptions po;
  po.pretokenized = true;
  po.until = a.gold_entities ? Layer::Deps : Layer::Coref;
  po.disable = a.disable;
  check_disable(po);
  auto pipeline = make_pipeline(po);
  const double t0 = cpu_now();
  auto docs = docred::process(gold, pipeline);
  const double t1 = cpu_now();
  const auto values = docred::ValueLexicons::shared();
  std::vector<docred::Prediction> pred;
  for (std::size_t i = 0; i < gold.size(); ++i)
    pred.push_back(a.gold_entities ? docred::gold_entities(gold[i])
                                   : docred::predicted_entities(docs[i], gold[i].title, &values));
  const double t2 = cpu_now();
  if (a.folds > 0) {
    RelationTrainOptions o;
    o.epochs = a.epochs;
    std::vector<std::vector<docred::Prediction>> sets = {std::move(pred)};
    docred::cross_validate(gold, docs, sets, a.folds, o);
    pred = std::move(sets.front());
  } else if (!a.no_relations) {
    std::string path = a.model.empty() ? default_models_dir() + "/relations.bin" : a.model;
    if (a.model.empty() && !std::filesystem::exists(path)) {
      std::cerr << "relgraph: note: no " << path << ", so no relations are predicted\n";
    } else {
      auto classifier = RelationClassifier::load(path);
      for (std::size_t i = 0; i < gold.size(); ++i) docred::add_relations(pred[i], docs[i], classifier);
    }
  }
  const double t3 = cpu_now();
  if (!a.output.empty()) detail::write_atomic(a.output, docred::write_predictions(pred));
  std::cout << docred::report_text(docred::score(gold, pred));
  if (a.timing) {
    std::ostringstream o;
    o << std::fixed << std::setprecision(2) << "time (CPU s): pipeline " << t1 - t0 << ", entities " << t2 - t1
      << ", relations" << (a.folds > 0 ? " (training included) " : " ") << t3 - t2 << "\n";
    std::cerr << o.str();
  }
}

}  // namespace

void add_eval_docred(CLI::App& app) {
  auto args = std::make_shared<EvalDocredArgs>();
  auto* cmd = app.add_subcommand("docred", "Entities, coreference and typed relations against a (Re-)DocRED split");
  cmd->add_option("gold", args->gold, "DocRED JSON file, e.g. ../shared/data/redocred/dev.json")->required();
  cmd->add_flag("--gold-entities", args->gold_entities,
                "Give the system the gold mentions, clusters and types (relations only)");
  cmd->add_option("--folds", args->folds,
                  "Cross-validate the relation classifier by document over K folds of FILE (trained on gold entities)");
  cmd->add_option("--epochs", args->epochs, "Training epochs with --folds")->capture_default_str();
  cmd->add_option("--model", args->model, "Relation model (default: models/relations.bin when present)");
  cmd->add_flag("--no-relations", args->no_relations, "Entities and coreference only");
  cmd->add_option("-o,--output", args->output, "Write the predictions (docred_score.py's PRED.json format)");
  cmd->add_flag("--timing", args->timing, "Print CPU time per phase on stderr");
  add_disable_option(*cmd, args->disable);
  cmd->callback([args] { run(*args); });
}

}  // namespace relgraph::cli
