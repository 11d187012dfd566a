#pragma once
// Placement of a map on paper: the layout's positions are fitted into a rectangle of the page
// so that no actor's box (its circle with its name under it) overlaps another, while the
// arrangement of the layout stays recognisable. Dense cores are spread, outlying groups are
// drawn closer: the page is used instead of a few actors at its corners and a knot in the
// middle. Boxes are pushed apart along the axis of least overlap (a simple form of the
// "scan line" overlap removal Graphviz and Gephi use), the scale is refitted and the removal
// repeated; neighbours are found through a uniform grid, O(n) per sweep for even boxes.
#include <vector>

#include "core/geometry.hpp"

namespace knp::report {

struct PrintBox {
    double halfWidth = 0, halfHeight = 0;  // points
    double dy = 0;  // the box's centre lies dy points above the actor (negative: below)
};

struct PrintPlacement {
    std::vector<Point> centres;  // actor positions in points, y up
    bool overlapsLeft = false;           // the area was too small to keep every box apart
};

// Positions (any unit, y up) into [x0, x1] x [y0, y1] (points): every box inside the area,
// boxes 2 points apart where the area allows.
PrintPlacement placeForPrint(const std::vector<Point>& positions, const std::vector<PrintBox>& boxes, double x0, double y0,
                             double x1, double y1);

// True when two of the boxes at these centres overlap (for tests and the caller's checks).
bool boxesOverlap(const std::vector<Point>& centres, const std::vector<PrintBox>& boxes, double pad = 0);

}  // namespace knp::report
