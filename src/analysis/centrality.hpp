#pragma once
// Centralities on a GraphView, following the networkx 2.8 definitions (CONTRACT.md), so that
// anyone can check them. Values are indexed by actor; NaN where a value is not defined.
#include <cstdint>
#include <vector>

#include "core/graph_view.hpp"

namespace knp::analysis {

// Options shared by the path-based measures.
struct PathOptions {
    bool weighted = false;  // a link's strength s becomes the distance 1/s
};


struct BetweennessOptions {
    bool weighted = false;     // distance 1/strength (Dijkstra) instead of hops
    bool approximate = false;  // Riondato-Kornaropoulos sampling instead of exact Brandes
    double epsilon = 0.02;     // additive error bound of the sample (normalised values)
    double delta = 0.1;        // probability that the bound fails
    std::uint64_t seed = 1;
};

struct BetweennessResult {
    std::vector<double> values;  // normalised like betweenness_centrality(G, normalized=True)
    bool approximate = false;
    double epsilon = 0, delta = 0;
    std::size_t samples = 0;
};

// Brandes (2001), "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2).
// Exact: O(n m) unweighted, O(n m log n) weighted, in parallel over source actors.
// Sampled: Riondato and Kornaropoulos (2016), "Fast approximation of betweenness centrality
// through sampling", DMKD 30(2): r = (c/eps^2)(floor(log2(VD-2)) + 1 + ln(1/delta)) shortest
// paths with c = 0.5 and VD bounded by a double sweep; every value is within eps of the exact
// one with probability at least 1 - delta. O(r m).
BetweennessResult betweenness(const GraphView& g, const BetweennessOptions& o = {});

struct DistanceResult {
    std::vector<double> closeness;  // closeness_centrality(G), Wasserman-Faust for disconnected graphs
    std::vector<double> harmonic;   // harmonic_centrality(G): sum of 1/d(v, u), hops
    double sumDistances = 0;        // over all ordered reachable pairs (hops)
    std::size_t reachablePairs = 0;
    std::uint32_t diameter = 0;     // longest finite distance (hops)
};

// One BFS (or Dijkstra for weighted closeness) per actor towards it: distances d(v, u) along
// the network's direction. O(n m) / O(n m log n).
DistanceResult distances(const GraphView& g, const PathOptions& o = {});

// eigenvector_centrality_numpy on the undirected simple view, unit L2 norm, positive. The
// Perron vector of the component with the largest eigenvalue (others 0), by power iteration on
// A + I. NaN for every actor when there is no link. O(iterations m).
std::vector<double> eigenvector(const GraphView& g);

// pagerank(G, alpha=0.85): dangling mass spread evenly, weights = strengths when `weighted`.
// Power iteration to an L1 change below 1e-14. O(iterations m).
std::vector<double> pagerank(const GraphView& g, bool weighted, double alpha = 0.85);

}  // namespace knp::analysis
