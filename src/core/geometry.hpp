#pragma once
// Positions of actors on the map, in points (1/72 inch, as Graphviz), and the size an actor
// takes there. Shared by every layout, the view and the exports.
#include <cmath>
#include <vector>

#include "core/model.hpp"

namespace knp {

struct Point {
    double x = 0, y = 0;
};

// Radius of an actor's circle in points: grows with influence (0-5), 14 to 34.
inline double actorRadius(const Actor& a) { return 14.0 + 4.0 * a.influence; }

struct Bounds {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
};

// Bounding box of circles (centre, radius).
Bounds bounds(const std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<std::uint32_t>* subset = nullptr);

}  // namespace knp
