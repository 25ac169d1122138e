// `relgraph eval ner GOLD.iob2`: runs the entity stage on the gold file's
// tokens (column 2, pretokenized) and prints exact-span precision, recall and
// F1 per type and overall. Tests: tests/ner_test.cpp
#include <ctime>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "core/files.hpp"
#include "ner/entity_typing.hpp"
#include "ner/iob2.hpp"
#include "ner/recognizer.hpp"
#include "relgraph/error.hpp"
#include "relgraph/pipeline.hpp"
#include "tag/tagger.hpp"

namespace relgraph::cli {

namespace {

struct Timing {
  double tagger = 0, recognizer = 0, stage = 0;  // seconds, one thread
};

struct EvalNerArgs {
  std::string gold;
  std::string model;      // "" = models/ner.bin
  std::string gazetteer;  // "" = schemas/gazetteer
  std::string output = "-";
  bool json = false;
  bool recognizer_only = false;
  std::vector<std::string> disable;  // named rules switched off
};

double per_second(int tokens, double seconds) { return seconds > 0 ? tokens / seconds : 0; }

std::string report_text(const ner::NerScores& s, const Timing& t) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(0);
  o << s.sentences << " sentences, " << s.tokens << " tokens; tokens/s, one thread (CPU time): recognizer alone "
    << per_second(s.tokens, t.recognizer) << ", entity stage " << per_second(s.tokens, t.stage);
  if (t.tagger > 0) o << ", tagger " << per_second(s.tokens, t.tagger);
  o << "\n" << std::setprecision(2);
  o << std::left << std::setw(9) << "type" << std::right << std::setw(10) << "precision" << std::setw(10) << "recall"
    << std::setw(10) << "F1" << std::setw(8) << "gold" << std::setw(8) << "pred"
    << "\n";
  auto row = [&](const std::string& name, const ner::SpanCounts& c) {
    o << std::left << std::setw(9) << name << std::right << std::setw(10) << 100 * c.precision() << std::setw(10)
      << 100 * c.recall() << std::setw(10) << 100 * c.f1() << std::setw(8) << c.tp + c.fn << std::setw(8) << c.tp + c.fp
      << "\n";
  };
  for (const auto& [type, c] : s.by_type) row(type, c);
  row("overall", s.overall);
  return o.str();
}

std::string report_json(const ner::NerScores& s, const Timing& t) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(4);
  auto one = [&](const ner::SpanCounts& c) {
    o << "{\"precision\": " << c.precision() << ", \"recall\": " << c.recall() << ", \"f1\": " << c.f1()
      << ", \"tp\": " << c.tp << ", \"fp\": " << c.fp << ", \"fn\": " << c.fn << "}";
  };
  o << "{\"sentences\": " << s.sentences << ", \"tokens\": " << s.tokens
    << ", \"recognizer_tokens_per_second\": " << std::setprecision(0) << per_second(s.tokens, t.recognizer)
    << ", \"stage_tokens_per_second\": " << per_second(s.tokens, t.stage) << std::setprecision(4) << ", \"overall\": ";
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

// Rules of later stages (coreference, relations) cannot change the entities,
// so they are accepted and have no effect; the entity stage's own rules are
// switched off in the typing options.
ner::AnnotateOptions ner_options(const std::vector<std::string>& disable) {
  PipelineOptions p;
  p.disable = disable;
  if (!disable.empty()) check_disable(p);
  return ner::annotate_options(p);
}

void run(const EvalNerArgs& a) {
  ner::AnnotateOptions opt = ner_options(a.disable);
  auto gold = ner::read_iob2_file(a.gold);
  auto recognizer = EntityRecognizer::load(a.model.empty() ? default_models_dir() + "/ner.bin" : a.model);
  auto gazetteer = ner::Gazetteer::load(a.gazetteer.empty() ? default_schemas_dir() + "/gazetteer" : a.gazetteer);
  std::optional<Tagger> tagger;
  if (recognizer.model().use_pos) tagger = Tagger::load(default_models_dir() + "/tagger.bin");
  Document doc = ner::iob2_document(gold, a.gold);
  opt.gazetteer_names = !a.recognizer_only;
  opt.rules = !a.recognizer_only;
  opt.values = false;
  // Thread CPU time, so the numbers hold on a busy machine.
  auto now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  auto t0 = now();
  if (tagger)
    for (auto& s : doc.sentences) tagger->tag_only(s);
  auto t1 = now();
  // The recognizer alone (the speed benchmark), then the whole entity stage.
  const auto recognized = recognizer.label(std::span<const Sentence>(doc.sentences));
  auto t2 = now();
  ner::annotate_entities(doc, recognizer, gazetteer, opt);
  auto t3 = now();
  Timing timing;
  timing.tagger = t1 - t0;
  timing.recognizer = t2 - t1;
  timing.stage = t3 - t2;
  const std::vector<std::string> types = {"PER", "ORG", "LOC"};
  ner::NerScores scores;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    std::vector<std::string> g, p;
    for (const auto& t : gold[i].tags) g.push_back(ner::clean_tag(t, types));
    if (a.recognizer_only)
      p = recognized[i];
    else
      for (const auto& t : doc.sentences[i].tokens) p.push_back(t.ner);
    scores.add(g, p);
  }
  detail::write_atomic(a.output, a.json ? report_json(scores, timing) : report_text(scores, timing));
}

}  // namespace

void add_eval_ner(CLI::App& app) {
  auto args = std::make_shared<EvalNerArgs>();
  auto* cmd = app.add_subcommand("ner", "Exact-span precision/recall/F1 of the entity recognizer on an IOB2 file");
  cmd->add_option("gold", args->gold, "Gold IOB2 file (index, token, tag), e.g. UNER en_ewt-ud-test.iob2")->required();
  cmd->add_option("--model", args->model, "Recognizer model (default: models/ner.bin)");
  cmd->add_option("--gazetteer", args->gazetteer, "Gazetteer tables (default: schemas/gazetteer)");
  cmd->add_flag("--recognizer-only", args->recognizer_only,
                "Score the recognizer's own tags (no rules, gazetteer names or typing)");
  cmd->add_flag("--json", args->json, "Print scores as JSON");
  cmd->add_option("-o,--output", args->output, "Output file ('-' = stdout)")->capture_default_str();
  add_disable_option(*cmd, args->disable);
  cmd->callback([args] { run(*args); });
}

}  // namespace relgraph::cli
