#!/usr/bin/env bash
# Frame times of the desktop view with labels on, in a 1600x1000 window under Xvfb (Mesa
# llvmpipe unless a GPU is present): the sample (goal: median at most 8 ms, first frame within
# 1 s of start) and a Barabasi-Albert network of 10,000 actors and 50,000 links (goal: median
# at most 33 ms). The frames act like a user exploring the map (see app.cpp): every frame pans
# a few pixels and moves the hover to another actor, every tenth zooms one wheel step, which
# redraws the whole map. A second line per network forces a whole redraw of every frame
# (KNP_BENCH_FULL_REDRAW=1): what a frame costs without the cached layers. The view names the
# way it presents frames ("present x11-shm" on software renderers, see src/ui/presenter.hpp);
# a third line per network presents through OpenGL's blit and swap for comparison.
# Usage: tests/bench/bench_view.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
tmp=$(mktemp -d)
/usr/bin/python3 - "$tmp/ba10k.csv" <<'PY'
import random, sys
import igraph
random.seed(2026)
g = igraph.Graph.Barabasi(10000, 5)
g.simplify()
with open(sys.argv[1], "w") as fh:
    fh.write("source,target\n")
    for a, b in g.get_edgelist():
        fh.write(f"v{a},v{b}\n")
PY
run() {
  xvfb-run -a -s "-screen 0 1920x1200x24" "$build/knotenpunkt" --bench-frames "$2" --size 1600x1000 "$1" 2>&1 | grep -E "present|first frame|median"
  echo -n "presented through OpenGL (blit and swap) instead: "
  KNP_PRESENT=gl xvfb-run -a -s "-screen 0 1920x1200x24" "$build/knotenpunkt" --bench-frames "$2" --size 1600x1000 "$1" 2>&1 | grep -E "median"
  echo -n "whole redraw every frame: "
  KNP_BENCH_FULL_REDRAW=1 xvfb-run -a -s "-screen 0 1920x1200x24" "$build/knotenpunkt" --bench-frames "$2" --size 1600x1000 "$1" 2>&1 | grep -E "median"
}
echo "== sample municipality (67 actors, 167 links), labels on"
run datasets/musterstadt 300
echo "== Barabasi-Albert 10,000 actors, $(($(wc -l < "$tmp/ba10k.csv") - 1)) links, labels on"
run "$tmp/ba10k.csv" 100
glxinfo -B 2>/dev/null | grep -E "OpenGL renderer" || true
rm -rf "$tmp"
