# Sourced by GUI tests: reads what the view wrote to KNP_VIEW_STATE (src/ui/frame_output.hpp)
# and the project file $project.

# sql QUERY: the rows of QUERY on $project, fields joined by "|".
sql() { python3 -c 'import sqlite3, sys; print("\n".join("|".join(map(str, r)) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])))' "$project" "$1"; }
# actor_at ID: "X Y" of the actor's centre in the window.
actor_at() { awk -v id="$1" '$1 == "actor" && $2 == id { printf "%d %d\n", $3, $4 }' "$KNP_VIEW_STATE"; }
# Actors whose centre lies under a panel (or above the work area): "n of m" and the first few.
under_panels() {
  python3 - "$KNP_VIEW_STATE" <<'PY'
import sys
panels, actors = [], []
for line in open(sys.argv[1], encoding='utf-8'):
    f = line.split()
    if f[0] == 'panel': panels.append(tuple(map(float, f[1:5])))
    if f[0] == 'actor': actors.append((f[1], float(f[2]), float(f[3])))
bad = [a for a in actors if a[2] < 23 or any(p[0] <= a[1] <= p[2] and p[1] <= a[2] <= p[3] for p in panels)]
print(len(bad), 'of', len(actors), ' '.join(a[0] for a in bad[:5]))
PY
}
# The same for any part of the actors' discs.
discs_under_panels() {
  python3 - "$KNP_VIEW_STATE" <<'PY'
import sys
panels, actors, disc = [], [], {}
for line in open(sys.argv[1], encoding='utf-8'):
    f = line.split()
    if f[0] == 'panel': panels.append(tuple(map(float, f[1:5])))
    if f[0] == 'actor': actors.append((f[1], float(f[2]), float(f[3])))
    if f[0] == 'disc': disc[f[1]] = float(f[2])
bad = [a for a in actors if any(p[0] < a[1] + disc[a[0]] and a[1] - disc[a[0]] < p[2] and p[1] < a[2] + disc[a[0]] and a[2] - disc[a[0]] < p[3]
                                for p in panels)]
print(len(bad), 'of', len(actors), ' '.join(a[0] for a in bad[:5]))
PY
}
