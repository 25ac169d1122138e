// `relgraph rules [--json]`: the named rules (sieves, constructions) of each
// pipeline stage and of the graph builder, which `--disable RULE[,RULE]` switches
// off on extract, entities, eval kg, eval ner and eval docred (tools/ablate.sh measures each one).
// Tests: tests/eval_cli_test.cpp
#include <iostream>

#include "cli/commands.hpp"
#include "cli/json_text.hpp"
#include "relgraph/extract.hpp"
#include "relgraph/pipeline.hpp"

namespace relgraph::cli {

void add_disable_option(CLI::App& cmd, std::vector<std::string>& disable) {
  cmd.add_option("--disable", disable,
                 "Switch off named rules, e.g. --disable coref.acronym,relations.passive (repeatable; "
                 "`relgraph rules` lists them)")
      ->delimiter(',')
      ->allow_extra_args(false)  // one value per --disable: a following input path stays an input
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("RULE[,RULE]");
}

void check_disable(const PipelineOptions& options) {
  if (!options.disable.empty()) (void)make_pipeline(options);  // throws Error(InvalidArgument) naming an unknown rule
}

void add_rules_command(CLI::App& app) {
  struct Options {
    std::string models_dir, schemas_dir;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("rules", "List the named rules of each stage (for --disable)");
  cmd->add_option("--models", o->models_dir, "Models directory (default: $RELGRAPH_MODELS or models/)");
  cmd->add_option("--schemas", o->schemas_dir, "Schemas directory (default: $RELGRAPH_SCHEMAS or schemas/)");
  cmd->add_flag("--json", o->json, "Print {\"stage\": [\"rule\", ...], ...}");
  cmd->callback([o] {
    PipelineOptions p;
    p.models_dir = o->models_dir;
    p.schemas_dir = o->schemas_dir;
    Pipeline pipeline = make_pipeline(p);
    std::vector<std::pair<std::string, std::vector<std::string>>> stages;
    for (const auto& stage : pipeline.stages()) stages.emplace_back(stage->name(), stage->rules());
    stages.emplace_back("graph", graph_rules());  // applied by build_graph() after the stages
    if (o->json) {
      std::cout << "{";
      bool first_stage = true;
      for (const auto& [name, rules] : stages) {
        std::cout << (first_stage ? "" : ", ") << "\"" << json_escape(name) << "\": [";
        first_stage = false;
        bool first = true;
        for (const auto& rule : rules) {
          std::cout << (first ? "" : ", ") << "\"" << json_escape(rule) << "\"";
          first = false;
        }
        std::cout << "]";
      }
      std::cout << "}\n";
      return;
    }
    // One rule a line, tab after the stage name: easy to cut -f2 in scripts.
    for (const auto& [name, rules] : stages)
      for (const auto& rule : rules) std::cout << name << "\t" << rule << "\n";
  });
}

}  // namespace relgraph::cli
