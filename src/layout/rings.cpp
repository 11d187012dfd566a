#include "layout/rings.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace knp::layout {

RingLayout ringLayout(const Network& net, const RingOptions& o) {
    const auto& actors = net.actors();
    const std::size_t n = actors.size();
    RingLayout out;
    out.positions.resize(n);
    if (n == 0) return out;
    // Group of each actor: its sector, or its first field of action.
    const std::vector<Category>& cats = o.grouping == RingGrouping::Sector ? net.taxonomy.sectors : net.taxonomy.fields;
    std::map<std::string, std::size_t> slot;
    for (std::size_t k = 0; k < cats.size(); ++k) slot[cats[k].key] = k;
    std::vector<std::vector<std::uint32_t>> members(cats.size() + 1);  // last: without group
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::string key = o.grouping == RingGrouping::Sector ? actors[i].sector
                                                                   : (actors[i].fields.empty() ? "" : actors[i].fields.front());
        auto it = slot.find(key);
        members[it == slot.end() ? cats.size() : it->second].push_back(i);
    }
    // Rank: explicit values or influence; ties keep the actors' order.
    std::vector<double> rank(n);
    for (std::size_t i = 0; i < n; ++i) rank[i] = o.rank.size() == n ? o.rank[i] : actors[i].influence;
    std::vector<double> radius(n);
    double maxR = 0;
    for (std::size_t i = 0; i < n; ++i) maxR = std::max(maxR, radius[i] = actorRadius(actors[i]));
    const double spacing = 2 * maxR + o.gap;  // between centres along a ring and between rings
    // Wedge angles proportional to group sizes.
    double angle = std::numbers::pi / 2;  // start at the top, go clockwise
    std::vector<std::size_t> used;
    for (std::size_t k = 0; k < members.size(); ++k)
        if (!members[k].empty()) used.push_back(k);
    const double full = 2 * std::numbers::pi;
    // Rings: ring r has radius R0 + r * spacing; band b of the rank goes to ring b at first.
    const double r0 = spacing * std::max(1.0, static_cast<double>(used.size()) / std::numbers::pi);
    std::size_t maxRing = 0;
    for (const std::size_t k : used) {
        Wedge w;
        w.group = k < cats.size() ? cats[k].key : "";
        const double span = full * static_cast<double>(members[k].size()) / static_cast<double>(n);
        w.endAngle = angle;
        w.startAngle = angle - span;
        angle -= span;
        std::vector<std::uint32_t> order = members[k];
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return rank[a] > rank[b]; });
        // Bands: distinct rank levels (at most six), best first.
        std::vector<double> levels;
        for (const std::uint32_t a : order)
            if (levels.empty() || rank[a] != levels.back()) levels.push_back(rank[a]);
        const std::size_t bands = std::min<std::size_t>(levels.size(), 6);
        auto bandOf = [&](std::uint32_t a) {
            const std::size_t index = static_cast<std::size_t>(std::find(levels.begin(), levels.end(), rank[a]) - levels.begin());
            return index * bands / levels.size();
        };
        // Fill rings from the inside: an actor goes to its band's ring or, when that is full, outwards.
        std::vector<std::vector<std::uint32_t>> rings;
        std::size_t ring = 0;
        for (const std::uint32_t a : order) {
            ring = std::max(ring, bandOf(a));
            for (;; ++ring) {
                const double radiusHere = r0 + static_cast<double>(ring) * spacing;
                const double margin = std::asin(std::min(1.0, (maxR + o.gap / 2) / radiusHere));  // keep off the wedge borders
                const double usable = std::max(0.0, span - 2 * margin);
                // Centres stay `spacing` apart along the arc and off the borders; a wedge too narrow
                // at this radius holds nobody here, its actors move outwards.
                const std::size_t capacity =
                    usable > 0 ? std::max<std::size_t>(1, static_cast<std::size_t>(std::floor(usable * radiusHere / spacing))) : 0;
                if (rings.size() <= ring) rings.resize(ring + 1);
                if (rings[ring].size() < capacity) break;
            }
            rings[ring].push_back(a);
        }
        for (std::size_t r = 0; r < rings.size(); ++r) {
            const double radiusHere = r0 + static_cast<double>(r) * spacing;
            const double margin = std::asin(std::min(1.0, (maxR + o.gap / 2) / radiusHere));
            const double lo = w.startAngle + margin, hi = w.endAngle - margin;
            const std::size_t count = rings[r].size();
            for (std::size_t j = 0; j < count; ++j) {
                const double t = hi > lo ? lo + (hi - lo) * (static_cast<double>(j) + 0.5) / static_cast<double>(count)
                                         : (w.startAngle + w.endAngle) / 2;
                out.positions[rings[r][j]] = Point{radiusHere * std::cos(t), radiusHere * std::sin(t)};
            }
            maxRing = std::max(maxRing, r);
        }
        w.actors = members[k];
        out.wedges.push_back(std::move(w));
    }
    for (std::size_t r = 0; r <= maxRing; ++r) out.ringRadii.push_back(r0 + static_cast<double>(r) * spacing);
    return out;
}

}  // namespace knp::layout
