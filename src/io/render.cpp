// Diagrams through Graphviz gvc: layout (chosen by size, or dot, neato, fdp,
// sfdp), then SVG, PNG or PDF rendered into memory and written atomically.
// Tests: tests/io_test.cpp
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string_view>

#include "core/files.hpp"
#include "io/cgraph.hpp"
#include "relgraph/error.hpp"
#include "relgraph/io.hpp"

namespace relgraph {
namespace {

// not English: layout names
const std::vector<std::string> kLayouts = {"auto", "dot", "neato", "fdp", "sfdp"};
const std::vector<std::string> kFormats = {"svg", "png", "pdf", "html"};

// The viewer page lays out in the browser; past this it stops responding.
constexpr std::size_t kMaxViewerEntities = 10000, kMaxViewerRelations = 20000;

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::string render_format(const std::string& path, const RenderOptions& options) {
  std::string format = options.format;
  if (format.empty()) {
    auto dot = path.rfind('.');
    if (path == "-" || dot == std::string::npos || path.find('/', dot) != std::string::npos)
      throw Error(ErrorKind::InvalidArgument, "cannot tell the image format of '" + path +
                                                  "'; use a .svg, .png, .pdf or .html name or name the format");
    format = path.substr(dot + 1);
    std::transform(format.begin(), format.end(), format.begin(), [](unsigned char c) { return std::tolower(c); });
  }
  if (std::find(kFormats.begin(), kFormats.end(), format) == kFormats.end())
    throw Error(ErrorKind::InvalidArgument,
                "unknown image format '" + format + "' for '" + path + "' (known: " + list(kFormats) + ")");
  return format;
}

void set(void* object, const char* name, const char* value) {
  agsafeset(object, const_cast<char*>(name), const_cast<char*>(value), const_cast<char*>(""));
}

// Graph-level attributes that keep 50-100 node graphs legible in each layout.
// Graphs past this size get cheaper settings: with obstacle-avoiding splines
// sfdp took over 300 s on 1,600 entities / 2,000 facts (7 s with straight
// edges), dot 172 s (31 s with tighter crossing-minimisation limits).
constexpr std::size_t kLargeNodes = 200, kLargeEdges = 300;
// What dot (crossing minimisation) and neato/fdp (stress, forces with
// obstacle-avoiding splines) lay out in a few seconds: on random graphs dot
// took 0.25 s CPU for 282 entities / 399 facts but 5 s for 382 / 600 and 16 s
// for 483 / 800; neato 0.8 s for 574 / 990.
struct LayoutCap {
  std::size_t entities, facts;
};
LayoutCap layout_cap(const std::string& layout) {
  if (layout == "dot") return {300, 400};
  return {600, 1000};
}

// dot reads best for a small connected graph; on more than a few dozen
// entities it grows very wide, so neato; past kLargeNodes only sfdp (a
// multilevel force layout) stays fast.
std::string choose_layout(const KnowledgeGraph& graph) {
  std::size_t nodes = graph.num_entities(), edges = graph.num_relations();
  if (nodes > kLargeNodes || edges > kLargeEdges) return "sfdp";
  auto components = graph.components();
  bool connected = std::all_of(components.begin(), components.end(), [](std::size_t c) { return c == 0; });
  if (nodes <= 30 && connected) return "dot";
  return "neato";
}

void apply_layout_style(Agraph_t* g, const std::string& layout, std::size_t nodes, std::size_t edges,
                        double max_pixels) {
  bool large = nodes > kLargeNodes || edges > kLargeEdges;
  // `size` in inches scales a bigger drawing down to max_pixels on its longer
  // side: PNG at 96 dpi, SVG and PDF in points (72 an inch), which a browser
  // shows at 96 pixels an inch.
  if (max_pixels > 0) {
    std::string inches = std::to_string(max_pixels / 96.0);
    set(g, "size", (inches + "," + inches).c_str());
  }
  set(g, "fontname", "Helvetica");
  set(g, "bgcolor", "white");
  set(g, "pad", "0.3");
  set(g, "outputorder", "edgesfirst");
  set(g, "fontsize", "10");
  if (layout == "dot") {
    // Top to bottom keeps the picture near 16:10; left to right grows very wide.
    set(g, "rankdir", "TB");
    set(g, "nodesep", "0.3");
    set(g, "ranksep", nodes > 40 ? "0.6" : "0.45");
    set(g, "newrank", "true");
    if (large) set(g, "mclimit", "0.1"), set(g, "nslimit", "1"), set(g, "nslimit1", "1");
  } else {
    // Force-directed layouts: spread nodes far enough apart for edge labels.
    // neato keeps each edge near its `len` (set from the labels) with vpsc;
    // prism would shrink short edges back under their labels.
    if (layout == "neato") {
      set(g, "overlap", "vpsc");
    } else {
      set(g, "overlap", "prism");
      set(g, "overlap_scaling", "-6");
    }
    set(g, "sep", "+18");
    set(g, "esep", "+8");
    set(g, "splines", large ? "false" : "true");
    // Components side by side in a compact block, not strewn over the plane.
    set(g, "pack", "24");
    set(g, "packmode", "graph");
    if (layout == "neato") set(g, "mode", "major");
    if (layout == "fdp") set(g, "K", "1.6");
    if (layout == "sfdp") set(g, "K", "1.4"), set(g, "repulsiveforce", "1.5");
  }
}

// For dot, what Graphviz's `unflatten` does: a node with many successors
// puts them all on the next rank, so stagger its out-edges over a few ranks;
// and stack isolated nodes into short invisible chains instead of one long row.
void unflatten(Agraph_t* g) {
  constexpr int kFanOut = 6;
  std::vector<Agnode_t*> isolated;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    int out = agdegree(g, n, 0, 1);
    if (agdegree(g, n, 1, 1) == 0 && std::string_view(agnameof(n)) != "relgraph legend") isolated.push_back(n);
    if (out <= kFanOut) continue;
    int levels = std::min(6, (out + kFanOut - 1) / kFanOut);
    int i = 0;
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e), ++i)
      set(e, "minlen", std::to_string(1 + i % levels).c_str());
  }
  if (isolated.size() < 4) return;
  std::size_t chain = std::max<std::size_t>(3, static_cast<std::size_t>(std::sqrt(isolated.size())));
  for (std::size_t i = 1; i < isolated.size(); ++i) {
    if (i % chain == 0) continue;
    Agedge_t* e = agedge(g, isolated[i - 1], isolated[i], nullptr, 1);
    set(e, "style", "invis");
    set(e, "label", "");
    set(e, "tooltip", "");
  }
}

