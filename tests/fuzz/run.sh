#!/usr/bin/env bash
# Fuzzes every importer with libFuzzer (clang, address and undefined-behaviour sanitizers) for
# SECONDS each (default 600), two at a time, seeded from tests/data, the sample and our own
# exports; then merges what found new coverage into tests/fuzz/corpus/TARGET (kept small: at
# most 4 KB per input), which CI replays as a Catch2 test. Crashes land in build-fuzz/findings.
# Usage: tests/fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv graphml gexf json dot xlsx edit_script)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DKNP_BUILD_FUZZERS=ON >/dev/null
cmake --build build-fuzz -j2 >/dev/null
[ -x build/knp ] || { echo "build/knp is needed for the seeds (scripts/run or cmake --build build)"; exit 1; }

work=build-fuzz/work
rm -rf "$work" && mkdir -p "$work" build-fuzz/findings
# Seeds: files of each format from the repository and our exports of the sample.
seed() {  # seed TARGET FILE...
  mkdir -p "$work/seeds/$1"
  for f in "${@:2}"; do [ -f "$f" ] && cp "$f" "$work/seeds/$1/$(echo "$f" | tr '/' '_')"; done
  return 0
}
for ext in graphml gexf json dot xlsx csv; do build/knp export datasets/musterstadt -o "$work/sample.$ext" >/dev/null 2>&1; done
shopt -s nullglob globstar
seed csv datasets/musterstadt/*.csv tests/data/**/*.csv "$work"/sample*.csv
seed graphml tests/data/**/*.graphml "$work/sample.graphml"
seed gexf tests/data/**/*.gexf "$work/sample.gexf"
seed json tests/data/**/*.json "$work/sample.json"
seed dot tests/data/**/*.dot tests/data/**/*.gv "$work/sample.dot" /usr/share/doc/graphviz/examples/**/*.gv /usr/share/graphviz/graphs/**/*.gv
seed xlsx tests/data/**/*.xlsx "$work/sample.xlsx"
mkdir -p "$work/seeds/edit_script"
cat > "$work/seeds/edit_script/edits.jsonl" <<'JSONL'
{"op":"add_actor","id":"a1","name":"Jobcenter","sector":"Arbeitsmarkt","fields":["Arbeit und Ausbildung"]}
{"op":"update_actor","id":"Jobcenter","set":{"influence":4,"note":"..."}}
{"op":"add_link","id":"l1","source":"Jobcenter","target":"VHS","type":"Kooperation","strength":2,"directed":false}
{"op":"update_link","id":"l1","set":{"status":"geplant"}}
{"op":"move","id":"VHS","x":10.5,"y":-3}
{"op":"remove_actor","id":"Caritas"}
JSONL

run_one() {  # run_one TARGET: fuzz, then merge the new inputs into the saved corpus
  local t=$1 corpus=tests/fuzz/corpus/$1
  mkdir -p "$corpus" "$work/$t"
  ./build-fuzz/fuzz_"$t" "$work/$t" "$corpus" "$work/seeds/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix=build-fuzz/findings/"$t"- -print_final_stats=1 >"$work/$t.log" 2>&1 || true
  # The saved corpus: inputs up to 4 KB that add coverage.
  mkdir -p "$work/$t.merged"
  ./build-fuzz/fuzz_"$t" -merge=1 -max_len=4096 "$work/$t.merged" "$corpus" "$work/$t" "$work/seeds/$t" >/dev/null 2>&1 || true
  rm -rf "$corpus" && mv "$work/$t.merged" "$corpus"
  local runs
  runs=$(grep -o "stat::number_of_executed_units: *[0-9]*" "$work/$t.log" | grep -o "[0-9]*$" || echo "?")
  echo "$t: $runs executions in ${seconds} s, corpus $(ls "$corpus" | wc -l) files, findings: $(ls build-fuzz/findings | grep -c "^$t-" || true)"
}
i=0
for t in "${targets[@]}"; do
  run_one "$t" &
  i=$((i + 1))
  if [ $((i % 2)) -eq 0 ]; then wait; fi
done
wait
ls build-fuzz/findings
