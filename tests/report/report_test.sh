#!/usr/bin/env bash
# The strategy report and the focused diagrams as readers see them: the sample (with a hostile
# actor name, a snapshot and a change after it) reported as HTML is well-formed XML, parses as
# HTML with no error but HTML5/SVG tag names unknown to libxml2's HTML 4 parser, has every
# section, inline SVG and no outside file or script, shows the hostile name as text; English
# too; Markdown with SVG files beside it; contact persons appear nowhere unless asked for;
# pseudonyms are stable across exports; focused diagrams show the actors they should; unknown
# names on the command line are usage errors (exit 2).
# Usage: report_test.sh BUILD_DIR DATASETS_DIR OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../support/tools.sh"
require_tools xmllint:libxml2-utils pdftotext:poppler-utils
require_python_modules networkx:python3-networkx
build=$1 datasets=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }
knp() { "$build/knp" "$@" 2>>"$out/log"; }
hostile='<script>alert(1)</script> & "Caritas"'

knp import "$datasets/musterstadt" -o "$out/m.knp"
knp snapshot "$out/m.knp" --take "Workshop 1"
printf '%s\n' "{\"op\":\"add_actor\",\"id\":\"evil\",\"name\":$(/usr/bin/python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$hostile"),\"sector\":\"Wohlfahrtsverbände\",\"fields\":[\"Arbeit und Ausbildung\"]}" \
  '{"op":"add_link","id":"evil-wc","source":"evil","target":"wc","type":"Kooperation"}' > "$out/edits.jsonl"
knp apply "$out/m.knp" "$out/edits.jsonl" >/dev/null
knp layout "$out/m.knp" >/dev/null

# HTML, German.
knp report "$out/m.knp" -o "$out/bericht.html"
xmllint --noout "$out/bericht.html" || fail "the report is not well-formed"
xmllint --html --noout "$out/bericht.html" 2>"$out/html-errors" || true
if grep "error" "$out/html-errors" | grep -v "Tag [a-zA-Z]* invalid" | grep -q .; then
  head -5 "$out/html-errors"; fail "the HTML parser reports errors"
fi
for id in befunde kennzahlen karte sektoren felder bruecken ausfall parallel anlaufstellen vorschlaege veraenderung methode; do
  grep -q "<section id=\"$id\"" "$out/bericht.html" || fail "no section $id"
done
for text in "Netzwerkbericht: musterstadt" "Welche Bereiche reden miteinander?" "Wer darf nicht wegfallen?" "Was hat sich seit „Workshop 1“ verändert?" \
            "Neue Akteure (1)" "Neue Verbindungen (1)" "Diakonie Frauentreff International" "Methode" "Betweenness" "page-break-before"; do
  grep -qF "$text" "$out/bericht.html" || fail "the report lacks \"$text\""
done
svgs=$(grep -c "<svg " "$out/bericht.html")
[ "$svgs" -ge 9 ] || fail "only $svgs inline diagrams (map, 7 fields, cut points, suggestions expected)"
! grep -qi "<script" "$out/bericht.html" || fail "a <script> element in the report"
! grep -qiE "(src|href)=\"(https?:|file:|//|[a-z0-9_./-]+\.(svg|png|css|js))" "$out/bericht.html" || fail "the report refers to an outside file"
! grep -qi "url(" "$out/bericht.html" || fail "the CSS loads something"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Caritas&quot;' "$out/bericht.html" || fail "the hostile name is not shown as text"
for person in "Leonie Hartmann" "Herr Krämer" "Frau Schäfer"; do
  ! grep -qF "$person" "$out/bericht.html" || fail "the contact person $person is in the report"
done
# The HTML's text as a browser would show it (Python's HTML parser): the name is text, not markup.
/usr/bin/python3 - "$out/bericht.html" "$hostile" <<'EOF' || fail "Python's HTML parser does not see the hostile name as text"
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.text = []; self.tags = set()
    def handle_starttag(self, tag, attrs): self.tags.add(tag)
    def handle_data(self, data): self.text.append(data)
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
assert "script" not in p.tags, "script tag"
assert sys.argv[2] in "".join(p.text), "name not in text"
EOF

# English.
knp report "$out/m.knp" -o "$out/report.html" --lang en
for text in "Network report: musterstadt" "Key figures" "Which sectors talk to each other?" "Single points of failure" "What changed since"; do
  grep -qF "$text" "$out/report.html" || fail "the English report lacks \"$text\""
