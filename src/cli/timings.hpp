// `--timings` for extract and parse: wall and CPU time of loading the models,
// of each pipeline stage and of writing the output, plus tokens per second,
// printed on stderr as text or JSON. Running a pipeline through Timings::run
// gives the same document as Pipeline::run. Tests: tests/cli_test.cpp
#pragma once
#include <chrono>
#include <ctime>
#include <deque>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "relgraph/document.hpp"
#include "relgraph/pipeline.hpp"

namespace relgraph::cli {

class Timings {
 public:
  // `format`: "" (off), "text" or "json"; throws Error(InvalidArgument) otherwise.
  explicit Timings(std::string format);
  bool on() const { return !format_.empty(); }

  // Runs f() and adds its time to the phase `name` (phases print in first-use order).
  template <class F>
  decltype(auto) time(const std::string& name, F&& f) {
    Clock c(*this, name);
    return std::forward<F>(f)();
  }
  // pipeline.run(doc), stage by stage, timing each stage; counts the tokens.
  void run(const Pipeline& pipeline, Document& doc);
  // Prints the phases, the stages' total and tokens/s to `out`.
  void report(std::ostream& out, const std::string& command) const;

 private:
  struct Phase {
    std::string name;
    bool stage = false;  // a pipeline stage (counts towards tokens/s)
    double wall = 0, cpu = 0;
  };
  // Adds the time between its construction and destruction to a phase.
  class Clock {
   public:
    Clock(Timings& t, const std::string& name, bool stage = false);
    ~Clock();
    Clock(const Clock&) = delete;
    Clock& operator=(const Clock&) = delete;

   private:
    Phase* phase_;
    std::chrono::steady_clock::time_point wall_;
    std::clock_t cpu_;
  };
  Phase& phase(const std::string& name, bool stage);
  std::string format_;
  std::deque<Phase> phases_;  // stable addresses: a Clock points into it
  std::size_t tokens_ = 0, documents_ = 0;
};

}  // namespace relgraph::cli
