#!/usr/bin/env bash
# Compare mode in a real window under Xvfb, driven by xdotool: the sample with two snapshots
# ("Workshop 1", then six of tests/data/compare_edits.jsonl, "Workshop 2", then the other six).
# V opens the comparison against the oldest snapshot at today: new links and actors in green,
# gone ones dashed in red, changed ones in orange. The left arrow steps the timeline back: at
# "Workshop 2" fewer marks, at "Workshop 1" (the state compared with) none. V leaves it; the
# project file is not changed by any of it.
# Usage: compare_test.sh BUILD_DIR DATASETS_DIR DATA_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools Xvfb:xvfb xdotool:xdotool
build=$1 datasets=$2 data=$3 out=$4
rm -rf "$out" && mkdir -p "$out"
project="$out/compare.knp"
knp="$build/knp"
"$knp" import "$datasets/musterstadt" -o "$project" 2>/dev/null
"$knp" layout "$project" >/dev/null 2>&1
"$knp" snapshot "$project" --take "Workshop 1" 2>/dev/null
head -n 6 "$data/compare_edits.jsonl" > "$out/first.jsonl"
tail -n +7 "$data/compare_edits.jsonl" > "$out/second.jsonl"
"$knp" apply "$project" "$out/first.jsonl" >/dev/null
"$knp" snapshot "$project" --take "Workshop 2" 2>/dev/null
"$knp" apply "$project" "$out/second.jsonl" >/dev/null
export XDG_CONFIG_HOME="$out/config" LC_ALL=C.UTF-8

source "$(dirname "$0")/xvfb.sh"
view=""
cleanup() { [ -z "$view" ] || kill -9 "$view" 2>/dev/null || true; kill -9 $xvfb 2>/dev/null || true; }
trap cleanup EXIT

view_start "$out/view.log" --size 1500x950 "$project"
xdotool mousemove --window "$w" 1000 900
# (The view has placed the new actor of the edits on opening: one layout step.)
history_before=$("$knp" history "$project" | wc -l)

# Pixels of each mark's colour on the map (right of the comparison panel, left of the others).
count() { "$build/tests/knp_color_count" "$out/$1.png" "$2" 12 470 40 1100 940; }
shot() {
  sleep 1.5  # the fading step (0.6 s) and the comparison's figures
  "$build/tests/knp_window_grab" "$out/$1.png" "$w"
  green=$(count "$1" 1A9641) red=$(count "$1" D7191C) orange=$(count "$1" F28C00)
  echo "$1: green $green, red $red, orange $orange; title: $(xdotool getwindowname "$w")"
}

xdotool key v
shot today
xdotool getwindowname "$w" | grep -q "Vergleich" || { echo "FAIL: compare mode not in the window title"; exit 1; }
# Today against Workshop 1: 5 new links and 1 new actor, 3 links and 1 actor gone, 4 changed.
[ "$green" -gt 400 ] || { echo "FAIL: too little green (new) at today"; exit 1; }
[ "$red" -gt 150 ] || { echo "FAIL: too little red (gone) at today"; exit 1; }
[ "$orange" -gt 60 ] || { echo "FAIL: too little orange (changed) at today"; exit 1; }
today_green=$green

xdotool key Left
shot workshop2
# Workshop 2 against Workshop 1: the first six edits (3 new links, a new actor and its link,
# one link gone), nothing changed yet.
[ "$green" -gt 150 ] && [ "$green" -lt "$today_green" ] || { echo "FAIL: Workshop 2 should show fewer new links than today"; exit 1; }
[ "$red" -gt 30 ] || { echo "FAIL: the link gone by Workshop 2 is not shown"; exit 1; }

xdotool key Left
shot workshop1
# The state compared with itself: no marks at all.
[ "$green" -lt 20 ] && [ "$red" -lt 20 ] && [ "$orange" -lt 20 ] || { echo "FAIL: marks where nothing changed"; exit 1; }

xdotool key Right
sleep 0.4
xdotool key Right
shot today_again
[ "$green" -gt $((today_green * 9 / 10)) ] && [ "$green" -lt $((today_green * 11 / 10)) ] ||
  { echo "FAIL: stepping forward again does not show today's changes as before"; exit 1; }

xdotool key v
sleep 1
xdotool getwindowname "$w" | grep -q "Vergleich" && { echo "FAIL: V did not leave compare mode"; exit 1; }
kill "$view"; wait "$view" 2>/dev/null || true
view=""
history_after=$("$knp" history "$project" | wc -l)
[ "$history_before" = "$history_after" ] || { echo "FAIL: comparing changed the project's history ($history_before -> $history_after lines)"; exit 1; }
echo "compare view ok"
