#!/usr/bin/env bash
# Live capture of a new project in a real window under Xvfb, driven by xdotool as a facilitator
# does it (issue 16, point 3): `knp new`, the view at 1200x800, N with the mouse at a spot of the
# map, the name, Enter, for six actors spread over the map; then links: click an actor, L, click
# another; a seventh actor put by N on the middle of a link between two others, linked too. The
# live layout runs after each actor and each link. The actors' places on screen come from the
# view's test hook (KNP_VIEW_STATE); the positions stored are read from the project file (every
# edit is on disk) with Python's sqlite3 module after each step. After each link and after the
# newcomer:
# - no actor's circle (radius 14 + 4 x influence points, as the view draws it) comes closer than
#   2 points to a link between two other actors (it would read as their go-between);
# - no actor that was there before the step moved more than 108 points: the engine's bound for a
#   live step (layout/force_layout.cpp, incrementalLayout: kLiveJump 0.6 x K, K = 180 points),
#   so that the next click target stays where it was.
# Usage: live_capture_test.sh BUILD_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools Xvfb:xvfb xdotool:xdotool
require_python_modules sqlite3:libpython3-stdlib
build=$1 out=$2
rm -rf "$out" && mkdir -p "$out"
out=$(cd "$out" && pwd)
project="$out/live.knp"
state="$out/view-state.txt"
export XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state" LC_ALL=C.UTF-8 KNP_VIEW_STATE="$state"
"$build/knp" new "$project" 2>/dev/null

source "$(dirname "$0")/xvfb.sh"
trap 'kill -9 ${view:-} 2>/dev/null || true; kill -9 $xvfb 2>/dev/null || true' EXIT
fail() {
  echo "FAIL: $*"
  "$build/tests/knp_window_grab" "$out/failed.png" "$w" >/dev/null 2>&1 || true
  exit 1
}

# Python on the project file: "steps" (edits in the history, not undone), "ids", "positions"
# (id x y per line), "check BEFORE" (the step's figures against the positions in file BEFORE).
project_py() {
  python3 - "$project" "$@" <<'PY'
import math, sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
what = sys.argv[2]
actors = {i: (x, y, 14 + 4 * inf) for i, x, y, inf in db.execute("SELECT id, x, y, influence FROM actors ORDER BY ord")}
links = [(s, t) for s, t in db.execute("SELECT source, target FROM links ORDER BY ord")]
if what == "steps":
    print(db.execute("SELECT count(*) FROM history WHERE undone = 0").fetchone()[0])
elif what == "last":
    print(db.execute("SELECT kind FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1").fetchone()[0])
elif what == "ids":
    print("\n".join(actors))
elif what == "positions":
    for i, (x, y, _) in actors.items():
        print(i, x, y)
elif what == "check":
    before = {}
    with open(sys.argv[3]) as f:
        for line in f:
            i, x, y = line.split()
            before[i] = (float(x), float(y))
    def dist(p, a, b):
        dx, dy = b[0] - a[0], b[1] - a[1]
        l2 = dx * dx + dy * dy
        t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) if l2 > 0 else 0.0
        return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)
    on = []
    for i, (x, y, r) in actors.items():
        for s, t in links:
            if i not in (s, t) and dist((x, y), actors[s][:2], actors[t][:2]) < r + 2:
                on.append(f"{i} on {s}-{t} ({dist((x, y), actors[s][:2], actors[t][:2]):.0f} from its line, radius {r})")
    moves = {i: math.hypot(actors[i][0] - p[0], actors[i][1] - p[1]) for i, p in before.items() if i in actors}
    far = max(moves, key=moves.get) if moves else None
    lengths = sorted(math.hypot(actors[s][0] - actors[t][0], actors[s][1] - actors[t][1]) for s, t in links)
    median = lengths[len(lengths) // 2] if lengths else 0
    print(f"{len(actors)} actors, {len(links)} links (median length {median:.0f}); largest move {moves.get(far, 0):.0f} ({far}); "
          f"on foreign links: {'; '.join(on) if on else 'none'}")
    sys.exit(1 if on or (far and moves[far] > 108) else 0)
PY
}

