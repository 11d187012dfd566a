#!/usr/bin/env bash
# Speed figures for README and the issue notes. Needs a build (scripts/test makes one) and, for
# the comparisons, Debian's python3-igraph (installed here when missing).
# Usage: tests/bench/run_benchmarks.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
if ! /usr/bin/python3 -c "import igraph" 2>/dev/null; then
  echo "Installing python3-igraph for the comparison"
  apt-get install -y -q --no-install-recommends python3-igraph >/dev/null
fi
cmake --build "$build" --target knp knp_bench_analysis -j2 >/dev/null
echo "== Analyses inside the process (goal: sample under 5 ms)"
"$build/tests/knp_bench_analysis" datasets/musterstadt 200
echo
echo "== Exact betweenness against igraph (goal: at least 2x, aim 4x)"
/usr/bin/python3 tests/bench/bench_betweenness.py "$build" --nodes 10000 --m 5 --repeat 3
