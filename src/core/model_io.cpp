// Self-describing binary model files. Tests: tests/core_test.cpp
#include "core/model_io.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "core/files.hpp"

namespace relgraph::detail {
namespace {
constexpr char kMagic[8] = {'R', 'G', 'M', 'O', 'D', 'E', 'L', '1'};

struct Mapping {
  void* data = nullptr;
  std::size_t size = 0;
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (data) munmap(data, size);
  }
};

// The whole file, mapped read-only; throws Error(Io) with the system's reason.
std::shared_ptr<const Mapping> map_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) throw Error(ErrorKind::NotFound, "'" + path + "': no such file");
    throw Error(ErrorKind::Io, "cannot open '" + path + "': " + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw Error(ErrorKind::InvalidArgument, "'" + path + "' is not a regular file");
  }
  auto m = std::make_shared<Mapping>();
  m->size = static_cast<std::size_t>(st.st_size);
  if (m->size > 0) {
    void* p = ::mmap(nullptr, m->size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      int err = errno;
      ::close(fd);
      throw Error(ErrorKind::Io, "cannot map '" + path + "': " + std::strerror(err));
    }
    m->data = p;
  }
  ::close(fd);
  return m;
}
}  // namespace

ModelWriter::ModelWriter(const std::string& component, std::uint32_t version) {
  buf_.append(kMagic, sizeof kMagic);
  pod(version);
  str(component);
}

void ModelWriter::str(const std::string& s) {
  pod<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
  buf_.append(s);
}

void ModelWriter::strings(const std::vector<std::string>& v) {
  pod<std::uint64_t>(v.size());
  for (const auto& s : v) str(s);
}

void ModelWriter::save(const std::string& path) const { write_atomic(path, std::string_view(buf_)); }

ModelReader::ModelReader(std::shared_ptr<const void> storage, std::string_view bytes, std::string name)
    : storage_(std::move(storage)), buf_(bytes), name_(std::move(name)) {}

ModelReader::ModelReader(const std::string& path, const std::string& component, std::uint32_t max_version)
    : name_(path) {
  try {
    auto m = map_file(path);
    buf_ = std::string_view(static_cast<const char*>(m->data), m->size);
    storage_ = std::move(m);
  } catch (const Error& e) {
    throw Error(ErrorKind::Model, "cannot read model '" + path + "': " + e.what());
  }
  header(component, max_version);
}

ModelReader ModelReader::from_bytes(std::string bytes, const std::string& name, const std::string& component,
                                    std::uint32_t max_version) {
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  ModelReader r(owned, std::string_view(*owned), name);
  r.header(component, max_version);
  return r;
}

void ModelReader::header(const std::string& component, std::uint32_t max_version) {
  if (buf_.size() < sizeof kMagic || std::memcmp(buf_.data(), kMagic, sizeof kMagic) != 0)
    fail("not a relgraph model (bad magic)");
  pos_ = sizeof kMagic;
  version_ = pod<std::uint32_t>();
  // The component first: another component's model is the likelier mistake than a newer file.
  std::string got = str();
  if (got != component) fail("it is a '" + got + "' model, not a '" + component + "' model");
  if (version_ > max_version)
    fail("format version " + std::to_string(version_) + " is newer than this build (" + std::to_string(max_version) +
         ")");
}

std::string ModelReader::str() {
  auto n = pod<std::uint32_t>();
  need(n);
  std::string s(buf_.substr(pos_, n));
  pos_ += n;
  return s;
}

std::vector<std::string> ModelReader::strings() {
  auto n = pod<std::uint64_t>();
  if (n > buf_.size() - pos_) fail("truncated (list of " + std::to_string(n) + " strings)");
  std::vector<std::string> v;
  v.reserve(n);
  for (std::uint64_t i = 0; i < n; ++i) v.push_back(str());
  return v;
}

void ModelReader::finish() {
  if (pos_ != buf_.size()) fail(std::to_string(buf_.size() - pos_) + " unexpected trailing bytes");
}

void ModelReader::fail(const std::string& what) const {
  throw Error(ErrorKind::Model, "cannot read model '" + name_ + "': " + what);
}

}  // namespace relgraph::detail
