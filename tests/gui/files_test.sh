#!/usr/bin/env bash
# Files in a real window under Xvfb, driven by xdotool:
# 1. a project open in one window, opened in a second: the second says so and shows it
#    read-only (it does not exit, and the file is not changed);
# 2. Ctrl+N in the in-app file browser creates a new project, the view switches to it, an actor
#    added with N lands in it, and the settings remember it as the most recent file;
# 3. F5 fills the screen (presentation mode), Escape brings the window back;
# 4. the live layout after N is one step with it for undo;
# 5. Ctrl+O opens a CSV folder through the in-app browser.
# Usage: files_test.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools Xvfb:xvfb xdotool:xdotool
build=$1 datasets=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
project="$out/workshop.knp"
"$build/knp" import "$datasets/musterstadt" -o "$project" 2>/dev/null
# Laid out beforehand: a view places unplaced actors when it opens (an edit), which would race
# with the checksum taken below.
"$build/knp" layout "$project" >/dev/null 2>&1
export XDG_CONFIG_HOME="$out/config" KNP_FILE_DIALOG=builtin LC_ALL=C.UTF-8

source "$(dirname "$0")/xvfb.sh"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; kill -9 $xvfb 2>/dev/null || true; }
trap cleanup EXIT

# start_view SIZE FILE: the view on FILE, focused, mouse over the map; sets $view and $window.
start_view() {
  "$build/knotenpunkt" --size "$1" "$2" 2>>"$out/view.log" &
  view=$!
  pids+=($view)
  window=$(window_of $view) || exit 1
  sleep 1.5
  xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
  xdotool mousemove --window "$window" 600 400
}

count() { "$build/knp" info "$1" --format json | grep -o '"actors": [0-9]*' | grep -o '[0-9]*'; }

# 1. Open elsewhere.
(cd "$out" && exec "$build/knotenpunkt" --size 1400x900 "$project" 2>>"$out/first.log") &
echo "display $DISPLAY" >> "$out/first.log"
first=$!
pids+=($first)
[ -n "$(window_of $first)" ] || { echo "FAIL: the first window did not appear"; exit 1; }
sleep 1.5
sum_before=$(sha256sum "$project" | cut -d' ' -f1)
"$build/knotenpunkt" --size 1400x900 "$project" 2>"$out/second.log" &
second=$!
pids+=($second)
sleep 3
kill -0 $second 2>/dev/null || { echo "FAIL: the second window exited instead of showing the project read-only"; cat "$out/second.log"; exit 1; }
grep -q "shown read-only" "$out/second.log" || { echo "FAIL: no read-only message"; cat "$out/second.log"; exit 1; }
kill -9 $second
wait $second 2>/dev/null || true
[ "$(sha256sum "$project" | cut -d' ' -f1)" = "$sum_before" ] || { echo "FAIL: the project changed"; exit 1; }
echo "second window on an open project: shown read-only, file unchanged"

# 2. Ctrl+N: a new project through the in-app browser (it starts in the project's folder).
window=$(window_of $first) || exit 1
xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
xdotool mousemove --window "$window" 600 450
xdotool key ctrl+n
sleep 0.8
xdotool type --delay 100 "neu"
xdotool key Return
sleep 1
[ -f "$out/neu.knp" ] || { echo "FAIL: Ctrl+N did not create neu.knp"; ls "$out"; exit 1; }
xdotool mousemove --window "$window" 640 460
xdotool key n
sleep 0.5
xdotool type --delay 100 "Quartiersmanagement"
xdotool key Return
sleep 0.8
kill -9 $first
[ "$(count "$out/neu.knp")" = 1 ] || { echo "FAIL: the new project does not hold the new actor"; exit 1; }
[ "$(count "$project")" = 67 ] || { echo "FAIL: the first project changed"; exit 1; }
head -n 20 "$out/config/knotenpunkt/settings.ini" | grep -m1 '^recent=' | grep -q "/neu.knp$" ||
  { echo "FAIL: settings do not name neu.knp as the most recent file"; cat "$out/config/knotenpunkt/settings.ini"; exit 1; }
echo "Ctrl+N: neu.knp created, the actor added with N is in it, settings remember it"

# 3. F5: full screen, Escape: back.
start_view 1200x800 "$project"
xdotool key F5
sleep 1
size=$(xdotool getwindowgeometry "$window" | grep -o 'Geometry: [0-9x]*' | cut -d' ' -f2)
[ "$size" = "1600x1000" ] || { echo "FAIL: F5 did not fill the screen (window $size)"; exit 1; }
xwd -root -silent > "$out/presentation.xwd" 2>/dev/null || true
xdotool key Escape
sleep 1
size=$(xdotool getwindowgeometry "$window" | grep -o 'Geometry: [0-9x]*' | cut -d' ' -f2)
[ "$size" = "1200x800" ] || { echo "FAIL: Escape did not bring the window back (window $size)"; exit 1; }
kill -9 $view
echo "F5: full screen 1600x1000, Escape: back to 1200x800"

# 4. Live layout (setting live_layout=1): after N the actors glide to a new force layout, stored
#    as one step "Anordnung: live"; one Ctrl+Z takes back the new actor and that step together.
live="$out/live.knp"
"$build/knp" import "$datasets/musterstadt" -o "$live" 2>/dev/null
"$build/knp" layout "$live" >/dev/null 2>&1
printf 'live_layout=1\n' > "$out/config/knotenpunkt/settings.ini"
start_view 1400x900 "$live"
xdotool key n
sleep 0.5
xdotool type --delay 100 "Neues Café"
xdotool key Return
sleep 2
"$build/knp" history "$live" | tail -2 | head -1 | grep -q "Akteur hinzugefügt: Neues Café" &&
  "$build/knp" history "$live" | tail -1 | grep -q "Anordnung: live" ||
  { echo "FAIL: no live layout step after the new actor"; "$build/knp" history "$live" | tail -3; exit 1; }
xdotool key ctrl+z
sleep 1
kill -9 $view
[ "$(count "$live")" = 67 ] || { echo "FAIL: one Ctrl+Z did not take back the actor with its live layout"; exit 1; }
"$build/knp" history "$live" | tail -2 | grep -c "rückgängig" | grep -q 2 ||
  { echo "FAIL: both steps should be undone"; "$build/knp" history "$live" | tail -3; exit 1; }
echo "live layout: stored as its own step, undone together with the new actor"

# 5. Ctrl+O opens a CSV folder (actors.csv + links.csv) through the in-app browser: folders of
#    that form are chosen like files, and the window then shows it.
start_view 1400x900 "$project"
xdotool key ctrl+o
sleep 0.8
xdotool type --delay 40 "$(cd "$datasets/musterstadt" && pwd)"
xdotool key Return
sleep 2
title=$(xdotool getwindowname "$window")
kill -9 $view
[ "$title" = "musterstadt (musterstadt) – Knotenpunkt" ] || { echo "FAIL: Ctrl+O on the sample folder gave the title \"$title\""; exit 1; }
echo "Ctrl+O: the sample folder opened through the in-app browser"
