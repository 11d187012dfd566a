#!/usr/bin/env bash
# Diagrams as the programs that read them see them: the sample drawn as SVG, PDF and PNG by
# `knp export`; the SVG is well-formed XML and rsvg-convert renders it; pdftoppm renders the PDF
# and pdftotext finds the names with their umlauts and quotes; the PNG is A4 at 300 dpi (or
# what --size and --dpi ask for); a hostile name is shown as text everywhere and runs nothing.
# Usage: diagram_test.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools xmllint:libxml2-utils rsvg-convert:librsvg2-bin pdftoppm:poppler-utils pdftotext:poppler-utils
require_python_modules networkx:python3-networkx
build=$1 datasets=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }
png_size() { /usr/bin/python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"; }

for ext in svg pdf png; do "$build/knp" export "$datasets/musterstadt" -o "$out/karte.$ext" 2>>"$out/log"; done
xmllint --noout "$out/karte.svg" || fail "the SVG is not well-formed XML"
rsvg-convert "$out/karte.svg" -o "$out/karte_svg.png" || fail "rsvg-convert cannot render the SVG"
[ "$(png_size "$out/karte_svg.png")" = "1123x794" ] || fail "the SVG is not A4 landscape ($(png_size "$out/karte_svg.png") at 96 dpi)"
pdftoppm -r 50 -png "$out/karte.pdf" "$out/karte_pdf" || fail "pdftoppm cannot render the PDF"
text=$(pdftotext "$out/karte.pdf" -)
for name in "Ausländerbehörde" "Türkisch-Islamische" "„Ankommen“" "Kommunalverwaltung" "Größe: Einfluss"; do
  grep -qF "$name" <<<"$text" || fail "pdftotext does not find \"$name\" in the PDF"
done
# No link is drawn through an actor it does not join (it would read as their go-between): the
# links the placement could not clear go around the actors in their way (33 of the sample's 67
# actors had a link through them before).
read -r through links actors < <(/usr/bin/python3 "$(dirname "$0")/links_through_actors.py" "$out/karte.svg")
[ "$actors" = 67 ] && [ "$links" = 167 ] || fail "the SVG has $actors actors and $links links, not 67 and 167"
[ "$through" = 0 ] || fail "$through actors have a link drawn through them in the A4 SVG"
"$build/knp" export "$datasets/musterstadt" -o "$out/a3.svg" --size a3 2>>"$out/log"
read -r through links actors < <(/usr/bin/python3 "$(dirname "$0")/links_through_actors.py" "$out/a3.svg")
[ "$through" = 0 ] || fail "$through actors have a link drawn through them in the A3 SVG"
[ "$(png_size "$out/karte.png")" = "3507x2481" ] || fail "the PNG is $(png_size "$out/karte.png"), not A4 at 300 dpi"
"$build/knp" export "$datasets/musterstadt" -o "$out/a3.png" --size a3 --dpi 100 2>>"$out/log"
[ "$(png_size "$out/a3.png")" = "1654x1169" ] || fail "--size a3 --dpi 100 gave $(png_size "$out/a3.png")"

# The legend explains size only where sizes differ, in words: a new network without influence
# has no size row; a metric is named as the interface names it.
printf 'Von,Nach\nA,B\nB,C\n' > "$out/drei.csv"
"$build/knp" export "$out/drei.csv" -o "$out/drei.pdf" 2>>"$out/log"
! pdftotext "$out/drei.pdf" - | grep -qF "Größe" || fail "the legend explains a size that every actor shares"
# A few actors fill the page: names at 10 points or more (7 on the sample's A4 of 67 actors).
"$build/knp" export "$out/drei.csv" -o "$out/drei.svg" 2>>"$out/log"
size=$(grep -o 'font-size="[0-9.]*"[^>]*>A</text>' "$out/drei.svg" | grep -o '[0-9.]*' | head -1)
awk -v s="${size:-0}" 'BEGIN { exit !(s >= 10) }' || fail "a three-actor map names its actors at ${size:-no} points"
"$build/knp" export "$datasets/musterstadt" -o "$out/grad.pdf" --size-by betweenness --color-by degree 2>>"$out/log"
text=$(pdftotext "$out/grad.pdf" -)
grep -qF "Größe: Brückenrolle (Betweenness)" <<<"$text" || fail "the size legend does not name betweenness in German"
grep -qF "Verbindungen (Grad)" <<<"$text" || fail "the colour legend does not name degree in German"

# A hostile name: markup, an ampersand, quotes and Graphviz escape sequences.
printf 'Von,Nach\n"<script>alert(1)</script> & ""Caritas"" \\N \\G",Jobcenter\n' > "$out/feindlich.csv"
"$build/knp" export "$out/feindlich.csv" -o "$out/feindlich.svg" 2>>"$out/log"
"$build/knp" export "$out/feindlich.csv" -o "$out/feindlich.pdf" 2>>"$out/log"
xmllint --noout "$out/feindlich.svg" || fail "the hostile SVG is not well-formed"
! grep -q "<script" "$out/feindlich.svg" || fail "a <script> element in the SVG"
# Long names are drawn in two lines under the actor: each line is text, escapes stay as written.
grep -qF '>&lt;script&gt;alert(1)&lt;/script&gt;</text>' "$out/feindlich.svg" || fail "the hostile name is not shown as text in the SVG"
grep -qF '>&amp; &quot;Caritas&quot; \N \G</text>' "$out/feindlich.svg" || fail "the escapes of the hostile name were not kept as text"
! grep -q "Caritas&quot; a0" "$out/feindlich.svg" || fail "a Graphviz escape sequence was expanded"
pdftotext "$out/feindlich.pdf" - | tr '\n' ' ' | grep -qF '<script>alert(1)</script> & "Caritas" \N \G' || fail "the hostile name is not text in the PDF"
echo "diagrams ok"
