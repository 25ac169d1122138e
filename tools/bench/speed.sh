#!/usr/bin/env bash
# Start-up and corpus speed (not a test), the figures quoted for issue-level
# speed work: one core, whole process.
#  1. start-up: `extract` of the sample article and `--version` (hyperfine wall
#     time; callgrind instruction count, which a loaded machine does not skew);
#  2. corpus: EWT test as 316 article files (one per `# newdoc`, sentences'
#     `# text` joined into paragraphs), `extract DIR -j 1`: hyperfine wall time,
#     tokens/s (UD words), /usr/bin/time peak memory; instruction count with
#     CALLGRIND_CORPUS=1 (slow).
#
# Usage: tools/bench/speed.sh [RELGRAPH] [RUNS]      (default: build/relgraph, 5)
# Env:   RELGRAPH_DATA (default ../shared/data), CPU (core to pin, default 0),
#        ARGS (extra flags, e.g. "--models /other/models --schemas /other/schemas"
#        to measure another checkout), CALLGRIND (0 skips callgrind), CALLGRIND_CORPUS.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "${1:-$root/build/relgraph}")
runs=${2:-5}
data=${RELGRAPH_DATA:-$root/../shared/data}
gold=$data/ud-english-ewt/en_ewt-ud-test.conllu
cpu=${CPU:-0}
read -r -a args <<<"${ARGS:-}"
sample=$root/samples/us-tunisia-counterterrorism.txt
[[ -x $bin ]] || { echo "speed: no $bin (build relgraph_cli first)" >&2; exit 1; }
[[ -f $gold ]] || { echo "speed: no $gold" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"

"$root/tools/bench/ewt-corpus.sh" "$gold" "$tmp/corpus"
articles=$(ls "$tmp/corpus" | wc -l)
tokens=$(grep -cE '^[0-9]+	' "$gold")

hf() {  # label, command...: prints "label: mean ± sd s (median m s, min s)"
  local label=$1; shift
  hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$tmp/h.json" "$*" >/dev/null 2>&1
  python3 - "$label" "$tmp/h.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[2]))["results"][0]
sd = r["stddev"] or 0.0  # null for a single run
print(f"{sys.argv[1]}: mean {r['mean']:.3f} s ± {sd:.3f}, median {r['median']:.3f} s, min {r['min']:.3f} s (wall)")
PY
}
instructions() {  # command...: callgrind's instruction count
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$@" >/dev/null 2>"$tmp/cg.err" || { cat "$tmp/cg.err" >&2; return 1; }
  sed -nE 's/.*Collected : ([0-9]+).*/\1/p' "$tmp/cg.err"
}

echo "speed: $("$bin" --version), CPU $cpu, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
pin=(taskset -c "$cpu")
hf "start-up: extract sample" "${pin[@]}" "$bin" extract "${args[@]}" "$sample" -o "$tmp/s.tsv"
hf "start-up: --version" "${pin[@]}" "$bin" --version
if [[ ${CALLGRIND:-1} != 0 ]] && command -v valgrind >/dev/null; then
  echo "start-up: extract sample: $(instructions "$bin" extract "${args[@]}" "$sample" -o "$tmp/s.tsv") instructions (callgrind)"
  echo "start-up: --version: $(instructions "$bin" --version) instructions (callgrind)"
fi

echo "corpus: $articles articles, $tokens tokens (EWT test)"
hf "corpus: extract -j 1" "${pin[@]}" "$bin" extract "${args[@]}" "$tmp/corpus" -j 1 -o "$tmp/c.jsonld"
mean=$(python3 -c "import json; print(json.load(open('$tmp/h.json'))['results'][0]['median'])")
python3 -c "print(f'corpus: {$tokens / $mean:.0f} tokens/s (median wall)')"
/usr/bin/time -v "${pin[@]}" "$bin" extract "${args[@]}" "$tmp/corpus" -j 1 -o "$tmp/c.jsonld" 2>"$tmp/time.log" >/dev/null
awk -F': ' '/Maximum resident set size/ { printf "corpus: peak memory %.0f MB\n", $2 / 1024 }
            /User time/ { u = $2 } /System time/ { s = $2 } END { printf "corpus: CPU %.2f s user + %.2f s system\n", u, s }' "$tmp/time.log"
if [[ ${CALLGRIND_CORPUS:-0} != 0 ]]; then
  echo "corpus: $(instructions "$bin" extract "${args[@]}" "$tmp/corpus" -j 1 -o "$tmp/c.jsonld") instructions (callgrind)"
fi
