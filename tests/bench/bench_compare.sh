#!/usr/bin/env bash
# knp compare on two large states (README, "Time: ... two Barabási-Albert networks of 10,000
# actors and 50,000 links differing in 1,000 links"): state A is a Barabási-Albert network
# (networkx, m = 5, seed 2026), state B the same with 500 of its links removed and 500 new ones
# added (1,000 links differ; the same actors). Both are written in the CSV folder form with link
# ids, so that links match by id. Time and peak memory are those of the whole `knp compare`
# process (two full analyses: betweenness, path lengths, Louvain, gaps), by /usr/bin/time -v;
# the JSON it prints must name exactly the links that were removed and added.
# Not run by ctest.
# Usage: tests/bench/bench_compare.sh [BUILD_DIR] [ACTORS] [CHANGED_LINKS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/support/tools.sh
[ -x /usr/bin/time ] || knp_skip "/usr/bin/time is missing (Debian package time)"
require_python_modules networkx:python3-networkx
build=${1:-build}
actors=${2:-10000}
changed=${3:-1000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$tmp" "$actors" "$changed" <<'PY'
import os, random, sys
import networkx as nx
tmp, n, changed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
g = nx.barabasi_albert_graph(n, 5, seed=2026)
links = {f"l{k}": (a, b) for k, (a, b) in enumerate(g.edges())}
rng = random.Random(7)
removed = sorted(rng.sample(sorted(links), changed // 2))
after = {k: v for k, v in links.items() if k not in set(removed)}
pairs = {frozenset(v) for v in links.values()}
added = []
while len(added) < changed - changed // 2:
    a, b = rng.randrange(n), rng.randrange(n)
    if a != b and frozenset((a, b)) not in pairs:
        pairs.add(frozenset((a, b)))
        key = f"new{len(added)}"
        after[key] = (a, b)
        added.append(key)
for name, state in (("a", links), ("b", after)):
    os.makedirs(os.path.join(tmp, name))
    with open(os.path.join(tmp, name, "actors.csv"), "w") as fh:
        fh.write("id,name\n")
        for v in range(n):
            fh.write(f"v{v},Akteur {v}\n")
    with open(os.path.join(tmp, name, "links.csv"), "w") as fh:
        fh.write("id,source,target\n")
        for k, (a, b) in state.items():
            fh.write(f"{k},v{a},v{b}\n")
with open(os.path.join(tmp, "expected.txt"), "w") as fh:
    fh.write(" ".join(removed) + "\n" + " ".join(added) + "\n")
PY
links_a=$(($(wc -l < "$tmp/a/links.csv") - 1))
links_b=$(($(wc -l < "$tmp/b/links.csv") - 1))
echo "== knp compare, Barabási-Albert $actors actors, $links_a and $links_b links, $changed links differ, whole process, $(nproc) cores"
/usr/bin/time -v "$build/knp" compare "$tmp/a" "$tmp/b" --format json > "$tmp/compare.json" 2> "$tmp/time.txt"
/usr/bin/python3 - "$tmp/compare.json" "$tmp/expected.txt" <<'PY' || { echo "FAIL: knp compare does not name the links that differ"; exit 1; }
import json, sys
c = json.load(open(sys.argv[1]))
removed, added = (line.split() for line in open(sys.argv[2]))
assert sorted(c["links"]["removed"]) == sorted(removed), (len(c["links"]["removed"]), len(removed))
assert sorted(c["links"]["added"]) == sorted(added), (len(c["links"]["added"]), len(added))
assert not c["actors"]["added"] and not c["actors"]["removed"]
print(f"compare found {len(removed)} removed and {len(added)} added links, {len(c['metrics'])} metric changes listed")
PY
wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time.txt")
rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$tmp/time.txt")
cpu_user=$(sed -n 's/^\s*User time (seconds): //p' "$tmp/time.txt")
cpu_sys=$(sed -n 's/^\s*System time (seconds): //p' "$tmp/time.txt")
[ -n "$wall" ] && [ -n "$rss" ] || { echo "FAIL: /usr/bin/time -v gave no wall time or peak memory"; cat "$tmp/time.txt"; exit 1; }
echo "wall time $wall, CPU ${cpu_user} s user + ${cpu_sys} s system, peak memory $((rss / 1024)) MB"
