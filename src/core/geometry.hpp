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
    bool contains(double x, double y) const { return x >= minX && x <= maxX && y >= minY && y <= maxY; }
    // Whether the insides overlap (touching edges do not).
    bool overlaps(const Bounds& o) const { return minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY; }
};

// The rectangle inside `area` that overlaps none of `obstacles`, is at least 12 % of it and
// shows content of aspect contentWidth : contentHeight largest (ties: the larger rectangle);
// `area` itself when there is none (obstacles everywhere: better under them than tiny). The view
// fits the map into what its panels leave free.
Bounds freeRectangle(const Bounds& area, const std::vector<Bounds>& obstacles, double contentWidth, double contentHeight);

// Bounding box of circles (centre, radius).
Bounds bounds(const std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<std::uint32_t>* subset = nullptr);

}  // namespace knp
