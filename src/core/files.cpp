// Checked input reading and safe output (atomic, in place for devices, never
// over an input, temporaries removed on signals). Tests: tests/core_test.cpp,
// tests/output_safety_test.cpp
#include "core/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <set>
#include <sstream>
#include <vector>

#include "relgraph/error.hpp"

namespace relgraph {

const char* to_string(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::InvalidArgument:
      return "invalid-argument";
    case ErrorKind::NotFound:
      return "not-found";
    case ErrorKind::Io:
      return "io";
    case ErrorKind::InvalidInput:
      return "invalid-input";
    case ErrorKind::Format:
      return "format";
    case ErrorKind::Model:
      return "model";
    case ErrorKind::Internal:
      return "internal";
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
  note_input(path);
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
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else
      return i;
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
    throw Error(ErrorKind::InvalidInput,
                "'" + name + "' looks like a binary file (NUL byte at offset " + std::to_string(nul) + ")");
  if (auto bad = find_invalid_utf8(text); bad != std::string_view::npos)
    throw Error(
        ErrorKind::InvalidInput, "'" + name + "' is not valid UTF-8 (bad byte 0x" +
                                     [&] {
                                       char b[8];
                                       std::snprintf(b, sizeof b, "%02X", (unsigned char)text[bad]);
                                       return std::string(b);
                                     }() +
                                     " at offset " + std::to_string(bad) + ")");
}

std::size_t line_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 +
         static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

void check_json_nesting(std::string_view json, const std::string& where) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxNesting)
        throw Error(ErrorKind::Format, where + " line " + std::to_string(line_at(json, i)) +
                                           ": JSON nested deeper than " + std::to_string(kMaxNesting) +
                                           " levels (the limit)");
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
}

namespace {

// The length of the number JSON's grammar reads at the start of `t` (digits,
// sign, point, exponent) when its significand is zero and it has an exponent
// or two or more decimals: the zeros RapidJSON 1.1.0 cannot read exactly.
// 0 for any other token. What follows the number ("-0e5.01") is left to the
// parser, which refuses it, but only after it has read the number.
std::size_t awkward_zero(std::string_view t) {
  std::size_t i = t.starts_with('-') ? 1 : 0;
  if (i >= t.size() || t[i] != '0') return 0;
  ++i;
  std::size_t decimals = 0;
  if (i < t.size() && t[i] == '.') {
    std::size_t digits = ++i;
    while (i < t.size() && t[i] == '0') ++i;
    decimals = i - digits;
    if (decimals == 0 || (i < t.size() && t[i] >= '1' && t[i] <= '9')) return 0;
  }
  if (i == t.size() || (t[i] != 'e' && t[i] != 'E')) return decimals >= 2 ? i : 0;
  ++i;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  const std::size_t exponent = i;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  return i > exponent ? i : 0;
}

// The length of the number JSON's grammar reads at the start of `t`, 0 if none.
std::size_t json_number_length(std::string_view t) {
  auto digits = [&](std::size_t i) {
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i;
  };
  std::size_t i = t.starts_with('-') ? 1 : 0;
  if (i >= t.size() || t[i] < '0' || t[i] > '9') return 0;
  i = t[i] == '0' ? i + 1 : digits(i);
  if (i + 1 < t.size() && t[i] == '.' && t[i + 1] >= '0' && t[i + 1] <= '9') i = digits(i + 1);
  if (i + 1 < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    std::size_t j = i + 1;
    if (t[j] == '+' || t[j] == '-') ++j;
    if (j < t.size() && t[j] >= '0' && t[j] <= '9') i = digits(j);
  }
  return i;
}

// A number at the start of `t` with more significant digits than a double
// holds (over 17): RapidJSON 1.1.0 accumulates them in 64 bits, which can wrap
// to a zero significand (the same __builtin_clzll(0)). Returns the double's
// shortest form when it is no longer than the number, else "" (also for other
// numbers, and out of range ones, which the parser refuses itself).
std::string shortest_long_number(std::string_view t) {
  const std::size_t n = json_number_length(t);
  std::size_t significant = 0;
  bool leading = true;
  for (std::size_t i = 0; i < n && t[i] != 'e' && t[i] != 'E'; ++i) {
    if (t[i] < '0' || t[i] > '9' || (leading && t[i] == '0')) continue;
    leading = false;
    ++significant;
  }
  if (significant <= 17) return {};
  double value = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + n, value);
  if (ec != std::errc() || end != t.data() + n) return {};
  std::string best;
  for (auto format : {std::chars_format::general, std::chars_format::fixed, std::chars_format::scientific}) {
    char buf[400];
    auto [last, ec2] = std::to_chars(buf, buf + sizeof buf, value, format);
    std::size_t size = static_cast<std::size_t>(last - buf);
    if (ec2 == std::errc() && size <= n && (best.empty() || size < best.size())) best.assign(buf, size);
  }
  return best;
}

}  // namespace

