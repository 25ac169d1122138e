// The format factory (one table row per format), format detection from file
// extensions, and atomic save/load. Tests: tests/io_test.cpp
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "core/files.hpp"
#include "io/codec.hpp"
#include "io/neo4j_export.hpp"
#include "relgraph/error.hpp"
#include "relgraph/io.hpp"

namespace relgraph {
namespace {

struct Format {
  const char* name;
  std::vector<const char*> extensions;
  std::unique_ptr<Exporter> (*exporter)();  // nullptr: cannot be written
  std::unique_ptr<Importer> (*importer)();  // nullptr: cannot be read
};

// Add a format with one line here.
const std::vector<Format>& formats() {
  static const std::vector<Format> table = {
      {"jsonld", {".jsonld", ".json"}, detail::make_jsonld_exporter, detail::make_jsonld_importer},
      {"graphml", {".graphml"}, detail::make_graphml_exporter, detail::make_graphml_importer},
      {"dot", {".dot", ".gv"}, detail::make_dot_exporter, nullptr},
      {"tsv", {".tsv"}, detail::make_tsv_exporter, detail::make_tsv_importer},
      {"ntriples", {".nt"}, detail::make_ntriples_exporter, detail::make_ntriples_importer},
      {"html", {".html", ".htm"}, detail::make_viewer_exporter, nullptr},
      {"neo4j-nodes", {}, detail::make_neo4j_nodes_exporter, nullptr},
      {"neo4j-relationships", {}, detail::make_neo4j_relationships_exporter, nullptr},
      {"cypher", {".cypher", ".cql"}, detail::make_cypher_exporter, nullptr},
      {"kuzu-cypher", {}, detail::make_kuzu_cypher_exporter, nullptr},
      {"kuzu-entities", {}, detail::make_kuzu_entities_exporter, nullptr},
      {"kuzu-relations", {}, detail::make_kuzu_relations_exporter, nullptr},
      {"kuzu-load", {}, detail::make_kuzu_load_exporter, nullptr},
  };
  return table;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

const Format& find_format(const std::string& name) {
  for (const auto& f : formats())
    if (name == f.name) return f;
  throw Error(ErrorKind::InvalidArgument,
              "unknown graph format '" + name + "' (known: " + joined(exporter_names()) + ")");
}

}  // namespace

std::unique_ptr<Exporter> make_exporter(const std::string& format) {
  const Format& f = find_format(format);
  if (!f.exporter)
    throw Error(ErrorKind::InvalidArgument,
                "graph format '" + format + "' cannot be written (writable: " + joined(exporter_names()) + ")");
  return f.exporter();
}

std::unique_ptr<Importer> make_importer(const std::string& format, const ImportOptions& options) {
  if (format == "graphml") return detail::make_graphml_importer(options.label_key);
  return make_importer(format);
}

std::unique_ptr<Importer> make_importer(const std::string& format) {
  const Format& f = find_format(format);
  if (!f.importer)
    throw Error(ErrorKind::InvalidArgument,
                "graph format '" + format + "' cannot be read (readable: " + joined(importer_names()) + ")");
  return f.importer();
}

std::vector<std::string> exporter_names() {
  std::vector<std::string> names;
  for (const auto& f : formats())
    if (f.exporter) names.emplace_back(f.name);
  return names;
}

std::vector<std::string> importer_names() {
  std::vector<std::string> names;
  for (const auto& f : formats())
    if (f.importer) names.emplace_back(f.name);
  return names;
}

std::string format_from_path(const std::string& path) {
  auto dot = path.rfind('.');
  auto slash = path.rfind('/');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    std::string ext = path.substr(dot);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const auto& f : formats())
      for (const char* e : f.extensions)
        if (ext == e) return f.name;
  }
  std::string known;
  for (const auto& f : formats())
    for (const char* e : f.extensions) {
      if (!known.empty()) known += ' ';
      known += e;
    }
  throw Error(ErrorKind::InvalidArgument, "cannot tell the graph format of '" + path + "' from its extension (known: " +
                                              known + "); name the format explicitly");
}

void save_graph(const KnowledgeGraph& graph, const std::string& path, const std::string& format) {
  if (format.empty() && path == "-")
    throw Error(ErrorKind::InvalidArgument, "writing to standard output needs an explicit format");
  auto exporter = make_exporter(format.empty() ? format_from_path(path) : format);
  // A failing exporter never touches the target: a regular file is written
  // through write_atomic's temporary file (no copy of a large graph's text
  // in memory); standard output, a device or a FIFO gets the text rendered
  // in memory first.
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (path != "-" &&
      (status.type() == std::filesystem::file_type::not_found || std::filesystem::is_regular_file(status))) {
    detail::write_atomic(path, [&](std::ostream& out) { exporter->write(graph, out); });
    return;
  }
  std::ostringstream out;
  exporter->write(graph, out);
  detail::write_atomic(path, out.view());
}

KnowledgeGraph load_graph(const std::string& path, const std::string& format) {
  return load_graph(path, format, ImportOptions{});
}

KnowledgeGraph load_graph(const std::string& path, const std::string& format, const ImportOptions& options) {
  if (format.empty() && path == "-")
    throw Error(ErrorKind::InvalidArgument, "reading from standard input needs an explicit format");
  auto importer = make_importer(format.empty() ? format_from_path(path) : format, options);
  std::istringstream in(detail::read_file(path));
  return importer->read(in, path == "-" ? "<stdin>" : path);
}

}  // namespace relgraph
