#!/usr/bin/env bash
# knp compare as a facilitator uses it: the sample, a snapshot "Workshop 1", then a dozen
# scripted edits (tests/data/compare_edits.jsonl). The differences worked out by hand from the
# edits: actors lotsen new, fahrrad gone (with its links l90 and l104), jc and ukr changed;
# links l200-l204 new, l167 removed, l2 (type) and l166 (strength) changed; the administration
# and the business sector now reach the migrant organisations; afgh no longer alone; Bildung
# and Wohnen lost their one link (l167). Checked in text, JSON (read by Python), Markdown,
# English; the same ids renamed and names re-spelt are matched by name; a project compared with
# itself shows nothing; --table as CSV (read by Python's csv) and Markdown; the drawing as SVG
# (xmllint, rsvg-convert) and PDF (pdftotext); usage errors exit 2, bad input 3.
# Usage: compare_test.sh BUILD_DIR DATASETS_DIR DATA_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools xmllint:libxml2-utils rsvg-convert:librsvg2-bin pdftotext:poppler-utils
require_python_modules networkx:python3-networkx
build=$1 datasets=$2 data=$3 out=$4
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }
knp() { "$build/knp" "$@" 2>>"$out/log"; }
py=/usr/bin/python3

knp import "$datasets/musterstadt" -o "$out/m.knp"
knp layout "$out/m.knp" >/dev/null
knp snapshot "$out/m.knp" --take "Workshop 1"
knp apply "$out/m.knp" "$data/compare_edits.jsonl" >/dev/null

# Text (German).
knp compare "$out/m.knp@Workshop 1" "$out/m.knp" > "$out/compare.txt"
for text in "Vergleich: „Workshop 1“ → „heute“" \
            "Seit „Workshop 1“ sind 5 Verbindungen hinzugekommen, 3 Verbindungen sind weggefallen, 1 Akteur ist neu dabei, 1 Akteur ist nicht mehr dabei und 4 Einträge wurden geändert." \
            "Kommunalverwaltung und Migrantenorganisationen sind nun miteinander verbunden." \
            "Migrantenorganisationen und Wirtschaft sind nun miteinander verbunden." \
            "Zwischen Bildung und Wohnen gibt es keine Verbindung mehr." \
            "Nun eingebunden, vorher ohne Verbindung: „Afghanischer Kulturverein Musterstadt“." \
            "Das Netz hängt nun zusammen: jeder erreicht jeden." \
            "Jobcenter Musterstadt: Einfluss 5 → 4" \
            "Ukrainischer Verein „Dnipro“: Einfluss 2 → 3; Anlaufstelle nein → ja" \
            "Welcome Center Musterstadt – Sozialamt: Art Kooperation → Informationsaustausch" \
            "Integrationslotsen e.V." "Fahrradwerkstatt für Geflüchtete"; do
  grep -qF -- "$text" "$out/compare.txt" || { cat "$out/compare.txt"; fail "the comparison lacks \"$text\""; }
done

# JSON, read by Python: exactly the hand-worked differences.
knp compare "$out/m.knp@Workshop 1" "$out/m.knp" --format json > "$out/compare.json"
$py - "$out/compare.json" <<'PY' || fail "the JSON comparison differs from the hand-worked differences"
import json, sys
c = json.load(open(sys.argv[1]))
assert c["actors"]["added"] == ["lotsen"], c["actors"]["added"]
assert c["actors"]["removed"] == ["fahrrad"], c["actors"]["removed"]
changed = {x["id"]: x["changes"] for x in c["actors"]["changed"]}
assert changed == {"jc": {"influence": [5, 4]}, "ukr": {"influence": [2, 3], "contact_point": [False, True]}}, changed
assert c["links"]["added"] == ["l200", "l201", "l202", "l203", "l204"], c["links"]["added"]
assert sorted(c["links"]["removed"]) == ["l104", "l167", "l90"], c["links"]["removed"]
lchanged = {x["id"]: x["changes"] for x in c["links"]["changed"]}
assert lchanged == {"l2": {"type": ["Kooperation", "Informationsaustausch"]}, "l166": {"strength": [2, 3]}}, lchanged
g = c["graph"]
assert g["nodes"] == {"before": 67, "after": 67, "delta": 0}, g["nodes"]
assert g["links"] == {"before": 167, "after": 169, "delta": 2}, g["links"]
assert g["components"]["before"] == 2 and g["components"]["after"] == 1
assert g["isolates"] == {"before": 1, "after": 0, "delta": -1}, g["isolates"]
assert abs(g["density"]["delta"] - (g["density"]["after"] - g["density"]["before"])) < 1e-12
for m in c["metrics"]:
    assert set(m) >= {"id", "metric", "before", "after", "delta"}, m
    assert abs(m["delta"] - (m["after"] - m["before"])) < 1e-12, m
    assert m["metric"] in ("betweenness", "degree", "brokerage")
