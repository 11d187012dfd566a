#!/usr/bin/python3
"""Writes the GraphML fixtures of the import tests with the real writers (Debian's
python3-networkx and python3-igraph), so the tests read files exactly as those tools write them.
Run once from this folder; the outputs are checked in next to this script."""
import igraph
import networkx as nx

# networkx, undirected, with a weight, a sector and a node attribute with a default value.
g = nx.Graph(name="Kleinstadt")
g.add_node("Jobcenter", sector="Arbeitsmarkt", influence=4)
g.add_node("Caritas", sector="Wohlfahrtsverbände", influence=3)
g.add_node("Sprachcafé Süd", sector="Zivilgesellschaft und Ehrenamt", influence=1)
g.add_node("Schule", sector="Bildung", influence=2)
g.add_edge("Jobcenter", "Caritas", weight=2.0, type="Kooperation")
g.add_edge("Caritas", "Sprachcafé Süd", weight=1.0, type="Verweisung")
g.add_edge("Caritas", "Schule", weight=7.5, type="Informationsaustausch")
nx.write_graphml(g, "networkx_undirected.graphml")

# networkx, directed multigraph (parallel links of two types between one pair).
d = nx.MultiDiGraph()
d.add_edge("BAMF", "VHS", key="f1", weight=3, type="Finanzierung")
d.add_edge("BAMF", "VHS", key="i1", weight=1, type="Informationsaustausch")
d.add_edge("VHS", "BAMF", key="d1", weight=1, type="Datenaustausch")
nx.write_graphml(d, "networkx_directed_multi.graphml")

# igraph, directed, names in the "name" vertex attribute and weights on edges.
ig = igraph.Graph(directed=True)
ig.add_vertices(4)
ig.vs["name"] = ["Ausländerbehörde", "Sozialamt", "Jobcenter", "Welcome Center"]
ig.vs["sector"] = ["Kommunalverwaltung", "Kommunalverwaltung", "Arbeitsmarkt", "Kommunalverwaltung"]
ig.add_edges([(0, 1), (1, 2), (3, 0), (3, 2)])
ig.es["weight"] = [2.0, 1.0, 3.0, 0.5]
ig.write_graphml("igraph_directed.graphml")
