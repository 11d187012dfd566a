#!/usr/bin/env bash
# The view a facilitator runs a workshop with, in a real window under Xvfb driven by xdotool, on
# the sample at 1200x800 (KNP_VIEW_STATE: where actors, panels and names are; KNP_SCREEN_TEXT:
# the panels' text):
# 1. After F no actor's centre lies under a panel, the legend or the menu bar; collapsing the
#    legend (Ansicht > Legende) gives the map more room (it fits again), as does any panel
#    collapsed to its title or moved.
# 2. Suggested links are off by default; switched on, the map shows the top three (magenta,
#    with a legend entry); presentation mode (F5) never shows them, names the hub, keeps actors
#    out from under the legend; Escape leaves it.
# 3. Escape closes an open menu.
# 4. A new actor (N): the sector chosen with the mouse, Enter adds it (in the project file).
# 5. Bearbeiten says what undo would undo.
# 6. L draws a line from the selected actor to the mouse.
# 7. A selected single point of failure marks the actors cut off without it (legend says so).
# Usage: workshop_view_test.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools Xvfb:xvfb xdotool:xdotool
require_python_modules sqlite3:python3
build=$1 datasets=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
project="$out/musterstadt.knp"
"$build/knp" import "$datasets/musterstadt" -o "$project" 2>/dev/null
"$build/knp" layout "$project" >/dev/null 2>&1
export XDG_CONFIG_HOME="$out/config" LC_ALL=C.UTF-8
export KNP_SCREEN_TEXT="$out/screen.txt" KNP_VIEW_STATE="$out/state.txt"

source "$(dirname "$0")/xvfb.sh"
view=""
cleanup() { [ -z "$view" ] || kill -9 "$view" 2>/dev/null || true; kill -9 $xvfb 2>/dev/null || true; }
trap cleanup EXIT
source "$(dirname "$0")/screen_text.sh"
source "$(dirname "$0")/view_state.sh"

room_area() { awk '$1 == "room" { printf "%d\n", ($4 - $2) * ($5 - $3) }' "$KNP_VIEW_STATE"; }
magenta() { "$build/tests/knp_color_count" "$out/$1.png" E7298A 40 "${@:2}"; }
orange() { "$build/tests/knp_color_count" "$out/$1.png" F28C00 40; }

view_start "$out/view.log" --size 1200x800 "$project"
sleep 1

# 1. F: the map in the room the panels leave.
xdotool mousemove --window "$w" 600 400 key f
sleep 1.5
shot fitted
read -r bad _ <<<"$(under_panels)"
echo "after F: $(under_panels) actors under a panel; room $(room_area) px"
[ "$bad" -eq 0 ] || fail "actors under a panel after F (see $out/fitted.png)"
before=$(room_area)
click Ansicht fitted
click Legende fitted
sleep 1.5
shot collapsed
after=$(room_area)
echo "legend hidden: room $before -> $after px; $(under_panels) under a panel"
[ "$after" -gt "$before" ] || fail "hiding the legend gave the map no room"
read -r bad _ <<<"$(under_panels)"
[ "$bad" -eq 0 ] || fail "actors under a panel after hiding the legend"
click Ansicht collapsed
click Legende collapsed
sleep 1.5

# 2. Suggestions: off by default, the top three when switched on, never in presentation mode.
m0=$(magenta collapsed)
click Ansicht collapsed
click "Vorgeschlagene Verbindungen zeigen" collapsed
sleep 1
shot suggestions
m1=$(magenta suggestions)
echo "magenta pixels: default $m0, switched on $m1"
[ "$m0" -lt 20 ] || fail "suggested links shown by default"
[ "$m1" -gt 150 ] || fail "switched on, no suggested links on the map"
[ -n "$(PREFIX=1 run 'Vorschlag der Analyse')" ] || fail "no legend entry for the suggestions"
xdotool key F5
sleep 3
shot presentation
m2=$(magenta presentation)
hub=$(sql "select id from (select a.id, (select count(*) from links l where l.source = a.id or l.target = a.id) d from actors a) order by d desc limit 1")
echo "presentation: magenta $m2, hub $hub named: $(grep -c "^label $hub\$" "$KNP_VIEW_STATE"), $(under_panels) under the legend"
[ "$m2" -lt 20 ] || fail "suggested links in presentation mode"
grep -q "^label $hub\$" "$KNP_VIEW_STATE" || fail "the hub $hub has no label in presentation mode"
read -r bad _ <<<"$(under_panels)"
[ "$bad" -eq 0 ] || fail "actors under the legend in presentation mode"
# The most influential (the largest discs: BAMF, the Bürgermeisterin) are named on the wall, and
# most actors are (short names where given): "Wo ist das BAMF?" has an answer.
labelled=$(grep -c "^label " "$KNP_VIEW_STATE")
actors=$(sql "select count(*) from actors")
echo "presentation: $labelled of $actors actors named"
for id in $(sql "select group_concat(id, ' ') from actors where influence >= 4"); do
  grep -q "^label $id\$" "$KNP_VIEW_STATE" || fail "the influential actor $id has no label in presentation mode (see $out/presentation.png)"
