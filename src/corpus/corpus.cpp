// Corpus extraction on a thread pool, the JSONL streaming mapper and its
// reduce step (see relgraph/corpus.hpp). Tests: tests/corpus_test.cpp
#include "relgraph/corpus.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <istream>
#include <mutex>
#include <optional>
#include <ostream>
#include <sstream>
#include <thread>

#include "core/files.hpp"
#include "relgraph/io.hpp"

namespace relgraph {
namespace {

namespace fs = std::filesystem;

// Runs work(i, worker) for i in [0, n) on `threads` threads; each worker
// takes the next index, so a slow article never holds up the others.
void parallel_for(std::size_t n, int threads, const std::function<void(std::size_t, int)>& work) {
  int workers = static_cast<int>(std::min<std::size_t>(std::max(threads, 1), std::max<std::size_t>(n, 1)));
  std::atomic<std::size_t> next{0};
  auto loop = [&](int worker) {
    for (std::size_t i = next++; i < n; i = next++) work(i, worker);
  };
  if (workers == 1) {
    loop(0);
    return;
  }
  std::vector<std::jthread> pool;
  for (int w = 0; w < workers; ++w) pool.emplace_back(loop, w);
}

// One article to process: a file to read, or the text of a JSONL record.
struct Job {
  std::string id;
  std::string path;   // read in the worker
  std::string line;   // or the raw JSONL record
  std::string where;  // "FILE:LINE" for records
};

struct Record {
  std::string id;
  std::string text;
};

std::string json_to_string(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return {buf.GetString(), buf.GetSize()};
}

// Parses {"id": ..., "text": ...}; throws Error(Format) naming `where`.
Record parse_record(const std::string& line, const std::string& where) {
  detail::check_json_nesting(line, where);
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag>(line.c_str(), line.size());
  if (d.HasParseError() || !d.IsObject()) throw Error(ErrorKind::Format, where + ": not a JSON object");
  auto text = d.FindMember("text");
  if (text == d.MemberEnd() || !text->value.IsString())
    throw Error(ErrorKind::Format, where + ": the record has no \"text\" string");
  Record r;
  r.text.assign(text->value.GetString(), text->value.GetStringLength());
  auto id = d.FindMember("id");
  if (id != d.MemberEnd() && id->value.IsString())
    r.id.assign(id->value.GetString(), id->value.GetStringLength());
  else if (id != d.MemberEnd() && id->value.IsNumber())
    r.id = json_to_string(id->value);
  if (r.id.empty()) r.id = where;
  return r;
}

// The id a record will be reported under, even when it does not parse.
std::string record_id(const std::string& line, const std::string& where) {
  try {
    detail::check_json_nesting(line, where);
  } catch (const Error&) {
    return where;
  }
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag>(line.c_str(), line.size());
  if (!d.HasParseError() && d.IsObject()) {
    auto id = d.FindMember("id");
    if (id != d.MemberEnd() && id->value.IsString()) return id->value.GetString();
  }
  return where;
}

std::vector<Job> jsonl_jobs(const std::string& path) {
  std::string data = detail::read_file(path);
  std::string name = path == "-" ? "<stdin>" : path;
  std::vector<Job> jobs;
  std::istringstream in(data);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = name + ":" + std::to_string(n);
    jobs.push_back({record_id(line, where), "", std::move(line), where});
  }
  return jobs;
}

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// The per-article time limit: throws Error(InvalidInput) once `spent`
// seconds exceed `limit` (0 = none), naming the limit and what ran last.
void check_time(double spent, double limit, const std::string& last) {
  if (limit <= 0 || spent <= limit) return;
  char figures[64];
  std::snprintf(figures, sizeof figures, "%g s (stopped after %.1f s", limit, spent);
  throw Error(ErrorKind::InvalidInput,
              std::string("the article took longer than the time limit of ") + figures + ", at " + last + ")");
}

ArticleFailure failure(const std::string& id, const std::exception& e) {
  if (auto* err = dynamic_cast<const Error*>(&e)) return {id, err->kind(), err->what()};
  return {id, ErrorKind::Internal, e.what()};
}

// 64-bit FNV-1a: a stable per-article tag for N-Triples blank nodes.
std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// N-Triples blank node labels restart at _:b0 in every export; tag them with
// the article so concatenated outputs never share a blank node by accident.
std::string tag_blank_nodes(const std::string& ntriples, const std::string& tag) {
  std::string out;
  std::istringstream in(ntriples);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("_:")) line.insert(2, tag);
    // The object is the last term: "... _:b3 ." ends in a blank node.
    auto dot = line.rfind(" .");
    auto space = dot == std::string::npos ? std::string::npos : line.rfind(' ', dot - 1);
    if (space != std::string::npos && line.compare(space + 1, 2, "_:") == 0) line.insert(space + 3, tag);
    out += line + "\n";
  }
  return out;
}

