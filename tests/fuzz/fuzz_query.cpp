// libFuzzer target: entity lookup by name (ids, labels, aliases, words,
// edit distance) on a small fixed graph.
#include "fuzz_common.hpp"
#include "relgraph/query.hpp"

namespace {

const relgraph::KnowledgeGraph& graph() {
  static const relgraph::KnowledgeGraph g = [] {
    std::istringstream in(
        "subject\tpredicate\tobject\tsubject_type\tobject_type\n"
        "Mara Quill\tfounded\tTidewater Labs\tPerson\tOrganization\n"
        "Tidewater Labs\tlocated in\tOslo\tOrganization\tPlace\n"
        "Idris Vale\tworks for\tTidewater Labs\tPerson\tOrganization\n"
        "\xC3\x89mile Z\xC3\xBCrn\tmet\tMara Quill\tPerson\tPerson\n");
    return relgraph::make_importer("tsv")->read(in, "graph");
  }();
  return g;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string name = relgraph::fuzz::input(data, size);
  relgraph::GraphQuery q(graph());
  (void)q.lookup(name);
  try {
    auto v = q.resolve(name);
    (void)q.facts(v);
    (void)q.neighbors(v, 2);
  } catch (const relgraph::Error&) {
  }
  (void)relgraph::name_distance(name, "Tidewater Labs");
  return 0;
}
