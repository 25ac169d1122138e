#!/usr/bin/env bash
# Writes UD English-EWT test as article files, the corpus the speed figures use:
# one file per `# newdoc`, each paragraph's sentences (`# text`) joined by
# spaces, a blank line between paragraphs, a final newline.
# Usage: tools/bench/ewt-corpus.sh GOLD.conllu DIR
set -euo pipefail
gold=$1 dir=$2
mkdir -p "$dir"
awk -v dir="$dir" '
  /^# newdoc/ { if (f) close(f); f = sprintf("%s/article-%03d.txt", dir, ++docs); n = 0 }
  /^# newpar/ { if (n) printf "\n\n" > f; n = 0 }
  /^# text = / { t = substr($0, 10); printf "%s%s", (n++ ? " " : ""), t > f }
  END { if (f) close(f) }' "$gold"
for f in "$dir"/*.txt; do echo >>"$f"; done
