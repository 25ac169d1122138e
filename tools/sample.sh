#!/usr/bin/env bash
# Regenerates output/ from samples/ with an already-built build/relgraph:
# the sample article's graph as JSON-LD, GraphML, DOT, TSV and N-Triples, and
# diagrams (SVG, PNG) drawn from the fact table (no `mentions` hub) with the
# neato layout, which reads best for a news article's 50-120 nodes.
set -euo pipefail
cd "$(dirname "$0")/.."
in=samples/us-tunisia-counterterrorism.txt
out=output/us-tunisia-counterterrorism
mkdir -p output
build/relgraph extract "$in" -o output/ --stats
for img in svg png; do
  build/relgraph render "$out.tsv" -o "$out.$img" --layout neato
done
echo "sample: wrote $(ls output | wc -l) files to output/" >&2
