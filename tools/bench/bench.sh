#!/usr/bin/env bash
# Speed benchmark (not a test): tokenize + tag + parse on one core over the
# UD English-EWT test set, raw text and pretokenized, with a warm-up and
# several runs. Prints words per second (median over runs) for the pipeline
# alone (from `relgraph parse --stats`, model loading excluded; wall-clock and
# process CPU time, which is what to quote on a busy machine) and end to end
# (hyperfine wall time of the whole command, loading and output included).
#
# Usage: tools/bench/bench.sh [BUILD_DIR] [RUNS]    (default: build, 5 runs)
# Env:   RELGRAPH_DATA (default ../shared/data), CPU (core to pin, default 0),
#        UNTIL (last layer: tokens, tags or deps; default deps),
#        MODELS (models directory; default: relgraph's own lookup, $RELGRAPH_MODELS or models/)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
runs=${2:-5}
bin=$build/relgraph
data=${RELGRAPH_DATA:-$root/../shared/data}
gold=$data/ud-english-ewt/en_ewt-ud-test.conllu
cpu=${CPU:-0}
until=${UNTIL:-deps}
models=()
[[ -n ${MODELS:-} ]] && models=(--models "$MODELS")
[[ -x $bin ]] || { echo "bench: no $bin (build relgraph_cli first)" >&2; exit 1; }
[[ -f $gold ]] || { echo "bench: no $gold" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Raw text as the tokenizer sees it in `relgraph eval ud`: sentences of a
# paragraph joined by a space, a blank line between paragraphs.
"$root/tools/bench/ewt-corpus.sh" --text "$gold" "$tmp/raw.txt"
# Pretokenized: one sentence a line, the gold words separated by spaces.
awk -F'\t' '/^[0-9]+\t/ { line = line (line == "" ? "" : " ") $2 }
            /^$/ { if (line != "") print line; line = "" }
            END { if (line != "") print line }' "$gold" >"$tmp/pre.txt"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

bench() {  # name, extra flags
  local name=$1; shift
  local cmd=(taskset -c "$cpu" "$bin" parse --until "$until" "${models[@]}" "$@" -o "$tmp/out.conllu")
  # Warm-up (page cache, models); fails loudly on a missing model.
  "${cmd[@]}" >/dev/null 2>"$tmp/warm.err" || { cat "$tmp/warm.err" >&2; exit 1; }
  local rates=() cpu_rates=() words=0
  for ((i = 0; i < runs; i++)); do
    local line
    line=$("${cmd[@]}" --stats 2>&1 >/dev/null | grep '^parse:')
    words=$(sed -E 's/.* ([0-9]+) words in.*/\1/' <<<"$line")
    rates+=("$(sed -E 's/.* s \(([0-9]+) words\/s\), cpu.*/\1/' <<<"$line")")
    cpu_rates+=("$(sed -E 's/.*cpu .* \(([0-9]+) words\/s\)$/\1/' <<<"$line")")
  done
  local med cpu_med
  med=$(printf '%s\n' "${rates[@]}" | median)
  cpu_med=$(printf '%s\n' "${cpu_rates[@]}" | median)
  printf '%-12s %6d words  pipeline only: median %7.0f words/s wall, %7.0f words/s CPU over %d runs (wall: %s)\n' \
    "$name" "$words" "$med" "$cpu_med" "$runs" "${rates[*]}"
  if command -v hyperfine >/dev/null; then
    hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$tmp/h.json" "${cmd[*]}" >/dev/null 2>&1
    local mean
    mean=$(sed -nE 's/.*"mean": ([0-9.e-]+).*/\1/p' "$tmp/h.json" | head -1)
    awk -v w="$words" -v m="$mean" -v n="$name" \
      'BEGIN { printf "%-12s %6d words  end to end:   mean %.3f s = %7.0f words/s (hyperfine, loading + output)\n", n, w, m, w / m }'
  fi
}

echo "relgraph bench: $("$bin" --version), EWT test, until $until, CPU $cpu, $(date -u +%Y-%m-%dT%H:%MZ)"
bench raw "$tmp/raw.txt"
bench pretokenized --pretokenized "$tmp/pre.txt"
