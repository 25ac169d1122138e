// Escaping for the hand-written JSON the training commands print (meta.json).
#pragma once
#include <string>

namespace relgraph::cli {

// Escapes quotes, backslashes and newlines; other control characters become spaces.
inline std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\', out += c;
    else if (c == '\n')
      out += "\\n";
    else if (static_cast<unsigned char>(c) < 0x20)
      out += ' ';
    else
      out += c;
  }
  return out;
}

}  // namespace relgraph::cli
