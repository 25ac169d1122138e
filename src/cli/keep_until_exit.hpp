// Loaded pipelines live until the process ends: the CLI never destroys them,
// since freeing tens of megabytes of immutable model tables at exit costs
// tens of milliseconds and returns nothing the kernel would not reclaim.
// The objects stay reachable (from a static list), so leak checkers stay quiet.
#pragma once
#include <utility>
#include <vector>

namespace relgraph::cli {

template <class T>
T& keep_until_exit(T&& value) {
  static auto* kept = new std::vector<const void*>;
  T* p = new T(std::forward<T>(value));
  kept->push_back(p);
  return *p;
}

}  // namespace relgraph::cli
