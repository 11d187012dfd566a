#!/usr/bin/env bash
# A facilitator's walk through the view, in a real window under Xvfb driven by xdotool at
# 1200x800 (KNP_VIEW_STATE: where actors, discs, names and panels are; KNP_SCREEN_TEXT: the
# panels' text):
# 1. The first two actors of a new project are drawn no larger than on a busy map (a fit does
#    not blow them up), in the middle of the free room.
# 2. A legend that grows over actors of a fitted map (sectors changed one after the other)
#    fits the map anew once it stands still; all sizes alike: no size row in the legend.
# 3. On the sample, names keep off links where they can; the legend explains sizes.
# 4. Zoomed in: arrows at the edge of the free room point to the actors outside it, the status
#    bar counts them ("N Akteure außerhalb der Ansicht – F zeigt alle"); F brings them back.
# 5. The properties panel shows "Zivilgesellschaft und Ehrenamt" whole; a link reads "A – B"
#    when undirected and "A → B" when directed; no "berechnet in … ms" on screen.
# 6. The in-app file dialog for Ctrl+E has "Abbrechen" and says that the ending chooses the
#    format; "Abbrechen" closes it.
# Usage: walk_test.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools Xvfb:xvfb xdotool:xdotool
require_python_modules sqlite3:python3
build=$1 datasets=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
export XDG_CONFIG_HOME="$out/config" KNP_FILE_DIALOG=builtin LC_ALL=C.UTF-8
export KNP_SCREEN_TEXT="$out/screen.txt" KNP_VIEW_STATE="$out/state.txt"

source "$(dirname "$0")/xvfb.sh"
view=""
cleanup() { [ -z "$view" ] || kill -9 "$view" 2>/dev/null || true; kill -9 $xvfb 2>/dev/null || true; }
trap cleanup EXIT
source "$(dirname "$0")/screen_text.sh"
source "$(dirname "$0")/view_state.sh"
stop_view() { kill "$view" 2>/dev/null || true; wait "$view" 2>/dev/null || true; view=""; sleep 0.5; }

# 1. A new project's first actors (placed on opening, then fitted).
project="$out/neu.knp"
"$build/knp" new "$project" --name "Neu" >/dev/null 2>&1
printf '%s\n' '{"op":"add_actor","id":"jc","name":"Jobcenter","sector":"Arbeitsmarkt"}' \
  '{"op":"add_actor","id":"car","name":"Caritas","sector":"Wohlfahrtsverbände"}' \
  '{"op":"add_link","id":"l1","source":"jc","target":"car","type":"Kooperation"}' >"$out/first.jsonl"
"$build/knp" apply "$project" "$out/first.jsonl" >/dev/null
view_start "$out/view-new.log" --size 1200x800 "$project"
sleep 1.5
shot new-project
read -r biggest middle <<<"$(python3 - "$KNP_VIEW_STATE" <<'PY'
import sys
discs, centres, room = [], [], None
for line in open(sys.argv[1], encoding='utf-8'):
    f = line.split()
    if f[0] == 'disc': discs.append(float(f[2]))
    if f[0] == 'actor': centres.append((float(f[2]), float(f[3])))
    if f[0] == 'room': room = list(map(float, f[1:5]))
mx = sum(c[0] for c in centres) / len(centres); my = sum(c[1] for c in centres) / len(centres)
off = max(abs(mx - (room[0] + room[2]) / 2), abs(my - (room[1] + room[3]) / 2))
print(round(max(discs), 1), round(off, 1))
PY
)"
echo "new project: largest disc radius $biggest px; the actors' middle $middle px from the room's middle"
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= 24 else 1)" "$biggest" ||
  fail "the first actors of a new project are drawn with a radius of $biggest px (see $out/new-project.png)"
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= 40 else 1)" "$middle" || fail "the first actors are not in the middle of the room"
stop_view

# 2. 48 actors of one sector in a grid of the free room's shape (it reaches down beside the
# legend); the legend grows by a row for each sector given to one of the top row in the
# properties panel.
mkdir -p "$out/band"
{
  echo "id,name,sector,x,y"
  for r in $(seq 0 5); do
    for c in $(seq 0 7); do echo "r${r}c$c,R${r}C$c,Kommunalverwaltung,$((c * 100)),$((r * 75))"; done
  done
} >"$out/band/actors.csv"
echo "id,source,target" >"$out/band/links.csv"
project="$out/band.knp"
"$build/knp" import "$out/band" -o "$project" >/dev/null 2>&1
view_start "$out/view-band.log" --size 1200x800 "$project"
sleep 1.5
shot band
echo "band fitted: $(under_panels) actors under a panel"
! shown "Größe: Einfluss (0–5)" || fail "the legend explains sizes although all actors are alike (see $out/band.png)"
n=0
for sector in Arbeitsmarkt "Bund und Land" Wohlfahrtsverbände "Zivilgesellschaft und Ehrenamt" Migrantenorganisationen Bildung; do
  id="r5c$n"
  n=$((n + 1))
  p=$(actor_at "$id")
  # shellcheck disable=SC2086
  xdotool mousemove --window "$w" $p click 1
  sleep 0.8
  # The sector field of the properties panel (right), then the sector in its list.
  combo=$(awk '{ t = $0; for (i = 1; i <= 5; i++) sub(/^[^ ]* /, "", t); if (t == "Kommunalverwaltung" && $1 > 800) { printf "%d %d\n", $1 + $3 / 2, $2 + $4 / 2; exit } }' "$KNP_SCREEN_TEXT")
  [ -n "$combo" ] || { shot "no-combo-$id"; fail "no sector field for $id (see $out/no-combo-$id.png)"; }
  # shellcheck disable=SC2086
  xdotool mousemove --window "$w" $combo click 1
  sleep 0.7
  shot "sector-list-$id"
  click "$sector" "sector-list-$id"
  sleep 0.15