deg = {m["id"]: m for m in c["metrics"] if m["metric"] == "degree"}
assert deg["afgh"]["before"] == 0 and deg["afgh"]["after"] == 1, deg["afgh"]
assert deg["mso_verbund"]["delta"] == 2, deg["mso_verbund"]
assert "wc" in deg and deg["wc"]["delta"] == 1  # lotsen - wc
closed, opened = c["gaps"]["closed"], c["gaps"]["opened"]
assert "Kommunalverwaltung und Migrantenorganisationen: nun miteinander verbunden" in closed, closed
assert "Migrantenorganisationen und Wirtschaft: nun miteinander verbunden" in closed, closed
assert "„Afghanischer Kulturverein Musterstadt“: nun eingebunden" in closed, closed
assert "Bildung und Wohnen: keine Verbindung mehr" in opened, opened
assert c["findings"][0].startswith("Seit „Workshop 1“ sind 5 Verbindungen hinzugekommen")
PY

# Markdown and English.
knp compare "$out/m.knp@Workshop 1" "$out/m.knp" --format md > "$out/compare.md"
grep -q "^## Befunde" "$out/compare.md" || fail "no findings heading in Markdown"
grep -q "^| Akteure | 67 | 67 | ±0 |" "$out/compare.md" || fail "no figures table in Markdown"
knp --lang en compare "$out/m.knp@Workshop 1" "$out/m.knp" > "$out/compare-en.txt"
grep -qF "Since “Workshop 1”, 5 links were added, 3 links were dropped, 1 actor joined, 1 actor is no longer there and 4 entries were changed." "$out/compare-en.txt" ||
  fail "no English findings"
grep -qF "Migrant organisations and Municipal administration are now linked with each other." "$out/compare-en.txt" || fail "no English sector finding"

# A project compared with itself: nothing.
knp compare "$out/m.knp" "$out/m.knp" --format json > "$out/self.json"
$py -c 'import json,sys; c=json.load(open(sys.argv[1])); assert not any([c["actors"]["added"], c["actors"]["removed"], c["actors"]["changed"], c["links"]["added"], c["links"]["removed"], c["links"]["changed"], c["metrics"], c["gaps"]["closed"], c["gaps"]["opened"]]), c; assert len(c["findings"]) == 1 and "nichts geändert" in c["findings"][0]' "$out/self.json" ||
  fail "a project compared with itself shows differences"

# Another file of the same network: new ids, names in other spellings (case, spaces, umlauts
# written out): matched by name, so no actor or link is new or gone.
mkdir -p "$out/other"
$py - "$datasets/musterstadt" "$out/other" <<'PY'
import csv, sys
src, dst = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(f"{src}/actors.csv", encoding="utf-8")))
ids = {}
for i, r in enumerate(rows):
    ids[r["id"]] = f"x{i}"
    r["id"] = ids[r["id"]]
    name = r["name"]
    if i % 3 == 0: name = name.upper()
    elif i % 3 == 1: name = "  " + name.replace(" ", "  ") + " "
    else: name = name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    r["name"] = name
