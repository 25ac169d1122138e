#!/usr/bin/env bash
# Document-length and thread scaling (not a test), the figures quoted for
# issue-level speed work:
#  1. one document holding 1, 8 and 32 copies of EWT test as raw text
#     (25k, 200k and 800k tokens), `extract FILE`: CPU seconds (user + system,
#     best of RUNS, /usr/bin/time) and tokens per CPU second, relative to one
#     copy; the target is >= 0.8 for the 200k-token document (8 copies);
#  2. EWT test as 316 article files, `extract DIR -j 1` and `-j 2`: wall time
#     (hyperfine, median) and the speed-up; the target is >= 1.8 on a quiet
#     2-core machine (the load average is printed: another job on the machine
#     takes a core away from -j 2).
#
# Usage: tools/bench/scaling.sh [RELGRAPH] [RUNS]    (default: build/relgraph, 3)
# Env:   RELGRAPH_DATA (default ../shared/data), COPIES (default "1 8 32"),
#        ARGS (extra flags for relgraph), THREADS (0 skips part 2).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "${1:-$root/build/relgraph}")
runs=${2:-3}
data=${RELGRAPH_DATA:-$root/../shared/data}
gold=$data/ud-english-ewt/en_ewt-ud-test.conllu
read -r -a args <<<"${ARGS:-}"
[[ -x $bin ]] || { echo "scaling: no $bin (build relgraph_cli first)" >&2; exit 1; }
[[ -f $gold ]] || { echo "scaling: no $gold" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"

echo "scaling: $("$bin" --version), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
# Raw text as `relgraph eval ud` reads it: a blank line between paragraphs.
"$root/tools/bench/ewt-corpus.sh" --text "$gold" "$tmp/x1.txt"
tokens1=$(grep -cE '^[0-9]+	' "$gold")
base=""
for k in ${COPIES:-1 8 32}; do
  for ((i = 0; i < k; i++)); do cat "$tmp/x1.txt"; echo; done >"$tmp/doc.txt"
  best=""
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$bin" extract "${args[@]}" "$tmp/doc.txt" -o "$tmp/doc.jsonld"
    read -r user sys rss <"$tmp/time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    if [[ -z $best ]] || awk -v a="$cpu" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$cpu; mem=$rss; fi
  done
  rate=$(awk -v t="$((tokens1 * k))" -v c="$best" 'BEGIN { printf "%.0f", t / c }')
  [[ -z $base ]] && base=$rate
  awk -v k="$k" -v t="$((tokens1 * k))" -v c="$best" -v r="$rate" -v b="$base" -v m="$mem" \
    'BEGIN { printf "document: %2d cop%s of EWT test, %6d tokens: %6.2f s CPU = %6d tokens/CPU-s (%.2f of one copy), peak %d MB\n",
             k, (k == 1 ? "y " : "ies"), t, c, r, r / b, m / 1024 }'
done

[[ ${THREADS:-1} == 0 ]] && exit 0
"$root/tools/bench/ewt-corpus.sh" "$gold" "$tmp/corpus"
declare -A wall
for j in 1 2; do
  hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$tmp/h$j.json" \
    "$bin extract ${args[*]} $tmp/corpus -j $j -o $tmp/c$j.jsonld" >/dev/null 2>&1
  wall[$j]=$(python3 -c "import json; print(json.load(open('$tmp/h$j.json'))['results'][0]['median'])")
  python3 -c "print(f'corpus: -j $j: median {${wall[$j]}:.3f} s wall = {$tokens1 / ${wall[$j]}:.0f} tokens/s')"
done
python3 -c "print(f'corpus: -j 2 is {${wall[1]} / ${wall[2]}:.2f} x -j 1 (load average then: $(cut -d' ' -f1 /proc/loadavg))')"