done
[ $((labelled * 100)) -ge $((actors * 75)) ] || fail "only $labelled of $actors actors are named in presentation mode (43 before short names and influence counted)"
xdotool key Escape
sleep 2

# 3. Escape closes a menu.
click Datei presentation
shot menu
shown "Öffnen …" || fail "the Datei menu did not open"
xdotool key Escape
sleep 0.8
shot menu-closed
! shown "Öffnen …" || fail "Escape did not close the menu"

# 4. N, a name, the sector by mouse, Enter.
xdotool mousemove --window "$w" 420 120
sleep 0.3
xdotool key n
sleep 0.8
xdotool type --delay 60 "Testverein Nord"
sleep 0.5
shot new-actor
# The sector's row: its key "2", then its name on the same line.
sector=$(awk '{ t = $0; for (i = 1; i <= 5; i++) sub(/^[^ ]* /, "", t)
  if (t == "Arbeitsmarkt" && key == "2" && $2 == keyY) { printf "%d %d\n", $1 + $3 / 2, $2 + $4 / 2; exit }
  key = t; keyY = $2 }' "$KNP_SCREEN_TEXT")
[ -n "$sector" ] || fail "the new-actor popup does not show the sector with its key (see $out/new-actor.png)"
# shellcheck disable=SC2086
xdotool mousemove --window "$w" $sector click 1
sleep 0.5
xdotool key Return
sleep 1.5
added=$(sql "select sector from actors where name = 'Testverein Nord'")
echo "added by Enter after a sector click: sector '$added'"
[ "$added" = "arbeitsmarkt" ] || fail "Enter after choosing the sector with the mouse did not add the actor"

# 5. Undo says what it undoes.
click Bearbeiten menu-closed
shot edit-menu
shown "Rückgängig: Akteur „Testverein Nord“ anlegen" || fail "Bearbeiten does not say what undo would undo"
xdotool key Escape
sleep 0.5

# 6. L: a line from the new actor (selected) to the mouse.
shot before-link
o0=$(orange before-link)
xdotool mousemove --window "$w" 600 300 key l
sleep 0.3
xdotool mousemove --window "$w" 640 450
sleep 0.8
shot linking
o1=$(orange linking)
echo "orange pixels before L $o0, while linking $o1"
[ $((o1 - o0)) -gt 150 ] || fail "L draws no line to the mouse"
xdotool key Escape
sleep 0.5

# 7. What if Diakonie Frauentreff International drops out: the actors cut off are marked.
shot before-dropout
cut=$(sql "select id from actors where name = 'Diakonie Frauentreff International'")
p=$(actor_at "$cut")
# shellcheck disable=SC2086
xdotool mousemove --window "$w" $p click 1
sleep 1.5
shot dropout
[ -n "$(PREFIX=1 run '3 Akteure abgeschnitten, wenn Frauentreff')" ] || fail "the legend does not say who is cut off (see $out/dropout.png)"
# The alarm red (D62728) is also the welfare organisations' colour: count what selecting adds.
red0=$("$build/tests/knp_color_count" "$out/before-dropout.png" D62728 40)
red=$("$build/tests/knp_color_count" "$out/dropout.png" D62728 40)
echo "cut-off marks: red pixels $red0 before, $red with it selected"
[ $((red - red0)) -gt 60 ] || fail "the cut-off actors are not marked on the map"

# 8. The arrangement made on opening a project without positions stays: Strg+Z right after
#    opening does not drop every actor onto one spot (it says why instead).
kill -9 "$view" 2>/dev/null || true
wait "$view" 2>/dev/null || true
project="$out/ohne_positionen.knp"
"$build/knp" import "$datasets/musterstadt" -o "$project" 2>/dev/null
view_start "$out/view2.log" --size 1200x800 "$project"
sleep 2
[ "$(sql "select count(*) from actors where x is null")" = 0 ] || fail "opening did not place the actors"
xdotool mousemove --window "$w" 600 400 key ctrl+z
said=""
for _ in $(seq 75); do [ -n "$(PREFIX=1 run 'Die Anordnung beim Öffnen bleibt')" ] && said=1 && break; sleep 0.2; done
shot opening_undo
[ "$(sql "select count(*) from actors where x is null")" = 0 ] || fail "Strg+Z after opening took the actors' places away (see $out/opening_undo.png)"
[ -n "$said" ] || fail "Strg+Z after opening does not say why nothing was undone (see $out/opening_undo.png)"
echo "workshop view ok"
