#pragma once
// Links drawn around the actors they are not part of. Where the placement of a printed map
// (report/print_layout.hpp) could not move every actor off the straight lines between two
// others (a dense core on a small page), the line would read as "A works with C through B".
// Such a link is drawn as one cubic Bézier curve instead, bowed to whichever side clears every
// foreign circle (and its clearance) with the least bow: candidates of growing height on both
// sides, symmetric and leaning towards either end, checked against the actors near the curve
// (a uniform grid). Links that need no detour stay straight; a link no candidate clears keeps
// the shape that meets the fewest actors (straight unless a curve meets fewer).
// O(links + sum over detoured links of candidates x samples x nearby actors).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/geometry.hpp"
#include "report/print_layout.hpp"

namespace knp::report {

// A link's shape from the centre of its first actor to the centre of its second: straight, or
// the cubic Bézier curve with these two inner control points.
struct LinkRoute {
    bool curved = false;
    Point c1, c2;
};

// The area the curves must stay inside (points); empty (x1 <= x0): anywhere.
struct RouteArea {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// One route per link of `l`, given the actors' centres.
std::vector<LinkRoute> routeAroundActors(const std::vector<Point>& centres, const PrintLinks& l, const RouteArea& area = {});

// The point at t in [0, 1] along a route between a and b.
Point routePoint(const Point& a, const Point& b, const LinkRoute& r, double t);

// Actors whose circle, widened by the clearance, meets a drawn route (straight or curved) of a
// link they are not part of (naive: every actor against every link, curves sampled finely;
// for tests and the placement's figures).
std::size_t actorsOnForeignRoutes(const std::vector<Point>& centres, const PrintLinks& l, const std::vector<LinkRoute>& routes);

}  // namespace knp::report
