#!/usr/bin/env bash
# What each named rule contributes: for every rule `relgraph rules` lists, runs
# CaRB dev (extract --format carb + eval carb), UNER dev (eval ner), the sample
# article and the news development set (eval kg, directory mode) with that rule
# disabled, Re-DocRED dev entities and coreference (eval docred --no-relations),
# and prints a markdown table of the differences from the run with
# nothing disabled.
#
#   tools/ablate.sh [BUILD_DIR] [RULE...]      # default: build, every listed rule
#
# Data: $RELGRAPH_DATA (default ../shared/data) and $RELGRAPH_EVAL (default
# ../shared/eval), relative to the repository root (or one level above it). A benchmark whose data is
# absent is left out of the table. Scratch files go to a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
shift || true
RG="$BUILD/relgraph"
SHARED=../shared
[ -d "$SHARED" ] || [ ! -d ../../shared ] || SHARED=../../shared  # a checkout one level deeper
D=${RELGRAPH_DATA:-$SHARED/data}
E=${RELGRAPH_EVAL:-$SHARED/eval}
[ -x "$RG" ] || { echo "ablate.sh: no $RG; build it first" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

mapfile -t KNOWN < <("$RG" rules | cut -f2)
if [ $# -gt 0 ]; then RULES=("$@"); else RULES=("${KNOWN[@]}"); fi
for rule in "${RULES[@]}"; do
  printf '%s\n' "${KNOWN[@]}" | grep -qxF -- "$rule" ||
    { echo "ablate.sh: no stage has a rule named '$rule' (see $RG rules)" >&2; exit 2; }
done

HAVE_CARB=0; [ -f "$D/carb/dev.txt" ] && [ -f "$D/carb/dev.gold.tsv" ] && HAVE_CARB=1
HAVE_UNER=0; [ -f "$D/uner-english-ewt/en_ewt-ud-dev.iob2" ] && HAVE_UNER=1
HAVE_SAMPLE=0; [ -f "$E/us-tunisia-counterterrorism.gold.json" ] && HAVE_SAMPLE=1
HAVE_NEWS=0; [ -d "$E/news-dev" ] && HAVE_NEWS=1
HAVE_DOCRED=0; [ -f "$D/redocred/dev.json" ] && HAVE_DOCRED=1
DOCRED_BASE=""

# measure NAME [--disable RULE]: one line "name carb_f1 carb_auc ner_f1 sample_recall sample_matched
# news_recall news_matched news_entity news_frag" ("-" where absent or not applicable).
measure() {
  local name=$1; shift
  local carb_f1=- carb_auc=- ner=- s_rec=- s_mat=- n_rec=- n_mat=- n_ent=- n_frag=- d_men=- d_typed=- d_coref=-
  if [ $HAVE_CARB = 1 ]; then
    # The CaRB writer refuses a rule it cannot switch off: "n/a", with its message on stderr.
    if "$RG" extract --format carb --pretokenized "$D/carb/dev.txt" -o "$TMP/carb.tsv" "$@"; then
      read -r carb_f1 carb_auc < <("$RG" eval carb "$D/carb/dev.gold.tsv" "$TMP/carb.tsv" |
        awk '/^CaRB/ { for (i = 1; i < NF; i++) { if ($i == "F1") f = $(i+1); if ($i == "AUC") a = $(i+1) } print f, a }')
    else
      carb_f1=n/a carb_auc=n/a
    fi
  fi
  if [ $HAVE_UNER = 1 ]; then
    # eval ner switches entity-stage rules off; a failure prints "n/a".
    ner=$("$RG" eval ner "$D/uner-english-ewt/en_ewt-ud-dev.iob2" --json "$@" 2>/dev/null |
      python3 -c 'import json,sys; print("%.4f" % json.load(sys.stdin)["overall"]["f1"])') || ner=n/a
  fi
  if [ $HAVE_SAMPLE = 1 ]; then
    read -r s_rec s_mat < <("$RG" eval kg --also samples/us-tunisia-counterterrorism.txt \
      "$E/us-tunisia-counterterrorism.gold.json" --json "$@" |
      python3 -c 'import json,sys; m=json.load(sys.stdin)["mean"]; print("%.3f %.3f" % (m["recall"], m["matched_share"]))')
  fi
  if [ $HAVE_NEWS = 1 ]; then
    read -r n_rec n_mat n_ent n_frag < <("$RG" eval kg "$E/news-dev" --json "$@" |
      python3 -c 'import json,sys; m=json.load(sys.stdin)["mean"]; print("%.3f %.3f %.3f %.2f" % (m["recall"], m["matched_share"], m["entity_recall"], m["fragmentation"]))')
  fi
  if [ $HAVE_DOCRED = 1 ]; then
    # Scored on the coreference layer: a relation rule cannot change it (same as no rule disabled).
    if [ -n "$DOCRED_BASE" ] && [[ $name == relations.* ]]; then
      read -r d_men d_typed d_coref <<<"$DOCRED_BASE"
    else
      read -r d_men d_typed d_coref < <("$RG" eval docred "$D/redocred/dev.json" --no-relations "$@" |
        awk '/^mentions/ { for (i = 1; i < NF; i++) { if ($i == "F1" && $(i-1) != "typed") m = $(i+1); if ($i == "typed") t = $(i+2) } }
             /^coref/ { for (i = 1; i < NF; i++) if ($i == "CoNLL") c = $(i+1) }
             END { print m, t, c }')
      [ -n "$DOCRED_BASE" ] || DOCRED_BASE="$d_men $d_typed $d_coref"
    fi
  fi
  echo "$name $carb_f1 $carb_auc $ner $s_rec $s_mat $n_rec $n_mat $n_ent $n_frag $d_men $d_typed $d_coref"
}

{
  measure "(none)"
  for rule in "${RULES[@]}"; do
    [ -n "$rule" ] && measure "$rule" --disable "$rule"
  done
} > "$TMP/rows"

python3 - "$TMP/rows" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
cols = ["CaRB F1", "CaRB AUC", "UNER dev F1", "sample recall", "sample matched",
        "news-dev recall", "news-dev matched", "news-dev entity recall", "news-dev fragmentation",
        "Re-DocRED mention F1", "Re-DocRED typed mention F1", "Re-DocRED coref CoNLL"]
base = rows[0]
print("| rule disabled | " + " | ".join(cols) + " |")
print("|---" * (len(cols) + 1) + "|")
print("| (none) | " + " | ".join(base[1:]) + " |")
def delta(v, b):
    try:
        d = float(v) - float(b)
    except ValueError:
        return v
    if abs(d) < 5e-5:
        return "0"
    return "%+.2f" % d if abs(float(b)) > 1.5 else "%+.3f" % d  # Re-DocRED figures are percentages
for r in rows[1:]:
    print("| %s | %s |" % (r[0], " | ".join(delta(v, b) for v, b in zip(r[1:], base[1:]))))
if len(rows) == 1:
    print("\n(no stage lists a named rule: nothing to disable)")
PY
