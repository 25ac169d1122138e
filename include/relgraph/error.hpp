// relgraph's one error vocabulary. Library code throws relgraph::Error; only
// the CLI's main() turns it into a message on stderr and an exit status.
#pragma once
#include <stdexcept>
#include <string>

namespace relgraph {

enum class ErrorKind {
  InvalidArgument,  // a caller passed a bad option or value (unknown format, bad flag)
  NotFound,         // a file, model, entity name or resource does not exist
  Io,               // reading or writing failed (permissions, disk full, unwritable dir)
  InvalidInput,     // input text is unusable: invalid UTF-8, NUL bytes, empty, too large
  Format,           // a structured file (CoNLL-U, JSON-LD, GraphML, TSV) is malformed
  Model,            // a model file is missing, truncated, of a newer version or not a model
  Internal,         // a broken invariant: a bug in relgraph
};

// Every message names the culprit: "cannot read model 'models/x.bin': format
// version 7 is newer than this build (5)".
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const noexcept { return kind_; }

 private:
  ErrorKind kind_;
};

// Name of an error kind, for messages and JSON output ("invalid-input").
const char* to_string(ErrorKind kind) noexcept;

}  // namespace relgraph
