// Graph formats: exporters and importers chosen by name through one factory,
// plus atomic file output. Writers never leave a half-written file: output
// goes to a temporary file beside the target and is renamed into place.
//
//   auto out = relgraph::make_exporter("graphml");
//   relgraph::save_graph(g, "out.graphml");        // format from extension
//   auto g2 = relgraph::load_graph("out.graphml");
//
// Errors: Error(InvalidArgument) for an unknown format, Error(Format) naming
// file and line for malformed input, Error(Io)/Error(NotFound) for files.
#pragma once
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "relgraph/graph.hpp"

namespace relgraph {

class Exporter {
 public:
  virtual ~Exporter() = default;
  virtual std::string name() const = 0;  // "graphml"
  virtual void write(const KnowledgeGraph& graph, std::ostream& out) const = 0;
};

class Importer {
 public:
  virtual ~Importer() = default;
  virtual std::string name() const = 0;
  // `source` names the input in error messages.
  virtual KnowledgeGraph read(std::istream& in, const std::string& source) const = 0;
};

// Formats: "jsonld", "graphml", "dot", "tsv", "ntriples", "html" (an
// interactive viewer page, self-contained) (+ more as added).
// N-Triples and JSON-LD in also read what RDF tools made of relgraph's export:
// any triple order, expanded or flattened JSON-LD.
std::unique_ptr<Exporter> make_exporter(const std::string& format);
std::unique_ptr<Importer> make_importer(const std::string& format);
std::vector<std::string> exporter_names();
std::vector<std::string> importer_names();

// Format from a file name's extension: .jsonld/.json, .graphml, .dot/.gv,
// .tsv, .nt; throws Error(InvalidArgument) naming the path if unknown.
std::string format_from_path(const std::string& path);

// Writes `graph` to `path` ("-" = stdout) atomically; format "" = from extension.
void save_graph(const KnowledgeGraph& graph, const std::string& path, const std::string& format = "");
// Reads a graph from `path` ("-" = stdin); format "" = from extension.
KnowledgeGraph load_graph(const std::string& path, const std::string& format = "");

// Reading graphs that other tools wrote.
struct ImportOptions {
  // GraphML: the edge attribute (attr.name) that holds the predicate, for
  // files from networkx or Gephi whose authors named it ("relation", "Label").
  std::string label_key = "label";
};
std::unique_ptr<Importer> make_importer(const std::string& format, const ImportOptions& options);
KnowledgeGraph load_graph(const std::string& path, const std::string& format, const ImportOptions& options);

struct RenderOptions {
  std::string layout = "auto";  // auto (chosen by size), dot, neato, fdp, sfdp
  std::string format = "";      // svg, png, pdf; "" = from extension
  bool legend = true;
  double max_pixels = 2000;  // the picture's longer side at most (PNG pixels, SVG/PDF points * 4/3); 0 = any
};
// The most a picture shows: past this, Graphviz's layouts take more than a few
// seconds and the drawing is unreadable anyway.
constexpr std::size_t kMaxRenderEntities = 2500, kMaxRenderRelations = 5000;
// Renders a diagram through Graphviz gvc, atomically. Graphviz is not
// thread-safe: rendering and the DOT exporter serialise on one global lock.
// "auto" lays out small graphs top-down (dot), news-article sizes with
// neato, larger ones with sfdp and straight edges; components are packed.
// Throws Error(InvalidArgument) for an unknown layout or image format (the
// message names it and the path) and for a graph past kMaxRenderEntities or
// kMaxRenderRelations (the message says how to draw a part of it),
// Error(Io) if the file cannot be written.
void render_graph(const KnowledgeGraph& graph, const std::string& path, const RenderOptions& options = {});

}  // namespace relgraph