// Width in inches of the longest line of an escString label ("a\\nb"), at
// `per_char` inches a character.
double label_width(const char* label, double per_char) {
  std::size_t longest = 0, line = 0;
  for (const char* c = label ? label : ""; *c; ++c) {
    if (c[0] == '\\' && c[1] == 'n') {
      line = 0;
      ++c;
      continue;
    }
    longest = std::max(longest, ++line);
  }
  return per_char * static_cast<double>(longest);
}

// neato puts an edge's label at its middle: make each edge long enough for
// half of each end node, the label and a margin, so that labels of short
// edges are not buried under the nodes.
void lengthen_for_labels(Agraph_t* g) {
  constexpr double kNodeChar = 0.085, kEdgeChar = 0.07, kMargin = 0.3;  // inches (12 pt and 10 pt type)
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
      double ends = (label_width(agget(agtail(e), const_cast<char*>("label")), kNodeChar) +
                     label_width(agget(aghead(e), const_cast<char*>("label")), kNodeChar)) /
                    2;
      double len = ends + label_width(agget(e, const_cast<char*>("label")), kEdgeChar) + kMargin;
      set(e, "len", std::to_string(std::max(1.0, len)).c_str());
    }
}

// One Graphviz context for the whole process, never freed (used under the
// CgraphSession lock). Graphviz 2.42's pango plugin keeps a pointer to the
// last font name, which the context owns: after gvFreeContext the next
// render's text sizing reads freed memory (docs/hardening.md has a 20-line
// reproduction without relgraph).
GVC_t* graphviz_context() {
  static GVC_t* const gvc = gvContext();
  return gvc;
}

}  // namespace

