#pragma once
// Force-directed layout of our own: Hu (2005), "Efficient and high quality force-directed graph
// drawing", Mathematica Journal 10(1): a multilevel spring-electrical model (attraction d^2/K
// along links, stronger for stronger links; repulsion K^2/d between all actors through a
// Barnes-Hut quadtree, theta 1.2) with an adaptive step. Coarsening by matching, then leaves
// join their neighbour's cluster. Components are laid out separately and packed side by side;
// overlapping circles are pushed apart at the end. Deterministic for a seed (forces are
// computed from the previous positions, in parallel). O(n log n + m) per iteration.
// Incremental mode starts from the current positions (used while actors are added live);
// pinned actors never move.
#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/graph_view.hpp"
#include "core/geometry.hpp"

namespace knp::layout {

struct ForceOptions {
    std::uint64_t seed = 1;
    double naturalLength = 180;    // K, points between linked actors
    bool incremental = false;      // start from `initial` (placed actors), single level
    int maxIterations = 0;         // 0: chosen by size
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(double)> progress;  // 0..1
};

struct LayoutInput {
    const GraphView* graph = nullptr;
    std::vector<double> radius;          // per actor
    std::vector<Point> initial;          // current positions (used when placed)
    std::vector<bool> placed;            // initial[i] is meaningful
    std::vector<bool> pinned;            // never moves (must be placed)
};

// Returns one position per actor; false in `*cancelled` when it ran to the end.
std::vector<Point> forceLayout(const LayoutInput& in, const ForceOptions& o, bool* cancelled = nullptr);

// Pushes overlapping circles apart (pinned ones stay), keeping `gap` points between them, for
// at most `maxRounds` sweeps (crowded hubs of very large networks may keep some overlap).
// Returns whether it moved any.
bool removeOverlaps(std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<bool>& pinned, double gap = 6,
                    int maxRounds = 150);
// Number of pairs of circles that overlap (for tests and benchmarks).
std::size_t countOverlaps(const std::vector<Point>& pos, const std::vector<double>& radius, double tolerance = 0.5);

// Places groups (e.g. components) side by side in rows: each group's positions are shifted so
// that bounding boxes (with radii and `margin`) do not overlap. Largest groups first.
void packGroups(std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<std::vector<std::uint32_t>>& groups,
                double margin = 40);

}  // namespace knp::layout
