#!/usr/bin/env python3
"""relgraph on a real distributed engine: Dask distributed maps JSONL
partitions through `relgraph extract --stream` on a local cluster of two
worker processes, and `relgraph merge` reduces the mapped lines.

Checks that the merged graph equals the single-process graph
(`relgraph extract --jsonl`) byte for byte, and that a partition whose worker
is killed (SIGKILL) half-way through is retried on a fresh worker: every
article is mapped exactly once in the reduced output, none lost, none doubled.

Usage: python3 tests/dask/map_reduce.py BUILD/relgraph
Exit 77 (skipped) when Dask distributed is not installed (Debian: python3-distributed).
Run by ctest as dask_map_reduce (label "slow").
"""
import json
import os
import signal
import subprocess
import sys
import tempfile

try:
    from distributed import Client, LocalCluster
except ImportError:
    print("dask_map_reduce: python3-distributed is not installed; skipped")
    sys.exit(77)

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Invented people, firms and places; sentences in the shapes news uses.
PEOPLE = ["Ada Brennan", "Tomas Okafor", "Lena Vasquez", "Rui Tanaka", "Mira Holt", "Jonas Feld"]
FIRMS = ["Northwind Shipping", "Calder Bank", "Orrin Foods", "Petrel Air"]
PLACES = ["Marlow", "Ostend", "Valdera", "Kestrin"]


def corpus(n):
    """n articles as JSONL records {"id", "text"}; articles share entities."""
    records = []
    for i in range(n):
        p, q = PEOPLE[i % len(PEOPLE)], PEOPLE[(i * 5 + 1) % len(PEOPLE)]
        f, g = FIRMS[i % len(FIRMS)], FIRMS[(i + 1) % len(FIRMS)]
        place = PLACES[(i * 3) % len(PLACES)]
        text = (
            f"{p} was appointed chief executive of {f} on Monday.\n\n"
            f"{f} is based in {place}, where it employs about {200 + 10 * i} people.\n\n"
            f"{p} met {q} in {place} to discuss a possible merger with {g}.\n\n"
            f"{q} said the talks would continue next week."
        )
        records.append(json.dumps({"id": f"article-{i:03d}", "text": text}))
    return records


def run(cmd, stdin=None):
    env = dict(os.environ, RELGRAPH_MODELS=os.path.join(SOURCE, "models"),
               RELGRAPH_SCHEMAS=os.path.join(SOURCE, "schemas"))
    done = subprocess.run(cmd, input=stdin, capture_output=True, env=env, cwd=SOURCE)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return done.stdout


def map_partition(relgraph, index, lines, kill_marker):
    """The mapper: one partition of JSONL records through `extract --stream`.
    The partition named by kill_marker kills its own worker the first time."""
    if kill_marker and not os.path.exists(kill_marker):
        with open(kill_marker, "w") as f:
            f.write(f"partition {index} killed worker pid {os.getpid()}\n")
        os.kill(os.getpid(), signal.SIGKILL)
    return run([relgraph, "extract", "--stream"], stdin=("\n".join(lines) + "\n").encode())


def reduce_parts(relgraph, parts, workdir):
    """The reducer: `relgraph merge` over the mapped parts."""
    names = []
    for i, part in enumerate(parts):
        name = os.path.join(workdir, f"part-{i:03d}.jsonl")
        with open(name, "wb") as f:
            f.write(part)
        names.append(name)
    out = os.path.join(workdir, "merged.jsonld")
    run([relgraph, "merge", *names, "-o", out])
    with open(out, "rb") as f:
        return f.read()


def main():
    if len(sys.argv) != 2:
        print("usage: map_reduce.py BUILD/relgraph", file=sys.stderr)
        return 2
    relgraph = os.path.abspath(sys.argv[1])
    records = corpus(24)
    with tempfile.TemporaryDirectory(prefix="rg_dask_") as work:
        corpus_file = os.path.join(work, "corpus.jsonl")
        with open(corpus_file, "w") as f:
            f.write("\n".join(records) + "\n")
        single_file = os.path.join(work, "single.jsonld")
        run([relgraph, "extract", "--jsonl", corpus_file, "-o", single_file])
        with open(single_file, "rb") as f:
            single = f.read()

        partitions = [records[i::6] for i in range(6)]  # 6 partitions, 4 records each
        kill_marker = os.path.join(work, "killed-once")
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=50)
        try:
            with Client(cluster) as client:
                mapped = [client.submit(map_partition, relgraph, i, part, kill_marker if i == 2 else None,
                                        key=f"map-{i}", retries=0)
                          for i, part in enumerate(partitions)]
                parts = client.gather(mapped)
                merged = client.submit(reduce_parts, relgraph, parts, work, key="reduce").result()
        finally:
            cluster.close()

        failures = []
        if not os.path.exists(kill_marker):
            failures.append("no worker was killed (the retry path was not exercised)")
        ids = [json.loads(line)["id"] for part in parts for line in part.decode().splitlines() if line.strip()]
        expected = [json.loads(r)["id"] for r in records]
        if sorted(ids) != sorted(expected):
            lost = sorted(set(expected) - set(ids))
            doubled = sorted({i for i in ids if ids.count(i) > 1})
            failures.append(f"mapped ids differ from the input: lost {lost}, doubled {doubled}")
        if merged != single:
            failures.append(f"merged graph ({len(merged)} bytes) differs from the single-process graph "
                            f"({len(single)} bytes)")
        for f in failures:
            print("dask_map_reduce: FAIL: " + f)
        print(f"dask_map_reduce: {len(records)} articles in {len(partitions)} partitions on 2 workers, "
              f"one worker killed and its partition retried; merged graph {len(merged)} bytes")
        print(f"{1 if not failures else 0} passed, {1 if failures else 0} failed")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
