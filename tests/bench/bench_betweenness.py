#!/usr/bin/python3
"""Betweenness speed: knp (whole process: start, read the file, compute, write CSV) against
igraph's betweenness computation alone (Debian's python3-igraph), on the same Barabasi-Albert
network in the same run. Also checks that both give the same values.
igraph computes on one thread. knp has no setting for its number of worker threads (it starts
one per core the system reports, src/core/parallel.hpp), so for a fair comparison it also runs
pinned to a single core (taskset -c 0: its threads then share that one core); both knp figures
are printed, labelled, with their CPU time (igraph's too: on a busy machine the CPU times compare
more fairly than wall times), and the ratio is given for each.
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

def run_knp(prefix):
    """knp metrics as a child process: (wall seconds, CPU seconds of the child, stdout)."""
    before = os.times()
    t = time.perf_counter()
    out = subprocess.run(prefix + [os.path.join(args.build, "knp"), "metrics", path, "--metrics", "betweenness"],
                         check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - t
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system), out


# igraph runs in this process, on one thread, pinned to core 0 like the single-core knp run.
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
igraph_times, igraph_cpu = [], []
knp_all, knp_all_cpu, knp_one, knp_one_cpu = [], [], [], []
outputs = []
for _ in range(args.repeat):
    t, c = time.perf_counter(), time.process_time()
    ib = g.betweenness(directed=False)
    igraph_times.append(time.perf_counter() - t)
    igraph_cpu.append(time.process_time() - c)
    # All cores: the child is given every core again (taskset -a -c over the online cores).
    wall, cpu, out = run_knp(["taskset", "-c", f"0-{os.cpu_count() - 1}"])
    knp_all.append(wall)
    knp_all_cpu.append(cpu)
    outputs.append(out)
    wall, cpu, out = run_knp(["taskset", "-c", str(min(os.sched_getaffinity(0)))])
    knp_one.append(wall)
    knp_one_cpu.append(cpu)
    outputs.append(out)

scale = 2.0 / ((n - 1) * (n - 2))
worst = 0.0
for out in outputs:
    ours = {row["id"]: float(row["betweenness"]) for row in csv.DictReader(io.StringIO(out))}
    worst = max(worst, max(abs(ours[f"v{v}"] - ib[v] * scale) for v in range(n)))
ti, ci = statistics.median(igraph_times), statistics.median(igraph_cpu)
ta, ca = statistics.median(knp_all), statistics.median(knp_all_cpu)
to, co = statistics.median(knp_one), statistics.median(knp_one_cpu)
cores = os.cpu_count()
print(f"betweenness  Barabasi-Albert {n} actors / {m} links  cores={cores}  (median of {args.repeat} runs each)")
print(f"  igraph {igraph.__version__} computation only, 1 thread, 1 core : {ti:8.3f} s wall, {ci:8.3f} s CPU")
print(f"  knp whole process, pinned to 1 core          : {to:8.3f} s wall, {co:8.3f} s CPU")
print(f"  knp whole process, all {cores} cores             : {ta:8.3f} s wall, {ca:8.3f} s CPU")
print(f"  ratio igraph / knp, both on 1 core           : {ti / to:8.2f} x (CPU time: {ci / co:.2f} x)")
print(f"  ratio igraph (1 core) / knp ({cores} cores)        : {ti / ta:8.2f} x")
print(f"  largest difference of values                 : {worst:.2e}")
sys.exit(0 if worst < 1e-9 else 1)
