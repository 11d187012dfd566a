#pragma once
// GraphView: an immutable, compact view of a network for the analyses (CSR arrays built once
// from the model). Actor i of the view is actor i of the network.
//  - The simple network: parallel links between a pair count once; their weight is the
//    strongest strength. The undirected view joins a->b and b->a.
//  - A network is directed when every link is directed (and there is at least one link);
//    otherwise analyses treat it as undirected.
// Build: O(n + m log m).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/network.hpp"

namespace knp {

// Compressed sparse rows: the neighbours of u are targets[offsets[u] .. offsets[u+1]),
// sorted by index, with one weight each.
struct Csr {
    std::vector<std::uint32_t> offsets{0};
    std::vector<std::uint32_t> targets;
    std::vector<double> weights;

    std::size_t nodeCount() const { return offsets.size() - 1; }
    std::size_t arcCount() const { return targets.size(); }
    std::span<const std::uint32_t> neighbors(std::uint32_t u) const {
        return {targets.data() + offsets[u], targets.data() + offsets[u + 1]};
    }
    std::span<const double> neighborWeights(std::uint32_t u) const {
        return {weights.data() + offsets[u], weights.data() + offsets[u + 1]};
    }
    std::uint32_t degree(std::uint32_t u) const { return offsets[u + 1] - offsets[u]; }
    bool hasArc(std::uint32_t u, std::uint32_t v) const;  // binary search, O(log deg)

    // Builds from arcs (u, v, weight); duplicates keep the largest weight.
    static Csr fromArcs(std::size_t n, std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> arcs);
};

struct GraphView {
    std::size_t n = 0;
    bool directed = false;
    Csr undirected;  // simple undirected view
    Csr out;         // simple arcs honouring each link's own direction (undirected: both ways)
    Csr in;          // reverse of `out`
    std::vector<std::uint32_t> degree, inDegree, outDegree;  // link ends, every link counted
    std::size_t linkCount = 0;

    static GraphView build(const Network& network);
    // The undirected subnetwork induced by `nodes` (indices into this view), renumbered 0..k-1.
    GraphView induced(const std::vector<std::uint32_t>& nodes) const;
    // The view the network's direction calls for: out/in when directed, else undirected.
    const Csr& forward() const { return directed ? out : undirected; }
    const Csr& backward() const { return directed ? in : undirected; }
};

// Connected components of the undirected view (Boost.Graph): component index per actor.
std::vector<std::uint32_t> components(const GraphView& g, std::uint32_t* count = nullptr);

}  // namespace knp
