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

}  // namespace knp
