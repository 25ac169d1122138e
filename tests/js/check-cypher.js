// Parses Cypher scripts with Neo4j's own Cypher parser
// (@neo4j-cypher/language-support) and reports every syntax error.
// Usage: node check-cypher.js FILE...   (one statement a line; // comments)
// Prints {"statements": N, "errors": ["FILE:LINE: message", ...]} and exits 1
// if any statement fails to parse. Run by tests/neo4j_test.cpp.
"use strict";
const fs = require("fs");
const { lintCypherQuery } = require("@neo4j-cypher/language-support");

const files = process.argv.slice(2);
if (!files.length) {
  console.error("usage: node check-cypher.js FILE...");
  process.exit(2);
}
let statements = 0;
const errors = [];
for (const file of files) {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  lines.forEach((line, i) => {
    if (!line.trim() || line.startsWith("//")) return;
    statements++;
    // Severity 1 is an error; warnings (deprecations, unknown labels without
    // a schema) do not make a script unloadable.
    for (const d of lintCypherQuery(line, {}).diagnostics)
      if (d.severity === 1) errors.push(`${file}:${i + 1}: ${d.message}`);
  });
}
console.log(JSON.stringify({ statements, errors }));
process.exit(errors.length ? 1 : 0);
