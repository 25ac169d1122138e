// Shared encoders for the format writers and readers (numbers, percent-encoding,
// JSON list fields). Tests: tests/io_test.cpp
#include "io/codec.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

#include "core/files.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(Writer& w, const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

rapidjson::Document parse_json_array(const std::string& json, const std::string& where) {
  check_json_nesting(json, where);
  std::string scratch;
  std::string_view text = plain_json_zeros(json, scratch);
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  if (doc.HasParseError())
    throw Error(ErrorKind::Format, where + ": invalid JSON list (" + rapidjson::GetParseError_En(doc.GetParseError()) +
                                       " at offset " + std::to_string(doc.GetErrorOffset()) + ")");
  if (!doc.IsArray()) throw Error(ErrorKind::Format, where + ": expected a JSON array, got '" + json + "'");
  return doc;
}

std::string get_string(const rapidjson::Value& obj, const char* name, const std::string& where) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd()) return "";
  if (!it->value.IsString()) throw Error(ErrorKind::Format, where + ": '" + name + "' must be a string");
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

template <class T>
T get_int(const rapidjson::Value& obj, const char* name, T fallback, const std::string& where) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd()) return fallback;
  if (!it->value.IsInt64()) throw Error(ErrorKind::Format, where + ": '" + name + "' must be an integer");
  auto v = it->value.GetInt64();
  if (!std::in_range<T>(v))
    throw Error(ErrorKind::Format, where + ": '" + name + "' is out of range (" + std::to_string(v) + ")");
  return static_cast<T>(v);
}

template <class Span>
void write_span(Writer& w, const Span& s) {
  w.Key("document");
  write_string(w, s.document);
  w.Key("sentence");
  w.Int64(sentence_number(s.sentence));
  w.Key("begin");
  w.Uint64(s.begin);
  w.Key("end");
  w.Uint64(s.end);
}

template <class Span>
Span read_span(const rapidjson::Value& v, const std::string& where) {
  if (!v.IsObject()) throw Error(ErrorKind::Format, where + ": each list item must be a JSON object");
  Span s;
  s.document = get_string(v, "document", where);
  s.sentence = sentence_index(get_int<int>(v, "sentence", 0, where));
  s.begin = get_int<std::size_t>(v, "begin", 0, where);
  s.end = get_int<std::size_t>(v, "end", 0, where);
  return s;
}

}  // namespace

std::string format_number(double value) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  if (ec != std::errc()) throw Error(ErrorKind::Internal, "cannot format a number");
  return std::string(buf, end);
}

double parse_number(std::string_view text, const std::string& where) {
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    throw Error(ErrorKind::Format, where + ": '" + std::string(text) + "' is not a number");
  return v;
}

std::size_t parse_index(std::string_view text, const std::string& where) {
  std::size_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    throw Error(ErrorKind::Format, where + ": '" + std::string(text) + "' is not a non-negative integer");
  return v;
}

std::string percent_encode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) && c < 0x80) {
      out += static_cast<char>(c);
    } else if (c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string wikidata_property(const RelationEdge& edge) {
  auto it = edge.attributes.find("wikidata");
  if (it == edge.attributes.end()) return "";
  const std::string& id = it->second;
  bool ok = id.size() >= 2 && id.size() <= 12 && id[0] == 'P' &&
            std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
  return ok ? id : "";
}

bool wikidata_inverse(const RelationEdge& edge) {
  auto it = edge.attributes.find("wikidata_inverse");
  return it != edge.attributes.end() && it->second == "true";
}

std::string percent_decode(std::string_view text, const std::string& where) {
  auto digit = [&](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    throw Error(ErrorKind::Format, where + ": bad percent escape in '" + std::string(text) + "'");
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size())
      throw Error(ErrorKind::Format, where + ": truncated percent escape in '" + std::string(text) + "'");
    int byte = digit(text[i + 1]) * 16 + digit(text[i + 2]);
    if (byte == 0)  // would cut ids short in C-string consumers (Graphviz, shells)
      throw Error(ErrorKind::Format, where + ": '%00' in '" + std::string(text) + "' decodes to a NUL character");
    out += static_cast<char>(byte);
    i += 2;
  }
  return out;
}

std::string strings_to_json(const std::vector<std::string>& values) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartArray();
  for (const auto& v : values) write_string(w, v);
  w.EndArray();
  return buf.GetString();
}

std::vector<std::string> strings_from_json(const std::string& json, const std::string& where) {
  auto doc = parse_json_array(json, where);
  std::vector<std::string> out;
  for (const auto& v : doc.GetArray()) {
    if (!v.IsString()) throw Error(ErrorKind::Format, where + ": expected a list of strings, got '" + json + "'");
    out.emplace_back(v.GetString(), v.GetStringLength());
  }
  return out;
}

std::string mentions_to_json(const std::vector<MentionRef>& mentions) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartArray();
  for (const auto& m : mentions) {
    w.StartObject();
    write_span(w, m);
    w.EndObject();
  }
  w.EndArray();
  return buf.GetString();
}

std::vector<MentionRef> mentions_from_json(const std::string& json, const std::string& where) {
  auto doc = parse_json_array(json, where);
  std::vector<MentionRef> out;
  for (const auto& v : doc.GetArray()) out.push_back(read_span<MentionRef>(v, where));
  return out;
}

std::string evidence_to_json(const std::vector<Evidence>& evidence) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartArray();
  for (const auto& e : evidence) {
    w.StartObject();
    write_span(w, e);
    w.Key("text");
    write_string(w, e.text);
    w.EndObject();
  }
  w.EndArray();
  return buf.GetString();
}

std::vector<Evidence> evidence_from_json(const std::string& json, const std::string& where) {
  auto doc = parse_json_array(json, where);
  std::vector<Evidence> out;
  for (const auto& v : doc.GetArray()) {
    Evidence e = read_span<Evidence>(v, where);
    e.text = get_string(v, "text", where);
    out.push_back(std::move(e));
  }
  return out;
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

const std::vector<std::string>& jsonld_entity_types() {
  // not English: schema.org type names
  static const std::vector<std::string> types = {"CreativeWork", "Country", "Date",  "Event",   "Literal",  "Money",
                                                 "Organization", "Person",  "Place", "Product", "Quantity", "Thing"};
  return types;
}

}  // namespace relgraph::detail
