#pragma once
// Structural measures on the undirected simple view (networkx 2.8 definitions) and the
// network-level figures of `knp metrics --graph`.
#include <cstdint>
#include <utility>
#include <vector>

#include "core/graph_view.hpp"

namespace knp::analysis {

// clustering(G): 2T(u) / (deg(u)(deg(u)-1)), 0 below degree 2. O(m^1.5) via sorted adjacency.
std::vector<double> clustering(const GraphView& g);
// Triangles at each actor (each triangle counted once at each of its corners).
std::vector<std::uint64_t> triangles(const GraphView& g);
// transitivity(G) = 3 * triangles / connected triples.
double transitivity(const GraphView& g);
// core_number(G), through Boost.Graph's core_numbers (Batagelj-Zaversnik, O(m)).
std::vector<std::uint32_t> coreNumbers(const GraphView& g);
// Burt (1992) constraint and effective size, unweighted: constraint(u) = sum over neighbours v of
// (p_uv + sum_w p_uw p_wv)^2 with p_uv = 1/deg(u); effective_size(u) = deg - 2 t / deg with t
// the links among u's neighbours (Borgatti 1997). NaN for isolates. O(sum deg^2).
std::vector<double> constraint(const GraphView& g);
std::vector<double> effectiveSize(const GraphView& g);
// Articulation points and bridges (Boost.Graph biconnected components, Hopcroft-Tarjan, O(n+m)).
std::vector<bool> articulationPoints(const GraphView& g);
std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges(const GraphView& g);

struct GraphFigures {
    std::size_t nodes = 0, edges = 0, links = 0;  // edges: simple network; links: every link
    bool directed = false;
    double density = 0;
    std::uint32_t components = 0;
    double transitivity = 0;
    double modularity = 0;
    std::uint32_t diameter = 0;        // longest shortest path in hops (within components)
    double averagePathLength = 0;      // mean hops over all ordered reachable pairs
    double degreeCentralization = 0;   // Freeman, undirected simple degrees
    double betweennessCentralization = 0;  // Freeman on normalised betweenness
    std::size_t bridges = 0;
    std::size_t articulationPoints = 0;
};

}  // namespace knp::analysis
