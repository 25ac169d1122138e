// The peer of `relgraph entities`: wink-nlp with wink-eng-lite-web-model
// reads a text file, tokenises, tags (UPOS) and finds its pattern entities;
// prints the counts (tools/bench/peer.sh times it against relgraph).
'use strict';
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const nlp = winkNLP(model);
const its = nlp.its;
const doc = nlp.readDoc(fs.readFileSync(process.argv[2], 'utf8'));
const pos = doc.tokens().out(its.pos);
const entities = doc.entities().out(its.detail);
console.log(`tokens ${pos.length} sentences ${doc.sentences().length()} entities ${entities.length}`);
