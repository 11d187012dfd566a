#!/usr/bin/env bash
# The view's words in a real window under Xvfb, driven by xdotool, read back from the text it
# draws (KNP_SCREEN_TEXT, src/ui/screen_text.hpp: each run of text with its place), on the sample
# at 1200x800 and on a new eight-actor network:
# 1. Ansicht > Farbe nach / Größe nach name the metrics in words ("Verbindungen (Grad)"), never
#    as degree, betweenness, effective_size, constraint; Anordnung names the layouts in words,
#    never force, rings, dot, neato, sfdp; the actor table's headers are German and its broker
#    shares are percentages, as are the analysis panel's brokers ("41 %", as the finding says).
# 2. No finding is cut off at the analysis panel's edge (they wrap); on the new network the seven
#    fields of action without an actor are one line, after the other gaps.
# 3. The sector heat map names its rows left of the cells and numbers its columns; pointing at a
#    cell shows both sectors, the number of links and the density in German.
# 4. Datei > Momentaufnahme anlegen asks for a name ("Stand 1" suggested); the name typed and
#    Enter make the snapshot of that name in the project file (read with Python's sqlite3);
#    Escape cancels without one; the snapshot panel shows a German date and "67 Akteure".
# Screenshots of each step lie in OUT_DIR.
# Usage: words_test.sh BUILD_DIR DATASETS_DIR DATA_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools Xvfb:xvfb xdotool:xdotool
require_python_modules sqlite3:python3
build=$1 datasets=$2 data=$3 out=$4
rm -rf "$out" && mkdir -p "$out"
project="$out/musterstadt.knp"
"$build/knp" import "$datasets/musterstadt" -o "$project" 2>/dev/null
"$build/knp" layout "$project" >/dev/null 2>&1
small="$out/neu.knp"
"$build/knp" new "$small" --name "Neues Netz" 2>/dev/null
"$build/knp" apply "$small" "$data/eight_actors.jsonl" >/dev/null
"$build/knp" layout "$small" >/dev/null 2>&1
export XDG_CONFIG_HOME="$out/config" LC_ALL=C.UTF-8 TZ=Europe/Berlin
export KNP_SCREEN_TEXT="$out/screen.txt"

source "$(dirname "$0")/xvfb.sh"
view=""
cleanup() { [ -z "$view" ] || kill -9 "$view" 2>/dev/null || true; kill -9 $xvfb 2>/dev/null || true; }
trap cleanup EXIT
source "$(dirname "$0")/screen_text.sh"

view_start "$out/view.log" --size 1200x800 "$project"
shot opened

# 1. Metrics and layouts in words.
click Ansicht opened
point "Farbe nach" opened
shot color_by
for word in "Verbindungen (Grad)" "Brückenrolle (Betweenness)" "Abhängigkeit von wenigen Partnern (Constraint)" \
  "Eigenständige Kontakte (effektive Größe)"; do
  shown "$word" || fail "Farbe nach does not offer \"$word\" (see $out/color_by.png)"
done
for word in degree betweenness effective_size constraint in_degree pagerank; do
  ! shown "$word" || fail "Farbe nach shows the technical name $word"
done
point "Größe nach" color_by
shot size_by
shown "Brückenrolle (Betweenness)" && ! shown betweenness || fail "Größe nach does not name the metrics in words"
close_menus
click Anordnung size_by
shot layouts
shown "Ringe nach Sektoren" && shown "Automatisch (Kräftemodell)" || fail "Anordnung does not name the layouts in words"
for word in force rings dot neato sfdp; do ! shown "$word" || fail "Anordnung shows the engine name $word"; done
close_menus
# The actor table (collapsed to its title in a window this small; Ctrl+F opens it): German
# headers (maybe shortened with "…"), shares in percent.
xdotool mousemove --window "$w" 600 400 key ctrl+f
sleep 0.8
xdotool key Escape
sleep 0.5
texts | grep -qE '^(Verbindungen|Verbind…|Verbin…|Verbi…)$' || fail "the actor table has no German header for the links"
! texts | grep -qE '^(degree|betweenness|betw…|degr…)$' || fail "the actor table's headers are English"
[ "$(texts | grep -cE '^(< 1|[0-9]+) %$')" -ge 8 ] || fail "the actor table does not show the broker shares in percent"
! texts | grep -qE '^0\.[0-9]{3}$' || fail "the actor table still shows shares as 0.xxx"
echo "metrics and layouts in words, the table in percent"

# 2. The analysis panel: nothing cut off at its edge; the brokers in percent.
read -r panel_x panel_y _ <<<"$(run Analyse)"
panel_x=$((panel_x - 30))
cut_off=$(awk -v x="$panel_x" -v y="$panel_y" '$1 >= x && $2 > y && $5 == 1' "$KNP_SCREEN_TEXT")
[ -z "$cut_off" ] || fail "texts cut off at the analysis panel's edge: $cut_off"
click Befunde opened
click Brückenakteure opened
shot brokers
broker_y=$(at "Welcome Center Musterstadt" | cut -d' ' -f2)
awk -v y="$broker_y" '$6 == "41" && $7 == "%" && ($2 + $4 / 2 - y) ^ 2 < 9' "$KNP_SCREEN_TEXT" | grep -q . ||
  fail "the strongest broker is not shown as 41 % (the finding's figure)"
click Brückenakteure brokers

