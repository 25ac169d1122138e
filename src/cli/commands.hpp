// One function per subcommand: each registers its flags on the app and a
// callback that calls the library and prints the result. Keep them thin.
#pragma once
#include <CLI/CLI.hpp>

#include "relgraph/pipeline.hpp"

namespace relgraph::cli {

void add_extract_command(CLI::App& app);   // cmd_extract.cpp
void add_render_command(CLI::App& app);    // cmd_render.cpp
void add_convert_command(CLI::App& app);   // cmd_convert.cpp
void add_parse_command(CLI::App& app);     // cmd_parse.cpp
void add_entities_command(CLI::App& app);  // cmd_entities.cpp
void add_query_command(CLI::App& app);     // cmd_query.cpp
void add_merge_command(CLI::App& app);     // cmd_merge.cpp
void add_rules_command(CLI::App& app);     // cmd_rules.cpp

// `relgraph train <component>` (cmd_train.cpp creates the parent command).
void add_train_tokenizer(CLI::App& train);  // cmd_train_tokenizer.cpp
void add_train_tagger(CLI::App& train);     // cmd_train_tagger.cpp
void add_train_parser(CLI::App& train);     // cmd_train_parser.cpp
void add_train_ner(CLI::App& train);        // cmd_train_ner.cpp
void add_train_relations(CLI::App& train);  // cmd_train_relations.cpp

// `relgraph eval <benchmark>` (cmd_eval.cpp creates the parent command).
void add_eval_ud(CLI::App& eval);      // cmd_eval_ud.cpp
void add_eval_ner(CLI::App& eval);     // cmd_eval_ner.cpp
void add_eval_carb(CLI::App& eval);    // cmd_eval_carb.cpp
void add_eval_kg(CLI::App& eval);      // cmd_eval_kg.cpp
void add_eval_docred(CLI::App& eval);  // cmd_eval_docred.cpp

// `--disable RULE[,RULE]` (repeatable) into `disable` (cmd_rules.cpp).
void add_disable_option(CLI::App& cmd, std::vector<std::string>& disable);
// Throws Error(InvalidArgument) if options.disable names a rule no stage of
// the standard pipeline knows; for commands that assemble their own stages.
void check_disable(const PipelineOptions& options);

// `relgraph extract --format carb`: implemented beside the extractor (cmd_extract_carb.cpp).
struct CarbOptions {
  std::vector<std::string> inputs;
  std::string output = "-";
  bool pretokenized = false;
  std::string models_dir = "";       // "" = default_models_dir()
  std::string schemas_dir = "";      // "" = default_schemas_dir()
  std::vector<std::string> disable;  // named rules switched off (--disable)
};
void run_extract_carb(const CarbOptions& options);

}  // namespace relgraph::cli
