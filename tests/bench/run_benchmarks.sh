#!/usr/bin/env bash
# Speed figures for README and the issue notes. Needs a build (scripts/test makes one) and, for
# the comparisons, Debian's python3-igraph and python3-numpy (installed here when missing).
# Usage: tests/bench/run_benchmarks.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
if ! /usr/bin/python3 -c "import igraph, numpy" 2>/dev/null; then
  echo "Installing python3-igraph and python3-numpy for the comparisons"
  apt-get install -y -q --no-install-recommends python3-igraph python3-numpy >/dev/null
fi
cmake --build "$build" --target knp knp_bench_analysis -j2 >/dev/null
echo "== Analyses inside the process (goal: sample under 5 ms)"
"$build/tests/knp_bench_analysis" datasets/musterstadt 200
echo
echo "== Exact betweenness against igraph (goal: at least 2x, aim 4x; igraph on one thread, knp on one core and on all)"
/usr/bin/python3 tests/bench/bench_betweenness.py "$build" --nodes 10000 --m 5 --repeat 3
echo
echo "== Sampled betweenness above 50,000 actors"
tests/bench/bench_sampled_betweenness.sh "$build" 60000
echo
echo "== knp compare of two 10,000-actor states"
tests/bench/bench_compare.sh "$build" 10000 1000
echo
echo "== Force layout against Graphviz sfdp (goal: 5x faster on 10,000 actors, stress no worse)"
/usr/bin/python3 tests/bench/bench_layout.py "$build" --sizes "${KNP_LAYOUT_SIZES:-1000,10000,50000}"
echo
echo "== Desktop view frame times under Xvfb (goal: sample median 8 ms, 10,000 actors 33 ms)"
tests/bench/bench_view.sh "$build"
