// Shared test helpers (see builders.hpp).
#include "support/builders.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace relgraph::testing {

static std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      parts.push_back(cur);
      cur.clear();
    } else
      cur += c;
  }
  parts.push_back(cur);
  return parts;
}

Document make_document(const std::vector<std::string>& words) {
  Document doc;
  doc.id = "test";
  Sentence s;
  for (const auto& w : words) {
    // A '/' inside the form is written as "\/"? Keep it simple: the form is the first field.
    auto f = split(w, '/');
    Token t;
    t.form = f[0];
    if (!doc.text.empty()) doc.text += ' ';
    t.begin = doc.text.size();
    doc.text += t.form;
    t.end = doc.text.size();
    if (f.size() > 1) t.upos = f[1];
    if (f.size() > 2) t.xpos = f[2];
    if (f.size() > 3) t.lemma = f[3];
    if (f.size() > 4 && !f[4].empty()) t.head = std::stoi(f[4]);
    if (f.size() > 5) t.deprel = f[5];
    s.tokens.push_back(t);
  }
  s.begin = 0;
  s.end = doc.text.size();
  s.comments["text"] = doc.text;
  doc.sentences.push_back(std::move(s));
  return doc;
}

std::string dump_deps(const Sentence& sentence) {
  std::string out;
  for (std::size_t i = 0; i < sentence.tokens.size(); ++i) {
    const auto& t = sentence.tokens[i];
    std::string head = t.head <= 0 ? "ROOT-0" : sentence.tokens[t.head - 1].form + "-" + std::to_string(t.head);
    if (!out.empty()) out += ' ';
    out += t.deprel + "(" + head + ", " + t.form + "-" + std::to_string(i + 1) + ")";
  }
  return out;
}

std::string data_file(const std::string& relative) {
  std::string p = std::string(RELGRAPH_DATA_DIR) + "/" + relative;
  return std::filesystem::exists(p) ? p : "";
}

int run_command(const std::string& command, std::string* out, std::string* err) {
  auto tmp = std::filesystem::temp_directory_path();
  std::string o = (tmp / ("rg_out_" + std::to_string(::getpid()) + "_" + std::to_string(std::rand()))).string();
  std::string e = o + ".err";
  int rc = std::system((command + " >" + o + " 2>" + e).c_str());
  auto slurp = [](const std::string& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  if (out) *out = slurp(o);
  if (err) *err = slurp(e);
  std::filesystem::remove(o);
  std::filesystem::remove(e);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace relgraph::testing