void render_graph(const KnowledgeGraph& graph, const std::string& path, const RenderOptions& options) {
  if (std::find(kLayouts.begin(), kLayouts.end(), options.layout) == kLayouts.end())
    throw Error(ErrorKind::InvalidArgument, "unknown layout '" + options.layout + "' (known: " + list(kLayouts) + ")");
  std::string format = render_format(path, options);
  bool page = format == "html";
  std::size_t max_entities = page ? kMaxViewerEntities : kMaxRenderEntities;
  std::size_t max_relations = page ? kMaxViewerRelations : kMaxRenderRelations;
  if (graph.num_entities() > max_entities || graph.num_relations() > max_relations)
    throw Error(ErrorKind::InvalidArgument,
                "cannot draw '" + path + "': " + std::to_string(graph.num_entities()) + " entities and " +
                    std::to_string(graph.num_relations()) + " facts are more than " +
                    (page ? "a viewer page" : "a picture") + " shows (at most " + std::to_string(max_entities) +
                    " entities, " + std::to_string(max_relations) +
                    " facts); draw a part: the most central entities (--top N), one entity's neighbourhood "
                    "(--focus ENTITY --hops K) or the confident facts (--min-confidence X)" +
                    (page ? "" : ", or write the interactive viewer (-o graph.html)"));
  if (page) {
    save_graph(graph, path, "html");
    return;
  }
  std::string layout = options.layout == "auto" ? choose_layout(graph) : options.layout;
  // The time cap: only sfdp lays out thousands of entities in seconds (dot and
  // neato took 40-46 s on 1,600 entities / 2,000 facts, fdp 8 s).
  if (LayoutCap cap = layout_cap(layout);
      layout != "sfdp" && (graph.num_entities() > cap.entities || graph.num_relations() > cap.facts))
    throw Error(ErrorKind::InvalidArgument,
                "cannot draw '" + path + "' with layout '" + layout + "' in reasonable time: " +
                    std::to_string(graph.num_entities()) + " entities and " + std::to_string(graph.num_relations()) +
                    " facts (at most " + std::to_string(cap.entities) + " entities, " + std::to_string(cap.facts) +
                    " facts); use layout sfdp or auto, or draw a part (--top N, --focus ENTITY --hops K)");

  detail::CgraphSession session;
  auto blame = [&](const std::string& what) {
    std::string m = session.messages();
    return "cannot render '" + path + "': " + what + (m.empty() ? "" : " (Graphviz: " + m + ")");
  };
  GVC_t* gvc = graphviz_context();
  if (!gvc) throw Error(ErrorKind::Internal, blame("Graphviz could not start"));
  detail::AgraphPtr g = detail::build_cgraph(graph, detail::CgraphPurpose::Render, options.legend);
  apply_layout_style(g.get(), layout, graph.num_entities(), graph.num_relations(), options.max_pixels);
  if (format == "png") set(g.get(), "dpi", "96");
  if (layout == "dot") unflatten(g.get());
  if (layout == "neato") lengthen_for_labels(g.get());
  if (gvLayout(gvc, g.get(), layout.c_str()) != 0)
    throw Error(ErrorKind::Internal, blame("layout '" + layout + "' failed"));
  char* data = nullptr;
  unsigned int length = 0;
  int status = gvRenderData(gvc, g.get(), format.c_str(), &data, &length);
  std::unique_ptr<char, void (*)(char*)> owned(data, gvFreeRenderData);
  gvFreeLayout(gvc, g.get());
  if (status != 0 || !data) throw Error(ErrorKind::Internal, blame("Graphviz could not produce " + format));
  detail::write_atomic(path, std::string_view(data, length));
}

}  // namespace relgraph
