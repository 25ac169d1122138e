#!/usr/bin/env bash
# Regenerates output/ from samples/ with an already-built build/relgraph.
set -euo pipefail
cd "$(dirname "$0")/.."
in=samples/us-tunisia-counterterrorism.txt
mkdir -p output
for fmt in jsonld graphml dot tsv nt; do
  build/relgraph extract "$in" -o "output/us-tunisia-counterterrorism.$fmt"
done
build/relgraph render output/us-tunisia-counterterrorism.jsonld -o output/us-tunisia-counterterrorism.svg
build/relgraph render output/us-tunisia-counterterrorism.jsonld -o output/us-tunisia-counterterrorism.png
echo "wrote $(ls output | wc -l) files to output/" >&2
