// `relgraph eval kg GOLD.json TRIPLES.tsv`: scores a graph's TSV export
// against a hand-made reference graph with the rules of
// ../shared/eval/kgscore.py (C++ port in src/pipeline/kgscore.cpp).
// `relgraph eval kg DIR... [--also TEXT GOLD]`: extracts every X.txt beside an
// X.gold.json in place and prints each article's scores and their mean.
// Tests: tests/pipeline_test.cpp, tests/eval_cli_test.cpp
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/json_text.hpp"
#include "core/files.hpp"
#include "pipeline/kgscore.hpp"
#include "relgraph/error.hpp"

namespace relgraph::cli {
namespace {

struct Options {
  std::vector<std::string> inputs;                        // GOLD TRIPLES, or directories
  std::vector<std::pair<std::string, std::string>> also;  // TEXT GOLD added to the directories' articles
  std::vector<std::string> disable;
  std::string models_dir, schemas_dir;
  bool show = false, json = false;
};

std::string json_fields(const KgScore& s) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "\"extracted\": %d, \"found\": %d, \"gold\": %d, \"recall\": %.3f, \"matched_share\": %.3f, "
                "\"entity_recall\": %.3f, \"fragmentation\": %.2f",
                s.extracted, s.found, s.gold, s.recall, s.matched_share, s.entity_recall, s.fragmentation);
  return buf;
}

std::string rates(const KgScore& s) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "recall=%.3f matched-share=%.3f entity-recall=%.3f fragmentation=%.2f", s.recall,
                s.matched_share, s.entity_recall, s.fragmentation);
  return buf;
}

void score_one_file(const Options& o) {
  KgScore s = score_kg(detail::read_file(o.inputs[0]), o.inputs[0], detail::read_file(o.inputs[1]), o.inputs[1]);
  if (o.json) {
    std::cout << "{" << json_fields(s) << "}\n";
    return;
  }
  if (o.show)
    for (const auto& line : s.report) std::cout << line << "\n";
  std::cout << "triples: " << s.extracted << " extracted, " << s.found << "/" << s.gold << " reference facts found\n";
  std::cout << "KG " << rates(s) << "\n";
}

void score_set(const Options& o) {
  std::vector<KgPair> pairs;
  for (const auto& dir : o.inputs)
    for (auto& p : kg_pairs(dir)) pairs.push_back(std::move(p));
  for (const auto& [text, gold] : o.also) pairs.push_back({std::filesystem::path(text).stem().string(), text, gold});
  PipelineOptions p;
  p.models_dir = o.models_dir;
  p.schemas_dir = o.schemas_dir;
  p.disable = o.disable;
  KgSetScore set = score_kg_set(pairs, make_pipeline(p), o.disable);
  if (o.json) {
    std::cout << "{\"articles\": [";
    for (std::size_t i = 0; i < set.articles.size(); ++i)
      std::cout << (i ? ",\n  " : "\n  ") << "{\"name\": \"" << json_escape(set.articles[i].name) << "\", "
                << json_fields(set.articles[i].score) << "}";
    std::cout << "],\n \"mean\": {\"articles\": " << set.articles.size() << ", " << json_fields(set.mean) << "}}\n";
    return;
  }
  for (const auto& a : set.articles) {
    if (o.show)
      for (const auto& line : a.score.report) std::cout << "  " << line << "\n";
    std::cout << a.name << "\t" << a.score.found << "/" << a.score.gold << " facts, " << a.score.extracted
              << " triples\t" << rates(a.score) << "\n";
  }
  std::cout << "mean of " << set.articles.size() << " articles\t" << set.mean.found << "/" << set.mean.gold
            << " facts, " << set.mean.extracted << " triples\t" << rates(set.mean) << "\n";
}

void run(const Options& o) {
  namespace fs = std::filesystem;
  bool any_dir = false, all_dirs = true;
  for (const auto& in : o.inputs) {
    bool d = fs::is_directory(in);
    any_dir = any_dir || d;
    all_dirs = all_dirs && d;
  }
  if (!any_dir && o.also.empty()) {
    if (o.inputs.size() != 2)
      throw Error(ErrorKind::InvalidArgument,
                  "eval kg: expected GOLD.json TRIPLES.tsv, or directories of X.txt + X.gold.json pairs");
    if (!o.disable.empty())
      throw Error(ErrorKind::InvalidArgument, "eval kg: --disable needs articles to extract (directories or --also)");
    score_one_file(o);
    return;
  }
  if (!all_dirs)
    for (const auto& in : o.inputs)
      if (!fs::is_directory(in)) throw Error(ErrorKind::NotFound, "eval kg: '" + in + "' is not a directory");
  score_set(o);
}

}  // namespace

void add_eval_kg(CLI::App& app) {
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "kg", "Score triples (TSV) against a reference graph (JSON), or extract and score directories of articles");
  cmd->add_option("inputs", o->inputs,
                  "GOLD.json TRIPLES.tsv (TSV with subject, predicate, object columns, - for stdin), or one or more "
                  "directories holding X.txt + X.gold.json pairs, e.g. ../shared/eval/news-dev");
  cmd->add_option("--also", o->also,
                  "An extra article and its reference graph, scored with the directories (repeatable)")
      ->type_name("TEXT GOLD");
  cmd->add_option("--models", o->models_dir, "Models directory (default: $RELGRAPH_MODELS or models/)");
  cmd->add_option("--schemas", o->schemas_dir, "Schemas directory (default: $RELGRAPH_SCHEMAS or schemas/)");
  add_disable_option(*cmd, o->disable);
  cmd->add_flag("--show", o->show, "List each reference fact as found (ok) or missed (MISS)");
  cmd->add_flag("--json", o->json, "Print the scores as JSON");
  cmd->callback([o] { run(*o); });
}

}  // namespace relgraph::cli