with open(f"{dst}/actors.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=rows[0].keys()); w.writeheader(); w.writerows(rows)
links = list(csv.DictReader(open(f"{src}/links.csv", encoding="utf-8")))
for i, l in enumerate(links):
    l["id"] = f"k{i}"; l["source"] = ids[l["source"]]; l["target"] = ids[l["target"]]
with open(f"{dst}/links.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=links[0].keys()); w.writeheader(); w.writerows(links)
PY
knp compare "$datasets/musterstadt" "$out/other" --format json > "$out/other.json"
$py -c 'import json,sys; c=json.load(open(sys.argv[1])); a, l = c["actors"], c["links"]; assert a["added"] == [] and a["removed"] == [] and l["added"] == [] and l["removed"] == [] and l["changed"] == [], (a["added"], a["removed"], l["added"], l["removed"]); assert a["matched_by_name"] == 67, a["matched_by_name"]; assert all(set(x["changes"]) == {"name"} for x in a["changed"]), a["changed"]' "$out/other.json" ||
  fail "re-spelt names and new ids are not matched by name"

# Many side by side.
knp compare "$out/m.knp@Workshop 1" "$out/m.knp" "$out/other" --table --format csv > "$out/table.csv"
$py - "$out/table.csv" <<'PY' || fail "the CSV table is wrong"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert [r["name"] for r in rows] == ["Workshop 1", "musterstadt (heute)", "other"], [r["name"] for r in rows]
assert [int(r["nodes"]) for r in rows] == [67, 67, 67]
assert [int(r["links"]) for r in rows] == [167, 169, 167]
assert [int(r["isolates"]) for r in rows] == [1, 0, 1]
assert rows[0]["density"] == rows[2]["density"]
for key in ("components", "modularity", "articulation_points", "uncovered_fields", "unlinked_sector_pairs", "parallel_work"):
    assert key in rows[0], key
PY
knp compare "$out/m.knp@Workshop 1" "$out/m.knp" --table > "$out/table.md"
[ "$(grep -c '^|' "$out/table.md")" = 4 ] || fail "the Markdown table should have a header, a rule and 2 rows"

# The comparison drawn.
knp compare "$out/m.knp@Workshop 1" "$out/m.knp" -o "$out/diff.svg" > /dev/null
xmllint --noout "$out/diff.svg" || fail "the compare SVG is not well-formed"
rsvg-convert "$out/diff.svg" -o "$out/diff.png" || fail "rsvg-convert cannot draw the compare SVG"
for text in "Was hat sich verändert?" "Veränderung seit „Workshop 1“" "neu (Akteur)" "nicht mehr dabei (Verbindung)" "Integrationslotsen" "Fahrradwerkstatt"; do
  grep -qF "$text" "$out/diff.svg" || fail "the compare SVG lacks \"$text\""
done
grep -q 'stroke="#1a9641"' "$out/diff.svg" || fail "no green (new) line in the compare SVG"
grep -q 'stroke="#d7191c"' "$out/diff.svg" || fail "no red (gone) line in the compare SVG"
knp compare "$out/m.knp@Workshop 1" "$out/m.knp" -o "$out/diff.pdf" > /dev/null
pdftotext "$out/diff.pdf" - | grep -q "nicht mehr dabei" || fail "the compare PDF lacks its legend"

# The snapshot series for Gephi's timeline: a dynamic GEXF whose spells say when each actor
# and link existed. networkx 2.8 reads GEXF 1.3 once told its namespace and to keep a dateTime
# as written (it knows GEXF 1.2's time formats only).
knp export "$out/m.knp" -o "$out/series.gexf" > /dev/null
$py - "$out/series.gexf" <<'PY' || fail "the dynamic GEXF does not carry the changes as spells"
import sys
import networkx as nx
from networkx.readwrite.gexf import GEXF, GEXFReader
GEXF.versions.setdefault("1.3", dict(GEXF.versions["1.2draft"], NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz",
                                     VERSION="1.3", SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"))
reader = GEXFReader(version="1.3")
reader.python_type["dateTime"] = lambda text: text  # kept as written; a missing end stays None
g = reader(sys.argv[1])
assert g.graph["mode"] == "dynamic", g.graph
assert g.number_of_nodes() == 68, g.number_of_nodes()  # today's 67 and fahrrad, gone
(start_wc, end_wc), = g.nodes["wc"]["spells"]
assert end_wc is None, g.nodes["wc"]["spells"]
(start_f, end_f), = g.nodes["fahrrad"]["spells"]
assert start_f == start_wc and end_f is not None and end_f > start_f, g.nodes["fahrrad"]["spells"]
(start_l, end_l), = g.nodes["lotsen"]["spells"]
assert start_l == end_f and end_l is None, g.nodes["lotsen"]["spells"]
edge = g.get_edge_data("lotsen", "wc")
edge = next(iter(edge.values())) if g.is_multigraph() else edge
assert edge["spells"] == [(start_l, None)], edge
PY

# Errors.
set +e
knp compare "$out/m.knp" > /dev/null; [ $? = 2 ] || fail "one input without --table should be a usage error"
knp compare "$out/m.knp" "$out/m.knp" --format csv > /dev/null; [ $? = 2 ] || fail "csv without --table should be a usage error"
knp compare "$out/m.knp" "$out/m.knp" -o "$out/x.txt" > /dev/null; [ $? = 2 ] || fail "-o .txt should be a usage error"
knp compare "$out/m.knp@Workshop 9" "$out/m.knp" > /dev/null; [ $? = 3 ] || fail "an unknown snapshot should be bad input"
printf 'id,name\n' > "$out/broken.graphml"
knp compare "$out/broken.graphml" "$out/m.knp" > /dev/null; [ $? = 3 ] || fail "a broken file should be bad input"
set -e
[ ! -e "$out/x.txt" ] || fail "a refused comparison wrote a file"
echo "compare ok"