std::string error_line(const ArticleFailure& f, const std::string& format) {
  if (format == "ntriples") {
    std::string msg = f.message;
    std::replace(msg.begin(), msg.end(), '\n', ' ');
    return "# error in " + f.id + ": " + msg + "\n";
  }
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("id");
  w.String(f.id.c_str(), static_cast<rapidjson::SizeType>(f.id.size()));
  w.Key("error");
  w.StartObject();
  w.Key("kind");
  w.String(to_string(f.kind));
  w.Key("message");
  w.String(f.message.c_str(), static_cast<rapidjson::SizeType>(f.message.size()));
  w.EndObject();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

std::string graph_line(const std::string& id, const KnowledgeGraph& graph, const std::string& format,
                       const std::string& text) {
  std::ostringstream exported;
  if (format == "ntriples") {
    make_exporter("ntriples")->write(graph, exported);
    char tag[24];
    std::snprintf(tag, sizeof tag, "a%016llx_", static_cast<unsigned long long>(fnv1a(id + '\0' + text)));
    return tag_blank_nodes(exported.str(), tag);
  }
  make_exporter("jsonld")->write(graph, exported);
  rapidjson::Document jsonld;
  std::string s = exported.str();
  jsonld.Parse<rapidjson::kParseFullPrecisionFlag>(s.c_str(), s.size());
  if (jsonld.HasParseError()) throw Error(ErrorKind::Internal, "the JSON-LD exporter wrote invalid JSON for " + id);
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("id");
  w.String(id.c_str(), static_cast<rapidjson::SizeType>(id.size()));
  w.Key("entities");
  w.Uint64(graph.num_entities());
  w.Key("relations");
  w.Uint64(graph.num_relations());
  w.Key("graph");
  jsonld.Accept(w);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace

ArticleExtractor pipeline_extractor(const Pipeline& pipeline, const GraphOptions& options, double timeout) {
  return [&pipeline, options, timeout](const std::string& text, const std::string& id) {
    auto start = Clock::now();
    Document doc;
    if (timeout <= 0) {
      doc = annotate(text, id, pipeline);
    } else {  // what annotate() does, with the clock checked after each stage
      detail::check_text(text, id);
      doc.id = id;
      doc.text = text;
      for (const auto& stage : pipeline.stages()) {
        stage->process(doc);
        check_time(seconds_since(start), timeout, "stage '" + stage->name() + "'");
      }
    }
    ArticleGraph out;
    out.graph = build_graph(doc, options);
    check_time(seconds_since(start), timeout, "building its graph");
    out.sentences = doc.sentences.size();
    for (const auto& s : doc.sentences) out.tokens += s.tokens.size();
    return out;
  };
}

std::vector<std::string> corpus_files(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const auto& input : inputs) {
    if (input == "-") {
      files.push_back(input);
      continue;
    }
    std::error_code ec;
    auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) throw Error(ErrorKind::NotFound, "'" + input + "': no such file or directory");
    if (!fs::is_directory(status)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      auto name = it->path().filename().string();
      if (name.starts_with(".")) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) found.push_back(it->path().string());
    }
    if (ec) throw Error(ErrorKind::Io, "cannot list directory '" + input + "': " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

namespace {

// The articles of a corpus: JSONL records, then files (directories listed).
std::vector<Job> corpus_jobs(const CorpusOptions& options) {
  if (options.threads < 1)
    throw Error(ErrorKind::InvalidArgument,
                "thread count must be at least 1 (got " + std::to_string(options.threads) + ")");
  std::vector<Job> jobs;
  if (!options.jsonl.empty()) jobs = jsonl_jobs(options.jsonl);
  for (const auto& f : corpus_files(options.inputs)) jobs.push_back({f == "-" ? "<stdin>" : f, f, "", ""});
  if (jobs.empty()) throw Error(ErrorKind::InvalidInput, "the corpus is empty: no article files or records");
  return jobs;
}

// One thread's share of a corpus run.
struct Worker {
  KnowledgeGraph graph;
  std::size_t sentences = 0, tokens = 0;
};

// The workers' graphs merged into one, with the totals and failures in article order.
CorpusResult reduce(std::vector<Worker>& workers, std::vector<std::optional<ArticleFailure>>& failed) {
  CorpusResult result;
  result.articles = failed.size();
  for (auto& w : workers) {
    if (&w == &workers.front())
      result.graph = std::move(w.graph);  // merging into an empty graph would copy it
    else
      result.graph.merge(w.graph), w.graph = KnowledgeGraph();
    result.sentences += w.sentences;
    result.tokens += w.tokens;
  }
  result.graph.canonicalize();
  for (auto& f : failed)
    if (f) result.failures.push_back(std::move(*f));
  return result;
}

}  // namespace

CorpusResult extract_corpus(const CorpusOptions& options, const ArticleExtractor& extract) {
  const std::vector<Job> jobs = corpus_jobs(options);
  std::vector<Worker> workers(std::max(options.threads, 1));
  std::vector<std::optional<ArticleFailure>> failed(jobs.size());
  std::mutex mu;
  std::size_t done = 0, failures = 0;
  parallel_for(jobs.size(), options.threads, [&](std::size_t i, int w) {
    const Job& job = jobs[i];
    try {
      std::string text, id = job.id;
      if (job.where.empty()) {
        text = detail::read_text(job.path);
      } else {
        Record r = parse_record(job.line, job.where);
        detail::check_text(r.text, r.id);
        text = std::move(r.text);
        id = std::move(r.id);
      }
      auto start = Clock::now();
      ArticleGraph a = extract(text, id);
      check_time(seconds_since(start), options.article_timeout, "the end of the article");
      workers[w].graph.merge(a.graph);
      workers[w].sentences += a.sentences;
      workers[w].tokens += a.tokens;
    } catch (const std::exception& e) {
      failed[i] = failure(job.id, e);
    }
    std::lock_guard lock(mu);
    ++done;
    if (failed[i]) ++failures;
    if (options.progress) options.progress(done, jobs.size(), failures);
  });

  return reduce(workers, failed);
}

CorpusResult extract_corpus(const CorpusOptions& options, const Pipeline& pipeline, const GraphOptions& graph,
                            std::size_t batch) {
  const std::vector<Job> jobs = corpus_jobs(options);
  batch = std::max<std::size_t>(batch, 1);
  std::vector<Worker> workers(std::max(options.threads, 1));
  std::vector<std::optional<ArticleFailure>> failed(jobs.size());
  std::mutex mu;
  std::size_t done = 0, failures = 0;
  const std::size_t batches = (jobs.size() + batch - 1) / batch;
  parallel_for(batches, options.threads, [&](std::size_t b, int w) {
    const std::size_t first = b * batch, last = std::min(jobs.size(), first + batch);
    std::vector<std::optional<Document>> docs(last - first);
    std::vector<double> spent(last - first, 0.0);  // seconds each article's stages took
    for (std::size_t i = first; i < last; ++i) {   // what annotate() does before the stages
      const Job& job = jobs[i];
      try {
        Document doc;
        doc.id = job.id;
        if (job.where.empty()) {
          doc.text = detail::read_text(job.path);
        } else {
          Record r = parse_record(job.line, job.where);
          doc.id = std::move(r.id);
          doc.text = std::move(r.text);
        }
        detail::check_text(doc.text, doc.id);
        docs[i - first] = std::move(doc);
      } catch (const std::exception& e) {
        failed[i] = failure(job.id, e);
      }
    }
    for (const auto& stage : pipeline.stages())
      for (std::size_t i = first; i < last; ++i) {
        if (!docs[i - first]) continue;
        try {
          auto start = Clock::now();
          stage->process(*docs[i - first]);
          spent[i - first] += seconds_since(start);
          check_time(spent[i - first], options.article_timeout, "stage '" + stage->name() + "'");
        } catch (const std::exception& e) {
          failed[i] = failure(jobs[i].id, e);
          docs[i - first].reset();
        }
      }
    for (std::size_t i = first; i < last; ++i) {
      if (auto& doc = docs[i - first]) {
        try {
          auto start = Clock::now();
          KnowledgeGraph g = build_graph(*doc, graph);
          check_time(spent[i - first] + seconds_since(start), options.article_timeout, "building its graph");
          workers[w].graph.merge(g);
          workers[w].sentences += doc->sentences.size();
          for (const auto& s : doc->sentences) workers[w].tokens += s.tokens.size();
        } catch (const std::exception& e) {
          failed[i] = failure(jobs[i].id, e);
        }
        doc.reset();
      }
      std::lock_guard lock(mu);
      ++done;
      if (failed[i]) ++failures;
      if (options.progress) options.progress(done, jobs.size(), failures);
    }
  });

  return reduce(workers, failed);
}

StreamResult stream_corpus(std::istream& in, std::ostream& out, const ArticleExtractor& extract,
                           const StreamOptions& options) {
  if (options.format != "jsonl" && options.format != "ntriples")
    throw Error(ErrorKind::InvalidArgument,
                "unknown stream format '" + options.format + "' (expected jsonl or ntriples)");
  StreamResult result;
  std::size_t line_no = 0;
  // Parallel batches keep the output in input order with bounded memory.
  const std::size_t batch = static_cast<std::size_t>(std::max(options.threads, 1)) * 8;
  std::vector<std::string> lines, wheres, outputs;
  std::vector<std::optional<ArticleFailure>> failed;
  auto flush = [&] {
    outputs.assign(lines.size(), "");
    failed.assign(lines.size(), std::nullopt);
    parallel_for(lines.size(), options.threads, [&](std::size_t i, int) {
      std::string id = record_id(lines[i], wheres[i]);
      try {
        Record r = parse_record(lines[i], wheres[i]);
        id = r.id;
        detail::check_text(r.text, r.id);
        outputs[i] = graph_line(r.id, extract(r.text, r.id).graph, options.format, r.text);
      } catch (const std::exception& e) {
        failed[i] = failure(id, e);
        outputs[i] = error_line(*failed[i], options.format);
      }
    });
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out << outputs[i];
      if (failed[i]) result.failures.push_back(std::move(*failed[i]));
    }
    out.flush();
    if (!out) throw Error(ErrorKind::Io, "cannot write the stream output");
    result.records += lines.size();
    lines.clear();
    wheres.clear();
  };
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    lines.push_back(std::move(line));
    wheres.push_back(options.source + ":" + std::to_string(line_no));
    if (lines.size() == batch) flush();
  }
  if (in.bad()) throw Error(ErrorKind::Io, "cannot read " + options.source);
  flush();
  return result;
}

