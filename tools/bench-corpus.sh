#!/usr/bin/env bash
# Corpus benchmark (not a test): articles/s and tokens/s of `relgraph extract`
# over a corpus on 1 and 2 threads, and peak memory (/usr/bin/time -v).
#
#   tools/bench-corpus.sh                 # corpus made from UD EWT train documents
#   tools/bench-corpus.sh DIR             # every file under DIR is an article
#   ARTICLES=1000 tools/bench-corpus.sh   # how many EWT-made articles (default 540 = all)
#   RELGRAPH=build/relgraph THREADS="1 2" tools/bench-corpus.sh
#
# The made-up corpus: one article per EWT document (# newdoc), its sentences'
# raw `# text` joined into paragraphs (weblogs, emails, reviews, news-like
# posts; 204k tokens over 540 documents), repeated with a suffix when more
# articles are asked for than EWT has. Numbers go to docs/graph-cli.md.
set -euo pipefail
cd "$(dirname "$0")/.."
relgraph=${RELGRAPH:-build/relgraph}
threads=${THREADS:-"1 2"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[[ -x $relgraph ]] || { echo "bench-corpus: $relgraph not built (tools/build.sh)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench-corpus: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }

corpus=${1:-}
if [[ -z $corpus ]]; then
  ewt=../shared/data/ud-english-ewt/en_ewt-ud-train.conllu
  [[ -f $ewt ]] || { echo "bench-corpus: no corpus given and $ewt absent" >&2; exit 2; }
  corpus=$work/corpus
  tools/bench/ewt-corpus.sh --articles "${ARTICLES:-540}" "$ewt" "$corpus"
fi
articles=$(find "$corpus" -type f ! -name '.*' | wc -l)
echo "bench-corpus: $articles articles in $corpus; $(nproc) cores; $($relgraph --version)"

for j in $threads; do
  log=$work/time-$j.log
  /usr/bin/time -v "$relgraph" extract "$corpus" -j "$j" --stats -o "$work/graph-$j.jsonld" 2>"$log" || {
    grep -v '^\s' "$log" >&2
    echo "bench-corpus: extract failed on -j $j" >&2
  }
  speed=$(grep '^extract:' "$log" || echo "extract: (no stats)")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f MB", $2 / 1024 }' "$log")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$log")
  echo "-j $j: $speed"
  echo "      wall $wall, peak memory $rss"
done
