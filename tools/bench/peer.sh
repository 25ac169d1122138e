#!/usr/bin/env bash
# relgraph beside a peer (not a test): wink-nlp 2.4.0 with
# wink-eng-lite-web-model 1.8.1 (pinned in tools/bench/wink/package-lock.json)
# tokenises, tags and finds pattern entities, with no parser; `relgraph
# entities` tokenises, tags, parses and recognises. Both read EWT test as raw
# text; hyperfine times the whole process (loading included) on one core.
# The issue's target: relgraph <= 0.5 x wink's wall time.
#
# Usage: tools/bench/peer.sh [RELGRAPH] [RUNS]      (default: build/relgraph, 5)
# Env:   RELGRAPH_DATA (default ../shared/data), CPU (core to pin, default 0).
# Installs the peer on first use: (cd tools/bench/wink && npm ci).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "${1:-$root/build/relgraph}")
runs=${2:-5}
data=${RELGRAPH_DATA:-$root/../shared/data}
gold=$data/ud-english-ewt/en_ewt-ud-test.conllu
cpu=${CPU:-0}
wink=$root/tools/bench/wink
[[ -x $bin ]] || { echo "peer: no $bin (build relgraph_cli first)" >&2; exit 1; }
[[ -f $gold ]] || { echo "peer: no $gold" >&2; exit 1; }
[[ -d $wink/node_modules/wink-nlp ]] || (cd "$wink" && npm ci --no-audit --no-fund >/dev/null)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$root/tools/bench/ewt-corpus.sh" --text "$gold" "$tmp/raw.txt"

echo "peer: $("$bin" --version) vs wink-nlp $(node -p "require('$wink/node_modules/wink-nlp/package.json').version"), node $(node --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wink: $(node "$wink/run.js" "$tmp/raw.txt")"
hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$tmp/h.json" \
  "taskset -c $cpu $bin entities $tmp/raw.txt -o $tmp/e.txt" "taskset -c $cpu node $wink/run.js $tmp/raw.txt" >/dev/null 2>&1
python3 - "$tmp/h.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
for name, x in zip(("relgraph entities", "wink-nlp"), r):
    print(f"{name}: median {x['median']:.3f} s wall (mean {x['mean']:.3f} ± {x['stddev']:.3f})")
print(f"relgraph / wink: {r[0]['median'] / r[1]['median']:.2f} x wall time (target <= 0.5)")
PY
