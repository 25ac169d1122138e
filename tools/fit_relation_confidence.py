#!/usr/bin/env python3
"""Fits the relation extractor's confidence weights (src/relations/confidence.cpp).

Input: CaRB gold tuples and the features file written by tools/relation_features.cpp
(sentence, space-separated features, relation, arguments). Each system tuple's target is
the precision of its best CaRB match in its sentence (0 when nothing matches); the model is
an L2-regularised logistic regression on those soft targets. Prints the weights as a C++
array and writes two CaRB system files for `relgraph eval carb`: the full fit, and a
2-fold cross-validated one (each half scored by weights fitted on the other half), so the
gain can be checked on tuples the weights never saw.

  python3 tools/fit_relation_confidence.py ../shared/data/carb/dev.gold.tsv features.tsv out_prefix
"""
import math
import string
import sys
from collections import OrderedDict, defaultdict


def key(s):
    return ''.join(c for c in s if not c.isspace() and c not in string.punctuation)


def overlap(g, p):
    p = list(p)
    n = 0
    for w in g:
        if w in p:
            n += 1
            p.remove(w)
    return n


def two(args):
    return args if len(args) < 2 else [args[0], ' '.join(args[1:])]


def match_precision(gold, system):
    (gr, ga), (sr, sa) = gold, system
    ga, sa = two(ga), two(sa)
    num = den = 0
    pw = sr.split()
    den += len(pw)
    m = overlap(gr.split(), pw)
    if m == 0:
        return 0.0
    num += m
    for i, g in enumerate(ga):
        p = sa[i].split() if i < len(sa) else []
        den += len(p)
        m = overlap(g.split(), p)
        if m == 0 and i < 2:
            return 0.0
        num += m
    return num / den if den else 0.0


def fit(rows, l2=0.01, epochs=400, rate=0.5):
    n = len(rows[0][0])
    w = [0.0] * n
    for _ in range(epochs):
        grad = [0.0] * n
        for x, y in rows:
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            for i in range(n):
                grad[i] += (p - y) * x[i]
        for i in range(n):
            w[i] -= rate * (grad[i] / len(rows) + (l2 * w[i] if i else 0))
    return w


def predict(w, x):
    z = sum(wi * xi for wi, xi in zip(w, x))
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def main():
    gold_path, feats_path, out = sys.argv[1:4]
    gold = defaultdict(list)
    for line in open(gold_path, encoding='utf-8'):
        f = line.strip().split('\t')
        if len(f) >= 2:
            gold[key(f[0])].append((f[1].strip(), [a.strip() for a in f[2:]]))
    tuples = []
    for line in open(feats_path, encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        sent, x, rel, args = f[0], [float(v) for v in f[1].split()], f[2], f[3:]
        gs = gold.get(key(sent), [])
        y = max((match_precision(g, (rel, args)) for g in gs), default=0.0)
        tuples.append((sent, x, y, rel, args))
    sentences = list(OrderedDict.fromkeys(key(t[0]) for t in tuples))
    fold = {k: i % 2 for i, k in enumerate(sentences)}
    full = fit([(t[1], t[2]) for t in tuples])
    halves = [fit([(t[1], t[2]) for t in tuples if fold[key(t[0])] != h]) for h in (0, 1)]

    def write(path, score):
        with open(path, 'w', encoding='utf-8') as o:
            for t in tuples:
                o.write('\t'.join([t[0], '%.4f' % score(t), t[3]] + t[4]) + '\n')

    write(out + '.fit.tsv', lambda t: predict(full, t[1]))
    write(out + '.cv.tsv', lambda t: predict(halves[fold[key(t[0])]], t[1]))
    print('constexpr std::array<double, kConfidenceFeatures> kWeights = {')
    print('    ' + ', '.join('%.3f' % v for v in full) + '};')


if __name__ == '__main__':
    main()
