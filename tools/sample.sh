#!/usr/bin/env bash
# Regenerates output/ from samples/ with an already-built build/relgraph:
# the sample article's graph as JSON-LD, GraphML, DOT, TSV and N-Triples;
# diagrams (SVG, PNG) drawn from the JSON-LD graph (no `mentions` hub, no lone
# entities) with the layout chosen by size, about 2,000 px on the longer side;
# and the interactive viewer page (HTML, Cytoscape.js inlined).
set -euo pipefail
cd "$(dirname "$0")/.."
in=samples/us-tunisia-counterterrorism.txt
out=output/us-tunisia-counterterrorism
mkdir -p output
build/relgraph extract "$in" -o output/ --stats
for kind in svg png html; do
  build/relgraph render "$out.jsonld" -o "$out.$kind"
done
echo "sample: wrote $(ls output | wc -l) files to output/" >&2
