// Self-describing binary model files shared by every trained component.
// Layout: magic "RGMODEL1", u32 format version, string component name, then
// the component's fields in order (little-endian PODs, length-prefixed
// strings and vectors). The reader rejects a wrong magic, a newer version, a
// different component and truncated or over-long files, naming the file.
// Tests: tests/core_test.cpp
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "relgraph/error.hpp"

namespace relgraph::detail {

class ModelWriter {
 public:
  ModelWriter(const std::string& component, std::uint32_t version);
  template <class T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    buf_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void str(const std::string& s);
  void strings(const std::vector<std::string>& v);
  template <class T>
  void vec(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    pod<std::uint64_t>(v.size());
    buf_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  // A vector whose items start at a multiple of 8 bytes from the file start
  // (zero padding before them), so a reader can use them in place.
  template <class T>
  void aligned_vec(std::span<const T> v) {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 8);
    pod<std::uint64_t>(v.size());
    buf_.append((8 - buf_.size() % 8) % 8, '\0');
    buf_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  // Writes atomically to `path`; throws Error(Io).
  void save(const std::string& path) const;
  const std::string& bytes() const { return buf_; }

 private:
  std::string buf_;
};

class ModelReader {
 public:
  // Reads and checks the header. `max_version` is this build's version;
  // version() tells the caller which older layout to read.
  ModelReader(const std::string& path, const std::string& component, std::uint32_t max_version);
  // Same, from bytes already in memory (tests); `name` is used in messages.
  static ModelReader from_bytes(std::string bytes, const std::string& name, const std::string& component,
                                std::uint32_t max_version);
  ModelReader(ModelReader&&) = default;
  ModelReader& operator=(ModelReader&&) = default;
  std::uint32_t version() const { return version_; }
  // The file name (or the name given to from_bytes), as messages use it.
  const std::string& name() const { return name_; }
  template <class T>
  T pod() {
    static_assert(std::is_trivially_copyable_v<T>);
    T v;
    need(sizeof v);
    std::memcpy(&v, buf_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  std::string str();
  std::vector<std::string> strings();
  template <class T>
  std::vector<T> vec() {
    auto n = pod<std::uint64_t>();
    if (n > (buf_.size() - pos_) / sizeof(T)) fail("truncated (vector of " + std::to_string(n) + " items)");
    std::vector<T> v(n);
    if (n) std::memcpy(v.data(), buf_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return v;
  }
  // What aligned_vec() wrote, viewed in place (no copy): valid while storage() lives.
  template <class T>
  std::span<const T> aligned_view() {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 8);
    auto n = pod<std::uint64_t>();
    need((8 - pos_ % 8) % 8);
    pos_ += (8 - pos_ % 8) % 8;
    if (n > (buf_.size() - pos_) / sizeof(T)) fail("truncated (vector of " + std::to_string(n) + " items)");
    const char* p = buf_.data() + pos_;
    if (reinterpret_cast<std::uintptr_t>(p) % alignof(T) != 0) fail("misaligned data");
    pos_ += n * sizeof(T);
    return {reinterpret_cast<const T*>(p), static_cast<std::size_t>(n)};
  }
  // Keeps the bytes that aligned_view() spans point into alive.
  const std::shared_ptr<const void>& storage() const { return storage_; }
  // Throws unless every byte was consumed.
  void finish();
  [[noreturn]] void fail(const std::string& what) const;

 private:
  ModelReader(std::shared_ptr<const void> storage, std::string_view bytes, std::string name);
  void header(const std::string& component, std::uint32_t max_version);
  void need(std::size_t n) {
    if (buf_.size() - pos_ < n) fail("truncated");
  }
  // Files are memory-mapped read-only (no read() copy, pages shared between
  // processes); `storage_` keeps the mapping or the given bytes alive.
  std::shared_ptr<const void> storage_;
  std::string_view buf_;
  std::string name_;
  std::size_t pos_ = 0;
  std::uint32_t version_ = 0;
};

}  // namespace relgraph::detail
