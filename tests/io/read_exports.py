#!/usr/bin/env python3
"""Files written by `knp export` are read by the programs that read them: GraphML, GEXF and JSON
(node-link) by networkx (Debian's python3-networkx), XLSX by Python's zipfile and an XML
parser, CSV by Python's csv module; and networkx's GEXF and a workbook laid out as Excel and Kumu write them by knp. Usage: read_exports.py BUILD_DIR DATASETS_DIR OUT_DIR"""
import csv
import json
import math
import os
import subprocess
import sys
import zipfile

import networkx as nx

build, datasets, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
knp = os.path.join(build, "knp")
sample = os.path.join(datasets, "musterstadt")
failures = []
with open(os.path.join(sample, "actors.csv"), encoding="utf-8", newline="") as fh:
    persons = [row["contact_person"] for row in csv.DictReader(fh) if row["contact_person"]]


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


# GraphML, laid out by the force layout, in German and in English.
for lang in ("de", "en"):
    path = os.path.join(out, f"musterstadt_{lang}.graphml")
    subprocess.run([knp, "--lang", lang, "export", sample, "-o", path, "--layout", "force"], check=True,
                   stderr=subprocess.DEVNULL)
    g = nx.read_graphml(path)
    check(g.number_of_nodes() == 67, f"{lang}: networkx reads 67 nodes (got {g.number_of_nodes()})")
    check(g.number_of_edges() == 167, f"{lang}: networkx reads 167 edges (got {g.number_of_edges()})")
    check(g.graph.get("name") == "musterstadt", f"{lang}: graph name {g.graph.get('name')!r}")
    wc = g.nodes["wc"]
    check(wc.get("label") == "Welcome Center Musterstadt", f"{lang}: label of wc {wc.get('label')!r}")
    expected_sector = "Kommunalverwaltung" if lang == "de" else "Municipal administration"
    check(wc.get("sector") == expected_sector, f"{lang}: sector of wc {wc.get('sector')!r}")
    check(all(isinstance(d.get("x"), float) and isinstance(d.get("y"), float) and math.isfinite(d["x"])
              for _, d in g.nodes(data=True)), f"{lang}: every node has float x and y")
    check(all(isinstance(d.get("influence"), int) for _, d in g.nodes(data=True)), f"{lang}: influence is an int")
    check(all(isinstance(d.get("contact_point"), bool) for _, d in g.nodes(data=True)), f"{lang}: contact_point is a bool")
    weights = [d.get("weight") for _, _, d in g.edges(data=True)]
    check(all(isinstance(w, float) and w > 0 for w in weights), f"{lang}: every edge has a positive float weight")
    text = open(path, encoding="utf-8").read()
    check(persons and not any(p in text for p in persons), f"{lang}: none of the {len(persons)} contact persons in the file")
    # networkx computes on it like on any graph: degree of the Welcome Center as knp says (24).
    check(g.degree("wc") == 24, f"{lang}: degree of wc in networkx {g.degree('wc')}")

# JSON: a networkx node-link document, read by networkx.node_link_graph as it is.
path = os.path.join(out, "musterstadt.json")
subprocess.run([knp, "export", sample, "-o", path, "--layout", "rings"], check=True, stderr=subprocess.DEVNULL)
with open(path, encoding="utf-8") as fh:
    doc = json.load(fh)
