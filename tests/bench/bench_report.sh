#!/usr/bin/env bash
# knp report (HTML with every diagram) on the sample and on a 2,000-actor municipality-like
# network: a Barabási-Albert network (networkx, m = 2, seed 2026) whose actors get the sample's
# sectors, fields of action, levels and influence at random (seed 7), so that every section of
# the report has something to say. Time and peak memory of the whole `knp report` process by
# /usr/bin/time -v, each the best of RUNS runs. Not run by ctest.
# Usage: tests/bench/bench_report.sh [BUILD_DIR] [ACTORS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/support/tools.sh
[ -x /usr/bin/time ] || knp_skip "/usr/bin/time is missing (Debian package time)"
require_python_modules networkx:python3-networkx
build=${1:-build}
actors=${2:-2000}
runs=${3:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$tmp/large" "$actors" datasets/musterstadt <<'PY'
import csv, os, random, sys
import networkx as nx
out, n, sample = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(os.path.join(sample, "actors.csv"), encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
sectors = sorted({r["sector"] for r in rows})
fields = sorted({x for r in rows for x in r["fields"].split("|") if x})
rng = random.Random(7)
g = nx.barabasi_albert_graph(n, 2, seed=2026)
os.makedirs(out)
with open(os.path.join(out, "actors.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "name", "sector", "fields", "level", "influence", "contact_point"])
    for v in g.nodes():
        w.writerow([f"a{v}", f"Akteur {v}", rng.choice(sectors), "|".join(rng.sample(fields, rng.randint(1, 3))),
                    rng.choice(["kommunal", "kreis", "land"]), rng.randint(1, 5), "ja" if rng.random() < 0.05 else "nein"])
with open(os.path.join(out, "links.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "source", "target", "type", "strength"])
    for k, (a, b) in enumerate(g.edges()):
        w.writerow([f"l{k}", f"a{a}", f"a{b}", "Kooperation", rng.randint(1, 3)])
PY
"$build/knp" import "$tmp/large" -o "$tmp/large.knp" >/dev/null
"$build/knp" import datasets/musterstadt -o "$tmp/sample.knp" >/dev/null
measure() {  # best wall time (s) and its peak memory (MB) of RUNS runs of knp report
  local best="" mem=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -v "$build/knp" report "$1" -o "$tmp/report.html" >/dev/null 2>"$tmp/time.txt"
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$tmp/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$tmp/time.txt")
    [ -n "$wall" ] && [ -n "$rss" ] || { echo "FAIL: no time or memory in /usr/bin/time's output" >&2; exit 1; }
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; mem=$rss; fi
  done
  echo "$best $mem"
}
read -r t1 m1 < <(measure "$tmp/sample.knp")
read -r t2 m2 < <(measure "$tmp/large.knp")
echo "knp report, sample (musterstadt): ${t1} s, ${m1} MB peak"
echo "knp report, ${actors} actors: ${t2} s, ${m2} MB peak"