done
shot legend-grown
early=$(discs_under_panels)
sleep 1.5
shot legend-settled
late=$(discs_under_panels)
echo "six sectors added: right after the last, $early actors (discs) under a panel; once the legend stood still, $late"
read -r bad _ <<<"$late"
[ "$bad" -eq 0 ] || fail "actors stay under the grown legend (see $out/legend-settled.png)"
[ "$(sql "select count(distinct sector) from actors")" = 7 ] || fail "the sectors were not all set"
stop_view

# 3.-6. The sample.
project="$out/musterstadt.knp"
"$build/knp" import "$datasets/musterstadt" -o "$project" 2>/dev/null
"$build/knp" layout "$project" >/dev/null 2>&1
view_start "$out/view.log" --size 1200x800 "$project"
sleep 1.5
shot sample

# 3. Names and links: how many names a link passes through (links as straight lines).
crossed=$(python3 - "$KNP_VIEW_STATE" "$project" <<'PY'
import sys, sqlite3
pos, boxes = {}, {}
for line in open(sys.argv[1], encoding='utf-8'):
    f = line.split()
    if f[0] == 'actor': pos[f[1]] = (float(f[2]), float(f[3]))
    if f[0] == 'labelbox': boxes[f[1]] = tuple(map(float, f[2:6]))
links = list(sqlite3.connect(sys.argv[2]).execute('select source, target from links'))
def crosses(a, b, r):
    for k in range(401):
        t = k / 400; x = a[0] + t * (b[0] - a[0]); y = a[1] + t * (b[1] - a[1])
        if r[0] < x < r[2] and r[1] < y < r[3]: return True
    return False
bad = [i for i, r in boxes.items() if any(crosses(pos[s], pos[t], r) for s, t in links)]
print(len(bad), len(boxes))
PY
)
read -r crossedNames names <<<"$crossed"
echo "names a link passes through: $crossedNames of $names"
[ "$names" -ge 45 ] || fail "only $names names on the sample"
[ $((crossedNames * 100)) -lt $((names * 65)) ] || fail "$crossedNames of $names names lie on a link (see $out/sample.png)"
shown "Größe: Einfluss (0–5)" || fail "the legend does not say what sizes mean on the sample"

# 5. No computing time on screen (a tooltip of the findings has it); the whole sector name;
# directed and undirected links.
xdotool mousemove --window "$w" 450 300
sleep 0.8
! alltext | grep -q "berechnet in" || fail "the analysis panel shows its computing time"
point Befunde sample
sleep 0.5
tip=$(texts | grep -F "berechnet in" || true)
echo "findings' tooltip: $tip"
[ -n "$tip" ] || fail "hovering the findings does not tell the computing time"
xdotool mousemove --window "$w" 450 300
sleep 0.5
# An actor of civil society inside the free room.
zg=$(python3 - "$KNP_VIEW_STATE" "$project" <<'PY'
import sys, sqlite3
ids = [r[0] for r in sqlite3.connect(sys.argv[2]).execute("select id from actors where sector = 'zivilgesellschaft'")]
room = None; pos = {}
for line in open(sys.argv[1], encoding='utf-8'):
    f = line.split()
    if f[0] == 'room': room = list(map(float, f[1:5]))
    if f[0] == 'actor': pos[f[1]] = (float(f[2]), float(f[3]))
for i in ids:
    x, y = pos[i]
    if room[0] + 30 < x < room[2] - 30 and room[1] + 30 < y < room[3] - 30: print(int(x), int(y)); break
PY
)
[ -n "$zg" ] || fail "no actor of civil society inside the room"
# shellcheck disable=SC2086
xdotool mousemove --window "$w" $zg click 1
sleep 1
shot civil-society
line=$(awk '$1 > 800' "$KNP_SCREEN_TEXT" | grep -F "Zivilgesellschaft" | head -1 || true)
echo "sector field: $line"
[ -n "$line" ] || fail "no sector in the properties panel (see $out/civil-society.png)"
[ "$(echo "$line" | cut -d' ' -f5-)" = "0 Zivilgesellschaft und Ehrenamt" ] || fail "the sector's name is cut off: $line"
xdotool key Escape
# Links: the first undirected and the first directed one whose middle is clear of other links and
# actors; a click there selects it.
links=$(python3 - "$KNP_VIEW_STATE" "$project" <<'PY'
import sys, sqlite3, math
pos, disc, room = {}, {}, None
for line in open(sys.argv[1], encoding='utf-8'):
    f = line.split()
    if f[0] == 'actor': pos[f[1]] = (float(f[2]), float(f[3]))
    if f[0] == 'disc': disc[f[1]] = float(f[2])
    if f[0] == 'room': room = list(map(float, f[1:5]))
rows = list(sqlite3.connect(sys.argv[2]).execute('select id, source, target, directed from links'))
def dist(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]; l2 = dx * dx + dy * dy or 1
    t = max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2))
    return math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1])
