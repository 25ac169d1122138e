// `--timings` for extract and parse (see timings.hpp). Tests: tests/cli_test.cpp
#include "cli/timings.hpp"

#include <iomanip>
#include <ostream>

#include "relgraph/error.hpp"

namespace relgraph::cli {

Timings::Timings(std::string format) : format_(std::move(format)) {
  if (!format_.empty() && format_ != "text" && format_ != "json")
    throw Error(ErrorKind::InvalidArgument, "--timings: unknown format '" + format_ + "' (expected text or json)");
}

Timings::Phase& Timings::phase(const std::string& name, bool stage) {
  for (auto& p : phases_)
    if (p.name == name) return p;
  phases_.push_back({name, stage, 0, 0});
  return phases_.back();
}

Timings::Clock::Clock(Timings& t, const std::string& name, bool stage)
    : phase_(t.on() ? &t.phase(name, stage) : nullptr),
      wall_(std::chrono::steady_clock::now()),
      cpu_(std::clock()) {}

Timings::Clock::~Clock() {
  if (!phase_) return;
  phase_->wall += std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
  phase_->cpu += static_cast<double>(std::clock() - cpu_) / CLOCKS_PER_SEC;
}

void Timings::run(const Pipeline& pipeline, Document& doc) {
  if (!on()) {
    pipeline.run(doc);
    return;
  }
  for (const auto& stage : pipeline.stages()) {
    Clock c(*this, stage->name(), true);
    stage->process(doc);
  }
  ++documents_;
  for (const auto& s : doc.sentences) tokens_ += s.tokens.size();
}

namespace {
std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"";
}
double per_second(std::size_t n, double secs) { return secs > 0 ? static_cast<double>(n) / secs : 0; }
}  // namespace

void Timings::report(std::ostream& out, const std::string& command) const {
  if (!on()) return;
  double stages_wall = 0, stages_cpu = 0, total_wall = 0, total_cpu = 0;
  for (const auto& p : phases_) {
    total_wall += p.wall;
    total_cpu += p.cpu;
    if (p.stage) stages_wall += p.wall, stages_cpu += p.cpu;
  }
  auto old_flags = out.flags();
  auto old_precision = out.precision();
  if (format_ == "json") {
    out << std::fixed << std::setprecision(6) << "{\"command\": " << json_string(command) << ", \"phases\": [";
    for (std::size_t i = 0; i < phases_.size(); ++i)
      out << (i ? ", " : "") << "{\"name\": " << json_string(phases_[i].name)
          << ", \"stage\": " << (phases_[i].stage ? "true" : "false") << ", \"wall_s\": " << phases_[i].wall
          << ", \"cpu_s\": " << phases_[i].cpu << "}";
    out << "], \"documents\": " << documents_ << ", \"tokens\": " << tokens_ << ", \"stages_wall_s\": " << stages_wall
        << ", \"stages_cpu_s\": " << stages_cpu << ", \"total_wall_s\": " << total_wall
        << ", \"total_cpu_s\": " << total_cpu << std::setprecision(0)
        << ", \"stages_tokens_per_cpu_s\": " << per_second(tokens_, stages_cpu)
        << ", \"total_tokens_per_cpu_s\": " << per_second(tokens_, total_cpu) << "}\n";
  } else {
    out << command << " timings (wall and CPU seconds; CPU is what a loaded machine leaves comparable)\n"
        << std::fixed << std::setprecision(4);
    for (const auto& p : phases_)
      out << "  " << std::left << std::setw(22) << (p.stage ? "stage " : "") + p.name << std::right << std::setw(9)
          << p.wall << std::setw(9) << p.cpu << "\n";
    out << "  " << std::left << std::setw(22) << "stages" << std::right << std::setw(9) << stages_wall << std::setw(9)
        << stages_cpu << "\n"
        << "  " << std::left << std::setw(22) << "total" << std::right << std::setw(9) << total_wall << std::setw(9)
        << total_cpu << "\n"
        << std::setprecision(0) << "  " << documents_ << " document(s), " << tokens_ << " tokens: "
        << per_second(tokens_, stages_cpu) << " tokens/s in the stages, " << per_second(tokens_, total_cpu)
        << " tokens/s in all (CPU)\n";
  }
  out.flags(old_flags);
  out.precision(old_precision);
}

}  // namespace relgraph::cli