std::string_view plain_json_zeros(std::string_view json, std::string& scratch) {
  bool in_string = false;
  bool copied = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '-' || c == '.' || (c >= '0' && c <= '9')) {
      std::size_t end = json.find_first_not_of("0123456789+-.eE", i);
      if (end == std::string_view::npos) end = json.size();
      const std::string_view token = json.substr(i, end - i);
      const std::string plain =
          awkward_zero(token) > 0 ? std::string(c == '-' ? "-0.0" : "0.0") : shortest_long_number(token);
      if (!plain.empty()) {
        if (!copied) scratch.assign(json), copied = true;
        const std::size_t n = json_number_length(token);
        if (n < token.size()) {
          // Junk follows the number, which the parser would read before refusing
          // the rest: a lone '-' makes it refuse the token without reading it.
          scratch[i] = '-';
          std::fill(scratch.begin() + static_cast<std::ptrdiff_t>(i + 1),
                    scratch.begin() + static_cast<std::ptrdiff_t>(end), ' ');
        } else {
          scratch.replace(i, plain.size(), plain);
          std::fill(scratch.begin() + static_cast<std::ptrdiff_t>(i + plain.size()),
                    scratch.begin() + static_cast<std::ptrdiff_t>(i + n), ' ');
        }
      }
      i = end - 1;
    }
  }
  return copied ? std::string_view(scratch) : json;
}

std::string read_text(const std::string& path) {
  std::string text = read_file(path);
  check_text(text, path == "-" ? "<stdin>" : path);
  return text;
}

namespace {

// Temporaries to delete if a signal ends the process. Fixed slots, so the
// handler reads them without locks or allocation (async-signal-safe).
constexpr int kSlots = 64;
constexpr std::size_t kSlotPath = 4096;
enum SlotState : int { kFree = 0, kFilling = 1, kFile = 2, kDirectory = 3 };
struct Slot {
  std::atomic<int> state{kFree};
  char path[kSlotPath];
};
Slot g_slots[kSlots];

int register_temporary(const std::string& path, bool directory) {
  if (path.size() >= kSlotPath) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!g_slots[i].state.compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].state.store(directory ? kDirectory : kFile);
    return i;
  }
  return -1;  // all slots busy: the file is still named as a relgraph temporary
}

void unregister_temporary(int slot) {
  if (slot >= 0) g_slots[slot].state.store(kFree);
}

extern "C" void remove_temporaries_and_die(int sig) {
  for (auto& s : g_slots)
    if (s.state.load() == kFile) ::unlink(s.path);
  for (auto& s : g_slots)
    if (s.state.load() == kDirectory) ::rmdir(s.path);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

// Files read by this process (device, inode), refused as outputs.
std::atomic<bool> g_protect{false};
std::mutex g_inputs_mutex;
std::set<std::pair<dev_t, ino_t>> g_inputs;

bool is_input(const struct stat& st) {
  if (!g_protect.load()) return false;
  std::lock_guard lock(g_inputs_mutex);
  return g_inputs.count({st.st_dev, st.st_ino}) > 0;
}

mode_t current_umask() {
  // /proc gives it without changing it (umask() would, racing other threads).
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
  static std::mutex m;
  std::lock_guard lock(m);
  mode_t mask = ::umask(022);
  ::umask(mask);
  return mask;
}

// An ostream buffer over a file descriptor that remembers the first errno.
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd), buf_(1 << 16) { setp(buf_.data(), buf_.data() + buf_.size()); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const char* p = pbase();
    std::size_t n = static_cast<std::size_t>(pptr() - pbase());
    while (n > 0 && error_ == 0) {
      ssize_t w = ::write(fd_, p, n);
      if (w < 0) {
        if (errno != EINTR) error_ = errno;
        continue;
      }
      p += w;
      n -= static_cast<std::size_t>(w);
    }
    setp(buf_.data(), buf_.data() + buf_.size());
    return error_ == 0;
  }
  int fd_;
  std::vector<char> buf_;
  int error_ = 0;
};

