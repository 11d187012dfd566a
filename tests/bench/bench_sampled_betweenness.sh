#!/usr/bin/env bash
# Sampled betweenness on a large network (README, Speed: "sampled betweenness, Barabási-Albert
# 60,000 actors / ~300,000 links"): above 50,000 actors `knp metrics` samples shortest paths
# (Riondato-Kornaropoulos, ε = 0.02 with probability 0.9) and says so on stderr. The network is
# a Barabási-Albert network (networkx, m = 5, seed 2026) written as a CSV link list; the time and
# peak memory are those of the whole process (start, read CSV, compute, write CSV), measured by
# /usr/bin/time -v. Not run by ctest.
# Usage: tests/bench/bench_sampled_betweenness.sh [BUILD_DIR] [ACTORS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/support/tools.sh
[ -x /usr/bin/time ] || knp_skip "/usr/bin/time is missing (Debian package time)"
require_python_modules networkx:python3-networkx
build=${1:-build}
actors=${2:-60000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$tmp/ba.csv" "$actors" <<'PY'
import sys
import networkx as nx
g = nx.barabasi_albert_graph(int(sys.argv[2]), 5, seed=2026)
with open(sys.argv[1], "w") as fh:
    fh.write("source,target\n")
    for a, b in g.edges():
        fh.write(f"v{a},v{b}\n")
PY
links=$(($(wc -l < "$tmp/ba.csv") - 1))
echo "== sampled betweenness, Barabási-Albert $actors actors / $links links, whole process, $(nproc) cores"
/usr/bin/time -v "$build/knp" metrics "$tmp/ba.csv" --metrics betweenness > "$tmp/metrics.csv" 2> "$tmp/time.txt"
grep -v -E '^\s+[A-Z].*: ' "$tmp/time.txt" || true  # knp's own lines (the sampling note)
rows=$(($(wc -l < "$tmp/metrics.csv") - 1))
[ "$rows" = "$actors" ] || { echo "FAIL: knp metrics wrote $rows rows, not $actors"; exit 1; }
head -1 "$tmp/metrics.csv" | grep -q betweenness_error || { echo "FAIL: no betweenness_error column: the run was not sampled"; exit 1; }
wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time.txt")
rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$tmp/time.txt")
cpu_user=$(sed -n 's/^\s*User time (seconds): //p' "$tmp/time.txt")
cpu_sys=$(sed -n 's/^\s*System time (seconds): //p' "$tmp/time.txt")
[ -n "$wall" ] && [ -n "$rss" ] || { echo "FAIL: /usr/bin/time -v gave no wall time or peak memory"; cat "$tmp/time.txt"; exit 1; }
echo "wall time $wall, CPU ${cpu_user} s user + ${cpu_sys} s system, peak memory $((rss / 1024)) MB"
