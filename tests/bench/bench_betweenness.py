#!/usr/bin/python3
"""Betweenness speed: knp (whole process: start, read the file, compute, write CSV) against
igraph's betweenness computation alone (Debian's python3-igraph), on the same Barabasi-Albert
network in the same run. Also checks that both give the same values.
Usage: bench_betweenness.py BUILD_DIR [--nodes 10000] [--m 5] [--repeat 3]"""
import argparse
import csv
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

import igraph

ap = argparse.ArgumentParser()
ap.add_argument("build")
ap.add_argument("--nodes", type=int, default=10000)
ap.add_argument("--m", type=int, default=5)
ap.add_argument("--repeat", type=int, default=3)
args = ap.parse_args()

random.seed(2026)
g = igraph.Graph.Barabasi(args.nodes, args.m, directed=False)
g.simplify()
n, m = g.vcount(), g.ecount()
tmp = tempfile.mkdtemp(prefix="knp-bench-")
path = os.path.join(tmp, "ba.csv")
with open(path, "w") as fh:
    fh.write("source,target\n")
    for a, b in g.get_edgelist():
        fh.write(f"v{a},v{b}\n")

igraph_times, knp_times = [], []
for _ in range(args.repeat):
    t = time.perf_counter()
    ib = g.betweenness(directed=False)
    igraph_times.append(time.perf_counter() - t)
    t = time.perf_counter()
    out = subprocess.run([os.path.join(args.build, "knp"), "metrics", path, "--metrics", "betweenness"],
                         check=True, capture_output=True, text=True).stdout
    knp_times.append(time.perf_counter() - t)

scale = 2.0 / ((n - 1) * (n - 2))
ours = {row["id"]: float(row["betweenness"]) for row in csv.DictReader(io.StringIO(out))}
worst = max(abs(ours[f"v{v}"] - ib[v] * scale) for v in range(n))
ti, tk = statistics.median(igraph_times), statistics.median(knp_times)
print(f"betweenness  Barabasi-Albert n={n} m={m}  threads={os.cpu_count()}")
print(f"  igraph {igraph.__version__} computation only : {ti:8.3f} s (median of {args.repeat})")
print(f"  knp whole process                : {tk:8.3f} s (median of {args.repeat})")
print(f"  ratio igraph / knp               : {ti / tk:8.2f} x")
print(f"  largest difference of values     : {worst:.2e}")
sys.exit(0 if worst < 1e-9 else 1)
