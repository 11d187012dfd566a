#pragma once
// One entry for every layout engine: force (ours), rings (sector rings), and Graphviz's dot,
// neato, fdp, sfdp, circo and twopi. Callers go through session::computeLayout (layout as a
// step), which computes the metric that rings may be ranked by.
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "core/commands.hpp"
#include "core/geometry.hpp"
#include "layout/rings.hpp"

namespace knp::layout {

const std::vector<std::string>& engineNames();  // force, rings, dot, neato, fdp, sfdp, circo, twopi

struct LayoutRequest {
    std::string engine = "force";
    std::uint64_t seed = 1;
    bool incremental = false;          // force: from the current positions
    RingGrouping grouping = RingGrouping::Sector;
    std::string ringRank = "influence";  // rings: influence or a metric of knp metrics
    std::vector<double> ringRankValues;  // rings by a metric: its value per actor (session::computeLayout fills it)
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(double)> progress;
};

// Positions for every actor; pinned actors that are placed keep their position.
std::vector<Point> computeLayout(const Network& network, const LayoutRequest& request);
// Radii of all actors (actorRadius).
std::vector<double> actorRadii(const Network& network);
// The edit that stores the positions (one undoable step, kind "layout").
Edit cmdLayout(const Network& network, const std::vector<Point>& positions, const std::string& engine);

}  // namespace knp::layout
