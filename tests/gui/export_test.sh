#!/usr/bin/env bash
# The view's import and exports go through the same use cases as knp (session/): in a real
# window under Xvfb, driven by xdotool with the in-app file browser:
# 1. Ctrl+I imports the sample into an empty project; `knp import` does the same into another
#    empty project; both projects then hold the same actors and links, field by field (Python
#    reads knp's JSON exports; positions aside: the view places the newcomers), and each has
#    one undoable import step.
# 2. Ctrl+P writes the map as PNG (A4 at 300 dpi) and PDF: pdftoppm renders the PDF, actors'
#    names are in pdftotext's text.
# 3. Ctrl+B writes the strategy report (HTML) in the background; it has every section.
# 4. Ctrl+E writes the workbook (XLSX) with its Metrics sheet, as knp export does.
# Usage: export_test.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools Xvfb:xvfb xdotool:xdotool xmllint:libxml2-utils pdftoppm:poppler-utils pdftotext:poppler-utils
require_python_modules zipfile:python3
build=$1 datasets=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
knp="$build/knp"
py=/usr/bin/python3
fail() { echo "FAIL: $*"; exit 1; }
export XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state" KNP_FILE_DIALOG=builtin LC_ALL=C.UTF-8 KNP_NO_OPEN=1
"$knp" new "$out/cli.knp" --name Musterstadt 2>/dev/null
"$knp" new "$out/view.knp" --name Musterstadt 2>/dev/null
"$knp" import "$datasets/musterstadt" -o "$out/cli.knp" 2>/dev/null

source "$(dirname "$0")/xvfb.sh"
view=""
cleanup() { [ -z "$view" ] || kill -9 "$view" 2>/dev/null || true; kill -9 $xvfb 2>/dev/null || true; }
trap cleanup EXIT
"$build/knotenpunkt" --size 1400x900 "$out/view.knp" 2>>"$out/view.log" &
view=$!
window=$(window_of $view) || exit 1
sleep 1.5
xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
xdotool mousemove --window "$window" 600 450

# choose ACTION_KEY PATH: the in-app browser for that shortcut, the path typed, Enter.
choose() {
  xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
  xdotool mousemove --window "$window" 600 450
  sleep 0.3
  xdotool key "$1"
  sleep 1.5
  xdotool key ctrl+a
  xdotool type --delay 30 "$2"
  xdotool key Return
}
# wait_for FILE: up to 60 s.
wait_for() {
  for _ in $(seq 300); do [ -s "$1" ] && return 0; sleep 0.2; done
  fail "$1 was not written"
}
# write KEY PATH: the shortcut's browser, PATH, and the file written.
write() {
  choose "$1" "$2"
  wait_for "$2"
}

# 1. Import.
choose ctrl+i "$datasets/musterstadt"
for _ in $(seq 100); do
  n=$("$knp" info "$out/view.knp" --format json 2>/dev/null | grep -o '"actors": [0-9]*' | grep -o '[0-9]*$') || true
  [ "${n:-0}" = 67 ] && break
  sleep 0.2
done
[ "${n:-0}" = 67 ] || fail "Ctrl+I did not import the sample's 67 actors (${n:-none})"
sleep 1
"$knp" export "$out/cli.knp" -o "$out/cli.json" --layout keep 2>/dev/null
"$knp" export "$out/view.knp" -o "$out/view.json" --layout keep 2>/dev/null
"$knp" history "$out/cli.knp" --format json > "$out/cli-history.json"
"$knp" history "$out/view.knp" --format json > "$out/view-history.json"
$py - "$out" <<'PY' || fail "the view's import differs from knp import"
import json, sys
out = sys.argv[1]
def load(name):
    d = json.load(open(f"{out}/{name}.json"))
    actors = {a["id"]: {k: v for k, v in a.items() if k not in ("x", "y", "placed", "pinned")} for a in d["nodes"]}
    links = {l["id"]: l for l in d["links"]}
    return actors, links
ca, cl = load("cli")
va, vl = load("view")
assert len(ca) == 67 and len(cl) == 167, (len(ca), len(cl))
assert ca == va, [k for k in ca if ca[k] != va.get(k)][:5]
assert cl == vl, [k for k in cl if cl[k] != vl.get(k)][:5]
ch = [e["kind"] for e in json.load(open(f"{out}/cli-history.json"))]
vh = [e["kind"] for e in json.load(open(f"{out}/view-history.json"))]
assert ch == ["import"], ch
assert vh[0] == "import" and all(k == "layout" for k in vh[1:]), vh
PY
echo "Ctrl+I: the same 67 actors and 167 links as knp import, field by field, one import step"

# 2. The map as PNG and PDF.
write ctrl+p "$out/karte.png"
write ctrl+p "$out/karte.pdf"
sleep 0.5
pdftoppm -r 40 -png -singlefile "$out/karte.pdf" "$out/karte-pdf" || fail "pdftoppm cannot render the map's PDF"
pdftotext "$out/karte.pdf" "$out/karte.txt" || fail "pdftotext cannot read the map's PDF"
for name in "Jobcenter Musterstadt" "Ausländerbehörde"; do
  grep -qF "$name" "$out/karte.txt" || fail "the map's PDF lacks \"$name\""
done
size=$($py -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[:8]==b"\x89PNG\r\n\x1a\n"; print("%dx%d" % struct.unpack(">II", d[16:24]))' "$out/karte.png") ||
  fail "karte.png is not a PNG"
case "$size" in 350[78]x24[89][01]) ;; *) fail "the PNG is not A4 landscape at 300 dpi (3508 x 2480): $size" ;; esac
echo "Ctrl+P: the map as PNG (A4, 300 dpi) and PDF (renders, names inside)"

# 3. The strategy report in the background.
write ctrl+b "$out/bericht.html"
sleep 0.5
for id in karte felder ausfall vorschlaege methode; do
  grep -q "<section id=\"$id\"" "$out/bericht.html" || fail "the report lacks the section $id"
done
xmllint --html --noout "$out/bericht.html" 2>/dev/null || true
echo "Ctrl+B: the strategy report with every section"

# 4. The workbook, with the metrics knp computes.
write ctrl+e "$out/daten.xlsx"
sleep 0.5
"$knp" export "$out/view.knp" -o "$out/knp.xlsx" --layout keep 2>/dev/null
$py - "$out/daten.xlsx" "$out/knp.xlsx" <<'PY' || fail "the view's workbook differs from knp export's"
import sys, zipfile
def parts(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/") or n == "xl/sharedStrings.xml"}
a, b = parts(sys.argv[1]), parts(sys.argv[2])
assert a.keys() == b.keys() and len(a) >= 5, (sorted(a), sorted(b))
assert a == b, [n for n in a if a[n] != b[n]]
PY
echo "Ctrl+E: the workbook is the one knp export writes"
kill -9 $view
view=""
echo "PASS"
