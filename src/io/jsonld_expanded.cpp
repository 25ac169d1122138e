// Expanded and flattened JSON-LD (no @context: full IRIs, @value objects)
// to RDF triples, so graphs that jsonld.js or rdflib rewrote read back.
// Tests: tests/rdf_in_test.cpp
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/files.hpp"
#include "io/codec.hpp"
#include "io/rdf_graph.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {
namespace {

using Value = rapidjson::Value;
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";
const std::string kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

class Expanded {
 public:
  explicit Expanded(std::string source) : source_(std::move(source)) {}

  std::vector<RdfTriple> read(std::string_view text) {
    std::string scratch;
    std::string_view json = plain_json_zeros(text, scratch);
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseFullPrecisionFlag>(json.data(), json.size());
    if (doc.HasParseError())
      throw Error(ErrorKind::Format, "'" + source_ + "' line " + std::to_string(line_of(text, doc.GetErrorOffset())) +
                                         ": invalid JSON: " + rapidjson::GetParseError_En(doc.GetParseError()));
    nodes(doc);
    return std::move(triples_);
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw Error(ErrorKind::Format, "'" + source_ + "': expanded JSON-LD " + what);
  }

  // A top-level array of node objects, or an object holding them in @graph.
  void nodes(const Value& v) {
    if (v.IsArray()) {
      for (const auto& item : v.GetArray()) nodes(item);
    } else if (v.IsObject() && v.HasMember("@graph") && !v.HasMember("@id")) {
      nodes(v["@graph"]);
    } else if (v.IsObject()) {
      node(v);
    } else {
      fail("has a top-level item that is not a node object");
    }
  }

  // Emits a node object's triples; returns its subject term.
  RdfTerm node(const Value& obj) {
    RdfTerm subject;
    auto id = obj.FindMember("@id");
    if (id != obj.MemberEnd()) {
      if (!id->value.IsString()) fail("has a non-string @id");
      subject = reference(id->value.GetString());
    } else {
      subject = {RdfTerm::Kind::Blank, "jsonld" + std::to_string(next_blank_++), ""};
    }
    for (const auto& m : obj.GetObject()) {
      std::string key(m.name.GetString(), m.name.GetStringLength());
      if (key == "@type") {
        for (const Value* t : as_list(m.value)) {
          if (!t->IsString()) fail("has a non-string @type");
          triples_.push_back({subject, {RdfTerm::Kind::Iri, kRdfType, ""}, reference(t->GetString())});
        }
      } else if (key == "@graph" && !obj.HasMember("@type")) {
        nodes(m.value);
      } else if (!key.empty() && key[0] != '@') {
        RdfTerm predicate{RdfTerm::Kind::Iri, key, ""};
        for (const Value* v : as_list(m.value)) object(subject, predicate, *v);
      }
    }
    return subject;
  }

  void object(const RdfTerm& subject, const RdfTerm& predicate, const Value& v) {
    if (!v.IsObject()) fail("property <" + predicate.value + "> has a value that is not an object (not expanded?)");
    if (auto list = v.FindMember("@list"); list != v.MemberEnd()) {
      for (const Value* item : as_list(list->value)) object(subject, predicate, *item);
      return;
    }
    if (auto value = v.FindMember("@value"); value != v.MemberEnd()) {
      triples_.push_back({subject, predicate, literal(value->value, v)});
      return;
    }
    if (v.MemberCount() == 1 && v.HasMember("@id")) {
      if (!v["@id"].IsString()) fail("has a non-string @id");
      triples_.push_back({subject, predicate, reference(v["@id"].GetString())});
      return;
    }
    triples_.push_back({subject, predicate, node(v)});  // an embedded node (blank or named)
  }

  RdfTerm literal(const Value& value, const Value& holder) const {
    RdfTerm t{RdfTerm::Kind::Literal, "", ""};
    if (auto type = holder.FindMember("@type"); type != holder.MemberEnd() && type->value.IsString())
      t.datatype = type->value.GetString();
    if (value.IsString()) {
      t.value.assign(value.GetString(), value.GetStringLength());
    } else if (value.IsBool()) {
      t.value = value.GetBool() ? "true" : "false";
      if (t.datatype.empty()) t.datatype = kXsd + "boolean";
    } else if (value.IsInt64()) {
      t.value = std::to_string(value.GetInt64());
      if (t.datatype.empty()) t.datatype = kXsd + "integer";
    } else if (value.IsNumber()) {
      t.value = format_number(value.GetDouble());
      if (t.datatype.empty()) t.datatype = kXsd + "double";
    } else {
      fail("has an @value that is not a string, number or boolean");
    }
    return t;
  }

  static RdfTerm reference(const std::string& id) {
    if (id.starts_with("_:")) return {RdfTerm::Kind::Blank, id.substr(2), ""};
    return {RdfTerm::Kind::Iri, id, ""};
  }

  static std::vector<const Value*> as_list(const Value& v) {
    std::vector<const Value*> out;
    if (v.IsArray())
      for (const auto& item : v.GetArray()) out.push_back(&item);
    else
      out.push_back(&v);
    return out;
  }

  std::string source_;
  std::vector<RdfTriple> triples_;
  std::size_t next_blank_ = 0;
};

}  // namespace

std::vector<RdfTriple> parse_expanded_jsonld(std::string_view text, const std::string& source) {
  return Expanded(source).read(text);
}

}  // namespace relgraph::detail
