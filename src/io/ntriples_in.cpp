// N-Triples in: Serd parses the document into triples, graph_from_rdf
// rebuilds the graph. Tests: tests/rdf_in_test.cpp
#include <serd/serd.h>

#include <cstdarg>
#include <cstdio>
#include <istream>
#include <iterator>
#include <memory>

#include "io/codec.hpp"
#include "io/rdf_graph.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {
namespace {

struct Sink {
  std::vector<RdfTriple> triples;
  std::string error;
};

RdfTerm term(const SerdNode* node, const SerdNode* datatype) {
  RdfTerm t;
  t.value.assign(reinterpret_cast<const char*>(node->buf), node->n_bytes);
  t.kind = node->type == SERD_BLANK     ? RdfTerm::Kind::Blank
           : node->type == SERD_LITERAL ? RdfTerm::Kind::Literal
                                        : RdfTerm::Kind::Iri;
  if (datatype && datatype->buf) t.datatype.assign(reinterpret_cast<const char*>(datatype->buf), datatype->n_bytes);
  return t;
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode*, const SerdNode* subject,
                        const SerdNode* predicate, const SerdNode* object, const SerdNode* datatype, const SerdNode*) {
  static_cast<Sink*>(handle)->triples.push_back(
      {term(subject, nullptr), term(predicate, nullptr), term(object, datatype)});
  return SERD_SUCCESS;
}

SerdStatus on_error(void* handle, const SerdError* error) {
  char message[512];
  va_list args;
  va_copy(args, *error->args);
  std::vsnprintf(message, sizeof message, error->fmt, args);
  va_end(args);
  auto& sink = *static_cast<Sink*>(handle);
  if (sink.error.empty()) {
    std::string text = message;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    sink.error = "line " + std::to_string(error->line) + ": " + text;
  }
  return SERD_SUCCESS;
}

class NTriplesImporter : public Importer {
 public:
  std::string name() const override { return "ntriples"; }
  KnowledgeGraph read(std::istream& in, const std::string& source) const override {
    std::string text(std::istreambuf_iterator<char>(in), {});
    return graph_from_rdf(parse_ntriples(text, source), source);
  }
};

}  // namespace

std::vector<RdfTriple> parse_ntriples(std::string_view text, const std::string& source) {
  Sink sink;
  std::unique_ptr<SerdReader, void (*)(SerdReader*)> reader(
      serd_reader_new(SERD_NTRIPLES, &sink, nullptr, nullptr, nullptr, on_statement, nullptr), serd_reader_free);
  if (!reader) throw Error(ErrorKind::Internal, "cannot create an N-Triples reader");
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(reader.get(), on_error, &sink);
  std::string input(text);  // Serd reads a NUL-terminated string
  SerdStatus status = serd_reader_read_string(reader.get(), reinterpret_cast<const uint8_t*>(input.c_str()));
  if (status != SERD_SUCCESS || !sink.error.empty())
    throw Error(ErrorKind::Format, "'" + source + "': invalid N-Triples: " +
                                       (sink.error.empty() ? "Serd status " + std::to_string(status) : sink.error));
  return std::move(sink.triples);
}

std::unique_ptr<Importer> make_ntriples_importer() { return std::make_unique<NTriplesImporter>(); }

}  // namespace relgraph::detail
