// Loads relgraph's exports into real embedded databases and queries them back.
// Usage: node load.js DIR FROM_ID TO_ID
//   DIR holds graph.nt, graph.jsonld and neo4j/ (nodes.csv, relationships.csv,
//   kuzu.cypher, kuzu-load.cypher ...) as written by relgraph. Prints one JSON object:
//   {"kuzu_script": {...}, "kuzu_csv": {...}, "kuzu_copy": {...}, "oxigraph_nt": {...},
//   "oxigraph_jsonld": {...}}, each with entity and relation counts and the ids
//   along the shortest path FROM -> TO (edge direction ignored); kuzu_copy also
//   returns every fact's list columns and every entity's aliases as loaded. Run by tests/db_test.cpp.
"use strict";
const fs = require("fs");
const path = require("path");
const kuzu = require("kuzu");
const oxigraph = require("oxigraph");

const [dir, fromId, toId] = process.argv.slice(2);
if (!dir || !fromId || !toId) {
  console.error("usage: node load.js DIR FROM_ID TO_ID");
  process.exit(2);
}
const context = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "schemas", "context.jsonld"), "utf8"))["@context"];
const ENT = context.ent;
const REL = context.rel;

// Databases stay referenced until closed: Kuzu crashes if one is collected
// while its connection is still in use.
const opened = [];
function connect() {
  const db = new kuzu.Database(":memory:");
  const conn = new kuzu.Connection(db);
  opened.push([conn, db]);
  return conn;
}

// Every query result is closed: Kuzu's addon crashes at exit on open ones.
async function run(conn, query) {
  const result = await conn.query(query);
  for (const r of Array.isArray(result) ? result : [result]) r.close();
}

async function all(conn, query) {
  const result = await conn.query(query);
  const rows = await result.getAll();
  result.close();
  return rows;
}

const quote = (s) => "'" + s.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";

async function kuzuCounts(conn) {
  const nodes = (await all(conn, "MATCH (e:Entity) RETURN count(e) AS n"))[0].n;
  const edges = (await all(conn, "MATCH ()-[r:Relation]->() RETURN count(r) AS n"))[0].n;
  const rows = await all(
    conn,
    `MATCH p = (a:Entity)-[:Relation* SHORTEST 1..30]-(b:Entity) WHERE a.id = ${quote(fromId)} AND b.id = ${quote(toId)} ` +
      "RETURN properties(nodes(p), 'id') AS ids");
  return { entities: Number(nodes), relations: Number(edges), path: rows.length ? rows[0].ids : [] };
}

// The Kuzu dialect script: one statement a line.
async function kuzuScript() {
  const conn = connect();
  for (const line of fs.readFileSync(path.join(dir, "neo4j", "kuzu.cypher"), "utf8").split("\n")) {
    if (line.trim() && !line.startsWith("//")) await run(conn, line);
  }
  return kuzuCounts(conn);
}

// The Kuzu bulk load as a user runs it: kuzu-load.cypher from the export
// directory (its COPY statements name the CSV files relative to it).
async function kuzuCopy() {
  const conn = connect();
  const cwd = process.cwd();
  process.chdir(path.join(dir, "neo4j"));
  try {
    for (const line of fs.readFileSync("kuzu-load.cypher", "utf8").split("\n")) {
      if (line.trim() && !line.startsWith("//")) await run(conn, line);
    }
  } finally {
    process.chdir(cwd);
  }
  const lists = await all(
    conn,
    "MATCH (a:Entity)-[r:Relation]->(b:Entity) RETURN a.id AS src, b.id AS dst, r.evidence AS evidence, r.documents AS documents, r.attributes AS attributes ORDER BY src, dst, r.predicate, r.negated, r.modality");
  const aliases = await all(conn, "MATCH (e:Entity) RETURN e.id AS id, e.aliases AS aliases, e.attributes AS attributes ORDER BY id");
  return { ...(await kuzuCounts(conn)), facts: lists, entities_lists: aliases };
}

// The neo4j-admin CSV pair, read through its typed headers (name:type, :ID,
// :START_ID ...) exactly as written: no file is edited.
function csvColumns(file) {
  const header = fs.readFileSync(file, "utf8").split("\n")[0].split(",");
  return header.map((h, i) => {
    const colon = h.lastIndexOf(":");
    const type = colon >= 0 ? h.slice(colon + 1) : "string";
    const kuzuType = { int: "INT64", long: "INT64", double: "DOUBLE", float: "DOUBLE", boolean: "BOOLEAN" }[type] || "STRING";
    return { header: h, name: "c" + i, kuzuType, array: type.endsWith("[]") };
  });
}

