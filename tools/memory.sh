#!/bin/sh
# Peak memory and CPU time of `extract` on one document of N MB, made of the
# sample article's paragraphs repeated (the lines above the body once), for each N given.
#   tools/memory.sh 1 5 25              # build/relgraph; BIN=... for another binary
#   nice -n 10 tools/memory.sh 1 5 25
#   ARGS="--disable coref.definite" tools/memory.sh 1 5 25    # extra extract arguments
# Prints: MB, user CPU seconds, peak resident KB, KB per MB of text above the
# smallest size's peak (the growth that must stay about constant).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${BIN:-$root/build/relgraph}
dir=$(mktemp -d "${TMPDIR:-/tmp}/rg_memory.XXXXXX")
trap 'rm -rf "$dir"' EXIT
first_mb=""
first_kb=""
printf '%6s %10s %12s %14s\n' MB 'CPU s' 'peak KB' 'KB/MB growth'
for mb in "$@"; do
  python3 - "$root/samples/us-tunisia-counterterrorism.txt" "$mb" "$dir/mem$mb.txt" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
blocks = [b for b in text.split("\n\n") if b.strip()]
first = next(i for i, b in enumerate(blocks) if len(b) > 200)  # the body's first paragraph
head, paragraphs = "\n\n".join(blocks[:first]), blocks[first:]
size = int(float(sys.argv[2]) * 1_000_000)
out = [head]
n = len(head)
i = 0
while n < size:
    p = paragraphs[i % len(paragraphs)]
    out.append(p)
    n += len(p.encode("utf-8")) + 2
    i += 1
open(sys.argv[3], "w", encoding="utf-8").write("\n\n".join(out) + "\n")
EOF
  # shellcheck disable=SC2086
  /usr/bin/time -f '%U %M' -o "$dir/time$mb" "$bin" extract "$dir/mem$mb.txt" -o "$dir/out$mb.tsv" ${ARGS:-}
  read -r cpu kb <"$dir/time$mb"
  if [ -z "$first_mb" ]; then
    first_mb=$mb
    first_kb=$kb
    growth=-
  else
    growth=$(awk -v a="$first_kb" -v b="$kb" -v m0="$first_mb" -v m="$mb" 'BEGIN {printf "%.0f", (b - a) / (m - m0)}')
  fi
  printf '%6s %10s %12s %14s\n' "$mb" "$cpu" "$kb" "$growth"
done
