// Shared by the libFuzzer targets: input as a string, and the check that a
// reader either returns or throws relgraph::Error (anything else is a bug).
#pragma once
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "relgraph/error.hpp"
#include "relgraph/io.hpp"

namespace relgraph::fuzz {

inline std::string input(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Reads `text` as `format`; a graph that was read is written back in every
// format, so the writers see whatever the readers let through.
inline void read_and_write_back(const std::string& format, const std::string& text) {
  KnowledgeGraph g;
  try {
    std::istringstream in(text);
    g = make_importer(format)->read(in, "fuzz-input");
  } catch (const Error&) {
    return;
  }
  for (const char* out_format : {"jsonld", "graphml", "dot", "tsv", "ntriples", "cypher", "kuzu-cypher"}) {
    std::ostringstream out;
    try {
      make_exporter(out_format)->write(g, out);
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Internal) throw;  // a bug, not a refusal
    }
  }
}

}  // namespace relgraph::fuzz