# Waits until the step count reaches $1 (the edit is stored), then until the window and the
# project file have not changed for 1.2 s: the live layout that follows an edit (stored as its
# own step where it moved anything) glides for about half a second.
settle() {
  local want=$1 same=0 last="" now
  for _ in $(seq 100); do
    [ "$(project_py steps)" -ge "$want" ] && break
    sleep 0.1
  done
  for _ in $(seq 150); do
    sleep 0.1
    now="$(md5sum <"$state" 2>/dev/null) $(stat -c '%s %Y' "$project"* 2>/dev/null)"
    if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; fi
    last=$now
    [ $same -ge 12 ] && [ "$(project_py steps)" -ge "$want" ] && return 0
  done
  fail "the view did not settle after the step (steps $(project_py steps), wanted $want)"
}

# screen ID: where actor ID's centre is in the window now ("x y", rounded).
screen() {
  awk -v id="$1" '$1 == "actor" && $2 == id { printf "%d %d\n", $3 + 0.5, $4 + 0.5 }' "$state"
}
room() { awk '$1 == "room" { print $2, $3, $4, $5 }' "$state"; }

# add NAME FX FY: N with the mouse at fractions FX, FY of the free part of the map, NAME, Enter.
add() {
  local x0 y0 x1 y1 steps
  read -r x0 y0 x1 y1 < <(room)
  steps=$(project_py steps)
  xdotool mousemove --window "$w" "$(awk -v a="$x0" -v b="$x1" -v f="$2" 'BEGIN { printf "%d", a + f * (b - a) }')" \
    "$(awk -v a="$y0" -v b="$y1" -v f="$3" 'BEGIN { printf "%d", a + f * (b - a) }')"
  sleep 0.2
  xdotool key n
  sleep 0.5
  xdotool type --delay 60 "$1"
  xdotool key Return
  settle $((steps + 1))
}

# click_actor ID: a left click on actor ID where the window shows it now.
click_actor() {
  local xy
  xy=$(screen "$1")
  [ -n "$xy" ] || fail "actor $1 is not in the view state ($state)"
  xdotool mousemove --window "$w" "${xy% *}" "${xy#* }" sleep 0.2 click 1 sleep 0.3
}

# link A B: click A, L, click B; then the live layout, and the check against the positions before.
link() {
  local steps
  steps=$(project_py steps)
  project_py positions >"$out/before.txt"
  click_actor "$1"
  xdotool key l
  sleep 0.2
  click_actor "$2"
  settle $((steps + 1))
  report=$(project_py check "$out/before.txt") || fail "link $1-$2: $report"
  echo "link $1-$2: $report"
}

# Names typed with umlauts as in a workshop; the ids are taken from the project file.
view_start "$out/view.log" --size 1200x800 "$project"
for _ in $(seq 50); do [ -n "$(room)" ] && break; sleep 0.1; done
[ -n "$(room)" ] || fail "the view wrote no state to $state"
names=("Jobcenter" "Ausländerbehörde" "Volkshochschule" "Caritas Beratung" "Sportverein Nord" "Moschee-Gemeinde")
spots=("0.15 0.2" "0.85 0.2" "0.5 0.45" "0.15 0.8" "0.85 0.8" "0.5 0.9")
for k in "${!names[@]}"; do
  # shellcheck disable=SC2086
  add "${names[$k]}" ${spots[$k]}
done
mapfile -t ids < <(project_py ids)
[ "${#ids[@]}" = 6 ] || fail "six actors captured, ${#ids[@]} in the project file"
"$build/tests/knp_window_grab" "$out/actors.png" "$w" >/dev/null 2>&1 || true
link "${ids[0]}" "${ids[1]}"
link "${ids[3]}" "${ids[4]}"
link "${ids[0]}" "${ids[3]}"
link "${ids[1]}" "${ids[4]}"
link "${ids[2]}" "${ids[5]}"
link "${ids[0]}" "${ids[4]}"

# A newcomer put on the middle of the link between the first two actors, then linked.
read -r ax ay < <(screen "${ids[0]}")
read -r bx by < <(screen "${ids[1]}")
project_py positions >"$out/before.txt"
steps=$(project_py steps)
xdotool mousemove --window "$w" $(((ax + bx) / 2)) $(((ay + by) / 2))
sleep 0.2
xdotool key n
sleep 0.5
xdotool type --delay 60 "Neue Initiative"
xdotool key Return
settle $((steps + 1))
report=$(project_py check "$out/before.txt") || fail "newcomer on the link ${ids[0]}-${ids[1]}: $report"
echo "newcomer: $report"
mapfile -t ids < <(project_py ids)
link "${ids[6]}" "${ids[5]}"
link "${ids[2]}" "${ids[1]}"
"$build/tests/knp_window_grab" "$out/links.png" "$w" >/dev/null 2>&1 || true
echo "live capture ok"
