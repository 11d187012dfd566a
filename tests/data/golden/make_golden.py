#!/usr/bin/python3
"""Writes the golden files of the analysis tests with Debian's python3-networkx (2.8): each
network as GraphML (the input) and what networkx computes on it (the expected values), using
the definitions of CONTRACT.md. Run once from this folder; the test suite itself needs no
Python. Expected values use the simple network: parallel links count once (the strongest),
the undirected view joins a->b and b->a."""
import csv
import json
import math
import random

import networkx as nx
from networkx.algorithms.community import louvain_communities, modularity

METRICS = ["degree", "in_degree", "out_degree", "betweenness", "closeness", "harmonic", "eigenvector",
           "pagerank", "clustering", "core", "constraint", "effective_size", "articulation"]


def metrics(G, weighted):
    """Per-node metrics of G (Graph or DiGraph) as knp metrics defines them."""
    U = G.to_undirected() if G.is_directed() else G
    dist = None
    if weighted:
        for _, _, d in G.edges(data=True):
            d["dist"] = 1.0 / d["weight"]
        dist = "dist"
    out = {m: {} for m in METRICS}
    for v in G:
        out["degree"][v] = G.degree(v)
        out["in_degree"][v] = G.in_degree(v) if G.is_directed() else None
        out["out_degree"][v] = G.out_degree(v) if G.is_directed() else None
    out["betweenness"] = nx.betweenness_centrality(G, normalized=True, weight=dist)
    out["closeness"] = nx.closeness_centrality(G, distance=dist)
    out["harmonic"] = nx.harmonic_centrality(G)
    if U.number_of_edges() > 0:
        out["eigenvector"] = nx.eigenvector_centrality_numpy(U)
    else:
        out["eigenvector"] = {v: None for v in G}
    out["pagerank"] = nx.pagerank(G, alpha=0.85, weight="weight" if weighted else None, tol=1e-15, max_iter=100000)
    out["clustering"] = nx.clustering(U)
    out["core"] = nx.core_number(U)
    out["constraint"] = nx.constraint(U)
    out["effective_size"] = nx.effective_size(U)
    ap = set(nx.articulation_points(U))
    out["articulation"] = {v: int(v in ap) for v in G}
    return out


def figures(G):
    U = G.to_undirected() if G.is_directed() else G
    n = G.number_of_nodes()
    lengths = dict(nx.all_pairs_shortest_path_length(G))
    pairs = [d for s in lengths for t, d in lengths[s].items() if s != t]
    degrees = [d for _, d in U.degree()]
    bc = nx.betweenness_centrality(G, normalized=True)
    best_q = max(modularity(U, louvain_communities(U, weight=None, seed=s), weight=None) for s in range(10)) if U.number_of_edges() else 0
    comps = nx.number_weakly_connected_components(G) if G.is_directed() else nx.number_connected_components(G)
    return {
        "nodes": n,
        "edges": G.number_of_edges(),
        "directed": G.is_directed(),
        "density": nx.density(G),
        "components": comps,
        "transitivity": nx.transitivity(U),
        "diameter": max(pairs) if pairs else 0,
        "average_path_length": sum(pairs) / len(pairs) if pairs else 0,
        "degree_centralization": sum(max(degrees) - d for d in degrees) / ((n - 1) * (n - 2)),
        "betweenness_centralization": sum(max(bc.values()) - b for b in bc.values()) / (n - 1),
        "networkx_louvain_modularity_best_of_10": best_q,
    }


def write(name, G, weighted_too):
    H = nx.DiGraph() if G.is_directed() else nx.Graph()
    for v in G:
        H.add_node(str(v), label=str(v))
    for u, v, d in G.edges(data=True):
        H.add_edge(str(u), str(v), weight=float(d.get("weight", 1)))
    nx.write_graphml(H, f"{name}.graphml")
    variants = [(False, "")] + ([(True, ".weighted")] if weighted_too else [])
    for weighted, suffix in variants:
        m = metrics(H.copy(), weighted)
        with open(f"{name}{suffix}.expected.csv", "w", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["id"] + METRICS)
            for v in H:
                row = [v]
                for k in METRICS:
                    x = m[k][v]
                    row.append("" if x is None or (isinstance(x, float) and math.isnan(x)) else repr(x))
                w.writerow(row)
    with open(f"{name}.graph.json", "w") as fh:
        json.dump(figures(H), fh, indent=1)


write("karate", nx.karate_club_graph(), True)
write("florentine", nx.florentine_families_graph(), False)
write("lesmis", nx.les_miserables_graph(), True)
write("davis", nx.davis_southern_women_graph(), False)

rng = random.Random(2026)
# Directed, with reciprocal and one-way arcs.
D = nx.gnp_random_graph(40, 0.08, seed=11, directed=True)
write("random_directed", D, False)
# Disconnected: a giant part, two small parts and isolates.
A = nx.gnm_random_graph(45, 80, seed=12)
A = nx.union(A, nx.path_graph(range(100, 104)))
A = nx.union(A, nx.cycle_graph(range(200, 203)))
A.add_nodes_from([300, 301])
write("random_disconnected", A, False)
# Weighted: strengths 1-3 and imported weights like co-occurrence counts.
Wg = nx.connected_watts_strogatz_graph(50, 4, 0.3, seed=13)
for u, v in Wg.edges():
    Wg[u][v]["weight"] = rng.choice([1, 2, 3, 0.5, 7.25])
write("random_weighted", Wg, True)
# Directed and weighted.
DW = nx.gnp_random_graph(35, 0.1, seed=14, directed=True)
for u, v in DW.edges():
    DW[u][v]["weight"] = rng.choice([1, 2, 3, 1.5])
write("random_directed_weighted", DW, True)
