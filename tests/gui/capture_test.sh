#!/usr/bin/env bash
# Live capture in a real window under Xvfb, driven by xdotool as a facilitator would, on a
# German keyboard layout (setxkbmap de: Z and Y swapped, ü and ß on their own keys):
# N, a name with umlauts, Ctrl+2 (second sector), Enter -> the project file holds the new actor even after the view is
# killed with SIGKILL a moment later; then Ctrl+Z (by the letter on the key) removes it again.
# Usage: capture_test.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools Xvfb:xvfb xdotool:xdotool setxkbmap:x11-xkb-utils
build=$1 datasets=$2 out=$3
mkdir -p "$out"
project="$out/capture.knp"
rm -f "$project"
"$build/knp" import "$datasets/musterstadt" -o "$project" 2>/dev/null
export XDG_CONFIG_HOME="$out/config"
export LC_ALL=C.UTF-8  # xdotool reads the name to type as UTF-8

source "$(dirname "$0")/xvfb.sh"
trap 'kill -9 $xvfb 2>/dev/null || true' EXIT

start_view() {
  "$build/knotenpunkt" --size 1500x950 "$project" 2>>"$out/view.log" &
  view=$!
  # The view's own mapped window (xdotool search --name can return it before it is mapped,
  # and windowfocus then fails with BadMatch).
  window=$(window_of "$view") || exit 1
  xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
  sleep 1.5  # first frames, layout of unplaced actors
}

actors() { "$build/knp" info "$project" --format json | grep -o '"actors": [0-9]*' | grep -o '[0-9]*'; }

setxkbmap de
start_view
before=$(actors)
xdotool mousemove --window "$window" 700 500
xdotool key n
sleep 0.5
xdotool type --delay 120 "Bürgerinitiative Süßenbach"
xdotool key ctrl+2  # quick sector choice: the second sector of the list, Arbeitsmarkt
xdotool key Return
sleep 0.7
kill -9 "$view"
wait "$view" 2>/dev/null || true
after=$(actors)
echo "actors before $before, after N + name + Enter and SIGKILL: $after"
[ "$after" = $((before + 1)) ] || { echo "FAIL: the new actor is not in the project file"; exit 1; }
# The last step, or the one before the live layout that may follow it.
"$build/knp" history "$project" | tail -2 | grep -q "Akteur hinzugefügt: Bürgerinitiative Süßenbach" ||
  { echo "FAIL: history does not name the new actor:"; "$build/knp" history "$project" | tail -2; exit 1; }

"$build/knp" metrics "$project" --format json | tr -d '\n' |
  grep -qE '"label": "Bürgerinitiative Süßenbach", *"sector": "Arbeitsmarkt"' ||
  { echo "FAIL: Ctrl+2 did not give the new actor the second sector (Arbeitsmarkt)"; exit 1; }

# Undo by the letter on the key: on the German layout Z sits where US keyboards have Y.
start_view
xdotool mousemove --window "$window" 700 500
xdotool key ctrl+z
sleep 0.7
kill -9 "$view"
wait "$view" 2>/dev/null || true
setxkbmap us
undone=$(actors)
echo "after Ctrl+Z on a German layout: $undone"
[ "$undone" = "$before" ] || { echo "FAIL: Ctrl+Z did not undo the new actor"; exit 1; }
echo "capture ok"
