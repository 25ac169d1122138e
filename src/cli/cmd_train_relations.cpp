// `relgraph train relations DOCRED.json -o models/relations.bin`: trains the
// typed-relation classifier on a (Re-)DocRED split's gold entities and facts,
// optionally cross-validating by document first, and writes the model plus
// relations.meta.json. Tests: tests/docred_test.cpp
#include <ctime>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/json_text.hpp"
#include "core/files.hpp"
#include "core/resources.hpp"
#include "docred/crossval_trainer.hpp"
#include "relgraph/error.hpp"

namespace relgraph::cli {

namespace {

struct TrainRelationsArgs {
  std::string data;
  std::string output = "models/relations.bin";
  int folds = 0;
  int epochs = RelationTrainOptions{}.epochs;
  unsigned seed = 1;
  float margin = RelationTrainOptions{}.margin;
};

std::string meta_path(const std::string& model) {
  std::string base = model.size() > 4 && model.ends_with(".bin") ? model.substr(0, model.size() - 4) : model;
  return base + ".meta.json";
}

std::string command_line(const TrainRelationsArgs& a) {
  std::ostringstream c;
  c << "relgraph train relations " << a.data;
  if (a.folds > 0) c << " --folds " << a.folds;
  c << " --epochs " << a.epochs << " --margin " << a.margin << " --seed " << a.seed << " -o " << a.output;
  return c.str();
}

double wall_now() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

void run(const TrainRelationsArgs& a) {
  const double t0 = wall_now();
  auto gold = docred::read_docred(a.data);
  PipelineOptions po;
  po.pretokenized = true;
  po.until = a.folds > 0 ? Layer::Coref : Layer::Deps;  // recognised entities for the end-to-end figures
  auto docs = docred::process(gold, make_pipeline(po));
  RelationTrainOptions o;
  o.epochs = a.epochs;
  o.seed = a.seed;
  o.margin = a.margin;
  std::string cv_json = "null";
  if (a.folds > 0) {
    const auto values = docred::ValueLexicons::shared();
    std::vector<std::vector<docred::Prediction>> sets(2);
    for (std::size_t i = 0; i < gold.size(); ++i) {
      sets[0].push_back(docred::gold_entities(gold[i]));
      sets[1].push_back(docred::predicted_entities(docs[i], gold[i].title, &values));
    }
    docred::cross_validate(gold, docs, sets, a.folds, o);
    auto g = docred::score(gold, sets[0]);
    auto e = docred::score(gold, sets[1]);
    std::ostringstream j;
    j << std::fixed << std::setprecision(2) << "{\"folds\": " << a.folds << ", \"by\": \"document\",\n"
      << "    \"gold_entities\": {\"p\": " << 100 * g.aligned_p << ", \"r\": " << 100 * g.aligned_r
      << ", \"f1\": " << 100 * g.aligned_f1 << "},\n    \"end_to_end\": {\"aligned\": {\"p\": " << 100 * e.aligned_p
      << ", \"r\": " << 100 * e.aligned_r << ", \"f1\": " << 100 * e.aligned_f1
      << "}, \"exact\": {\"p\": " << 100 * e.exact_p << ", \"r\": " << 100 * e.exact_r
      << ", \"f1\": " << 100 * e.exact_f1 << "}, \"mention_f1\": " << 100 * e.mention_f1
      << ", \"coref_conll_f1\": " << 100 * e.conll_f1 << "}}";
    cv_json = j.str();
    std::cout << "cross-validation (" << a.folds << " folds by document), gold entities\n"
              << docred::report_text(g) << "cross-validation, end to end (recognised entities)\n"
              << docred::report_text(e);
  }
  auto training = docred::training_documents(gold, docs);
  auto classifier = train_relation_classifier(training, o);
  classifier.save(a.output);
  std::ostringstream meta;
  char date[32];
  std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  meta << "{\n  \"component\": \"relations\",\n  \"format_version\": " << RelationClassifier::kVersion
       << ",\n  \"data\": \"" << json_escape(a.data)
       << "\",\n  \"data_source\": \"Re-DocRED (Tan et al. 2022), MIT License\",\n  \"date\": \"" << date
       << "\",\n  \"documents\": " << gold.size() << ",\n  \"command\": \"" << json_escape(command_line(a))
       << "\",\n  \"labels\": " << classifier.labels().size()
       << ",\n  \"features\": " << classifier.model().num_features() << ",\n  \"cross_validation\": " << cv_json
       << ",\n  \"seconds\": " << std::fixed << std::setprecision(0) << wall_now() - t0 << "\n}\n";
  detail::write_atomic(meta_path(a.output), meta.str());
  std::cout << "wrote " << a.output << " (" << classifier.labels().size() << " relations, "
            << classifier.model().num_features() << " features)\n";
}

}  // namespace

void add_train_relations(CLI::App& app) {
  auto args = std::make_shared<TrainRelationsArgs>();
  auto* cmd = app.add_subcommand("relations", "Train the typed-relation classifier on a (Re-)DocRED split");
  cmd->add_option("data", args->data, "DocRED JSON file, e.g. ../shared/data/redocred/dev.json")->required();
  cmd->add_option("-o,--output", args->output, "Model file")->capture_default_str();
  cmd->add_option("--folds", args->folds, "Cross-validate by document over K folds first and record the figures");
  cmd->add_option("--epochs", args->epochs, "Perceptron epochs")->capture_default_str();
  cmd->add_option("--margin", args->margin, "Perceptron update margin")->capture_default_str();
  cmd->add_option("--seed", args->seed, "Random seed")->capture_default_str();
  cmd->callback([args] { run(*args); });
}

}  // namespace relgraph::cli
