#pragma once
// Louvain communities: Blondel, Guillaume, Lambiotte, Lefebvre (2008), "Fast unfolding of
// communities in large networks", J. Stat. Mech. P10008. On the undirected simple view, weights
// 1 (or strengths when weighted), resolution 1. Deterministic: actors are visited in order and
// ties keep the current community. Roughly O(m) per pass.
#include <cstdint>
#include <vector>

#include "core/graph_view.hpp"

namespace knp::analysis {

struct Communities {
    std::vector<std::uint32_t> membership;  // 1-based community number, numbered by first actor
    std::uint32_t count = 0;
    double modularity = 0;
};

Communities louvain(const GraphView& g, bool weighted = false);
// Newman-Girvan modularity of a partition on the undirected simple view.
double modularity(const GraphView& g, const std::vector<std::uint32_t>& membership, bool weighted = false);

}  // namespace knp::analysis
