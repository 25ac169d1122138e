// Word classes table (see word_clusters.hpp). Tests: tests/core_test.cpp
#include "core/word_clusters.hpp"

#include <charconv>
#include <mutex>

#include "core/files.hpp"
#include "core/perceptron.hpp"
#include "relgraph/error.hpp"

namespace relgraph::detail {

WordClusters::WordClusters(std::vector<std::uint64_t> keys, std::vector<std::uint32_t> packed)
    : keys_(std::move(keys)), packed_(std::move(packed)), size_(keys_.size()) {
  if (keys_.size() != packed_.size()) throw Error(ErrorKind::Model, "word classes: keys and classes differ in length");
  if (keys_.empty()) return;
  struct Own {
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> values;
  };
  auto own = std::make_shared<Own>();
  std::size_t cap = 16;
  while (cap < keys_.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  own->keys.assign(cap, 0);
  own->values.assign(cap, kNone);
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    std::uint64_t k = keys_[i] ? keys_[i] : 1;
    std::uint64_t s = k & mask_;
    while (own->keys[s] != 0 && own->keys[s] != k) s = (s + 1) & mask_;
    own->keys[s] = k;
    own->values[s] = packed_[i];
  }
  slot_keys_ = own->keys;
  slot_values_ = own->values;
  storage_ = std::move(own);
}

void WordClusters::save(ModelWriter& out) const {
  out.pod<std::uint64_t>(size_);
  out.aligned_vec(slot_keys_);
  out.aligned_vec(slot_values_);
}

WordClusters WordClusters::load(ModelReader& in) {
  WordClusters w;
  w.size_ = in.pod<std::uint64_t>();
  w.slot_keys_ = in.aligned_view<std::uint64_t>();
  w.slot_values_ = in.aligned_view<std::uint32_t>();
  const std::size_t n = w.slot_keys_.size();
  if (w.slot_values_.size() != n || (n & (n - 1)) != 0 || w.size_ > n || (n == 0) != (w.size_ == 0))
    in.fail("corrupt word class table");
  w.mask_ = n ? n - 1 : 0;
  w.storage_ = in.storage();
  return w;
}

std::shared_ptr<const WordClusters> WordClusters::shared(const std::vector<std::uint64_t>& keys,
                                                         const std::vector<std::uint32_t>& packed) {
  // Tables stay alive while a model uses them; a dead entry is rebuilt or dropped.
  static std::mutex mutex;
  static std::vector<std::weak_ptr<const WordClusters>> tables;
  std::lock_guard<std::mutex> lock(mutex);
  for (auto it = tables.begin(); it != tables.end();) {
    auto t = it->lock();
    if (!t) {
      it = tables.erase(it);
      continue;
    }
    if (t->keys_ == keys && t->packed_ == packed) return t;
    ++it;
  }
  auto t = std::make_shared<const WordClusters>(keys, packed);
  tables.push_back(t);
  return t;
}

std::uint32_t WordClusters::find(std::string_view word) const {
  if (slot_keys_.empty()) return kNone;
  std::string low(word);
  for (char& c : low)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  std::uint64_t k = hash_str(low);
  if (k == 0) k = 1;
  std::uint64_t s = k & mask_;
  for (std::uint64_t left = mask_;; --left, s = (s + 1) & mask_) {
    if (slot_keys_[s] == k) return slot_values_[s];
    if (slot_keys_[s] == 0 || left == 0) return kNone;
  }
}

WordClusters WordClusters::read_tsv(const std::string& path) {
  std::string text = read_file(path);
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> packed;
  std::size_t start = 0, line = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view l(text.data() + start, end - start);
    start = end + 1;
    ++line;
    if (l.empty() || l[0] == '#') continue;
    std::uint32_t c[3] = {0, 0, 0};
    std::size_t tab = l.find('\t');
    std::string_view word = l.substr(0, tab), rest = tab == std::string_view::npos ? "" : l.substr(tab + 1);
    for (int i = 0; i < 3; ++i) {
      std::size_t t = rest.find('\t');
      std::string_view field = rest.substr(0, t);
      auto [p, ec] = std::from_chars(field.data(), field.data() + field.size(), c[i]);
      if (ec != std::errc() || p != field.data() + field.size() || word.empty())
        throw Error(ErrorKind::Format,
                    path + ":" + std::to_string(line) + ": expected word<TAB>c64<TAB>c256<TAB>c1024");
      rest = t == std::string_view::npos ? "" : rest.substr(t + 1);
    }
    if (c[0] > 0xFF || c[1] > 0xFF || c[2] > 0xFFFE)
      throw Error(ErrorKind::Format, path + ":" + std::to_string(line) + ": class number out of range");
    keys.push_back(hash_str(word));
    packed.push_back(c[0] | c[1] << 8 | c[2] << 16);
  }
  return WordClusters(std::move(keys), std::move(packed));
}

}  // namespace relgraph::detail
