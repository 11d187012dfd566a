#pragma once
// Sector rings, as facilitators draw maps by hand (VennMaker's sectors and rings): a circle cut
// into one wedge per sector (or per field of action), wedge sizes by actor count; the most
// influential (or most central) actors sit near the centre. Actors are spread evenly along
// rings inside their wedge; a ring that is full overflows outwards, so nothing overlaps.
// O(n log n).
#include <string>
#include <vector>

#include "core/network.hpp"
#include "core/geometry.hpp"

namespace knp::layout {

enum class RingGrouping { Sector, Field };

struct RingOptions {
    RingGrouping grouping = RingGrouping::Sector;
    std::vector<double> rank;  // per actor, higher = nearer the centre; empty: influence
    double gap = 8;            // points between neighbouring circles
};

struct Wedge {
    std::string group;         // sector or field key ("" = none)
    double startAngle = 0, endAngle = 0;  // radians, counter-clockwise from the x axis
    std::vector<std::uint32_t> actors;
};

struct RingLayout {
    std::vector<Point> positions;
    std::vector<Wedge> wedges;
    std::vector<double> ringRadii;  // for drawing the rings
};

RingLayout ringLayout(const Network& network, const RingOptions& o = {});

}  // namespace knp::layout
