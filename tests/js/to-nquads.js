#!/usr/bin/env node
// Converts a relgraph JSON-LD file (argument, or stdin) to N-Quads with the
// reference processor jsonld.js in safe mode: any term, IRI or value it
// would silently drop is an error instead. Used by tests/io_test.cpp.
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');

async function main() {
  const text = fs.readFileSync(process.argv[2] || 0, 'utf8');
  const doc = JSON.parse(text);
  // No remote contexts: relgraph inlines its @context.
  const documentLoader = (url) => { throw new Error('refusing to load remote document ' + url); };
  const nquads = await jsonld.toRDF(doc, {format: 'application/n-quads', safe: true, documentLoader});
  process.stdout.write(nquads);
}

main().catch((e) => {
  process.stderr.write('to-nquads: ' + (e && e.message ? e.message : e) + '\n');
  if (e && e.details) process.stderr.write(JSON.stringify(e.details, null, 1).slice(0, 2000) + '\n');
  process.exit(1);
});