// Runs `write` into `fd`; throws Error(Io) naming `path` if any write failed.
void write_fd(int fd, const std::string& path, const std::function<void(std::ostream&)>& write) {
  FdBuf buf(fd);
  std::ostream out(&buf);
  write(out);
  out.flush();
  if (buf.error() != 0 || !out)
    throw Error(ErrorKind::Io, "cannot write '" + path + "': " + std::strerror(buf.error() ? buf.error() : EIO));
}

// Devices, FIFOs and terminals are written where they are: never created,
// truncated or renamed over.
void write_in_place(const std::string& path, const std::function<void(std::ostream&)>& write) {
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw Error(ErrorKind::Io, "cannot write '" + path + "': " + std::strerror(errno));
  try {
    write_fd(fd, path, write);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) throw Error(ErrorKind::Io, "cannot write '" + path + "': " + std::strerror(errno));
}

// The file a chain of symlinks ends at, so the link survives the rename.
fs::path follow_symlinks(const std::string& path) {
  fs::path p(path);
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(p, ec)) return p;
    fs::path to = fs::read_symlink(p, ec);
    if (ec) return p;
    p = to.is_absolute() ? to : p.parent_path() / to;
  }
  throw Error(ErrorKind::Io, "cannot write '" + path + "': too many levels of symbolic links");
}

std::string temporary_prefix(const std::string& name) { return "." + name + ".relgraph-tmp-"; }
constexpr std::string_view kStagingPrefix = ".relgraph-partial-";

// Removes `dir`'s entries named prefix + PID + "-..." whose process is gone:
// what a SIGKILL left behind.
void remove_stale(const fs::path& dir, const std::string& prefix) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    const char* digits = name.c_str() + prefix.size();
    char* after = nullptr;
    long pid = std::strtol(digits, &after, 10);
    if (after == digits || *after != '-' || pid <= 0 || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    fs::remove_all(it->path(), ignored);
  }
}

}  // namespace

void protect_inputs() { g_protect.store(true); }

void note_input(const std::string& path) {
  struct stat st;
  if (!g_protect.load() || path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
  std::lock_guard lock(g_inputs_mutex);
  g_inputs.insert({st.st_dev, st.st_ino});
}

void remove_temporaries_on_signal() {
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;  // nohup, background jobs
    struct sigaction sa {};
    sa.sa_handler = remove_temporaries_and_die;
    sigemptyset(&sa.sa_mask);
    ::sigaction(sig, &sa, nullptr);
  }
}

namespace {
char g_timeout_message[256];
std::size_t g_timeout_length = 0;

extern "C" void remove_temporaries_and_time_out(int) {
  for (auto& s : g_slots)
    if (s.state.load() == kFile) ::unlink(s.path);
  for (auto& s : g_slots)
    if (s.state.load() == kDirectory) ::rmdir(s.path);
  ssize_t ignored = ::write(STDERR_FILENO, g_timeout_message, g_timeout_length);
  (void)ignored;
  ::_exit(1);
}
}  // namespace

void exit_after(unsigned seconds, std::string_view message) {
  if (seconds == 0) return;
  g_timeout_length = std::min(message.size(), sizeof g_timeout_message);
  std::memcpy(g_timeout_message, message.data(), g_timeout_length);
  struct sigaction sa {};
  sa.sa_handler = remove_temporaries_and_time_out;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGALRM, &sa, nullptr);
  ::alarm(seconds);
}

