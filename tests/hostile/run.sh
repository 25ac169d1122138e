#!/bin/bash
# Hostile-input suite: generates broken, huge, deeply nested and malicious
# inputs in a temporary directory (nothing large is kept in the repository),
# runs relgraph on each and checks that it neither crashes (signal, exit 3,
# sanitizer report), hangs (timeout) nor exits 0 where the input must be
# refused. Usage: tests/hostile/run.sh path/to/relgraph [seconds per case]
set -u
rg=$(realpath "$1")
limit=${2:-60}
dir=$(mktemp -d "${TMPDIR:-/tmp}/rg_hostile.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 2
failures=0
cases=0

# expect STATUS-SET NAME COMMAND...: STATUS-SET is e.g. "1" or "0|1".
expect() {
  local want=$1 name=$2
  shift 2
  cases=$((cases + 1))
  timeout -s KILL "$limit" "$@" >"$name.out" 2>"$name.err"
  local got=$?
  if [ $got -eq 137 ]; then
    echo "HANG   $name (killed after ${limit} s)"
    failures=$((failures + 1))
  elif ! [[ "|$want|" == *"|$got|"* ]] || grep -q "Sanitizer\|runtime error" "$name.err"; then
    echo "FAIL   $name: exit $got (expected $want): $(head -c 300 "$name.err")"
    failures=$((failures + 1))
  fi
}

py() { python3 -c "$1"; }
tsv_head=$'subject\tpredicate\tobject\tconfidence\tsentence'

# --- JSON-LD -------------------------------------------------------------------
py 'print("["*1000000)' >open.jsonld
py 'print("{\"@graph\": " + "["*100000 + "]"*100000 + "}")' >deep.jsonld
printf '{"@graph": [{"@id": "https://w3id.org/relgraph/entity/a", "@type": "Person", "name": "A\xff"}]}' >badutf8.jsonld
printf '{"@graph": [{"@id": "https://w3id.org/relgraph/entity/a%%00b", "@type": "Person", "name": "A"}]}' >nul-id.jsonld
printf '{"@graph": [{"@id": "https://w3id.org/relgraph/entity/a", "@type": "Person", "name": "A\\u0000B"}]}' >nul-name.jsonld
printf '{"@graph": [{"@id": "https://w3id.org/relgraph/entity/a", "@type": "Person", "name": "A", "mention": [{"sentence": 99999999999}]}]}' >bigsentence.jsonld
for f in open deep badutf8 nul-id nul-name bigsentence; do
  expect 1 "convert-$f" "$rg" convert "$f.jsonld" -o "$f.tsv"
  expect 1 "query-$f" "$rg" query "$f.jsonld" stats
done
expect 1 merge-deep "$rg" merge deep.jsonld open.jsonld -o merged.jsonld
py 'print("{\"entities\": [], \"triples\": " + "["*200000 + "}")' >deep-gold.json
printf '%s\nA\tb\tC\t1\t0\n' "$tsv_head" >one.tsv
expect 1 eval-deep-gold "$rg" eval kg deep-gold.json one.tsv
printf '{"entities": [], "triples": []}' >empty-gold.json
expect 1 eval-empty-gold "$rg" eval kg empty-gold.json one.tsv
# Zeros RapidJSON 1.1.0 misread (0E0111 as 1.28e+294, 30 decimals as 9.6e-240).
"$rg" convert one.tsv -o one.jsonld
for zero in 0E0111 0.000000000000000000000000000000; do
  sed "s/\"confidence\": 1,/\"confidence\": $zero,/" one.jsonld >zero.jsonld
  expect 0 "jsonld-zero-$zero" "$rg" convert zero.jsonld -o zero.tsv
  if [ "$(cut -f4 zero.tsv 2>/dev/null | tail -1)" != 0 ]; then
    echo "FAIL   jsonld-zero-$zero: confidence $zero not read as 0: $(tail -1 zero.tsv 2>/dev/null)"
    failures=$((failures + 1))
  fi
done

# --- GraphML -------------------------------------------------------------------
py 'n=100000; print("<graphml>" + "<a>"*n + "</a>"*n + "</graphml>")' >deep.graphml
py '
import json
deep = "["*100000 + "]"*100000
print("<graphml><key id=\"k\" for=\"node\" attr.name=\"aliases\"/><graph><node id=\"a\"><data key=\"k\">" + deep + "</data></node></graph></graphml>")' >deepjson.graphml
printf '<graphml><graph><node id="a\xc3"/></graph></graphml>' >badutf8.graphml
printf '<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><graphml><graph><node id="&c;"/></graph></graphml>' >laughs.graphml
printf '<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]><graphml><graph><node id="&x;"/></graph></graphml>' >xxe.graphml
for f in deep deepjson badutf8; do
  expect 1 "convert-$f-graphml" "$rg" convert "$f.graphml" -o "$f-graphml.tsv"
done
for f in laughs xxe; do  # refused, or read without expanding anything
  expect "0|1" "convert-$f" "$rg" convert "$f.graphml" -o "$f.tsv"
  if grep -q "root:\|aaaaaaaaaaaaaaaaaaaa" "$f.tsv" 2>/dev/null; then
    echo "FAIL   $f: an entity was expanded"
    failures=$((failures + 1))
  fi
done

# --- TSV -----------------------------------------------------------------------
printf '%s\nA\xff\tb\tC\t1\t0\n' "$tsv_head" >badutf8.tsv
printf '%s\nA\tb\tC\t1e20\t0\n' "$tsv_head" >bigconf.tsv
printf '%s\nA\tb\tC\t1\t99999999999\n' "$tsv_head" >bigsentence.tsv
printf '%s\nA\x00\tb\tC\t1\t0\n' "$tsv_head" >nul.tsv
printf '\xef\xbb\xbf%s\nA\tb\tC\t1\t0\n' "$tsv_head" >bom.tsv
expect 1 tsv-badutf8 "$rg" convert badutf8.tsv -o badutf8.jsonld
expect 1 tsv-bigsentence "$rg" convert bigsentence.tsv -o bigsentence.jsonld
expect 1 tsv-nul "$rg" convert nul.tsv -o nul.jsonld
expect 0 tsv-bom "$rg" convert bom.tsv -o bom.jsonld
expect 0 tsv-bigconf "$rg" convert bigconf.tsv -o bigconf.nt
if ! grep -q '"100000000000000000000"^^' bigconf.nt; then
  echo "FAIL   tsv-bigconf: 1e20 not written as the integer 100000000000000000000"
  failures=$((failures + 1))
fi
for fmt in jsonld graphml dot nt cypher; do
  expect 0 "bigconf-to-$fmt" "$rg" convert bigconf.tsv -o "bigconf.$fmt"
done

# --- JSONL stream --------------------------------------------------------------
{
  echo '{"id": "ok", "text": "Mara Quill founded Tidewater Labs in Oslo."}'
  py 'print("{\"id\": \"deep\", \"text\": " + "["*100000 + "}")'
  printf '{"id": "bad-utf8", "text": "A\xff"}\n'
  echo '[[[[[[[['
  echo '{"id": "ok2", "text": "Idris Vale joined Tidewater Labs."}'
} >records.jsonl
expect 0 stream-bad-records "$rg" extract --stream --jsonl records.jsonl -o stream.jsonl
if [ "$(grep -c '' stream.jsonl 2>/dev/null)" != 5 ] || [ "$(grep -c '"error"' stream.jsonl)" != 3 ]; then
  echo "FAIL   stream-bad-records: expected 5 lines, 3 of them errors"
  failures=$((failures + 1))
fi
expect 0 stream-bad-records-j2 "$rg" extract --stream -j 2 --jsonl records.jsonl -o stream2.jsonl
cp records.jsonl records2.jsonl
expect 2 stream-onto-input "$rg" extract --stream --jsonl records2.jsonl -o records2.jsonl
cmp -s records.jsonl records2.jsonl || { echo "FAIL   stream-onto-input: the input changed"; failures=$((failures + 1)); }
expect 1 merge-bad-lines "$rg" merge records.jsonl -o merged2.jsonld

# --- text ----------------------------------------------------------------------
printf 'Mara Quill founded \x1b[1mTidewater Labs\x1b[0m in Oslo.\v\fIdris Vale joined her.\x07\n' >control.txt
expect 0 extract-control-dir "$rg" extract control.txt -o out/
[ "$(ls out | wc -l)" = 6 ] || { echo "FAIL   extract-control-dir: not every format written"; failures=$((failures + 1)); }
printf 'Headline\nPublished 123456789012345\n\nMara Quill founded Tidewater Labs in Oslo on Monday, the company said.\n' >bigdate.txt
expect "0|1" extract-bigdate "$rg" extract bigdate.txt -o bigdate.tsv
printf '\xff\xfeA\x00B\x00' >utf16.txt
expect 1 extract-utf16 "$rg" extract utf16.txt -o utf16.tsv
cp control.txt same.txt
expect 2 extract-onto-input "$rg" extract same.txt --format tsv -o same.txt
cmp -s control.txt same.txt || { echo "FAIL   extract-onto-input: the input changed"; failures=$((failures + 1)); }

mkdir -p in-dir && printf '%s\nA\tb\tC\t1\t0\n' "$tsv_head" >in-dir/g.tsv && cp in-dir/g.tsv g-copy.tsv
expect 2 extract-dir-onto-input "$rg" extract in-dir/g.tsv -o in-dir/
cmp -s in-dir/g.tsv g-copy.tsv || { echo "FAIL   extract-dir-onto-input: the input changed"; failures=$((failures + 1)); }

# --- work limits ---------------------------------------------------------------
# One unpunctuated 25,000-word sentence: split at the sentence cap, and CaRB
# output names each piece, not the whole line per tuple.
py '
import itertools
w = "the minister met officials and discussed plans for security in the region with partners".split()
print(" ".join(itertools.islice(itertools.cycle(w), 25000)) + ".")' >long-sentence.txt
expect 0 carb-long-sentence "$rg" extract long-sentence.txt --format carb -o long.carb
if [ "$(stat -c %s long.carb 2>/dev/null || echo 0)" -gt 50000000 ]; then
  echo "FAIL   carb-long-sentence: $(stat -c %s long.carb) bytes of output"
  failures=$((failures + 1))
fi
# --timeout: exit 1, and neither the output nor a temporary is left.
py 'print("\n".join(["Mara Quill founded Tidewater Labs in Oslo in May."] * 20000))' >many.txt
expect 1 extract-timeout "$rg" extract many.txt --timeout 1 -o timed.jsonld
if [ -e timed.jsonld ] || ls -a | grep -q 'relgraph-tmp'; then
  echo "FAIL   extract-timeout: an output or a temporary was left"
  failures=$((failures + 1))
fi
# In corpus mode --timeout is per article: the slow one is named and skipped
# (exit 1), the other's facts are written.
mkdir -p timed-dir && head -n 5000 many.txt >timed-dir/slow.txt
printf 'Idris Vale joined Tidewater Labs in Oslo.\n' >timed-dir/quick.txt
expect 1 corpus-timeout "$rg" extract timed-dir --timeout 1 -o timed-corpus.tsv
if ! grep -q 'slow.txt: the article took longer than the time limit of 1 s' corpus-timeout.err ||
  ! grep -q 'Idris Vale' timed-corpus.tsv 2>/dev/null || grep -q 'quick.txt' corpus-timeout.err; then
  echo "FAIL   corpus-timeout: the slow article was not named, or the quick one was lost"
  failures=$((failures + 1))
fi
expect 0 stream-timeout "$rg" extract --stream --timeout 1 --jsonl <(python3 -c '
import json
print(json.dumps({"id": "quick", "text": "Idris Vale joined Tidewater Labs in Oslo."}))
print(json.dumps({"id": "slow", "text": open("timed-dir/slow.txt").read()}))') -o timed-stream.jsonl
if [ "$(grep -c '"error"' timed-stream.jsonl 2>/dev/null)" != 1 ] || ! grep -q '"id":"quick","entities"' timed-stream.jsonl; then
  echo "FAIL   stream-timeout: expected the quick graph and one error line"
  failures=$((failures + 1))
fi

echo "hostile inputs: $cases cases, $failures failed"
[ $failures -eq 0 ]
