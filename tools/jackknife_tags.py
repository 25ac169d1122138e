#!/usr/bin/env python3
"""Jackknifed POS tags for parser training.

Splits a CoNLL-U treebank into K folds by sentence, trains a tagger on the
other K-1 folds (`relgraph train tagger`), tags the held-out fold with it
(`relgraph parse --pretokenized`, whose UPOS/XPOS are kept) and writes the
treebank back with those predicted tags and the gold trees, so the parser
learns from the kind of tags it will see.

  python3 tools/jackknife_tags.py --relgraph build/relgraph \
      --train ../shared/data/ud-english-ewt/en_ewt-ud-train.conllu --folds 4 \
      --tagger-args "--iterations 12 --lemma-iterations 8 --seed 1 --min-weight 0.9" \
      --models models --work /tmp/jk -o /tmp/jk/train.jackknifed.conllu
"""
import argparse
import os
import shlex
import subprocess
import sys


def sentences(path):
    block = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if block:
                    yield block
                block = []
            else:
                block.append(line)
    if block:
        yield block


def words(block):
    return [l.split("\t") for l in block if l and not l.startswith("#") and l.split("\t")[0].isdigit()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--relgraph", required=True)
    ap.add_argument("--train", required=True)
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--tagger-args", default="")
    ap.add_argument("--work", required=True)
    ap.add_argument("--models", default="models", help="models directory (all but the tagger are reused)")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    sents = list(sentences(a.train))
    folds = [[s for i, s in enumerate(sents) if i % a.folds == k] for k in range(a.folds)]
    tagged = {}
    for k in range(a.folds):
        rest = os.path.join(a.work, "rest%d.conllu" % k)
        with open(rest, "w", encoding="utf-8") as f:
            for j in range(a.folds):
                if j != k:
                    for s in folds[j]:
                        f.write("\n".join(s) + "\n\n")
        model = os.path.join(a.work, "tagger%d.bin" % k)
        cmd = [a.relgraph, "train", "tagger", "--train", rest, "-o", model] + shlex.split(a.tagger_args)
        print("+", " ".join(cmd), file=sys.stderr, flush=True)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        text = os.path.join(a.work, "fold%d.txt" % k)
        with open(text, "w", encoding="utf-8") as f:
            for s in folds[k]:
                f.write(" ".join(w[1].replace(" ", "_") for w in words(s)) + "\n")
        # A models directory whose tagger is this fold's.
        models = os.path.join(a.work, "models%d" % k)
        os.makedirs(models, exist_ok=True)
        for name in os.listdir(a.models):
            target = os.path.join(models, name)
            if os.path.lexists(target):
                os.remove(target)
            os.symlink(os.path.abspath(model if name == "tagger.bin" else os.path.join(a.models, name)), target)
        pred = os.path.join(a.work, "fold%d.pred.conllu" % k)
        cmd = [a.relgraph, "parse", "--pretokenized", "--until", "tags", "--models", models, text, "-o", pred]
        print("+", " ".join(cmd), file=sys.stderr, flush=True)
        subprocess.run(cmd, check=True)
        preds = [words(s) for s in sentences(pred)]
        if len(preds) != len(folds[k]):
            sys.exit("fold %d: %d sentences tagged, %d expected" % (k, len(preds), len(folds[k])))
        for s, p in zip(folds[k], preds):
            tagged[id(s)] = p
    with open(a.output, "w", encoding="utf-8") as f:
        for s in sents:
            p = iter(tagged[id(s)])
            out = []
            for line in s:
                cols = line.split("\t")
                if line.startswith("#") or not cols[0].isdigit():
                    out.append(line)
                    continue
                q = next(p)
                if q[1] != cols[1].replace(" ", "_"):
                    sys.exit("token mismatch: %s vs %s" % (q[1], cols[1]))
                cols[3], cols[4] = q[3], q[4]
                out.append("\t".join(cols))
            f.write("\n".join(out) + "\n\n")


if __name__ == "__main__":
    main()