KnowledgeGraph read_graph_lines(std::istream& in, const std::string& source, std::vector<ArticleFailure>* failures) {
  KnowledgeGraph merged;
  auto importer = make_importer("jsonld");
  std::size_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = source + ":" + std::to_string(line_no);
    detail::check_json_nesting(line, where);
    std::string scratch;
    std::string_view json = detail::plain_json_zeros(line, scratch);
    rapidjson::Document d;
    d.Parse<rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
    if (d.HasParseError() || !d.IsObject()) throw Error(ErrorKind::Format, where + ": not a JSON object");
    auto error = d.FindMember("error");
    if (error != d.MemberEnd()) {
      if (failures) {
        ArticleFailure f{record_id(line, where), ErrorKind::InvalidInput, json_to_string(error->value)};
        if (error->value.IsObject() && error->value.HasMember("message") && error->value["message"].IsString())
          f.message = error->value["message"].GetString();
        failures->push_back(std::move(f));
      }
      continue;
    }
    auto graph = d.FindMember("graph");
    if (graph == d.MemberEnd() || !graph->value.IsObject())
      throw Error(ErrorKind::Format, where + ": the line has neither \"graph\" nor \"error\"");
    std::istringstream jsonld(json_to_string(graph->value));
    merged.merge(importer->read(jsonld, where));
  }
  if (in.bad()) throw Error(ErrorKind::Io, "cannot read " + source);
  merged.canonicalize();
  return merged;
}

}  // namespace relgraph
