#!/usr/bin/python3
"""Layout speed and quality: knp's force layout against Graphviz sfdp, same networks, same run.
Networks: Barabasi-Albert and a clustered random model (stochastic block model), 1,000, 10,000
and 50,000 actors, fixed seeds. Time: whole process each (knp: read CSV, lay out, write DOT;
sfdp: read DOT, lay out, write plain), plus knp's layout alone as it reports it. Quality:
normalised stress against graph distances (weights 1/d^2, best uniform scale; BFS from 150
sampled sources on large networks), link crossings on the 1,000-actor networks.
Usage: bench_layout.py BUILD_DIR [--sizes 1000,10000,50000] [--timeout 600]"""
import argparse
import os
import random
import re
import statistics
import subprocess
import tempfile
import time

import igraph
import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("build")
ap.add_argument("--sizes", default="1000,10000,50000")
ap.add_argument("--timeout", type=int, default=600)
ap.add_argument("--repeat", type=int, default=3, help="timing runs up to 10,000 actors (median)")
args = ap.parse_args()
knp = os.path.join(args.build, "knp")
tmp = tempfile.mkdtemp(prefix="knp-layout-bench-")


def networks(n):
    random.seed(7)
    ba = igraph.Graph.Barabasi(n, 2)
    ba.simplify()
    blocks = max(2, n // 50)
    sizes = [n // blocks] * blocks
    sizes[-1] += n - sum(sizes)
    p_in, p_out = 0.12, 1.5 / n
    pref = [[p_in if i == j else p_out for j in range(blocks)] for i in range(blocks)]
    sbm = igraph.Graph.SBM(n, pref, sizes)
    sbm.simplify()
    return [("Barabasi-Albert", ba), ("clustered", sbm)]


def write_inputs(name, g):
    csv_path = os.path.join(tmp, name + ".csv")
    gv_path = os.path.join(tmp, name + ".gv")
    with open(csv_path, "w") as fh:
        fh.write("source,target\n")
        for a, b in g.get_edgelist():
            fh.write(f"v{a},v{b}\n")
    with open(gv_path, "w") as fh:
        fh.write("graph g {\n")
        for v in range(g.vcount()):
            fh.write(f"v{v};\n")
        for a, b in g.get_edgelist():
            fh.write(f"v{a} -- v{b};\n")
        fh.write("}\n")
    return csv_path, gv_path


def read_plain(path, n):
    pos = np.zeros((n, 2))
    with open(path) as fh:
        for line in fh:
            if line.startswith("node "):
                parts = line.split()
                pos[int(parts[1].strip('"')[1:])] = (float(parts[2]), float(parts[3]))
    return pos


def stress(g, pos, sources):
    num = den = 0.0
    e_over_d = []
    pairs = []
    for s in sources:
        d = np.array(g.distances(source=s)[0], dtype=float)
        mask = np.isfinite(d) & (d > 0)
        e = np.hypot(pos[mask, 0] - pos[s, 0], pos[mask, 1] - pos[s, 1])
        pairs.append((e, d[mask]))
    ratio = np.concatenate([e / d for e, d in pairs])
    scale = ratio.mean()  # minimises sum (e - s d)^2 / d^2
    # Normalised by the scale: the squared coefficient of variation of distance/graph distance.
    return float(((ratio / scale - 1) ** 2).mean())


def crossings(g, pos):
    edges = np.array(g.get_edgelist())
    p, q = pos[edges[:, 0]], pos[edges[:, 1]]
    count = 0
    for i in range(len(edges)):
        a, b = p[i], q[i]
        c, d = p[i + 1:], q[i + 1:]
        share = (edges[i + 1:] == edges[i][0]).any(axis=1) | (edges[i + 1:] == edges[i][1]).any(axis=1)

        def orient(x, y, z):
            return np.sign((y[..., 0] - x[..., 0]) * (z[..., 1] - x[..., 1]) - (y[..., 1] - x[..., 1]) * (z[..., 0] - x[..., 0]))
        o1 = orient(a, b, c)
        o2 = orient(a, b, d)
        o3 = orient(c, d, a)
        o4 = orient(c, d, b)
        count += int(((o1 != o2) & (o3 != o4) & ~share).sum())
    return count


rows = []
for n in [int(x) for x in args.sizes.split(",")]:
    for kind, g in networks(n):
        name = f"{kind.split('-')[0].lower()}_{n}"
        csv_path, gv_path = write_inputs(name, g)
        out_dot = os.path.join(tmp, name + ".knp.dot")
        sfdp_plain = os.path.join(tmp, name + ".sfdp.plain")
        repeat = args.repeat if n <= 10000 else 1
        knp_times, layout_times, sfdp_times = [], [], []
        for _ in range(repeat):
            t = time.perf_counter()
            r = subprocess.run([knp, "export", csv_path, "-o", out_dot, "--layout", "force"], capture_output=True, text=True, check=True)
            knp_times.append(time.perf_counter() - t)
            m = re.search(r"layout force in (\d+) ms", r.stderr)
            if not m:  # a time that was not reported is an error, never 0 ms
                raise SystemExit(f"FAIL: knp export did not report \"layout force in N ms\" for {name}; its stderr:\n{r.stderr}")
            layout_times.append(int(m.group(1)))
            t = time.perf_counter()
            try:
                subprocess.run(["sfdp", "-Tplain", gv_path, "-o", sfdp_plain], check=True, timeout=args.timeout)
                sfdp_times.append(time.perf_counter() - t)
            except subprocess.TimeoutExpired:
                sfdp_times = None
                break
        t_knp, layout_ms = statistics.median(knp_times), statistics.median(layout_times)
        t_sfdp = statistics.median(sfdp_times) if sfdp_times else None
        knp_plain = os.path.join(tmp, name + ".knp.plain")
        subprocess.run(["neato", "-n2", "-Tplain", out_dot, "-o", knp_plain], check=True)
        rng = random.Random(1)
        sources = list(range(n)) if n <= 1000 else rng.sample(range(n), 150)
        pk = read_plain(knp_plain, n)
        s_knp = stress(g, pk, sources)
        s_sfdp = stress(g, read_plain(sfdp_plain, n), sources) if t_sfdp else None
        c_knp = crossings(g, pk) if n <= 1000 else None
        c_sfdp = crossings(g, read_plain(sfdp_plain, n)) if (n <= 1000 and t_sfdp) else None
        rows.append((kind, n, g.ecount(), t_knp, layout_ms, t_sfdp, s_knp, s_sfdp, c_knp, c_sfdp))

print(f"times: median of {args.repeat} runs up to 10,000 actors; speedup = sfdp / knp, whole processes")
print(f"{'network':<16}{'actors':>8}{'links':>8}{'knp s':>8}{'layout ms':>10}{'sfdp s':>8}{'speedup':>9}"
      f"{'stress knp':>12}{'stress sfdp':>12}{'cross knp':>11}{'cross sfdp':>11}")
for kind, n, m, tk, lm, ts, sk, ss, ck, cs in rows:
    fmt = lambda v, f: (f.format(v) if v is not None else "-")
    print(f"{kind:<16}{n:>8}{m:>8}{tk:>8.2f}{fmt(lm, '{:>10}'):>10}{fmt(ts, '{:.2f}'):>8}{fmt(ts / tk if ts else None, '{:.1f}x'):>9}"
          f"{sk:>12.4f}{fmt(ss, '{:.4f}'):>12}{fmt(ck, '{}'):>11}{fmt(cs, '{}'):>11}")
