// Triples TSV: one row per relation, a header naming the columns, fields
// quoted like Python's csv module (excel-tab dialect) when they hold a tab,
// newline or double quote. Tests: tests/io_test.cpp
#include <cstdio>
#include <istream>
#include <iterator>
#include <limits>
#include <map>
#include <ostream>
#include <set>

#include "core/files.hpp"
#include "io/codec.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {
namespace {

// The columns ../shared/eval/kgscore.py and other consumers expect, then
// polarity and modality so a negated or hypothetical fact is never mistaken
// for an asserted one.
// not English: column names of the TSV format
const std::vector<std::string> kColumns = {"subject",      "predicate",   "object",     "confidence",
                                           "sentence",     "evidence",    "subject_id", "object_id",
                                           "subject_type", "object_type", "negated",    "modality"};

void write_field(std::ostream& out, const std::string& s) {
  if (s.find_first_of("\t\n\r\"") == std::string::npos) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

// "3,7": the distinct sentence numbers (from 1) of a fact's evidence.
std::string sentence_list(const std::vector<Evidence>& evidence) {
  std::set<int> sentences;
  for (const auto& e : evidence)
    if (e.sentence >= 0) sentences.insert(e.sentence);
  std::string out;
  for (int s : sentences) {
    if (!out.empty()) out += ',';
    out += std::to_string(sentence_number(s));
  }
  return out;
}

std::string first_text(const std::vector<Evidence>& evidence) {
  for (const auto& e : evidence)
    if (!e.text.empty()) return e.text;
  return "";
}

class TsvExporter : public Exporter {
 public:
  std::string name() const override { return "tsv"; }
  void write(const KnowledgeGraph& graph, std::ostream& out) const override {
    for (std::size_t i = 0; i < kColumns.size(); ++i) out << (i ? "\t" : "") << kColumns[i];
    out << '\n';
    const auto& g = graph.graph();
    for (auto e : graph.canonical_edges()) {
      const RelationEdge& r = g[e];
      const EntityNode& s = g[boost::source(e, g)];
      const EntityNode& o = g[boost::target(e, g)];
      const std::string fields[] = {s.label,
                                    r.predicate,
                                    o.label,
                                    format_number(r.confidence),
                                    sentence_list(r.evidence),
                                    first_text(r.evidence),
                                    s.id,
                                    o.id,
                                    s.type,
                                    o.type,
                                    r.negated ? "true" : "false",
                                    r.modality};
      for (std::size_t i = 0; i < std::size(fields); ++i) {
        if (i) out << '\t';
        write_field(out, fields[i]);
      }
      out << '\n';
    }
  }
};

std::string hex_byte(char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned char>(c));
  return buf;
}

// Reads quoted TSV records; tracks the line each record starts on.
class RecordReader {
 public:
  RecordReader(std::istream& in, const std::string& source)
      : text_(std::istreambuf_iterator<char>(in), {}), source_(source) {
    if (text_.rfind("\xEF\xBB\xBF", 0) == 0) pos_ = 3;  // a UTF-8 byte-order mark (Excel, Notepad)
    if (auto bad = find_invalid_utf8(text_); bad != std::string::npos)
      throw Error(ErrorKind::Format, "'" + source_ + "' line " + std::to_string(line_at(text_, bad)) +
                                         ": not valid UTF-8 (byte " + hex_byte(text_[bad]) + ")");
    if (auto nul = text_.find('\0'); nul != std::string::npos)
      throw Error(ErrorKind::Format,
                  "'" + source_ + "' line " + std::to_string(line_at(text_, nul)) + ": a NUL byte (binary data?)");
  }

  // Next record, or false at the end of input.
  bool next(std::vector<std::string>& fields) {
    fields.clear();
    if (pos_ >= text_.size()) return false;
    record_line_ = line_;
    std::string field;
    while (true) {
      if (pos_ < text_.size() && text_[pos_] == '"') {
        read_quoted(field);
      } else {
        while (pos_ < text_.size() && text_[pos_] != '\t' && text_[pos_] != '\n') field += text_[pos_++];
        if (!field.empty() && field.back() == '\r' && (pos_ >= text_.size() || text_[pos_] == '\n')) field.pop_back();
      }
      fields.push_back(std::move(field));
      field.clear();
      if (pos_ >= text_.size()) return true;
      char c = text_[pos_++];
      if (c == '\n') {
        ++line_;
        return true;
      }
    }
  }
  std::string where() const { return "'" + source_ + "' line " + std::to_string(record_line_); }