async function kuzuCsv() {
  const conn = connect();
  const nodesFile = path.join(dir, "neo4j", "nodes.csv");
  const relsFile = path.join(dir, "neo4j", "relationships.csv");
  const nodeCols = csvColumns(nodesFile);
  const relCols = csvColumns(relsFile);
  const col = (cols, header) => {
    const c = cols.find((c) => c.header === header);
    if (!c) throw new Error(`no column '${header}' in ${cols.map((c) => c.header).join(",")}`);
    return c;
  };
  const withHeaders = (cols) => cols.map((c) => `${c.name} ${c.kuzuType}`).join(", ");
  await run(conn, "CREATE NODE TABLE Entity(id STRING, label STRING, labels STRING[], aliases STRING[], PRIMARY KEY (id))");
  await run(conn, "CREATE REL TABLE Relation(FROM Entity TO Entity, type STRING, predicate STRING, confidence DOUBLE, negated BOOLEAN, evidence STRING[])");
  const n = (h) => col(nodeCols, h).name;
  await run(
    conn,
    `COPY Entity FROM (LOAD WITH HEADERS (${withHeaders(nodeCols)}) FROM ${quote(nodesFile)} (header=true) ` +
      `RETURN ${n("id:ID")}, ${n("label")}, string_split(${n(":LABEL")}, ';'), string_split(${n("aliases:string[]")}, ';'))`);
  const r = (h) => col(relCols, h).name;
  await run(
    conn,
    `COPY Relation FROM (LOAD WITH HEADERS (${withHeaders(relCols)}) FROM ${quote(relsFile)} (header=true) ` +
      `RETURN ${r(":START_ID")}, ${r(":END_ID")}, ${r(":TYPE")}, ${r("predicate")}, ${r("confidence:double")}, ` +
      `${r("negated:boolean")}, string_split(${r("evidence:string[]")}, ';'))`);
  return kuzuCounts(conn);
}

// SPARQL over the RDF exports: entities are ent: IRIs with a schema:name,
// relations are rdf:Statements; the path follows direct rel: links (asserted
// facts) either way, found by a breadth-first search of SPARQL queries.
function oxigraphCounts(file, format) {
  const store = new oxigraph.Store();
  store.load(fs.readFileSync(file, "utf8"), { format, base_iri: "file:///" + path.basename(file) });
  const one = (q) => Number(store.query(q)[0].get("n").value);
  const entities = one(
    `SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e <https://schema.org/name> ?l FILTER(STRSTARTS(STR(?e), "${ENT}")) }`);
  const relations = one(
    "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> }");
  const iri = (id) => `<${ENT}${encodeURIComponent(id).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())}>`;
  const idOf = (term) => decodeURIComponent(term.value.slice(ENT.length));
  const parent = new Map([[fromId, null]]);
  let frontier = [fromId];
  while (frontier.length && !parent.has(toId)) {
    const next = [];
    for (const id of frontier) {
      const rows = store.query(
        `SELECT DISTINCT ?m WHERE { { ${iri(id)} ?p ?m } UNION { ?m ?p ${iri(id)} } ` +
          `FILTER(STRSTARTS(STR(?p), "${REL}") && STRSTARTS(STR(?m), "${ENT}")) } ORDER BY ?m`);
      for (const row of rows) {
        const m = idOf(row.get("m"));
        if (!parent.has(m)) {
          parent.set(m, id);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  const route = [];
  if (parent.has(toId)) for (let id = toId; id !== null; id = parent.get(id)) route.unshift(id);
  return { entities, relations, path: route };
}

(async () => {
  const out = {
    kuzu_script: await kuzuScript(),
    kuzu_csv: await kuzuCsv(),
    kuzu_copy: await kuzuCopy(),
    oxigraph_nt: oxigraphCounts(path.join(dir, "graph.nt"), "application/n-triples"),
    oxigraph_jsonld: oxigraphCounts(path.join(dir, "graph.jsonld"), "application/ld+json"),
  };
  for (const [conn, db] of opened) {
    await conn.close();
    await db.close();
  }
  console.log(JSON.stringify(out));
})().catch((e) => {
  console.error("load.js: " + (e && e.stack ? e.stack : e));
  process.exit(1);
});