void write_atomic(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw Error(ErrorKind::Io, "cannot write to standard output");
    return;
  }
  struct stat st;
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) throw Error(ErrorKind::Io, "cannot write '" + path + "': it is a directory");
  if (exists && S_ISSOCK(st.st_mode)) throw Error(ErrorKind::Io, "cannot write '" + path + "': it is a socket");
  if (exists && !S_ISREG(st.st_mode)) return write_in_place(path, write);
  if (exists && is_input(st))
    throw Error(ErrorKind::InvalidArgument,
                "will not write '" + path + "': it is an input of this command (name another output file)");
  fs::path target = follow_symlinks(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw Error(ErrorKind::Io, "cannot write '" + path + "': directory '" + dir.string() + "' does not exist");
  std::string name = target.filename().string();
  remove_stale(dir, temporary_prefix(name));
  std::string tmp = (dir / (temporary_prefix(name) + std::to_string(::getpid()) + "-XXXXXX")).string();
  int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) throw Error(ErrorKind::Io, "cannot write '" + path + "': " + std::strerror(errno));
  int slot = register_temporary(tmp, false);
  try {
    write_fd(fd, path, write);
    mode_t mode = exists ? (st.st_mode & 07777) : (0666 & ~current_umask());
    if (::fchmod(fd, mode) != 0) throw Error(ErrorKind::Io, "cannot write '" + path + "': " + std::strerror(errno));
    int closed = ::close(fd);
    fd = -1;
    if (closed != 0) throw Error(ErrorKind::Io, "cannot write '" + path + "': " + std::strerror(errno));
    if (::rename(tmp.c_str(), target.c_str()) != 0)
      throw Error(ErrorKind::Io, "cannot write '" + path + "': " + std::strerror(errno));
  } catch (...) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    unregister_temporary(slot);
    throw;
  }
  unregister_temporary(slot);
}

StagedFiles::StagedFiles(const std::string& dir) : dir_(dir) {
  remove_stale(dir_, std::string(kStagingPrefix));
  std::string tmpl = (fs::path(dir_) / (std::string(kStagingPrefix) + std::to_string(::getpid()) + "-XXXXXX")).string();
  if (!::mkdtemp(tmpl.data())) throw Error(ErrorKind::Io, "cannot write into '" + dir_ + "': " + std::strerror(errno));
  staging_ = tmpl;
  slots_.push_back(register_temporary(staging_, true));
}

StagedFiles::~StagedFiles() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
  for (int slot : slots_) unregister_temporary(slot);
}

std::string StagedFiles::path(const std::string& name) {
  std::string p = (fs::path(staging_) / name).string();
  names_.push_back(name);
  slots_.push_back(register_temporary(p, false));
  return p;
}

void StagedFiles::commit() {
  // Everything that can be checked is checked before the first rename.
  for (const auto& name : names_) {
    fs::path to = fs::path(dir_) / name;
    std::error_code ec;
    if (!fs::exists(fs::path(staging_) / name, ec))
      throw Error(ErrorKind::Io, "cannot write '" + to.string() + "': it was not produced");
    if (fs::is_directory(to, ec)) throw Error(ErrorKind::Io, "cannot write '" + to.string() + "': it is a directory");
    struct stat st;
    if (::stat(to.c_str(), &st) == 0 && S_ISREG(st.st_mode) && is_input(st))
      throw Error(ErrorKind::InvalidArgument,
                  "will not write '" + to.string() + "': it is an input of this command (name another directory)");
  }
  for (const auto& name : names_) {
    fs::path from = fs::path(staging_) / name, to = fs::path(dir_) / name;
    struct stat old;
    if (::stat(to.c_str(), &old) == 0 && S_ISREG(old.st_mode)) ::chmod(from.c_str(), old.st_mode & 07777);
    if (::rename(from.c_str(), to.c_str()) != 0)
      throw Error(ErrorKind::Io, "cannot write '" + to.string() + "': " + std::strerror(errno));
  }
  committed_ = true;
  ::rmdir(staging_.c_str());
}

std::string escape_control(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
      if (len > 1 && i + len <= text.size() && find_invalid_utf8(text.substr(i, len)) == std::string_view::npos) {
        out.append(text.substr(i, len));
        i += len;
        continue;
      }
    } else if (c >= 0x20 && c != 0x7F) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    char buf[8];
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\r')
      out += "\\r";
    else {
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
    ++i;
  }
  return out;
}

void write_atomic(const std::string& path, std::string_view content) {
  write_atomic(path,
               [&](std::ostream& out) { out.write(content.data(), static_cast<std::streamsize>(content.size())); });
}

}  // namespace detail
}  // namespace relgraph