 private:
  void read_quoted(std::string& field) {
    std::size_t start_line = line_;
    ++pos_;
    while (true) {
      if (pos_ >= text_.size())
        throw Error(ErrorKind::Format,
                    "'" + source_ + "' line " + std::to_string(start_line) + ": a quoted field is never closed");
      char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field += '"';
          ++pos_;
          continue;
        }
        break;
      }
      if (c == '\n') ++line_;
      field += c;
    }
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] != '\t' && text_[pos_] != '\n')
      throw Error(ErrorKind::Format,
                  "'" + source_ + "' line " + std::to_string(line_) + ": unexpected text after a closing quote");
  }

  std::string text_;
  std::string source_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t record_line_ = 1;
};

class TsvImporter : public Importer {
 public:
  std::string name() const override { return "tsv"; }
  KnowledgeGraph read(std::istream& in, const std::string& source) const override {
    RecordReader reader(in, source);
    std::vector<std::string> header, row;
    if (!reader.next(header)) throw Error(ErrorKind::Format, "'" + source + "' is empty (expected a TSV header row)");
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i) column.emplace(header[i], i);
    for (const char* required : {"subject", "predicate", "object"})
      if (!column.count(required))
        throw Error(ErrorKind::Format, reader.where() + ": the header has no '" + required +
                                           "' column (expected subject, predicate, object, ...)");
    KnowledgeGraph graph;
    while (reader.next(row)) {
      if (row.size() == 1 && row[0].empty()) continue;  // blank line
      if (row.size() != header.size())
        throw Error(ErrorKind::Format, reader.where() + ": " + std::to_string(row.size()) +
                                           " fields, but the header has " + std::to_string(header.size()));
      add_row(graph, column, row, reader.where());
    }
    graph.canonicalize();
    return graph;
  }

 private:
  static void add_row(KnowledgeGraph& graph, const std::map<std::string, std::size_t>& column,
                      const std::vector<std::string>& row, const std::string& where) {
    auto get = [&](const char* name) -> std::string {
      auto it = column.find(name);
      return it == column.end() ? "" : row[it->second];
    };
    auto entity = [&](const char* label, const char* id, const char* type) {
      EntityNode n;
      n.id = get(id);
      n.label = get(label);
      n.type = get(type);
      if (n.label.empty()) throw Error(ErrorKind::Format, where + ": the " + std::string(label) + " is empty");
      return graph.add_entity(std::move(n));
    };
    auto s = entity("subject", "subject_id", "subject_type");
    auto o = entity("object", "object_id", "object_type");
    RelationEdge r;
    r.predicate = r.surface = get("predicate");
    if (r.predicate.empty()) throw Error(ErrorKind::Format, where + ": the predicate is empty");
    if (auto c = get("confidence"); !c.empty()) r.confidence = parse_number(c, where + ", confidence");
    std::string negated = get("negated");
    if (negated != "" && negated != "true" && negated != "false")
      throw Error(ErrorKind::Format, where + ": negated must be true or false, not '" + negated + "'");
    r.negated = negated == "true";
    r.modality = get("modality");
    std::string text = get("evidence"), sentences = get("sentence");
    for (std::size_t start = 0; !sentences.empty() && start <= sentences.size();) {
      auto comma = sentences.find(',', start);
      auto piece = sentences.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      auto index = parse_index(piece, where + ", sentence");
      if (index > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw Error(ErrorKind::Format, where + ", sentence: " + std::string(piece) + " is out of range (the limit is " +
                                           std::to_string(std::numeric_limits<int>::max()) + ")");
      Evidence ev;  // 0: the sentence is unknown
      ev.sentence = sentence_index(static_cast<long long>(index));
      if (r.evidence.empty()) ev.text = text;
      r.evidence.push_back(std::move(ev));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    if (r.evidence.empty() && !text.empty()) {
      Evidence ev;
      ev.text = text;
      r.evidence.push_back(std::move(ev));
    }
    graph.add_relation(s, o, std::move(r));
  }
};

}  // namespace

std::unique_ptr<Exporter> make_tsv_exporter() { return std::make_unique<TsvExporter>(); }
std::unique_ptr<Importer> make_tsv_importer() { return std::make_unique<TsvImporter>(); }

}  // namespace relgraph::detail
