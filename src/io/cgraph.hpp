// Builds a Graphviz cgraph graph from a KnowledgeGraph (used by the DOT
// exporter and the renderer) and captures Graphviz's error messages so that
// library code never prints. Graphviz is not thread-safe: every use goes
// through CgraphSession, which holds a global lock.
// Tests: tests/io_test.cpp
#pragma once
#include <graphviz/cgraph.h>

#include <memory>
#include <mutex>
#include <string>

#include "relgraph/graph.hpp"

namespace relgraph::detail {

struct AgraphClose {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using AgraphPtr = std::unique_ptr<Agraph_t, AgraphClose>;

// Holds the Graphviz lock and collects its messages while alive.
class CgraphSession {
 public:
  CgraphSession();
  ~CgraphSession();
  CgraphSession(const CgraphSession&) = delete;
  CgraphSession& operator=(const CgraphSession&) = delete;
  // Messages Graphviz reported since the session started ("" if none).
  std::string messages() const;

 private:
  std::unique_lock<std::mutex> lock_;
  agusererrf previous_;
};

enum class CgraphPurpose {
  Export,  // exact data: label = canonical label / predicate, plus all scalar fields
  Render,  // a picture: wrapped labels, negation and modality shown in edge labels, a legend
};

// Appearance of an entity type (shared by the renderer's nodes and legend).
struct TypeStyle {
  const char* shape;
  const char* fill;
  const char* border;
};
TypeStyle style_of(const std::string& type);

// DOT escString: backslashes doubled, so cgraph writes and reads every value
// exactly (agwrite does not escape a backslash before a quote or at the end).
std::string dot_escape(const std::string& value);

// The caller must hold a CgraphSession.
AgraphPtr build_cgraph(const KnowledgeGraph& graph, CgraphPurpose purpose, bool legend);

}  // namespace relgraph::detail
