#!/usr/bin/env bash
# Writes UD English-EWT as raw text, the inputs every speed figure uses. Three forms:
#   ewt-corpus.sh GOLD.conllu DIR
#       one article file per `# newdoc`, each paragraph's sentences (`# text`)
#       joined by spaces, a blank line between paragraphs, a final newline
#       (speed.sh, scaling.sh: EWT test as 316 files);
#   ewt-corpus.sh --text GOLD.conllu FILE
#       the same articles as one text, a blank line between them (bench.sh,
#       peer.sh: what the tokenizer sees in `relgraph eval ud`);
#   ewt-corpus.sh --articles N GOLD.conllu DIR
#       N article files article-00000.txt..., one per document, a paragraph
#       every 5 sentences; past the last document the documents repeat, each
#       copy ending with "(Copy I.)" (tools/bench-corpus.sh: 1,000 articles
#       from EWT train).
set -euo pipefail
mode=dir
case ${1:-} in
  --text) mode=text; shift ;;
  --articles) mode=articles; want=$2; shift 2 ;;
esac
gold=${1:?usage: ewt-corpus.sh [--text | --articles N] GOLD.conllu OUT}
out=${2:?usage: ewt-corpus.sh [--text | --articles N] GOLD.conllu OUT}

articles() {  # GOLD DIR: one file per # newdoc
  mkdir -p "$2"
  awk -v dir="$2" '
    /^# newdoc/ { if (f) close(f); f = sprintf("%s/article-%03d.txt", dir, ++docs); n = 0 }
    /^# newpar/ { if (n) printf "\n\n" > f; n = 0 }
    /^# text = / { t = substr($0, 10); printf "%s%s", (n++ ? " " : ""), t > f }
    END { if (f) close(f) }' "$1"
  for f in "$2"/*.txt; do echo >>"$f"; done
}

case $mode in
  dir) articles "$gold" "$out" ;;
  text)
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    articles "$gold" "$tmp"
    first=1
    for f in "$tmp"/*.txt; do
      ((first)) || echo
      first=0
      cat "$f"
    done >"$out"
    ;;
  articles)
    mkdir -p "$out"
    awk -v dir="$out" -v want="$want" '
      /^# newdoc id = / { docs++; }
      /^# text = / { sub(/^# text = /, ""); text[docs] = text[docs] $0 (++n[docs] % 5 ? " " : "\n\n"); }
      END {
        for (i = 0; i < want; i++) {
          d = (i % docs) + 1;
          f = sprintf("%s/article-%05d.txt", dir, i);
          printf "%s\n", text[d] > f;
          if (i >= docs) printf "(Copy %d.)\n", i > f;
          close(f);
        }
      }' "$gold"
    ;;
esac