done

# Markdown: diagrams beside it, each well-formed; the hostile name escaped.
knp report "$out/m.knp" -o "$out/bericht.md"
grep -q "^## Befunde" "$out/bericht.md" || fail "no findings section in Markdown"
grep -qF '&lt;script&gt;alert\(1\)&lt;/script&gt; &amp; "Caritas"' "$out/bericht.md" || fail "the hostile name is not escaped in Markdown"
for f in bericht_karte bericht_ausfall bericht_vorschlaege bericht_feld_arbeit; do
  xmllint --noout "$out/$f.svg" || fail "$f.svg is not well-formed"
  grep -qF "]($f.svg)" "$out/bericht.md" || fail "the Markdown does not show $f.svg"
done

# Contact persons are never exported (they stay in the project); a diagram shows them only when
# asked, and with --pseudonymize as pseudonyms, the same person alike in every file.
knp export "$out/m.knp" -o "$out/kp.svg" --contact-persons --pseudonymize
knp export "$out/m.knp" -o "$out/kp.pdf" --contact-persons --pseudonymize
! grep -qF "Leonie Hartmann" "$out/kp.svg" || fail "a contact person left in a pseudonymised diagram"
svg_names=$(grep -o 'Kontaktperson [0-9]*' "$out/kp.svg" | sort -u | wc -l)
[ "$svg_names" -ge 10 ] || fail "only $svg_names contact person pseudonyms in the diagram"
pdf_wc=$(pdftotext -layout "$out/kp.pdf" - | grep -o 'Kontaktperson [0-9]*' | sort -u | tr '\n' ' ')
svg_wc=$(grep -o 'Kontaktperson [0-9]*' "$out/kp.svg" | sort -u | tr '\n' ' ')
[ "$pdf_wc" = "$svg_wc" ] || fail "the PDF and the SVG name other pseudonyms ($pdf_wc / $svg_wc)"
# --pseudonymize=all: actor names and ids replaced alike in every format; links still join them.
knp export "$out/m.knp" -o "$out/p.csv" --pseudonymize=all --lang en
knp export "$out/m.knp" -o "$out/p.graphml" --pseudonymize=all --lang en
/usr/bin/python3 - "$out/p.actors.csv" "$out/p.csv" "$out/p.graphml" <<'EOF2' || fail "pseudonymised exports differ or keep names"
import csv, sys, networkx as nx
actors = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
links = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")))
g = nx.read_graphml(sys.argv[3])
assert len(actors) == 68 and g.number_of_nodes() == 68, (len(actors), g.number_of_nodes())
assert all(a["name"].startswith("Actor ") and a["id"].startswith("A") and not a["note"] for a in actors)
assert {(a["id"], a["name"]) for a in actors} == {(n, d["label"]) for n, d in g.nodes(data=True)}
ids = {a["id"] for a in actors}
assert all(l["source"] in ids and l["target"] in ids for l in links) and len(links) == 168
text = open(sys.argv[1], encoding="utf-8-sig").read() + open(sys.argv[3], encoding="utf-8").read()
assert "Jobcenter" not in text and "Leonie" not in text
EOF2
knp report "$out/m.knp" -o "$out/anonym.html" --pseudonymize=all
! grep -qF "Jobcenter Musterstadt" "$out/anonym.html" || fail "an actor name in the report with --pseudonymize=all"
grep -qF "Akteur 1" "$out/anonym.html" || fail "no actor pseudonyms in the report"

