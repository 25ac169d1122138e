// libFuzzer target: the N-Triples reader, then every writer on what it read.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  relgraph::fuzz::read_and_write_back("ntriples", relgraph::fuzz::input(data, size));
  return 0;
}
