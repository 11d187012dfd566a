#pragma once
// Placement of a map on paper: the layout's positions are fitted into a rectangle of the page
// so that no actor's box (its circle with its name under it) overlaps another, while the
// arrangement of the layout stays recognisable. Dense cores are spread, outlying groups are
// drawn closer: the page is used instead of a few actors at its corners and a knot in the
// middle. Boxes are pushed apart along the axis of least overlap (a simple form of the
// "scan line" overlap removal Graphviz and Gephi use), the scale is refitted and the removal
// repeated; neighbours are found through a uniform grid, O(n) per sweep for even boxes.
// Given the links drawn, each round also keeps every actor off the links it is not part of (an
// actor on the line between two others reads as their go-between): the sweeps of
// layout/link_clearance.hpp alternate with the box separation until neither moves anything.
#include <cstddef>
#include <vector>

#include "core/geometry.hpp"
#include "layout/link_clearance.hpp"

namespace knp::report {

struct PrintBox {
    double halfWidth = 0, halfHeight = 0;  // points
    double dy = 0;  // the box's centre lies dy points above the actor (negative: below)
};

// The links drawn between the actors (indices into the positions) and how far an actor stays
// off the links it is not part of: its circle's radius plus `clearance` points.
struct PrintLinks {
    std::vector<layout::LinkEnds> links;
    std::vector<double> radius;  // by actor: its circle, points
    double clearance = 2;
};

struct PrintPlacement {
    std::vector<Point> centres;  // actor positions in points, y up
    bool overlapsLeft = false;           // the area was too small to keep every box apart
    std::size_t onForeignLinks = 0;      // actors left on a link between two others
};

// Positions (any unit, y up) into [x0, x1] x [y0, y1] (points): every box inside the area,
// boxes 2 points apart where the area allows, actors off the links they are not part of.
PrintPlacement placeForPrint(const std::vector<Point>& positions, const std::vector<PrintBox>& boxes, double x0, double y0,
                             double x1, double y1, const PrintLinks& links = {});

// True when two of the boxes at these centres overlap (for tests and the caller's checks).
bool boxesOverlap(const std::vector<Point>& centres, const std::vector<PrintBox>& boxes, double pad = 0);

}  // namespace knp::report
