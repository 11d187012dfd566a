#include "core/geometry.hpp"

#include <algorithm>
#include <limits>

namespace knp {

Bounds bounds(const std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<std::uint32_t>* subset) {
    Bounds b{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
             std::numeric_limits<double>::lowest()};
    auto add = [&](std::size_t i) {
        b.minX = std::min(b.minX, pos[i].x - radius[i]);
        b.minY = std::min(b.minY, pos[i].y - radius[i]);
        b.maxX = std::max(b.maxX, pos[i].x + radius[i]);
        b.maxY = std::max(b.maxY, pos[i].y + radius[i]);
    };
    if (subset) for (const std::uint32_t i : *subset) add(i);
    else for (std::size_t i = 0; i < pos.size(); ++i) add(i);
    if (b.minX > b.maxX) return Bounds{};
    return b;
}

Bounds freeRectangle(const Bounds& area, const std::vector<Bounds>& obstacles, double contentWidth, double contentHeight) {
    // Candidate edges: the area's and every obstacle's; the best free rectangle has its edges
    // among them. A few panels make a few thousand candidates.
    std::vector<double> xs{area.minX, area.maxX}, ys{area.minY, area.maxY};
    std::vector<Bounds> inside;
    for (const Bounds& o : obstacles) {
        const Bounds c{std::max(o.minX, area.minX), std::max(o.minY, area.minY), std::min(o.maxX, area.maxX), std::min(o.maxY, area.maxY)};
        if (c.width() <= 0 || c.height() <= 0) continue;
        inside.push_back(c);
        xs.insert(xs.end(), {c.minX, c.maxX});
        ys.insert(ys.end(), {c.minY, c.maxY});
    }
    for (auto* v : {&xs, &ys}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    const double cw = std::max(1e-9, contentWidth), ch = std::max(1e-9, contentHeight);
    Bounds best = area;
    double bestScale = -1, bestArea = -1;
    for (std::size_t a = 0; a < xs.size(); ++a)
        for (std::size_t b = a + 1; b < xs.size(); ++b)
            for (std::size_t c = 0; c < ys.size(); ++c)
                for (std::size_t d = c + 1; d < ys.size(); ++d) {
                    const Bounds r{xs[a], ys[c], xs[b], ys[d]};
                    const double scale = std::min(r.width() / cw, r.height() / ch), size = r.width() * r.height();
                    if (size < 0.12 * area.width() * area.height()) continue;
                    if (scale < bestScale || (scale == bestScale && size <= bestArea)) continue;
                    if (std::any_of(inside.begin(), inside.end(), [&](const Bounds& o) { return o.overlaps(r); })) continue;
                    best = r;
                    bestScale = scale;
                    bestArea = size;
                }
    return best;
}

}  // namespace knp
