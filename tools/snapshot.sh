#!/usr/bin/env bash
# Writes every output a refactoring must leave unchanged into DIR, so two
# builds can be compared with `diff -r`:
#   tools/snapshot.sh build /tmp/before   # ... change the code, rebuild ...
#   tools/snapshot.sh build /tmp/after && diff -r /tmp/before /tmp/after
# Covers the sample article (every format), CaRB dev, UNER test, UD test and
# the news development set in ../shared/eval/news-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:?usage: tools/snapshot.sh BUILD_DIR OUT_DIR}
OUT=${2:?usage: tools/snapshot.sh BUILD_DIR OUT_DIR}
R="$BUILD/relgraph"
D=../shared/data
E=../shared/eval
mkdir -p "$OUT/sample" "$OUT/news-dev"
for f in jsonld graphml dot tsv nt; do
  "$R" extract samples/us-tunisia-counterterrorism.txt -o "$OUT/sample/sample.$f"
done
"$R" extract --format carb --pretokenized "$D/carb/dev.txt" -o "$OUT/carb-dev.tsv"
awk -F'\t' 'BEGIN{s=""} /^#/ {next} NF==0 {if (s!="") print s; s=""; next} {s = (s=="" ? $2 : s" "$2)} END{if (s!="") print s}' \
  "$D/uner-english-ewt/en_ewt-ud-test.iob2" > "$OUT/uner-test.txt"
"$R" entities --pretokenized "$OUT/uner-test.txt" --format json -o "$OUT/uner-test.entities.json"
grep '^# text = ' "$D/ud-english-ewt/en_ewt-ud-test.conllu" | sed 's/^# text = //' > "$OUT/ud-test.txt"
"$R" parse "$OUT/ud-test.txt" -o "$OUT/ud-test.conllu"
for f in "$E"/news-dev/*.txt; do
  b=$(basename "$f" .txt)
  "$R" extract "$f" -o "$OUT/news-dev/$b.tsv"
  "$R" extract "$f" -o "$OUT/news-dev/$b.jsonld"
done
rm -f "$OUT/uner-test.txt" "$OUT/ud-test.txt"
# Outputs name their input file; keep the comparison independent of OUT_DIR.
grep -rl --null -F "$OUT" "$OUT" | xargs -0 -r sed -i "s|$OUT|OUT_DIR|g"
echo "snapshot: $(find "$OUT" -type f | wc -l) files in $OUT" >&2
