// Times loading a relgraph export directory into an in-memory Kuzu database,
// both ways: kuzu.cypher (one CREATE a node or fact) and kuzu-load.cypher
// (schema + COPY FROM the two CSV files). Usage (from the repository root):
//   node tools/bench-kuzu.js DIR [rows|copy ...]
// DIR is what `relgraph merge ... --to neo4j -o DIR` writes. Uses Kuzu from
// tests/db/node_modules (tools/install-deps.sh). Prints one line per way:
//   copy: 1234 entities, 2345 relations in 0.42 s
"use strict";
const fs = require("fs");
const path = require("path");
const kuzu = require(path.join(__dirname, "..", "tests", "db", "node_modules", "kuzu"));

const [dir, ...ways] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node tools/bench-kuzu.js DIR [rows|copy ...]");
  process.exit(2);
}
const scripts = { rows: "kuzu.cypher", copy: "kuzu-load.cypher" };

async function count(conn, query) {
  const r = await conn.query(query);
  const rows = await r.getAll();
  r.close();
  return Number(rows[0].n);
}

async function time(way) {
  const db = new kuzu.Database(":memory:");
  const conn = new kuzu.Connection(db);
  const cwd = process.cwd();
  process.chdir(dir);
  const start = process.hrtime.bigint();
  for (const line of fs.readFileSync(scripts[way], "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("//")) continue;
    const r = await conn.query(line);
    for (const x of Array.isArray(r) ? r : [r]) x.close();
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.chdir(cwd);
  const entities = await count(conn, "MATCH (e:Entity) RETURN count(e) AS n");
  const relations = await count(conn, "MATCH ()-[r:Relation]->() RETURN count(r) AS n");
  await conn.close();
  await db.close();
  console.log(`${way}: ${entities} entities, ${relations} relations in ${seconds.toFixed(2)} s`);
}

(async () => {
  for (const way of ways.length ? ways : ["copy", "rows"]) await time(way);
})().catch((e) => {
  console.error("bench-kuzu: " + (e && e.stack ? e.stack : e));
  process.exit(1);
});
