#!/usr/bin/env python3
"""An independent CaRB scorer, to check `relgraph eval carb` from outside the C++ code.

Written as a line-by-line transcription of the matching and curve logic of the
CaRB reference implementation (Bhardwaj et al., EMNLP 2019: carb.py,
Benchmark.compare with Matcher.binary_linient_tuple_match, the default), which is
not available offline here, so it shares no code with src/relations/carb.cpp:

  - gold and system arguments are folded into [arg1, rest joined]; per slot
    (relation, arg1, arg2) the gold tokens found in the system slot count (each
    system token once); any of relation / arg1 / arg2 without a shared token is
    no match; for gold relations containing a "said" verb, reversed system
    arguments are also tried;
  - for every distinct system confidence (ascending), per sentence: recall
    numerator = sum over gold tuples of the best recall among system tuples at or
    above it; precision numerator = greedy one-to-one matching by highest
    precision; denominators = number of system tuples kept / gold tuples;
  - F1 at the best threshold; AUC by the trapezoidal rule over the P/R points
    with (R=0, P=1) appended.

Usage: python3 tools/carb_score.py GOLD.tsv SYSTEM.tsv
  GOLD:   sentence<TAB>relation<TAB>arg1<TAB>arg2...
  SYSTEM: sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...
Prints "precision P recall R F1 F AUC A" (the reference rounds to 3 digits; we print 4).
"""
import string
import sys

SAID = ["said", "told", "added", "adds", "says", "adds"]


def key(sentence):
    # The reference normalises sentences by removing spaces and punctuation.
    return "".join(c for c in sentence if c not in string.punctuation and not c.isspace())


def read(path, system):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            # As the reference reader: the line is stripped first, so a trailing
            # empty argument ("rel<TAB>arg1<TAB>") is no argument at all.
            fields = [f.strip() for f in line.strip().split("\t")]
            if len(fields) < (3 if system else 2) or not fields[0].strip():
                continue
            if system:
                sent, conf, rel, args = fields[0], float(fields[1]), fields[2], fields[3:]
            else:
                # The reference gold reader skips context arguments ("C: ...").
                sent, conf, rel, args = fields[0], 1.0, fields[1], [a for a in fields[2:] if "C: " not in a]
            out.setdefault(key(sent), []).append((conf, rel, args))
    return out


def fold(args):
    return [args[0], " ".join(args[1:])] if len(args) >= 2 else list(args)


def overlap(gold_words, system_words):
    """Gold words found among the system's, each system word used once."""
    left = list(system_words)
    found = 0
    for w in gold_words:
        if w in left:
            found += 1
            left.remove(w)
    return found


def lenient(gold_rel, gold_args, sys_rel, sys_args):
    prec = [0, 0]
    rec = [0, 0]
    pw, gw = sys_rel.split(), gold_rel.split()
    prec[1] += len(pw)
    rec[1] += len(gw)
    m = overlap(gw, pw)
    if m == 0:
        return (0.0, 0.0)
    prec[0] += m
    rec[0] += m
    for i, ga in enumerate(gold_args):
        gw = ga.split()
        rec[1] += len(gw)
        if len(sys_args) <= i:
            if i < 2:
                return (0.0, 0.0)
            continue
        pw = sys_args[i].split()
        prec[1] += len(pw)
        m = overlap(gw, pw)
        if m == 0 and i < 2:
            return (0.0, 0.0)
        prec[0] += m
        rec[0] += m
    return (prec[0] / prec[1] if prec[1] else 0.0, rec[0] / rec[1] if rec[1] else 0.0)


def match(gold, system):
    _, grel, gargs = gold
    _, srel, sargs = system
    straight = lenient(grel, fold(gargs), srel, fold(sargs))
    if not any(v in grel for v in SAID):
        return straight
    reverse = [" ".join(sargs[1:]), sargs[0]] if len(sargs) >= 2 else list(sargs)
    return max(straight, lenient(grel, fold(gargs), srel, reverse))


def score(gold, predicted):
    thresholds = sorted({c for exs in predicted.values() for c, _, _ in exs})
    index = {c: i for i, c in enumerate(thresholds)}
    n = len(thresholds)
    p, pl, r, rl = [0.0] * n, [0] * n, [0.0] * n, [0] * n
    for sent, golds in gold.items():
        systems = predicted.get(sent, [])
        scores = [[match(g, s) for s in systems] for g in golds]
        prev = 0
        for conf in sorted(s[0] for s in systems):
            c = index[conf]
            keep = [j for j, s in enumerate(systems) if s[0] >= conf]
            rnum = sum(max((row[j][1] for j in keep), default=0) for row in scores)
            pnum = 0.0
            rows, cols = [], []
            for _ in range(min(len(scores), len(keep))):
                best, bi, bj = -1.0, -1, -1
                for i in range(len(scores)):
                    if i in rows:
                        continue
                    for j in keep:
                        if j in cols:
                            continue
                        if scores[i][j][0] > best:
                            best, bi, bj = scores[i][j][0], i, j
                rows.append(bi)
                cols.append(bj)
                pnum += scores[bi][bj][0]
            for t in range(prev, c + 1):
                p[t] += pnum
                pl[t] += len(keep)
                r[t] += rnum
                rl[t] += len(scores)
            prev = max(prev, c + 1)
        for t in range(prev, n):
            rl[t] += len(scores)
    precision = [a / b if b > 0 else 1.0 for a, b in zip(p, pl)]
    recall = [a / b if b > 0 else 0.0 for a, b in zip(r, rl)]
    f1 = [2 * a * b / (a + b) if a + b > 0 else 0.0 for a, b in zip(precision, recall)]
    best = max(range(n), key=lambda i: f1[i]) if n else None
    xs, ys = recall + [0.0], precision + [1.0]
    area = sum((xs[i] - xs[i + 1]) * (ys[i] + ys[i + 1]) / 2 for i in range(len(xs) - 1))
    if best is None:
        return 0.0, 0.0, 0.0, 0.0
    return precision[best], recall[best], f1[best], area


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[-1])
    gold = read(sys.argv[1], system=False)
    predicted = read(sys.argv[2], system=True)
    pr, rc, f1, area = score(gold, predicted)
    print("precision %.4f recall %.4f F1 %.4f AUC %.4f" % (pr, rc, f1, area))


if __name__ == "__main__":
    main()
