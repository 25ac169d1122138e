// DOT written through Graphviz cgraph (agopen/agnode/agedge/agsafeset/agwrite):
// node name = entity id, label = canonical label, edge label = predicate,
// backslashes doubled (escString). Tests: tests/io_test.cpp
#include <ostream>

#include "io/cgraph.hpp"
#include "io/codec.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {
namespace {

int put_string(void* channel, const char* text) {
  auto* out = static_cast<std::ostream*>(channel);
  *out << text;
  return *out ? 0 : EOF;
}

int flush_stream(void* channel) {
  static_cast<std::ostream*>(channel)->flush();
  return 0;
}

class DotExporter : public Exporter {
 public:
  std::string name() const override { return "dot"; }
  void write(const KnowledgeGraph& graph, std::ostream& out) const override {
    CgraphSession session;
    AgraphPtr g = build_cgraph(graph, CgraphPurpose::Export, false);
    // agwrite writes through the graph's I/O discipline; point it at `out`.
    Agiodisc_t io = AgIoDisc;
    io.putstr = put_string;
    io.flush = flush_stream;
    Agiodisc_t* saved = g->clos->disc.io;
    g->clos->disc.io = &io;
    int status = agwrite(g.get(), &out);
    g->clos->disc.io = saved;
    if (status != 0 || !out)
      throw Error(ErrorKind::Io, "cannot write DOT" + (session.messages().empty() ? "" : ": " + session.messages()));
  }
};

}  // namespace

std::unique_ptr<Exporter> make_dot_exporter() { return std::make_unique<DotExporter>(); }

}  // namespace relgraph::detail