# 3. The heat map: rows named, columns numbered, a tooltip in words.
click "Verbindungen zwischen Sektoren" brokers
shot heatmap
# Rows "1 Kommunalverwaltung" … (maybe shortened with "…"); columns numbered above the cells,
# right of the row names.
first_row=$(PREFIX=1 run "1 Kommunal")
row=$(PREFIX=1 at "3 Bund")
[ -n "$first_row" ] && [ -n "$row" ] || fail "the heat map's rows are not named (see $out/heatmap.png)"
read -r row_x first_y row_w _ <<<"$first_row"
row_y=${row#* }
# The column numbered 2: just above the first row, right of its name.
column_x=$(awk -v x="$((row_x + row_w))" -v y="$first_y" '$6 == "2" && NF == 6 && $1 >= x && $2 < y && $2 > y - 40 { print $1 + $3 / 2; exit }' "$KNP_SCREEN_TEXT")
[ -n "$column_x" ] || fail "the heat map's columns are not numbered right of the row names (see $out/heatmap.png)"
[ "$(awk -v y="$first_y" '$2 < y && $2 > y - 40 && $6 ~ /^[0-9]+$/' "$KNP_SCREEN_TEXT" | wc -l)" -ge 10 ] || fail "not every column is numbered"
xdotool mousemove --window "$w" "$column_x" "$row_y"
sleep 1
shot heatmap_tooltip
all=$(alltext)
grep -q "Zwischen „Bund und Land“ und Arbeitsmarkt" <<<"$all" || fail "the tooltip does not name both sectors: $all"
texts | grep -qxE "[0-9]+ Verbindung(en)?" || fail "the tooltip does not count the links"
grep -qE "Dichte: (< 1|[0-9]+) % der möglichen Paare sind verbunden" <<<"$all" || fail "the tooltip does not give the density"
echo "heat map labelled, tooltip: $(grep -o 'Zwischen „Bund und Land“ und Arbeitsmarkt' <<<"$all")"

# 4. A snapshot by the menu: named in a dialog.
snapshots() { python3 -c 'import sqlite3, sys; print("|".join(r[0] for r in sqlite3.connect(sys.argv[1]).execute("select name from snapshots order by rowid")))' "$project"; }
xdotool mousemove --window "$w" 600 400
click Datei heatmap_tooltip
PREFIX=1 click "Momentaufnahme anlegen" heatmap_tooltip
shot snapshot_dialog
shown "Stand 1" || fail "the dialog does not suggest \"Stand 1\" (see $out/snapshot_dialog.png)"
[ -z "$(snapshots)" ] || fail "the menu saved a snapshot without asking: $(snapshots)"
xdotool type --delay 80 "Workshop März"
xdotool key Return
sleep 1
shot snapshot_saved
[ "$(snapshots)" = "Workshop März" ] || fail "the project holds the snapshots \"$(snapshots)\", not \"Workshop März\""
alltext | grep -q "Momentaufnahme „Workshop März“ gespeichert: 67 Akteure, 167 Verbindungen." || fail "no message after saving"
click Datei snapshot_saved
PREFIX=1 click "Momentaufnahme anlegen" snapshot_saved
shown "Stand 2" || fail "the second dialog does not suggest \"Stand 2\""
xdotool key Escape
sleep 0.8
shot snapshot_cancelled
! shown "Stand 2" || fail "Escape did not close the dialog"
[ "$(snapshots)" = "Workshop März" ] || fail "Escape saved a snapshot: $(snapshots)"
click Ansicht snapshot_cancelled
click Momentaufnahmen snapshot_cancelled
shot snapshot_panel
all=$(alltext)
grep -qE "Workshop März \([0-9]{1,2}\. (Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.) 20[0-9]{2}, [0-2][0-9]:[0-5][0-9]; 67 Akteure, 167 Verbindungen\)" <<<"$all" ||
  fail "the snapshot panel does not show the snapshot with a German date and counts: $all"
! grep -qE '20[0-9]{2}-[0-9]{2}-[0-9]{2}T' <<<"$all" || fail "the snapshot panel shows an ISO time stamp"
echo "snapshot named in a dialog: $(snapshots)"
kill "$view"
wait "$view" 2>/dev/null || true
view=""

# 2b. A new network: the empty fields of action in one line.
# (Its own settings: the panels where a first start puts them, the analysis panel 590 pixels high.)
XDG_CONFIG_HOME="$out/config_small" view_start "$out/view_small.log" --size 1500x1000 "$small"
sleep 1
shot new_network
all=$(alltext)
grep -q "In 7 Handlungsfeldern ist noch kein Akteur aktiv: „Wohnen und Unterbringung“" <<<"$all" ||
  fail "the empty fields are not folded into one line (see $out/new_network.png): $all"
! grep -q "Im Handlungsfeld „[^“]*“ ist kein Akteur aktiv" <<<"$all" || fail "single lines for empty fields remain"
# After the other gaps: the sectors without a link come first.
read -r findings_x findings_y _ <<<"$(run Befunde)"
first=$(awk -v x="$((findings_x - 40))" -v y="$findings_y" '$1 >= x && $2 > y { for (i = 6; i <= NF; i++) printf "%s ", $i; print ""; exit }' "$KNP_SCREEN_TEXT")
grep -q "^Zwischen" <<<"$first" || fail "the first finding is not a gap between sectors: $first"
echo "new network: empty fields folded, gaps first"
echo "words ok"
