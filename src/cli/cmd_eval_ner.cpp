// `relgraph eval ner GOLD.iob2`: runs the entity stage on the gold file's
// tokens (column 2, pretokenized) and prints exact-span precision, recall and
// F1 per type and overall. Tests: tests/ner_test.cpp
#include <chrono>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "core/files.hpp"
#include "ner/entity_typing.hpp"
#include "ner/iob2.hpp"
#include "relgraph/error.hpp"
#include "relgraph/pipeline.hpp"
#include "tag/tagger.hpp"

namespace relgraph::cli {

namespace {

struct EvalNerArgs {
  std::string gold;
  std::string model;      // "" = models/ner.bin
  std::string gazetteer;  // "" = schemas/gazetteer
  std::string output = "-";
  bool json = false;
  bool recognizer_only = false;
};

std::string report_text(const ner::NerScores& s, double seconds) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(2);
  o << s.sentences << " sentences, " << s.tokens << " tokens, " << std::setprecision(0)
    << (seconds > 0 ? s.tokens / seconds : 0) << " tokens/s\n"
    << std::setprecision(2);
  o << std::left << std::setw(9) << "type" << std::right << std::setw(10) << "precision" << std::setw(10) << "recall"
    << std::setw(10) << "F1" << std::setw(8) << "gold" << std::setw(8) << "pred" << "\n";
  auto row = [&](const std::string& name, const ner::SpanCounts& c) {
    o << std::left << std::setw(9) << name << std::right << std::setw(10) << 100 * c.precision() << std::setw(10)
      << 100 * c.recall() << std::setw(10) << 100 * c.f1() << std::setw(8) << c.tp + c.fn << std::setw(8)
      << c.tp + c.fp << "\n";
  };
  for (const auto& [type, c] : s.by_type) row(type, c);
  row("overall", s.overall);
  return o.str();
}

std::string report_json(const ner::NerScores& s, double seconds) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(4);
  auto one = [&](const ner::SpanCounts& c) {
    o << "{\"precision\": " << c.precision() << ", \"recall\": " << c.recall() << ", \"f1\": " << c.f1()
      << ", \"tp\": " << c.tp << ", \"fp\": " << c.fp << ", \"fn\": " << c.fn << "}";
  };
  o << "{\"sentences\": " << s.sentences << ", \"tokens\": " << s.tokens << ", \"seconds\": " << seconds
    << ", \"overall\": ";
  one(s.overall);
  o << ", \"types\": {";
  bool first = true;
  for (const auto& [type, c] : s.by_type) {
    o << (first ? "" : ", ") << "\"" << type << "\": ";
    one(c);
    first = false;
  }
  o << "}}\n";
  return o.str();
}

void run(const EvalNerArgs& a) {
  auto gold = ner::read_iob2_file(a.gold);
  auto recognizer = EntityRecognizer::load(a.model.empty() ? default_models_dir() + "/ner.bin" : a.model);
  auto gazetteer = ner::Gazetteer::load(a.gazetteer.empty() ? default_schemas_dir() + "/gazetteer" : a.gazetteer);
  std::optional<Tagger> tagger;
  if (recognizer.model().use_pos) tagger = Tagger::load(default_models_dir() + "/tagger.bin");
  Document doc = ner::iob2_document(gold, a.gold);
  ner::AnnotateOptions opt;
  opt.gazetteer_names = !a.recognizer_only;
  opt.values = false;
  auto t0 = std::chrono::steady_clock::now();
  if (tagger)
    for (auto& s : doc.sentences) tagger->tag_only(s);
  ner::annotate_entities(doc, recognizer, gazetteer, opt);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const std::vector<std::string> types = {"PER", "ORG", "LOC"};
  ner::NerScores scores;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    std::vector<std::string> g, p;
    for (const auto& t : gold[i].tags) g.push_back(ner::clean_tag(t, types));
    for (const auto& t : doc.sentences[i].tokens) p.push_back(t.ner);
    scores.add(g, p);
  }
  detail::write_atomic(a.output, a.json ? report_json(scores, secs) : report_text(scores, secs));
}

}  // namespace

void add_eval_ner(CLI::App& app) {
  auto args = std::make_shared<EvalNerArgs>();
  auto* cmd = app.add_subcommand("ner", "Exact-span precision/recall/F1 of the entity recognizer on an IOB2 file");
  cmd->add_option("gold", args->gold, "Gold IOB2 file (index, token, tag), e.g. UNER en_ewt-ud-test.iob2")
      ->required();
  cmd->add_option("--model", args->model, "Recognizer model (default: models/ner.bin)");
  cmd->add_option("--gazetteer", args->gazetteer, "Gazetteer tables (default: schemas/gazetteer)");
  cmd->add_flag("--recognizer-only", args->recognizer_only, "Score the perceptron alone (no gazetteer names added)");
  cmd->add_flag("--json", args->json, "Print scores as JSON");
  cmd->add_option("-o,--output", args->output, "Output file ('-' = stdout)")->capture_default_str();
  cmd->callback([args] { run(*args); });
}

}  // namespace relgraph::cli