g = nx.node_link_graph(doc)
check(g.number_of_nodes() == 67 and g.number_of_edges() == 167, f"json: networkx reads {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
check(g.is_multigraph() and not g.is_directed(), "json: an undirected multigraph (the sample has undirected links)")
check(g.nodes["wc"]["label"] == "Welcome Center Musterstadt" and g.degree("wc") == 24, "json: the Welcome Center, degree 24")
check(all(isinstance(d.get("x"), float) for _, d in g.nodes(data=True)), "json: every node has x and y")
text = open(path, encoding="utf-8").read()
check(not any(p in text for p in persons), "json: no contact person in the file")
# Betweenness by networkx on our export equals knp's (the contract's definition).
bc = nx.betweenness_centrality(nx.Graph(g))
metrics = json.loads(subprocess.run([knp, "metrics", sample, "--format", "json", "--metrics", "betweenness"],
                                    check=True, capture_output=True, text=True).stdout)
ours = {row["id"]: row["betweenness"] for row in metrics}
check(all(abs(bc[k] - ours[k]) < 1e-9 for k in ours), "json: networkx betweenness on the export equals knp metrics")

# GEXF 1.3 (Gephi's current version). Debian bookworm's networkx 2.8 knows GEXF up to 1.2draft;
# its reader is told the 1.3 namespaces, as networkx 3 does itself.
from networkx.readwrite.gexf import GEXF
GEXF.versions.setdefault("1.3", dict(GEXF.versions["1.2draft"], NS_GEXF="http://gexf.net/1.3",
                                     NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3",
                                     SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"))
path = os.path.join(out, "musterstadt.gexf")
subprocess.run([knp, "export", sample, "-o", path, "--layout", "force"], check=True, stderr=subprocess.DEVNULL)
g = nx.read_gexf(path, version="1.3")
check(g.number_of_nodes() == 67 and g.number_of_edges() == 167, f"gexf: networkx reads {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
check(not g.is_directed(), "gexf: undirected (the sample mixes directed and undirected links)")
wc = g.nodes["wc"]
check(wc.get("label") == "Welcome Center Musterstadt" and wc.get("sector") == "Kommunalverwaltung", f"gexf: wc {wc.get('label')!r} {wc.get('sector')!r}")
check(wc["viz"]["color"]["r"] == 0x1F and wc["viz"]["color"]["g"] == 0x77 and wc["viz"]["color"]["b"] == 0xB4,
      f"gexf: wc coloured as its sector {wc['viz']['color']}")
check(all(math.isfinite(d["viz"]["position"]["x"]) for _, d in g.nodes(data=True)), "gexf: every node has a viz:position")
check(isinstance(wc.get("influence"), int) and isinstance(wc.get("contact_point"), bool), "gexf: typed attributes")
check(all(d.get("weight", 0) > 0 for _, _, d in g.edges(data=True)), "gexf: every edge has a positive weight")
check(sum(1 for _, _, d in g.edges(data=True) if d.get("directed")) == 42, "gexf: 42 edges say directed=true")
check(g.degree("wc") == 24, f"gexf: degree of wc {g.degree('wc')}")
check(not any(p in open(path, encoding="utf-8").read() for p in persons), "gexf: no contact person in the file")
# And files networkx writes (GEXF 1.2draft, dynamic attributes) are read by knp.
h = nx.Graph(name="nx")
h.add_node("a", label="Jobcenter", sector="Arbeitsmarkt", viz={"position": {"x": 1.5, "y": -2.0, "z": 0.0}})
h.add_node("b", label="Sprachcafé", start=2020)
h.add_edge("a", "b", weight=3.0, type_of_help="Beratung")
path = os.path.join(out, "networkx.gexf")
nx.write_gexf(h, path)
info = json.loads(subprocess.run([knp, "info", path, "--format", "json"], check=True, capture_output=True, text=True).stdout)
check(info.get("actors") == 2 and info.get("links") == 1, f"gexf from networkx: knp reads {info.get('actors')} actors, {info.get('links')} links")

# XLSX: Python's zipfile and an XML parser read our workbook as any program reading
# spreadsheets would: the sheets, their headers and cells.
import xml.etree.ElementTree as ET
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def read_xlsx(path):
    """{sheet name: [[cell text, ...], ...]} through zipfile and ElementTree."""
    with zipfile.ZipFile(path) as z:
        check(z.testzip() is None, f"xlsx: {os.path.basename(path)} passes zipfile's CRC check")
        shared = [''.join(t.text or '' for t in si.iter(S + "t"))
                  for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(S + "si")] if "xl/sharedStrings.xml" in z.namelist() else []
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
        out = {}
        for sheet in ET.fromstring(z.read("xl/workbook.xml")).iter(S + "sheet"):
            rows = []
            for row in ET.fromstring(z.read("xl/" + rels[sheet.get(R + "id")])).iter(S + "row"):
                cells = []
                for c in row.iter(S + "c"):
                    col = 0
                    for ch in c.get("r").rstrip("0123456789"):
                        col = col * 26 + ord(ch) - 64
                    while len(cells) < col - 1:
                        cells.append("")
                    v = c.find(S + "v")
                    text = shared[int(v.text)] if c.get("t") == "s" else (v.text if v is not None else "")
                    cells.append(text)
                rows.append(cells)
            out[sheet.get("name")] = rows
        return out


path = os.path.join(out, "musterstadt.xlsx")
subprocess.run([knp, "export", sample, "-o", path], check=True, stderr=subprocess.DEVNULL)
book = read_xlsx(path)
check(list(book) == ["Akteure", "Verbindungen", "Kennzahlen", "Lücken"], f"xlsx: sheets {list(book)}")
actors = book["Akteure"]
check(actors[0][:4] == ["Kennung", "Name", "Kurzname", "Sektor"] and len(actors) == 68, f"xlsx: Akteure header {actors[0][:4]}, {len(actors) - 1} rows")
wc_row = next(r for r in actors if r and r[0] == "wc")
check(wc_row[1] == "Welcome Center Musterstadt" and wc_row[3] == "Kommunalverwaltung", f"xlsx: wc row {wc_row[:4]}")
check(len(book["Verbindungen"]) == 168 and book["Verbindungen"][0][:3] == ["Kennung", "Von", "Nach"], "xlsx: 167 links under Kennung, Von, Nach")
metrics_rows = book["Kennzahlen"]
deg = metrics_rows[0].index("degree")
check(next(r for r in metrics_rows if r[0] == "wc")[deg] == "24", "xlsx: degree of wc in Kennzahlen is 24")
check(not any(p in str(book) for p in persons), "xlsx: no contact person in the workbook")

# A workbook laid out as Excel and Kumu write them (shared strings with rich-text runs, inline
# strings, numbers, booleans, gaps between cells), read by knp.
def write_workbook(path, sheets, shared):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                   + "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (n, _) in enumerate(sheets)) + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets))) + "</Relationships>")
        z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + "".join(shared) + "</sst>")
        for i, (_, rows) in enumerate(sheets):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows + "</sheetData></worksheet>")


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


shared = ['<si><t>Label</t></si>', '<si><t>Type</t></si>', '<si><r><rPr><b/></rPr><t xml:space="preserve">Jobcenter </t></r><r><t>Krefeld</t></r><rPh><t>x</t></rPh></si>',
          '<si><t>Arbeitsmarkt</t></si>', '<si><t>From</t></si>', '<si><t>To</t></si>']
elements = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>1</v></c></row>'
            '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>'
            '<row r="4">' + inline("A4", "Sprachcafé „Miteinander“") + inline("B4", "Zivilgesellschaft") + '</row>')
connections = ('<row r="1"><c r="A1" t="s"><v>4</v></c><c r="B1" t="s"><v>5</v></c>' + inline("C1", "Strength") + inline("D1", "gerichtet") + '</row>'
               '<row r="2"><c r="A2" t="s"><v>2</v></c>' + inline("B2", "Sprachcafé „Miteinander“") + '<c r="C2"><v>2.5</v></c><c r="D2" t="b"><v>1</v></c></row>')
path = os.path.join(out, "kumu.xlsx")
write_workbook(path, [("Elements", elements), ("Connections", connections)], shared)
subprocess.run([knp, "export", path, "-o", os.path.join(out, "kumu.json")], check=True, stderr=subprocess.DEVNULL)
with open(os.path.join(out, "kumu.json"), encoding="utf-8") as fh:
    doc = json.load(fh)
names = sorted(n["label"] for n in doc["nodes"])
check(names == ["Jobcenter Krefeld", "Sprachcafé „Miteinander“"], f"xlsx from Excel/Kumu: actors {names}")
link = doc["links"][0]
check(abs(link["weight"] - 2.5) < 1e-12 and link["directed"] is True, f"xlsx from Excel/Kumu: strength 2.5, directed ({link.get('weight')}, {link.get('directed')})")
check(any(n.get("sector") == "Arbeitsmarkt" for n in doc["nodes"]), "xlsx from Excel/Kumu: Type becomes the sector")

# CSV: Python's csv module reads the three files as Excel would (byte order mark, German
# semicolons and decimal commas); a cell that a spreadsheet would run as a formula is guarded.
csv_dir = os.path.join(out, "csv")
os.makedirs(csv_dir, exist_ok=True)
path = os.path.join(csv_dir, "netz.csv")
subprocess.run([knp, "export", sample, "-o", path], check=True, stderr=subprocess.DEVNULL)
raw = open(path, "rb").read()
check(raw.startswith(b"\xef\xbb\xbf"), "csv: UTF-8 byte order mark")
with open(path, encoding="utf-8-sig", newline="") as fh:
    links = list(csv.DictReader(fh, delimiter=";"))
check(len(links) == 167 and links[0]["Von"] == "wc", f"csv: {len(links)} links under Von/Nach")
with open(os.path.join(csv_dir, "netz.actors.csv"), encoding="utf-8-sig", newline="") as fh:
    actor_rows = list(csv.DictReader(fh, delimiter=";"))
check(len(actor_rows) == 67 and all("," in r["x"] or r["x"].lstrip("-").isdigit() for r in actor_rows), "csv: 67 actors, x with decimal commas")
with open(os.path.join(csv_dir, "netz.metrics.csv"), encoding="utf-8-sig", newline="") as fh:
    wc = next(r for r in csv.DictReader(fh, delimiter=";") if r["id"] == "wc")
check(wc["degree"] == "24" and abs(float(wc["betweenness"].replace(",", ".")) - ours["wc"]) < 1e-12, f"csv: metrics of wc {wc['degree']} {wc['betweenness']}")
hostile = os.path.join(csv_dir, "formel.csv")
with open(hostile, "w", encoding="utf-8") as fh:
    fh.write('Von,Nach\n"=HYPERLINK(""http://example.org"")",@Kreis\n')
path = os.path.join(csv_dir, "formel_export.csv")
subprocess.run([knp, "--lang", "en", "export", hostile, "-o", path], check=True, stderr=subprocess.DEVNULL)
with open(path, encoding="utf-8-sig", newline="") as fh:
    row = next(csv.DictReader(fh))
check(row["source"].startswith("'=") and row["target"] == "'@Kreis", f"csv: formulas guarded {row['source']!r} {row['target']!r}")
back = json.loads(subprocess.run([knp, "info", path, "--format", "json"], check=True, capture_output=True, text=True).stdout)
check(back["links"] == 1 and back["actors"] == 2, "csv: the guarded file reads back")

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all exports read back")
