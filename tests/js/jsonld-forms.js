#!/usr/bin/env node
// Rewrites a relgraph JSON-LD file the way other tools hand it back, with
// the reference processor jsonld.js: `expand` (full IRIs, @value objects, no
// @context) or `flatten` (one flat node list, blank nodes named).
// Usage: node jsonld-forms.js expand|flatten IN OUT. Used by tests/rdf_in_test.cpp.
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');

async function main() {
  const [form, input, output] = process.argv.slice(2);
  if (!['expand', 'flatten'].includes(form) || !input || !output) {
    throw new Error('usage: node jsonld-forms.js expand|flatten IN OUT');
  }
  const doc = JSON.parse(fs.readFileSync(input, 'utf8'));
  const documentLoader = (url) => { throw new Error('refusing to load remote document ' + url); };
  const out = form === 'expand' ? await jsonld.expand(doc, {safe: true, documentLoader})
                                : await jsonld.flatten(doc, null, {safe: true, documentLoader});
  fs.writeFileSync(output, JSON.stringify(out, null, 1));
}

main().catch((e) => {
  process.stderr.write('jsonld-forms: ' + (e && e.message ? e.message : e) + '\n');
  process.exit(1);
});