# Focused diagrams: the actors they should show.
count_actors() { grep -c '<title>a[0-9]*</title>' "$1"; }
knp export "$out/m.knp" -o "$out/feld.svg" --focus "field:Arbeit und Ausbildung"
expected=$(( $(/usr/bin/python3 -c 'import csv,sys; print(sum("Arbeit und Ausbildung" in r["fields"].split("|") for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))))' "$datasets/musterstadt/actors.csv") + 1 ))
[ "$(count_actors "$out/feld.svg")" = "$expected" ] || fail "the field diagram shows $(count_actors "$out/feld.svg") actors, not $expected"
# Ego diagrams: exactly the actors networkx's ego_graph finds, worked out from the sample's
# link list and the edits applied above (not from knp). A diagram names actor i of the project
# "a<i>"; the project keeps the order of actors.csv, the added actor last.
ego_expected() {  # ego_expected RADIUS: the node names the ego network of abh should have
  /usr/bin/python3 - "$datasets/musterstadt" "$out/edits.jsonl" "$1" <<'PY'
import csv, json, sys
import networkx as nx
folder, edits, radius = sys.argv[1], sys.argv[2], int(sys.argv[3])
ids = [r["id"] for r in csv.DictReader(open(folder + "/actors.csv", encoding="utf-8"))]
g = nx.Graph()
g.add_nodes_from(ids)
g.add_edges_from((r["source"], r["target"]) for r in csv.DictReader(open(folder + "/links.csv", encoding="utf-8")))
for line in open(edits, encoding="utf-8"):
    e = json.loads(line)
    if e["op"] == "add_actor":
        ids.append(e["id"])
        g.add_node(e["id"])
    elif e["op"] == "add_link":
        g.add_edge(e["source"], e["target"])
print(" ".join(sorted("a%d" % ids.index(v) for v in nx.ego_graph(g, "abh", radius=radius))))
PY
}
ego_shown() { grep -o '<title>a[0-9]*</title>' "$1" | sed 's|<title>\(a[0-9]*\)</title>|\1|' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'; }
knp export "$out/m.knp" -o "$out/ego.svg" --focus ego:abh
expected=$(ego_expected 1)
[ "$(ego_shown "$out/ego.svg")" = "$expected" ] ||
  fail "the ego network of the Ausländerbehörde shows $(ego_shown "$out/ego.svg"), networkx's ego_graph has $expected"
knp export "$out/m.knp" -o "$out/ego2.svg" --focus ego:abh --steps 2
expected2=$(ego_expected 2)
[ "$(ego_shown "$out/ego2.svg")" = "$expected2" ] ||
  fail "the 2-step ego network of the Ausländerbehörde shows $(ego_shown "$out/ego2.svg"), networkx's ego_graph has $expected2"
echo "ego networks: $(wc -w <<<"$expected") actors in 1 step, $(wc -w <<<"$expected2") in 2 steps, as networkx finds them"
knp export "$out/m.knp" -o "$out/schnitt.svg" --focus cut-points
grep -qF "trennt 3 ab" "$out/schnitt.svg" || fail "the cut point does not say how many it cuts off"
[ "$(grep -c 'stroke-dasharray="5,2"' "$out/schnitt.svg")" -ge 3 ] || fail "the cut-off actors are not drawn dashed"
knp export "$out/m.knp" -o "$out/vorschlag.svg" --suggested
grep -q 'stroke="#e7298a"' "$out/vorschlag.svg" || fail "no suggested link drawn"
knp export "$out/m.knp" -o "$out/gruppen.svg" --color-by community --size-by betweenness
grep -qF "Gruppen (Louvain)" "$out/gruppen.svg" && grep -qF "Größe: Brückenrolle (Betweenness)" "$out/gruppen.svg" || fail "the legend does not say colour and size"
! grep -qF "Leonie Hartmann" "$out/gruppen.svg" || fail "a contact person in a diagram not asked to show them"
knp export "$out/m.knp" -o "$out/personen.svg" --contact-persons
grep -qF "Leonie Hartmann" "$out/personen.svg" || fail "--contact-persons does not show them"
for svg in feld ego ego2 schnitt vorschlag gruppen personen; do xmllint --noout "$out/$svg.svg" || fail "$svg.svg is not well-formed"; done

# Names the network does not have: usage errors with a helpful message.
set +e
"$build/knp" export "$out/m.knp" -o "$out/x.svg" --color-by Farbe 2>"$out/err1"; rc1=$?
"$build/knp" export "$out/m.knp" -o "$out/x.svg" --focus field:Tanzen 2>"$out/err2"; rc2=$?
"$build/knp" report "$out/m.knp" -o "$out/x.txt" 2>"$out/err3"; rc3=$?
set -e
[ $rc1 = 2 ] && grep -q "attribute" "$out/err1" || fail "--color-by with an unknown attribute: exit $rc1, $(cat "$out/err1")"
[ $rc2 = 2 ] && grep -q "Arbeit und Ausbildung" "$out/err2" || fail "--focus with an unknown field: exit $rc2, $(cat "$out/err2")"
[ $rc3 = 2 ] || fail "a report as .txt: exit $rc3"
[ ! -e "$out/x.svg" ] && [ ! -e "$out/x.txt" ] || fail "a file was written despite the error"
echo "report ok"
