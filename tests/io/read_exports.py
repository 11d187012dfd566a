#!/usr/bin/env python3
"""Files written by `knp export` are read by the programs that read them: GraphML, GEXF and JSON
(node-link) by networkx (Debian's python3-networkx), and networkx's GEXF by knp. Usage: read_exports.py BUILD_DIR DATASETS_DIR OUT_DIR"""
import csv
import json
import math
import os
import subprocess
import sys

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

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all exports read back")
