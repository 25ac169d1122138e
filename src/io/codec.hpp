// Small encoders shared by the format writers and readers: numbers that
// round-trip, percent-encoding for IRIs, JSON for list-valued fields (GraphML
// stores aliases, mentions and evidence as JSON text), and the per-format
// factory functions that formats.cpp lists in its table.
// Tests: tests/io_test.cpp
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/graph.hpp"
#include "relgraph/io.hpp"

namespace relgraph::detail {

// Shortest decimal text that reads back as the same double ("0.85", "1").
std::string format_number(double value);
// Parses a whole string as a finite double; throws Error(Format) naming `where`.
double parse_number(std::string_view text, const std::string& where);
// Parses a whole string as a non-negative integer; throws Error(Format) naming `where`.
std::size_t parse_index(std::string_view text, const std::string& where);

// Percent-encodes every byte outside [A-Za-z0-9-._~] (RFC 3986 unreserved),
// so any string becomes a safe IRI segment; percent_decode is its inverse and
// throws Error(Format) naming `where` on a bad escape.
std::string percent_encode(std::string_view text);
std::string percent_decode(std::string_view text, const std::string& where);

// JSON text of list-valued fields and back (Error(Format) naming `where`).
std::string strings_to_json(const std::vector<std::string>& values);
std::vector<std::string> strings_from_json(const std::string& json, const std::string& where);
std::string mentions_to_json(const std::vector<MentionRef>& mentions);
std::vector<MentionRef> mentions_from_json(const std::string& json, const std::string& where);
std::string evidence_to_json(const std::vector<Evidence>& evidence);
std::vector<Evidence> evidence_from_json(const std::string& json, const std::string& where);

// Sentence numbers in files count from 1, as in every message (0 = unknown);
// in memory they count from 0 (-1 = unknown). Readers also take -1 as unknown.
constexpr long long sentence_number(int index) { return index >= 0 ? index + 1LL : 0; }
constexpr int sentence_index(long long number) { return number > 0 ? static_cast<int>(number - 1) : -1; }

// "line N" of a byte offset into `text`, for parse error messages.
std::size_t line_of(std::string_view text, std::size_t offset);

// The JSON-LD @context, embedded from schemas/context.jsonld (see tools/gen-jsonld-context.sh).
std::string_view jsonld_context();

// Entity types the context maps to schema.org (plus Literal); other types are
// written as rg:<percent-encoded type>.
const std::vector<std::string>& jsonld_entity_types();

// Per-format factories, listed in the table in formats.cpp.
std::unique_ptr<Exporter> make_tsv_exporter();
std::unique_ptr<Importer> make_tsv_importer();
std::unique_ptr<Exporter> make_jsonld_exporter();
std::unique_ptr<Importer> make_jsonld_importer();
std::unique_ptr<Exporter> make_graphml_exporter();
std::unique_ptr<Importer> make_graphml_importer();
// GraphML whose edge predicate is the attribute named `label_key`.
std::unique_ptr<Importer> make_graphml_importer(const std::string& label_key);
std::unique_ptr<Exporter> make_dot_exporter();
std::unique_ptr<Exporter> make_ntriples_exporter();
std::unique_ptr<Importer> make_ntriples_importer();
// The interactive viewer page (viewer.cpp).
std::unique_ptr<Exporter> make_viewer_exporter();

}  // namespace relgraph::detail
