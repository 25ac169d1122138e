// Builds the standard pipeline from an installed relgraph, extracts a short
// invented article and prints where the data came from and the triple count.
#include <iostream>
#include <string>

#include "relgraph/error.hpp"
#include "relgraph/extract.hpp"
#include "relgraph/pipeline.hpp"

int main() {
  const std::string data = RELGRAPH_DATA_DIR;
  const std::string text =
      "Marta Velasquez founded Corvane Robotics in Lisbon in 2019.\n"
      "The company hired Tomas Brandt as its chief engineer last year.\n";
  try {
    auto pipeline = relgraph::make_pipeline({.models_dir = data + "/models", .schemas_dir = data + "/schemas"});
    const relgraph::KnowledgeGraph graph = relgraph::extract_graph(text, "consumer.txt", pipeline);
    std::cout << "data: " << data << "\n";
    std::cout << "triples: " << graph.num_relations() << "\n";
  } catch (const relgraph::Error& e) {
    std::cerr << "relgraph_consumer: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
