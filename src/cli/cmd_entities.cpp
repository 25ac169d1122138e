// `relgraph entities [FILE|-]`: tokenizes (or reads pretokenized) text, runs
// the entity stage and prints IOB2 columns (index, token, tag) or JSON spans
// with type, subtype, canonical name, byte offsets and normalised value.
// Tests: tests/ner_test.cpp
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/keep_until_exit.hpp"
#include "cli/syntax_pipeline.hpp"
#include "core/files.hpp"
#include "ner/iob2.hpp"
#include "ner/recognizer.hpp"
#include "relgraph/error.hpp"
#include "relgraph/pipeline.hpp"
#include "tag/tagger.hpp"
#include "text/tokenizer.hpp"

namespace relgraph::cli {

namespace {

struct EntitiesArgs {
  std::string input = "-";
  std::string output = "-";
  std::string format = "iob2";
  bool pretokenized = false;
  bool json = false;
  std::vector<std::string> disable;  // named rules switched off
};

void json_string(std::ostream& o, std::string_view s) {
  o << '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        o << "\\\"";
        break;
      case '\\':
        o << "\\\\";
        break;
      case '\n':
        o << "\\n";
        break;
      case '\t':
        o << "\\t";
        break;
      case '\r':
        o << "\\r";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          o << buf;
        } else {
          o << c;
        }
    }
  }
  o << '"';
}

void write_json(const Document& doc, std::ostream& o) {
  o << "{\"document\": ";
  json_string(o, doc.id);
  o << ", \"mentions\": [";
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
    const auto& m = doc.mentions[i];
    o << (i ? ",\n  " : "\n  ") << "{\"text\": ";
    json_string(o, m.text);
    o << ", \"type\": ";
    json_string(o, m.type);
    o << ", \"subtype\": ";
    json_string(o, m.subtype);
    o << ", \"canonical\": ";
    json_string(o, m.canonical);
    o << ", \"value\": ";
    json_string(o, m.value);
    o << ", \"begin\": " << m.span.begin << ", \"end\": " << m.span.end << ", \"sentence\": " << m.span.sentence + 1
      << ", \"first\": " << m.span.first << ", \"last\": " << m.span.last << "}";
  }
  o << (doc.mentions.empty() ? "" : "\n") << "]}\n";
}

void run(const EntitiesArgs& a) {
  if (a.format != "iob2" && a.format != "json")
    throw Error(ErrorKind::InvalidArgument, "unknown --format '" + a.format + "' (expected iob2 or json)");
  PipelineOptions opt;
  opt.pretokenized = a.pretokenized;
  opt.disable = a.disable;
  check_disable(opt);  // rules of later stages (coreference, relations) do not change the entities
  auto entities = make_entity_stage(opt);
  Pipeline& pipeline = keep_until_exit(Pipeline{});
  pipeline.add(cli::make_whole_text_stage());
  pipeline.add(make_tokenizer_stage(opt));
  for (Layer need : entities->needs())
    if (need == Layer::Tags) pipeline.add(make_tagger_stage(opt));
  pipeline.add(std::move(entities));
  Document doc;
  doc.id = a.input;
  doc.text = detail::read_text(a.input);
  pipeline.run(doc);
  bool json = a.json || a.format == "json";
  detail::write_atomic(a.output, [&](std::ostream& out) {
    if (json)
      write_json(doc, out);
    else
      ner::write_iob2(doc, out);
  });
}

}  // namespace

void add_entities_command(CLI::App& app) {
  auto args = std::make_shared<EntitiesArgs>();
  auto* cmd = app.add_subcommand("entities", "Find named entities (PER, ORG, LOC, ...) and values in a text");
  cmd->add_option("input", args->input, "Text file ('-' = stdin)")->capture_default_str();
  cmd->add_flag("--pretokenized", args->pretokenized, "One sentence a line, tokens separated by spaces");
  cmd->add_option("--format", args->format,
                  "iob2: index, token, tag per line (conlleval/seqeval); json: mentions with type, subtype, "
                  "canonical name, byte offsets and normalised value")
      ->capture_default_str();
  cmd->add_flag("--json", args->json, "Same as --format json");
  cmd->add_option("-o,--output", args->output, "Output file ('-' = stdout), written atomically")->capture_default_str();
  add_disable_option(*cmd, args->disable);
  cmd->callback([args] { run(*args); });
}

}  // namespace relgraph::cli
