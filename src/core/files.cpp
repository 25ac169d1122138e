// Checked input reading and atomic output. Tests: tests/core_test.cpp
#include "core/files.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "relgraph/error.hpp"

namespace relgraph {

const char* to_string(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::InvalidArgument: return "invalid-argument";
    case ErrorKind::NotFound: return "not-found";
    case ErrorKind::Io: return "io";
    case ErrorKind::InvalidInput: return "invalid-input";
    case ErrorKind::Format: return "format";
    case ErrorKind::Model: return "model";
    case ErrorKind::Internal: return "internal";
  }
  return "unknown";
}

namespace detail {
namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    if (std::cin.bad()) throw Error(ErrorKind::Io, "cannot read standard input");
    return ss.str();
  }
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error(ErrorKind::NotFound, "'" + path + "': no such file");
  if (fs::is_directory(path, ec)) throw Error(ErrorKind::InvalidArgument, "'" + path + "' is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::Io, "cannot open '" + path + "': " + std::strerror(errno));
  // One sized read: models are tens of megabytes and must load fast.
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  in.seekg(0, std::ios::beg);
  std::string data;
  if (size > 0) {
    data.resize(static_cast<std::size_t>(size));
    in.read(data.data(), size);
  } else {  // not seekable (a pipe or /proc file): read it as a stream
    data.assign((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  if (in.bad() || (size > 0 && in.gcount() != size)) throw Error(ErrorKind::Io, "cannot read '" + path + "'");
  return data;
}

std::size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    int len;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (int k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and out-of-range code points are invalid.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += len;
  }
  return std::string_view::npos;
}

void check_text(std::string_view text, const std::string& name) {
  if (text.size() > kMaxInputBytes)
    throw Error(ErrorKind::InvalidInput, "'" + name + "' is too large (" + std::to_string(text.size()) +
                                             " bytes; the limit is " + std::to_string(kMaxInputBytes) + ")");
  if (text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos)
    throw Error(ErrorKind::InvalidInput, "'" + name + "' is empty (no text to process)");
  if (auto nul = text.find('\0'); nul != std::string_view::npos)
    throw Error(ErrorKind::InvalidInput, "'" + name + "' looks like a binary file (NUL byte at offset " +
                                             std::to_string(nul) + ")");
  if (auto bad = find_invalid_utf8(text); bad != std::string_view::npos)
    throw Error(ErrorKind::InvalidInput, "'" + name + "' is not valid UTF-8 (bad byte 0x" +
                                             [&] { char b[8]; std::snprintf(b, sizeof b, "%02X", (unsigned char)text[bad]); return std::string(b); }() +
                                             " at offset " + std::to_string(bad) + ")");
}

std::string read_text(const std::string& path) {
  std::string text = read_file(path);
  check_text(text, path == "-" ? "<stdin>" : path);
  return text;
}

void write_atomic(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw Error(ErrorKind::Io, "cannot write to standard output");
    return;
  }
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw Error(ErrorKind::Io, "cannot write '" + path + "': directory '" + dir.string() + "' does not exist");
  if (fs::is_directory(target, ec)) throw Error(ErrorKind::Io, "cannot write '" + path + "': it is a directory");
  std::string tmp_file = ".";
  tmp_file += target.filename().string();
  tmp_file += ".tmp-XXXXXX";
  std::string tmp_name = (dir / tmp_file).string();
  int fd = ::mkstemp(tmp_name.data());
  if (fd < 0) throw Error(ErrorKind::Io, "cannot write '" + path + "': " + std::strerror(errno));
  ::close(fd);
  try {
    {
      std::ofstream out(tmp_name, std::ios::binary | std::ios::trunc);
      if (!out) throw Error(ErrorKind::Io, "cannot write '" + path + "': " + std::strerror(errno));
      write(out);
      out.flush();
      if (!out) throw Error(ErrorKind::Io, "cannot write '" + path + "' (disk full?)");
    }
    fs::permissions(tmp_name, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                  fs::perms::others_read, ec);
    fs::rename(tmp_name, target, ec);
    if (ec) throw Error(ErrorKind::Io, "cannot write '" + path + "': " + ec.message());
  } catch (...) {
    fs::remove(tmp_name, ec);
    throw;
  }
}

void write_atomic(const std::string& path, std::string_view content) {
  write_atomic(path, [&](std::ostream& out) { out.write(content.data(), static_cast<std::streamsize>(content.size())); });
}

}  // namespace detail
}  // namespace relgraph
