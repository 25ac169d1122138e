// File helpers shared by every stage: checked input reading (UTF-8, size,
// binary detection) and atomic output (temporary file + rename).
// Tests: tests/core_test.cpp
#pragma once
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace relgraph::detail {

inline constexpr std::size_t kMaxInputBytes = 256u << 20;  // 256 MiB per input text

// Reads a whole file ("-" = stdin) as bytes. Throws NotFound / Io naming the path.
std::string read_file(const std::string& path);

// Reads a text input ("-" = stdin) and checks it: not empty, no NUL bytes,
// valid UTF-8 (the message gives the byte offset), not over kMaxInputBytes.
// Throws Error(InvalidInput) naming `path`. A leading UTF-8 BOM is kept in the
// text (offsets stay exact) but treated as whitespace by the tokenizer.
std::string read_text(const std::string& path);

// Checks text as read_text does; `name` is used in messages.
void check_text(std::string_view text, const std::string& name);

// Offset of the first invalid UTF-8 byte, or npos if the text is valid.
std::size_t find_invalid_utf8(std::string_view text);

// Structured input may nest at most this deep (JSON arrays and objects, XML
// elements): the parsers recurse, and relgraph's own files nest 6 levels.
inline constexpr int kMaxNesting = 256;

// Checks, before a recursive parser sees it, that JSON text nests at most
// kMaxNesting deep (brackets inside strings do not count). Throws
// Error(Format) "<where> line N: ... deeper than 256 levels (the limit)".
void check_json_nesting(std::string_view json, const std::string& where);

// RapidJSON 1.1.0's full-precision number parser (kParseFullPrecisionFlag)
// reads a zero with an exponent or many decimals (`0E0111`, `-0.0e-300`,
// `0.000000000000000000000000`) as garbage: it normalises the zero
// significand with __builtin_clzll(0). Returns `json`, or, if it holds such a
// number outside strings, a copy in `scratch` where each one is `0.0` (`-0.0`)
// padded with spaces: the same zero, every offset and line unchanged. A number
// with more than 17 significant digits, whose 64-bit accumulation in that parser
// can wrap to zero, is rewritten the same way as the double's shortest form.
// Call it on untrusted JSON before that parser sees it.
std::string_view plain_json_zeros(std::string_view json, std::string& scratch);

// 1-based line of byte `offset` in `text`.
std::size_t line_at(std::string_view text, std::size_t offset);

// Writes to `path` atomically: `write` fills a stream bound to a temporary
// file in the same directory (".NAME.relgraph-tmp-PID-XXXXXX"), which is
// renamed over `path` only if everything succeeded. "-" writes to stdout.
//  - A symlink is followed: the file it points to is replaced, not the link.
//  - A target that is not a regular file (device, FIFO, terminal) is written
//    in place, never renamed over; a socket or directory is refused.
//  - The new file gets the mode of the file it replaces, or 0666 minus the
//    umask. Temporaries left by a killed process are removed by the next
//    write to the same target.
// Throws Error(Io) naming `path`, or Error(InvalidArgument) when `path` is a
// file this process read after protect_inputs().
void write_atomic(const std::string& path, const std::function<void(std::ostream&)>& write);
void write_atomic(const std::string& path, std::string_view content);

// Output safety for a command-line run (called once by main):
// protect_inputs() makes write_atomic refuse any regular file read through
// read_file/read_text (or named by note_input) from then on, so `-o` can never
// replace an input; remove_temporaries_on_signal() installs SIGINT, SIGTERM,
// SIGHUP and SIGPIPE handlers that delete the temporaries being written, then
// die of the signal.
void protect_inputs();
void note_input(const std::string& path);
void remove_temporaries_on_signal();
// A command's --timeout: after `seconds` (0: never) the process deletes the
// temporaries being written, prints `message` on stderr and exits with status
// 1, so no output is left half-written.
void exit_after(unsigned seconds, std::string_view message);

// Several files that appear in `dir` together or not at all: write each one
// (with any writer) to path(name), then commit() moves them all into `dir`.
// The staging directory is `dir`/.relgraph-partial-PID-XXXXXX; it is removed
// with its content when the object dies uncommitted, on SIGINT/SIGTERM (see
// remove_temporaries_on_signal) or, after a SIGKILL, by the next StagedFiles
// in the same `dir`. Throws Error(Io) naming `dir`.
class StagedFiles {
 public:
  explicit StagedFiles(const std::string& dir);
  ~StagedFiles();
  StagedFiles(const StagedFiles&) = delete;
  StagedFiles& operator=(const StagedFiles&) = delete;
  std::string path(const std::string& name);
  void commit();

 private:
  std::string dir_, staging_;
  std::vector<std::string> names_;
  std::vector<int> slots_;
  bool committed_ = false;
};

// Untrusted text made safe for a terminal: control bytes, DEL and invalid
// UTF-8 become \xNN (\n, \t, \r as such), the rest is kept.
std::string escape_control(std::string_view text);

}  // namespace relgraph::detail
