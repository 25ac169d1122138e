// `relgraph rules [--json]`: the named rules (sieves, constructions) of each
// pipeline stage, which `--disable RULE[,RULE]` switches off on extract,
// entities, eval kg and eval ner (tools/ablate.sh measures each one).
// Tests: tests/eval_cli_test.cpp
#include <iostream>

#include "cli/commands.hpp"
#include "cli/json_text.hpp"
#include "relgraph/pipeline.hpp"

namespace relgraph::cli {

void add_disable_option(CLI::App& cmd, std::vector<std::string>& disable) {
  cmd.add_option("--disable", disable,
                 "Switch off named rules, e.g. --disable coref.acronym,relations.passive (repeatable; "
                 "`relgraph rules` lists them)")
      ->delimiter(',')
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
    if (o->json) {
      std::cout << "{";
      bool first_stage = true;
      for (const auto& stage : pipeline.stages()) {
        std::cout << (first_stage ? "" : ", ") << "\"" << json_escape(stage->name()) << "\""
                  << ": [";
        first_stage = false;
        bool first = true;
        for (const auto& rule : stage->rules()) {
          std::cout << (first ? "" : ", ") << "\"" << json_escape(rule) << "\"";
          first = false;
        }
        std::cout << "]";
      }
      std::cout << "}\n";
      return;
    }
    // One rule a line, tab after the stage name: easy to cut -f2 in scripts.
    for (const auto& stage : pipeline.stages())
      for (const auto& rule : stage->rules()) std::cout << stage->name() << "\t" << rule << "\n";
  });
}

}  // namespace relgraph::cli
