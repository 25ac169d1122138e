// File helpers shared by every stage: checked input reading (UTF-8, size,
// binary detection) and atomic output (temporary file + rename).
// Tests: tests/core_test.cpp
#pragma once
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

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

// Writes to `path` atomically: `write` fills a stream bound to a temporary
// file in the same directory, which is renamed over `path` only if everything
// succeeded. "-" writes to stdout. Throws Error(Io) naming `path`.
void write_atomic(const std::string& path, const std::function<void(std::ostream&)>& write);
void write_atomic(const std::string& path, std::string_view content);

}  // namespace relgraph::detail