pairs = {}
for r in rows: pairs[frozenset((r[1], r[2]))] = pairs.get(frozenset((r[1], r[2])), 0) + 1
done = set()
for lid, s, t, directed in rows:
    if directed in done or pairs[frozenset((s, t))] > 1: continue
    a, b = pos[s], pos[t]
    m = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    if math.hypot(b[0] - a[0], b[1] - a[1]) < 60: continue
    if not (room[0] + 20 < m[0] < room[2] - 20 and room[1] + 20 < m[1] < room[3] - 20): continue
    if any(dist(m, pos[o[1]], pos[o[2]]) < 12 for o in rows if o[0] != lid): continue
    if any(math.hypot(m[0] - p[0], m[1] - p[1]) < disc[i] + 12 for i, p in pos.items()): continue
    done.add(directed)
    print(lid, int(m[0]), int(m[1]), directed)
PY
)
[ "$(echo "$links" | wc -l)" = 2 ] || fail "no clear undirected and directed link to click: $links"
while read -r lid x y directed; do
  xdotool mousemove --window "$w" "$x" "$y" click 1
  sleep 1
  shot "link-$lid"
  src=$(sql "select a.name from links l join actors a on a.id = l.source where l.id = '$lid'")
  dst=$(sql "select a.name from links l join actors a on a.id = l.target where l.id = '$lid'")
  if [ "$directed" = 1 ]; then want="$src → $dst"; else want="$src – $dst"; fi
  said=$(awk '$1 > 800 && $2 < 120' "$KNP_SCREEN_TEXT" | cut -d' ' -f6- | tr '\n' ' ')
  echo "link $lid (directed $directed): properties say \"$said\""
  alltext | grep -qF -- "$want" || fail "the properties panel does not say \"$want\" (see $out/link-$lid.png)"
  xdotool key Escape
  sleep 0.5
done <<<"$links"

# 4. Zoomed in towards the middle: actors outside the view are pointed to and counted.
xdotool mousemove --window "$w" 450 300
for _ in 1 2 3 4 5 6; do xdotool click 4; sleep 0.15; done
sleep 1.5
shot zoomed
outside=$(grep -c '^outside ' "$KNP_VIEW_STATE" || true)
note=$(PREFIX=1 run "$outside Akteure außerhalb der Ansicht")
echo "zoomed in: $outside actors outside the view; status bar: $(texts | grep -F "außerhalb" || echo none)"
[ "$outside" -gt 5 ] || fail "zoomed in, yet hardly any actor outside the view ($outside)"
[ -n "$note" ] || fail "the status bar does not count the actors outside the view (see $out/zoomed.png)"
shown "$outside Akteure außerhalb der Ansicht – F zeigt alle" || fail "the note does not say that F shows all"
xdotool key f
sleep 1.5
shot refitted
echo "after F: $(grep -c '^outside ' "$KNP_VIEW_STATE" || true) outside; $(under_panels) under a panel"
! grep -q '^outside ' "$KNP_VIEW_STATE" || fail "after F actors are still outside the view"
! texts | grep -qF "außerhalb der Ansicht" || fail "the note stays after F"

# 6. The file dialog of Ctrl+E: the endings, and Abbrechen.
xdotool key ctrl+e
sleep 1.2
shot export-dialog
hint=$(texts | grep -F "Die Dateiendung bestimmt das Format" || true)
echo "export dialog: \"$hint\""
[ -n "$hint" ] || fail "the export dialog does not say that the ending chooses the format (see $out/export-dialog.png)"
for e in .xlsx .csv .graphml .gexf .json .dot; do echo "$hint" | grep -qF -- "$e" || fail "the hint does not name $e"; done
shown "Abbrechen" || fail "the file dialog has no Abbrechen button"
click Abbrechen export-dialog
shot export-cancelled
! shown "Abbrechen" || fail "Abbrechen did not close the file dialog (see $out/export-cancelled.png)"
[ -z "$(ls "$out"/*.xlsx 2>/dev/null)" ] || fail "Abbrechen wrote a file"
echo "walk ok"
