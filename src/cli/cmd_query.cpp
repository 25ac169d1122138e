// `relgraph query GRAPH <command>`: stats, entities, neighbors, facts, path,
// central, subgraph over a saved graph. Prints what relgraph::GraphQuery
// returns, as text or --json. Tests: tests/query_test.cpp (QueryCli).
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "io/neo4j_export.hpp"
#include "relgraph/error.hpp"
#include "relgraph/io.hpp"
#include "relgraph/query.hpp"

namespace relgraph::cli {
namespace {

struct QueryArgs {
  std::string graph;
  std::string format;
  bool json = false;
  std::string name, other, type, by = "pagerank", output, out_format;
  int depth = 1;
  std::size_t top = 10;
  bool mentions = false;
  GraphFilter filter;
};

using Json = rapidjson::Writer<rapidjson::OStreamWrapper>;

void json_entity(Json& w, const KnowledgeGraph& g, Vertex v) {
  const auto& n = g.node(v);
  w.StartObject();
  w.Key("id");
  w.String(n.id.c_str());
  w.Key("label");
  w.String(n.label.c_str());
  w.Key("type");
  w.String(n.type.c_str());
  if (!n.aliases.empty()) {
    w.Key("aliases");
    w.StartArray();
    for (const auto& a : n.aliases) w.String(a.c_str());
    w.EndArray();
  }
  if (!n.value.empty()) {
    w.Key("value");
    w.String(n.value.c_str());
  }
  w.EndObject();
}

void json_fact(Json& w, const KnowledgeGraph& g, Edge e) {
  const auto& gr = g.graph();
  const auto& r = g.edge(e);
  w.StartObject();
  w.Key("subject");
  json_entity(w, g, boost::source(e, gr));
  w.Key("predicate");
  w.String(r.predicate.c_str());
  w.Key("object");
  json_entity(w, g, boost::target(e, gr));
  w.Key("surface");
  w.String(r.surface.c_str());
  w.Key("confidence");
  w.Double(r.confidence);
  w.Key("negated");
  w.Bool(r.negated);
  w.Key("modality");
  w.String(r.modality.c_str());
  w.Key("attributes");
  w.StartObject();
  for (const auto& [k, v] : r.attributes) {
    w.Key(k.c_str());
    w.String(v.c_str());
  }
  w.EndObject();
  w.Key("evidence");
  w.StartArray();
  for (const auto& ev : r.evidence) {
    w.StartObject();
    w.Key("document");
    w.String(ev.document.c_str());
    w.Key("sentence");
    w.Int(ev.sentence >= 0 ? ev.sentence + 1 : 0);  // from 1, as in the text output
    w.Key("begin");
    w.Uint64(ev.begin);
    w.Key("end");
    w.Uint64(ev.end);
    w.Key("text");
    w.String(ev.text.c_str());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

std::string entity_text(const KnowledgeGraph& g, Vertex v) {
  const auto& n = g.node(v);
  return n.type.empty() ? n.label : n.label + " (" + n.type + ")";
}

void print_fact(std::ostream& out, const KnowledgeGraph& g, Edge e, const std::string& indent) {
  const auto& r = g.edge(e);
  out << indent << describe(g, e);
  if (r.confidence > 0) out << "  [" << std::fixed << std::setprecision(2) << r.confidence << "]";
  for (const auto& [k, v] : r.attributes) out << "  " << k << "=" << v;
  out << "\n";
  for (const auto& ev : r.evidence) {
    out << indent << "    ";
    if (!ev.document.empty()) out << ev.document << " ";
    if (ev.sentence >= 0) out << "sentence " << ev.sentence + 1;
    out << ": \"" << ev.text << "\"\n";
  }
}

// Runs `body` with a JSON writer on stdout and ends the line.
template <class F>
void with_json(F body) {
  rapidjson::OStreamWrapper os(std::cout);
  Json w(os);
  body(w);
  std::cout << "\n";
}

void run_stats(const GraphQuery& q, const QueryArgs& a) {
  auto s = q.stats();
  if (a.json) {
    with_json([&](Json& w) {
      w.StartObject();
      w.Key("entities");
      w.Uint64(s.entities);
      w.Key("relations");
      w.Uint64(s.relations);
      w.Key("relationship_types");
      w.Uint64(s.by_predicate.size());
      w.Key("evidence");
      w.Uint64(s.evidence);
      w.Key("documents");
      w.Uint64(s.documents);
      w.Key("components");
      w.Uint64(s.components);
      w.Key("component_sizes");
      w.StartArray();
      for (auto n : s.component_sizes) w.Uint64(n);
      w.EndArray();
      w.Key("isolated");
      w.Uint64(s.isolated);
      for (auto [key, counts] : {std::pair{"by_type", &s.by_type}, std::pair{"by_predicate", &s.by_predicate}}) {
        w.Key(key);
        w.StartObject();
        for (const auto& [k, n] : *counts) {
          w.Key(k.c_str());
          w.Uint64(n);
        }
        w.EndObject();
      }
      w.EndObject();
    });
    return;
  }
  std::cout << "entities    " << s.entities << "\n"
            << "relations   " << s.relations << " (" << s.evidence << " pieces of evidence from " << s.documents
            << " documents)\n"
            << "relationship types  " << s.by_predicate.size() << "\n"
            << "components  " << s.components;
  if (!s.component_sizes.empty())
    std::cout << " (largest " << s.component_sizes.front() << " entities; " << s.isolated << " isolated)";
  std::cout << "\n";
  for (auto [title, counts] :
       {std::pair{"entities by type", &s.by_type}, std::pair{"relations by predicate", &s.by_predicate}}) {
    std::cout << "\n" << title << ":\n";
    std::vector<std::pair<std::size_t, std::string>> rows;
    for (const auto& [k, n] : *counts) rows.emplace_back(n, k);
    std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    for (const auto& [n, k] : rows) std::cout << "  " << std::setw(6) << n << "  " << k << "\n";
  }
}

void run_entities(const GraphQuery& q, const QueryArgs& a) {
  const auto& g = q.graph();
  auto list = q.entities(a.type);
  if (a.json) {
    with_json([&](Json& w) {
      w.StartArray();
      for (auto v : list) json_entity(w, g, v);
      w.EndArray();
    });
    return;
  }
  for (auto v : list) {
    const auto& n = g.node(v);
    std::cout << n.label << "\t" << n.type << "\t" << n.id;
    if (!n.aliases.empty()) {
      std::cout << "\taka ";
      for (std::size_t i = 0; i < n.aliases.size(); ++i) std::cout << (i ? "; " : "") << n.aliases[i];
    }
    std::cout << "\n";
  }
}

void run_neighbors(const GraphQuery& q, const QueryArgs& a) {
  const auto& g = q.graph();
  auto start = q.resolve(a.name);
  auto list = q.neighbors(start, a.depth);
  if (a.json) {
    with_json([&](Json& w) {
      w.StartObject();
      w.Key("entity");
      json_entity(w, g, start);
      w.Key("neighbors");
      w.StartArray();
      for (const auto& n : list) {
        w.StartObject();
        w.Key("entity");
        json_entity(w, g, n.vertex);
        w.Key("distance");
        w.Int(n.distance);
        w.Key("via");
        w.String(g.node(n.via).id.c_str());
        w.Key("facts");
        w.StartArray();
        for (auto e : n.edges) json_fact(w, g, e);
        w.EndArray();
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    });
    return;
  }
  std::cout << entity_text(g, start) << ": " << list.size() << " entities within " << a.depth
            << (a.depth == 1 ? " hop" : " hops") << "\n";
  for (const auto& n : list) {
    std::cout << "  " << n.distance << "  " << entity_text(g, n.vertex) << "\n";
    for (auto e : n.edges) std::cout << "       " << describe(g, e) << "\n";
  }
}

void run_facts(const GraphQuery& q, const QueryArgs& a) {
  const auto& g = q.graph();
  auto v = q.resolve(a.name);
  auto facts = q.facts(v);
  if (a.json) {
    with_json([&](Json& w) {
      w.StartObject();
      w.Key("entity");
      json_entity(w, g, v);
      w.Key("facts");
      w.StartArray();
      for (const auto& f : facts) json_fact(w, g, f.edge);
      w.EndArray();
      w.EndObject();
    });
    return;
  }
  const auto& n = g.node(v);
  std::cout << entity_text(g, v) << "  id " << n.id;
  if (!n.value.empty()) std::cout << "  value " << n.value;
  std::cout << "\n";
  if (!n.aliases.empty()) {
    std::cout << "  also called: ";
    for (std::size_t i = 0; i < n.aliases.size(); ++i) std::cout << (i ? "; " : "") << n.aliases[i];
    std::cout << "\n";
  }
  for (const auto& [k, val] : n.attributes) std::cout << "  " << k << ": " << val << "\n";
  if (!n.mentions.empty()) std::cout << "  mentioned " << n.mentions.size() << " times\n";
  std::cout << "  " << facts.size() << (facts.size() == 1 ? " fact\n" : " facts\n");
  for (const auto& f : facts) print_fact(std::cout, g, f.edge, "  ");
}

void run_path(const GraphQuery& q, const QueryArgs& a) {
  const auto& g = q.graph();
  auto from = q.resolve(a.name), to = q.resolve(a.other);
  auto p = q.path(from, to);
  if (!p)
    throw Error(ErrorKind::NotFound,
                "'" + g.node(from).label + "' and '" + g.node(to).label + "' are not connected in '" + a.graph + "'");
  if (a.json) {
    with_json([&](Json& w) {
      w.StartObject();
      w.Key("from");
      json_entity(w, g, from);
      w.Key("to");
      json_entity(w, g, to);
      w.Key("hops");
      w.StartArray();
      for (const auto& h : p->hops) {
        w.StartObject();
        w.Key("from");
        w.String(g.node(h.from).id.c_str());
        w.Key("to");
        w.String(g.node(h.to).id.c_str());
        w.Key("forward");
        w.Bool(h.forward);
        w.Key("fact");
        json_fact(w, g, h.edge);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    });
    return;
  }
  std::cout << entity_text(g, from) << " -> " << entity_text(g, to) << ": " << p->hops.size()
            << (p->hops.size() == 1 ? " hop" : " hops") << "\n";
  for (std::size_t i = 0; i < p->hops.size(); ++i) {
    std::cout << "  " << i + 1 << ". ";
    print_fact(std::cout, g, p->hops[i].edge, "");
  }
}

void run_central(const GraphQuery& q, const QueryArgs& a) {
  const auto& g = q.graph();
  auto by = centrality_from_string(a.by);
  auto ranked = q.central(by, a.type.empty() ? a.top : 0);
  if (!a.type.empty()) {
    auto want = q.entities(a.type);
    std::erase_if(ranked, [&](const Ranked& r) { return std::find(want.begin(), want.end(), r.vertex) == want.end(); });
    if (a.top && ranked.size() > a.top) ranked.resize(a.top);
  }
  if (a.json) {
    with_json([&](Json& w) {
      w.StartArray();
      for (const auto& r : ranked) {
        w.StartObject();
        w.Key("entity");
        json_entity(w, g, r.vertex);
        w.Key(to_string(by));
        w.Double(r.score);
        w.EndObject();
      }
      w.EndArray();
    });
    return;
  }
  std::cout << "rank  " << std::setw(11) << to_string(by) << "  entity\n";
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    std::cout << std::setw(4) << i + 1 << "  " << std::setw(11) << std::setprecision(by == Centrality::Degree ? 0 : 4)
              << std::fixed << ranked[i].score << "  " << entity_text(g, ranked[i].vertex) << "\n";
  }
}

bool is_picture(const std::string& path) {
  for (const char* ext : {".svg", ".png", ".pdf"}) {
    std::string e = ext;
    if (path.size() > e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

void run_subgraph(const GraphQuery& q, const QueryArgs& a) {
  auto sub = q.subgraph(q.resolve(a.name), a.depth);
  if (a.out_format.empty() && is_picture(a.output)) {
    render_graph(sub, a.output);
  } else {
    std::string format = a.out_format.empty() && a.output == "-" ? "jsonld" : a.out_format;
    if (format == "neo4j")
      detail::save_neo4j_directory(sub, a.output);
    else
      save_graph(sub, a.output, format);
  }
  if (a.json && a.output != "-") {
    with_json([&](Json& w) {
      w.StartObject();
      w.Key("output");
      w.String(a.output.c_str());
      w.Key("entities");
      w.Uint64(sub.num_entities());
      w.Key("relations");
      w.Uint64(sub.num_relations());
      w.EndObject();
    });
  }
}

}  // namespace

void add_query_command(CLI::App& app) {
  auto args = std::make_shared<QueryArgs>();
  auto* cmd = app.add_subcommand("query", "Ask questions of a saved graph (JSON-LD, GraphML, TSV)");
  cmd->add_option("graph", args->graph, "Graph file, or - for stdin (the default when input is piped)");
  cmd->add_option("--format", args->format, "Input format (default: from the extension or content)");
  cmd->add_flag("--json", args->json, "Print JSON for scripts");
  add_min_confidence(*cmd, args->filter);
  cmd->add_flag("--with-mentions", args->mentions,
                "Let neighbors/path/central/subgraph walk an article's `mentions` edges (left out by default)");
  cmd->require_subcommand(1);
  cmd->footer(
      "Names resolve through ids, labels and aliases, case-insensitively; an ambiguous or unknown\n"
      "name fails with a list of close candidates. Examples:\n"
      "  relgraph query news.jsonld stats\n"
      "  relgraph query news.jsonld path 'Ada Lovelace' 'London' --json\n"
      "  relgraph query news.jsonld subgraph 'London' --depth 2 -o london.svg");

  auto json_flag = [&](CLI::App* sub) { sub->add_flag("--json", args->json, "Print JSON for scripts"); };
  using Runner = void (*)(const GraphQuery&, const QueryArgs&);
  auto bind = [args](CLI::App* sub, Runner run) {
    sub->callback([args, run] {
      auto graph = filter_graph(read_graph(stdin_if_piped(args->graph), args->format), args->filter);
      GraphQuery q(graph, {.article_mentions = args->mentions});
      run(q, *args);
    });
  };

  auto* stats = cmd->add_subcommand("stats", "Counts by type and predicate, connected components");
  json_flag(stats);
  bind(stats, run_stats);

  auto* entities = cmd->add_subcommand("entities", "List entities, sorted by label");
  entities->add_option("--type,-t", args->type, "Only this type (Person, Organization, Country ...)");
  json_flag(entities);
  bind(entities, run_entities);

  auto* neighbors = cmd->add_subcommand("neighbors", "Entities within N hops of an entity");
  neighbors->add_option("name", args->name, "Entity name, alias or id")->required();
  neighbors->add_option("--depth,-d", args->depth, "Hops (default 1)")->check(CLI::PositiveNumber);
  json_flag(neighbors);
  bind(neighbors, run_neighbors);

  auto* facts = cmd->add_subcommand("facts", "Every fact about an entity, with evidence sentences");
  facts->add_option("name", args->name, "Entity name, alias or id")->required();
  json_flag(facts);
  bind(facts, run_facts);

  auto* path = cmd->add_subcommand("path", "Shortest connection between two entities, each hop with evidence");
  path->add_option("from", args->name, "First entity")->required();
  path->add_option("to", args->other, "Second entity")->required();
  json_flag(path);
  bind(path, run_path);

  auto* central = cmd->add_subcommand("central", "Most central entities");
  central->add_option("--by", args->by, "pagerank (default), betweenness or degree");
  central->add_option("-n", args->top, "How many (default 10, 0 = all)");
  central->add_option("--type,-t", args->type, "Only entities of this type");
  json_flag(central);
  bind(central, run_central);

  auto* subgraph = cmd->add_subcommand("subgraph", "The neighbourhood of an entity as a graph file or picture");
  subgraph->add_option("name", args->name, "Entity name, alias or id")->required();
  subgraph->add_option("--depth,-d", args->depth, "Hops (default 1)")->check(CLI::PositiveNumber);
  subgraph->add_option("-o,--output", args->output, "Output: graph file (format from extension) or .svg/.png/.pdf")
      ->required();
  subgraph->add_option(
      "--to", args->out_format, "Output format (" + [] {
        std::string s;
        for (const auto& n : exporter_names()) s += (s.empty() ? "" : ", ") + n;
        return s;
      }() + ", or neo4j: a directory for neo4j-admin import and Kuzu)");
  json_flag(subgraph);
  bind(subgraph, run_subgraph);
}

}  // namespace relgraph::cli
